//! A person typing the search bench's queries into the browser at 1,000,000 entries, one
//! keystroke at a time, then erasing them: each keystroke's search is run exactly as the
//! browser's worker runs it (`tui::worker::run`, narrowing from an earlier query as
//! `tui/recent.rs` keeps them), and the figures are the median and the worst keystroke, in
//! milliseconds. One step: the search a keystroke asks for, not the drawing (under 1 ms,
//! `benches/render.rs`).
//!
//! `cargo bench --bench typing`; `-- 100000` for another size, `-- ne coll` for other queries.

use std::sync::Arc;
use std::time::{Duration, Instant};

use kicktime::search::{Query, SearchIndex};
use kicktime::tui::app::MAX_RANKED_ROWS;
use kicktime::tui::recent::RecentSearches;
use kicktime::tui::worker::{Request, run};

#[path = "common/queries.rs"]
mod queries;
use queries::QUERIES;

/// Each query is typed and erased this many times; a keystroke's figure is its median.
const ROUNDS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let entries = args
        .iter()
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let asked: Vec<&str> = (args.iter())
        .filter(|a| a.parse::<usize>().is_err())
        .map(String::as_str)
        .collect();
    let queries = if asked.is_empty() {
        QUERIES
    } else {
        &asked[..]
    };
    eprintln!("building a synthetic store of {entries} entries…");
    let store = kicktime::synthetic::store(entries);
    let index = SearchIndex::new(&store);

    println!("{entries} entries, {ROUNDS} rounds, milliseconds per keystroke (median of rounds)");
    println!(
        "{:<24} {:>6} {:>8} {:>8} {:>8}",
        "query", "keys", "median", "worst", "worst at"
    );
    let mut all = Vec::new();
    for text in queries {
        let typed = keystrokes(text);
        let mut times = vec![Vec::new(); typed.len()];
        for _ in 0..ROUNDS {
            let mut history = RecentSearches::default();
            for (k, query) in typed.iter().enumerate() {
                let Ok(parsed) = Query::parse(query) else {
                    continue;
                };
                let within = history.narrowing(&parsed);
                let request = Request {
                    id: k as u64,
                    query: parsed,
                    within,
                    limit: MAX_RANKED_ROWS,
                };
                let start = Instant::now();
                let outcome = run(&store, &index, request);
                times[k].push(start.elapsed());
                history.remember(&outcome.query, Arc::clone(&outcome.matched));
            }
        }
        let per_key: Vec<(Duration, &str)> = (times.iter().zip(&typed))
            .filter(|(t, _)| !t.is_empty())
            .map(|(t, q)| (median(t.clone()), q.as_str()))
            .collect();
        let (worst, worst_at) = per_key.iter().max().copied().unwrap_or_default();
        println!(
            "{:<24} {:>6} {:>8.2} {:>8.2} {:>8}",
            text,
            per_key.len(),
            ms(median(per_key.iter().map(|p| p.0).collect())),
            ms(worst),
            format!("{worst_at:?}"),
        );
        all.extend(per_key.iter().map(|p| p.0));
    }
    let worst = all.iter().max().copied().unwrap_or_default();
    println!(
        "{:<24} {:>6} {:>8.2} {:>8.2}",
        "every keystroke",
        all.len(),
        ms(median(all)),
        ms(worst)
    );
}

/// What the search bar holds after each keystroke of typing `text` and then erasing it with
/// backspace, down to one character.
fn keystrokes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let typing = (1..=chars.len()).map(|n| chars[..n].iter().collect::<String>());
    let erasing = (1..chars.len()).rev().map(|n| chars[..n].iter().collect());
    typing.chain(erasing).collect()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
