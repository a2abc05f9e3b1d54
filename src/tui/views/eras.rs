//! The era bar: every era named in time order, the current one in full with its span and how
//! many entries are listed in it, the others shortened to fit the width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::store::Store;
use crate::text::width;
use crate::tui::theme::Theme;

use super::spans::fit;
use super::timeline::era_span;

pub struct EraBar<'a> {
    pub store: &'a Store,
    /// Listed entries per era.
    pub counts: &'a [usize],
    pub current: Option<usize>,
    pub theme: &'a Theme,
}

impl EraBar<'_> {
    /// The labels at a given shortening: the current era in full (or, at `cut` 0, by number,
    /// span and count), the others as their number and the first `cut` characters of their
    /// name (all of it when `cut` is `usize::MAX`).
    fn labels(&self, cut: usize, current_full: bool) -> Vec<String> {
        let eras = &self.store.eras;
        eras.iter()
            .enumerate()
            .map(|(i, era)| {
                let number = i + 1;
                let count = self.counts.get(i).copied().unwrap_or(0);
                if Some(i) == self.current {
                    if current_full {
                        format!(" {number} {} {} ({count}) ", era.name, era_span(era))
                    } else {
                        format!(" {number} {} ({count}) ", era_span(era))
                    }
                } else if cut == 0 {
                    format!(" {number} ")
                } else {
                    format!(" {number} {} ", shorten(&era.name, cut))
                }
            })
            .collect()
    }
}

/// The first `chars` characters of a name, with `…` when cut.
fn shorten(name: &str, chars: usize) -> String {
    if name.chars().count() <= chars {
        name.to_string()
    } else {
        let kept: String = name.chars().take(chars.saturating_sub(1)).collect();
        format!("{}…", kept.trim_end())
    }
}

impl Widget for EraBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let available = usize::from(area.width);
        let longest = (self.store.eras.iter())
            .map(|e| e.name.chars().count())
            .max()
            .unwrap_or(0);
        // From every name whole to names cut shorter and shorter, then numbers only, first with
        // the current era in full and then with it by years. A name cut to fewer than three
        // characters says nothing, so those go straight to numbers.
        let cuts = (3..=longest).rev().chain([0]);
        let candidates = [true, false]
            .into_iter()
            .flat_map(|full| cuts.clone().map(move |cut| (cut, full)));
        let labels = candidates
            .map(|(cut, full)| self.labels(if cut == longest { usize::MAX } else { cut }, full))
            .find(|labels| labels.iter().map(|l| width(l)).sum::<usize>() <= available)
            .unwrap_or_else(|| self.labels(0, false));
        let runs: Vec<(String, Style)> = labels
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let style = if Some(i) == self.current {
                    self.theme.tab_current
                } else if self.counts.get(i).copied().unwrap_or(0) == 0 {
                    self.theme.dim
                } else {
                    self.theme.tab
                };
                (text, style)
            })
            .collect();
        Paragraph::new(Line::from(fit(runs, available, None))).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cut_with_an_ellipsis() {
        assert_eq!(shorten("Jogging boom", 5), "Jogg…");
        assert_eq!(shorten("Origins", 7), "Origins");
        assert_eq!(shorten("Y2K tech runners", 4), "Y2K…");
    }
}
