//! Reading and writing a cache's payload as a stream, checksummed on the way, so that the file's
//! bytes are never held whole beside the store built from them (a million entries' cache is
//! about 150 MB: held whole, a warm start needed it and the decoded image at once).
//!
//! Reading decodes with postcard from a [`Flavor`] over the file: every byte read is added to
//! the checksum; a byte string or text is read into one scratch buffer, reused, then copied
//! into its value; no length can ask for more than the payload has left, so a damaged file
//! cannot make it allocate more than its own size. Only when the checksum of every byte
//! matches the header is the decoded value trusted.

use std::io::{BufReader, Read, Write};

use postcard::de_flavors::Flavor;
use xxhash_rust::xxh3::Xxh3;

/// Why a payload could not be read back.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// It ended before its length.
    Short,
    /// Its bytes do not have the checksum the header gives.
    Damaged,
    /// Its checksum matches but it does not decode to the value asked for.
    Undecodable,
}

/// Decodes a `T` from the `length` bytes of `reader`, which must have checksum `checksum`.
pub fn read<T: serde::de::DeserializeOwned>(
    reader: impl Read,
    length: u64,
    checksum: u64,
) -> Result<T, ReadError> {
    let flavor = Payload {
        reader: BufReader::with_capacity(1 << 20, reader),
        left: length,
        hasher: Xxh3::new(),
        scratch: Vec::new(),
        short: false,
    };
    let mut deserializer = postcard::Deserializer::from_flavor(flavor);
    let decoded = T::deserialize(&mut deserializer);
    // Finalising gives the payload back (it cannot fail).
    let Ok(mut flavor) = deserializer.finalize() else {
        return Err(ReadError::Undecodable);
    };
    // Whatever was decoded, the rest is read and checked too: a damaged file's error is that
    // it is damaged, not what the damage made the decoder say.
    flavor.finish();
    if flavor.short {
        return Err(ReadError::Short);
    }
    if flavor.hasher.digest() != checksum {
        return Err(ReadError::Damaged);
    }
    decoded.map_err(|_| ReadError::Undecodable)
}

/// The payload being read: what is left of it, and the checksum of what has been.
struct Payload<R> {
    reader: BufReader<R>,
    left: u64,
    hasher: Xxh3,
    scratch: Vec<u8>,
    /// The file ended before the payload's length.
    short: bool,
}

impl<R: Read> Payload<R> {
    /// Reads the next `count` bytes into the scratch buffer.
    fn take(&mut self, count: usize) -> postcard::Result<&[u8]> {
        if count as u64 > self.left {
            return Err(postcard::Error::DeserializeUnexpectedEnd);
        }
        self.scratch.resize(count, 0);
        if self.reader.read_exact(&mut self.scratch).is_err() {
            self.short = true;
            return Err(postcard::Error::DeserializeUnexpectedEnd);
        }
        self.left -= count as u64;
        self.hasher.update(&self.scratch);
        Ok(&self.scratch)
    }

    /// Reads (and checksums) whatever the decoder left of the payload.
    fn finish(&mut self) {
        let mut chunk = vec![0; 1 << 16];
        while self.left > 0 && !self.short {
            let count = chunk.len().min(self.left as usize);
            if self.reader.read_exact(&mut chunk[..count]).is_err() {
                self.short = true;
            } else {
                self.hasher.update(&chunk[..count]);
                self.left -= count as u64;
            }
        }
    }
}

impl<'de, R: Read + 'de> Flavor<'de> for Payload<R> {
    /// The payload itself, to read what the decoder left and check it.
    type Remainder = Payload<R>;
    type Source = ();

    fn pop(&mut self) -> postcard::Result<u8> {
        Ok(self.take(1)?[0])
    }

    /// Nothing is borrowed from a stream: the cache's values own their bytes.
    fn try_take_n(&mut self, _count: usize) -> postcard::Result<&'de [u8]> {
        Err(postcard::Error::DeserializeUnexpectedEnd)
    }

    fn try_take_n_temp<'a>(&'a mut self, count: usize) -> postcard::Result<&'a [u8]>
    where
        'de: 'a,
    {
        self.take(count)
    }

    fn finalize(self) -> postcard::Result<Payload<R>> {
        Ok(self)
    }
}

/// Encodes `value` into `writer`; returns the payload's length and checksum.
pub fn write<T: serde::Serialize>(value: &T, writer: impl Write) -> std::io::Result<(u64, u64)> {
    let mut counting = Counting {
        writer,
        length: 0,
        hasher: Xxh3::new(),
    };
    postcard::to_io(value, &mut counting).map_err(std::io::Error::other)?;
    counting.flush()?;
    Ok((counting.length, counting.hasher.digest()))
}

/// A writer that counts and checksums what goes through it.
struct Counting<W> {
    writer: W,
    length: u64,
    hasher: Xxh3,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.writer.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        self.length += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Value {
        name: String,
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
        numbers: Vec<u32>,
    }

    fn value() -> Value {
        Value {
            name: "Gel-Kayano 14".into(),
            bytes: (0..=255).cycle().take(100_000).collect(),
            numbers: (0..1000).collect(),
        }
    }

    fn written() -> (Vec<u8>, u64, u64) {
        let mut bytes = Vec::new();
        let (length, checksum) = write(&value(), &mut bytes).unwrap();
        (bytes, length, checksum)
    }

    #[test]
    fn what_is_written_reads_back_with_its_length_and_checksum() {
        let (bytes, length, checksum) = written();
        assert_eq!(length, bytes.len() as u64);
        assert_eq!(checksum, xxhash_rust::xxh3::xxh3_64(&bytes));
        assert_eq!(read::<Value>(&bytes[..], length, checksum), Ok(value()));
    }

    #[test]
    fn a_changed_byte_anywhere_is_damage_and_a_cut_is_short() {
        let (bytes, length, checksum) = written();
        for at in [0, 1, 5, bytes.len() / 2, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x55;
            let read = read::<Value>(&damaged[..], length, checksum);
            assert_eq!(read, Err(ReadError::Damaged), "byte {at}");
        }
        let cut = &bytes[..bytes.len() - 10];
        assert_eq!(read::<Value>(cut, length, checksum), Err(ReadError::Short));
    }

    #[test]
    fn a_length_beyond_the_payload_is_refused_without_allocating_it() {
        // `name` says it is a billion bytes long (a varint), in a payload of six.
        let bytes = vec![0x80, 0x94, 0xeb, 0xdc, 0x03, b'x'];
        let checksum = xxhash_rust::xxh3::xxh3_64(&bytes);
        let read = read::<Value>(&bytes[..], bytes.len() as u64, checksum);
        assert_eq!(read, Err(ReadError::Undecodable));
    }
}
