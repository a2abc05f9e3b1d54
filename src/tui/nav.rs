//! What a view asks of the app after a key: to search again, to go somewhere, to go back. The
//! app carries these out ([`crate::tui::app::App::update`]), so views never reach into each
//! other.

use crate::detail::Link;
use crate::store::Subject;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Nav {
    /// The main screen's query or filters changed: search again, selecting this timeline
    /// position (or, for `None`, the best match).
    Refresh(Option<usize>),
    /// Follow a link of the detail pane.
    Follow(Link),
    /// Show a timeline entry with its detail on the main screen.
    Entry(usize),
    /// Show a model that is not on the timeline (an undated generation) in the detail pane.
    Model(usize),
    /// The lineage of the line of a model or release (which is selected in it).
    Lineage(Subject),
    Brand(usize),
    Collaborator(usize),
    Overview,
    /// My collection.
    Collection,
    /// The main screen, narrowed by this query as if typed (a chart's bar, a line).
    Search(String),
    /// The main screen at the first entry of a year.
    Year(i32),
    /// Set a quick filter on the main screen: a brand or a collaborator.
    FilterBrand(usize),
    FilterCollaborator(usize),
    Back,
    /// A message for the status line.
    Status(String),
    /// Open a web address (a source) in a browser.
    Open(String),
    /// Copy text to the clipboard; `what` says what it is, for the status line.
    Copy {
        text: String,
        what: String,
    },
}
