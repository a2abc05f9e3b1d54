//! The timeline: entries in date order under era headings (or search results, best first),
//! each with its year, a marker for its kind, title, brand and collaborators. Only the visible
//! lines are formatted, whatever the size of the dataset.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::tui::app::{App, Focus, ListLine};
use crate::tui::theme::{Theme, marker};

use super::spans::{fit, highlighted};

/// Columns taken by the year gutter and the marker: "2008 ● ".
const GUTTER: usize = 7;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = matches!(app.focus, Focus::Timeline | Focus::Search);
    let title = if app.ranked {
        " Results, best first "
    } else {
        " Timeline "
    };
    let block = Block::bordered().title(title).border_style(if focused {
        theme.border_focused
    } else {
        theme.border
    });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if app.rows.is_empty() {
        let message = if app.has_filters() {
            "Nothing matches. Esc or x clears the search and filters."
        } else {
            "The dataset is empty."
        };
        let runs = vec![(message.to_string(), theme.dim)];
        frame.render_widget(
            Paragraph::new(Line::from(fit(runs, usize::from(inner.width), None))),
            inner,
        );
        return;
    }
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    let visible = app.lines.iter().skip(app.offset).take(height);
    let mut previous_year = None;
    let lines: Vec<Line> = visible
        .map(|line| match *line {
            ListLine::Era(era) => {
                previous_year = None;
                era_heading(app, era, width, theme)
            }
            ListLine::Row(row) => {
                let year = app.store.timeline[app.rows[row].entry].date.year;
                let show_year = app.ranked || previous_year != Some(year);
                previous_year = Some(year);
                entry_line(app, row, show_year, width, focused, theme)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if app.lines.len() > height {
        let mut state =
            ScrollbarState::new(app.lines.len().saturating_sub(height)).position(app.offset);
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None);
        frame.render_stateful_widget(scrollbar, area.inner(Margin::new(0, 1)), &mut state);
    }
}

fn era_heading(app: &App, era: usize, width: usize, theme: &Theme) -> Line<'static> {
    let era = &app.store.eras[era];
    let span = match era.end {
        Some(end) => format!("{}–{end}", era.start),
        None => format!("{}–", era.start),
    };
    let text = format!("── {} · {span} ", era.name);
    let rule = "─".repeat(width.saturating_sub(crate::text::width(&text)));
    Line::from(fit(
        vec![(format!("{text}{rule}"), theme.era_heading)],
        width,
        None,
    ))
}

fn entry_line(
    app: &App,
    row: usize,
    show_year: bool,
    width: usize,
    focused: bool,
    theme: &Theme,
) -> Line<'static> {
    let hit = &app.rows[row];
    let entry = &app.store.timeline[hit.entry];
    let selected = row == app.selected;
    let base = match (selected, focused) {
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
    let rest = width.saturating_sub(GUTTER);
    let title_width = if rest >= 40 { rest * 11 / 20 } else { rest };
    let title = highlighted(
        app.store.title_of(entry),
        &app.title_positions(row),
        base,
        theme.matched,
    );
    let mut spans = fit(std::mem::take(&mut gutter), GUTTER.min(width), Some(base));
    spans.extend(fit(title, title_width, Some(base)));
    let info_width = rest - title_width;
    if info_width > 2 {
        let mut info = vec![(format!(" {}", app.store.brand_name(entry)), on(theme.brand))];
        let collaborators = app.store.collaborator_names(entry);
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
