//! Opening a dataset end to end: read the files, parse them, validate them, build the store.

use std::path::Path;

use crate::load::{self, LoadError, ParsedFile};
use crate::store::Store;
use crate::validate::{Problem, Severity, validate};

/// A dataset ready to browse, with the warnings validation raised.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    pub warnings: Vec<Problem>,
}

/// Why a dataset could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{}", join(.0))]
    Unreadable(Vec<LoadError>),
    #[error("{}", join(.0))]
    Invalid(Vec<Problem>),
}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads, parses and validates the files of a dataset: the built-in one when `path` is `None`.
///
/// A dataset that defines no eras borrows the built-in eras, so a catalogue of models and
/// releases alone is enough to browse; one that lists no publishers borrows the built-in list,
/// so its sources are still named by outlet.
pub fn parse_and_check(path: Option<&Path>) -> Result<(Vec<ParsedFile>, Vec<Problem>), DataError> {
    let files = match path {
        Some(path) => load::read_path(path).map_err(|e| DataError::Unreadable(vec![e]))?,
        None => load::builtin_files(),
    };
    // The parsed records borrow their strings from the files' text, which is kept.
    let mut parsed = load::parse_all(&files).map_err(DataError::Unreadable)?;
    let borrow_eras = parsed.iter().all(|f| f.dataset.eras.is_empty());
    let borrow_publishers = parsed.iter().all(|f| f.dataset.publishers.is_empty());
    if path.is_some() && (borrow_eras || borrow_publishers) {
        let shared = load::builtin_files()
            .into_iter()
            .filter(|f| f.name == "data/eras.ron" || f.name == "data/publishers.ron")
            .map(|f| load::parse(&f))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| DataError::Unreadable(vec![e]))?;
        parsed.extend(shared.into_iter().map(|mut f| {
            f.dataset = crate::model::Dataset {
                eras: if borrow_eras {
                    f.dataset.eras
                } else {
                    Vec::new()
                },
                publishers: if borrow_publishers {
                    f.dataset.publishers
                } else {
                    Vec::new()
                },
                ..Default::default()
            };
            f
        }));
    }
    let problems = validate(&parsed);
    Ok((parsed, problems))
}

/// Opens a dataset for browsing; any validation error refuses it, warnings are handed back.
pub fn open(path: Option<&Path>) -> Result<Opened, DataError> {
    let (parsed, problems) = parse_and_check(path)?;
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(DataError::Invalid(problems));
    }
    Ok(Opened {
        store: Store::build(parsed),
        warnings: problems,
    })
}
