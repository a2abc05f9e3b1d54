//! A person's collection: marks on entries (owned, wanted, sold) with the details of a pair.
//!
//! The collection is keyed by entry id, not by timeline position, so it outlives any dataset:
//! a mark whose id no longer exists is kept and shown as orphaned ([`Collection::orphans`]).
//! It is stored by [`file`]; every change is a [`Change`], applied to the file's latest
//! contents under a lock, so two processes marking at once both keep their marks.

pub mod exchange;
pub mod file;
pub mod summary;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::store::Store;

/// What a person says about a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    Owned,
    Wanted,
    Sold,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Owned, Status::Wanted, Status::Sold];

    pub fn label(self) -> &'static str {
        match self {
            Status::Owned => "owned",
            Status::Wanted => "wanted",
            Status::Sold => "sold",
        }
    }

    /// The one-character cue beside a row: it reads without colour (`NO_COLOR`).
    pub fn symbol(self) -> char {
        match self {
            Status::Owned => '✓',
            Status::Wanted => '+',
            Status::Sold => '$',
        }
    }

    /// `m` in the browser: none → owned → wanted → sold → none.
    pub fn cycle(current: Option<Status>) -> Option<Status> {
        match current {
            None => Some(Status::Owned),
            Some(Status::Owned) => Some(Status::Wanted),
            Some(Status::Wanted) => Some(Status::Sold),
            Some(Status::Sold) => None,
        }
    }

    /// `owned`, `wanted`, `sold`, case-insensitive.
    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|s| s.label().eq_ignore_ascii_case(text.trim()))
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A price paid: an amount in a currency. The amount is kept as written (`"180"`, `"179.95"`),
/// checked to be a decimal number, so it is never rounded through a float.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    pub amount: String,
    /// An ISO 4217 code such as `EUR`, as given (upper-cased).
    pub currency: String,
}

impl Price {
    /// A price from what a person typed; the error says what is expected.
    pub fn new(amount: &str, currency: &str) -> Result<Price, String> {
        let amount = amount.trim();
        if cents(amount).is_none() {
            return Err(format!(
                "price {amount:?} is not an amount: write it like 180 or 179.95"
            ));
        }
        let currency = currency.trim().to_ascii_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(format!(
                "currency {currency:?} is not a currency code: write it like EUR, USD or JPY"
            ));
        }
        Ok(Price {
            amount: amount.to_string(),
            currency,
        })
    }

    /// The amount in hundredths, for sums.
    pub fn cents(&self) -> Option<i64> {
        cents(&self.amount)
    }
}

impl fmt::Display for Price {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

/// `"179.95"` → 17995; at most two decimals, no sign.
fn cents(amount: &str) -> Option<i64> {
    let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || whole.len() > 12 || fraction.len() > 2 {
        return None;
    }
    if !fraction.is_empty() && !digits(fraction) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
    Some(whole * 100 + fraction)
}

/// Sums of prices by currency, `"EUR 360.00"`: amounts in different currencies are never
/// added together.
pub fn format_cents(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// One entry's mark: its status and what is known about the pair. A mark without a status
/// keeps its details (`m` cycled past `sold`): only `unmark` forgets them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mark {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// As the person writes it: `10.5`, `US 10.5`, `EU 44`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// `deadstock`, `worn twice`...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchased: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Mark {
    /// Whether the mark says nothing at all (and so need not be kept).
    pub fn is_empty(&self) -> bool {
        self == &Mark::default()
    }

    /// The mark with every text made terminal-safe (a hand-edited or imported file may hold
    /// control characters; they never reach the terminal).
    pub fn sanitized(self) -> Mark {
        let clean = |t: Option<String>| t.map(|t| crate::text::sanitize(&t).into_owned());
        Mark {
            size: clean(self.size),
            condition: clean(self.condition),
            note: clean(self.note),
            price: self.price.map(|p| Price {
                currency: crate::text::sanitize(&p.currency).into_owned(),
                amount: p.amount,
            }),
            ..self
        }
    }

    /// The details as one line: `size 10.5 · deadstock · 2024-05 · 180 EUR · "note"`.
    pub fn details(&self) -> String {
        let mut parts = Vec::new();
        if let Some(size) = &self.size {
            parts.push(format!("size {size}"));
        }
        parts.extend(self.condition.clone());
        if let Some(date) = self.purchased {
            parts.push(format!("bought {date}"));
        }
        if let Some(price) = &self.price {
            parts.push(price.to_string());
        }
        if let Some(note) = &self.note {
            parts.push(format!("“{note}”"));
        }
        parts.join(" · ")
    }
}

/// Every mark, by entry id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collection {
    pub marks: BTreeMap<String, Mark>,
}

/// One change a person makes: the new mark of an entry, or `None` to forget it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    pub mark: Option<Mark>,
}

impl Collection {
    pub fn get(&self, id: &str) -> Option<&Mark> {
        self.marks.get(id)
    }

    pub fn status(&self, id: &str) -> Option<Status> {
        self.marks.get(id).and_then(|m| m.status)
    }

    /// Applies a change; an empty mark is forgotten.
    pub fn apply(&mut self, change: &Change) {
        match &change.mark {
            Some(mark) if !mark.is_empty() => {
                self.marks.insert(change.id.clone(), mark.clone());
            }
            _ => {
                self.marks.remove(&change.id);
            }
        }
    }

    /// The marks whose id names no model or release of `store`, each with the likely new id
    /// (the nearest existing one), when there is one.
    pub fn orphans<'a>(&'a self, store: &'a Store) -> Vec<Orphan<'a>> {
        let missing: Vec<(&String, &Mark)> = (self.marks.iter())
            .filter(|(id, _)| store.subject(id).is_none())
            .collect();
        if missing.is_empty() {
            return Vec::new();
        }
        let ids: Vec<&str> = (0..store.models.len())
            .map(|m| store.models.id(m))
            .chain((0..store.releases.len()).map(|r| store.releases.id(r)))
            .collect();
        missing
            .into_iter()
            .map(|(id, mark)| Orphan {
                id,
                mark,
                likely: likely_id(id, &ids),
            })
            .collect()
    }

    /// The timeline positions of marked entries with their status, in timeline order (for
    /// `mark:` filters and for drawing rows).
    pub fn positions(&self, store: &Store) -> Vec<(u32, Status)> {
        let mut positions: Vec<(u32, Status)> = (self.marks.iter())
            .filter_map(|(id, mark)| Some((store.entry(id)? as u32, mark.status?)))
            .collect();
        positions.sort_unstable();
        positions
    }
}

impl Collection {
    /// The marked timeline positions for a `mark:` filter of a search.
    pub fn marked(&self, store: &Store) -> crate::search::Marked {
        std::sync::Arc::new(
            (self.positions(store).into_iter())
                .map(|(p, s)| (p, s.filter()))
                .collect(),
        )
    }
}

impl Status {
    /// The `mark:` filter value this status matches.
    pub fn filter(self) -> crate::search::MarkFilter {
        use crate::search::MarkFilter;
        match self {
            Status::Owned => MarkFilter::Owned,
            Status::Wanted => MarkFilter::Wanted,
            Status::Sold => MarkFilter::Sold,
        }
    }
}

/// A mark whose entry is not in the dataset (renamed or removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan<'a> {
    pub id: &'a str,
    pub mark: &'a Mark,
    pub likely: Option<&'a str>,
}

/// The known id most like `id`: the same words reordered or retyped score high.
pub(crate) fn likely_id<'a>(id: &str, ids: &[&'a str]) -> Option<&'a str> {
    ids.iter()
        .map(|k| (strsim::jaro_winkler(id, k), *k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score >= 0.85)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycling_visits_each_status_then_none() {
        let mut seen = Vec::new();
        let mut status = None;
        for _ in 0..4 {
            status = Status::cycle(status);
            seen.push(status);
        }
        assert_eq!(
            seen,
            [
                Some(Status::Owned),
                Some(Status::Wanted),
                Some(Status::Sold),
                None
            ]
        );
    }

    #[test]
    fn prices_are_decimal_amounts_with_a_currency_code() {
        assert_eq!(Price::new("179.95", "eur").unwrap().cents(), Some(17995));
        assert_eq!(Price::new("180", "USD").unwrap().cents(), Some(18000));
        assert_eq!(Price::new("0.5", "USD").unwrap().cents(), Some(50));
        assert!(Price::new("-3", "USD").is_err());
        assert!(Price::new("1.999", "USD").is_err());
        assert!(Price::new("abc", "USD").is_err());
        assert!(Price::new("10", "euro").is_err());
        assert_eq!(format_cents(17995), "179.95");
    }

    #[test]
    fn an_empty_mark_is_forgotten_and_a_status_less_one_kept() {
        let mut collection = Collection::default();
        let kept = Mark {
            size: Some("10".into()),
            ..Mark::default()
        };
        collection.apply(&Change {
            id: "a".into(),
            mark: Some(kept.clone()),
        });
        collection.apply(&Change {
            id: "b".into(),
            mark: Some(Mark::default()),
        });
        assert_eq!(collection.get("a"), Some(&kept));
        assert_eq!(collection.get("b"), None);
    }
}
