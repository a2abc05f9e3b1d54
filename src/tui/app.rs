//! The browser's state and the one path by which it changes: [`App::update`] takes an
//! [`Action`] (a key, the mouse, a resize, a finished search), hands it to the view in front,
//! carries out what the view asks ([`Nav`]: go somewhere, go back, search again) and returns
//! the [`Effect`] the event loop must perform, if any.
//!
//! The views form a stack for "back": the main screen (search bar, timeline, detail) is at the
//! bottom, and each page opened from it (a lineage, a brand, a collaborator, the overview) or
//! each link followed pushes where you were. Overlays (help, a picker) sit on top of the view
//! in front and close before anything else.

use std::sync::Arc;

use crate::collection::Change;
use crate::detail::Link;
use crate::search::SearchIndex;
use crate::store::{Store, Subject};
use crate::tui::action::{Action, Effect};
use crate::tui::browse::{Browse, Focus, Snapshot};
use crate::tui::keys::Keymap;
use crate::tui::layout::Areas;
use crate::tui::marks::Marks;
use crate::tui::nav::Nav;
use crate::tui::recent::RecentSearches;
use crate::tui::views::brand::BrandPage;
use crate::tui::views::collaborator::CollaboratorPage;
use crate::tui::views::collection::CollectionPage;
use crate::tui::views::lineage::Lineage;
use crate::tui::views::mark_form::{FormOutcome, MarkForm};
use crate::tui::views::overview::Overview;
use crate::tui::views::picker::{Picker, PickerKind};
use crate::tui::worker::{Outcome, Request};

/// A search lists at most this many of its best matches (the count of all is shown); typing
/// more narrows them. The timeline without search words is listed whole.
pub const MAX_RANKED_ROWS: usize = 5_000;

/// How many places Back remembers.
const MAX_BACK: usize = 256;

/// The view in front.
#[derive(Debug, Clone)]
pub enum Page {
    /// The main screen: search bar, timeline and detail.
    Browse,
    Lineage(Lineage),
    Brand(BrandPage),
    Collaborator(CollaboratorPage),
    Overview(Overview),
    Collection(CollectionPage),
}

/// Where "back" returns to.
#[derive(Debug, Clone)]
enum Place {
    Browse(Snapshot),
    Page(Page),
}

/// Drawn over the view in front; takes the keys until closed.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// The help, scrolled down by this many lines.
    Help(u16),
    Picker(Picker),
    MarkForm(MarkForm),
}

/// Where the keys go: what the keymap and the footer are chosen by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Timeline,
    Detail,
    Search,
    Picker,
    Help,
    Lineage,
    Brand,
    Collaborator,
    Overview,
    Collection,
    /// The form of a mark's details.
    Form,
}

pub struct App {
    pub store: Arc<Store>,
    /// The keys, from the config file over the defaults.
    pub keymap: Keymap,
    pub index: Arc<SearchIndex>,
    pub size: (u16, u16),
    pub browse: Browse,
    pub page: Page,
    back: Vec<Place>,
    pub overlay: Option<Overlay>,
    /// The collection: marks by id and by timeline position.
    pub marks: Marks,
    /// A message for the status line, cleared by the next key.
    pub status: Option<String>,
    /// The newest search asked for, and the entry to select when it arrives.
    pending: Option<(u64, Option<usize>)>,
    next_search: u64,
    /// The queries shown so far and what they matched, to narrow the next query from.
    recent: RecentSearches,
}

impl App {
    /// The browser on a store, at a terminal size. Its first search (the whole timeline) is
    /// asked for at once: see [`App::start`].
    pub fn new(store: Store, width: u16, height: u16) -> App {
        let index = SearchIndex::new(&store);
        App::with_index(store, index, width, height)
    }

    /// The browser on a store whose search index is already built (read from the cache).
    pub fn with_index(store: Store, index: SearchIndex, width: u16, height: u16) -> App {
        let index = Arc::new(index);
        App {
            keymap: Keymap::default(),
            store: Arc::new(store),
            index,
            size: (width, height),
            browse: Browse::new(),
            page: Page::Browse,
            back: Vec::new(),
            overlay: None,
            marks: Marks::default(),
            status: None,
            pending: None,
            next_search: 0,
            recent: RecentSearches::default(),
        }
    }

    /// The first effect: listing the timeline.
    pub fn start(&mut self) -> Option<Effect> {
        self.navigate(Nav::Refresh(None))
    }

    /// The screen areas for the current size and view (an overlay leaves them as they are).
    pub fn areas(&self) -> Areas {
        Areas::compute(self.size.0, self.size.1, self.view_context())
    }

    /// Lines of the timeline visible at once.
    pub fn list_height(&self) -> usize {
        usize::from(self.areas().list_height()).max(1)
    }

    /// Where the keys go: an overlay, or the view in front.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help(_)) => Context::Help,
            Some(Overlay::Picker(_)) => Context::Picker,
            Some(Overlay::MarkForm(_)) => Context::Form,
            None => self.view_context(),
        }
    }

    /// The view in front, whatever overlay covers it.
    pub fn view_context(&self) -> Context {
        match &self.page {
            Page::Lineage(_) => Context::Lineage,
            Page::Brand(_) => Context::Brand,
            Page::Collaborator(_) => Context::Collaborator,
            Page::Overview(_) => Context::Overview,
            Page::Collection(_) => Context::Collection,
            Page::Browse => match self.browse.focus {
                Focus::Timeline => Context::Timeline,
                Focus::Detail => Context::Detail,
                Focus::Search => Context::Search,
            },
        }
    }

    /// True while a search asked for has not arrived.
    pub fn searching(&self) -> bool {
        self.pending.is_some()
    }

    /// Applies an action: the only way the state changes.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // A finished save keeps the message of the change it saved.
        if let Action::Saved(result) = action {
            return self.saved(result);
        }
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Resize(width, height) => {
                self.size = (width, height);
                let height = self.list_height();
                self.browse.listing.scroll_into_view(height);
                return None;
            }
            Action::Searched(outcome) => {
                self.receive(outcome);
                return None;
            }
            Action::Failed(message) => {
                self.status = Some(message);
                return None;
            }
            _ => {}
        }
        // A key or a click clears the last message; a finished search or a resize does not.
        self.status = None;
        let browsing = self.overlay.is_none() && self.context() != Context::Search;
        match action {
            Action::CycleMark if browsing => return self.cycle_mark(),
            Action::EditMark if browsing => {
                self.edit_mark();
                return None;
            }
            _ => {}
        }
        let nav = match &mut self.overlay {
            Some(Overlay::Help(scroll)) => {
                // The movement keys scroll the help; any other key closes it and does nothing
                // else.
                let step: i32 = match action {
                    Action::Down | Action::Scroll(_) => 1,
                    Action::Up => -1,
                    Action::PageDown => 10,
                    Action::PageUp => -10,
                    _ => 0,
                };
                if step == 0 {
                    self.overlay = None;
                } else {
                    *scroll = (i32::from(*scroll) + step).clamp(0, 200) as u16;
                }
                None
            }
            Some(Overlay::MarkForm(form)) => match form.update(action) {
                FormOutcome::Stay => None,
                FormOutcome::Cancel => {
                    self.overlay = None;
                    None
                }
                FormOutcome::Save(change) => {
                    let title = form.title.clone();
                    self.overlay = None;
                    self.status = Some(format!("{title}: mark saved"));
                    return self.change_mark(change);
                }
            },
            Some(Overlay::Picker(picker)) => match picker.update(&self.store, action) {
                Some(Nav::Back) => {
                    self.overlay = None;
                    None
                }
                Some(nav) => {
                    self.overlay = None;
                    Some(nav)
                }
                None => None,
            },
            None => self.update_page(action),
        };
        nav.and_then(|nav| self.navigate(nav))
    }

    /// Hands a key to the view in front, after the keys every view shares.
    fn update_page(&mut self, action: Action) -> Option<Nav> {
        let typing = self.context() == Context::Search;
        match action {
            Action::Help if !typing => {
                self.overlay = Some(Overlay::Help(0));
                return None;
            }
            Action::PickBrand | Action::PickCollaborator if !typing => {
                let kind = match action {
                    Action::PickBrand => PickerKind::Brand,
                    _ => PickerKind::Collaborator,
                };
                self.overlay = Some(Overlay::Picker(Picker::new(&self.store, kind)));
                return None;
            }
            Action::OpenOverview if !typing => return Some(Nav::Overview),
            Action::OpenCollection if !typing => return Some(Nav::Collection),
            Action::Click(column, row) => return self.click(column, row),
            _ => {}
        }
        let store = Arc::clone(&self.store);
        let height = self.list_height();
        match &mut self.page {
            Page::Browse => self.browse.update(&store, action, height),
            Page::Lineage(lineage) => lineage.update(&store, action),
            Page::Brand(page) => page.update(&store, action),
            Page::Collaborator(page) => page.update(&store, action),
            Page::Overview(overview) => overview.update(&store, action),
            Page::Collection(page) => page.update(&store, action),
        }
    }

    /// `m`: the selected entry's mark goes none → owned → wanted → sold → none; its details
    /// are kept.
    fn cycle_mark(&mut self) -> Option<Effect> {
        let Some((id, title)) = self.mark_target() else {
            self.status = Some("Select an entry to mark it".into());
            return None;
        };
        let mut mark = self.marks.get(&id).cloned().unwrap_or_default();
        mark.status = crate::collection::Status::cycle(mark.status);
        self.status = Some(match mark.status {
            Some(status) => format!("{title}: {status}"),
            None if mark.is_empty() => format!("{title}: unmarked"),
            None => format!("{title}: unmarked (its details are kept: M edits them)"),
        });
        self.change_mark(Change {
            id,
            mark: Some(mark),
        })
    }

    /// `M`: the form for the selected entry's mark.
    fn edit_mark(&mut self) {
        match self.mark_target() {
            Some((id, title)) => {
                let mark = self.marks.get(&id);
                self.overlay = Some(Overlay::MarkForm(MarkForm::new(&id, &title, mark)));
            }
            None => self.status = Some("Select an entry to mark it".into()),
        }
    }

    /// The entry `m` and `M` act on: the main screen's selection, or the collection page's
    /// pair (an orphaned mark too). Its id and title.
    fn mark_target(&self) -> Option<(String, String)> {
        match &self.page {
            Page::Browse => {
                let subject = self.browse.subject(&self.store)?;
                Some((
                    self.store.subject_id(subject).to_string(),
                    self.store.subject_title(subject).to_string(),
                ))
            }
            Page::Collection(page) => {
                let pair = page.selected_pair()?;
                let title = match pair.subject {
                    Some(subject) => self.store.subject_title(subject).to_string(),
                    None => pair.id.clone(),
                };
                Some((pair.id.clone(), title))
            }
            _ => None,
        }
    }

    /// Makes a change to the collection on screen at once, and asks for it to be saved
    /// (with any change whose save failed before).
    fn change_mark(&mut self, change: Change) -> Option<Effect> {
        let to_save = self.marks.change(&self.store, change);
        self.marks_changed();
        Some(Effect::Save(to_save))
    }

    /// A save finished: on success the collection is the file's (with any other process's
    /// marks); on failure the change stays on screen, unsaved, and the person is told.
    fn saved(
        &mut self,
        result: Result<crate::collection::file::Read, (Vec<Change>, String)>,
    ) -> Option<Effect> {
        match result {
            Ok(read) => {
                self.marks.saved(&self.store, read.collection);
                if let Some(notice) = read.notice {
                    self.status = Some(notice);
                }
            }
            Err((changes, why)) => {
                self.status = Some(format!(
                    "Not saved: {why}. {} shown here; kicktime saves them with your next mark,                      or on quitting",
                    crate::profile::count(changes.len(), "change is", "changes are")
                ));
            }
        }
        self.marks_changed();
        // A `mark:` search lists other entries now.
        let marks_searched = !self.browse.query(&self.store).filters.marks.is_empty();
        marks_searched.then(|| {
            let keep = self.browse.listing.selected_entry();
            Effect::Search(self.request(keep))
        })
    }

    /// Shows the collection as it is now on the collection page.
    fn marks_changed(&mut self) {
        if let Page::Collection(page) = &mut self.page {
            page.refresh(&self.store, self.marks.collection());
        }
    }

    /// Carries out what a view asked for.
    fn navigate(&mut self, nav: Nav) -> Option<Effect> {
        let store = Arc::clone(&self.store);
        let height = self.list_height();
        let follow_up = match nav {
            Nav::Refresh(keep) => return Some(Effect::Search(self.request(keep))),
            Nav::Status(message) => {
                self.status = Some(message);
                None
            }
            Nav::Open(url) => {
                // Only web addresses are handed to a browser; a data file cannot make kicktime
                // open a local file or run a command.
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    self.status = Some("Not a web address, so not opened".into());
                    return None;
                }
                self.status = Some(format!("Opening {url}"));
                return Some(Effect::Open(url));
            }
            Nav::Copy { text, what } => {
                self.status = Some(format!("Copied {what}: {text}"));
                return Some(Effect::Copy(text));
            }
            Nav::Back => self.go_back(),
            Nav::Follow(link) => self.follow(link),
            Nav::Entry(position) => {
                self.leave_for_browse();
                self.browse
                    .go_to(&store, store.timeline[position].subject(), height)
            }
            Nav::Model(model) => {
                self.leave_for_browse();
                self.browse.go_to(&store, Subject::Model(model), height)
            }
            Nav::Search(text) => {
                self.leave_for_browse();
                Some(self.browse.search_for(&text))
            }
            Nav::Year(year) => {
                self.leave_for_browse();
                self.browse.go_to_year(&store, year, height)
            }
            Nav::FilterBrand(brand) => {
                self.remember();
                Some(self.browse.filter(Some(brand), None))
            }
            Nav::FilterCollaborator(collaborator) => {
                self.remember();
                Some(self.browse.filter(None, Some(collaborator)))
            }
            Nav::Lineage(subject) => self.open(Page::Lineage(Lineage::new(&store, subject))),
            Nav::Brand(brand) => self.open(Page::Brand(BrandPage::new(&store, brand))),
            Nav::Collaborator(c) => self.open(Page::Collaborator(CollaboratorPage::new(&store, c))),
            Nav::Collection => self.open(Page::Collection(CollectionPage::new(
                &store,
                self.marks.collection(),
            ))),
            Nav::Overview => {
                let year =
                    (self.browse.listing.selected_entry()).map(|p| store.timeline[p].date.year);
                self.open(Page::Overview(Overview::new(&store, year)))
            }
        };
        follow_up.and_then(|nav| self.navigate(nav))
    }

    /// Follows a link of the detail pane: an entry is shown on the main screen (Back returns
    /// to where you were), a brand or a collaborator opens its page.
    fn follow(&mut self, link: Link) -> Option<Nav> {
        match link {
            Link::Entry(position) => {
                self.remember();
                let height = self.list_height();
                self.browse
                    .go_to(&self.store, self.store.timeline[position].subject(), height)
            }
            Link::Brand(brand) => Some(Nav::Brand(brand)),
            Link::Collaborator(collaborator) => Some(Nav::Collaborator(collaborator)),
            Link::Source(i) => {
                let subject = self.browse.subject(&self.store)?;
                let (sources, _) = self.store.subject_provenance(subject);
                sources.get(i).map(|s| Nav::Open(s.url.to_string()))
            }
        }
    }

    /// Opens a page in front, remembering the view it replaces.
    fn open(&mut self, page: Page) -> Option<Nav> {
        self.remember();
        self.page = page;
        None
    }

    /// Pushes where you are, so that Back returns here.
    fn remember(&mut self) {
        let place = match &self.page {
            Page::Browse => Place::Browse(self.browse.snapshot()),
            page => Place::Page(page.clone()),
        };
        if self.back.len() >= MAX_BACK {
            self.back.remove(0);
        }
        self.back.push(place);
    }

    /// Before a page sends you to the main screen: remember where you are, then show the main
    /// screen.
    fn leave_for_browse(&mut self) {
        self.remember();
        self.page = Page::Browse;
    }

    fn go_back(&mut self) -> Option<Nav> {
        match self.back.pop() {
            Some(Place::Page(page)) => {
                self.page = page;
                self.marks_changed();
                None
            }
            Some(Place::Browse(snapshot)) => {
                self.page = Page::Browse;
                let height = self.list_height();
                self.browse.restore(&self.store, snapshot, height)
            }
            None if self.browse.focus == Focus::Detail => {
                self.browse.focus = Focus::Timeline;
                None
            }
            None => Some(Nav::Status("Nothing to go back to".into())),
        }
    }

    fn click(&mut self, column: u16, row: u16) -> Option<Nav> {
        if !matches!(self.page, Page::Browse) {
            return None;
        }
        let areas = self.areas();
        let height = self.list_height();
        if let Some(line) = areas.list_line_at(column, row) {
            self.browse.click_line(&self.store, line, height);
        } else if areas.detail_contains(column, row) && self.browse.subject(&self.store).is_some() {
            self.browse.focus = Focus::Detail;
        }
        None
    }

    /// The search for the main screen's query, narrowing the last one when it can.
    fn request(&mut self, keep: Option<usize>) -> Request {
        let mut query = self.browse.query(&self.store);
        if !query.filters.marks.is_empty() {
            query.filters.marked = Some(self.marks.marked());
        }
        let within = self.recent.narrowing(&query);
        self.next_search += 1;
        self.pending = Some((self.next_search, keep));
        Request {
            id: self.next_search,
            query,
            within,
            limit: MAX_RANKED_ROWS,
        }
    }

    /// Shows a finished search, unless a newer one was asked for since.
    fn receive(&mut self, outcome: Outcome) {
        let Some((id, keep)) = self.pending else {
            return;
        };
        if outcome.id != id {
            return;
        }
        self.pending = None;
        (self.recent).remember(&outcome.query, Arc::clone(&outcome.matched));
        let height = self.list_height();
        self.browse.receive(&self.store, outcome, keep, height);
    }
}
