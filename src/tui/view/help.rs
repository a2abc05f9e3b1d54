//! The help overlay: every key of the keymap, grouped by where it applies.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::keys::{BINDINGS, Scope};
use crate::tui::theme::Theme;

use super::spans::fit;

const KEYS_WIDTH: usize = 13;

/// The lines of the help, built from the keymap.
pub fn help_lines(theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let scopes = [
        Scope::Browse,
        Scope::Timeline,
        Scope::Detail,
        Scope::Typing,
        Scope::Always,
    ];
    for scope in scopes {
        let bindings: Vec<_> = BINDINGS
            .iter()
            .filter(|b| b.scope == scope && !b.shown.is_empty())
            .collect();
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(fit(
            vec![(scope.title().to_string(), theme.title)],
            width,
            None,
        )));
        for binding in bindings {
            let runs: Vec<(String, Style)> = vec![
                (
                    format!("  {:<w$}", binding.shown, w = KEYS_WIDTH),
                    theme.key,
                ),
                (binding.description.to_string(), theme.text),
            ];
            lines.push(Line::from(fit(runs, width, None)));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(fit(
        vec![(
            "Mouse: the wheel scrolls, a click selects.".to_string(),
            theme.dim,
        )],
        width,
        None,
    )));
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let popup = super::centred(area, 56, 44);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(" Keys (any key closes) ")
        .border_style(theme.border_focused);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    frame.render_widget(
        Paragraph::new(help_lines(theme, usize::from(inner.width))),
        inner,
    );
}
