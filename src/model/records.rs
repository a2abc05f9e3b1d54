//! [`Records`]: the models or releases of a dataset, packed into bytes (see [`super::packing`])
//! and unpacked one at a time when asked for.
//!
//! A dataset of a million entries would take about 200 bytes per record as Rust values (every
//! string a 16-byte reference, every short list its own allocation); packed, a record takes
//! tens. Records are packed as the file is read, so the unpacked values of a whole file never
//! exist at once. Reading one back takes about 60 ns (`cargo bench --bench load -- unpack`),
//! which the detail pane, the exports and validation can afford; the timeline and search keep
//! what they need per row in their own tables.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::Text;
use super::packing::{ModelHead, Packed, Packer, ReleaseHead, Unpacker};

/// Records of one kind, in the order they were read or pushed.
#[derive(Clone)]
pub struct Records<T> {
    parts: Vec<Part>,
    len: usize,
    kind: PhantomData<T>,
}

/// The records read from one list of one file.
#[derive(Clone, Default)]
struct Part {
    /// The index of this part's first record among all of them.
    first: usize,
    /// The file's text, which the packed strings point into.
    base: &'static str,
    /// Shared by clones: the loader checks a dataset on one core while the store is built
    /// from it on another, and a copy of every packed record would cost 40 bytes an entry.
    /// Changed only while the part is read or by [`Records::push`], copied then if shared.
    packed: Arc<PackedPart>,
}

#[derive(Clone, Default)]
struct PackedPart {
    bytes: Vec<u8>,
    /// Where each record's bytes start.
    starts: Vec<u32>,
    /// Strings that are not slices of `base`.
    copies: Vec<Text>,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records {
            parts: Vec::new(),
            len: 0,
            kind: PhantomData,
        }
    }
}

impl<T> fmt::Debug for Records<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Records({} packed)", self.len)
    }
}

impl<T: Packed> Records<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Record `index`, unpacked. Panics when `index` is out of range, like a slice.
    pub fn get(&self, index: usize) -> T {
        T::unpack(&mut self.unpacker(index))
    }

    /// The id of record `index`, without unpacking the rest of it.
    pub fn id(&self, index: usize) -> &'static str {
        self.unpacker(index).next_text().as_str()
    }

    /// The name of record `index` (what the timeline lists it as), without unpacking the rest.
    pub fn name(&self, index: usize) -> &'static str {
        let mut unpacker = self.unpacker(index);
        unpacker.next_text();
        unpacker.next_text().as_str()
    }

    /// Every record, unpacked one at a time.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = T> + '_ {
        (0..self.len).map(|index| self.get(index))
    }

    /// Adds a record made in memory rather than read from a file.
    pub fn push(&mut self, record: &T) {
        if self.parts.is_empty() {
            self.parts.push(Part::default());
        }
        let part = self.parts.last_mut().expect("a part was just added");
        part.push(record);
        self.len += 1;
    }

    /// Moves the records of `more` after these.
    pub fn append(&mut self, more: Records<T>) {
        for mut part in more.parts {
            part.first += self.len;
            self.parts.push(part);
        }
        self.len += more.len;
    }

    fn unpacker(&self, index: usize) -> Unpacker<'_> {
        assert!(index < self.len, "record {index} of {}", self.len);
        let at = self.parts.partition_point(|p| p.first <= index) - 1;
        let part = &self.parts[at];
        let packed = &part.packed;
        let local = index - part.first;
        let start = packed.starts[local] as usize;
        let end = (packed.starts.get(local + 1)).map_or(packed.bytes.len(), |&e| e as usize);
        Unpacker::new(&packed.bytes[start..end], part.base, &packed.copies)
    }
}

impl Part {
    /// Packs a record; returns where its last string borrowed from the file ends (0 if none).
    fn push<T: Packed>(&mut self, record: &T) -> usize {
        let packed = Arc::make_mut(&mut self.packed);
        packed.starts.push(packed.bytes.len() as u32);
        let mut packer = Packer::new(&mut packed.bytes, self.base, &mut packed.copies);
        record.pack(&mut packer);
        packer.end()
    }
}

/// Bytes of data files parsed so far by this process, for progress displays (see
/// [`parsed_bytes`]).
static PARSED: AtomicU64 = AtomicU64::new(0);

/// How many bytes of data files this process has parsed so far: a loader reads it before and
/// during a parse to show how far the parse has got.
pub fn parsed_bytes() -> u64 {
    PARSED.load(Ordering::Relaxed)
}

impl<T: Packed> FromIterator<T> for Records<T> {
    fn from_iter<I: IntoIterator<Item = T>>(records: I) -> Self {
        let mut all = Records::default();
        records.into_iter().for_each(|r| all.push(&r));
        all
    }
}

thread_local! {
    /// The text of the file being read on this thread: see [`reading_file`].
    static FILE_TEXT: Cell<&'static str> = const { Cell::new("") };
    /// How far into that file the parse has been counted in [`PARSED`].
    static TOLD: Cell<usize> = const { Cell::new(0) };
}

/// Runs `read` (which deserialises from `text`) with `text` known as the file being read, so
/// that records read meanwhile point into it instead of copying their strings. Without it,
/// every string of a record is copied.
pub fn reading_file<R>(text: &'static str, read: impl FnOnce() -> R) -> R {
    reading_part(text, 0..text.len(), read)
}

/// [`reading_file`] for the part `range` of the file, which `read` reads on this thread (a
/// long file's lists are read in parts on several threads); the part counts as parsed when
/// `read` is done.
pub fn reading_part<R>(
    text: &'static str,
    range: std::ops::Range<usize>,
    read: impl FnOnce() -> R,
) -> R {
    let before = FILE_TEXT.replace(text);
    let told = TOLD.replace(range.start);
    let result = read();
    PARSED.fetch_add(
        range.end.saturating_sub(TOLD.get()) as u64,
        Ordering::Relaxed,
    );
    FILE_TEXT.set(before);
    TOLD.set(told);
    result
}

/// Records being read from the file of [`reading_file`], packed one at a time.
pub struct Packing<T> {
    part: Part,
    count: u32,
    kind: PhantomData<T>,
}

impl<T: Packed> Packing<T> {
    pub fn new() -> Packing<T> {
        Packing {
            part: Part {
                base: FILE_TEXT.get(),
                ..Part::default()
            },
            count: 0,
            kind: PhantomData,
        }
    }

    pub fn push(&mut self, record: &T) {
        let end = self.part.push(record);
        // Progress is told every so many records: how far into the file their strings have
        // got.
        self.count = self.count.wrapping_add(1);
        let told = TOLD.get();
        if self.count.is_multiple_of(4096) && end > told {
            PARSED.fetch_add((end - told) as u64, Ordering::Relaxed);
            TOLD.set(end);
        }
    }

    pub fn finish(mut self) -> Records<T> {
        let packed = Arc::make_mut(&mut self.part.packed);
        packed.bytes.shrink_to_fit();
        packed.starts.shrink_to_fit();
        let len = packed.starts.len();
        Records {
            parts: if len == 0 {
                Vec::new()
            } else {
                vec![self.part]
            },
            len,
            kind: PhantomData,
        }
    }
}

impl<T: Packed> Default for Packing<T> {
    fn default() -> Self {
        Packing::new()
    }
}

impl<T: Packed + Deserialize<'static>> Deserialize<'static> for Records<T> {
    fn deserialize<D: Deserializer<'static>>(deserializer: D) -> Result<Self, D::Error> {
        struct Reading<T>(PhantomData<T>);

        impl<T: Packed + Deserialize<'static>> Visitor<'static> for Reading<T> {
            type Value = Records<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }

            fn visit_seq<A: SeqAccess<'static>>(self, mut seq: A) -> Result<Records<T>, A::Error> {
                let mut packing = Packing::new();
                while let Some(record) = seq.next_element::<T>()? {
                    packing.push(&record);
                }
                Ok(packing.finish())
            }
        }

        deserializer.deserialize_seq(Reading(PhantomData))
    }
}

impl<T: Packed + Serialize> Serialize for Records<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// What a cache keeps of [`Records`]: each part's packed bytes, with the index of the file
/// whose text its strings point into (see [`Records::image`]).
#[derive(Debug, Serialize, Deserialize)]
pub struct RecordsImage<'a> {
    parts: Vec<PartImage<'a>>,
    len: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct PartImage<'a> {
    first: u64,
    /// Which of the dataset's files `base` is; `None` for records made in memory.
    file: Option<u32>,
    /// Borrowed from the records when written: the cache is written without a second copy.
    #[serde(with = "crate::raw::cow_bytes")]
    bytes: Cow<'a, [u8]>,
    #[serde(with = "serde_bytes")]
    starts: Vec<u8>,
    copies: Vec<String>,
}

impl Records<super::Model> {
    /// The first fields of model `index` (what search needs), without unpacking the rest.
    pub fn head(&self, index: usize) -> ModelHead {
        ModelHead::unpack(&mut self.unpacker(index))
    }
}

impl Records<super::Release> {
    /// The first fields of release `index` (what search needs), without unpacking the rest.
    pub fn head(&self, index: usize) -> ReleaseHead {
        ReleaseHead::unpack(&mut self.unpacker(index))
    }
}

impl<T> Records<T> {
    /// The records as a cache keeps them; `file_of` tells which of the dataset's files a text
    /// is (the packed strings are places in it, so the text itself is not kept twice).
    pub fn image(&self, file_of: impl Fn(&'static str) -> Option<u32>) -> RecordsImage<'_> {
        RecordsImage {
            parts: (self.parts.iter())
                .map(|part| PartImage {
                    first: part.first as u64,
                    file: file_of(part.base),
                    bytes: Cow::Borrowed(&part.packed.bytes),
                    starts: crate::raw::u32s_to_bytes(&part.packed.starts),
                    copies: part.packed.copies.iter().map(|t| t.to_string()).collect(),
                })
                .collect(),
            len: self.len as u64,
        }
    }

    /// The records back from an image, their strings pointing into `files` again; `None` when
    /// the image does not fit them (a file index out of range, parts out of order, a record
    /// starting past its part's bytes). Bytes that do not unpack give empty strings, never
    /// garbage memory: see [`Unpacker`].
    pub fn from_image(image: RecordsImage<'_>, files: &[&'static str]) -> Option<Records<T>> {
        let mut parts = Vec::with_capacity(image.parts.len());
        let mut expected_first = 0usize;
        for part in image.parts {
            let base = match part.file {
                Some(i) => *files.get(i as usize)?,
                None => "",
            };
            let starts = crate::raw::bytes_to_u32s(&part.starts)?;
            let in_order = starts.windows(2).all(|w| w[0] <= w[1]);
            let within = starts
                .last()
                .is_none_or(|&s| s as usize <= part.bytes.len());
            if part.first as usize != expected_first || !in_order || !within || starts.is_empty() {
                return None;
            }
            expected_first += starts.len();
            parts.push(Part {
                first: part.first as usize,
                base,
                packed: Arc::new(PackedPart {
                    bytes: part.bytes.into_owned(),
                    starts,
                    copies: part.copies.into_iter().map(Text::from).collect(),
                }),
            });
        }
        (expected_first == image.len as usize).then_some(Records {
            parts,
            len: image.len as usize,
            kind: PhantomData,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, Release};

    const FILE: &str = r#"Dataset(releases: [
        Release(id: "r1", model: "m", name: "One", date: "2020-01", summary: "S\"q\"",
            collaborators: [Credit(collaborator: "c", role: "design")], predates_model: true,
            sources: [Source(title: "T", url: "u")],
            disputes: [Dispute(about: "a", claims: [Claim(source: "T", says: "x")])]),
        Release(id: "r2", model: "m", name: "Two", colourway: "Red", date: "~2021", summary: "s"),
    ])"#;

    fn read(text: &'static str) -> Dataset {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        reading_file(text, || options.from_str(text)).unwrap()
    }

    #[test]
    fn records_read_from_a_file_unpack_to_what_it_says() {
        let dataset = read(FILE);
        let releases = &dataset.releases;
        assert_eq!(releases.len(), 2);
        let one: Release = releases.get(0);
        assert_eq!((one.id.as_str(), one.name.as_str()), ("r1", "One"));
        assert_eq!(one.model, "m");
        assert_eq!(one.summary, "S\"q\"");
        assert_eq!(one.date.to_string(), "2020-01");
        assert_eq!(one.collaborators[0].role, Some(Text::from("design")));
        assert!(one.predates_model);
        assert_eq!(one.sources[0].url, "u");
        assert_eq!(one.disputes[0].claims[0].says, "x");
        let two = releases.get(1);
        assert_eq!(two.colourway, Some(Text::from("Red")));
        assert!(two.date.approximate && two.collaborators.is_empty() && !two.predates_model);
        assert_eq!((releases.id(1), releases.name(1)), ("r2", "Two"));
    }

    #[test]
    fn strings_point_into_the_file_unless_they_had_escapes() {
        let release = read(FILE).releases.get(0);
        let file = FILE.as_bytes().as_ptr_range();
        assert!(file.contains(&release.name.as_ptr()));
        assert!(file.contains(&release.sources[0].url.as_ptr()));
        assert!(!file.contains(&release.summary.as_ptr()));
    }

    #[test]
    fn control_characters_are_made_safe_when_packed() {
        let file: &'static str = "Dataset(releases: [Release(id: \"r\", model: \"m\", name: \"a\u{1b}[31mb\", date: \"2020\", summary: \"s\")])";
        let release = read(file).releases.get(0);
        assert!(!release.name.contains('\u{1b}'));
        assert!(release.name.starts_with('a') && release.name.ends_with('b'));
    }

    #[test]
    fn appended_records_keep_their_order() {
        let mut all = read(FILE).releases;
        all.append(read(FILE).releases);
        let made: Records<Release> = [read(FILE).releases.get(1)].into_iter().collect();
        all.append(made);
        let ids: Vec<&str> = (0..all.len()).map(|i| all.id(i)).collect();
        assert_eq!(ids, ["r1", "r2", "r1", "r2", "r2"]);
        assert_eq!(all.get(4).colourway, Some(Text::from("Red")));
    }
}
