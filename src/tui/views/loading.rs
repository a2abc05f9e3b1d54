//! The loading screen: drawn before the dataset is read, so the browser answers at once on a
//! catalogue of any size. It shows the stage (reading, parsing, checking, indexing, the cache),
//! a gauge where the amount is known, the time so far, and that keys typed now are kept.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Gauge, Paragraph, Widget};

use crate::progress::Progress;
use crate::tui::theme::Theme;

pub struct Loading<'a> {
    pub what: &'a str,
    pub progress: &'a Progress,
    pub elapsed: Duration,
    /// What has been typed meanwhile (kept for when the dataset is ready).
    pub typed: &'a str,
    pub theme: &'a Theme,
}

/// Bytes as people read them: "272 MB".
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 => format!("{:.1} GB", b as f64 / (1u64 << 30) as f64),
        b if b >= 1 << 20 => format!("{} MB", b >> 20),
        b if b >= 1 << 10 => format!("{} kB", b >> 10),
        b => format!("{b} bytes"),
    }
}

impl Widget for Loading<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let popup = super::centred(area, 64, 8);
        let block = Block::bordered()
            .title(format!(" Loading {} ", self.what))
            .border_style(theme.border_focused);
        let inner = block.inner(popup);
        block.render(popup, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let stage = self.progress.stage();
        let (done, total) = self.progress.counts();
        let counts = match (total, stage.unit()) {
            (0, _) => String::new(),
            (_, "bytes") => format!(": {} of {}", size(done), size(total)),
            (_, unit) => format!(": {done} of {total} {unit}"),
        };
        let heading = format!(
            "{}{counts}  ({:.1} s)",
            stage.label(),
            self.elapsed.as_secs_f64()
        );
        let mut lines = vec![Line::styled(heading, theme.text), Line::default()];
        let gauge_row = Rect::new(inner.x, inner.y + 1, inner.width, 1.min(inner.height - 1));
        lines.push(Line::default());
        let hint = if self.typed.is_empty() {
            "q quits; anything typed now is kept for when it is ready".to_string()
        } else {
            format!("typed: {}", self.typed)
        };
        lines.push(Line::styled(hint, theme.dim));
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .render(inner, buf);
        if inner.height > 1 {
            let ratio = if total == 0 {
                // Unknown amount: the bar sweeps so that the screen is seen to be alive.
                (self.elapsed.as_millis() % 2000) as f64 / 2000.0
            } else {
                (done as f64 / total as f64).clamp(0.0, 1.0)
            };
            Gauge::default()
                .ratio(ratio)
                .label("")
                .gauge_style(theme.border_focused)
                .render(gauge_row, buf);
        }
    }
}
