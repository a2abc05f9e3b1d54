//! The full description of one timeline entry, as labelled fields with links, shared by
//! `kicktime show` and the detail pane of the terminal UI.

use crate::model::{Dispute, Source};
use crate::store::{Entry, Store, Subject};

/// Where a link in the detail leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// A timeline position.
    Entry(usize),
    /// A collaborator: following it shows their entries.
    Collaborator(usize),
    /// A brand: following it shows its entries.
    Brand(usize),
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
    /// Every link of the detail, in the order they are shown.
    pub fn links(&self) -> Vec<Link> {
        self.fields
            .iter()
            .flat_map(|f| f.items.iter().filter_map(|i| i.link))
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

/// Describes the entry at timeline position `position`.
pub fn describe(store: &Store, position: usize) -> Detail {
    let entry = &store.timeline[position];
    let mut fields = Builder(Vec::new());
    fields.text("kind", entry.kind.label());
    fields.add(
        "brand",
        vec![linked(store.brand_name(entry), Link::Brand(entry.brand()))],
    );
    let (summary, sources, disputes) = match entry.subject() {
        Subject::Model(m) => model_fields(store, m, entry, &mut fields),
        Subject::Release(r) => release_fields(store, r, entry, &mut fields),
    };
    fields.text("era", store.era_name(entry));
    fields.text("id", store.id_of(entry));
    Detail {
        title: store.title_of(entry).to_string(),
        fields: fields.0,
        summary,
        sources,
        disputes,
    }
}

type Prose = (String, Vec<Source>, Vec<Dispute>);

fn model_fields(store: &Store, m: usize, entry: &Entry, fields: &mut Builder) -> Prose {
    let model = store.models.get(m);
    fields.text("line", model.line.unwrap_or_default());
    fields.text("introduced", entry.date.to_string());
    fields.text("aliases", model.aliases.join(", "));
    fields.text("designers", model.designers.join(", "));
    fields.text("technologies", model.technologies.join(", "));
    fields.text("category", model.category.label());
    let model_link = |index: usize| {
        let name = store.models.name(index);
        match store.model_entry(index) {
            Some(p) => linked(name, Link::Entry(p)),
            None => plain(name),
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

fn release_fields(store: &Store, r: usize, entry: &Entry, fields: &mut Builder) -> Prose {
    let release = store.releases.get(r);
    let model = store.models.get(entry.model());
    let model_item = match store.model_entry(entry.model()) {
        Some(p) => linked(
            format!("{} ({})", model.name, model.introduced),
            Link::Entry(p),
        ),
        None => plain(model.name),
    };
    fields.add("model", vec![model_item]);
    fields.text("date", entry.date.to_string());
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
