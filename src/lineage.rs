//! The lineage of a line: its generations from the first to the latest (undated ones included),
//! the reissues and collabs of each, and the models of other lines each one borrows from or
//! gave rise to. Shared by `kicktime line` and the browser's lineage view.

use crate::date::PartialDate;
use crate::store::{EntryKind, Store, Subject};

/// One line of models, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    pub brand: usize,
    /// The line's name; `None` for a model outside any named line (its succession is shown).
    pub name: Option<String>,
    pub generations: Vec<Generation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation {
    pub model: usize,
    /// Its timeline position; `None` for an undated generation.
    pub position: Option<usize>,
    pub date: Option<PartialDate>,
    pub number: Option<u16>,
    pub designers: Vec<String>,
    /// Technologies the line has from this generation on (no earlier generation had them).
    pub new_technologies: Vec<String>,
    /// Timeline positions of its reissues and collabs, in date order.
    pub releases: Vec<usize>,
    /// Models of other lines it borrows from.
    pub derived_from: Vec<usize>,
    /// Models of other lines that borrow from it.
    pub gave_rise_to: Vec<usize>,
}

impl Lineage {
    /// The line a model belongs to: every model of its brand with the same `line`, or, for a
    /// model with none, the chain of `successor_of` links through it.
    pub fn of(store: &Store, model: usize) -> Lineage {
        let this = store.models.get(model);
        let brand = store.brand(&this.brand).unwrap_or(0);
        let members: Vec<usize> = match this.line {
            Some(line) => (0..store.models.len())
                .filter(|&m| {
                    let other = store.models.get(m);
                    other.line == Some(line) && other.brand == this.brand
                })
                .collect(),
            None => succession(store, model),
        };
        let mut generations: Vec<Generation> =
            members.iter().map(|&m| generation(store, m)).collect();
        // By number where the brand numbers the line, then by date (undated last), then name.
        generations.sort_by_cached_key(|g| {
            (
                g.number.unwrap_or(u16::MAX),
                g.date.map_or((i32::MAX, 0, 0), |d| d.sort_key()),
                store.models.name(g.model).to_string(),
            )
        });
        // A technology is new with the first generation that has it.
        let mut seen: Vec<String> = Vec::new();
        for g in &mut generations {
            let technologies = store.models.get(g.model).technologies;
            for technology in technologies.iter() {
                if !seen.iter().any(|s| s == technology.as_str()) {
                    seen.push(technology.to_string());
                    g.new_technologies.push(technology.to_string());
                }
            }
        }
        let in_line = |m: &usize| !members.contains(m);
        for g in &mut generations {
            g.derived_from.retain(in_line);
            g.gave_rise_to.retain(in_line);
        }
        Lineage {
            brand,
            name: this.line.map(|l| l.to_string()),
            generations,
        }
    }

    /// The row of a model or release in the lineage, counted as [`Lineage::subjects`] lists
    /// them.
    pub fn row_of(&self, store: &Store, subject: Subject) -> Option<usize> {
        self.subjects(store).iter().position(|s| *s == subject)
    }

    /// Every generation followed by its releases, in the order they are shown.
    pub fn subjects(&self, store: &Store) -> Vec<Subject> {
        let mut subjects = Vec::new();
        for g in &self.generations {
            subjects.push(Subject::Model(g.model));
            subjects.extend(g.releases.iter().map(|&p| store.timeline[p].subject()));
        }
        subjects
    }

    /// The first and latest years of its dated generations.
    pub fn span(&self) -> Option<(i32, i32)> {
        let years = self
            .generations
            .iter()
            .filter_map(|g| g.date.map(|d| d.year));
        let first = years.clone().min()?;
        Some((first, years.max().unwrap_or(first)))
    }
}

fn generation(store: &Store, m: usize) -> Generation {
    let model = store.models.get(m);
    let position = store.model_entry(m);
    Generation {
        model: m,
        position,
        date: position.map(|p| store.timeline[p].date),
        number: model.generation,
        designers: model.designers.iter().map(|d| d.to_string()).collect(),
        new_technologies: Vec::new(),
        releases: store.releases_of_model(m).collect(),
        derived_from: (model.derived_from.iter())
            .filter_map(|id| store.model(id))
            .collect(),
        gave_rise_to: store.derivatives_of_model(m).collect(),
    }
}

/// A model's chain of successions: back through `successor_of` to the first, then forward
/// through every model that names one of the chain as its predecessor.
fn succession(store: &Store, model: usize) -> Vec<usize> {
    let mut first = model;
    let mut seen = vec![model];
    while let Some(parent) = (store.models.get(first).successor_of).and_then(|p| store.model(&p)) {
        if seen.contains(&parent) {
            break;
        }
        seen.push(parent);
        first = parent;
    }
    let mut chain = vec![first];
    let mut next = 0;
    while next < chain.len() {
        for successor in store.successors_of_model(chain[next]) {
            if !chain.contains(&successor) {
                chain.push(successor);
            }
        }
        next += 1;
    }
    chain
}

/// One row of a lineage as it is drawn, on screen or on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A generation: an index into the line's generations.
    Generation(usize),
    /// A reissue or collab of a generation, at a timeline position.
    Release { generation: usize, position: usize },
    /// A model of another line that a generation borrows from (`from`) or gave rise to.
    Edge {
        generation: usize,
        model: usize,
        from: bool,
    },
}

/// What a row shows, in order, each part with what it is (so a screen can style it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowParts {
    /// The graph to the left: `│ ├─`, `  └◁ ` or nothing for a generation.
    pub graph: String,
    /// `●` a dated generation, `○` an undated one, or a release's kind marker.
    pub marker: String,
    pub kind: EntryKind,
    /// The year, `----` when undated, empty for an edge.
    pub year: String,
    /// The generation's or release's title, or the words of an edge ("derived from").
    pub title: String,
    /// What follows: notes such as "(undated)", designers, "+ new technologies", "× with".
    pub notes: Vec<(Note, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    Undated,
    Designers,
    Technologies,
    Collaborators,
    /// The model an edge leads to.
    Target,
    /// The line of that model.
    Line,
}

impl Lineage {
    /// Every row: each generation, then its releases, then its edges to other lines.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for (i, g) in self.generations.iter().enumerate() {
            rows.push(Row::Generation(i));
            rows.extend(g.releases.iter().map(|&position| Row::Release {
                generation: i,
                position,
            }));
            let edges = (g.derived_from.iter().map(|&m| (m, true)))
                .chain(g.gave_rise_to.iter().map(|&m| (m, false)));
            rows.extend(edges.map(|(model, from)| Row::Edge {
                generation: i,
                model,
                from,
            }));
        }
        rows
    }

    /// The parts of `rows[index]`.
    pub fn row_parts(&self, store: &Store, rows: &[Row], index: usize) -> RowParts {
        let last_generation = self.generations.len().saturating_sub(1);
        let rail = |generation: usize| {
            if generation < last_generation {
                "│ "
            } else {
                "  "
            }
        };
        // A branch is the last under its generation when no branch follows it.
        let last_child = !matches!(
            rows.get(index + 1),
            Some(Row::Release { .. } | Row::Edge { .. })
        );
        match rows[index] {
            Row::Generation(i) => {
                let g = &self.generations[i];
                let mut notes = Vec::new();
                if g.date.is_none() {
                    notes.push((Note::Undated, "(undated)".to_string()));
                }
                if !g.designers.is_empty() {
                    notes.push((Note::Designers, g.designers.join(", ")));
                }
                if !g.new_technologies.is_empty() {
                    notes.push((
                        Note::Technologies,
                        format!("+ {}", g.new_technologies.join(", ")),
                    ));
                }
                RowParts {
                    graph: String::new(),
                    marker: if g.date.is_some() { "●" } else { "○" }.to_string(),
                    kind: EntryKind::Model,
                    year: g.date.map_or("----".to_string(), |d| d.year.to_string()),
                    title: store.models.name(g.model).to_string(),
                    notes,
                }
            }
            Row::Release {
                generation,
                position,
            } => {
                let entry = &store.timeline[position];
                let branch = if last_child { "└─" } else { "├─" };
                let with = store.collaborator_names(entry);
                let notes = if with.is_empty() {
                    Vec::new()
                } else {
                    vec![(Note::Collaborators, format!("× {}", with.join(", ")))]
                };
                RowParts {
                    graph: format!("{}{branch}", rail(generation)),
                    marker: marker(entry.kind).to_string(),
                    kind: entry.kind,
                    year: entry.date.year.to_string(),
                    title: store.title_of(entry).to_string(),
                    notes,
                }
            }
            Row::Edge {
                generation,
                model,
                from,
            } => {
                let branch = if last_child { "└" } else { "├" };
                let (arrow, words) = if from {
                    ("◁", "derived from")
                } else {
                    ("▷", "gave rise to")
                };
                let mut notes = vec![(Note::Target, store.models.name(model).to_string())];
                if let Some(line) = store.models.get(model).line {
                    notes.push((Note::Line, format!("({line} line)")));
                }
                RowParts {
                    graph: format!("{}{branch}{arrow} ", rail(generation)),
                    marker: String::new(),
                    kind: EntryKind::Model,
                    year: String::new(),
                    title: words.to_string(),
                    notes,
                }
            }
        }
    }
}

/// The marker of an entry's kind: one column wide in every terminal.
pub fn marker(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Model => "●",
        EntryKind::Reissue => "↺",
        EntryKind::Collab => "×",
    }
}

impl RowParts {
    /// The row as plain text, as the command line prints it.
    pub fn text(&self) -> String {
        let mut text = self.graph.clone();
        if !self.marker.is_empty() {
            text.push_str(&self.marker);
            text.push(' ');
        }
        if !self.year.is_empty() {
            text.push_str(&format!("{:<4}  ", self.year));
        }
        text.push_str(&self.title);
        for (kind, note) in &self.notes {
            text.push_str(if *kind == Note::Target { " " } else { "  " });
            text.push_str(note);
        }
        text
    }
}
