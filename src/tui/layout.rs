//! Where each part of the screen goes at a given terminal size: one pure function, shared by
//! drawing, scrolling and mouse handling so they always agree.

use ratatui::layout::Rect;

use crate::tui::app::Context;

/// Below this the browser shows a "terminal too small" notice instead.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width the timeline and the detail are shown side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

/// Which panes are visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Both,
    TimelineOnly,
    DetailOnly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub full: Rect,
    pub too_small: bool,
    pub header: Rect,
    pub bar: Rect,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
    /// The whole body, for a page (lineage, brand, collaborator, overview).
    pub page: Option<Rect>,
    pub footer: Rect,
    body_height: u16,
}

impl Areas {
    pub fn compute(width: u16, height: u16, context: Context) -> Areas {
        let full = Rect::new(0, 0, width, height);
        let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        let row = |y: u16, h: u16| Rect::new(0, y, width, h);
        let body_height = height.saturating_sub(3);
        let body = row(2, body_height);
        let on_a_page = matches!(
            context,
            Context::Lineage
                | Context::Brand
                | Context::Collaborator
                | Context::Overview
                | Context::Collection
        );
        let (list, detail) = if too_small || on_a_page {
            (None, None)
        } else if width >= SIDE_BY_SIDE_WIDTH {
            let left = width * 11 / 20;
            (
                Some(Rect::new(0, 2, left, body_height)),
                Some(Rect::new(left, 2, width - left, body_height)),
            )
        } else if context == Context::Detail {
            (None, Some(body))
        } else {
            (Some(body), None)
        };
        Areas {
            full,
            too_small,
            header: row(0, 1.min(height)),
            bar: row(1.min(height), 1.min(height.saturating_sub(1))),
            list,
            detail,
            page: (on_a_page && !too_small).then_some(body),
            footer: row(height.saturating_sub(1), 1.min(height)),
            body_height,
        }
    }

    pub fn pane(&self) -> Pane {
        match (self.list, self.detail) {
            (Some(_), Some(_)) => Pane::Both,
            (None, Some(_)) => Pane::DetailOnly,
            _ => Pane::TimelineOnly,
        }
    }

    /// Rows of entries the timeline shows at once (inside its border).
    pub fn list_height(&self) -> u16 {
        self.body_height.saturating_sub(2)
    }

    /// The list line (counted from the top of the visible list) under a screen cell.
    pub fn list_line_at(&self, column: u16, row: u16) -> Option<usize> {
        let list = self.list?;
        let inside = column > list.x
            && column < list.right().saturating_sub(1)
            && row > list.y
            && row < list.bottom().saturating_sub(1);
        inside.then(|| usize::from(row - list.y - 1))
    }

    pub fn detail_contains(&self, column: u16, row: u16) -> bool {
        self.detail
            .is_some_and(|d| column >= d.x && column < d.right() && row >= d.y && row < d.bottom())
    }
}
