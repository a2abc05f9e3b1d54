//! Field filters resolved against a store: which brands, collaborators and eras a query's
//! `brand:` `collab:` `era:` values select, and whether an entry passes them all.

use super::Filters;
use crate::model::Text;
use crate::store::{Entry, Store};
use crate::text::fold_key;

/// Filters turned into yes/no tables over brands, collaborators and eras.
pub(super) struct ResolvedFilters<'a> {
    store: &'a Store,
    filters: &'a Filters,
    brands: Vec<bool>,
    collaborators: Vec<bool>,
    eras: Vec<bool>,
    /// Models whose line a `line:` value selects (empty without one).
    models: Vec<bool>,
}

impl<'a> ResolvedFilters<'a> {
    pub(super) fn new(store: &'a Store, filters: &'a Filters) -> Self {
        let eras: Vec<(&str, &str, &[Text])> = store
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
        let brands: Vec<(&str, &str, &[Text])> = store
            .brands
            .iter()
            .map(|b| (b.id.as_str(), b.name.as_str(), &b.aliases[..]))
            .collect();
        let collaborators: Vec<(&str, &str, &[Text])> = store
            .collaborators
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str(), &c.aliases[..]))
            .collect();
        ResolvedFilters {
            models: resolve_lines(store, &filters.lines),
            store,
            filters,
            brands: resolve(&filters.brands, &brands),
            collaborators: resolve(&filters.collaborators, &collaborators),
            eras: era_table,
        }
    }

    pub(super) fn admits(&self, entry: &Entry) -> bool {
        let f = self.filters;
        (f.brands.is_empty() || self.brands.get(entry.brand()).copied().unwrap_or(false))
            && (f.collaborators.is_empty()
                || self
                    .store
                    .collaborators_of(entry)
                    .any(|c| self.collaborators[c]))
            && (f.eras.is_empty() || self.eras.get(entry.era()).copied().unwrap_or(false))
            && (f.years.is_empty()
                || f.years
                    .iter()
                    .any(|&(a, b)| (a..=b).contains(&entry.date.year)))
            && (f.kinds.is_empty() || f.kinds.contains(&entry.kind))
            && (f.lines.is_empty() || self.models.get(entry.model()).copied().unwrap_or(false))
    }
}

/// Which models belong to a line that one of `values` selects (by the rules of [`resolve`]).
/// Lines are not indexed, so this reads every model once: only a query with `line:` pays it.
fn resolve_lines(store: &Store, values: &[String]) -> Vec<bool> {
    if values.is_empty() {
        return Vec::new();
    }
    let lines: Vec<Option<Text>> = store.models.iter().map(|m| m.line).collect();
    let mut names: Vec<&str> = lines.iter().flatten().map(Text::as_str).collect();
    names.sort_unstable();
    names.dedup();
    let items: Vec<(&str, &str, &[Text])> = names.iter().map(|&n| (n, n, &[][..])).collect();
    let selected = resolve(values, &items);
    lines
        .iter()
        .map(|line| {
            line.is_some_and(|l| names.binary_search(&l.as_str()).is_ok_and(|i| selected[i]))
        })
        .collect()
}

/// Which of `items` (id, name, aliases) the filter values select. A value that equals an id,
/// name or alias exactly selects only the items it equals (`on` is On, not Onitsuka Tiger);
/// otherwise it selects every item it begins.
fn resolve(values: &[String], items: &[(&str, &str, &[Text])]) -> Vec<bool> {
    let mut table = vec![false; items.len()];
    for value in values {
        let key = fold_key(value);
        if key.is_empty() {
            continue;
        }
        let keys = |&(id, name, aliases): &(&str, &str, &[Text])| {
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
pub fn names_match(value: &str, id: &str, name: &str, aliases: &[Text]) -> bool {
    resolve(&[value.to_string()], &[(id, name, aliases)])[0]
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn names_match_by_prefix_of_id_name_or_alias() {
        let aliases = vec![Text::from("NB")];
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
        let none: &[Text] = &[];
        let items = [
            ("on", "On", none),
            ("onitsuka-tiger", "Onitsuka Tiger", none),
        ];
        assert_eq!(resolve(&["on".into()], &items), [true, false]);
        assert_eq!(resolve(&["oni".into()], &items), [false, true]);
    }
}
