//! Where a person's own files live: their own entries (`data/`) and the collection file, in the
//! platform's data folder (`$XDG_DATA_HOME/kicktime` on Linux).
//!
//! The configuration lives in [`crate::config`]'s folder and the cache in [`crate::cache`]'s;
//! this folder holds only what a person made, so it is the one to back up.

use std::path::{Path, PathBuf};

/// `$XDG_DATA_HOME/kicktime`, or the platform's equivalent; `None` without a home folder.
pub fn data_folder() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kicktime").map(|d| d.data_dir().to_path_buf())
}

/// The folder of one's own entries (`data/`, like the built-in history's): every `.ron` file
/// in it and its sub-folders is added on top of the built-in history, as if named by `--add`.
pub fn entries_folder() -> Option<PathBuf> {
    data_folder().map(|d| d.join("data"))
}

/// The collection: marks (owned, wanted, sold) with their sizes, prices and notes.
pub fn collection_file() -> Option<PathBuf> {
    data_folder().map(|d| d.join("collection.ron"))
}

/// A path as a person would type it: relative to the current folder when inside it, else
/// `~/…` when inside the home folder, else as it is. Built-in files (`data/…`) stay as they are.
pub fn shown(path: &str) -> String {
    let as_path = std::path::Path::new(path);
    if !as_path.is_absolute() {
        return path.to_string();
    }
    if let Some(inside) = std::env::current_dir()
        .ok()
        .and_then(|cwd| as_path.strip_prefix(cwd).ok().map(Path::to_path_buf))
    {
        return inside.display().to_string();
    }
    if let Some(inside) = directories::BaseDirs::new().and_then(|b| {
        as_path
            .strip_prefix(b.home_dir())
            .ok()
            .map(Path::to_path_buf)
    }) {
        return format!("~/{}", inside.display());
    }
    path.to_string()
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn paths_are_shown_short() {
        let cwd = std::env::current_dir().unwrap();
        let inside = cwd.join("own").join("mine.ron");
        assert_eq!(shown(&inside.display().to_string()), "own/mine.ron");
        assert_eq!(shown("data/asics.ron"), "data/asics.ron");
        assert_eq!(shown("/nowhere-else/x.ron"), "/nowhere-else/x.ron");
    }
}
