//! Opening a dataset end to end: read the files, parse them, validate them, build the store.

use std::path::{Path, PathBuf};

use crate::load::{self, LoadError, ParsedFile};
use crate::progress::{Progress, Stage};
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
    /// Some files could not be parsed; the others were still checked, so that one broken file
    /// does not hide the problems of the rest.
    #[error("{}", broken(.errors, .problems))]
    Broken {
        errors: Vec<LoadError>,
        problems: Vec<Problem>,
    },
}

fn broken(errors: &[LoadError], problems: &[Problem]) -> String {
    let mut text = join(errors);
    if !problems.is_empty() {
        text.push_str(&format!("\n{}", join(problems)));
        if problems
            .iter()
            .any(|p| p.message.contains("does not exist"))
        {
            text.push_str(
                "\nkicktime: (an id defined in a file that could not be parsed shows as missing)",
            );
        }
    }
    text
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
pub fn parse_and_check(sources: &Sources) -> Result<(Vec<ParsedFile>, Vec<Problem>), DataError> {
    parse_and_check_with(sources, None)
}

/// [`parse_and_check`] with one more file, not yet written (an import's), checked as if it
/// were among the overlays.
pub fn parse_and_check_with(
    sources: &Sources,
    extra: Option<load::SourceFile>,
) -> Result<(Vec<ParsedFile>, Vec<Problem>), DataError> {
    let mut files = read_sources(sources, &Progress::default())?;
    files.extend(extra);
    check(&files, sources.base.is_some(), &Progress::default())
}

/// Parses and validates files that were read; `borrow` lets a dataset without eras or
/// publishers take the built-in ones.
fn check(
    files: &[load::SourceFile],
    borrow: bool,
    progress: &Progress,
) -> Result<(Vec<ParsedFile>, Vec<Problem>), DataError> {
    // The parsed records borrow their strings from the files' text, which is kept.
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    progress.enter(Stage::Parsing, total as u64);
    let parsed = parse_files(files, borrow)?;
    progress.enter(Stage::Checking, 0);
    let problems = validate(&parsed);
    Ok((parsed, problems))
}

/// Parses every file; when some cannot be parsed, the others are still validated and their
/// problems reported with the syntax errors. `borrow` lets a dataset without eras or
/// publishers take the built-in ones.
fn parse_files(files: &[load::SourceFile], borrow: bool) -> Result<Vec<ParsedFile>, DataError> {
    let (parsed, errors) = load::parse_each(files);
    let parsed = if borrow { with_shared(parsed)? } else { parsed };
    if errors.is_empty() {
        return Ok(parsed);
    }
    let problems = if parsed.is_empty() {
        Vec::new()
    } else {
        validate(&parsed)
            .into_iter()
            .filter(|p| !p.message.starts_with("the dataset is empty"))
            .collect()
    };
    Err(DataError::Broken { errors, problems })
}

/// The parsed files, with the built-in eras or publishers added when they define none.
fn with_shared(mut parsed: Vec<ParsedFile>) -> Result<Vec<ParsedFile>, DataError> {
    let borrow_eras = parsed.iter().all(|f| f.dataset.eras.is_empty());
    let borrow_publishers = parsed.iter().all(|f| f.dataset.publishers.is_empty());
    if !(borrow_eras || borrow_publishers) {
        return Ok(parsed);
    }
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
    Ok(parsed)
}

/// Where a dataset comes from: the built-in history or another dataset (`--data`), with
/// folders of one's own entries merged on top (`--add`, the data folder, the config file's
/// `add`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// `None` for the built-in history.
    pub base: Option<PathBuf>,
    pub overlays: Vec<PathBuf>,
    /// A file of the overlays left out (an import about to be replaced).
    pub exclude: Option<PathBuf>,
}

impl Sources {
    /// A dataset alone: the built-in one for `None`.
    pub fn only(base: Option<&Path>) -> Sources {
        Sources {
            base: base.map(Path::to_path_buf),
            overlays: Vec::new(),
            exclude: None,
        }
    }

    /// The dataset's name for the loading screen: "the built-in history", a path, and how
    /// many folders or files are added on top.
    pub fn describe(&self) -> String {
        let base = match &self.base {
            Some(path) => crate::text::sanitize(&path.display().to_string()).into_owned(),
            None => "the built-in history".to_string(),
        };
        match self.overlays.len() {
            0 => base,
            1 => format!(
                "{base} + {}",
                crate::text::sanitize(&self.overlays[0].display().to_string())
            ),
            n => format!("{base} + {n} folders of your own"),
        }
    }

    /// Every file's path, for the cache's key (the built-in files are in the key apart).
    fn paths(&self) -> Result<Vec<PathBuf>, LoadError> {
        let mut paths = Vec::new();
        for path in self.base.iter().chain(&self.overlays) {
            paths.extend(load::dataset_paths(path)?);
        }
        paths.retain(|p| !self.excludes(p));
        Ok(paths)
    }

    fn excludes(&self, path: &Path) -> bool {
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        };
        self.exclude.as_deref().is_some_and(|e| same(e, path))
    }
}

/// The files of a dataset and its overlays, in that order.
fn read_sources(
    sources: &Sources,
    progress: &Progress,
) -> Result<Vec<load::SourceFile>, DataError> {
    progress.enter(Stage::Reading, 0);
    let mut files = match &sources.base {
        Some(path) => load::read_path(path).map_err(|e| DataError::Unreadable(vec![e]))?,
        None => load::builtin_files(),
    };
    for overlay in &sources.overlays {
        let paths = load::dataset_paths(overlay).map_err(|e| DataError::Unreadable(vec![e]))?;
        for path in paths.iter().filter(|p| !sources.excludes(p)) {
            files.push(load::read_file(path).map_err(|e| DataError::Unreadable(vec![e]))?);
        }
    }
    Ok(files)
}

/// Opens a dataset for browsing; any validation error refuses it, warnings are handed back.
pub fn open(path: Option<&Path>) -> Result<Opened, DataError> {
    open_with(path, &Progress::default())
}

/// [`open`], telling `progress` how far it has got.
pub fn open_with(path: Option<&Path>, progress: &Progress) -> Result<Opened, DataError> {
    open_sources(&Sources::only(path), progress)
}

/// Opens a dataset and its overlays.
pub fn open_sources(sources: &Sources, progress: &Progress) -> Result<Opened, DataError> {
    let files = read_sources(sources, progress)?;
    let opened = build(&files, sources.base.is_some(), progress)?;
    progress.finish();
    Ok(opened)
}

/// Parses, validates and stores files that were read.
fn build(
    files: &[load::SourceFile],
    borrow: bool,
    progress: &Progress,
) -> Result<Opened, DataError> {
    let (parsed, problems) = check(files, borrow, progress)?;
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(DataError::Invalid(problems));
    }
    progress.enter(Stage::Building, 0);
    Ok(Opened {
        store: Store::build(parsed),
        warnings: problems,
    })
}

/// Parses the files, then validates them on one thread while the store and its search index
/// are built on the other (both only read the parsed records); an invalid dataset's store is
/// thrown away. On two cores this hides most of the validation's time.
fn build_with_index(
    files: &[load::SourceFile],
    borrow: bool,
    progress: &Progress,
) -> Result<(Opened, crate::search::SearchIndex), DataError> {
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    progress.enter(Stage::Parsing, total as u64);
    let parsed = parse_files(files, borrow)?;
    progress.enter(Stage::Checking, 0);
    let for_store = parsed.clone();
    let (problems, (store, index)) = std::thread::scope(|scope| {
        let checking = scope.spawn(|| validate(&parsed));
        let store = Store::build(for_store);
        progress.enter(Stage::Indexing, 0);
        let index = crate::search::SearchIndex::new(&store);
        let problems = checking
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (problems, (store, index))
    });
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(DataError::Invalid(problems));
    }
    Ok((
        Opened {
            store,
            warnings: problems,
        },
        index,
    ))
}

/// What happened with the cache on a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheUse {
    /// Not used: the built-in dataset, `--no-cache`, or no cache folder.
    Off,
    /// The store and index were read from the cache.
    Hit,
    /// Built from the RON, then saved (its size in bytes), or not saved (why).
    Rebuilt {
        why: crate::cache::Miss,
        saved: Result<u64, String>,
    },
}

/// A dataset opened through the cache: the store, its search index when the cache held one
/// or one was built to save, and what the cache did.
pub struct Loaded {
    pub opened: Opened,
    pub index: Option<crate::search::SearchIndex>,
    pub cache: CacheUse,
}

/// Opens a dataset, from the cache when it holds this dataset as it is on disk (see
/// [`crate::cache`]); otherwise from the RON, saving the cache for next time. The built-in
/// dataset is not cached: it loads in a few milliseconds.
pub fn open_cached(
    sources: &Sources,
    progress: &Progress,
    use_cache: bool,
) -> Result<Loaded, DataError> {
    let (mut loaded, save) = open_cached_then_save(sources, progress, use_cache)?;
    if let (Some(save), Some(index)) = (save, &loaded.index) {
        progress.enter(Stage::WritingCache, 0);
        let saved = save.write(&loaded.opened.store, index);
        if let CacheUse::Rebuilt { saved: was, .. } = &mut loaded.cache {
            *was = saved;
        }
        progress.finish();
    }
    Ok(loaded)
}

/// A cache file still to be written, for a dataset that was just built: see
/// [`open_cached_then_save`].
pub struct CacheSave {
    key: crate::cache::Key,
    file: std::path::PathBuf,
    texts: Vec<&'static str>,
}

impl CacheSave {
    /// Writes the cache of `store` and `index`; its size, or why it could not be written.
    pub fn write(&self, store: &Store, index: &crate::search::SearchIndex) -> Result<u64, String> {
        crate::cache::write(&self.key, &self.file, store, index, &self.texts)
            .map_err(|e| e.to_string())
    }
}

/// [`open_cached`], leaving the cache to be written by the caller when the dataset was built:
/// the browser shows the timeline first and writes it meanwhile. `Loaded::cache` then says
/// "rebuilt" with the save still to be done.
pub fn open_cached_then_save(
    sources: &Sources,
    progress: &Progress,
    use_cache: bool,
) -> Result<(Loaded, Option<CacheSave>), DataError> {
    let only_builtin = sources.base.is_none() && sources.overlays.is_empty();
    if only_builtin {
        let opened = open_sources(sources, progress)?;
        return Ok((
            Loaded {
                opened,
                index: None,
                cache: CacheUse::Off,
            },
            None,
        ));
    }
    let Some(folder) = crate::cache::folder().filter(|_| use_cache) else {
        // No cache: still checked while the store and index are built.
        let files = read_sources(sources, progress)?;
        let (opened, index) = build_with_index(&files, sources.base.is_some(), progress)?;
        progress.finish();
        return Ok((
            Loaded {
                opened,
                index: Some(index),
                cache: CacheUse::Off,
            },
            None,
        ));
    };
    let paths = sources
        .paths()
        .map_err(|e| DataError::Unreadable(vec![e]))?;
    let key = crate::cache::Key::of(&paths);
    // The cache file is read and decoded on one core while the dataset's files are read on
    // the other.
    let (files, cached) = std::thread::scope(|scope| {
        let cached = key
            .as_ref()
            .map(|key| scope.spawn(|| crate::cache::read(key, &key.file_in(&folder))));
        let files = read_sources(sources, progress);
        let cached = cached.map(|c| c.join().unwrap_or(Err(crate::cache::Miss::Undecodable)));
        (files, cached)
    });
    let files = files?;
    let texts: Vec<&'static str> = files.iter().map(|f| f.text).collect();
    let why = match cached {
        Some(cached) => {
            progress.enter(Stage::ReadingCache, 0);
            match cached.and_then(|c| c.into_store(&texts)) {
                Ok((store, index)) => {
                    progress.finish();
                    let opened = Opened {
                        store,
                        warnings: Vec::new(),
                    };
                    let loaded = Loaded {
                        opened,
                        index: Some(index),
                        cache: CacheUse::Hit,
                    };
                    return Ok((loaded, None));
                }
                Err(why) => why,
            }
        }
        None => crate::cache::Miss::Missing,
    };
    let (opened, index) = build_with_index(&files, sources.base.is_some(), progress)?;
    let save = match key {
        Some(key) => Ok(CacheSave {
            file: key.file_in(&folder),
            key,
            texts,
        }),
        None => Err("a dataset file could not be looked at".to_string()),
    };
    progress.finish();
    let (save, saved) = match save {
        Ok(save) => (Some(save), Err("not written yet".to_string())),
        Err(why) => (None, Err(why)),
    };
    Ok((
        Loaded {
            opened,
            index: Some(index),
            cache: CacheUse::Rebuilt { why, saved },
        },
        save,
    ))
}
