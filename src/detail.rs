//! The full description of one timeline entry, as labelled fields with links, shared by
//! `kicktime show` and the detail pane of the terminal UI.

use crate::model::{Dispute, Source};
use crate::store::{Facts, Store, Subject};

/// Where a link in the detail leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// A timeline position.
    Entry(usize),
    /// A collaborator: following it shows their entries.
    Collaborator(usize),
    /// A brand: following it shows its entries.
    Brand(usize),
    /// A source of the entry (by its place in the sources): following it opens it.
    Source(usize),
}

/// One value of a field; a field may list several (a model's releases).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub link: Option<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Detail {
    pub title: String,
    pub fields: Vec<Field>,
    pub summary: String,
    pub sources: Vec<Source>,
    pub disputes: Vec<Dispute>,
}

impl Detail {
    /// Every link of the detail, in the order they are shown: the fields', then the sources.
    pub fn links(&self) -> Vec<Link> {
        self.fields
            .iter()
            .flat_map(|f| f.items.iter().filter_map(|i| i.link))
            .chain((0..self.sources.len()).map(Link::Source))
            .collect()
    }
}

fn plain(text: impl Into<String>) -> Item {
    Item {
        text: text.into(),
        link: None,
    }
}

fn linked(text: impl Into<String>, link: Link) -> Item {
    Item {
        text: text.into(),
        link: Some(link),
    }
}

struct Builder(Vec<Field>);

impl Builder {
    fn add(&mut self, label: &'static str, items: Vec<Item>) {
        if !items.is_empty() {
            self.0.push(Field { label, items });
        }
    }

    fn text(&mut self, label: &'static str, text: impl Into<String>) {
        let text = text.into();
        if !text.is_empty() {
            self.add(label, vec![plain(text)]);
        }
    }
}

/// Describes a model or release, on the timeline or not (an undated model).
pub fn describe(store: &Store, subject: Subject) -> Detail {
    let facts = store.facts(subject);
    let mut fields = Builder(Vec::new());
    fields.text("kind", facts.kind.label());
    let brand = store
        .brands
        .get(facts.brand)
        .map_or("", |b| b.name.as_str());
    fields.add("brand", vec![linked(brand, Link::Brand(facts.brand))]);
    let (summary, sources, disputes) = match subject {
        Subject::Model(m) => model_fields(store, m, &facts, &mut fields),
        Subject::Release(r) => release_fields(store, r, &facts, &mut fields),
    };
    let era = facts.era.and_then(|e| store.eras.get(e));
    fields.text("era", era.map_or("", |e| e.name.as_str()));
    fields.text("id", store.subject_id(subject));
    // Which file to edit: the built-in `data/…` one, or one's own.
    fields.text("file", crate::places::shown(store.file_of(subject)));
    Detail {
        title: store.subject_title(subject).to_string(),
        fields: fields.0,
        summary,
        sources,
        disputes,
    }
}

type Prose = (String, Vec<Source>, Vec<Dispute>);

fn model_fields(store: &Store, m: usize, facts: &Facts, fields: &mut Builder) -> Prose {
    let model = store.models.get(m);
    fields.text("line", model.line.unwrap_or_default());
    if let Some(generation) = model.generation {
        fields.text("generation", generation.to_string());
    }
    fields.text("introduced", shown_date(facts.date));
    fields.text("aliases", model.aliases.join(", "));
    fields.text("designers", model.designers.join(", "));
    fields.text("technologies", model.technologies.join(", "));
    fields.text("category", model.category.label());
    let model_link = |index: usize| {
        let name = store.models.name(index);
        match store.model_entry(index) {
            Some(p) => linked(name, Link::Entry(p)),
            None => plain(format!("{name} (undated)")),
        }
    };
    let predecessor = model.successor_of.as_deref().and_then(|id| store.model(id));
    fields.add(
        "predecessor",
        predecessor.into_iter().map(model_link).collect(),
    );
    fields.add(
        "successor",
        store.successors_of_model(m).map(&model_link).collect(),
    );
    let parents = model.derived_from.iter().filter_map(|id| store.model(id));
    fields.add("derived from", parents.map(model_link).collect());
    fields.add(
        "gave rise to",
        store.derivatives_of_model(m).map(model_link).collect(),
    );
    let releases = store.releases_of_model(m).map(|p| {
        let release = &store.timeline[p];
        linked(
            format!(
                "{} {} ({})",
                release.date,
                store.title_of(release),
                release.kind.label()
            ),
            Link::Entry(p),
        )
    });
    fields.add("releases", releases.collect());
    (
        model.summary.to_string(),
        model.sources.to_vec(),
        model.disputes.to_vec(),
    )
}

fn release_fields(store: &Store, r: usize, facts: &Facts, fields: &mut Builder) -> Prose {
    let release = store.releases.get(r);
    let model = store.models.get(facts.model);
    let model_item = match store.model_entry(facts.model) {
        Some(p) => linked(
            format!("{} ({})", model.name, shown_date(model.introduced)),
            Link::Entry(p),
        ),
        None => plain(format!("{} ({})", model.name, shown_date(model.introduced))),
    };
    fields.add("model", vec![model_item]);
    fields.text("date", shown_date(facts.date));
    fields.text("colourway", release.colourway.unwrap_or_default());
    let credits = release.collaborators.iter().filter_map(|credit| {
        let index = store.collaborator(&credit.collaborator)?;
        let who = &store.collaborators[index];
        let text = match &credit.role {
            Some(role) => format!("{} ({}, {role})", who.name, who.kind.label()),
            None => format!("{} ({})", who.name, who.kind.label()),
        };
        Some(linked(text, Link::Collaborator(index)))
    });
    fields.add("collaborators", credits.collect());
    (
        release.summary.to_string(),
        release.sources.to_vec(),
        release.disputes.to_vec(),
    )
}

/// A model's introduction as shown: its date, or "undated".
pub fn shown_date(date: Option<crate::date::PartialDate>) -> String {
    date.map_or_else(|| "undated".to_string(), |d| d.to_string())
}
