//! Search per keystroke on synthetic datasets of 10,000, 100,000 and 1,000,000 entries: query
//! parsing, filters, fuzzy scoring and ranking the rows a screen shows.

use std::sync::OnceLock;

use divan::Bencher;
use kicktime::search::{Query, SearchIndex};
use kicktime::store::Store;
use kicktime::tui::app::MAX_RANKED_ROWS;

fn main() {
    divan::main();
}

#[path = "common/queries.rs"]
mod queries;
use queries::QUERIES;

/// How many rows the browser shows at most on a tall screen.
const SHOWN: usize = 100;

fn dataset(entries: usize) -> &'static (Store, SearchIndex) {
    static SETS: [OnceLock<(Store, SearchIndex)>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match entries {
        10_000 => &SETS[0],
        100_000 => &SETS[1],
        _ => &SETS[2],
    };
    slot.get_or_init(|| {
        let store = kicktime::synthetic::store(entries);
        let index = SearchIndex::new(&store);
        (store, index)
    })
}

#[divan::bench(args = [10_000, 100_000, 1_000_000], consts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], sample_count = 20)]
fn query<const Q: usize>(bencher: Bencher, entries: usize) {
    let (store, index) = dataset(entries);
    bencher.bench(|| {
        let query = Query::parse(QUERIES[Q]).unwrap();
        index.top(store, &query, SHOWN)
    });
}

/// What the browser asks for: its best [`MAX_RANKED_ROWS`] rows (to scroll through) and every
/// match (to narrow the next keystroke), for the shortest queries, the costliest.
#[divan::bench(args = [100_000, 1_000_000], consts = [0, 1, 7, 8, 9, 10], sample_count = 20)]
fn browser<const Q: usize>(bencher: Bencher, entries: usize) {
    let (store, index) = dataset(entries);
    bencher.bench(|| {
        let query = Query::parse(QUERIES[Q]).unwrap();
        index.find(store, &query, None, MAX_RANKED_ROWS)
    });
}
