//! A column chart of counts per year: stacked series (kinds, or brands), the years binned to
//! the width so the whole span fits any terminal, a labelled axis, a band of eras under it,
//! and a cursor on one column. Shared by the overview and the brand page.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::model::Era;
use crate::tui::theme::Theme;

/// One stacked part of every column: a name for the legend, how it is drawn, and its count for
/// each year from the chart's first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    pub style: Style,
    /// The character that fills a whole cell of this series; a column's top cell is drawn with
    /// a partial block. Distinct glyphs keep series apart without colour.
    pub glyph: char,
    pub counts: Vec<u64>,
}

/// How years are spread over the columns of a given width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bins {
    pub first: i32,
    pub years_per_column: i32,
    pub columns: usize,
    /// The cells the columns share: each takes its part of them, so the chart fills the width.
    pub width: u16,
}

impl Bins {
    /// Spreads the years `first..=last` over `width` cells: as many years per column as needed
    /// to fit, each column as wide as its share of the width.
    pub fn new(first: i32, last: i32, width: u16) -> Bins {
        let years = (last - first + 1).max(1);
        let cells = i32::from(width.max(1));
        let years_per_column = (years + cells - 1) / cells;
        let columns = (years + years_per_column - 1) / years_per_column;
        Bins {
            first,
            years_per_column,
            columns: columns as usize,
            width: width.max(1),
        }
    }

    /// Where a column starts, in cells from the chart's left edge.
    pub fn x(&self, column: usize) -> u16 {
        (column * usize::from(self.width) / self.columns.max(1)) as u16
    }

    /// The cells a column takes.
    pub fn column_width(&self, column: usize) -> u16 {
        self.x(column + 1) - self.x(column)
    }

    /// The years a column covers.
    pub fn years(&self, column: usize) -> (i32, i32) {
        let start = self.first + column as i32 * self.years_per_column;
        (start, start + self.years_per_column - 1)
    }

    /// The column holding a year (clamped to the chart).
    pub fn column_of(&self, year: i32) -> usize {
        let column = (year - self.first).max(0) / self.years_per_column;
        (column as usize).min(self.columns.saturating_sub(1))
    }
}

pub struct YearChart<'a> {
    pub first: i32,
    pub last: i32,
    pub series: &'a [Series],
    pub eras: &'a [Era],
    /// The year under the cursor.
    pub cursor: Option<i32>,
    pub theme: &'a Theme,
}

/// Rows under the bars: the year labels and the era band.
const FOOT: u16 = 2;

impl YearChart<'_> {
    /// The width of the count labels at the left.
    fn margin(&self, max: u64) -> u16 {
        (max.to_string().len() as u16) + 2
    }

    /// The bins this chart uses in an area.
    pub fn bins(&self, area: Rect) -> Bins {
        let max = self.max_total(Bins::new(self.first, self.last, area.width));
        let plot = area.width.saturating_sub(self.margin(max));
        Bins::new(self.first, self.last, plot)
    }

    /// Each series' count in a column.
    fn column_counts(&self, bins: Bins, column: usize) -> Vec<u64> {
        let (start, end) = bins.years(column);
        self.series
            .iter()
            .map(|s| {
                (start..=end)
                    .filter_map(|y| s.counts.get((y - self.first) as usize))
                    .sum()
            })
            .collect()
    }

    fn max_total(&self, bins: Bins) -> u64 {
        (0..bins.columns)
            .map(|c| self.column_counts(bins, c).iter().sum::<u64>())
            .max()
            .unwrap_or(0)
    }
}

impl Widget for YearChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 4 || area.height < FOOT + 1 || self.series.is_empty() {
            return;
        }
        let theme = self.theme;
        let bins = self.bins(area);
        let max = self.max_total(bins).max(1);
        let margin = self.margin(max);
        let plot_x = area.x + margin;
        let bar_rows = area.height - FOOT;
        let bottom = area.y + bar_rows - 1;
        // The count axis: the largest column's count at the top, 0 at the bottom.
        let top_label = format!("{max:>w$} ┤", w = usize::from(margin - 2));
        buf.set_stringn(area.x, area.y, &top_label, usize::from(margin), theme.dim);
        let zero = format!("{:>w$} ┤", 0, w = usize::from(margin - 2));
        buf.set_stringn(area.x, bottom, &zero, usize::from(margin), theme.dim);
        for y in area.y + 1..bottom {
            buf.set_stringn(area.x + margin - 1, y, "│", 1, theme.dim);
        }
        let cursor = self.cursor.map(|y| bins.column_of(y));
        let eighths = u64::from(bar_rows) * 8;
        for column in 0..bins.columns {
            let (x, column_width) = (plot_x + bins.x(column), bins.column_width(column));
            if x + column_width > area.right() {
                break;
            }
            let counts = self.column_counts(bins, column);
            // Cumulative heights in eighths of a cell, rounded so any count shows.
            let mut tops = Vec::with_capacity(counts.len());
            let mut sum = 0;
            for count in &counts {
                sum += count;
                let height = (sum * eighths).div_ceil(max);
                tops.push(if sum > 0 { height.max(1) } else { 0 });
            }
            let selected = cursor == Some(column);
            for row in 0..u64::from(bar_rows) {
                let y = bottom - row as u16;
                let (low, high) = (row * 8, row * 8 + 8);
                let total = tops.last().copied().unwrap_or(0);
                if total <= low {
                    // Above the bar, the cursor is a thin line, so it never reads as a bar.
                    if selected {
                        buf.set_string(x + (column_width - 1) / 2, y, "┊", theme.chart_cursor);
                    }
                    continue;
                }
                // The series whose part covers the middle of this cell, or the top one.
                let middle = low + 4;
                let index = tops
                    .iter()
                    .position(|&t| t > middle)
                    .unwrap_or(tops.len() - 1);
                let series = &self.series[index];
                let symbol = if total >= high {
                    series.glyph.to_string()
                } else {
                    partial_block(total - low).to_string()
                };
                let style = series.style;
                for dx in 0..column_width {
                    buf.set_string(x + dx, y, &symbol, style);
                }
            }
        }
        self.draw_year_labels(bins, plot_x, bottom + 1, area, buf);
        if let Some(column) = cursor {
            let x = plot_x + bins.x(column) + (bins.column_width(column) - 1) / 2;
            if x < area.right() {
                buf.set_string(x, bottom + 1, "▲", theme.chart_cursor);
            }
        }
        self.draw_era_band(bins, plot_x, bottom + 2, area, buf);
    }
}

impl YearChart<'_> {
    /// Years under the axis, at decade starts where they fit without touching.
    fn draw_year_labels(&self, bins: Bins, x0: u16, y: u16, area: Rect, buf: &mut Buffer) {
        let mut free_from = x0;
        for column in 0..bins.columns {
            let (start, end) = bins.years(column);
            let decade = (start..=end).find(|y| y % 10 == 0);
            let Some(year) = decade.filter(|y| bins.years_per_column < 10 || y % 50 == 0) else {
                continue;
            };
            let x = x0 + bins.x(column);
            let label = format!("{year}");
            if x >= free_from && x + label.len() as u16 <= area.right() {
                buf.set_string(x, y, &label, self.theme.dim);
                free_from = x + label.len() as u16 + 1;
            }
        }
    }

    /// The eras as bands under the years, each with its number (and name where it fits).
    fn draw_era_band(&self, bins: Bins, x0: u16, y: u16, area: Rect, buf: &mut Buffer) {
        let era_of = |year: i32| self.eras.iter().rposition(|e| e.start <= year);
        let mut column = 0;
        while column < bins.columns {
            let era = era_of(bins.years(column).0);
            let mut end = column;
            while end + 1 < bins.columns && era_of(bins.years(end + 1).0) == era {
                end += 1;
            }
            let x = x0 + bins.x(column);
            let width = (bins.x(end + 1) - bins.x(column)).min(area.right().saturating_sub(x));
            if let Some(era) = era {
                let style = if era % 2 == 0 {
                    self.theme.band
                } else {
                    self.theme.band_alternate
                };
                let name = &self.eras[era].name;
                let full = format!(" {} {name}", era + 1);
                let label = if crate::text::width(&full) <= usize::from(width) {
                    full
                } else {
                    format!(" {}", era + 1)
                };
                let text = crate::text::fit(&label, usize::from(width));
                buf.set_stringn(
                    x,
                    y,
                    " ".repeat(usize::from(width)),
                    usize::from(width),
                    style,
                );
                buf.set_stringn(x, y, &text, usize::from(width), style);
            }
            column = end + 1;
        }
    }
}

/// A block filling `eighths` (1-7) of a cell from the bottom.
fn partial_block(eighths: u64) -> char {
    ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'][(eighths.clamp(1, 8) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_cover_every_year_once_at_any_width() {
        for width in [1, 7, 60, 80, 175, 250] {
            let bins = Bins::new(1852, 2026, width);
            assert_eq!(
                bins.x(bins.columns),
                width.max(1),
                "the columns fill the width"
            );
            assert!((0..bins.columns).all(|c| bins.column_width(c) >= 1));
            let mut next = 1852;
            for column in 0..bins.columns {
                let (start, end) = bins.years(column);
                assert_eq!(start, next, "width {width}");
                next = end + 1;
            }
            assert!(
                next > 2026,
                "width {width}: the last column ends at {}",
                next - 1
            );
            assert_eq!(bins.column_of(2026), bins.columns - 1);
            assert_eq!(bins.column_of(1852), 0);
        }
    }

    #[test]
    fn a_wide_chart_gives_each_year_its_own_column_as_wide_as_fits() {
        let bins = Bins::new(1970, 2025, 200);
        assert_eq!(bins.years_per_column, 1);
        assert!((0..bins.columns).all(|c| (3..=4).contains(&bins.column_width(c))));
    }
}
