//! The brand page (`B`, or a brand link): the brand's card, a chart of its models, reissues and
//! collabs per year with the eras marked, its lines with their first and latest years, and the
//! collaborators it worked with most. A year of the chart or a line narrows the timeline to it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::profile::{BrandProfile, PerYear};
use crate::store::{EntryKind, Store, Subject};
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::theme::Theme;

use super::chart::{Series, YearChart};
use super::spans::fit;

/// The part of the page the keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Chart,
    Lines,
    Collaborators,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrandPage {
    pub profile: BrandProfile,
    pub section: Section,
    /// The year under the chart's cursor.
    pub year: i32,
    pub line: usize,
    pub collaborator: usize,
}

impl BrandPage {
    pub fn new(store: &Store, brand: usize) -> BrandPage {
        let profile = BrandProfile::of(store, brand);
        let year = profile.per_year.keys().next_back().copied().unwrap_or(2000);
        let section = if profile.per_year.is_empty() {
            Section::Lines
        } else {
            Section::Chart
        };
        BrandPage {
            profile,
            section,
            year,
            line: 0,
            collaborator: 0,
        }
    }

    pub fn update(&mut self, store: &Store, action: Action) -> Option<Nav> {
        let brand_id = store.brands.get(self.profile.brand)?.id.to_string();
        match action {
            Action::Cancel | Action::Back => return Some(Nav::Back),
            Action::NextSection | Action::PrevSection => {
                let order = [Section::Chart, Section::Lines, Section::Collaborators];
                let at = order.iter().position(|s| *s == self.section).unwrap_or(0);
                let step = if action == Action::NextSection { 1 } else { 2 };
                self.section = order[(at + step) % 3];
                return None;
            }
            _ => {}
        }
        match self.section {
            Section::Chart => match action {
                Action::Left | Action::Up => {
                    self.year = step_year(&self.profile.per_year, self.year, -1)
                }
                Action::Right | Action::Down => {
                    self.year = step_year(&self.profile.per_year, self.year, 1)
                }
                Action::Top => self.year = self.profile.per_year.keys().next().copied()?,
                Action::Bottom => self.year = self.profile.per_year.keys().next_back().copied()?,
                Action::Submit => {
                    return Some(Nav::Search(format!("brand:{brand_id} year:{}", self.year)));
                }
                _ => {}
            },
            Section::Lines => {
                if super::move_cursor(&mut self.line, self.profile.lines.len(), &action) {
                    return None;
                }
                let line = self.profile.lines.get(self.line)?;
                match action {
                    Action::Submit => {
                        let name = line.name.replace(char::is_whitespace, "-");
                        return Some(Nav::Search(format!("brand:{brand_id} line:{name}")));
                    }
                    Action::OpenLineage => return Some(Nav::Lineage(Subject::Model(line.model))),
                    _ => {}
                }
            }
            Section::Collaborators => {
                let len = self.profile.collaborators.len();
                if super::move_cursor(&mut self.collaborator, len, &action) {
                    return None;
                }
                if matches!(action, Action::Submit | Action::OpenCollaborator) {
                    let (c, _) = self.profile.collaborators.get(self.collaborator)?;
                    return Some(Nav::Collaborator(*c));
                }
            }
        }
        None
    }
}

/// The next (or previous) year with entries.
fn step_year(years: &PerYear, year: i32, direction: i32) -> i32 {
    let next = if direction > 0 {
        years.range(year + 1..).next()
    } else {
        years.range(..year).next_back()
    };
    next.map_or(year, |(y, _)| *y)
}

/// The three kinds as chart series, over the years `first..=last`.
pub fn kind_series(per_year: &PerYear, first: i32, last: i32, theme: &Theme) -> Vec<Series> {
    let kinds = [
        (EntryKind::Model, "models", 0),
        (EntryKind::Reissue, "reissues", 1),
        (EntryKind::Collab, "collabs", 2),
    ];
    kinds
        .into_iter()
        .map(|(kind, name, i)| Series {
            name: name.to_string(),
            style: theme.kind(kind),
            glyph: theme.glyph(i),
            counts: (first..=last)
                .map(|y| per_year.get(&y).map_or(0, |c| c[i] as u64))
                .collect(),
        })
        .collect()
}

pub struct BrandView<'a> {
    pub page: &'a BrandPage,
    pub store: &'a Store,
    pub theme: &'a Theme,
}

impl Widget for BrandView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (page, store, theme) = (self.page, self.store, self.theme);
        let profile = &page.profile;
        let Some(brand) = store.brands.get(profile.brand) else {
            return;
        };
        let mut title = format!(" {}", brand.name);
        if let Some(country) = &brand.country {
            title.push_str(&format!(" · {country}"));
        }
        if let Some(founded) = brand.founded {
            title.push_str(&format!(" · founded {founded}"));
        }
        title.push(' ');
        let block = Block::bordered()
            .title(title)
            .border_style(theme.border_focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width < 4 || inner.height < 3 {
            return;
        }
        let chart_height = (inner.height.saturating_sub(2) / 2).max(3);
        let [card, chart, lists] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(chart_height),
            Constraint::Min(0),
        ])
        .areas(inner);
        let width = usize::from(card.width);
        let entries = profile.models + profile.reissues + profile.collabs;
        let mut summary = format!(
            "{}: {}",
            crate::profile::count(entries, "entry", "entries"),
            crate::profile::kinds_counted([profile.models, profile.reissues, profile.collabs])
        );
        if profile.undated > 0 {
            summary.push_str(&format!(", plus {} undated generations", profile.undated));
        }
        if let Some((first, last)) = crate::profile::span(&profile.per_year) {
            summary.push_str(&format!(" · {first}–{last}"));
        }
        let source = brand.sources.first().map(|s| {
            let by = store.publisher_of(&s.url).map(|p| p.name.to_string());
            format!("Founding: {}", by.unwrap_or_else(|| s.title.to_string()))
        });
        let card_lines = vec![
            Line::from(fit(vec![(summary, theme.text)], width, None)),
            Line::from(fit(
                vec![(source.unwrap_or_default(), theme.dim)],
                width,
                None,
            )),
        ];
        Paragraph::new(card_lines).render(card, buf);
        self.chart(chart, buf);
        let [lines_area, collaborators_area] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(lists);
        self.lines(lines_area, buf);
        self.collaborators(collaborators_area, buf);
    }
}

impl BrandView<'_> {
    fn chart(&self, area: Rect, buf: &mut Buffer) {
        let (page, store, theme) = (self.page, self.store, self.theme);
        let Some((first, last)) = crate::profile::span(&page.profile.per_year) else {
            return;
        };
        let series = kind_series(&page.profile.per_year, first, last, theme);
        let focused = page.section == Section::Chart;
        let counts = page
            .profile
            .per_year
            .get(&page.year)
            .copied()
            .unwrap_or_default();
        let caption = format!(
            "{}: {}{}",
            page.year,
            crate::profile::kinds_counted(counts),
            if focused {
                "   ←→ year  Enter: list them"
            } else {
                ""
            }
        );
        let [caption_area, chart_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let style = if focused { theme.key } else { theme.dim };
        Paragraph::new(Line::from(fit(
            vec![(caption, style)],
            usize::from(area.width),
            None,
        )))
        .render(caption_area, buf);
        YearChart {
            first,
            last,
            series: &series,
            eras: &store.eras,
            cursor: focused.then_some(page.year),
            theme,
        }
        .render(chart_area, buf);
    }

    fn lines(&self, area: Rect, buf: &mut Buffer) {
        let (page, theme) = (self.page, self.theme);
        let focused = page.section == Section::Lines;
        let lines = &page.profile.lines;
        let row = |i: usize| {
            let line = &lines[i];
            {
                let years = match (line.first, line.latest) {
                    (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                    (Some(a), _) => a.to_string(),
                    _ => "undated".to_string(),
                };
                let count = match line.undated {
                    0 => crate::profile::count(line.generations, "model", "models"),
                    n => format!(
                        "{}, {n} undated",
                        crate::profile::count(line.generations, "model", "models")
                    ),
                };
                vec![
                    (format!(" {}", line.name), theme.title_text),
                    (format!("  {years}"), theme.year),
                    (format!("  {count}"), theme.dim),
                ]
            }
        };
        let hint = if focused {
            "Enter list · l lineage"
        } else {
            ""
        };
        let rows = Rows {
            len: lines.len(),
            row: &row,
        };
        list_box(area, buf, " Lines ", hint, rows, page.line, focused, theme);
    }

    fn collaborators(&self, area: Rect, buf: &mut Buffer) {
        let (page, store, theme) = (self.page, self.store, self.theme);
        let focused = page.section == Section::Collaborators;
        let collaborators = &page.profile.collaborators;
        let row = |i: usize| {
            let (c, n) = collaborators[i];
            {
                vec![
                    (
                        format!(" {}", store.collaborators[c].name),
                        theme.collaborator,
                    ),
                    (format!("  {n}"), theme.dim),
                ]
            }
        };
        let hint = if focused { "Enter: their page" } else { "" };
        let rows = Rows {
            len: collaborators.len(),
            row: &row,
        };
        list_box(
            area,
            buf,
            " Collaborators ",
            hint,
            rows,
            page.collaborator,
            focused,
            theme,
        );
    }
}

/// The rows of a [`list_box`]: how many, and how to make one (only the visible ones are made,
/// so a list of thousands costs what a screenful does).
pub struct Rows<'a> {
    pub len: usize,
    pub row: &'a dyn Fn(usize) -> Vec<(String, Style)>,
}

/// A bordered list with a selection that stays in view, shared by the brand and collaborator
/// pages.
#[allow(clippy::too_many_arguments)]
pub fn list_box(
    area: Rect,
    buf: &mut Buffer,
    title: &str,
    hint: &str,
    rows: Rows,
    selected: usize,
    focused: bool,
    theme: &Theme,
) {
    let mut block = Block::bordered()
        .title(title.to_string())
        .border_style(theme.border_for(focused));
    if !hint.is_empty() {
        block = block.title_bottom(Line::from(format!(" {hint} ")).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    if width == 0 || height == 0 {
        return;
    }
    if rows.len == 0 {
        Paragraph::new(Line::from(fit(
            vec![("none".into(), theme.dim)],
            width,
            None,
        )))
        .render(inner, buf);
        return;
    }
    let top = super::scroll_top(selected, rows.len, height);
    let lines: Vec<Line> = (top..rows.len.min(top + height))
        .map(|i| {
            let runs = (rows.row)(i);
            if i == selected && focused {
                let runs = runs.into_iter().map(|(t, _)| (t, theme.selected)).collect();
                Line::from(fit(runs, width, Some(theme.selected)))
            } else {
                Line::from(fit(runs, width, None))
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
