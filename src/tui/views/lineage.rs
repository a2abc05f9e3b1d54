//! The lineage page (`l`): a line from its first generation to today as a graph in the manner
//! of `git log --graph`, each generation with its year, designers and the technologies it
//! brought, its reissues and collabs branching off it, and side edges to the models of other
//! lines it borrows from or gave rise to.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::lineage::Lineage as LineageData;
use crate::store::{EntryKind, Store, Subject};
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::theme::{Theme, marker};

use super::spans::fit;

/// One row of the graph.
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
        let mut rows = Vec::new();
        for (i, g) in line.generations.iter().enumerate() {
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
            .map(|(i, row)| self.row(i, *row, i == lineage.selected, width))
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

impl LineageView<'_> {
    fn row(&self, index: usize, row: Row, selected: bool, width: usize) -> Line<'static> {
        let (store, theme, line) = (self.store, self.theme, &self.lineage.line);
        let last_generation = line.generations.len().saturating_sub(1);
        let base = if selected {
            theme.selected
        } else {
            Style::new()
        };
        let on = |style: Style| if selected { base } else { style };
        let rail = |generation: usize| {
            if generation < last_generation {
                "│ "
            } else {
                "  "
            }
        };
        let mut runs: Vec<(String, Style)> = Vec::new();
        match row {
            Row::Generation(i) => {
                let g = &line.generations[i];
                let (dot, year) = match g.date {
                    Some(date) => ("●", format!("{:<4}", date.year)),
                    None => ("○", "----".to_string()),
                };
                runs.push((format!("{dot} "), on(theme.kind(EntryKind::Model))));
                runs.push((format!("{year}  "), on(theme.year)));
                runs.push((store.models.name(g.model).to_string(), on(theme.title_text)));
                if g.date.is_none() {
                    runs.push((" (undated)".into(), on(theme.dim)));
                }
                if !g.designers.is_empty() {
                    runs.push((format!("  {}", g.designers.join(", ")), on(theme.dim)));
                }
                if !g.new_technologies.is_empty() {
                    let new = g.new_technologies.join(", ");
                    runs.push((format!("  + {new}"), on(theme.label)));
                }
            }
            Row::Release {
                generation,
                position,
            } => {
                let entry = &store.timeline[position];
                let last = self.is_last_child(index);
                let branch = if last { "└─" } else { "├─" };
                runs.push((format!("{}{branch}", rail(generation)), on(theme.border)));
                runs.push((
                    format!("{} ", marker(entry.kind)),
                    on(theme.kind(entry.kind)),
                ));
                runs.push((format!("{:<4}  ", entry.date.year), on(theme.year)));
                runs.push((store.title_of(entry).to_string(), on(theme.title_text)));
                let with = store.collaborator_names(entry);
                if !with.is_empty() {
                    runs.push((format!("  × {}", with.join(", ")), on(theme.collaborator)));
                }
            }
            Row::Edge {
                generation,
                model,
                from,
            } => {
                let last = self.is_last_child(index);
                let branch = if last { "└" } else { "├" };
                let (arrow, words) = if from {
                    ("◁ ", "derived from ")
                } else {
                    ("▷ ", "gave rise to ")
                };
                runs.push((
                    format!("{}{branch}{arrow}", rail(generation)),
                    on(theme.border),
                ));
                runs.push((words.to_string(), on(theme.dim)));
                runs.push((store.models.name(model).to_string(), on(theme.link)));
                if let Some(other) = store.models.get(model).line {
                    runs.push((format!("  ({other} line)"), on(theme.dim)));
                }
            }
        }
        Line::from(fit(runs, width, Some(base)))
    }

    /// Whether the branch row at `index` is the last under its generation.
    fn is_last_child(&self, index: usize) -> bool {
        !matches!(
            self.lineage.rows.get(index + 1),
            Some(Row::Release { .. } | Row::Edge { .. })
        )
    }
}
