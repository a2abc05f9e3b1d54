//! The brand and collaborator picker's state: what was typed, the matching names best first,
//! and which one is selected.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::store::Store;
use crate::text::{fold, fold_key};
use crate::tui::app::MAX_QUERY_CHARS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Brand,
    Collaborator,
}

/// The searchable list of brands or collaborators opened by `b` or `c`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub input: String,
    /// Indices into the store's brands or collaborators, best match first.
    pub items: Vec<usize>,
    pub selected: usize,
}

impl Picker {
    /// A picker listing every brand or collaborator, by name.
    pub fn new(store: &Store, kind: PickerKind) -> Picker {
        let mut picker = Picker {
            kind,
            input: String::new(),
            items: Vec::new(),
            selected: 0,
        };
        picker.set_input(store, String::new());
        picker
    }

    /// Narrows the list to the names matching `input` (name and aliases, fuzzily).
    pub fn set_input(&mut self, store: &Store, input: String) {
        self.input = input.chars().take(MAX_QUERY_CHARS).collect();
        let names: Vec<String> = match self.kind {
            PickerKind::Brand => store
                .brands
                .iter()
                .map(|b| format!("{} {}", b.name, b.aliases.join(" ")))
                .collect(),
            PickerKind::Collaborator => store
                .collaborators
                .iter()
                .map(|c| format!("{} {}", c.name, c.aliases.join(" ")))
                .collect(),
        };
        self.items = rank_names(&names, &self.input);
        self.selected = 0;
    }

    /// The brand or collaborator index under the selection.
    pub fn chosen(&self) -> Option<usize> {
        self.items.get(self.selected).copied()
    }
}

/// Indices of the names matching `input`, best first; all of them by name when it is empty.
fn rank_names(names: &[String], input: &str) -> Vec<usize> {
    let input = fold(input.trim()).text;
    if input.is_empty() {
        let mut all: Vec<usize> = (0..names.len()).collect();
        all.sort_by_key(|&i| fold_key(&names[i]));
        return all;
    }
    let matcher = SkimMatcherV2::default().smart_case();
    let mut scored: Vec<(i64, usize)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            matcher
                .fuzzy_match(&fold(name).text, &input)
                .map(|s| (s, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}
