//! The brand and collaborator picker: a searchable list that sets a quick filter.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::picker::PickerKind;
use crate::tui::theme::Theme;

use super::spans::fit;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(picker) = &app.picker else {
        return;
    };
    let popup = super::centred(area, 50, 20);
    frame.render_widget(Clear, popup);
    let title = match picker.kind {
        PickerKind::Brand => " Filter by brand ",
        PickerKind::Collaborator => " Filter by collaborator ",
    };
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border_focused);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    if width == 0 || height == 0 {
        return;
    }
    let mut lines = vec![Line::from(fit(
        vec![
            ("> ".to_string(), theme.key),
            (picker.input.clone(), theme.text),
            ("▏".to_string(), theme.key),
        ],
        width,
        None,
    ))];
    let rows = height.saturating_sub(1);
    let top = (picker.selected + 1).saturating_sub(rows);
    for (i, &item) in picker.items.iter().enumerate().skip(top).take(rows) {
        let (name, count) = match picker.kind {
            PickerKind::Brand => (
                app.store.brands[item].name,
                app.store.entries_of_brand(item).len(),
            ),
            PickerKind::Collaborator => (
                app.store.collaborators[item].name,
                app.store.entries_of_collaborator(item).len(),
            ),
        };
        let style = if i == picker.selected {
            theme.selected
        } else {
            Style::new()
        };
        let runs = vec![
            (format!(" {name}"), style),
            (
                format!(" ({count})"),
                if i == picker.selected {
                    style
                } else {
                    theme.dim
                },
            ),
        ];
        lines.push(Line::from(fit(runs, width, Some(style))));
    }
    if picker.items.is_empty() {
        lines.push(Line::from(fit(
            vec![("No match".to_string(), theme.dim)],
            width,
            None,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
