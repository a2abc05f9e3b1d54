//! The footer: the few keys that matter where the keys go now, from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::app::Context;
use crate::tui::keys::Keymap;
use crate::tui::theme::Theme;

use super::spans::fit;

pub struct Footer<'a> {
    pub keymap: &'a Keymap,
    pub context: Context,
    pub theme: &'a Theme,
}

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let mut runs: Vec<(String, Style)> = Vec::new();
        if self.context == Context::Help {
            runs.push((" j k".into(), theme.key));
            runs.push((" scroll ".into(), theme.dim));
            runs.push((" any other key".into(), theme.key));
            runs.push((" closes the help".into(), theme.dim));
        } else {
            for binding in self.keymap.footer(self.context) {
                // The first key only: the footer is a reminder, the help has them all.
                let key = binding
                    .keys
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                runs.push((format!(" {key}"), theme.key));
                runs.push((format!(" {} ", binding.description), theme.dim));
            }
        }
        Paragraph::new(Line::from(fit(runs, usize::from(area.width), None))).render(area, buf);
    }
}
