//! What the dataset says of one brand or one collaborator, and of the whole history year by
//! year: counted once when a page opens, shared by `kicktime brand`, `kicktime collab` and the
//! browser's brand, collaborator and overview pages.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::store::{EntryKind, Store};

/// Entries per year, by kind: models, reissues, collabs.
pub type PerYear = BTreeMap<i32, [usize; 3]>;

fn kind_index(kind: EntryKind) -> usize {
    match kind {
        EntryKind::Model => 0,
        EntryKind::Reissue => 1,
        EntryKind::Collab => 2,
    }
}

/// Counts the entries at these timeline positions per year and kind.
pub fn per_year(store: &Store, positions: impl Iterator<Item = usize>) -> PerYear {
    let mut years = PerYear::new();
    for p in positions {
        let entry = &store.timeline[p];
        years.entry(entry.date.year).or_default()[kind_index(entry.kind)] += 1;
    }
    years
}

/// The first and last year of a count.
pub fn span(years: &PerYear) -> Option<(i32, i32)> {
    Some((*years.keys().next()?, *years.keys().next_back()?))
}

/// One line of a brand: its name, how many generations, the first and latest years, and the
/// model to open its lineage on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineSummary {
    pub name: String,
    pub generations: usize,
    pub undated: usize,
    pub first: Option<i32>,
    pub latest: Option<i32>,
    #[serde(skip)]
    pub model: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrandProfile {
    pub brand: usize,
    pub per_year: PerYear,
    /// Its named lines, most generations first.
    pub lines: Vec<LineSummary>,
    /// Collaborators with how many of the brand's releases they worked on, most first.
    pub collaborators: Vec<(usize, usize)>,
    pub models: usize,
    pub undated: usize,
    pub reissues: usize,
    pub collabs: usize,
}

impl BrandProfile {
    pub fn of(store: &Store, brand: usize) -> BrandProfile {
        let positions: Vec<usize> = store.entries_of_brand(brand).collect();
        let per_year = per_year(store, positions.iter().copied());
        let mut by_collaborator: BTreeMap<usize, usize> = BTreeMap::new();
        let (mut models, mut reissues, mut collabs) = (0, 0, 0);
        for &p in &positions {
            let entry = &store.timeline[p];
            match entry.kind {
                EntryKind::Model => models += 1,
                EntryKind::Reissue => reissues += 1,
                EntryKind::Collab => collabs += 1,
            }
            for c in store.collaborators_of(entry) {
                *by_collaborator.entry(c).or_default() += 1;
            }
        }
        let mut collaborators: Vec<(usize, usize)> = by_collaborator.into_iter().collect();
        collaborators.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let brand_id = store.brands.get(brand).map_or("", |b| b.id.as_str());
        // One pass over the models: each named line's generations as (order key, model, year).
        type Member = ((u16, i32), usize, Option<i32>);
        let mut by_line: BTreeMap<String, Vec<Member>> = BTreeMap::new();
        let mut undated = 0;
        for m in 0..store.models.len() {
            let model = store.models.get(m);
            if model.brand != brand_id {
                continue;
            }
            undated += usize::from(model.introduced.is_none());
            if let Some(line) = model.line {
                let year = model.introduced.map(|d| d.year);
                let key = (
                    model.generation.unwrap_or(u16::MAX),
                    year.unwrap_or(i32::MAX),
                );
                by_line
                    .entry(line.to_string())
                    .or_default()
                    .push((key, m, year));
            }
        }
        let mut lines: Vec<LineSummary> = by_line
            .into_iter()
            .map(|(name, mut members)| {
                members.sort_unstable();
                let years = members.iter().filter_map(|m| m.2);
                LineSummary {
                    generations: members.len(),
                    undated: members.iter().filter(|m| m.2.is_none()).count(),
                    first: years.clone().min(),
                    latest: years.max(),
                    model: members[0].1,
                    name,
                }
            })
            .collect();
        lines.sort_by(|a, b| (b.generations.cmp(&a.generations)).then_with(|| a.name.cmp(&b.name)));
        BrandProfile {
            brand,
            per_year,
            lines,
            collaborators,
            models,
            undated,
            reissues,
            collabs,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollaboratorProfile {
    pub collaborator: usize,
    pub per_year: PerYear,
    /// Their releases by brand (the brand with the most first), each in date order.
    pub by_brand: Vec<(usize, Vec<usize>)>,
}

impl CollaboratorProfile {
    pub fn of(store: &Store, collaborator: usize) -> CollaboratorProfile {
        let positions: Vec<usize> = store.entries_of_collaborator(collaborator).collect();
        let per_year = per_year(store, positions.iter().copied());
        let mut by_brand: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &p in &positions {
            by_brand
                .entry(store.timeline[p].brand())
                .or_default()
                .push(p);
        }
        let mut by_brand: Vec<(usize, Vec<usize>)> = by_brand.into_iter().collect();
        by_brand.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        CollaboratorProfile {
            collaborator,
            per_year,
            by_brand,
        }
    }

    /// Their releases in the order the page lists them: by brand, then by date.
    pub fn releases(&self) -> impl Iterator<Item = usize> + '_ {
        self.by_brand.iter().flat_map(|(_, ps)| ps.iter().copied())
    }
}

/// Entries per year over the whole timeline, by kind and by brand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    pub per_year: PerYear,
    /// Entries per year of each brand, indexed like the store's brands.
    pub per_brand: Vec<BTreeMap<i32, usize>>,
}

impl History {
    pub fn of(store: &Store) -> History {
        let per_year = per_year(store, 0..store.timeline.len());
        let mut per_brand = vec![BTreeMap::new(); store.brands.len()];
        for entry in &store.timeline {
            if let Some(years) = per_brand.get_mut(entry.brand()) {
                *years.entry(entry.date.year).or_default() += 1;
            }
        }
        History {
            per_year,
            per_brand,
        }
    }
}

/// "1 model", "3 models".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A year's counts by kind: "2 models, 1 reissue, 0 collabs".
pub fn kinds_counted(counts: [usize; 3]) -> String {
    format!(
        "{}, {}, {}",
        count(counts[0], "model", "models"),
        count(counts[1], "reissue", "reissues"),
        count(counts[2], "collab", "collabs")
    )
}
