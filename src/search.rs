//! The search engine shared by the terminal UI and the command line: the query syntax (fuzzy
//! words plus `brand:` `collab:` `era:` `year:` `kind:` filters), accent folding, fuzzy scoring
//! with fuzzy-matcher, and ranking, keeping matched positions for highlighting.
//!
//! Matching is accent-insensitive, and case-insensitive unless a word has a capital letter
//! (smart case). Every word must match; filters of the same field are alternatives (`brand:asics
//! brand:nb` keeps both brands), filters of different fields must all hold.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::store::{Entry, EntryKind, Store, Subject};
use crate::text::{fold, fold_key, fold_text};

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Fuzzy words, accents folded, case kept.
    pub words: Vec<String>,
    pub filters: Filters,
}

/// Field filters; an empty list means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub brands: Vec<String>,
    pub collaborators: Vec<String>,
    pub eras: Vec<String>,
    /// Inclusive year ranges.
    pub years: Vec<(i32, i32)>,
    pub kinds: Vec<EntryKind>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self == &Filters::default()
    }
}

/// A filter value that cannot mean anything.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("year:{0} is not a year: use year:2021, year:2020..2023 or year:2000s")]
    Year(String),
    #[error("kind:{0} is not a kind: use kind:model, kind:reissue, kind:collab or kind:release")]
    Kind(String),
}

impl Query {
    /// Whether every match of this query is also a match of `previous`: the same filters, and
    /// each of the previous words kept (perhaps with characters added), perhaps with new words.
    pub fn narrows(&self, previous: &Query) -> bool {
        self.filters == previous.filters
            && previous.words.len() <= self.words.len()
            && previous
                .words
                .iter()
                .zip(&self.words)
                .all(|(old, new)| is_subsequence(old, new))
    }

    /// Parses `brand:asics kayano 14`. A `field:` with no value yet is ignored (it is being
    /// typed); an unknown field is taken as an ordinary word.
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        let mut query = Query::default();
        for token in text.split_whitespace() {
            match token.split_once(':') {
                Some((field, value)) if is_field(field) => {
                    if !value.is_empty() {
                        query.filters.add(field, value)?;
                    }
                }
                _ => query.words.push(fold(token).text),
            }
        }
        Ok(query)
    }
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut long = long.chars();
    short.chars().all(|c| long.any(|l| l == c))
}

fn is_field(field: &str) -> bool {
    matches!(
        field.to_ascii_lowercase().as_str(),
        "brand" | "collab" | "collaborator" | "era" | "year" | "kind"
    )
}

impl Filters {
    /// Adds one filter; `field` is one of brand, collab, era, year, kind.
    pub fn add(&mut self, field: &str, value: &str) -> Result<(), QueryError> {
        match field.to_ascii_lowercase().as_str() {
            "brand" => self.brands.push(value.to_string()),
            "collab" | "collaborator" => self.collaborators.push(value.to_string()),
            "era" => self.eras.push(value.to_string()),
            "year" => self.years.push(parse_years(value)?),
            _ => self.kinds.extend(parse_kind(value)?),
        }
        Ok(())
    }
}

/// `2021`, `2020..2023` (also `2020-2023`) or a decade, `2000s`.
pub fn parse_years(value: &str) -> Result<(i32, i32), QueryError> {
    let bad = || QueryError::Year(value.to_string());
    let year = |t: &str| -> Result<i32, QueryError> {
        if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
            t.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    if let Some(decade) = value.strip_suffix('s') {
        let start = year(decade)?;
        return if start % 10 == 0 {
            Ok((start, start + 9))
        } else {
            Err(bad())
        };
    }
    let range = value.split_once("..").or_else(|| value.split_once('-'));
    match range {
        Some((a, b)) => {
            let (a, b) = (year(a)?, year(b)?);
            Ok((a.min(b), a.max(b)))
        }
        None => year(value).map(|y| (y, y)),
    }
}

/// `model`, `reissue`, `collab`, or `release` (reissues and collabs).
pub fn parse_kind(value: &str) -> Result<Vec<EntryKind>, QueryError> {
    let key = value.to_ascii_lowercase();
    let key = key.strip_suffix('s').unwrap_or(&key);
    Ok(match key {
        "model" | "intro" | "introduction" => vec![EntryKind::Model],
        "reissue" | "retro" => vec![EntryKind::Reissue],
        "collab" | "collaboration" => vec![EntryKind::Collab],
        "release" => vec![EntryKind::Reissue, EntryKind::Collab],
        _ => return Err(QueryError::Kind(value.to_string())),
    })
}

/// One search result: a timeline position and its score (0 without words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
}

/// What each timeline entry is searched by, folded once when the index is built.
struct Haystack {
    /// The title, then the model, brand and collaborators with their aliases, accents removed.
    text: Box<str>,
    /// Which characters `text` holds, as a [`char_bag`], to skip it cheaply when a word needs a
    /// character it lacks.
    bag: u64,
    /// How many characters of `text` are the folded title.
    title_chars: u32,
    /// For each folded title character, its index in the title, when folding changed the count
    /// (a decomposed accent); `None` when they correspond one to one.
    title_origin: Option<Box<[u32]>>,
}

/// Above this many candidates, scoring is split across threads.
const PARALLEL_FROM: usize = 20_000;

/// The searchable form of a store.
pub struct SearchIndex {
    haystacks: Vec<Haystack>,
    /// Tie-break after the score: models before releases, then shorter titles.
    ties: Vec<u32>,
    matcher: SkimMatcherV2,
}

/// A bit per lowercase ASCII letter and digit present in `text`; every other character sets
/// the top bit. A word can only match a text whose bag holds all the bits of the word's bag.
pub fn char_bag(text: &str) -> u64 {
    text.chars().fold(0, |bag, c| {
        bag | match c.to_ascii_lowercase() {
            c @ 'a'..='z' => 1 << (c as u32 - 'a' as u32),
            c @ '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
            _ => 1 << 63,
        }
    })
}

impl SearchIndex {
    pub fn new(store: &Store) -> SearchIndex {
        let haystacks = build_in_parallel(&store.timeline, |entry| haystack(store, entry));
        let ties = store
            .timeline
            .iter()
            .map(|e| ((e.kind as u32) << 24) | (e.title.chars().count() as u32).min(0xff_ffff))
            .collect();
        SearchIndex {
            haystacks,
            ties,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    /// Every match: with words, best first; without, the filtered timeline in order.
    pub fn search(&self, store: &Store, query: &Query) -> Vec<Hit> {
        self.top(store, query, usize::MAX)
    }

    /// The best `limit` matches, ranked (or the first `limit` of the filtered timeline).
    pub fn top(&self, store: &Store, query: &Query, limit: usize) -> Vec<Hit> {
        self.top_within(store, query, None, limit)
    }

    /// Like [`SearchIndex::top`], scoring only `candidates` (timeline positions).
    pub fn top_within(
        &self,
        store: &Store,
        query: &Query,
        candidates: Option<&[usize]>,
        limit: usize,
    ) -> Vec<Hit> {
        let mut hits = self.matches(store, query, candidates);
        if query.words.is_empty() {
            hits.truncate(limit);
        } else {
            self.rank(&mut hits, limit);
        }
        hits
    }

    /// Every match, unranked: in timeline order without words. Only `candidates` are looked at
    /// when given: a query that only adds characters to the previous one can only match what
    /// the previous one matched, so the browser passes those instead of rescanning everything.
    pub fn matches(&self, store: &Store, query: &Query, candidates: Option<&[usize]>) -> Vec<Hit> {
        let allowed = ResolvedFilters::new(store, &query.filters);
        let mut admitted: Vec<usize> = match candidates {
            Some(list) => list
                .iter()
                .copied()
                .filter(|&i| allowed.admits(&store.timeline[i]))
                .collect(),
            None if query.filters.is_empty() => (0..store.timeline.len()).collect(),
            // The timeline is in date order, so a year filter narrows it to ranges at once.
            None if !query.filters.years.is_empty() => {
                let mut within: Vec<usize> = query
                    .filters
                    .years
                    .iter()
                    .flat_map(|&(first, last)| store.entries_of_years(first, last))
                    .filter(|&i| allowed.admits(&store.timeline[i]))
                    .collect();
                within.sort_unstable();
                within.dedup();
                within
            }
            None => (0..store.timeline.len())
                .filter(|&i| allowed.admits(&store.timeline[i]))
                .collect(),
        };
        if query.words.is_empty() {
            admitted.sort_unstable();
            return admitted
                .into_iter()
                .map(|entry| Hit { entry, score: 0 })
                .collect();
        }
        self.score_all(&admitted, &query.words)
    }

    fn score_all(&self, candidates: &[usize], words: &[String]) -> Vec<Hit> {
        let bags: Vec<u64> = words.iter().map(|w| char_bag(w)).collect();
        let score_chunk = |chunk: &[usize]| -> Vec<Hit> {
            chunk
                .iter()
                .filter_map(|&entry| self.score(entry, words, &bags))
                .collect()
        };
        if candidates.len() < PARALLEL_FROM {
            return score_chunk(candidates);
        }
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .min(8);
        let chunk_size = candidates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = candidates
                .chunks(chunk_size)
                .map(|chunk| scope.spawn(move || score_chunk(chunk)))
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    }

    fn score(&self, entry: usize, words: &[String], bags: &[u64]) -> Option<Hit> {
        let haystack = &self.haystacks[entry];
        if bags.iter().any(|&bag| bag & !haystack.bag != 0) {
            return None;
        }
        let mut score = 0;
        for word in words {
            if !may_contain(&haystack.text, word) {
                return None;
            }
            score += self.matcher.fuzzy_match(&haystack.text, word)?;
        }
        Some(Hit { entry, score })
    }

    /// Sorts hits best first, partially when only the first `limit` are wanted.
    pub fn rank(&self, hits: &mut Vec<Hit>, limit: usize) {
        let key = |h: &Hit| (std::cmp::Reverse(h.score), self.ties[h.entry], h.entry);
        if limit < hits.len() {
            hits.select_nth_unstable_by_key(limit, key);
            hits.truncate(limit);
        }
        hits.sort_unstable_by_key(key);
    }

    /// The characters of an entry's title that the words match (indices of `char`s), for
    /// highlighting: computed only for the rows on screen.
    pub fn title_positions(&self, entry: usize, words: &[String]) -> Vec<usize> {
        let Some(haystack) = self.haystacks.get(entry) else {
            return Vec::new();
        };
        let title_chars = haystack.title_chars as usize;
        let mut positions: Vec<usize> = words
            .iter()
            .filter_map(|w| self.matcher.fuzzy_indices(&haystack.text, w))
            .flat_map(|(_, indices)| indices)
            .filter(|&i| i < title_chars)
            .map(|i| match &haystack.title_origin {
                Some(origin) => origin[i] as usize,
                None => i,
            })
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

/// A quick test that `word` could be a subsequence of `text`, ignoring ASCII case: false means
/// it surely cannot match, so the matcher need not be asked. Words with characters beyond ASCII
/// always pass (the matcher decides).
fn may_contain(text: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return true;
    }
    let mut rest = text.as_bytes();
    for wanted in word.bytes() {
        let (lower, upper) = (wanted.to_ascii_lowercase(), wanted.to_ascii_uppercase());
        match memchr::memchr2(lower, upper, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

/// Maps `items` on every core when there are many of them, keeping their order.
fn build_in_parallel<T: Sync, U: Send>(items: &[T], map: impl Fn(&T) -> U + Sync) -> Vec<U> {
    if items.len() < PARALLEL_FROM {
        return items.iter().map(&map).collect();
    }
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    let chunk_size = items.len().div_ceil(threads);
    let map = &map;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk_size)
            .map(|chunk| scope.spawn(move || chunk.iter().map(map).collect::<Vec<U>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

fn haystack(store: &Store, entry: &Entry) -> Haystack {
    let (mut text, title_chars, title_origin) = if entry.title.is_ascii() {
        (entry.title.clone(), entry.title.len(), None)
    } else {
        let title = fold(&entry.title);
        let one_to_one = title.origin.iter().enumerate().all(|(i, &o)| i == o);
        let origin = (!one_to_one).then(|| title.origin.iter().map(|&o| o as u32).collect());
        (title.text, title.origin.len(), origin)
    };
    let mut push = |part: &str| {
        text.push(' ');
        text.push_str(&fold_text(part));
    };
    let model = &store.models[entry.model];
    if let Subject::Release(r) = entry.subject {
        // Most release titles already name their model; a second copy would only slow matching.
        if !entry.title.contains(model.name.as_str()) {
            push(&model.name);
        }
        if let Some(colourway) = &store.releases[r].colourway {
            push(colourway);
        }
    }
    model.aliases.iter().for_each(|a| push(a));
    if let Some(brand) = store.brands.get(entry.brand) {
        push(&brand.name);
        brand.aliases.iter().for_each(|a| push(a));
    }
    for &c in &entry.collaborators {
        let collaborator = &store.collaborators[c];
        push(&collaborator.name);
        collaborator.aliases.iter().for_each(|a| push(a));
    }
    Haystack {
        bag: char_bag(&text),
        text: text.into_boxed_str(),
        title_chars: title_chars as u32,
        title_origin,
    }
}

/// Filters turned into yes/no tables over brands, collaborators and eras.
struct ResolvedFilters<'a> {
    filters: &'a Filters,
    brands: Vec<bool>,
    collaborators: Vec<bool>,
    eras: Vec<bool>,
}

impl<'a> ResolvedFilters<'a> {
    fn new(store: &Store, filters: &'a Filters) -> Self {
        let eras: Vec<(&str, &str, &[String])> = store
            .eras
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str(), &[][..]))
            .collect();
        let mut era_table = resolve(&filters.eras, &eras);
        for value in &filters.eras {
            if let Some(n) = value
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=eras.len()).contains(n))
            {
                era_table[n - 1] = true;
            }
        }
        let brands: Vec<(&str, &str, &[String])> = store
            .brands
            .iter()
            .map(|b| (b.id.as_str(), b.name.as_str(), b.aliases.as_slice()))
            .collect();
        let collaborators: Vec<(&str, &str, &[String])> = store
            .collaborators
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str(), c.aliases.as_slice()))
            .collect();
        ResolvedFilters {
            filters,
            brands: resolve(&filters.brands, &brands),
            collaborators: resolve(&filters.collaborators, &collaborators),
            eras: era_table,
        }
    }

    fn admits(&self, entry: &Entry) -> bool {
        let f = self.filters;
        (f.brands.is_empty() || self.brands.get(entry.brand).copied().unwrap_or(false))
            && (f.collaborators.is_empty()
                || entry.collaborators.iter().any(|&c| self.collaborators[c]))
            && (f.eras.is_empty() || self.eras.get(entry.era).copied().unwrap_or(false))
            && (f.years.is_empty()
                || f.years
                    .iter()
                    .any(|&(a, b)| (a..=b).contains(&entry.date.year)))
            && (f.kinds.is_empty() || f.kinds.contains(&entry.kind))
    }
}

/// Which of `items` (id, name, aliases) the filter values select. A value that equals an id,
/// name or alias exactly selects only the items it equals (`on` is On, not Onitsuka Tiger);
/// otherwise it selects every item it begins.
fn resolve(values: &[String], items: &[(&str, &str, &[String])]) -> Vec<bool> {
    let mut table = vec![false; items.len()];
    for value in values {
        let key = fold_key(value);
        if key.is_empty() {
            continue;
        }
        let keys = |&(id, name, aliases): &(&str, &str, &[String])| {
            let mut all = vec![fold_key(id), fold_key(name)];
            all.extend(aliases.iter().map(|a| fold_key(a)));
            all
        };
        let exact: Vec<usize> = (0..items.len())
            .filter(|&i| keys(&items[i]).contains(&key))
            .collect();
        if exact.is_empty() {
            for (i, item) in items.iter().enumerate() {
                table[i] |= keys(item).iter().any(|k| k.starts_with(&key));
            }
        } else {
            exact.into_iter().for_each(|i| table[i] = true);
        }
    }
    table
}

/// A filter value matches when it begins the id, the name or an alias, ignoring case, accents,
/// spaces and punctuation: `nb`, `new`, `new-balance` and `New Balance` all find New Balance.
pub fn names_match(value: &str, id: &str, name: &str, aliases: &[String]) -> bool {
    resolve(&[value.to_string()], &[(id, name, aliases)])[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_and_words_are_told_apart() {
        let q = Query::parse("brand:asics kayano year:2020..2023 14 kind:collab").unwrap();
        assert_eq!(q.words, ["kayano", "14"]);
        assert_eq!(q.filters.brands, ["asics"]);
        assert_eq!(q.filters.years, [(2020, 2023)]);
        assert_eq!(q.filters.kinds, [EntryKind::Collab]);
    }

    #[test]
    fn a_filter_still_being_typed_is_ignored_and_unknown_fields_are_words() {
        let q = Query::parse("brand: foo:bar").unwrap();
        assert!(q.filters.is_empty());
        assert_eq!(q.words, ["foo:bar"]);
    }

    #[test]
    fn typing_more_narrows_but_changing_a_filter_does_not() {
        let q = |text: &str| Query::parse(text).unwrap();
        assert!(q("kay").narrows(&q("ka")));
        assert!(q("kay 14").narrows(&q("kay")));
        assert!(q("brand:asics kayano").narrows(&q("brand:asics")));
        assert!(!q("ka").narrows(&q("kay")));
        assert!(!q("brand:nb kay").narrows(&q("kay")));
        assert!(!q("yak").narrows(&q("kay")));
    }

    #[test]
    fn the_quick_check_never_rejects_a_subsequence() {
        assert!(may_contain("Gel-Kayano 14 ASICS", "kay14"));
        assert!(may_contain("Gel-Kayano 14", "GK"));
        assert!(!may_contain("Gel-Kayano 14", "kayano 15"));
        assert!(!may_contain("2002R", "nb"));
        assert!(may_contain("Café", "é"));
    }

    #[test]
    fn years_ranges_and_decades() {
        assert_eq!(parse_years("2021"), Ok((2021, 2021)));
        assert_eq!(parse_years("2023..2020"), Ok((2020, 2023)));
        assert_eq!(parse_years("1990s"), Ok((1990, 1999)));
        assert!(parse_years("21").is_err());
        assert!(Query::parse("year:soon").is_err());
        assert!(Query::parse("kind:boot").is_err());
    }

    #[test]
    fn query_words_are_accent_folded() {
        assert_eq!(Query::parse("Aimé").unwrap().words, ["Aime"]);
    }

    #[test]
    fn names_match_by_prefix_of_id_name_or_alias() {
        let aliases = vec!["NB".to_string()];
        assert!(names_match("nb", "new-balance", "New Balance", &aliases));
        assert!(names_match(
            "new bal",
            "new-balance",
            "New Balance",
            &aliases
        ));
        assert!(!names_match(
            "balance",
            "new-balance",
            "New Balance",
            &aliases
        ));
        assert!(names_match("aime", "ald", "Aimé Leon Dore", &[]));
    }

    #[test]
    fn an_exact_name_wins_over_prefixes() {
        let none: &[String] = &[];
        let items = [
            ("on", "On", none),
            ("onitsuka-tiger", "Onitsuka Tiger", none),
        ];
        assert_eq!(resolve(&["on".into()], &items), [true, false]);
        assert_eq!(resolve(&["oni".into()], &items), [false, true]);
    }
}
