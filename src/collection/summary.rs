//! The collection against the history: pairs by brand and era, money spent, and, for each
//! line a person collects, the generations they have and those they lack. Shared by
//! `kicktime collection` and the browser's "My collection" view.

use std::collections::BTreeMap;

use super::{Collection, Mark, Status};
use crate::lineage::Lineage;
use crate::store::{Store, Subject};

/// One marked entry, found in the dataset or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub id: String,
    pub mark: Mark,
    /// `None` for an orphaned mark (its id is not in the dataset).
    pub subject: Option<Subject>,
    /// Its timeline position; `None` when orphaned or undated.
    pub position: Option<usize>,
    /// For an orphan: the existing id it most likely meant.
    pub likely: Option<String>,
}

/// Counts of owned, wanted and sold pairs.
pub type Counts = [usize; 3];

fn slot(status: Status) -> usize {
    match status {
        Status::Owned => 0,
        Status::Wanted => 1,
        Status::Sold => 2,
    }
}

/// A line someone owns pairs of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineGaps {
    pub name: String,
    pub brand: String,
    /// Generations in the line (models), and how many of them are owned (a model or any of
    /// its releases).
    pub generations: usize,
    pub owned: usize,
    /// The generations not owned, as shown: numbers joined into ranges (`1–4, 6–13`), or
    /// names where the line is not numbered.
    pub missing: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Every mark: found ones in timeline order (undated ones after), then orphans.
    pub pairs: Vec<Pair>,
    pub counts: Counts,
    /// Marks with details but no status.
    pub unmarked: usize,
    pub orphans: usize,
    /// Spent on owned and sold pairs, in hundredths, by currency.
    pub spent: BTreeMap<String, i64>,
    /// Pairs without a price among the owned and sold ones.
    pub unpriced: usize,
    pub by_brand: Vec<(String, Counts)>,
    pub by_era: Vec<(String, Counts)>,
    pub lines: Vec<LineGaps>,
}

impl Summary {
    pub fn of(store: &Store, collection: &Collection) -> Summary {
        let mut summary = Summary::default();
        let orphans = collection.orphans(store);
        let mut by_brand: BTreeMap<String, Counts> = BTreeMap::new();
        let mut by_era: BTreeMap<usize, Counts> = BTreeMap::new();
        let mut owned_models: Vec<usize> = Vec::new();
        for (id, mark) in &collection.marks {
            let subject = store.subject(id);
            let likely = orphans
                .iter()
                .find(|o| o.id == id.as_str())
                .and_then(|o| o.likely.map(str::to_string));
            summary.pairs.push(Pair {
                id: id.clone(),
                mark: mark.clone(),
                subject,
                position: subject.and_then(|_| store.entry(id)),
                likely,
            });
            let Some(status) = mark.status else {
                summary.unmarked += 1;
                continue;
            };
            summary.counts[slot(status)] += 1;
            if status != Status::Wanted {
                match mark.price.as_ref().and_then(|p| Some((p.cents()?, p))) {
                    Some((cents, price)) => {
                        *summary.spent.entry(price.currency.clone()).or_default() += cents
                    }
                    None => summary.unpriced += 1,
                }
            }
            let Some(subject) = subject else {
                summary.orphans += 1;
                continue;
            };
            let facts = store.facts(subject);
            let brand = store
                .brands
                .get(facts.brand)
                .map_or("", |b| b.name.as_str());
            by_brand.entry(brand.to_string()).or_default()[slot(status)] += 1;
            if let Some(era) = facts.era {
                by_era.entry(era).or_default()[slot(status)] += 1;
            }
            if status == Status::Owned {
                owned_models.push(facts.model);
            }
        }
        summary.pairs.sort_by_key(|p| {
            (
                p.subject.is_none(),
                p.position.unwrap_or(usize::MAX),
                p.id.clone(),
            )
        });
        summary.by_brand = by_brand.into_iter().collect();
        summary
            .by_brand
            .sort_by(|a, b| total(b.1).cmp(&total(a.1)).then(a.0.cmp(&b.0)));
        summary.by_era = (by_era.into_iter())
            .filter_map(|(e, counts)| Some((store.eras.get(e)?.name.to_string(), counts)))
            .collect();
        summary.lines = lines(store, &owned_models);
        summary
    }
}

fn total(counts: Counts) -> usize {
    counts.iter().sum()
}

/// How many missing generations of an unnumbered line are named.
const MAX_NAMED: usize = 8;

/// The lines of the owned models, each with its gaps; models outside a named line are left out.
fn lines(store: &Store, owned_models: &[usize]) -> Vec<LineGaps> {
    let mut seen: Vec<(usize, String)> = Vec::new();
    let mut gaps = Vec::new();
    for &model in owned_models {
        let record = store.models.get(model);
        let Some(line) = record.line else { continue };
        let key = (store.brand(&record.brand).unwrap_or(0), line.to_string());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let lineage = Lineage::of(store, model);
        let owned = |m: usize| owned_models.contains(&m);
        let missing: Vec<_> = (lineage.generations.iter())
            .filter(|g| !owned(g.model))
            .collect();
        let numbers: Option<Vec<u16>> = missing.iter().map(|g| g.number).collect();
        let missing_text = match numbers {
            Some(numbers) => ranges(&numbers),
            // Names where the line is not numbered: the first few, then how many more.
            None => {
                let mut names: Vec<String> = (missing.iter().take(MAX_NAMED))
                    .map(|g| store.models.name(g.model).to_string())
                    .collect();
                if missing.len() > MAX_NAMED {
                    names.push(format!("{} more", missing.len() - MAX_NAMED));
                }
                names.join(", ")
            }
        };
        gaps.push(LineGaps {
            name: line.to_string(),
            brand: store
                .brands
                .get(lineage.brand)
                .map_or("", |b| b.name.as_str())
                .to_string(),
            generations: lineage.generations.len(),
            owned: lineage.generations.len() - missing.len(),
            missing: missing_text,
        });
    }
    gaps.sort_by(|a, b| (&a.brand, &a.name).cmp(&(&b.brand, &b.name)));
    gaps
}

/// `[1, 2, 3, 4, 6, 9, 10]` → `1–4, 6, 9–10`.
pub fn ranges(numbers: &[u16]) -> String {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        let mut end = start;
        while i + 1 < sorted.len() && sorted[i + 1] == end + 1 {
            i += 1;
            end = sorted[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::ranges;

    #[test]
    fn numbers_are_joined_into_ranges() {
        assert_eq!(ranges(&[4, 1, 2, 3, 6, 10, 9]), "1–4, 6, 9–10");
        assert_eq!(ranges(&[7]), "7");
        assert_eq!(ranges(&[]), "");
    }
}
