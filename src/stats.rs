//! `kicktime stats`: what a dataset holds, counted by brand, era, kind and decade, with how many
//! entries are disputed, undated, or thinly sourced.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::Serialize;

use crate::store::{EntryKind, Store, Subject};
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
    /// Entries with exactly one source.
    pub single_source: usize,
    /// Entries whose sources all come from one publisher (one site).
    pub single_publisher: usize,
    /// Entries with no source from a brand, an editorial outlet, a retailer or a museum;
    /// `None` when the dataset lists no publishers to tell.
    pub without_accountable_source: Option<usize>,
    /// Models no source dates (left off the timeline).
    pub undated_models: usize,
    pub by_brand: Vec<(String, usize)>,
    pub by_era: Vec<(String, usize)>,
    pub by_decade: Vec<(String, usize)>,
}

impl Stats {
    pub fn of(store: &Store) -> Stats {
        let count_kind = |kind| store.timeline.iter().filter(|e| e.kind == kind).count();
        let (mut disputed, mut unsourced, mut single_source, mut single_publisher) = (0, 0, 0, 0);
        let mut without_accountable_source = 0;
        let subjects = (store.timeline.iter().map(|e| e.subject()))
            .chain(store.undated_models().map(Subject::Model));
        for subject in subjects {
            let (sources, disputes) = store.subject_provenance(subject);
            disputed += usize::from(!disputes.is_empty());
            unsourced += usize::from(sources.is_empty());
            single_source += usize::from(sources.len() == 1);
            let sites: BTreeSet<String> = sources
                .iter()
                .map(|s| match store.publisher_of(&s.url) {
                    Some(p) => p.host.to_string(),
                    None => crate::sources::host(&s.url)
                        .map(|h| crate::sources::site(&h).to_string())
                        .unwrap_or_default(),
                })
                .collect();
            single_publisher += usize::from(sites.len() == 1);
            let accountable = sources.iter().any(|s| {
                store
                    .publisher_of(&s.url)
                    .is_some_and(|p| p.kind.is_accountable())
            });
            without_accountable_source += usize::from(!accountable);
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
            single_source,
            single_publisher,
            without_accountable_source: (!store.publishers.is_empty())
                .then_some(without_accountable_source),
            undated_models: store.undated_models().count(),
            by_brand,
            by_era,
            by_decade: decades
                .into_iter()
                .map(|(d, n)| (format!("{d}s"), n))
                .collect(),
        }
    }

    /// Every figure as (section, label, count), in the order they are shown.
    fn rows(&self) -> Vec<(&'static str, String, usize)> {
        let mut rows: Vec<(&'static str, String, usize)> = [
            ("entries on the timeline", self.entries),
            ("brands", self.brands),
            ("models", self.models),
            ("releases", self.releases),
            ("  reissues", self.reissues),
            ("  collabs", self.collabs),
            ("collaborators", self.collaborators),
            ("eras", self.eras),
            ("disputed entries", self.disputed),
            ("undated generations", self.undated_models),
        ]
        .into_iter()
        .map(|(label, n)| ("Totals", label.to_string(), n))
        .collect();
        let sourcing = [
            ("entries without a source", Some(self.unsourced)),
            ("entries with one source", Some(self.single_source)),
            ("entries with one publisher", Some(self.single_publisher)),
            (
                "entries without a brand, editorial, retailer or museum page",
                self.without_accountable_source,
            ),
        ];
        rows.extend(
            (sourcing.into_iter())
                .filter_map(|(label, n)| Some(("Sources", label.to_string(), n?))),
        );
        for (section, list) in [
            ("By brand", &self.by_brand),
            ("By era", &self.by_era),
            ("By decade", &self.by_decade),
        ] {
            rows.extend(list.iter().map(|(name, n)| (section, name.clone(), *n)));
        }
        rows
    }

    pub fn print_text(&self, out: &mut impl Write) -> io::Result<()> {
        let mut section = "";
        for (heading, label, n) in self.rows() {
            if heading != section {
                if !section.is_empty() {
                    writeln!(out)?;
                }
                if heading != "Totals" {
                    writeln!(out, "{heading}")?;
                }
                section = heading;
            }
            let width = if heading == "Sources" { 62 } else { 26 };
            let indent = if heading == "Totals" { "" } else { "  " };
            writeln!(out, "{indent}{}{n:>6}", fit(&label, width))?;
        }
        Ok(())
    }

    /// One row per figure: `section,name,count`.
    pub fn print_csv(&self, out: &mut impl Write) -> io::Result<()> {
        let mut writer = csv::Writer::from_writer(out);
        let csv = crate::output::csv_error;
        writer
            .write_record(["section", "name", "count"])
            .map_err(csv)?;
        for (section, label, n) in self.rows() {
            let record = [section, label.trim(), &n.to_string()];
            writer.write_record(record).map_err(csv)?;
        }
        writer.flush()
    }

    /// A table per section.
    pub fn print_markdown(&self, out: &mut impl Write) -> io::Result<()> {
        let mut section = "";
        for (heading, label, n) in self.rows() {
            if heading != section {
                let gap = if section.is_empty() { "" } else { "\n" };
                writeln!(out, "{gap}## {heading}\n\n| | count |\n|---|---:|")?;
                section = heading;
            }
            writeln!(out, "| {} | {n} |", label.trim().replace('|', "\\|"))?;
        }
        Ok(())
    }
}
