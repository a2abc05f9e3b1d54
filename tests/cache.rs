//! The warm start's cache: a dataset read through it gives what reading the RON gives, and a
//! missing, stale, truncated, damaged or foreign cache file, or a cache folder that cannot be
//! written, changes nothing but the time it takes.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

/// A generated dataset of `entries` entries, written to a fresh folder.
fn generated(name: &str, entries: usize) -> PathBuf {
    let dir = temp_dir(name);
    let file = dir.join("catalogue.ron");
    std::fs::write(&file, kicktime::synthetic::generate(entries)).unwrap();
    file
}

/// `kicktime search kay` on `data` with the cache in `cache`, as JSON, and what `--timings`
/// said of the cache.
fn search(data: &Path, cache: &Path, extra: &[&str]) -> (String, String) {
    let out: Output = Command::new(BIN)
        .args([
            "search",
            "kay",
            "--limit",
            "40",
            "--format",
            "json",
            "--timings",
        ])
        .arg("--data")
        .arg(data)
        .args(extra)
        .env_remove("KICKTIME_DATA")
        .env("XDG_CACHE_HOME", cache)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let timings = stderr(&out);
    let cache_said = timings
        .split("cache: ")
        .nth(1)
        .map(|s| s.split(')').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    (stdout(&out), cache_said)
}

/// The one cache file in the cache folder.
fn cache_file(cache: &Path) -> PathBuf {
    let folder = cache.join("kicktime");
    let files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "cache"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn a_warm_start_gives_what_a_cold_one_gives() {
    let data = generated("cache-warm", 3_000);
    let cache = temp_dir("cache-warm-folder");
    let (uncached, said) = search(&data, &cache, &["--no-cache"]);
    assert_eq!(said, "off");
    let (cold, said) = search(&data, &cache, &[]);
    assert!(
        said.starts_with("no cache yet, rebuilt and saved"),
        "{said}"
    );
    let (warm, said) = search(&data, &cache, &[]);
    assert_eq!(said, "read");
    assert_eq!(cold, uncached);
    assert_eq!(warm, uncached);
    // Every command reads the same store: a whole listing and a record in full.
    let list = |extra: &[&str]| {
        let out = Command::new(BIN)
            .args(["list", "--format", "csv", "--data"])
            .arg(&data)
            .args(extra)
            .env("XDG_CACHE_HOME", &cache)
            .output()
            .unwrap();
        stdout(&out)
    };
    assert_eq!(list(&[]), list(&["--no-cache"]));
}

#[test]
fn a_damaged_truncated_foreign_or_stale_cache_is_rebuilt_and_changes_nothing() {
    let data = generated("cache-bad", 2_000);
    let cache = temp_dir("cache-bad-folder");
    let (expected, _) = search(&data, &cache, &["--no-cache"]);
    search(&data, &cache, &[]);
    let file = cache_file(&cache);
    let good = std::fs::read(&file).unwrap();

    let mut damaged = good.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x55;
    std::fs::write(&file, &damaged).unwrap();
    let (found, said) = search(&data, &cache, &[]);
    assert_eq!(found, expected);
    assert!(said.starts_with("a damaged cache"), "{said}");
    assert_eq!(std::fs::read(&file).unwrap(), good, "rebuilt as it was");

    std::fs::write(&file, &good[..good.len() / 3]).unwrap();
    let (found, said) = search(&data, &cache, &[]);
    assert_eq!(found, expected);
    assert!(said.starts_with("a truncated cache"), "{said}");

    std::fs::write(
        &file,
        b"not a cache at all, but long enough to have a header here",
    )
    .unwrap();
    let (found, said) = search(&data, &cache, &[]);
    assert_eq!(found, expected);
    assert!(said.starts_with("not a cache of this version"), "{said}");

    // The dataset changes: its new content is what is searched, from a new cache file.
    let text = std::fs::read_to_string(&data).unwrap();
    let renamed = text.replacen("name: \"", "name: \"Kayak ", 1);
    std::fs::write(&data, renamed).unwrap();
    let (changed, said) = search(&data, &cache, &["--no-cache"]);
    assert_ne!(changed, expected);
    let (found, said_cached) = search(&data, &cache, &[]);
    assert_eq!(said, "off");
    assert!(said_cached.starts_with("no cache yet"), "{said_cached}");
    assert_eq!(found, changed);
}

#[test]
fn a_cache_folder_that_cannot_be_written_leaves_kicktime_working() {
    let data = generated("cache-readonly", 1_000);
    // A file where the cache folder should be: nothing can be created under it.
    let blocked = temp_dir("cache-blocked").join("not-a-folder");
    std::fs::write(&blocked, "a file").unwrap();
    let (expected, _) = search(&data, &blocked, &["--no-cache"]);
    let (found, said) = search(&data, &blocked, &[]);
    assert_eq!(found, expected);
    assert!(said.contains("not saved"), "{said}");
}

#[test]
fn cache_clear_removes_the_cached_datasets() {
    let data = generated("cache-clear", 1_000);
    let cache = temp_dir("cache-clear-folder");
    search(&data, &cache, &[]);
    cache_file(&cache);
    let out = Command::new(BIN)
        .args(["cache", "clear"])
        .env("XDG_CACHE_HOME", &cache)
        .output()
        .unwrap();
    assert!(
        stdout(&out).starts_with("removed 1 cached dataset"),
        "{}",
        stdout(&out)
    );
    let (_, said) = search(&data, &cache, &[]);
    assert!(said.starts_with("no cache yet"), "{said}");
}
