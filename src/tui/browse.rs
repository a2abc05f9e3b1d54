//! The main screen's state: the search bar, the quick filters, the timeline list and the
//! detail pane, and which of them the keys go to. A change of query or filter asks the app for
//! a search ([`Nav::Refresh`]); the outcome comes back through [`Browse::receive`].

use crate::detail::Link;
use crate::search::Query;
use crate::store::{Store, Subject};
use crate::tui::action::Action;
use crate::tui::nav::Nav;
use crate::tui::views::detail::DetailPane;
use crate::tui::views::search::SearchBar;
use crate::tui::views::timeline::{Listing, Rows};
use crate::tui::worker::Outcome;

/// Where the keys of the main screen go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Timeline,
    Detail,
    Search,
}

#[derive(Debug, Clone)]
pub struct Browse {
    pub focus: Focus,
    pub search: SearchBar,
    pub brand: Option<usize>,
    pub collaborator: Option<usize>,
    pub listing: Listing,
    pub detail: DetailPane,
    /// The words of the search shown, highlighted in the list.
    pub words: Vec<String>,
    /// How many entries the search shown matched (a ranked list keeps only the best).
    pub match_count: usize,
    /// Search results with words listed in timeline order rather than best first (the
    /// config file's `sort: Timeline`).
    pub chronological: bool,
    /// A model shown in the detail pane that is no listed row: an undated generation followed
    /// from a link. Moving the selection lets it go.
    pinned: Option<Subject>,
}

/// Where the main screen was, for Back to return to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    query: String,
    brand: Option<usize>,
    collaborator: Option<usize>,
    entry: Option<usize>,
    pinned: Option<Subject>,
    focus: Focus,
}

impl Browse {
    pub fn new() -> Browse {
        Browse {
            focus: Focus::Timeline,
            search: SearchBar::default(),
            brand: None,
            collaborator: None,
            listing: Listing::default(),
            detail: DetailPane::default(),
            words: Vec::new(),
            match_count: 0,
            chronological: false,
            pinned: None,
        }
    }

    /// True when a query or a quick filter narrows the timeline.
    pub fn has_filters(&self) -> bool {
        !self.search.query.trim().is_empty() || self.brand.is_some() || self.collaborator.is_some()
    }

    /// The model or release the detail pane is about.
    pub fn subject(&self, store: &Store) -> Option<Subject> {
        self.pinned.or_else(|| {
            self.listing
                .selected_entry()
                .map(|p| store.timeline[p].subject())
        })
    }

    /// The query to run: the search bar's, with the quick filters added.
    pub fn query(&mut self, store: &Store) -> Query {
        let mut query = self.search.parsed();
        if let Some(b) = self.brand.and_then(|b| store.brands.get(b)) {
            query.filters.brands.push(b.id.to_string());
        }
        if let Some(c) = self.collaborator.and_then(|c| store.collaborators.get(c)) {
            query.filters.collaborators.push(c.id.to_string());
        }
        query
    }

    /// Applies a key's action; `height` is how many lines the list shows.
    pub fn update(&mut self, store: &Store, action: Action, height: usize) -> Option<Nav> {
        let page = height.max(1) as isize;
        let nav = match (self.focus, action) {
            (_, Action::NextEra) => self.jump_era(store, 1, height),
            (_, Action::PrevEra) => self.jump_era(store, -1, height),
            (_, Action::Era(n)) => self.jump_to_era(store, n, height),
            (_, Action::OpenSearch) => {
                self.focus = Focus::Search;
                None
            }
            (_, Action::ClearFilters) => self.clear_filters(),
            (_, Action::Back) => Some(Nav::Back),
            (_, Action::OpenLineage) => self.subject(store).map(Nav::Lineage),
            (_, Action::OpenBrand) => self
                .subject(store)
                .map(|s| Nav::Brand(store.facts(s).brand)),
            (_, Action::OpenCollaborator) => self.open_collaborator(store),
            (_, Action::OpenSource) => self.open_source(store),
            (_, Action::CopyId) => self.subject(store).map(|s| Nav::Copy {
                text: store.subject_id(s).to_string(),
                what: "the id".into(),
            }),
            (_, Action::CopyTitle) => self.subject(store).map(|s| {
                let date = crate::detail::shown_date(store.facts(s).date);
                Nav::Copy {
                    text: format!("{} ({date})", store.subject_title(s)),
                    what: "the title and date".into(),
                }
            }),
            (Focus::Search, action) => self.update_typing(action, height),
            (Focus::Detail, Action::Up) => self.detail_move(-1),
            (Focus::Detail, Action::Down) => self.detail_move(1),
            (Focus::Detail, Action::Submit) => self.detail.selected_link().map(Nav::Follow),
            (Focus::Detail, Action::Cancel | Action::Left) => {
                self.focus = Focus::Timeline;
                None
            }
            (_, Action::Up) => self.move_by(-1, height),
            (_, Action::Down) => self.move_by(1, height),
            (_, Action::PageUp) => self.move_by(-page, height),
            (_, Action::PageDown) => self.move_by(page, height),
            (_, Action::Top) => self.move_by(isize::MIN / 2, height),
            (_, Action::Bottom) => self.move_by(isize::MAX / 2, height),
            (_, Action::Scroll(lines)) => self.move_by(lines, height),
            (_, Action::Submit | Action::OpenDetail | Action::Right) => {
                self.open_detail(height);
                None
            }
            (_, Action::Cancel) if self.has_filters() => self.clear_filters(),
            (_, Action::Input(c)) => {
                self.focus = Focus::Search;
                self.update_typing(Action::Input(c), height)
            }
            (_, Action::Paste(text)) => {
                self.focus = Focus::Search;
                self.update_typing(Action::Paste(text), height)
            }
            _ => None,
        };
        self.detail.show(store, self.subject(store));
        nav
    }

    fn update_typing(&mut self, action: Action, height: usize) -> Option<Nav> {
        match action {
            Action::Input(c) => self.search.push(&c.to_string()),
            Action::Paste(text) => self.search.push(&text),
            Action::DeleteChar => self.search.pop(),
            Action::ClearInput => self.search.set(""),
            Action::Submit => {
                self.focus = Focus::Timeline;
                return None;
            }
            Action::Cancel => {
                self.focus = Focus::Timeline;
                self.search.set("");
            }
            Action::Up | Action::Down => {
                let delta = if action == Action::Up { -1 } else { 1 };
                return self.move_by(delta, height);
            }
            _ => return None,
        }
        // A new search selects its best match.
        Some(Nav::Refresh(None))
    }

    fn move_by(&mut self, delta: isize, height: usize) -> Option<Nav> {
        if self.focus == Focus::Detail {
            return self.detail_move(delta);
        }
        self.pinned = None;
        self.listing.move_by(delta, height);
        None
    }

    fn detail_move(&mut self, delta: isize) -> Option<Nav> {
        self.detail.move_by(delta);
        None
    }

    fn open_detail(&mut self, height: usize) {
        if self.listing.selected_entry().is_some() || self.pinned.is_some() {
            self.focus = Focus::Detail;
            self.listing.scroll_into_view(height);
        }
    }

    fn open_collaborator(&self, store: &Store) -> Option<Nav> {
        match self.subject(store)? {
            Subject::Release(r) => match store.collaborators_of_release(r).next() {
                Some(c) => Some(Nav::Collaborator(c)),
                None => Some(Nav::Status("This reissue has no collaborator".into())),
            },
            Subject::Model(_) => Some(Nav::Status(
                "A model has no collaborator: pick a collab, or press c to choose one".into(),
            )),
        }
    }

    /// The source the detail pane has selected, or else the first source of the entry.
    fn open_source(&self, store: &Store) -> Option<Nav> {
        let subject = self.subject(store)?;
        let (sources, _) = store.subject_provenance(subject);
        let chosen = match self.selected_link() {
            Some(Link::Source(i)) => i,
            _ => 0,
        };
        match sources.get(chosen) {
            Some(source) => Some(Nav::Open(source.url.to_string())),
            None => Some(Nav::Status("This entry cites no source".into())),
        }
    }

    /// Empties the search bar and drops the quick filters: the whole timeline.
    fn unfiltered(&mut self) {
        self.search.set("");
        self.brand = None;
        self.collaborator = None;
    }

    fn clear_filters(&mut self) -> Option<Nav> {
        if !self.has_filters() {
            return None;
        }
        self.unfiltered();
        if self.focus == Focus::Search {
            self.focus = Focus::Timeline;
        }
        Some(Nav::Refresh(self.listing.selected_entry()))
    }

    fn current_era(&self, store: &Store) -> Option<usize> {
        self.listing
            .selected_entry()
            .map(|p| store.timeline[p].era())
    }

    fn jump_era(&mut self, store: &Store, direction: isize, height: usize) -> Option<Nav> {
        let current = self.current_era(store)?;
        let mut era = current as isize + direction;
        while era >= 0 && (era as usize) < store.eras.len() {
            if let Some(row) = self.listing.first_row_of_era(store, era as usize) {
                self.pinned = None;
                self.listing.select_at_top(row, height);
                return None;
            }
            era += direction;
        }
        Some(Nav::Status(if direction > 0 {
            "Already in the last era with entries".into()
        } else {
            "Already in the first era with entries".into()
        }))
    }

    fn jump_to_era(&mut self, store: &Store, era: usize, height: usize) -> Option<Nav> {
        let Some(e) = store.eras.get(era) else {
            return Some(Nav::Status(format!("There is no era {}", era + 1)));
        };
        match self.listing.first_row_of_era(store, era) {
            Some(row) => {
                self.pinned = None;
                self.listing.select_at_top(row, height);
                None
            }
            None => Some(Nav::Status(format!("No entries listed in {}", e.name))),
        }
    }

    /// Shows a finished search, selecting `keep` (or the nearest entry after it) or, for a new
    /// search, its best match.
    pub fn receive(&mut self, store: &Store, outcome: Outcome, keep: Option<usize>, height: usize) {
        let ranked = !outcome.query.words.is_empty();
        self.words = outcome.query.words.clone();
        self.match_count = outcome.matched.len();
        let rows = if ranked && !self.chronological {
            Rows::Ranked(outcome.rows)
        } else {
            Rows::Ordered(outcome.matched)
        };
        self.listing.show(store, rows, keep, height);
        if self.listing.is_empty() && self.pinned.is_none() && self.focus == Focus::Detail {
            self.focus = Focus::Timeline;
        }
        self.detail.show(store, self.subject(store));
    }

    /// Shows a model or release in the detail pane: its row when it is listed, else the
    /// timeline without filters (so it is listed), or pinned when it is not on the timeline.
    pub fn go_to(&mut self, store: &Store, subject: Subject, height: usize) -> Option<Nav> {
        self.focus = Focus::Detail;
        let position = store.facts(subject).position;
        let Some(position) = position else {
            self.pinned = Some(subject);
            self.detail.show(store, Some(subject));
            return None;
        };
        self.pinned = None;
        if let Some(row) = self.listing.row_of_entry(position) {
            self.listing.select(row, height);
            self.detail.show(store, self.subject(store));
            return None;
        }
        self.unfiltered();
        Some(Nav::Refresh(Some(position)))
    }

    /// Lists the timeline narrowed by a query, as if typed.
    pub fn search_for(&mut self, text: &str) -> Nav {
        self.unfiltered();
        self.search.set(text);
        self.pinned = None;
        self.focus = Focus::Timeline;
        Nav::Refresh(None)
    }

    /// Sets a quick filter from a picker.
    pub fn filter(&mut self, brand: Option<usize>, collaborator: Option<usize>) -> Nav {
        if brand.is_some() {
            self.brand = brand;
        }
        if collaborator.is_some() {
            self.collaborator = collaborator;
        }
        self.focus = Focus::Timeline;
        Nav::Refresh(self.listing.selected_entry())
    }

    /// Shows the whole timeline at the first entry dated in `year` or later.
    pub fn go_to_year(&mut self, store: &Store, year: i32, height: usize) -> Option<Nav> {
        let position = store
            .timeline
            .partition_point(|e| e.date.year < year)
            .min(store.timeline.len().saturating_sub(1));
        self.pinned = None;
        self.focus = Focus::Timeline;
        if !self.has_filters() {
            self.listing.select_at_top(position, height);
            self.detail.show(store, self.subject(store));
            return None;
        }
        self.unfiltered();
        Some(Nav::Refresh(Some(position)))
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            query: self.search.query.clone(),
            brand: self.brand,
            collaborator: self.collaborator,
            entry: self.listing.selected_entry(),
            pinned: self.pinned,
            focus: self.focus,
        }
    }

    /// Returns to a snapshot; a search is asked for when its query or filters differ.
    pub fn restore(&mut self, store: &Store, snapshot: Snapshot, height: usize) -> Option<Nav> {
        let same_list = snapshot.query == self.search.query
            && snapshot.brand == self.brand
            && snapshot.collaborator == self.collaborator;
        self.search.set(&snapshot.query);
        self.brand = snapshot.brand;
        self.collaborator = snapshot.collaborator;
        self.pinned = snapshot.pinned;
        self.focus = snapshot.focus;
        if !same_list {
            return Some(Nav::Refresh(snapshot.entry));
        }
        if let Some(row) = snapshot.entry.and_then(|e| self.listing.row_of_entry(e)) {
            self.listing.select(row, height);
        }
        self.detail.show(store, self.subject(store));
        None
    }

    /// Selects the row at a line of the visible list (a click).
    pub fn click_line(&mut self, store: &Store, line: usize, height: usize) {
        if let Some(crate::tui::views::timeline::ListLine::Row(row)) =
            self.listing.line(self.listing.offset + line)
        {
            self.focus = Focus::Timeline;
            self.pinned = None;
            self.listing.select(row, height);
            self.detail.show(store, self.subject(store));
        }
    }

    /// The count shown at the right of the search bar.
    pub fn count(&self, store: &Store, searching: bool) -> String {
        let listed = self.listing.len();
        if searching {
            "searching…".to_string()
        } else if self.listing.is_ranked() && listed < self.match_count {
            format!("best {listed} of {} matches", self.match_count)
        } else if self.has_filters() {
            format!("{listed} of {}", store.timeline.len())
        } else {
            format!("{listed} entries")
        }
    }

    /// The link being followed, if the detail pane is focused on one.
    pub fn selected_link(&self) -> Option<Link> {
        (self.focus == Focus::Detail)
            .then(|| self.detail.selected_link())
            .flatten()
    }
}

impl Default for Browse {
    fn default() -> Self {
        Browse::new()
    }
}
