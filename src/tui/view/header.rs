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

/// Tab labels from the most to the least telling: every era named; the current one named and
/// the others by years; all by years; the current by years and the others by number and count;
/// the current by years and the others by number.
fn candidate_labels(app: &App, current: Option<usize>) -> impl Iterator<Item = Vec<String>> + '_ {
    let plans: [(usize, usize); 5] = [(0, 0), (0, 1), (1, 1), (1, 2), (1, 3)];
    plans.into_iter().map(move |(current_level, other_level)| {
        app.store
            .eras
            .iter()
            .enumerate()
            .map(|(i, era)| {
                let level = if Some(i) == current {
                    current_level
                } else {
                    other_level
                };
                let count = app.era_counts.get(i).copied().unwrap_or(0);
                if level == 3 {
                    format!(" {} ", i + 1)
                } else {
                    label(i + 1, era, count, level)
                }
            })
            .collect()
    })
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let current = app.current_era();
    let available = usize::from(area.width);
    let mut candidates: Vec<Vec<String>> = candidate_labels(app, current).collect();
    let fallback = candidates.pop().unwrap_or_default();
    let labels = candidates
        .into_iter()
        .find(|labels| labels.iter().map(|l| width(l)).sum::<usize>() <= available)
        .unwrap_or(fallback);
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
