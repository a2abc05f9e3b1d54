//! The collection file: RON with a format version, under the platform's data folder.
//!
//! The policy, so that nothing a person saves is ever lost:
//! - **Atomic writes.** A save writes a temporary file in the same folder, flushes and syncs
//!   it, renames it over the old one and syncs the folder: a crash, a kill or a full disk
//!   leaves the old file or the new one, never a torn one.
//! - **A lock while merging.** A save takes an exclusive lock on `collection.ron.lock` (std's
//!   `File::lock`, `flock` on Unix), reads the file as it is now, applies its one [`Change`]
//!   and writes: two processes marking at once both keep their marks.
//! - **Never over what could not be read.** A file that does not parse is renamed aside
//!   (`collection.ron.unreadable-<time>`) and reported with its line and column; only then does
//!   kicktime go on with an empty collection. A file of a newer format is neither read nor
//!   written.
//! - **A format version** (`version: 1`) lets a later kicktime migrate the file.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};

use super::{Change, Collection, Mark};

/// The format this kicktime reads and writes.
pub const VERSION: u32 = 1;

/// The file as written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct OnDisk {
    version: u32,
    #[serde(default)]
    marks: BTreeMap<String, Mark>,
}

/// Only the version, read first so that a newer file is recognised whatever its shape.
#[derive(Deserialize)]
struct Header {
    version: u32,
}

/// Why the collection could not be read or saved, with the file it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::text::sanitize(&self.path.display().to_string()).into_owned();
        write!(f, "{path}: {}", self.message)
    }
}

impl std::error::Error for FileError {}

/// The collection as read, and what the person must be told about it (a file set aside).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Read {
    pub collection: Collection,
    pub notice: Option<String>,
}

/// The collection file at a path (see [`CollectionFile::default_place`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionFile {
    path: PathBuf,
}

impl CollectionFile {
    pub fn at(path: impl Into<PathBuf>) -> CollectionFile {
        CollectionFile { path: path.into() }
    }

    /// `$XDG_DATA_HOME/kicktime/collection.ron`, or the platform's equivalent.
    pub fn default_place() -> Option<CollectionFile> {
        crate::places::collection_file().map(CollectionFile::at)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the collection (empty when there is no file yet). A file that cannot be parsed
    /// is set aside and the notice says where; a newer format is an error.
    pub fn read(&self) -> Result<Read, FileError> {
        let first = self.read_now();
        if matches!(first, Err(Unreadable::Broken(_))) {
            // Read again and set aside under the lock, so that no save is writing it meanwhile.
            let _lock = self.lock()?;
            return self.settle(self.read_now());
        }
        self.settle(first)
    }

    /// Applies one change to the collection as it is on disk now, and saves it; hands back the
    /// collection as saved, with any notice (a file that had become unreadable, set aside).
    pub fn save(&self, change: &Change) -> Result<Read, FileError> {
        self.save_all(std::slice::from_ref(change))
    }

    /// [`save`](Self::save) for several changes at once (an import): one lock, one write.
    pub fn save_all(&self, changes: &[Change]) -> Result<Read, FileError> {
        let _lock = self.lock()?;
        let mut read = self.settle(self.read_now())?;
        for change in changes {
            read.collection.apply(change);
        }
        self.write(&read.collection)?;
        Ok(read)
    }

    /// What a read of the file gives: the collection, or, for a file that cannot be parsed
    /// (only ever under the lock), an empty one once the file is set aside.
    fn settle(&self, read: Result<Collection, Unreadable>) -> Result<Read, FileError> {
        match read {
            Ok(collection) => Ok(Read {
                collection,
                notice: None,
            }),
            Err(Unreadable::Io(e)) => Err(self.error(format!("cannot be read: {e}"))),
            Err(Unreadable::Newer(v)) => Err(self.newer(v)),
            Err(Unreadable::Broken(why)) => {
                let aside = self.set_aside()?;
                let shown = crate::text::sanitize(&aside.display().to_string()).into_owned();
                Ok(Read {
                    collection: Collection::default(),
                    notice: Some(format!(
                        "{}: {why}; the file was kept as {shown} (fix it and copy it back to use \
                         it), and the collection starts empty",
                        crate::text::sanitize(&self.path.display().to_string())
                    )),
                })
            }
        }
    }

    fn read_now(&self) -> Result<Collection, Unreadable> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Collection::default()),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                return Err(Unreadable::Broken("it is not UTF-8 text".to_string()));
            }
            Err(e) => return Err(Unreadable::Io(e)),
        };
        parse(&text)
    }

    /// Renames the unreadable file to `collection.ron.unreadable-<UTC time>` beside it.
    fn set_aside(&self) -> Result<PathBuf, FileError> {
        let time = humantime::format_rfc3339_seconds(std::time::SystemTime::now())
            .to_string()
            .replace(':', "-");
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let mut aside = self
            .path
            .with_file_name(format!("{name}.unreadable-{time}"));
        let mut n = 1;
        while aside.exists() {
            n += 1;
            aside = self
                .path
                .with_file_name(format!("{name}.unreadable-{time}-{n}"));
        }
        fs::rename(&self.path, &aside)
            .map_err(|e| self.error(format!("cannot be read, and could not be set aside: {e}")))?;
        Ok(aside)
    }

    /// Writes atomically: temporary file, sync, rename, sync the folder.
    fn write(&self, collection: &Collection) -> Result<(), FileError> {
        let folder = self.folder();
        let text = to_text(collection);
        let failed = |e: io::Error| self.error(format!("could not be saved: {e}"));
        let mut temporary = tempfile::Builder::new()
            .prefix(".collection-")
            .suffix(".tmp")
            .tempfile_in(&folder)
            .map_err(failed)?;
        temporary.write_all(text.as_bytes()).map_err(failed)?;
        temporary.as_file().sync_all().map_err(failed)?;
        temporary.persist(&self.path).map_err(|e| failed(e.error))?;
        // The rename itself is durable once the folder is synced.
        if let Ok(dir) = File::open(&folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// Takes the exclusive lock (waiting for another process to finish its save); creates the
    /// folder when needed. The lock is let go when the file is dropped.
    fn lock(&self) -> Result<File, FileError> {
        let folder = self.folder();
        fs::create_dir_all(&folder)
            .map_err(|e| self.error(format!("its folder cannot be made: {e}")))?;
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(folder.join(format!("{name}.lock")))
            .map_err(|e| self.error(format!("cannot be locked: {e}")))?;
        lock.lock()
            .map_err(|e| self.error(format!("cannot be locked: {e}")))?;
        Ok(lock)
    }

    fn folder(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    fn error(&self, message: String) -> FileError {
        FileError {
            path: self.path.clone(),
            message,
        }
    }

    fn newer(&self, version: u32) -> FileError {
        self.error(format!(
            "is of format {version}, newer than this kicktime's {VERSION}: update kicktime to \
             use it (the file is left as it is)"
        ))
    }
}

enum Unreadable {
    Io(io::Error),
    Newer(u32),
    /// Why, with the line and column.
    Broken(String),
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses a collection file's text; blank text is an empty collection.
fn parse(text: &str) -> Result<Collection, Unreadable> {
    if text.trim().is_empty() {
        return Ok(Collection::default());
    }
    let broken = |e: ron::error::SpannedError| {
        let message = crate::text::sanitize(&e.code.to_string()).into_owned();
        Unreadable::Broken(format!(
            "{}:{}: {message}",
            e.span.start.line.max(1),
            e.span.start.col.max(1)
        ))
    };
    let header: Header = options().from_str(text).map_err(broken)?;
    if header.version > VERSION {
        return Err(Unreadable::Newer(header.version));
    }
    let on_disk: OnDisk = options().from_str(text).map_err(broken)?;
    let marks = (on_disk.marks.into_iter())
        .map(|(id, mark)| (crate::text::sanitize(&id).into_owned(), mark.sanitized()))
        .collect();
    Ok(Collection { marks })
}

/// The file's text: a comment saying what it is, then the version and the marks.
fn to_text(collection: &Collection) -> String {
    let on_disk = OnDisk {
        version: VERSION,
        marks: collection.marks.clone(),
    };
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .extensions(Extensions::IMPLICIT_SOME);
    let body = ron::ser::to_string_pretty(&on_disk, pretty)
        .unwrap_or_else(|e| format!("// could not be written: {e}\n"));
    format!(
        "// kicktime's collection: your marks by entry id. kicktime rewrites this file whole on\n\
         // every change; edit it with kicktime closed.\n{body}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{Price, Status};

    fn sample() -> Collection {
        let mut collection = Collection::default();
        collection.apply(&Change {
            id: "gel-kayano-14".into(),
            mark: Some(Mark {
                status: Some(Status::Owned),
                size: Some("10.5".into()),
                condition: Some("worn \"twice\"".into()),
                purchased: Some("2024-05".parse().unwrap()),
                price: Some(Price::new("179.95", "EUR").unwrap()),
                note: Some("première paire, “quoted”".into()),
            }),
        });
        collection.apply(&Change {
            id: "nb-990v3".into(),
            mark: Some(Mark {
                status: Some(Status::Wanted),
                ..Mark::default()
            }),
        });
        collection
    }

    #[test]
    fn the_text_reads_back_as_what_was_written() {
        let collection = sample();
        let text = to_text(&collection);
        assert!(text.contains("version: 1"), "{text}");
        assert!(text.contains("size: \"10.5\""), "{text}");
        let back = parse(&text).ok().unwrap();
        assert_eq!(back, collection);
    }

    #[test]
    fn control_characters_in_a_hand_edited_file_never_reach_the_terminal() {
        let text = "(version: 1, marks: {\"a\": (status: Owned, note: \"\u{1b}[31mred\")})";
        let read = parse(text).ok().unwrap();
        let note = read.get("a").unwrap().note.clone().unwrap();
        assert!(!note.contains('\u{1b}'), "{note:?}");
    }

    #[test]
    fn a_newer_format_is_recognised_whatever_its_shape() {
        let Err(Unreadable::Newer(2)) = parse("(version: 2, pairs: [])") else {
            panic!("not recognised as newer");
        };
    }

    #[test]
    fn a_broken_file_names_line_and_column() {
        let Err(Unreadable::Broken(why)) = parse("(version: 1,\n marks: {\"a\": (status: Owend)})")
        else {
            panic!("not broken");
        };
        assert!(why.starts_with("2:"), "{why}");
    }
}
