//! The header: the eras as tabs in time order, each with its span and how many entries are
//! listed in it, the current one highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::Era;
use crate::text::width;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// How much each tab says, from most to least.
const DETAIL_LEVELS: usize = 3;

fn span_of(era: &Era, short: bool) -> String {
    let end = era.end.map(|e| {
        if short && e / 100 == era.start / 100 {
            format!("{:02}", e % 100)
        } else {
            e.to_string()
        }
    });
    format!("{}–{}", era.start, end.unwrap_or_default())
}

fn label(number: usize, era: &Era, count: usize, level: usize) -> String {
    match level {
        0 => format!(" {number} {} {} ({count}) ", era.name, span_of(era, false)),
        1 => format!(" {number} {} ({count}) ", span_of(era, true)),
        _ => format!(" {number}:{count} "),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let eras = &app.store.eras;
    let current = app.current_era();
    let available = usize::from(area.width);
    let labels = (0..DETAIL_LEVELS)
        .map(|level| {
            eras.iter()
                .enumerate()
                .map(|(i, era)| {
                    label(
                        i + 1,
                        era,
                        app.era_counts.get(i).copied().unwrap_or(0),
                        level,
                    )
                })
                .collect::<Vec<_>>()
        })
        .find(|labels| labels.iter().map(|l| width(l)).sum::<usize>() <= available)
        .unwrap_or_else(|| {
            // Even the shortest labels do not fit: the current era says its name, the others
            // their number only.
            eras.iter()
                .enumerate()
                .map(|(i, era)| {
                    if Some(i) == current {
                        label(i + 1, era, app.era_counts.get(i).copied().unwrap_or(0), 1)
                    } else {
                        format!("{}", i + 1)
                    }
                })
                .collect()
        });
    let spans: Vec<Span> = labels
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let style = if Some(i) == current {
                theme.tab_current
            } else if app.era_counts.get(i).copied().unwrap_or(0) == 0 {
                theme.dim
            } else {
                theme.tab
            };
            Span::styled(text, style)
        })
        .collect();
    let runs = spans
        .into_iter()
        .map(|s| (s.content.into_owned(), s.style))
        .collect();
    let line = Line::from(super::spans::fit(runs, available, None));
    frame.render_widget(Paragraph::new(line), area);
}
