//! The brand and collaborator picker (`b`, `c`): a searchable list, drawn over the screen,
//! that sets a quick filter on the timeline.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::store::Store;
use crate::text::{fold, fold_key};
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::theme::Theme;

use super::search::SearchBar;
use super::spans::fit;
use super::timeline::clamp_add;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Brand,
    Collaborator,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    /// What was typed.
    pub input: SearchBar,
    /// Indices into the store's brands or collaborators, best match first.
    pub items: Vec<usize>,
    pub selected: usize,
}

impl Picker {
    /// A picker listing every brand or collaborator, by name.
    pub fn new(store: &Store, kind: PickerKind) -> Picker {
        let mut picker = Picker {
            kind,
            input: SearchBar::default(),
            items: Vec::new(),
            selected: 0,
        };
        picker.rank(store);
        picker
    }

    /// The brand or collaborator under the selection.
    pub fn chosen(&self) -> Option<usize> {
        self.items.get(self.selected).copied()
    }

    /// Applies a key. `Some(Nav::Back)` closes the picker without choosing; a filter closes
    /// it with one.
    pub fn update(&mut self, store: &Store, action: Action) -> Option<Nav> {
        match action {
            Action::Input(c) => self.input.push(&c.to_string()),
            Action::Paste(text) => self.input.push(&text),
            Action::DeleteChar => self.input.pop(),
            Action::ClearInput => self.input.set(""),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Scroll(_) => {
                let delta = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -10,
                    Action::PageDown => 10,
                    Action::Scroll(n) => n,
                    _ => 0,
                };
                self.selected = clamp_add(self.selected, delta, self.items.len());
                return None;
            }
            Action::Submit => {
                return Some(match (self.kind, self.chosen()) {
                    (_, None) => Nav::Back,
                    (PickerKind::Brand, Some(b)) => Nav::FilterBrand(b),
                    (PickerKind::Collaborator, Some(c)) => Nav::FilterCollaborator(c),
                });
            }
            Action::Cancel | Action::Back => return Some(Nav::Back),
            _ => return None,
        }
        self.rank(store);
        None
    }

    /// Narrows the list to the names matching the input (name and aliases, fuzzily).
    fn rank(&mut self, store: &Store) {
        let names: Vec<String> = match self.kind {
            PickerKind::Brand => (store.brands.iter())
                .map(|b| format!("{} {}", b.name, b.aliases.join(" ")))
                .collect(),
            PickerKind::Collaborator => (store.collaborators.iter())
                .map(|c| format!("{} {}", c.name, c.aliases.join(" ")))
                .collect(),
        };
        self.items = rank_names(&names, &self.input.query);
        self.selected = 0;
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

/// Draws a picker centred over `area`.
pub struct PickerView<'a> {
    pub picker: &'a Picker,
    pub store: &'a Store,
    pub theme: &'a Theme,
}

impl Widget for PickerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (picker, store, theme) = (self.picker, self.store, self.theme);
        let popup = super::centred(area, 50, 20);
        Clear.render(popup, buf);
        let title = match picker.kind {
            PickerKind::Brand => " Filter by brand ",
            PickerKind::Collaborator => " Filter by collaborator ",
        };
        let block = Block::bordered()
            .title(title)
            .border_style(theme.border_focused);
        let inner = block.inner(popup);
        block.render(popup, buf);
        let (width, height) = (usize::from(inner.width), usize::from(inner.height));
        if width == 0 || height == 0 {
            return;
        }
        let mut lines = vec![Line::from(fit(
            vec![
                ("> ".to_string(), theme.key),
                (picker.input.query.clone(), theme.text),
                ("▏".to_string(), theme.key),
            ],
            width,
            None,
        ))];
        let rows = height.saturating_sub(1);
        let top = (picker.selected + 1).saturating_sub(rows);
        for (i, &item) in picker.items.iter().enumerate().skip(top).take(rows) {
            let (name, count) = match picker.kind {
                PickerKind::Brand => (store.brands[item].name, store.entries_of_brand(item).len()),
                PickerKind::Collaborator => (
                    store.collaborators[item].name,
                    store.entries_of_collaborator(item).len(),
                ),
            };
            let chosen = i == picker.selected;
            let style = if chosen { theme.selected } else { Style::new() };
            let runs = vec![
                (format!(" {name}"), style),
                (
                    format!(" ({count})"),
                    if chosen { style } else { theme.dim },
                ),
            ];
            lines.push(Line::from(fit(runs, width, Some(style))));
        }
        if picker.items.is_empty() {
            lines.push(Line::from(fit(
                vec![("No match".to_string(), theme.dim)],
                width,
                None,
            )));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
