//! The search bar: the query being typed or kept, the active quick filters, messages, and how
//! many entries are listed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::text::width;
use crate::tui::app::{App, Focus};
use crate::tui::theme::Theme;

use super::spans::fit;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let typing = app.focus == Focus::Search;
    let mut runs: Vec<(String, Style)> = Vec::new();
    if typing || !app.query.is_empty() {
        runs.push(("/ ".into(), theme.key));
        runs.push((
            app.query.clone(),
            if typing { theme.text } else { theme.dim },
        ));
        if typing {
            runs.push(("▏".into(), theme.key));
        }
    } else {
        runs.push(("/ to search, b brand, c collaborator".into(), theme.dim));
    }
    if let Some(b) = app.brand_filter {
        runs.push(("  brand: ".into(), theme.dim));
        runs.push((app.store.brands[b].name.to_string(), theme.filter));
    }
    if let Some(c) = app.collaborator_filter {
        runs.push(("  with: ".into(), theme.dim));
        runs.push((app.store.collaborators[c].name.to_string(), theme.filter));
    }
    if app.brand_filter.is_some() || app.collaborator_filter.is_some() {
        runs.push(("  (x clears)".into(), theme.dim));
    }
    if let Some(error) = &app.query_error {
        runs.push((format!("  {error}"), theme.error));
    }
    if let Some(status) = &app.status {
        runs.push((format!("  {status}"), theme.error));
    }
    let count = if app.searching() {
        " searching… ".to_string()
    } else if app.rows.len() < app.match_count {
        format!(" best {} of {} matches ", app.rows.len(), app.match_count)
    } else if app.has_filters() {
        format!(" {} of {} ", app.rows.len(), app.store.timeline.len())
    } else {
        format!(" {} entries ", app.rows.len())
    };
    let available = usize::from(area.width);
    let left = available.saturating_sub(width(&count));
    let mut spans = fit(runs, left, Some(theme.text));
    spans.extend(fit(
        vec![(count, theme.dim)],
        available - left.min(available),
        None,
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
