//! Everything a person can ask of the browser, whatever key or mouse gesture asked it.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Resize(u16, u16),
    Up,
    Down,
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
    /// Mouse wheel: move the selection by this many rows.
    Scroll(isize),
    /// Mouse click at a column and row of the screen.
    Click(u16, u16),
}
