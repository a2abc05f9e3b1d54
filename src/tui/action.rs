//! Everything that can change the browser's state ([`Action`]), and what the state asks the
//! event loop to do in return ([`Effect`]). Keys, the mouse, the terminal and the search
//! worker all speak in actions; [`crate::tui::app::App::update`] is the one place they land.

use crate::tui::worker::{Outcome, Request};

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    Help,
    Resize(u16, u16),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextEra,
    PrevEra,
    /// Jump to era N (0-based).
    Era(usize),
    OpenSearch,
    /// A character typed into the search bar or the picker.
    Input(char),
    Paste(String),
    DeleteChar,
    ClearInput,
    /// Enter: keep the search, open the detail, follow a link, pick.
    Submit,
    /// Esc: close or clear what is open.
    Cancel,
    Back,
    PickBrand,
    PickCollaborator,
    ClearFilters,
    OpenDetail,
    /// The lineage of the selected entry's line.
    OpenLineage,
    /// The page of the selected entry's brand.
    OpenBrand,
    /// The page of the selected release's (first) collaborator.
    OpenCollaborator,
    /// The whole history at a glance.
    OpenOverview,
    /// In the overview: stack the years by kind or by brand.
    SwitchBreakdown,
    /// On a page with several parts (the brand page): the next or previous part.
    NextSection,
    PrevSection,
    /// Open the selected source (or the first) in a web browser.
    OpenSource,
    /// Copy the selected entry's id, or its title and date, to the clipboard.
    CopyId,
    CopyTitle,
    /// `m`: the selected entry's mark goes none → owned → wanted → sold → none.
    CycleMark,
    /// `M`: a form for the selected entry's mark and its details.
    EditMark,
    /// `p`: My collection.
    OpenCollection,
    /// A save of the collection finished: the collection as saved (and a notice, such as a
    /// broken file set aside), or the changes that were not saved and why.
    Saved(Result<crate::collection::file::Read, (Vec<crate::collection::Change>, String)>),
    /// Mouse wheel: move the selection by this many rows.
    Scroll(isize),
    /// Mouse click at a column and row of the screen.
    Click(u16, u16),
    /// A search finished on the worker (or at once, on a small dataset).
    Searched(Outcome),
    /// Something the loop was asked to do failed; the message is shown.
    Failed(String),
}

/// What the state asks the loop to do: work that is not a change of state.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run this search and hand back its outcome as [`Action::Searched`].
    Search(Request),
    /// Open this address in a web browser.
    Open(String),
    /// Put this text on the clipboard (through the terminal: OSC 52).
    Copy(String),
    /// Save these changes to the collection file, and hand back [`Action::Saved`].
    Save(Vec<crate::collection::Change>),
    Quit,
}
