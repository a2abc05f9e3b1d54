//! The query language: fuzzy words plus `brand:` `collab:` `era:` `year:` `kind:` `line:`
//! `mark:` filters.

use crate::store::EntryKind;
use crate::text::fold;

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
    /// Model lines: `line:gel-kayano`.
    pub lines: Vec<String>,
    /// `mark:owned`...: entries of one's collection.
    pub marks: Vec<MarkFilter>,
    /// The marked entries, which the caller attaches (they are not in the store): timeline
    /// positions in order, each with its mark. Without them a `mark:` filter matches nothing.
    pub marked: Option<Marked>,
}

/// What a `mark:` filter asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkFilter {
    Owned,
    Wanted,
    Sold,
    /// Any of the three.
    Any,
}

/// Marked timeline positions, in order, with their mark (never [`MarkFilter::Any`]).
pub type Marked = std::sync::Arc<Vec<(u32, MarkFilter)>>;

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.brands.is_empty()
            && self.collaborators.is_empty()
            && self.eras.is_empty()
            && self.years.is_empty()
            && self.kinds.is_empty()
            && self.lines.is_empty()
            && self.marks.is_empty()
    }

    /// The marked positions a `mark:` filter admits, in order; `None` without one.
    pub fn marked_positions(&self) -> Option<Vec<u32>> {
        if self.marks.is_empty() {
            return None;
        }
        let wanted =
            |mark: MarkFilter| (self.marks.iter()).any(|&m| m == MarkFilter::Any || m == mark);
        Some(
            (self.marked.iter().flat_map(|m| m.iter()))
                .filter(|(_, mark)| wanted(*mark))
                .map(|(position, _)| *position)
                .collect(),
        )
    }
}

/// A filter value that cannot mean anything.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("year:{0} is not a year: use year:2021, year:2020..2023 or year:2000s")]
    Year(String),
    #[error("kind:{0} is not a kind: use kind:model, kind:reissue, kind:collab or kind:release")]
    Kind(String),
    #[error("mark:{0} is not a mark: use mark:owned, mark:wanted, mark:sold or mark:any")]
    Mark(String),
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
        "brand" | "collab" | "collaborator" | "era" | "year" | "kind" | "line" | "mark"
    )
}

impl Filters {
    /// Adds one filter; `field` is one of brand, collab, era, year, kind, line.
    pub fn add(&mut self, field: &str, value: &str) -> Result<(), QueryError> {
        match field.to_ascii_lowercase().as_str() {
            "brand" => self.brands.push(value.to_string()),
            "collab" | "collaborator" => self.collaborators.push(value.to_string()),
            "era" => self.eras.push(value.to_string()),
            "year" => self.years.push(parse_years(value)?),
            "line" => self.lines.push(value.to_string()),
            "mark" => self.marks.push(match value.to_ascii_lowercase().as_str() {
                "owned" | "own" => MarkFilter::Owned,
                "wanted" | "want" => MarkFilter::Wanted,
                "sold" => MarkFilter::Sold,
                "any" | "all" => MarkFilter::Any,
                _ => return Err(QueryError::Mark(value.to_string())),
            }),
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
}
