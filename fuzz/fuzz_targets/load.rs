//! Fuzzes the loader: any bytes as a data file, merged with the built-in dataset, must give a
//! store or a clear error, never a panic or a hang.
#![no_main]

use kicktime::load::{builtin_files, parse, source_from_bytes};
use kicktime::search::{Query, SearchIndex};
use kicktime::store::Store;
use kicktime::validate::{Severity, validate};
use libfuzzer_sys::fuzz_target;

// `source_from_bytes` keeps each input for the rest of the run (see `kicktime::load::keep`), so
// run with `ASAN_OPTIONS=detect_leaks=0`; inputs are small, but a run of millions may want a larger
// `-rss_limit_mb`.
fuzz_target!(|bytes: &[u8]| {
    let Ok(source) = source_from_bytes("fuzz.ron".into(), bytes.to_vec()) else {
        return;
    };
    let Ok(parsed) = parse(&source) else {
        return;
    };
    let mut files: Vec<_> = builtin_files().iter().filter_map(|f| parse(f).ok()).collect();
    files.push(parsed);
    let problems = validate(&files);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return;
    }
    let store = Store::build(files);
    // Every record unpacks and every entry's detail can be drawn.
    for position in 0..store.timeline.len() {
        kicktime::detail::describe(&store, store.timeline[position].subject());
    }
    let index = SearchIndex::new(&store);
    let query = Query::parse(&String::from_utf8_lossy(bytes)).unwrap_or_default();
    index.search(&store, &query);
});
