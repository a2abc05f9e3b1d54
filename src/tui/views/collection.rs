//! "My collection" (`p`, for pairs): your marked pairs in timeline order beside what they add
//! up to: counts, money spent, pairs by brand and by era, and for each line you own pairs of,
//! the generations you lack.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::collection::Collection;
use crate::collection::summary::{Counts, Pair, Summary};
use crate::store::{Store, Subject};
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::theme::Theme;

use super::spans::fit;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionPage {
    pub summary: Summary,
    /// The selected pair, in [`Summary::pairs`] order.
    pub selected: usize,
}

impl CollectionPage {
    pub fn new(store: &Store, collection: &Collection) -> CollectionPage {
        CollectionPage {
            summary: Summary::of(store, collection),
            selected: 0,
        }
    }

    /// The collection changed (a mark here or by another process): worked out again, the same
    /// pair kept selected when it is still there.
    pub fn refresh(&mut self, store: &Store, collection: &Collection) {
        let id = self.selected_pair().map(|p| p.id.clone());
        self.summary = Summary::of(store, collection);
        let found = id.and_then(|id| self.summary.pairs.iter().position(|p| p.id == id));
        self.selected = found.unwrap_or(
            self.selected
                .min(self.summary.pairs.len().saturating_sub(1)),
        );
    }

    pub fn selected_pair(&self) -> Option<&Pair> {
        self.summary.pairs.get(self.selected)
    }

    pub fn update(&mut self, store: &Store, action: Action) -> Option<Nav> {
        if super::move_cursor(&mut self.selected, self.summary.pairs.len(), &action) {
            return None;
        }
        let pair = self.selected_pair();
        match action {
            Action::Submit | Action::OpenDetail | Action::Right => match pair? {
                Pair {
                    position: Some(p), ..
                } => Some(Nav::Entry(*p)),
                Pair {
                    subject: Some(Subject::Model(m)),
                    ..
                } => Some(Nav::Model(*m)),
                orphan => Some(Nav::Status(match &orphan.likely {
                    Some(likely) => format!(
                        "{} is not in the dataset (renamed?); did you mean {likely}? M edits the mark",
                        orphan.id
                    ),
                    None => format!("{} is not in the dataset (renamed or removed)", orphan.id),
                })),
            },
            Action::OpenLineage => pair?.subject.map(Nav::Lineage),
            Action::OpenBrand => pair?.subject.map(|s| Nav::Brand(store.facts(s).brand)),
            Action::Cancel | Action::Back | Action::Left => Some(Nav::Back),
            _ => None,
        }
    }
}

pub struct CollectionView<'a> {
    pub page: &'a CollectionPage,
    pub store: &'a Store,
    pub theme: &'a Theme,
}

impl Widget for CollectionView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let summary = &self.page.summary;
        let [owned, wanted, sold] = summary.counts;
        let block = Block::bordered()
            .title(format!(
                " My collection · {owned} owned · {wanted} wanted · {sold} sold "
            ))
            .border_style(self.theme.border_focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width < 10 || inner.height < 3 {
            return;
        }
        if summary.pairs.is_empty() {
            let lines = [
                "Your collection is empty.",
                "",
                "On the timeline, m marks the selected entry owned (again: wanted, sold, none),",
                "and M opens a form for its size, condition, purchase date, price and note.",
                "From a shell: kicktime mark gel-kayano-14 owned --size 10.5",
            ];
            let width = usize::from(inner.width);
            let lines: Vec<Line> = (lines.iter())
                .map(|l| Line::from(fit(vec![(l.to_string(), self.theme.dim)], width, None)))
                .collect();
            Paragraph::new(lines).render(inner, buf);
            return;
        }
        // Side by side when wide, the totals under the list when not.
        let (list, totals) = if inner.width >= 100 {
            let [list, totals] =
                Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .spacing(2)
                    .areas(inner);
            (list, totals)
        } else {
            let [list, totals] =
                Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .spacing(1)
                    .areas(inner);
            (list, totals)
        };
        self.pairs(list, buf);
        self.totals(totals, buf);
    }
}

impl CollectionView<'_> {
    fn pairs(&self, area: Rect, buf: &mut Buffer) {
        let (page, store, theme) = (self.page, self.store, self.theme);
        let (width, height) = (usize::from(area.width), usize::from(area.height));
        let pairs = &page.summary.pairs;
        let top = super::scroll_top(page.selected, pairs.len(), height);
        let lines: Vec<Line> = (pairs.iter().enumerate())
            .skip(top)
            .take(height)
            .map(|(i, pair)| {
                let selected = i == page.selected;
                let base = if selected {
                    theme.selected
                } else {
                    Style::new()
                };
                let on = |style: Style| if selected { base } else { style };
                let (symbol, mark_style) = match pair.mark.status {
                    Some(status) => (status.symbol(), theme.mark(status)),
                    None => (' ', theme.dim),
                };
                let (year, title, brand) = match pair.subject {
                    Some(subject) => {
                        let facts = store.facts(subject);
                        (
                            facts
                                .date
                                .map_or("    ".to_string(), |d| format!("{:<4}", d.year)),
                            store.subject_title(subject).to_string(),
                            store
                                .brands
                                .get(facts.brand)
                                .map_or("", |b| b.name.as_str()),
                        )
                    }
                    None => ("    ".to_string(), pair.id.clone(), "not in the dataset"),
                };
                let details = pair.mark.details();
                let mut runs = vec![
                    (format!("{symbol} "), on(mark_style)),
                    (format!("{year} "), on(theme.year)),
                    (title, on(theme.title_text)),
                    (format!("  {brand}"), on(theme.brand)),
                ];
                if !details.is_empty() {
                    runs.push((format!("  {details}"), on(theme.dim)));
                }
                Line::from(fit(runs, width, Some(base)))
            })
            .collect();
        Paragraph::new(lines).render(area, buf);
    }

    fn totals(&self, area: Rect, buf: &mut Buffer) {
        let (summary, theme) = (&self.page.summary, self.theme);
        let width = usize::from(area.width);
        let mut lines: Vec<Line> = Vec::new();
        // Indented lines stay indented when they wrap.
        let mut push = |text: String, style: Style| {
            let indent = text.len() - text.trim_start().len();
            let room = width.saturating_sub(indent).max(1);
            for part in crate::output::wrap(text.trim_start(), room) {
                let part = format!("{}{part}", " ".repeat(indent));
                lines.push(Line::from(fit(vec![(part, style)], width, None)));
            }
        };
        let counted = |counts: Counts| {
            let labels = ["owned", "wanted", "sold"];
            (counts.iter().zip(labels))
                .filter(|(n, _)| **n > 0)
                .map(|(n, label)| format!("{n} {label}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !summary.spent.is_empty() {
            let spent: Vec<String> = (summary.spent.iter())
                .map(|(c, cents)| format!("{} {c}", crate::collection::format_cents(*cents)))
                .collect();
            push(format!("Spent {}", spent.join(" + ")), theme.title);
            if summary.unpriced > 0 {
                let unpriced = crate::profile::count(summary.unpriced, "pair", "pairs");
                push(format!("({unpriced} without a price)"), theme.dim);
            }
            push(String::new(), theme.text);
        }
        if summary.orphans > 0 {
            push(
                format!(
                    "{} not in the dataset (renamed ids?): Enter on one says which id it likely is",
                    crate::profile::count(summary.orphans, "mark is", "marks are")
                ),
                theme.error,
            );
            push(String::new(), theme.text);
        }
        push("By brand".to_string(), theme.title);
        for (brand, counts) in &summary.by_brand {
            push(format!("  {brand}: {}", counted(*counts)), theme.text);
        }
        push(String::new(), theme.text);
        push("By era".to_string(), theme.title);
        for (era, counts) in &summary.by_era {
            push(format!("  {era}: {}", counted(*counts)), theme.text);
        }
        if !summary.lines.is_empty() {
            push(String::new(), theme.text);
            push("Lines you own".to_string(), theme.title);
            for line in &summary.lines {
                let missing = if line.missing.is_empty() {
                    "complete".to_string()
                } else {
                    format!("missing {}", line.missing)
                };
                push(
                    format!(
                        "  {} {}: {} of {} · {missing}",
                        line.brand, line.name, line.owned, line.generations
                    ),
                    theme.text,
                );
            }
        }
        Paragraph::new(lines).render(area, buf);
    }
}
