//! `kicktime stats`: what a dataset holds, counted by brand, era, kind and decade, with how many
//! entries are disputed or lack a source.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::store::{EntryKind, Store};
use crate::text::fit;

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Stats {
    pub entries: usize,
    pub brands: usize,
    pub models: usize,
    pub releases: usize,
    pub reissues: usize,
    pub collabs: usize,
    pub collaborators: usize,
    pub eras: usize,
    pub disputed: usize,
    pub unsourced: usize,
    pub by_brand: Vec<(String, usize)>,
    pub by_era: Vec<(String, usize)>,
    pub by_decade: Vec<(String, usize)>,
}

impl Stats {
    pub fn of(store: &Store) -> Stats {
        let count_kind = |kind| store.timeline.iter().filter(|e| e.kind == kind).count();
        let mut disputed = 0;
        let mut unsourced = 0;
        for entry in &store.timeline {
            let (sources, disputes) = store.provenance(entry);
            disputed += usize::from(!disputes.is_empty());
            unsourced += usize::from(sources.is_empty());
        }
        let mut by_brand: Vec<(String, usize)> = store
            .brands
            .iter()
            .enumerate()
            .map(|(i, b)| (b.name.to_string(), store.entries_of_brand(i).len()))
            .collect();
        by_brand.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let by_era = store
            .eras
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.to_string(), store.entries_of_era(i).len()))
            .collect();
        let mut decades: BTreeMap<i32, usize> = BTreeMap::new();
        for entry in &store.timeline {
            *decades
                .entry(entry.date.year.div_euclid(10) * 10)
                .or_default() += 1;
        }
        Stats {
            entries: store.timeline.len(),
            brands: store.brands.len(),
            models: store.models.len(),
            releases: store.releases.len(),
            reissues: count_kind(EntryKind::Reissue),
            collabs: count_kind(EntryKind::Collab),
            collaborators: store.collaborators.len(),
            eras: store.eras.len(),
            disputed,
            unsourced,
            by_brand,
            by_era,
            by_decade: decades
                .into_iter()
                .map(|(d, n)| (format!("{d}s"), n))
                .collect(),
        }
    }

    pub fn print_text(&self, out: &mut impl Write) -> io::Result<()> {
        let totals = [
            ("entries", self.entries),
            ("brands", self.brands),
            ("models", self.models),
            ("releases", self.releases),
            ("  reissues", self.reissues),
            ("  collabs", self.collabs),
            ("collaborators", self.collaborators),
            ("eras", self.eras),
            ("disputed entries", self.disputed),
            ("entries without a source", self.unsourced),
        ];
        for (label, n) in totals {
            writeln!(out, "{}{n:>6}", fit(label, 26))?;
        }
        for (heading, rows) in [
            ("By brand", &self.by_brand),
            ("By era", &self.by_era),
            ("By decade", &self.by_decade),
        ] {
            writeln!(out, "\n{heading}")?;
            for (name, n) in rows {
                writeln!(out, "  {}{n:>6}", fit(name, 24))?;
            }
        }
        Ok(())
    }
}
