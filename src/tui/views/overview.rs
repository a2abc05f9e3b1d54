//! The overview (`s`): the whole history at a glance. Entries per year, stacked by kind or by
//! brand (`t` switches), the eras as bands under the years, and the dataset's counts. A year
//! (the cursor) or an era (its number) jumps the timeline there.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::profile::History;
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::theme::Theme;

use super::brand::kind_series;
use super::chart::{Series, YearChart};
use super::spans::fit;
use crate::profile::count;

/// How the columns are stacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakdown {
    Kind,
    Brand,
}

/// How many brands get their own colour when stacking by brand; the rest are "others".
const BRANDS_SHOWN: usize = 7;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub history: History,
    pub breakdown: Breakdown,
    /// The year under the cursor.
    pub year: i32,
}

impl Overview {
    /// The overview with its cursor on `year` (or the latest year).
    pub fn new(store: &Store, year: Option<i32>) -> Overview {
        let history = History::of(store);
        let latest = history.per_year.keys().next_back().copied().unwrap_or(2000);
        Overview {
            history,
            breakdown: Breakdown::Kind,
            year: year.unwrap_or(latest),
        }
    }

    fn span(&self) -> Option<(i32, i32)> {
        crate::profile::span(&self.history.per_year)
    }

    pub fn update(&mut self, store: &Store, action: Action) -> Option<Nav> {
        let (first, last) = self.span()?;
        let era_starts: Vec<i32> = store.eras.iter().map(|e| e.start.max(first)).collect();
        match action {
            Action::Left | Action::Up => self.year -= 1,
            Action::Right | Action::Down => self.year += 1,
            Action::PageUp => self.year -= 10,
            Action::PageDown => self.year += 10,
            Action::Top => self.year = first,
            Action::Bottom => self.year = last,
            Action::PrevEra => {
                let start = era_starts.iter().rev().find(|&&s| s < self.year);
                self.year = start.copied().unwrap_or(first);
            }
            Action::NextEra => {
                let start = era_starts.iter().find(|&&s| s > self.year);
                self.year = start.copied().unwrap_or(self.year);
            }
            Action::Era(n) => return era_starts.get(n).map(|&y| Nav::Year(y)),
            Action::SwitchBreakdown => {
                self.breakdown = match self.breakdown {
                    Breakdown::Kind => Breakdown::Brand,
                    Breakdown::Brand => Breakdown::Kind,
                };
            }
            Action::Submit => return Some(Nav::Year(self.year)),
            Action::Cancel | Action::Back => return Some(Nav::Back),
            _ => {}
        }
        self.year = self.year.clamp(first, last);
        None
    }

    /// The chart's series for the current breakdown over `first..=last`.
    fn series(&self, store: &Store, first: i32, last: i32, theme: &Theme) -> Vec<Series> {
        match self.breakdown {
            Breakdown::Kind => kind_series(&self.history.per_year, first, last, theme),
            Breakdown::Brand => {
                let mut brands: Vec<usize> = (0..store.brands.len()).collect();
                let total = |b: &usize| -> usize { self.history.per_brand[*b].values().sum() };
                brands.sort_by_key(|b| std::cmp::Reverse(total(b)));
                let (shown, others) = brands.split_at(brands.len().min(BRANDS_SHOWN));
                let counts = |of: &[usize]| -> Vec<u64> {
                    (first..=last)
                        .map(|y| {
                            (of.iter())
                                .map(|&b| self.history.per_brand[b].get(&y).copied().unwrap_or(0))
                                .sum::<usize>() as u64
                        })
                        .collect()
                };
                let mut series: Vec<Series> = (shown.iter().enumerate())
                    .map(|(i, &b)| Series {
                        name: store.brands[b].name.to_string(),
                        style: theme.palette(i),
                        glyph: theme.glyph(i),
                        counts: counts(&[b]),
                    })
                    .collect();
                if !others.is_empty() {
                    series.push(Series {
                        name: "others".into(),
                        style: theme.dim,
                        glyph: theme.glyph(BRANDS_SHOWN),
                        counts: counts(others),
                    });
                }
                series
            }
        }
    }
}

pub struct OverviewView<'a> {
    pub overview: &'a Overview,
    pub store: &'a Store,
    pub theme: &'a Theme,
}

impl Widget for OverviewView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (overview, store, theme) = (self.overview, self.store, self.theme);
        let counts = |i: usize| -> usize { overview.history.per_year.values().map(|c| c[i]).sum() };
        let parts = [
            format!("Overview · {} entries", store.timeline.len()),
            crate::profile::kinds_counted([counts(0), counts(1), counts(2)]),
            format!("{} brands", store.brands.len()),
            format!("{} collaborators", store.collaborators.len()),
        ];
        let title = super::title_that_fits(&parts, usize::from(area.width).saturating_sub(4));
        let block = Block::bordered()
            .title(title)
            .border_style(theme.border_focused);
        let inner = block.inner(area);
        block.render(area, buf);
        let Some((first, last)) = overview.span() else {
            return;
        };
        if inner.width < 4 || inner.height < 4 {
            return;
        }
        let width = usize::from(inner.width);
        let [caption, chart, legend] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .areas(inner);
        let year = overview.year;
        let at = overview
            .history
            .per_year
            .get(&year)
            .copied()
            .unwrap_or_default();
        let era = store
            .eras
            .iter()
            .rposition(|e| e.start <= year)
            .map(|e| format!(" · era {} {}", e + 1, store.eras[e].name))
            .unwrap_or_default();
        let text = format!(
            "{year}: {} ({}){era}",
            count(at.iter().sum(), "entry", "entries"),
            crate::profile::kinds_counted(at)
        );
        Paragraph::new(Line::from(fit(vec![(text, theme.key)], width, None))).render(caption, buf);
        let series = overview.series(store, first, last, theme);
        YearChart {
            first,
            last,
            series: &series,
            eras: &store.eras,
            cursor: Some(year),
            theme,
        }
        .render(chart, buf);
        let mut runs: Vec<(String, Style)> = Vec::new();
        for s in &series {
            runs.push((format!("{}", s.glyph), s.style));
            runs.push((format!(" {}  ", s.name), theme.dim));
        }
        let switch = match overview.breakdown {
            crate::tui::views::overview::Breakdown::Kind => "t: by brand",
            crate::tui::views::overview::Breakdown::Brand => "t: by kind",
        };
        runs.push((format!("  {switch}"), theme.key));
        Paragraph::new(Line::from(fit(runs, width, None))).render(legend, buf);
    }
}
