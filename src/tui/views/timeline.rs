//! The timeline list: the entries listed (the filtered timeline in date order, or search results
//! best first) with era headings between them, the selection and the scroll; and the widget
//! that draws the visible lines.
//!
//! The list is virtual: a million entries are a list of their positions, the era headings a
//! short list of where each era begins, and only the lines on screen are ever formatted.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::search::{Hit, SearchIndex};
use crate::store::Store;
use crate::tui::theme::{Theme, marker};

use super::spans::{fit, highlighted};

/// The entries listed.
#[derive(Debug, Clone, PartialEq)]
pub enum Rows {
    /// Timeline positions in date order: the timeline, filtered or not.
    Ordered(Arc<Vec<u32>>),
    /// Search results, best first.
    Ranked(Vec<Hit>),
}

/// One line of the list: an era heading, or a listed row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListLine {
    Era(usize),
    Row(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    rows: Rows,
    /// In date order, each era heading as (the first row of the era, the era).
    breaks: Vec<(usize, usize)>,
    /// How many listed rows fall in each era.
    pub era_counts: Vec<usize>,
    /// The selected row.
    pub selected: usize,
    /// The first visible line.
    pub offset: usize,
}

impl Default for Listing {
    fn default() -> Self {
        Listing {
            rows: Rows::Ordered(Arc::default()),
            breaks: Vec::new(),
            era_counts: Vec::new(),
            selected: 0,
            offset: 0,
        }
    }
}

impl Listing {
    pub fn len(&self) -> usize {
        match &self.rows {
            Rows::Ordered(positions) => positions.len(),
            Rows::Ranked(hits) => hits.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when the rows are search results ranked best first.
    pub fn is_ranked(&self) -> bool {
        matches!(self.rows, Rows::Ranked(_))
    }

    /// The timeline position of a listed row.
    pub fn entry(&self, row: usize) -> Option<usize> {
        match &self.rows {
            Rows::Ordered(positions) => positions.get(row).map(|&p| p as usize),
            Rows::Ranked(hits) => hits.get(row).map(|h| h.entry),
        }
    }

    pub fn selected_entry(&self) -> Option<usize> {
        self.entry(self.selected)
    }

    /// Every listed timeline position, in list order.
    pub fn entries(&self) -> Vec<usize> {
        (0..self.len()).filter_map(|r| self.entry(r)).collect()
    }

    /// The row listing a timeline position, if it is listed.
    pub fn row_of_entry(&self, entry: usize) -> Option<usize> {
        match &self.rows {
            Rows::Ordered(positions) => positions.binary_search(&(entry as u32)).ok(),
            Rows::Ranked(hits) => hits.iter().position(|h| h.entry == entry),
        }
    }

    /// Lines of the list: the rows and the era headings between them.
    pub fn line_count(&self) -> usize {
        self.len() + self.breaks.len()
    }

    /// What the list shows at a line.
    pub fn line(&self, line: usize) -> Option<ListLine> {
        // Heading k stands at line `breaks[k].0 + k`; count the headings at or above `line`.
        let (mut low, mut high) = (0, self.breaks.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.breaks[mid].0 + mid <= line {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let headings = low;
        if let Some(&(row, era)) = headings.checked_sub(1).and_then(|k| self.breaks.get(k))
            && row + headings - 1 == line
        {
            return Some(ListLine::Era(era));
        }
        let row = line - headings;
        (row < self.len()).then_some(ListLine::Row(row))
    }

    /// The line a row stands on.
    pub fn line_of_row(&self, row: usize) -> usize {
        row + self.breaks.partition_point(|&(first, _)| first <= row)
    }

    /// Lists `rows`, selecting the row of `keep` (or the nearest entry after it in date order,
    /// or the first row).
    pub fn show(&mut self, store: &Store, rows: Rows, keep: Option<usize>, height: usize) {
        self.rows = rows;
        self.era_counts = vec![0; store.eras.len()];
        self.breaks.clear();
        match &self.rows {
            Rows::Ordered(positions) => {
                // Eras are contiguous on the timeline: each one's rows are found by halving.
                for era in 0..store.eras.len() {
                    let range = store.entries_of_era(era);
                    let first = positions.partition_point(|&p| (p as usize) < range.start);
                    let end = positions.partition_point(|&p| (p as usize) < range.end);
                    self.era_counts[era] = end - first;
                    if end > first {
                        self.breaks.push((first, era));
                    }
                }
            }
            Rows::Ranked(hits) => {
                for hit in hits {
                    if let Some(count) = self.era_counts.get_mut(store.timeline[hit.entry].era()) {
                        *count += 1;
                    }
                }
            }
        }
        let row = match keep {
            Some(entry) => self.row_of_entry(entry).unwrap_or(match &self.rows {
                Rows::Ordered(positions) => positions.partition_point(|&p| (p as usize) < entry),
                Rows::Ranked(_) => 0,
            }),
            None => 0,
        };
        self.selected = row.min(self.len().saturating_sub(1));
        self.offset = 0;
        self.scroll_into_view(height);
    }

    /// Moves the selection by `delta` rows, staying in the list.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        if !self.is_empty() {
            self.select(clamp_add(self.selected, delta, self.len()), height);
        }
    }

    pub fn select(&mut self, row: usize, height: usize) {
        self.selected = row.min(self.len().saturating_sub(1));
        self.scroll_into_view(height);
    }

    /// Moves the scroll so the selected row is visible, with its era heading when it has one
    /// just above.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.is_empty() {
            self.offset = 0;
            return;
        }
        let line = self.line_of_row(self.selected);
        let heading =
            usize::from(line > 0 && matches!(self.line(line - 1), Some(ListLine::Era(_))));
        if line < self.offset + heading {
            self.offset = line - heading;
        } else if line >= self.offset + height {
            self.offset = line + 1 - height;
        }
        self.offset = self.offset.min(self.line_count().saturating_sub(height));
    }

    /// Selects a row and scrolls it (with its era heading) to the top, as far as the list
    /// allows: an era jump shows as much of the new era as fits.
    pub fn select_at_top(&mut self, row: usize, height: usize) {
        self.select(row, height);
        let line = self.line_of_row(self.selected);
        let heading =
            usize::from(line > 0 && matches!(self.line(line - 1), Some(ListLine::Era(_))));
        self.offset = (line - heading).min(self.line_count().saturating_sub(height.max(1)));
    }

    /// The first listed row of an era.
    pub fn first_row_of_era(&self, store: &Store, era: usize) -> Option<usize> {
        match &self.rows {
            Rows::Ordered(_) => self.breaks.iter().find(|b| b.1 == era).map(|b| b.0),
            Rows::Ranked(hits) => hits
                .iter()
                .position(|h| store.timeline[h.entry].era() == era),
        }
    }
}

pub fn clamp_add(value: usize, delta: isize, len: usize) -> usize {
    let last = len.saturating_sub(1) as isize;
    (value as isize).saturating_add(delta).clamp(0, last.max(0)) as usize
}

/// Columns taken by the year gutter and the marker: "2008 ● ".
const GUTTER: usize = 7;

/// With a collection, two more for the mark: "2008 ● ✓ ".
const MARK_GUTTER: usize = 2;

/// Draws the visible lines of a [`Listing`].
pub struct TimelineView<'a> {
    pub listing: &'a Listing,
    /// The collection's marks, shown beside the kind when there are any.
    pub marks: &'a crate::tui::marks::Marks,
    pub store: &'a Store,
    pub index: &'a SearchIndex,
    /// The words of the search, whose matches are highlighted.
    pub words: &'a [String],
    pub theme: &'a Theme,
    pub focused: bool,
    /// Why the list is empty, when it is.
    pub empty_message: &'a str,
}

impl Widget for TimelineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, listing) = (self.theme, self.listing);
        let title = if listing.is_ranked() {
            " Results, best first "
        } else {
            " Timeline "
        };
        let block = Block::bordered()
            .title(title)
            .border_style(theme.border_for(self.focused));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let width = usize::from(inner.width);
        if listing.is_empty() {
            let runs = vec![(self.empty_message.to_string(), theme.dim)];
            Paragraph::new(Line::from(fit(runs, width, None))).render(inner, buf);
            return;
        }
        let height = usize::from(inner.height);
        let mut previous_year = None;
        let lines: Vec<Line> = (listing.offset..listing.offset + height)
            .map_while(|l| listing.line(l))
            .map(|line| match line {
                ListLine::Era(era) => {
                    previous_year = None;
                    self.era_heading(era, width)
                }
                ListLine::Row(row) => {
                    let entry = listing.entry(row).unwrap_or(0);
                    let year = self.store.timeline[entry].date.year;
                    let show_year = listing.is_ranked() || previous_year != Some(year);
                    previous_year = Some(year);
                    self.entry_line(listing, row, show_year, width)
                }
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
        let total = listing.line_count();
        if total > height {
            let mut state =
                ScrollbarState::new(total.saturating_sub(height)).position(listing.offset);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .thumb_style(theme.border_focused)
                .track_style(theme.border)
                .render(area.inner(Margin::new(0, 1)), buf, &mut state);
        }
    }
}

impl TimelineView<'_> {
    fn era_heading(&self, era: usize, width: usize) -> Line<'static> {
        let era = &self.store.eras[era];
        let text = format!("── {} · {} ", era.name, era_span(era));
        let rule = "─".repeat(width.saturating_sub(crate::text::width(&text)));
        Line::from(fit(
            vec![(format!("{text}{rule}"), self.theme.era_heading)],
            width,
            None,
        ))
    }

    fn entry_line(
        &self,
        listing: &Listing,
        row: usize,
        show_year: bool,
        width: usize,
    ) -> Line<'static> {
        let (store, theme) = (self.store, self.theme);
        let position = listing.entry(row).unwrap_or(0);
        let entry = &store.timeline[position];
        let selected = row == listing.selected;
        let base = match (selected, self.focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => Style::new(),
        };
        let on = |style: Style| if selected { base } else { style };
        let year = if show_year {
            format!("{:<4} ", entry.date.year)
        } else {
            "     ".to_string()
        };
        let mut gutter = vec![
            (year, on(theme.year)),
            (marker(entry.kind).to_string(), on(theme.kind(entry.kind))),
            (" ".to_string(), base),
        ];
        let gutter_width = if self.marks.any() {
            match self.marks.status_at(position) {
                Some(status) => {
                    gutter.push((format!("{} ", status.symbol()), on(theme.mark(status))))
                }
                None => gutter.push(("  ".to_string(), base)),
            }
            GUTTER + MARK_GUTTER
        } else {
            GUTTER
        };
        let rest = width.saturating_sub(gutter_width);
        let title_width = if rest >= 40 { rest * 11 / 20 } else { rest };
        let positions = if self.words.is_empty() {
            Vec::new()
        } else {
            self.index.title_positions(store, position, self.words)
        };
        let title = highlighted(
            store.title_of(entry),
            &positions,
            on(theme.title_text),
            theme.matched,
        );
        let mut spans = fit(gutter, gutter_width.min(width), Some(base));
        spans.extend(fit(title, title_width, Some(base)));
        let info_width = rest - title_width;
        if info_width > 2 {
            let mut info = vec![(format!(" {}", store.brand_name(entry)), on(theme.brand))];
            let collaborators = store.collaborator_names(entry);
            if !collaborators.is_empty() {
                info.push((
                    format!(" × {}", collaborators.join(", ")),
                    on(theme.collaborator),
                ));
            }
            spans.extend(fit(info, info_width, Some(base)));
        }
        Line::from(spans)
    }
}

/// "1990–1999", or "2020–" for an era that runs to today.
pub fn era_span(era: &crate::model::Era) -> String {
    match era.end {
        Some(end) => format!("{}–{end}", era.start),
        None => format!("{}–", era.start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A listing whose lines are worked out one by one, the plain way.
    fn plain_lines(listing: &Listing) -> Vec<ListLine> {
        let mut lines = Vec::new();
        for row in 0..listing.len() {
            if let Some(&(_, era)) = listing.breaks.iter().find(|b| b.0 == row) {
                lines.push(ListLine::Era(era));
            }
            lines.push(ListLine::Row(row));
        }
        lines
    }

    #[test]
    fn lines_found_by_halving_are_the_lines_counted_one_by_one() {
        for breaks in [
            vec![],
            vec![(0, 0)],
            vec![(0, 2), (3, 4), (4, 5), (9, 7)],
            vec![(2, 1), (5, 3)],
        ] {
            let listing = Listing {
                rows: Rows::Ordered(Arc::new((0..12).collect())),
                breaks,
                ..Listing::default()
            };
            let plain = plain_lines(&listing);
            assert_eq!(listing.line_count(), plain.len());
            for (n, expected) in plain.iter().enumerate() {
                assert_eq!(listing.line(n), Some(*expected), "line {n}");
                if let ListLine::Row(row) = expected {
                    assert_eq!(listing.line_of_row(*row), n);
                }
            }
            assert_eq!(listing.line(plain.len()), None);
        }
    }
}
