//! The footer: the few keys that matter where the keys go now.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::keys::footer_bindings;
use crate::tui::theme::Theme;

use super::spans::fit;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut runs: Vec<(String, Style)> = Vec::new();
    let focus = if app.help { None } else { Some(app.focus) };
    match focus {
        None => runs.push((" any key closes the help".into(), theme.dim)),
        Some(focus) => {
            for binding in footer_bindings(focus) {
                runs.push((format!(" {}", binding.shown), theme.key));
                runs.push((format!(" {} ", binding.description), theme.dim));
            }
        }
    }
    let line = Line::from(fit(runs, usize::from(area.width), None));
    frame.render_widget(Paragraph::new(line), area);
}
