//! Drawing: reads the [`App`] state and renders one frame. Each area of the screen has its own
//! module; nothing here changes the state.

mod bar;
mod detail;
mod footer;
mod header;
mod help;
mod picker;
mod spans;
mod timeline;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let areas = app.areas();
    if areas.too_small || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, area, theme);
        return;
    }
    header::draw(frame, areas.header, app, theme);
    bar::draw(frame, areas.bar, app, theme);
    if let Some(list) = areas.list {
        timeline::draw(frame, list, app, theme);
    }
    if let Some(detail) = areas.detail {
        detail::draw(frame, detail, app, theme);
    }
    footer::draw(frame, areas.footer, app, theme);
    if app.picker.is_some() {
        picker::draw(frame, area, app, theme);
    }
    if app.help {
        help::draw(frame, area, theme);
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = format!(
        "Terminal too small: kicktime needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}. Enlarge it or press q.",
        area.width, area.height
    );
    let notice = Paragraph::new(text)
        .style(theme.error)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    frame.render_widget(notice, area);
}

/// A rectangle of at most `width`×`height` centred in `area`.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
