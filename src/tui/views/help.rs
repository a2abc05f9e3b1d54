//! The help overlay: every key of the keymap, grouped by where it applies, in as many columns
//! as fit, scrolled with the movement keys when even that is too tall.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::tui::keys::{Keymap, Scope};
use crate::tui::theme::Theme;

use super::spans::fit;

const KEYS_WIDTH: usize = 18;
/// The width of one column of the help.
const COLUMN: u16 = 52;

/// The help's groups of lines, one per scope, built from the keymap.
pub fn help_groups(keymap: &Keymap, theme: &Theme, width: usize) -> Vec<Vec<Line<'static>>> {
    let mut groups = Vec::new();
    for scope in Scope::ALL {
        let bindings: Vec<_> = (keymap.bindings.iter())
            .filter(|b| b.scope == scope && !b.shown().is_empty())
            .collect();
        if bindings.is_empty() {
            continue;
        }
        let mut lines = vec![Line::from(fit(
            vec![(scope.title().to_string(), theme.title)],
            width,
            None,
        ))];
        for binding in bindings {
            let runs: Vec<(String, Style)> = vec![
                (
                    format!("  {:<w$} ", binding.shown(), w = KEYS_WIDTH),
                    theme.key,
                ),
                (binding.description.to_string(), theme.text),
            ];
            lines.push(Line::from(fit(runs, width, None)));
        }
        groups.push(lines);
    }
    groups.push(vec![Line::from(fit(
        vec![(
            "Mouse: the wheel scrolls, a click selects.".to_string(),
            theme.dim,
        )],
        width,
        None,
    ))]);
    groups
}

/// Lays groups out in `columns` columns of about equal height, a blank line between groups.
fn in_columns(groups: Vec<Vec<Line<'static>>>, columns: usize) -> Vec<Vec<Line<'static>>> {
    let total: usize = groups.iter().map(|g| g.len() + 1).sum();
    let per_column = total.div_ceil(columns.max(1));
    let mut laid: Vec<Vec<Line>> = vec![Vec::new()];
    for group in groups {
        let room = laid.len() < columns;
        let column = laid.last_mut().expect("one column at least");
        if !column.is_empty() && column.len() + group.len() > per_column && room {
            laid.push(group);
        } else {
            if !column.is_empty() {
                column.push(Line::default());
            }
            column.extend(group);
        }
    }
    laid
}

pub struct Help<'a> {
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
    /// Lines scrolled down.
    pub scroll: u16,
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let columns = usize::from((area.width.saturating_sub(2) / COLUMN).clamp(1, 3));
        let laid = in_columns(
            help_groups(self.keymap, theme, usize::from(COLUMN - 2)),
            columns,
        );
        let tallest = laid.iter().map(Vec::len).max().unwrap_or(0) as u16;
        let width = COLUMN * laid.len() as u16 + 2;
        let popup = super::centred(area, width, tallest + 2);
        Clear.render(popup, buf);
        let block = Block::bordered()
            .title(" Keys (j k scroll, any other key closes) ")
            .border_style(theme.border_focused);
        let inner = block.inner(popup);
        block.render(popup, buf);
        let scroll = self.scroll.min(tallest.saturating_sub(inner.height));
        for (i, column) in laid.into_iter().enumerate() {
            let x = inner.x + COLUMN * i as u16;
            let area = Rect::new(
                x,
                inner.y,
                COLUMN.min(inner.right().saturating_sub(x)),
                inner.height,
            );
            Paragraph::new(column).scroll((scroll, 0)).render(area, buf);
        }
    }
}
