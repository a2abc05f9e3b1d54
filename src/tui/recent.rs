//! The searches typed so far, kept so that the next keystroke searches only what an earlier
//! query matched: typing `kayano` searches `kaya`'s matches for `kayan`, and erasing back to
//! `kay` searches `kay`'s own matches again rather than the whole dataset.
//!
//! The policy: the list is a chain, each query narrowing the one before it (as typing makes
//! it). Remembering a query drops every query it does not narrow, then adds it, so the chain
//! follows the search bar as characters are typed and erased, and is at most [`KEPT`] long
//! (the oldest, widest query goes first). The browser owns it; values are passed, no locks.

use std::sync::Arc;

use crate::search::Query;

/// At most this many queries are kept. The widest ones match the most entries (a one-letter
/// query on 1,000,000 entries matches most of them, 4 MB), but each query after it matches
/// fewer, so the chain holds a few times the first query's list at most.
pub const KEPT: usize = 32;

#[derive(Debug, Default)]
pub struct RecentSearches {
    /// Each query and every entry it matched (timeline positions, in order), widest first.
    chain: Vec<(Query, Arc<Vec<u32>>)>,
}

impl RecentSearches {
    /// The entries to search for `query`: those of the narrowest remembered query it narrows,
    /// or `None` (search everything).
    pub fn narrowing(&self, query: &Query) -> Option<Arc<Vec<u32>>> {
        (self.chain.iter().rev())
            .find(|(earlier, _)| query.narrows(earlier))
            .map(|(_, matched)| Arc::clone(matched))
    }

    /// Remembers what `query` matched.
    pub fn remember(&mut self, query: &Query, matched: Arc<Vec<u32>>) {
        while let Some((last, _)) = self.chain.last() {
            if query.narrows(last) && query != last {
                break;
            }
            self.chain.pop();
        }
        if self.chain.len() == KEPT {
            self.chain.remove(0);
        }
        self.chain.push((query.clone(), matched));
    }

    /// Forgets everything (the entries searched have changed).
    pub fn clear(&mut self) {
        self.chain.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remembered(texts: &[&str]) -> RecentSearches {
        let mut recent = RecentSearches::default();
        for (i, text) in texts.iter().enumerate() {
            recent.remember(&Query::parse(text).unwrap(), Arc::new(vec![i as u32]));
        }
        recent
    }

    fn narrowed_by(recent: &RecentSearches, text: &str) -> Option<u32> {
        (recent.narrowing(&Query::parse(text).unwrap())).map(|m| m[0])
    }

    #[test]
    fn typing_narrows_from_the_last_query_and_erasing_from_an_earlier_one() {
        let recent = remembered(&["k", "ka", "kay", "kaya"]);
        assert_eq!(narrowed_by(&recent, "kayan"), Some(3));
        assert_eq!(narrowed_by(&recent, "kay"), Some(2), "erased back to kay");
        assert_eq!(narrowed_by(&recent, "k"), Some(0));
        assert_eq!(
            narrowed_by(&recent, "n"),
            None,
            "a new word searches everything"
        );
    }

    #[test]
    fn the_chain_follows_the_search_bar_when_characters_are_erased() {
        // Typed kayano, erased to ka, typed kz: kay, kaya… no longer narrow anything typed.
        let recent = remembered(&["k", "ka", "kay", "kaya", "kay", "ka", "kaz"]);
        assert_eq!(recent.chain.len(), 3);
        assert_eq!(narrowed_by(&recent, "kazz"), Some(6));
        assert_eq!(narrowed_by(&recent, "kay"), Some(5), "ka, remembered again");
    }

    #[test]
    fn a_changed_filter_starts_again() {
        let recent = remembered(&["k", "ka"]);
        assert_eq!(narrowed_by(&recent, "brand:asics ka"), None);
    }

    #[test]
    fn at_most_kept_queries_are_kept() {
        let texts: Vec<String> = (1..=KEPT + 5).map(|n| "k".repeat(n)).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let recent = remembered(&refs);
        assert_eq!(recent.chain.len(), KEPT);
        assert_eq!(narrowed_by(&recent, "k"), None, "the widest went first");
    }
}
