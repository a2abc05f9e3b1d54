//! Drawing: each view's state sits beside the widget that draws it, one file per view; this
//! module lays them out for a frame. Nothing here changes the state.

pub mod brand;
pub mod chart;
pub mod collaborator;
pub mod collection;
pub mod detail;
pub mod eras;
pub mod footer;
pub mod help;
pub mod lineage;
pub mod loading;
pub mod mark_form;
pub mod overview;
pub mod picker;
pub mod search;
pub mod spans;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Page};
use crate::tui::browse::Focus;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::theme::Theme;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let areas = app.areas();
    if areas.too_small || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, area, theme);
        return;
    }
    let store = &app.store;
    let browse = &app.browse;
    let era_bar = eras::EraBar {
        store,
        counts: &browse.listing.era_counts,
        current: (browse.listing.selected_entry()).map(|p| store.timeline[p].era()),
        theme,
    };
    frame.render_widget(era_bar, areas.header);
    let mut filters = Vec::new();
    if let Some(b) = browse.brand.and_then(|b| store.brands.get(b)) {
        filters.push(("brand", b.name.as_str()));
    }
    if let Some(c) = browse.collaborator.and_then(|c| store.collaborators.get(c)) {
        filters.push(("with", c.name.as_str()));
    }
    let bar = search::SearchBarView {
        bar: &browse.search,
        typing: browse.focus == Focus::Search && matches!(app.page, Page::Browse),
        filters,
        status: app.status.as_deref(),
        count: browse.count(store, app.searching()),
        theme,
    };
    frame.render_widget(bar, areas.bar);
    if let Some(list) = areas.list {
        let empty_message = if browse.has_filters() {
            "Nothing matches. Esc or x clears the search and filters."
        } else {
            "The dataset is empty."
        };
        let view = timeline::TimelineView {
            listing: &browse.listing,
            marks: &app.marks,
            store,
            index: &app.index,
            words: &browse.words,
            theme,
            focused: matches!(browse.focus, Focus::Timeline | Focus::Search),
            empty_message,
        };
        frame.render_widget(view, list);
    }
    if let Some(detail) = areas.detail {
        let view = detail::DetailView {
            pane: &browse.detail,
            marks: &app.marks,
            store,
            theme,
            focused: browse.focus == Focus::Detail,
        };
        frame.render_widget(view, detail);
    }
    if let Some(body) = areas.page {
        match &app.page {
            Page::Browse => {}
            Page::Lineage(lineage) => frame.render_widget(
                lineage::LineageView {
                    lineage,
                    store,
                    theme,
                },
                body,
            ),
            Page::Brand(page) => frame.render_widget(brand::BrandView { page, store, theme }, body),
            Page::Collaborator(page) => {
                frame.render_widget(collaborator::CollaboratorView { page, store, theme }, body)
            }
            Page::Overview(overview) => frame.render_widget(
                overview::OverviewView {
                    overview,
                    store,
                    theme,
                },
                body,
            ),
            Page::Collection(page) => {
                frame.render_widget(collection::CollectionView { page, store, theme }, body)
            }
        }
    }
    frame.render_widget(
        footer::Footer {
            keymap: &app.keymap,
            context: app.context(),
            theme,
        },
        areas.footer,
    );
    match &app.overlay {
        Some(Overlay::Picker(picker)) => frame.render_widget(
            picker::PickerView {
                picker,
                store,
                theme,
            },
            area,
        ),
        Some(Overlay::MarkForm(form)) => {
            frame.render_widget(mark_form::MarkFormView { form, theme }, area)
        }
        Some(Overlay::Help(scroll)) => frame.render_widget(
            help::Help {
                keymap: &app.keymap,
                theme,
                scroll: *scroll,
            },
            area,
        ),
        None => {}
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
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Moves a list selection for a movement key; false for any other action.
pub fn move_cursor(selected: &mut usize, len: usize, action: &Action) -> bool {
    let delta = match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -10,
        Action::PageDown => 10,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        Action::Scroll(n) => *n,
        _ => return false,
    };
    *selected = timeline::clamp_add(*selected, delta, len);
    true
}

/// The first row to show so that `selected` sits in view, a third of the way down when the
/// list is longer than the space.
pub fn scroll_top(selected: usize, len: usize, height: usize) -> usize {
    if len <= height {
        return 0;
    }
    selected.saturating_sub(height / 3).min(len - height)
}

/// A block title of as many of `parts` as fit in `width`, joined by " · ".
pub fn title_that_fits(parts: &[String], width: usize) -> String {
    let mut title = String::new();
    for part in parts {
        let next = if title.is_empty() {
            part.clone()
        } else {
            format!("{title} · {part}")
        };
        if crate::text::width(&next) + 2 > width && !title.is_empty() {
            break;
        }
        title = next;
    }
    format!(
        " {} ",
        crate::text::truncate(&title, width.saturating_sub(2))
    )
}
