//! Reading dataset files: the built-in dataset, a file or a folder of `.ron` files, parsed into
//! [`Dataset`]s with errors that name the file, the `line:column` and what was expected.

use std::fmt;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use crate::model::Dataset;
use crate::text::sanitize;

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// The largest data file kicktime reads (1 GiB); larger ones are refused with a clear error.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// How deep brackets may nest before a file is refused (the format itself needs about six).
const MAX_NESTING: usize = 64;

/// The text of one data file and the name it is reported under.
///
/// The text lives as long as the program: the built-in files are part of the binary, and a file
/// that is read is kept (see [`keep`]), so that the dataset's strings can borrow from it
/// instead of being copied (see [`crate::model::Text`]).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: &'static str,
}

/// Keeps `text` for the rest of the program, for [`SourceFile::text`]. A dataset is read once
/// and browsed until the program ends, so nothing is given up; a program that reads many
/// datasets (a test, a benchmark) keeps each of them.
pub fn keep(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// One parsed file, kept apart so that validation can say which file an entry came from.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub name: String,
    /// The file's text, which the dataset's strings are slices of (to place problems).
    pub text: &'static str,
    pub dataset: Dataset,
}

/// Why a dataset could not be read or parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file or folder")]
    NotFound { path: String },
    #[error("{path}: cannot be read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: the folder holds no .ron files")]
    NoRonFiles { path: String },
    #[error("{path}: the file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes")]
    TooLarge { path: String, size: u64 },
    #[error("{file}:{line}:{column}: the file is not valid UTF-8 text")]
    NotUtf8 {
        file: String,
        line: usize,
        column: usize,
    },
    #[error("{}", SyntaxReport(self))]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
        /// The offending line of the file, made safe for a terminal.
        excerpt: String,
    },
}

struct SyntaxReport<'a>(&'a LoadError);

impl fmt::Display for SyntaxReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let LoadError::Syntax {
            file,
            line,
            column,
            message,
            excerpt,
        } = self.0
        else {
            return Ok(());
        };
        write!(f, "{file}:{line}:{column}: {message}")?;
        if !excerpt.is_empty() {
            let gutter = line.to_string();
            let caret_at = excerpt.chars().take(column.saturating_sub(1)).count();
            write!(
                f,
                "\n {gutter} | {excerpt}\n {} | {}^",
                " ".repeat(gutter.len()),
                " ".repeat(caret_at)
            )?;
        }
        Ok(())
    }
}

/// The dataset compiled into the binary.
pub fn builtin_files() -> Vec<SourceFile> {
    BUILTIN_FILES
        .iter()
        .map(|(name, text)| SourceFile {
            name: (*name).to_string(),
            text,
        })
        .collect()
}

/// Reads a `.ron` file, or every `.ron` file directly inside a folder (sorted by name).
pub fn read_path(path: &Path) -> Result<Vec<SourceFile>, LoadError> {
    dataset_paths(path)?.iter().map(|p| read_file(p)).collect()
}

/// The `.ron` files a path names: itself, or every `.ron` file in the folder and the folders
/// inside it (hidden ones left out), sorted by path.
pub fn dataset_paths(path: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let shown = sanitize(&path.display().to_string()).into_owned();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: shown.clone(),
        },
        _ => LoadError::Unreadable {
            path: shown.clone(),
            reason: e.to_string(),
        },
    })?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut paths = Vec::new();
    collect_ron_files(path, &mut paths)?;
    if paths.is_empty() {
        return Err(LoadError::NoRonFiles { path: shown });
    }
    paths.sort();
    Ok(paths)
}

/// Adds the `.ron` files of a folder and of its subfolders to `paths`.
fn collect_ron_files(folder: &Path, paths: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let entries = std::fs::read_dir(folder).map_err(|e| LoadError::Unreadable {
        path: sanitize(&folder.display().to_string()).into_owned(),
        reason: e.to_string(),
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_ron_files(&path, paths)?;
        } else if path.extension().is_some_and(|ext| ext == "ron") && path.is_file() {
            paths.push(path);
        }
    }
    Ok(())
}

/// Reads one data file.
pub fn read_file(path: &Path) -> Result<SourceFile, LoadError> {
    let name = sanitize(&path.display().to_string()).into_owned();
    let unreadable = |e: std::io::Error| LoadError::Unreadable {
        path: name.clone(),
        reason: e.to_string(),
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: name, size });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    source_from_bytes(name, bytes)
}

/// Turns a file's bytes into its text, refusing invalid UTF-8 with the place it starts. A
/// leading byte-order mark is dropped.
pub fn source_from_bytes(name: String, bytes: Vec<u8>) -> Result<SourceFile, LoadError> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let (line, column) = line_column_after(valid);
        LoadError::NotUtf8 {
            file: name.clone(),
            line,
            column,
        }
    })?;
    let text = keep(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(SourceFile { name, text })
}

/// Where the byte just after `prefix` stands, as a 1-based line and character column.
fn line_column_after(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Parses every file, reporting the syntax error of each broken one (not only the first).
pub fn parse_all(files: &[SourceFile]) -> Result<Vec<ParsedFile>, Vec<LoadError>> {
    let (parsed, errors) = parse_each(files);
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(errors)
    }
}

/// Parses every file: those that parse, and the errors of those that do not.
/// Several files are parsed side by side, on as many threads as there are cores (a folder of
/// files loads faster; one large file is parsed on one).
pub fn parse_each(files: &[SourceFile]) -> (Vec<ParsedFile>, Vec<LoadError>) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let results: Vec<Result<ParsedFile, LoadError>> = if files.len() < 2 || threads < 2 {
        files.iter().map(parse).collect()
    } else {
        // Each thread takes every n-th file; the results are put back in file order.
        let mut results: Vec<Option<Result<ParsedFile, LoadError>>> =
            (0..files.len()).map(|_| None).collect();
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads.min(files.len()))
                .map(|t| {
                    scope.spawn(move || {
                        (t..files.len())
                            .step_by(threads)
                            .map(|i| (i, parse(&files[i])))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            for worker in workers {
                let done = worker
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p));
                for (i, result) in done {
                    results[i] = Some(result);
                }
            }
        });
        results.into_iter().flatten().collect()
    };
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(p) => parsed.push(p),
            Err(e) => errors.push(e),
        }
    }
    (parsed, errors)
}

/// Parses one file.
pub fn parse(file: &SourceFile) -> Result<ParsedFile, LoadError> {
    if file.text.trim().is_empty() {
        return Err(LoadError::Syntax {
            file: file.name.clone(),
            line: 1,
            column: 1,
            message: "the file is empty; expected `Dataset(...)`".to_string(),
            excerpt: String::new(),
        });
    }
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING);
    // A long file's lists are read on every core; a file that does not read that way is read
    // again below, the ordinary way, which also words any error (see `split_parse`).
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if file.text.len() >= crate::split_parse::SPLIT_FROM
        && threads > 1
        && let Some(dataset) = crate::split_parse::parse(file.text, &options, threads)
    {
        return Ok(ParsedFile {
            name: file.name.clone(),
            text: file.text,
            dataset,
        });
    }
    // Models and releases are packed as they are read, their strings pointing into the text.
    match crate::model::reading_file(file.text, || options.from_str::<Dataset>(file.text)) {
        Ok(dataset) => Ok(ParsedFile {
            name: file.name.clone(),
            text: file.text,
            dataset,
        }),
        Err(e) => {
            let line = e.span.start.line.max(1);
            let column = e.span.start.col.max(1);
            let excerpt = file.text.lines().nth(line - 1).unwrap_or("");
            let mut message = describe(&e.code);
            if matches!(e.code, ron::Error::ExpectedComma) {
                // The comma is missing after the previous value, usually at the end of a line.
                if let Some(previous) = line_before(file.text, line, column) {
                    message = format!(
                        "expected a `,`: one is probably missing at the end of line {previous}"
                    );
                }
            }
            if excerpt.trim_start().starts_with('#') {
                message.push_str(" (comments in RON start with //, not #)");
            }
            if at_end(file.text, e.span.end.line.max(1), e.span.end.col.max(1))
                && !matches!(e.code, ron::Error::Eof)
            {
                message = format!("the file ends too early ({message})");
            }
            Err(LoadError::Syntax {
                file: file.name.clone(),
                line,
                column,
                message,
                excerpt: sanitize(&truncate_chars(excerpt, 200)).into_owned(),
            })
        }
    }
}

/// The line of the last value before `line:column` (skipping blank lines and comments), when
/// it is an earlier line.
fn line_before(text: &str, line: usize, column: usize) -> Option<usize> {
    let this = text.lines().nth(line - 1)?;
    let before: String = this.chars().take(column - 1).collect();
    if !before.trim().is_empty() {
        return None;
    }
    (1..line).rev().find(|&n| {
        let l = text.lines().nth(n - 1).unwrap_or("").trim();
        !l.is_empty() && !l.starts_with("//")
    })
}

/// Whether nothing but white space follows `line:column` (1-based, in characters).
fn at_end(text: &str, line: usize, column: usize) -> bool {
    let Some(rest_of_line) = text.lines().nth(line - 1) else {
        return true;
    };
    let after: String = rest_of_line.chars().skip(column - 1).collect();
    let later = text.lines().skip(line).all(|l| l.trim().is_empty());
    after.trim().is_empty() && later
}

fn truncate_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// ron's message, reworded where it would puzzle someone who does not know RON's internals.
fn describe(error: &ron::Error) -> String {
    let message = match error {
        ron::Error::ExceededRecursionLimit => {
            format!("brackets nest more than {MAX_NESTING} deep")
        }
        ron::Error::Eof => "the file ends too early: a bracket or a string is not closed".into(),
        ron::Error::TrailingCharacters => {
            "there is more after the closing `)` of `Dataset(...)`: remove it, or move it inside"
                .into()
        }
        other => other.to_string(),
    };
    sanitize(&message).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<ParsedFile, LoadError> {
        parse(&SourceFile {
            name: "test.ron".into(),
            text: keep(text.to_string()),
        })
    }

    #[test]
    fn the_builtin_dataset_parses() {
        let files = builtin_files();
        assert!(files.iter().any(|f| f.name == "data/eras.ron"));
        parse_all(&files).expect("built-in data parses");
    }

    #[test]
    fn a_syntax_error_names_file_line_column_and_shows_the_line() {
        let err = parse_text("Dataset(\n  brands: [\n    Brand(id: \"x\" name: \"X\"),\n  ],\n)")
            .unwrap_err();
        let LoadError::Syntax { line, column, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(*line, 3);
        assert!(*column > 10, "column {column}");
        let shown = err.to_string();
        assert!(shown.starts_with("test.ron:3:"), "{shown}");
        assert!(shown.contains("Brand(id: \"x\" name"), "{shown}");
    }

    #[test]
    fn an_empty_file_is_an_error() {
        let err = parse_text("  \n").unwrap_err();
        assert!(err.to_string().contains("empty"), "{err}");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let text = format!("Dataset(brands: {}", "[".repeat(100_000));
        let err = parse_text(&text).unwrap_err();
        assert!(err.to_string().starts_with("test.ron:1:18:"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let source =
            source_from_bytes("bom.ron".into(), b"\xef\xbb\xbfDataset()".to_vec()).unwrap();
        assert!(parse(&source).is_ok());
    }

    #[test]
    fn invalid_utf8_reports_where() {
        let dir = std::env::temp_dir().join(format!("kicktime-utf8-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.ron");
        std::fs::write(&path, b"Dataset(\n  brands: [\xff],\n)").unwrap();
        let err = read_path(&path).unwrap_err();
        assert!(matches!(
            err,
            LoadError::NotUtf8 {
                line: 2,
                column: 12,
                ..
            }
        ));
        std::fs::remove_dir_all(dir).ok();
    }
}
