//! The detail pane: everything known about the selected entry, with links to follow (its
//! model, its releases, its collaborators, its lineage), disputes and sources.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::detail::describe;
use crate::output::wrap;
use crate::tui::app::{App, Focus};
use crate::tui::theme::Theme;

use super::spans::fit;

const LABEL_WIDTH: usize = 14;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Detail;
    let block = Block::bordered()
        .title(" Detail ")
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(entry) = app.selected_entry() else {
        return;
    };
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let (lines, link_lines) = detail_lines(app, entry, usize::from(inner.width), focused, theme);
    let height = usize::from(inner.height);
    let link_line = link_lines.get(app.link).copied().unwrap_or(0);
    let mut top = (link_line + 1).saturating_sub(height);
    if focused {
        top = top.max(usize::from(app.detail_scroll));
    }
    top = top.min(lines.len().saturating_sub(height));
    let visible: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// The pane's lines at a width, and the line each link stands on.
fn detail_lines(
    app: &App,
    entry: usize,
    width: usize,
    focused: bool,
    theme: &Theme,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let detail = describe(&app.store, app.store.timeline[entry].subject());
    let mut lines: Vec<Line> = Vec::new();
    let mut link_lines = Vec::new();
    let text_line = |text: String, style: Style| Line::from(fit(vec![(text, style)], width, None));
    for part in wrap(&detail.title, width.max(1)) {
        lines.push(text_line(part, theme.title));
    }
    lines.push(Line::default());
    let value_width = width.saturating_sub(LABEL_WIDTH);
    for field in &detail.fields {
        for (i, item) in field.items.iter().enumerate() {
            let label = if i == 0 { field.label } else { "" };
            let style = match item.link {
                Some(_) if focused && link_lines.len() == app.link => theme.link_selected,
                Some(_) => theme.link,
                None => theme.text,
            };
            if item.link.is_some() {
                link_lines.push(lines.len());
            }
            let mut spans = fit(
                vec![(label.to_string(), theme.label)],
                LABEL_WIDTH.min(width),
                Some(Style::new()),
            );
            spans.extend(fit(vec![(item.text.clone(), style)], value_width, None));
            lines.push(Line::from(spans));
        }
    }
    if !detail.summary.is_empty() {
        lines.push(Line::default());
        for part in wrap(&detail.summary, width.max(1)) {
            lines.push(text_line(part, theme.text));
        }
    }
    if !detail.disputes.is_empty() {
        lines.push(Line::default());
        lines.push(text_line("Disputed".into(), theme.disputed));
        for dispute in &detail.disputes {
            lines.push(text_line(format!(" {}:", dispute.about), theme.disputed));
            for claim in &dispute.claims {
                for part in wrap(
                    &format!("- {}: {}", claim.source, claim.says),
                    width.saturating_sub(2).max(1),
                ) {
                    lines.push(text_line(format!("  {part}"), theme.text));
                }
            }
        }
    }
    if !detail.sources.is_empty() {
        lines.push(Line::default());
        lines.push(text_line("Sources".into(), theme.label));
        for source in &detail.sources {
            for part in wrap(&format!("- {}", source.title), width.max(1)) {
                lines.push(text_line(part, theme.text));
            }
            for part in chunk(&source.url, width.saturating_sub(2).max(1)) {
                lines.push(text_line(format!("  {part}"), theme.dim));
            }
        }
    }
    (lines, link_lines)
}

/// Splits text that has no spaces (a URL) into pieces of at most `columns` characters, so it
/// can be read whole.
fn chunk(text: &str, columns: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.chunks(columns).map(|c| c.iter().collect()).collect()
}
