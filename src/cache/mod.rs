//! The warm start: once a dataset has been read and checked, its store and search index are
//! saved under the platform's cache folder (`$XDG_CACHE_HOME/kicktime/` on Linux), and the next
//! start reads them back instead of parsing and checking the RON again.
//!
//! It is only a cache. A file is found by a key made of every dataset file's path, size and
//! modification time, kicktime's version and this format's number; it starts with a header
//! (a magic string, the format, the key's hash, the payload's length and an xxh3 checksum of
//! the payload) and anything that does not match — missing, stale, truncated, damaged, from
//! another program or version — is rebuilt, never trusted, never a crash. Files are written
//! whole to a temporary file and renamed, so two processes cannot tear one. The cache folder is
//! never required: when it cannot be written (a read-only home, a full disk) kicktime works
//! uncached.
//!
//! The payload is [postcard](https://docs.rs/postcard) of images of the store and the index
//! (see [`crate::store::StoreImage`]): the records stay packed as they are in memory, the
//! arrays are kept as bytes, and the dataset's text is not copied into the cache: the packed
//! strings point into the RON files, which are read again (their size and modification time
//! are in the key). A hand-made binary format would be no simpler, and postcard keeps the
//! image types plain serde.

use std::fmt;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::search::{IndexImage, SearchIndex};

mod stream;
use crate::store::{Store, StoreImage};

/// This format's number: bump it whenever an image type changes.
pub const FORMAT: u32 = 5;

const MAGIC: &[u8; 16] = b"kicktime cache\0\0";
const HEADER: usize = 16 + 4 + 4 + 8 + 8 + 8;

/// What a cache file is for: the dataset's files as they were, and the program that read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    text: String,
}

impl Key {
    /// The key of a dataset made of `files` (the RON files read, in order); `None` when one of
    /// them cannot be looked at.
    pub fn of(files: &[PathBuf]) -> Option<Key> {
        let mut text = format!(
            "kicktime {} cache {FORMAT} builtin {:016x}\n",
            env!("CARGO_PKG_VERSION"),
            builtin_hash()
        );
        for file in files {
            let meta = std::fs::metadata(file).ok()?;
            let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
            let path = std::fs::canonicalize(file).ok()?;
            text.push_str(&format!(
                "{}\t{}\t{}\n",
                path.display(),
                meta.len(),
                modified.as_nanos()
            ));
        }
        Some(Key { text })
    }

    fn hash(&self) -> u64 {
        xxhash_rust::xxh3::xxh3_64(self.text.as_bytes())
    }

    /// The cache file of this key inside `folder`.
    pub fn file_in(&self, folder: &Path) -> PathBuf {
        folder.join(format!("{:016x}.cache", self.hash()))
    }
}

/// A hash of the built-in files, which a dataset may borrow eras and publishers from.
fn builtin_hash() -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for file in crate::load::builtin_files() {
        hasher.update(file.text.as_bytes());
    }
    hasher.digest()
}

/// The platform's cache folder for kicktime, if the platform has one.
pub fn folder() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kicktime").map(|d| d.cache_dir().to_path_buf())
}

#[derive(Serialize, Deserialize)]
struct Image<'a> {
    key: String,
    store: StoreImage<'a>,
    index: IndexImage<'a>,
}

/// Why a cache file was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    /// No file for this key.
    Missing,
    /// Not a kicktime cache, or another format.
    Foreign,
    /// Made for other files (a hash collision of keys).
    Stale,
    /// Shorter than its header says.
    Truncated,
    /// Its checksum does not match its contents.
    Damaged,
    /// Its contents do not make a store that fits the files.
    Undecodable,
}

impl fmt::Display for Miss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Miss::Missing => "no cache yet",
            Miss::Foreign => "not a cache of this version",
            Miss::Stale => "a cache of other files",
            Miss::Truncated => "a truncated cache",
            Miss::Damaged => "a damaged cache (checksum)",
            Miss::Undecodable => "a cache that does not fit the files",
        })
    }
}

/// A cache file read and decoded, waiting for the dataset's texts (see [`Cached::into_store`]).
pub struct Cached(Image<'static>);

/// Reads and decodes the cache file of `key` at `file`. This needs nothing of the dataset, so
/// it can run while the dataset's files are read.
pub fn read(key: &Key, file: &Path) -> Result<Cached, Miss> {
    let mut opened = std::fs::File::open(file).map_err(|_| Miss::Missing)?;
    let size = opened.metadata().map_err(|_| Miss::Missing)?.len();
    let mut header = [0; HEADER];
    let got = read_up_to(&mut opened, &mut header).map_err(|_| Miss::Missing)?;
    let (length, checksum) = check(key, &header[..got])?;
    if size - HEADER as u64 != length {
        return Err(Miss::Truncated);
    }
    let image: Image<'static> = stream::read(opened, length, checksum).map_err(|e| match e {
        stream::ReadError::Short => Miss::Truncated,
        stream::ReadError::Damaged => Miss::Damaged,
        stream::ReadError::Undecodable => Miss::Undecodable,
    })?;
    if image.key != key.text {
        return Err(Miss::Stale);
    }
    Ok(Cached(image))
}

impl Cached {
    /// The store and index, their strings pointing into `texts` (the dataset's files' texts,
    /// in the key's order).
    pub fn into_store(self, texts: &[&'static str]) -> Result<(Store, SearchIndex), Miss> {
        let store = Store::from_image(self.0.store, texts).ok_or(Miss::Undecodable)?;
        let index =
            SearchIndex::from_image(self.0.index, store.timeline.len()).ok_or(Miss::Undecodable)?;
        Ok((store, index))
    }
}

/// The payload's length and checksum, from a cache file's header once it has been checked
/// against `key`.
fn check(key: &Key, header: &[u8]) -> Result<(u64, u64), Miss> {
    if header.len() < HEADER || &header[..16] != MAGIC {
        return Err(if header.len() < 16 {
            Miss::Truncated
        } else {
            Miss::Foreign
        });
    }
    let word = |at: usize| u32::from_le_bytes(header[at..at + 4].try_into().unwrap_or_default());
    let long = |at: usize| u64::from_le_bytes(header[at..at + 8].try_into().unwrap_or_default());
    if word(16) != FORMAT {
        return Err(Miss::Foreign);
    }
    if long(24) != key.hash() {
        return Err(Miss::Stale);
    }
    Ok((long(32), long(40)))
}

/// Reads as much of `into` as the file has.
fn read_up_to(file: &mut std::fs::File, into: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < into.len() {
        match file.read(&mut into[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

/// Saves the store and index for `key` at `file`: written to a temporary file in the same
/// folder, then renamed over any older one. It is not synced to disk first: a file torn by a
/// power cut fails its checksum and is rebuilt, and the sync would cost a cold start hundreds
/// of milliseconds.
pub fn write(
    key: &Key,
    file: &Path,
    store: &Store,
    index: &SearchIndex,
    texts: &[&'static str],
) -> std::io::Result<u64> {
    let file_of = |text: &'static str| {
        (texts.iter())
            .position(|t| t.as_ptr() == text.as_ptr() && t.len() == text.len())
            .map(|i| i as u32)
    };
    let image = Image {
        key: key.text.clone(),
        store: store.image(file_of),
        index: index.image(),
    };
    let folder = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut temporary = tempfile::NamedTempFile::new_in(folder)?;
    // The payload is streamed after room for the header, which is written last, when its
    // length and checksum are known.
    temporary.write_all(&[0; HEADER])?;
    let (length, checksum) = stream::write(&image, BufWriter::new(temporary.as_file_mut()))?;
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT.to_le_bytes());
    header.extend_from_slice(&0u32.to_le_bytes());
    header.extend_from_slice(&key.hash().to_le_bytes());
    header.extend_from_slice(&length.to_le_bytes());
    header.extend_from_slice(&checksum.to_le_bytes());
    temporary.seek(SeekFrom::Start(0))?;
    temporary.write_all(&header)?;
    temporary.persist(file).map_err(|e| e.error)?;
    Ok(HEADER as u64 + length)
}

/// Removes every cache file from `folder`; returns how many.
pub fn clear(folder: &Path) -> std::io::Result<usize> {
    let mut removed = 0;
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let path = entry?.path();
        // Cache files, and any temporary file a process ended before it could rename.
        let temporary =
            (path.file_name().and_then(|n| n.to_str())).is_some_and(|n| n.starts_with(".tmp"));
        if path.extension().is_some_and(|e| e == "cache") || temporary {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    Ok(removed)
}
