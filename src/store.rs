//! The validated, in-memory store: every record by index, lookups by id, and the timeline of
//! model introductions and releases in date order, each entry knowing its era.

use hashbrown::HashTable;
use std::hash::BuildHasher;
use std::ops::Range;

use crate::date::PartialDate;
use crate::groups::Groups;
use crate::load::ParsedFile;
use crate::model::{
    Brand, Collaborator, Dataset, Dispute, Era, Model, Publisher, Records, Release, Source, Text,
};

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
/// [`Store::title_of`]; its collaborators are [`Store::collaborators_of`]. Numbers are kept as
/// `u32` (a timeline has fewer than 2³² rows): a million entries then take 32 MB, not 72.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: EntryKind,
    pub date: PartialDate,
    /// The index of the model or release, by `kind`.
    record: u32,
    era: u32,
    brand: u32,
    model: u32,
}

impl Entry {
    /// The record behind this entry.
    pub fn subject(&self) -> Subject {
        match self.kind {
            EntryKind::Model => Subject::Model(self.record as usize),
            EntryKind::Reissue | EntryKind::Collab => Subject::Release(self.record as usize),
        }
    }

    pub fn era(&self) -> usize {
        self.era as usize
    }

    pub fn brand(&self) -> usize {
        self.brand as usize
    }

    /// The model itself, or the model a release is of.
    pub fn model(&self) -> usize {
        self.model as usize
    }
}

/// What every model and release has, whether or not it is on the timeline (an undated
/// generation is not): what kind of entry it is, when, whose and in which era.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub kind: EntryKind,
    /// `None` for an undated model.
    pub date: Option<PartialDate>,
    pub brand: usize,
    /// The model itself, or the model a release is of.
    pub model: usize,
    /// `None` when undated.
    pub era: Option<usize>,
    /// Its timeline position, when it is on the timeline.
    pub position: Option<usize>,
}

/// A dataset file's name and where its models and releases end in the store's lists (the
/// lists hold each file's records one after another, in load order).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
struct FileSpan {
    name: String,
    models_end: u32,
    releases_end: u32,
}

#[derive(Debug, Default)]
pub struct Store {
    pub brands: Vec<Brand>,
    pub collaborators: Vec<Collaborator>,
    /// Sorted by start year.
    pub eras: Vec<Era>,
    pub publishers: Vec<Publisher>,
    publisher_hosts: rustc_hash::FxHashMap<Text, usize>,
    /// Packed: see [`Records`].
    pub models: Records<Model>,
    pub releases: Records<Release>,
    /// Every entry in date order; an era's entries are contiguous.
    pub timeline: Vec<Entry>,
    /// The files the models and releases came from, in load order.
    files: Vec<FileSpan>,
    /// Each list's positions by the hash of their id (see [`IdTable`]).
    brand_ids: IdTable,
    collaborator_ids: IdTable,
    era_ids: IdTable,
    model_ids: IdTable,
    entry_ids: IdTable,
    by_brand: Groups,
    by_collaborator: Groups,
    /// The collaborators of each release.
    collaborators_of_release: Groups,
    by_era: Vec<Range<usize>>,
    releases_of_model: Groups,
    successors_of_model: Groups,
    derivatives_of_model: Groups,
}

impl Store {
    /// Builds the store from files that passed validation (references are known to resolve).
    /// Every string is made terminal-safe once, so no output can leak a control sequence: the
    /// brands', collaborators' and eras' here, the models' and releases' as they were packed.
    pub fn build(files: Vec<ParsedFile>) -> Store {
        let mut merged = Dataset::default();
        let mut spans = Vec::with_capacity(files.len());
        for file in files {
            let d = file.dataset;
            spans.push(FileSpan {
                name: crate::text::sanitize(&file.name).into_owned(),
                models_end: (merged.models.len() + d.models.len()) as u32,
                releases_end: (merged.releases.len() + d.releases.len()) as u32,
            });
            append(&mut merged.brands, d.brands);
            append(&mut merged.collaborators, d.collaborators);
            append(&mut merged.eras, d.eras);
            append(&mut merged.publishers, d.publishers);
            merged.models.append(d.models);
            merged.releases.append(d.releases);
        }
        sanitize_dataset(&mut merged);
        merged.eras.sort_by_key(|e| e.start);

        let mut store = Store {
            brand_ids: IdTable::new(merged.brands.len(), |i| &merged.brands[i].id),
            collaborator_ids: IdTable::new(merged.collaborators.len(), |i| {
                &merged.collaborators[i].id
            }),
            era_ids: IdTable::new(merged.eras.len(), |i| &merged.eras[i].id),
            model_ids: IdTable::new(merged.models.len(), |i| merged.models.id(i)),
            brands: merged.brands,
            collaborators: merged.collaborators,
            eras: merged.eras,
            publisher_hosts: (merged.publishers.iter().enumerate())
                .map(|(i, p)| (p.host, i))
                .collect(),
            publishers: merged.publishers,
            models: merged.models,
            releases: merged.releases,
            files: spans,
            ..Store::default()
        };
        store.build_timeline();
        store.build_indexes();
        store
    }

    fn build_timeline(&mut self) {
        let mut timeline = Vec::with_capacity(self.models.len() + self.releases.len());
        // Each model's brand, for its releases; undated models are not on the timeline.
        let mut brand_of_model = Vec::with_capacity(self.models.len());
        for (index, model) in self.models.iter().enumerate() {
            let brand = self.brand(&model.brand).unwrap_or(0) as u32;
            brand_of_model.push(brand);
            let Some(date) = model.introduced else {
                continue;
            };
            timeline.push(Entry {
                kind: EntryKind::Model,
                date,
                record: index as u32,
                era: 0,
                brand,
                model: index as u32,
            });
        }
        let mut credits: Vec<(usize, usize)> = Vec::new();
        for (index, release) in self.releases.iter().enumerate() {
            let model = self.model(&release.model).unwrap_or(0);
            let before = credits.len();
            credits.extend(
                release
                    .collaborators
                    .iter()
                    .filter_map(|c| self.collaborator(&c.collaborator))
                    .map(|c| (index, c)),
            );
            timeline.push(Entry {
                kind: if credits.len() == before {
                    EntryKind::Reissue
                } else {
                    EntryKind::Collab
                },
                date: release.date,
                record: index as u32,
                era: 0,
                brand: brand_of_model.get(model).copied().unwrap_or(0),
                model: model as u32,
            });
        }
        self.collaborators_of_release =
            Groups::new(self.releases.len(), || credits.iter().copied());
        drop(credits);
        // Date, then models before the releases of the same day, then title and id so the
        // order never depends on file order.
        // Each key is worked out once: the title and id live in the models and releases.
        timeline
            .sort_by_cached_key(|e| (e.date.sort_key(), e.kind, self.title_of(e), self.id_of(e)));
        for entry in &mut timeline {
            entry.era = self.era_of_year(entry.date.year) as u32;
        }
        self.timeline = timeline;
    }

    fn era_of_year(&self, year: i32) -> usize {
        self.eras.iter().rposition(|e| e.start <= year).unwrap_or(0)
    }

    fn build_indexes(&mut self) {
        self.entry_ids = IdTable::new(self.timeline.len(), |i| self.id_of(&self.timeline[i]));
        let timeline = &self.timeline;
        let positions = || timeline.iter().enumerate();
        self.by_brand = Groups::new(self.brands.len(), || {
            positions().map(|(position, entry)| (entry.brand(), position))
        });
        self.by_collaborator = Groups::new(self.collaborators.len(), || {
            positions().flat_map(|(position, entry)| {
                self.collaborators_of(entry).map(move |c| (c, position))
            })
        });
        self.releases_of_model = Groups::new(self.models.len(), || {
            positions()
                .filter(|(_, entry)| matches!(entry.subject(), Subject::Release(_)))
                .map(|(position, entry)| (entry.model(), position))
        });
        self.by_era = vec![0..0; self.eras.len()];
        for (position, entry) in self.timeline.iter().enumerate() {
            if let Some(range) = self.by_era.get_mut(entry.era()) {
                if range.start == range.end {
                    *range = position..position + 1;
                } else {
                    range.end = position + 1;
                }
            }
        }
        // Each model is unpacked once; few name a parent, so the pairs are few.
        let (mut successors, mut derivatives) = (Vec::new(), Vec::new());
        for (index, model) in self.models.iter().enumerate() {
            let parent = model.successor_of.and_then(|p| self.model(&p));
            successors.extend(parent.map(|p| (p, index)));
            let parents = model.derived_from.iter().filter_map(|p| self.model(p));
            derivatives.extend(parents.map(|p| (p, index)));
        }
        let successors_of_model = Groups::new(self.models.len(), || successors.iter().copied());
        let derivatives_of_model = Groups::new(self.models.len(), || derivatives.iter().copied());
        self.successors_of_model = successors_of_model;
        self.derivatives_of_model = derivatives_of_model;
    }

    /// The name of the file a model or release came from, as it was given (`data/asics.ron`
    /// for the built-in history, a path for `--data` and one's own entries).
    pub fn file_of(&self, subject: Subject) -> &str {
        let found = match subject {
            Subject::Model(i) => self.files.partition_point(|f| f.models_end as usize <= i),
            Subject::Release(i) => self.files.partition_point(|f| f.releases_end as usize <= i),
        };
        self.files.get(found).map_or("", |f| &f.name)
    }

    /// The timeline position of the model or release with this id.
    pub fn entry(&self, id: &str) -> Option<usize> {
        self.entry_ids.find(|i| self.id_of(&self.timeline[i]), id)
    }

    /// The model or release with this id, on the timeline or not (an undated model).
    pub fn subject(&self, id: &str) -> Option<Subject> {
        match self.entry(id) {
            Some(position) => Some(self.timeline[position].subject()),
            None => self.model(id).map(Subject::Model),
        }
    }

    /// The id of a model or release.
    pub fn subject_id(&self, subject: Subject) -> &str {
        match subject {
            Subject::Model(m) => self.models.id(m),
            Subject::Release(r) => self.releases.id(r),
        }
    }

    /// The name a model or release is listed under.
    pub fn subject_title(&self, subject: Subject) -> &str {
        match subject {
            Subject::Model(m) => self.models.name(m),
            Subject::Release(r) => self.releases.name(r),
        }
    }

    /// Kind, date, brand, model and era of a model or release.
    pub fn facts(&self, subject: Subject) -> Facts {
        if let Some(position) = self.entry(self.subject_id(subject)) {
            let entry = &self.timeline[position];
            return Facts {
                kind: entry.kind,
                date: Some(entry.date),
                brand: entry.brand(),
                model: entry.model(),
                era: Some(entry.era()),
                position: Some(position),
            };
        }
        // Only a model can be off the timeline: one no source dates.
        let model = match subject {
            Subject::Model(m) => m,
            Subject::Release(r) => self.model(&self.releases.get(r).model).unwrap_or(0),
        };
        let brand = self.brand(&self.models.get(model).brand).unwrap_or(0);
        Facts {
            kind: EntryKind::Model,
            date: None,
            brand,
            model,
            era: None,
            position: None,
        }
    }

    /// The publisher of the page at `url`: the one listed under its host or, failing that,
    /// under the nearest domain above it (`blog.size.co.uk` falls back to `size.co.uk`).
    pub fn publisher_of(&self, url: &str) -> Option<&Publisher> {
        let host = crate::sources::host(url)?;
        let mut site = crate::sources::site(&host);
        loop {
            if let Some(&i) = self.publisher_hosts.get(site) {
                return self.publishers.get(i);
            }
            site = site.split_once('.')?.1;
        }
    }

    /// The models no source dates, which the timeline leaves out.
    pub fn undated_models(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.models.len()).filter(|&m| self.model_entry(m).is_none())
    }

    /// The id of the model or release behind an entry.
    pub fn id_of(&self, entry: &Entry) -> &str {
        match entry.subject() {
            Subject::Model(m) => self.models.id(m),
            Subject::Release(r) => self.releases.id(r),
        }
    }

    /// The title an entry is listed under: its model's or release's name.
    pub fn title_of(&self, entry: &Entry) -> &str {
        match entry.subject() {
            Subject::Model(m) => self.models.name(m),
            Subject::Release(r) => self.releases.name(r),
        }
    }

    pub fn brand(&self, id: &str) -> Option<usize> {
        self.brand_ids.find(|i| &self.brands[i].id, id)
    }

    pub fn collaborator(&self, id: &str) -> Option<usize> {
        self.collaborator_ids
            .find(|i| &self.collaborators[i].id, id)
    }

    pub fn era(&self, id: &str) -> Option<usize> {
        self.era_ids.find(|i| &self.eras[i].id, id)
    }

    pub fn model(&self, id: &str) -> Option<usize> {
        self.model_ids.find(|i| self.models.id(i), id)
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
        (model < self.models.len())
            .then(|| self.entry(self.models.id(model)))
            .flatten()
    }

    pub fn brand_name(&self, entry: &Entry) -> &str {
        self.brands
            .get(entry.brand())
            .map_or("", |b| b.name.as_str())
    }

    /// The collaborators of a release, none for a model.
    pub fn collaborators_of(&self, entry: &Entry) -> impl ExactSizeIterator<Item = usize> + '_ {
        match entry.subject() {
            Subject::Release(r) => self.collaborators_of_release.get(r),
            Subject::Model(_) => self.collaborators_of_release.get(usize::MAX),
        }
    }

    /// The collaborators of the release with this index.
    pub fn collaborators_of_release(
        &self,
        release: usize,
    ) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.collaborators_of_release.get(release)
    }

    pub fn collaborator_names(&self, entry: &Entry) -> Vec<&str> {
        self.collaborators_of(entry)
            .filter_map(|c| self.collaborators.get(c).map(|c| c.name.as_str()))
            .collect()
    }

    pub fn era_name(&self, entry: &Entry) -> &str {
        self.eras.get(entry.era()).map_or("", |e| e.name.as_str())
    }

    /// Sources and disputes of the record behind an entry.
    pub fn provenance(&self, entry: &Entry) -> (Box<[Source]>, Box<[Dispute]>) {
        self.subject_provenance(entry.subject())
    }

    /// Sources and disputes of a model or release.
    pub fn subject_provenance(&self, subject: Subject) -> (Box<[Source]>, Box<[Dispute]>) {
        match subject {
            Subject::Model(m) => {
                let model = self.models.get(m);
                (model.sources, model.disputes)
            }
            Subject::Release(r) => {
                let release = self.releases.get(r);
                (release.sources, release.disputes)
            }
        }
    }
}

/// What a cache keeps of a [`Store`] (see `crate::cache`): everything but the id tables, which
/// are quicker to rebuild than to read. The small lists (brands, collaborators, eras,
/// publishers) are kept as RON, the arrays as little-endian bytes.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct StoreImage<'a> {
    small: String,
    models: crate::model::RecordsImage<'a>,
    releases: crate::model::RecordsImage<'a>,
    /// Per entry: kind, year, month, day, approximate, record, era, brand, model.
    #[serde(with = "serde_bytes")]
    timeline: Vec<u8>,
    groups: Vec<crate::groups::GroupsImage>,
    by_era: Vec<(u64, u64)>,
    /// The hashes of the models' and the entries' ids, so that the id tables are rebuilt
    /// without reading every id.
    #[serde(with = "serde_bytes")]
    model_hashes: Vec<u8>,
    #[serde(with = "serde_bytes")]
    entry_hashes: Vec<u8>,
    files: Vec<FileSpan>,
}

/// The u32 fields of an entry in the image.
const ENTRY_WORDS: usize = 6;

/// The `i`th little-endian u32 of `bytes`.
fn word_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(std::array::from_fn(|k| bytes[4 * i + k]))
}

impl Store {
    /// The store as a cache keeps it; `file_of` tells which of the dataset's files a text is.
    pub fn image(&self, file_of: impl Fn(&'static str) -> Option<u32>) -> StoreImage<'_> {
        let small = Dataset {
            brands: self.brands.clone(),
            collaborators: self.collaborators.clone(),
            eras: self.eras.clone(),
            publishers: self.publishers.clone(),
            ..Dataset::default()
        };
        let mut words = Vec::with_capacity(self.timeline.len() * ENTRY_WORDS);
        for e in &self.timeline {
            let d = e.date;
            let flags = (e.kind as u32)
                | u32::from(d.month.unwrap_or(0)) << 8
                | u32::from(d.day.unwrap_or(0)) << 16
                | u32::from(d.month.is_some()) << 24
                | u32::from(d.day.is_some()) << 25
                | u32::from(d.approximate) << 26;
            words.extend([flags, d.year as u32, e.record, e.era, e.brand, e.model]);
        }
        StoreImage {
            small: ron::to_string(&small).unwrap_or_default(),
            models: self.models.image(&file_of),
            releases: self.releases.image(&file_of),
            timeline: crate::raw::u32s_to_bytes(&words),
            groups: [
                &self.by_brand,
                &self.by_collaborator,
                &self.collaborators_of_release,
                &self.releases_of_model,
                &self.successors_of_model,
                &self.derivatives_of_model,
            ]
            .map(Groups::image)
            .into(),
            by_era: (self.by_era.iter())
                .map(|r| (r.start as u64, r.end as u64))
                .collect(),
            model_hashes: crate::raw::u64s_to_bytes(
                &(0..self.models.len())
                    .map(|i| id_hash(self.models.id(i)))
                    .collect::<Vec<_>>(),
            ),
            entry_hashes: crate::raw::u64s_to_bytes(
                &(self.timeline.iter())
                    .map(|e| id_hash(self.id_of(e)))
                    .collect::<Vec<_>>(),
            ),
            files: self.files.clone(),
        }
    }

    /// The store back from an image, its strings pointing into `files` (the dataset's texts,
    /// read again); `None` when the image does not hold a well-formed store. The id tables
    /// are rebuilt.
    pub fn from_image(image: StoreImage<'_>, files: &[&'static str]) -> Option<Store> {
        // Each array is dropped as soon as it has been turned into the store's own form, so
        // that a warm start never holds both forms of more than one array.
        let StoreImage {
            small,
            models,
            releases,
            timeline,
            groups,
            by_era,
            model_hashes,
            entry_hashes,
            files: spans,
        } = image;
        let small_text = crate::load::keep(small);
        let small: Dataset = ron::from_str(small_text).ok()?;
        let models = Records::from_image(models, files)?;
        let releases = Records::from_image(releases, files)?;
        let entry_bytes = 4 * ENTRY_WORDS;
        if !timeline.len().is_multiple_of(entry_bytes) {
            return None;
        }
        let kinds = [EntryKind::Model, EntryKind::Reissue, EntryKind::Collab];
        let mut entries = Vec::with_capacity(timeline.len() / entry_bytes);
        for bytes in timeline.chunks_exact(entry_bytes) {
            let w: [u32; ENTRY_WORDS] = std::array::from_fn(|i| word_at(bytes, i));
            let flags = w[0];
            let kind = *kinds.get((flags & 0xff) as usize)?;
            let (record, model) = (w[2] as usize, w[5] as usize);
            let record_exists = match kind {
                EntryKind::Model => record < models.len(),
                _ => record < releases.len(),
            };
            let known = (w[3] as usize) < small.eras.len() && (w[4] as usize) < small.brands.len();
            if !record_exists || model >= models.len() || !known {
                return None;
            }
            entries.push(Entry {
                kind,
                date: PartialDate {
                    year: w[1] as i32,
                    month: (flags >> 24 & 1 == 1).then_some((flags >> 8) as u8),
                    day: (flags >> 25 & 1 == 1).then_some((flags >> 16) as u8),
                    approximate: flags >> 26 & 1 == 1,
                },
                record: w[2],
                era: w[3],
                brand: w[4],
                model: w[5],
            });
        }
        drop(timeline);
        let mut groups = groups.into_iter().map(Groups::from_image);
        let mut next = || groups.next().flatten();
        let (by_brand, by_collaborator, collaborators_of_release) = (next()?, next()?, next()?);
        let (releases_of_model, successors_of_model, derivatives_of_model) =
            (next()?, next()?, next()?);
        let by_era: Vec<Range<usize>> = (by_era.into_iter())
            .map(|(a, b)| a as usize..b as usize)
            .collect();
        if by_era
            .iter()
            .any(|r| r.start > r.end || r.end > entries.len())
        {
            return None;
        }
        // The id tables straight from the hashes' bytes.
        let model_ids = IdTable::from_hash_bytes(&model_hashes, models.len())?;
        drop(model_hashes);
        let entry_ids = IdTable::from_hash_bytes(&entry_hashes, entries.len())?;
        drop(entry_hashes);
        Some(Store {
            brand_ids: IdTable::new(small.brands.len(), |i| &small.brands[i].id),
            collaborator_ids: IdTable::new(small.collaborators.len(), |i| {
                &small.collaborators[i].id
            }),
            era_ids: IdTable::new(small.eras.len(), |i| &small.eras[i].id),
            model_ids,
            entry_ids,
            publisher_hosts: (small.publishers.iter().enumerate())
                .map(|(i, p)| (p.host, i))
                .collect(),
            brands: small.brands,
            collaborators: small.collaborators,
            eras: small.eras,
            publishers: small.publishers,
            models,
            releases,
            timeline: entries,
            by_brand,
            by_collaborator,
            collaborators_of_release,
            by_era,
            releases_of_model,
            successors_of_model,
            derivatives_of_model,
            files: spans,
        })
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
    /// A table of the items `0..hashes.len()` whose ids hash to `hashes` (saved by a cache, so
    /// that no id has to be read again).
    /// `bytes` holds `len` hashes of 8 little-endian bytes each; `None` when it does not.
    fn from_hash_bytes(bytes: &[u8], len: usize) -> Option<IdTable> {
        if bytes.len() != 8 * len {
            return None;
        }
        let mut table = HashTable::with_capacity(len);
        let hash = |&i: &u32| {
            let at = 8 * i as usize;
            u64::from_le_bytes(std::array::from_fn(|k| bytes[at + k]))
        };
        for i in 0..len as u32 {
            table.insert_unique(hash(&i), i, hash);
        }
        Some(IdTable(table))
    }

    /// A table of the items `0..len`, whose ids `id` gives.
    fn new<'a>(len: usize, id: impl Fn(usize) -> &'a str) -> IdTable {
        let mut table = HashTable::with_capacity(len);
        let hash = |&i: &u32| id_hash(id(i as usize));
        for i in 0..len as u32 {
            table.insert_unique(hash(&i), i, hash);
        }
        IdTable(table)
    }

    /// The item with this id, `id` being the function the table was made with.
    fn find<'a>(&self, id: impl Fn(usize) -> &'a str, wanted: &str) -> Option<usize> {
        self.0
            .find(id_hash(wanted), |&i| id(i as usize) == wanted)
            .map(|&i| i as usize)
    }
}

fn clean(text: &mut Text) {
    *text = text.terminal_safe();
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
        for source in &mut b.sources {
            clean_all([&mut source.title, &mut source.url]);
        }
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
        for source in &mut e.sources {
            clean_all([&mut source.title, &mut source.url]);
        }
    }
    for p in &mut d.publishers {
        clean_all([&mut p.host, &mut p.name]);
    }
}
