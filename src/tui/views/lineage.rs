//! The lineage page (`l`): a line from its first generation to today as a graph in the manner
//! of `git log --graph`, each generation with its year, designers and the technologies it
//! brought, its reissues and collabs branching off it, and side edges to the models of other
//! lines it borrows from or gave rise to.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::lineage::{Lineage as LineageData, Note, Row};
use crate::store::{Store, Subject};
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::theme::Theme;

use super::spans::fit;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    pub line: LineageData,
    pub rows: Vec<Row>,
    pub selected: usize,
}

impl Lineage {
    /// The lineage of a model's or release's line, with that model or release selected.
    pub fn new(store: &Store, subject: Subject) -> Lineage {
        let model = store.facts(subject).model;
        let line = LineageData::of(store, model);
        let rows = line.rows();
        let selected = rows
            .iter()
            .position(|row| match (*row, subject) {
                (Row::Generation(i), Subject::Model(m)) => line.generations[i].model == m,
                (Row::Release { position, .. }, Subject::Release(_)) => {
                    store.timeline[position].subject() == subject
                }
                _ => false,
            })
            .unwrap_or(0);
        Lineage {
            line,
            rows,
            selected,
        }
    }

    pub fn update(&mut self, _store: &Store, action: Action) -> Option<Nav> {
        if super::move_cursor(&mut self.selected, self.rows.len(), &action) {
            return None;
        }
        match action {
            Action::Submit | Action::OpenDetail | Action::Right => self.target(),
            Action::Cancel | Action::Back | Action::Left => Some(Nav::Back),
            Action::OpenBrand => Some(Nav::Brand(self.line.brand)),
            _ => None,
        }
    }

    /// Where Enter on the selected row leads.
    fn target(&self) -> Option<Nav> {
        Some(match *self.rows.get(self.selected)? {
            Row::Generation(i) => {
                let g = &self.line.generations[i];
                match g.position {
                    Some(position) => Nav::Entry(position),
                    None => Nav::Model(g.model),
                }
            }
            Row::Release { position, .. } => Nav::Entry(position),
            Row::Edge { model, .. } => Nav::Lineage(Subject::Model(model)),
        })
    }
}

pub struct LineageView<'a> {
    pub lineage: &'a Lineage,
    pub store: &'a Store,
    pub theme: &'a Theme,
}

impl Widget for LineageView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (lineage, store, theme) = (self.lineage, self.store, self.theme);
        let line = &lineage.line;
        let brand = store.brands.get(line.brand).map_or("", |b| b.name.as_str());
        let name = line.name.clone().unwrap_or_else(|| {
            line.generations
                .first()
                .map_or(String::new(), |g| store.models.name(g.model).to_string())
        });
        let undated = line.generations.iter().filter(|g| g.date.is_none()).count();
        let mut title = format!(" Lineage: {name} · {brand}");
        if let Some((first, latest)) = line.span() {
            title.push_str(&format!(" · {first}–{latest}"));
        }
        title.push_str(&format!(" · {} generations", line.generations.len()));
        if undated > 0 {
            title.push_str(&format!(", {undated} undated"));
        }
        title.push(' ');
        let block = Block::bordered()
            .title(title)
            .border_style(theme.border_focused);
        let inner = block.inner(area);
        block.render(area, buf);
        let (width, height) = (usize::from(inner.width), usize::from(inner.height));
        if width == 0 || height == 0 {
            return;
        }
        let top = super::scroll_top(lineage.selected, lineage.rows.len(), height);
        let lines: Vec<Line> = (lineage.rows.iter().enumerate())
            .skip(top)
            .take(height)
            .map(|(i, _)| self.row(i, i == lineage.selected, width))
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

impl LineageView<'_> {
    fn row(&self, index: usize, selected: bool, width: usize) -> Line<'static> {
        let (store, theme, lineage) = (self.store, self.theme, self.lineage);
        let parts = lineage.line.row_parts(store, &lineage.rows, index);
        let base = if selected {
            theme.selected
        } else {
            Style::new()
        };
        let on = |style: Style| if selected { base } else { style };
        let mut runs: Vec<(String, Style)> = Vec::new();
        if !parts.graph.is_empty() {
            runs.push((parts.graph.clone(), on(theme.border)));
        }
        if !parts.marker.is_empty() {
            runs.push((format!("{} ", parts.marker), on(theme.kind(parts.kind))));
        }
        if !parts.year.is_empty() {
            runs.push((format!("{:<4}  ", parts.year), on(theme.year)));
        }
        let title_style = match lineage.rows[index] {
            Row::Edge { .. } => theme.dim,
            _ => theme.title_text,
        };
        runs.push((parts.title.clone(), on(title_style)));
        for (note, text) in parts.notes {
            let style = match note {
                Note::Undated | Note::Designers | Note::Line => theme.dim,
                Note::Technologies => theme.label,
                Note::Collaborators => theme.collaborator,
                Note::Target => theme.link,
            };
            let gap = if note == Note::Target { " " } else { "  " };
            runs.push((format!("{gap}{text}"), on(style)));
        }
        Line::from(fit(runs, width, Some(base)))
    }
}
