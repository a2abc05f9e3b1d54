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
use crate::text::{fold, fold_key};

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

/// One search result: a timeline position, its score, and the characters of its title that
/// matched (indices of `char`s in [`Entry::title`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    pub title_positions: Vec<usize>,
}

/// What each timeline entry is searched by, folded once when the index is built.
struct Haystack {
    text: String,
    /// For each character of the folded title at the start of `text`, its index in the title.
    title_origin: Vec<usize>,
}

/// The searchable form of a store.
pub struct SearchIndex {
    haystacks: Vec<Haystack>,
    matcher: SkimMatcherV2,
}

impl SearchIndex {
    pub fn new(store: &Store) -> SearchIndex {
        let haystacks = store
            .timeline
            .iter()
            .map(|entry| haystack(store, entry))
            .collect();
        SearchIndex {
            haystacks,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    /// Runs a query: with words, best match first; without, the filtered timeline in order.
    pub fn search(&self, store: &Store, query: &Query) -> Vec<Hit> {
        let allowed = ResolvedFilters::new(store, &query.filters);
        let candidates = (0..store.timeline.len()).filter(|&i| allowed.admits(&store.timeline[i]));
        if query.words.is_empty() {
            return candidates
                .map(|entry| Hit {
                    entry,
                    score: 0,
                    title_positions: Vec::new(),
                })
                .collect();
        }
        let mut hits: Vec<Hit> = candidates
            .filter_map(|entry| self.score(entry, &query.words))
            .collect();
        hits.sort_by(|a, b| {
            let (ea, eb) = (&store.timeline[a.entry], &store.timeline[b.entry]);
            b.score
                .cmp(&a.score)
                .then(ea.kind.cmp(&eb.kind))
                .then(ea.title.chars().count().cmp(&eb.title.chars().count()))
                .then(a.entry.cmp(&b.entry))
        });
        hits
    }

    fn score(&self, entry: usize, words: &[String]) -> Option<Hit> {
        let haystack = &self.haystacks[entry];
        let mut score = 0;
        let mut positions = Vec::new();
        for word in words {
            let (s, indices) = self.matcher.fuzzy_indices(&haystack.text, word)?;
            score += s;
            positions.extend(
                indices
                    .into_iter()
                    .filter_map(|i| haystack.title_origin.get(i).copied()),
            );
        }
        positions.sort_unstable();
        positions.dedup();
        Some(Hit {
            entry,
            score,
            title_positions: positions,
        })
    }
}

fn haystack(store: &Store, entry: &Entry) -> Haystack {
    let title = fold(&entry.title);
    let mut text = title.text;
    let mut push = |part: &str| {
        text.push_str(" · ");
        text.push_str(&fold(part).text);
    };
    let model = &store.models[entry.model];
    if let Subject::Release(r) = entry.subject {
        push(&model.name);
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
        text,
        title_origin: title.origin,
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
