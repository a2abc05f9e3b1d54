//! The collaborator page (`C`, or a collaborator link): who they are, the span of their work,
//! how much of it came each year (a sparkline), and every release they worked on across every
//! brand, grouped by brand.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Sparkline, Widget};

use crate::profile::CollaboratorProfile;
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::theme::{Theme, marker};

use super::spans::fit;

/// A line of the release list: a brand heading, or a release (a timeline position).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Brand(usize, usize),
    Release(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollaboratorPage {
    pub profile: CollaboratorProfile,
    /// The selected release, counted in [`CollaboratorProfile::releases`] order.
    pub selected: usize,
}

impl CollaboratorPage {
    pub fn new(store: &Store, collaborator: usize) -> CollaboratorPage {
        CollaboratorPage {
            profile: CollaboratorProfile::of(store, collaborator),
            selected: 0,
        }
    }

    pub fn update(&mut self, _store: &Store, action: Action) -> Option<Nav> {
        let releases: Vec<usize> = self.profile.releases().collect();
        if super::move_cursor(&mut self.selected, releases.len(), &action) {
            return None;
        }
        match action {
            Action::Submit | Action::OpenDetail | Action::Right => {
                releases.get(self.selected).map(|&p| Nav::Entry(p))
            }
            Action::Cancel | Action::Back | Action::Left => Some(Nav::Back),
            Action::OpenLineage => {
                (releases.get(self.selected)).map(|&p| Nav::Lineage(_store.timeline[p].subject()))
            }
            Action::OpenBrand => {
                (releases.get(self.selected)).map(|&p| Nav::Brand(_store.timeline[p].brand()))
            }
            _ => None,
        }
    }

    fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for (brand, positions) in &self.profile.by_brand {
            rows.push(Row::Brand(*brand, positions.len()));
            rows.extend(positions.iter().map(|&p| Row::Release(p)));
        }
        rows
    }
}

pub struct CollaboratorView<'a> {
    pub page: &'a CollaboratorPage,
    pub store: &'a Store,
    pub theme: &'a Theme,
}

impl Widget for CollaboratorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (page, store, theme) = (self.page, self.store, self.theme);
        let profile = &page.profile;
        let Some(who) = store.collaborators.get(profile.collaborator) else {
            return;
        };
        let mut title = format!(" {} · {}", who.name, who.kind.label());
        if let Some(country) = &who.country {
            title.push_str(&format!(" · {country}"));
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
        let width = usize::from(inner.width);
        let [card, spark, years, list] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(3),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(inner);
        let count: usize = profile.by_brand.iter().map(|(_, p)| p.len()).sum();
        let brands = profile.by_brand.len();
        let mut summary = format!(
            "{count} release{} with {brands} brand{}",
            plural(count),
            plural(brands)
        );
        let span = crate::profile::span(&profile.per_year);
        match span {
            Some((first, last)) if first != last => summary.push_str(&format!(" · {first}–{last}")),
            Some((year, _)) => summary.push_str(&format!(" · {year}")),
            None => {}
        }
        let aliases = if who.aliases.is_empty() {
            String::new()
        } else {
            format!("also known as {}", who.aliases.join(", "))
        };
        Paragraph::new(vec![
            Line::from(fit(vec![(summary, theme.text)], width, None)),
            Line::from(fit(vec![(aliases, theme.dim)], width, None)),
        ])
        .render(card, buf);
        if let Some((first, last)) = span {
            // One bar per year of their span, as wide as fits.
            let data: Vec<u64> = (first..=last)
                .map(|y| {
                    profile
                        .per_year
                        .get(&y)
                        .map_or(0, |c| c.iter().sum::<usize>()) as u64
                })
                .collect();
            let bar = (usize::from(spark.width) / data.len().max(1)).clamp(1, 4);
            let stretched: Vec<u64> = data
                .iter()
                .flat_map(|&n| std::iter::repeat_n(n, bar))
                .collect();
            Sparkline::default()
                .data(&stretched)
                .style(theme.collaborator)
                .render(spark, buf);
            let axis = format!(
                "{first}{:>w$}",
                last,
                w = (data.len() * bar).saturating_sub(4).max(5)
            );
            let label = if first == last {
                format!("{first}: releases per year")
            } else {
                format!("{axis}   releases per year")
            };
            Paragraph::new(Line::from(fit(vec![(label, theme.dim)], width, None)))
                .render(years, buf);
        }
        self.releases(list, buf);
    }
}

impl CollaboratorView<'_> {
    fn releases(&self, area: Rect, buf: &mut Buffer) {
        let (page, store, theme) = (self.page, self.store, self.theme);
        let (width, height) = (usize::from(area.width), usize::from(area.height));
        if width == 0 || height == 0 {
            return;
        }
        let rows = page.rows();
        let selected_position = page.profile.releases().nth(page.selected);
        let selected_row = rows
            .iter()
            .position(|r| Some(*r) == selected_position.map(Row::Release))
            .unwrap_or(0);
        let top = super::scroll_top(selected_row, rows.len(), height);
        let lines: Vec<Line> = (rows.iter().enumerate())
            .skip(top)
            .take(height)
            .map(|(i, row)| match *row {
                Row::Brand(brand, n) => Line::from(fit(
                    vec![(format!("{} ({n})", store.brands[brand].name), theme.brand)],
                    width,
                    None,
                )),
                Row::Release(p) => {
                    let entry = &store.timeline[p];
                    let selected = i == selected_row;
                    let base = if selected {
                        theme.selected
                    } else {
                        Style::new()
                    };
                    let on = |style: Style| if selected { base } else { style };
                    let runs = vec![
                        (format!("  {:<4} ", entry.date.year), on(theme.year)),
                        (
                            format!("{} ", marker(entry.kind)),
                            on(theme.kind(entry.kind)),
                        ),
                        (store.title_of(entry).to_string(), on(theme.title_text)),
                    ];
                    Line::from(fit(runs, width, Some(base)))
                }
            })
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
