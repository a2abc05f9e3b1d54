//! The validated, in-memory store: every record by index, lookups by id, and the timeline of
//! model introductions and releases in date order, each entry knowing its era.

use hashbrown::HashTable;
use std::hash::BuildHasher;
use std::ops::Range;

use crate::date::PartialDate;
use crate::groups::Groups;
use crate::load::ParsedFile;
use crate::model::{Brand, Collaborator, Dataset, Era, Model, Release, Text};
use crate::text::sanitize;

/// What a timeline entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    /// A model's introduction.
    Model,
    /// A later release with no collaborator.
    Reissue,
    /// A release made with one or more collaborators.
    Collab,
}

impl EntryKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Model => "model",
            Self::Reissue => "reissue",
            Self::Collab => "collab",
        }
    }
}

/// The record behind a timeline entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Model(usize),
    Release(usize),
}

/// One row of the timeline. Its id and title are those of its record: see [`Store::id_of`] and
/// [`Store::title_of`].
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: EntryKind,
    pub subject: Subject,
    pub date: PartialDate,
    pub era: usize,
    pub brand: usize,
    pub model: usize,
    pub collaborators: Box<[usize]>,
}

#[derive(Debug, Default)]
pub struct Store {
    pub brands: Vec<Brand>,
    pub collaborators: Vec<Collaborator>,
    /// Sorted by start year.
    pub eras: Vec<Era>,
    pub models: Vec<Model>,
    pub releases: Vec<Release>,
    /// Every entry in date order; an era's entries are contiguous.
    pub timeline: Vec<Entry>,
    /// Each list's positions by the hash of their id (see [`IdTable`]).
    brand_ids: IdTable,
    collaborator_ids: IdTable,
    era_ids: IdTable,
    model_ids: IdTable,
    entry_ids: IdTable,
    by_brand: Groups,
    by_collaborator: Groups,
    by_era: Vec<Range<usize>>,
    releases_of_model: Groups,
    successors_of_model: Groups,
    derivatives_of_model: Groups,
}

impl Store {
    /// Builds the store from files that passed validation (references are known to resolve).
    /// Every string is made terminal-safe here, once, so no output can leak a control sequence.
    pub fn build(files: Vec<ParsedFile>) -> Store {
        let mut merged = Dataset::default();
        for file in files {
            let d = file.dataset;
            append(&mut merged.brands, d.brands);
            append(&mut merged.collaborators, d.collaborators);
            append(&mut merged.eras, d.eras);
            append(&mut merged.models, d.models);
            append(&mut merged.releases, d.releases);
        }
        sanitize_dataset(&mut merged);
        merged.eras.sort_by_key(|e| e.start);

        let mut store = Store {
            brand_ids: IdTable::new(&merged.brands, |b| &b.id),
            collaborator_ids: IdTable::new(&merged.collaborators, |c| &c.id),
            era_ids: IdTable::new(&merged.eras, |e| &e.id),
            model_ids: IdTable::new(&merged.models, |m| &m.id),
            brands: merged.brands,
            collaborators: merged.collaborators,
            eras: merged.eras,
            models: merged.models,
            releases: merged.releases,
            ..Store::default()
        };
        store.build_timeline();
        store.build_indexes();
        store
    }

    fn build_timeline(&mut self) {
        let mut timeline = Vec::with_capacity(self.models.len() + self.releases.len());
        for (index, model) in self.models.iter().enumerate() {
            timeline.push(Entry {
                kind: EntryKind::Model,
                subject: Subject::Model(index),
                date: model.introduced,
                era: 0,
                brand: self.brand(&model.brand).unwrap_or(0),
                model: index,
                collaborators: Box::default(),
            });
        }
        for (index, release) in self.releases.iter().enumerate() {
            let model = self.model(&release.model).unwrap_or(0);
            // Sized in advance: a vector grown by pushing keeps room for four.
            let mut collaborators = Vec::with_capacity(release.collaborators.len());
            collaborators.extend(
                release
                    .collaborators
                    .iter()
                    .filter_map(|c| self.collaborator(&c.collaborator)),
            );
            let collaborators = collaborators.into_boxed_slice();
            timeline.push(Entry {
                kind: if collaborators.is_empty() {
                    EntryKind::Reissue
                } else {
                    EntryKind::Collab
                },
                subject: Subject::Release(index),
                date: release.date,
                era: 0,
                brand: self
                    .models
                    .get(model)
                    .map_or(0, |m| self.brand(&m.brand).unwrap_or(0)),
                model,
                collaborators,
            });
        }
        // Date, then models before the releases of the same day, then title and id so the
        // order never depends on file order.
        // Each key is worked out once: the title and id live in the models and releases.
        timeline
            .sort_by_cached_key(|e| (e.date.sort_key(), e.kind, self.title_of(e), self.id_of(e)));
        for entry in &mut timeline {
            entry.era = self.era_of_year(entry.date.year);
        }
        self.timeline = timeline;
    }

    fn era_of_year(&self, year: i32) -> usize {
        self.eras.iter().rposition(|e| e.start <= year).unwrap_or(0)
    }

    fn build_indexes(&mut self) {
        self.entry_ids = IdTable::new(&self.timeline, |e| self.id_of(e));
        let timeline = &self.timeline;
        let positions = || timeline.iter().enumerate();
        self.by_brand = Groups::new(self.brands.len(), || {
            positions().map(|(position, entry)| (entry.brand, position))
        });
        self.by_collaborator = Groups::new(self.collaborators.len(), || {
            positions().flat_map(|(position, entry)| {
                entry.collaborators.iter().map(move |&c| (c, position))
            })
        });
        self.releases_of_model = Groups::new(self.models.len(), || {
            positions()
                .filter(|(_, entry)| matches!(entry.subject, Subject::Release(_)))
                .map(|(position, entry)| (entry.model, position))
        });
        self.by_era = vec![0..0; self.eras.len()];
        for (position, entry) in self.timeline.iter().enumerate() {
            if let Some(range) = self.by_era.get_mut(entry.era) {
                if range.start == range.end {
                    *range = position..position + 1;
                } else {
                    range.end = position + 1;
                }
            }
        }
        let this = &*self;
        let successors_of_model = Groups::new(self.models.len(), || {
            this.models.iter().enumerate().filter_map(|(index, model)| {
                let parent = model.successor_of.as_ref()?;
                this.model(parent).map(|p| (p, index))
            })
        });
        let derivatives_of_model = Groups::new(self.models.len(), || {
            this.models.iter().enumerate().flat_map(|(index, model)| {
                model
                    .derived_from
                    .iter()
                    .filter_map(move |parent| this.model(parent).map(|p| (p, index)))
            })
        });
        self.successors_of_model = successors_of_model;
        self.derivatives_of_model = derivatives_of_model;
    }

    /// The timeline position of the model or release with this id.
    pub fn entry(&self, id: &str) -> Option<usize> {
        self.entry_ids.find(&self.timeline, |e| self.id_of(e), id)
    }

    /// The id of the model or release behind an entry.
    pub fn id_of(&self, entry: &Entry) -> &str {
        match entry.subject {
            Subject::Model(m) => &self.models[m].id,
            Subject::Release(r) => &self.releases[r].id,
        }
    }

    /// The title an entry is listed under: its model's or release's name.
    pub fn title_of(&self, entry: &Entry) -> &str {
        match entry.subject {
            Subject::Model(m) => &self.models[m].name,
            Subject::Release(r) => &self.releases[r].name,
        }
    }

    pub fn brand(&self, id: &str) -> Option<usize> {
        self.brand_ids.find(&self.brands, |b| &b.id, id)
    }

    pub fn collaborator(&self, id: &str) -> Option<usize> {
        self.collaborator_ids
            .find(&self.collaborators, |c| &c.id, id)
    }

    pub fn era(&self, id: &str) -> Option<usize> {
        self.era_ids.find(&self.eras, |e| &e.id, id)
    }

    pub fn model(&self, id: &str) -> Option<usize> {
        self.model_ids.find(&self.models, |m| &m.id, id)
    }

    /// Timeline positions of a brand's entries, in order.
    pub fn entries_of_brand(&self, brand: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.by_brand.get(brand)
    }

    /// Timeline positions of the releases a collaborator worked on, in order.
    pub fn entries_of_collaborator(
        &self,
        collaborator: usize,
    ) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.by_collaborator.get(collaborator)
    }

    /// The contiguous range of timeline positions in an era.
    pub fn entries_of_era(&self, era: usize) -> Range<usize> {
        self.by_era.get(era).cloned().unwrap_or(0..0)
    }

    /// Timeline positions of the entries dated within `years` (inclusive).
    pub fn entries_of_years(&self, first: i32, last: i32) -> Range<usize> {
        let start = self.timeline.partition_point(|e| e.date.year < first);
        let end = self.timeline.partition_point(|e| e.date.year <= last);
        start..end.max(start)
    }

    /// Timeline positions of a model's reissues and collabs.
    pub fn releases_of_model(&self, model: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.releases_of_model.get(model)
    }

    /// Models that name this one in `successor_of`.
    pub fn successors_of_model(&self, model: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.successors_of_model.get(model)
    }

    /// Models that name this one in `derived_from`.
    pub fn derivatives_of_model(&self, model: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.derivatives_of_model.get(model)
    }

    /// Timeline position of a model's introduction.
    pub fn model_entry(&self, model: usize) -> Option<usize> {
        self.models.get(model).and_then(|m| self.entry(&m.id))
    }

    pub fn brand_name(&self, entry: &Entry) -> &str {
        self.brands.get(entry.brand).map_or("", |b| b.name.as_str())
    }

    pub fn collaborator_names(&self, entry: &Entry) -> Vec<&str> {
        entry
            .collaborators
            .iter()
            .filter_map(|&c| self.collaborators.get(c).map(|c| c.name.as_str()))
            .collect()
    }

    pub fn era_name(&self, entry: &Entry) -> &str {
        self.eras.get(entry.era).map_or("", |e| e.name.as_str())
    }

    /// Sources and disputes of the record behind an entry.
    pub fn provenance(&self, entry: &Entry) -> (&[crate::model::Source], &[crate::model::Dispute]) {
        match entry.subject {
            Subject::Model(m) => (&self.models[m].sources, &self.models[m].disputes),
            Subject::Release(r) => (&self.releases[r].sources, &self.releases[r].disputes),
        }
    }
}

/// Adds `more` to `list`; a first list is moved, not copied, and trimmed to its length (a
/// list read from a file keeps room to grow).
fn append<T>(list: &mut Vec<T>, mut more: Vec<T>) {
    if list.is_empty() {
        more.shrink_to_fit();
        *list = more;
    } else {
        list.append(&mut more);
    }
}

fn id_hash(id: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(id)
}

/// Positions in a list by the hash of their item's id: lookups by id without a second copy of
/// every id (the ids stay in the items).
#[derive(Debug, Default)]
struct IdTable(HashTable<u32>);

impl IdTable {
    fn new<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> IdTable {
        let mut table = HashTable::with_capacity(items.len());
        let hash = |&i: &u32| id_hash(id(&items[i as usize]));
        for i in 0..items.len() as u32 {
            table.insert_unique(hash(&i), i, hash);
        }
        IdTable(table)
    }

    /// The position in `items` (the list the table was made from) of the item with this id.
    fn find<'a, T>(
        &self,
        items: &'a [T],
        id: impl Fn(&'a T) -> &'a str,
        wanted: &str,
    ) -> Option<usize> {
        self.0
            .find(id_hash(wanted), |&i| id(&items[i as usize]) == wanted)
            .map(|&i| i as usize)
    }
}

fn clean(text: &mut Text) {
    if let std::borrow::Cow::Owned(safe) = sanitize(text) {
        *text = Text::from(safe);
    }
}

fn clean_all<'a>(texts: impl IntoIterator<Item = &'a mut Text>) {
    texts.into_iter().for_each(clean);
}

fn sanitize_dataset(d: &mut Dataset) {
    for b in &mut d.brands {
        clean_all(
            [&mut b.id, &mut b.name]
                .into_iter()
                .chain(&mut b.aliases)
                .chain(&mut b.country),
        );
    }
    for c in &mut d.collaborators {
        clean_all(
            [&mut c.id, &mut c.name]
                .into_iter()
                .chain(&mut c.aliases)
                .chain(&mut c.country),
        );
    }
    for e in &mut d.eras {
        clean_all([&mut e.id, &mut e.name, &mut e.description]);
    }
    for m in &mut d.models {
        clean_all(
            [&mut m.id, &mut m.brand, &mut m.name, &mut m.summary]
                .into_iter()
                .chain(&mut m.line)
                .chain(&mut m.aliases)
                .chain(&mut m.designers)
                .chain(&mut m.technologies)
                .chain(&mut m.successor_of)
                .chain(&mut m.derived_from),
        );
        clean_provenance(&mut m.sources, &mut m.disputes);
    }
    for r in &mut d.releases {
        clean_all(
            [&mut r.id, &mut r.model, &mut r.name, &mut r.summary]
                .into_iter()
                .chain(&mut r.colourway),
        );
        for credit in &mut r.collaborators {
            clean_all(std::iter::once(&mut credit.collaborator).chain(&mut credit.role));
        }
        clean_provenance(&mut r.sources, &mut r.disputes);
    }
}

fn clean_provenance(sources: &mut [crate::model::Source], disputes: &mut [crate::model::Dispute]) {
    for s in sources {
        clean_all([&mut s.title, &mut s.url]);
    }
    for d in disputes {
        clean(&mut d.about);
        for claim in &mut d.claims {
            clean_all([&mut claim.source, &mut claim.says]);
        }
    }
}
