//! The lineage of a line: its generations from the first to the latest (undated ones included),
//! the reissues and collabs of each, and the models of other lines each one borrows from or
//! gave rise to. Shared by `kicktime line` and the browser's lineage view.

use crate::date::PartialDate;
use crate::store::{Store, Subject};

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
    /// Technologies it has that the generation before it had not.
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
        let mut previous: Vec<String> = Vec::new();
        for g in &mut generations {
            let technologies: Vec<String> = store
                .models
                .get(g.model)
                .technologies
                .iter()
                .map(|t| t.to_string())
                .collect();
            g.new_technologies = (technologies.iter())
                .filter(|t| !previous.contains(t))
                .cloned()
                .collect();
            previous = technologies;
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
