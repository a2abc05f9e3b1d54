//! The browser's state and how each [`Action`] changes it: plain data, no terminal, so every
//! behaviour can be unit-tested.

use crate::detail::{Link, describe};
use std::sync::Arc;

use crate::search::{Hit, Query, SearchIndex};
use crate::store::Store;
use crate::text::sanitize;
use crate::tui::action::Action;
use crate::tui::layout::Areas;
use crate::tui::picker::{Picker, PickerKind};
use crate::tui::worker::{self, ASYNC_FROM, Outcome, Request};

/// The longest search query kept; a longer paste is cut (it could not match anything anyway).
pub const MAX_QUERY_CHARS: usize = 256;

/// A search lists at most this many of its best matches (the count of all is shown); typing
/// more narrows them.
pub const MAX_RANKED_ROWS: usize = 5_000;

/// How far the detail pane scrolls past its last link.
const MAX_DETAIL_SCROLL: isize = 80;

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Timeline,
    Detail,
    Search,
    Picker,
}

/// One line of the timeline list: an era heading, or a result row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListLine {
    Era(usize),
    Row(usize),
}

/// What "back" returns to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    query: String,
    brand: Option<usize>,
    collaborator: Option<usize>,
    entry: Option<usize>,
    focus: Focus,
}

pub struct App {
    pub store: Arc<Store>,
    index: Arc<SearchIndex>,
    /// Searches on datasets at least this large go to the worker (see [`App::take_request`]).
    async_from: usize,
    /// A search waiting to be handed to the worker.
    outbox: Option<Request>,
    /// The id of the newest search asked for, and the entry to select when it arrives.
    pending: Option<(u64, Option<usize>)>,
    next_search: u64,
    /// The search text as typed.
    pub query: String,
    /// Why the query cannot be run, when it cannot.
    pub query_error: Option<String>,
    pub brand_filter: Option<usize>,
    pub collaborator_filter: Option<usize>,
    /// The entries listed: the filtered timeline, or search results best first.
    pub rows: Vec<Hit>,
    /// True when `rows` are ranked by a search rather than in timeline order.
    pub ranked: bool,
    /// How many entries match; `rows` holds only the best [`MAX_RANKED_ROWS`] of a search.
    pub match_count: usize,
    /// The fuzzy words of the current query, for highlighting.
    words: Vec<String>,
    /// The last query run and every entry it matched, to narrow the next one from.
    last_search: Option<(Query, Arc<Vec<u32>>)>,
    pub lines: Vec<ListLine>,
    line_of_row: Vec<usize>,
    /// How many listed rows fall in each era.
    pub era_counts: Vec<usize>,
    pub selected: usize,
    /// The first visible line of the list.
    pub offset: usize,
    pub focus: Focus,
    pub help: bool,
    pub picker: Option<Picker>,
    /// The selected link of the detail pane.
    pub link: usize,
    pub detail_scroll: u16,
    pub status: Option<String>,
    pub size: (u16, u16),
    history: Vec<Snapshot>,
    pub quit: bool,
}

impl App {
    pub fn new(store: Store, width: u16, height: u16) -> App {
        App::with_async_from(store, width, height, ASYNC_FROM)
    }

    /// An app that hands searches to a worker once the dataset has `async_from` entries.
    pub fn with_async_from(store: Store, width: u16, height: u16, async_from: usize) -> App {
        let index = Arc::new(SearchIndex::new(&store));
        let mut app = App {
            store: Arc::new(store),
            index,
            async_from,
            outbox: None,
            pending: None,
            next_search: 0,
            query: String::new(),
            query_error: None,
            brand_filter: None,
            collaborator_filter: None,
            rows: Vec::new(),
            ranked: false,
            match_count: 0,
            words: Vec::new(),
            last_search: None,
            lines: Vec::new(),
            line_of_row: Vec::new(),
            era_counts: Vec::new(),
            selected: 0,
            offset: 0,
            focus: Focus::Timeline,
            help: false,
            picker: None,
            link: 0,
            detail_scroll: 0,
            status: None,
            size: (width, height),
            history: Vec::new(),
            quit: false,
        };
        app.refresh(None);
        app
    }

    /// The screen areas for the current size and focus.
    pub fn areas(&self) -> Areas {
        Areas::compute(self.size.0, self.size.1, self.focus)
    }

    /// The timeline position of the selected row.
    pub fn selected_entry(&self) -> Option<usize> {
        self.rows.get(self.selected).map(|h| h.entry)
    }

    /// The era the selection is in.
    pub fn current_era(&self) -> Option<usize> {
        self.selected_entry().map(|e| self.store.timeline[e].era())
    }

    pub fn has_filters(&self) -> bool {
        !self.query.trim().is_empty()
            || self.brand_filter.is_some()
            || self.collaborator_filter.is_some()
    }

    pub fn update(&mut self, action: Action) {
        self.status = None;
        if self.help {
            match action {
                Action::Quit => self.quit = true,
                Action::Resize(w, h) => self.resize(w, h),
                _ => self.help = false,
            }
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.help = true,
            Action::Resize(w, h) => self.resize(w, h),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::NextEra => self.jump_era(1),
            Action::PrevEra => self.jump_era(-1),
            Action::Era(n) => self.jump_to_era(n),
            Action::OpenSearch => self.focus = Focus::Search,
            Action::Input(c) => self.input(&c.to_string()),
            Action::Paste(text) => self.input(&text),
            Action::DeleteChar => self.delete_char(),
            Action::ClearInput => self.set_input(String::new()),
            Action::Submit => self.submit(),
            Action::Cancel => self.cancel(),
            Action::Back => self.back(),
            Action::PickBrand => self.open_picker(PickerKind::Brand),
            Action::PickCollaborator => self.open_picker(PickerKind::Collaborator),
            Action::ClearFilters => self.clear_filters(),
            Action::OpenDetail => self.open_detail(),
            Action::Scroll(lines) => self.move_by(lines),
            Action::Click(column, row) => self.click(column, row),
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.scroll_into_view();
    }

    /// Rows a page key moves: the visible height of the list, at least one.
    fn page(&self) -> usize {
        usize::from(self.areas().list_height()).max(1)
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Detail => self.move_in_detail(delta),
            Focus::Picker => {
                if let Some(picker) = &mut self.picker {
                    picker.selected = clamp_add(picker.selected, delta, picker.items.len());
                }
            }
            Focus::Timeline | Focus::Search => {
                if !self.rows.is_empty() {
                    self.select(clamp_add(self.selected, delta, self.rows.len()));
                }
            }
        }
    }

    /// In the detail pane the selection walks the links; past the last link the pane scrolls on
    /// (to its disputes and sources), and back up again before the links move.
    fn move_in_detail(&mut self, delta: isize) {
        let links = self.links().len();
        let at_last_link = links == 0 || self.link + 1 >= links;
        if (delta > 0 && at_last_link) || (delta < 0 && self.detail_scroll > 0) {
            let scroll = (self.detail_scroll as isize).saturating_add(delta);
            self.detail_scroll = scroll.clamp(0, MAX_DETAIL_SCROLL) as u16;
        } else if links > 0 {
            self.link = clamp_add(self.link, delta, links);
        }
    }

    fn select(&mut self, row: usize) {
        if row != self.selected {
            self.link = 0;
            self.detail_scroll = 0;
        }
        self.selected = row.min(self.rows.len().saturating_sub(1));
        self.scroll_into_view();
    }

    /// Moves `offset` so the selected row is visible, with its era heading when it has one just
    /// above.
    fn scroll_into_view(&mut self) {
        let height = usize::from(self.areas().list_height()).max(1);
        let Some(&line) = self.line_of_row.get(self.selected) else {
            self.offset = 0;
            return;
        };
        let heading = usize::from(line > 0 && matches!(self.lines[line - 1], ListLine::Era(_)));
        if line < self.offset + heading {
            self.offset = line - heading;
        } else if line >= self.offset + height {
            self.offset = line + 1 - height;
        }
        self.offset = self.offset.min(self.lines.len().saturating_sub(height));
    }

    fn jump_era(&mut self, direction: isize) {
        let Some(current) = self.current_era() else {
            return;
        };
        let eras = self.store.eras.len();
        let mut era = current as isize + direction;
        while era >= 0 && (era as usize) < eras {
            if let Some(row) = self.first_row_of_era(era as usize) {
                self.select_at_top(row);
                return;
            }
            era += direction;
        }
        self.status = Some(if direction > 0 {
            "Already in the last era with entries".into()
        } else {
            "Already in the first era with entries".into()
        });
    }

    fn jump_to_era(&mut self, era: usize) {
        match self.store.eras.get(era) {
            None => self.status = Some(format!("There is no era {}", era + 1)),
            Some(e) => match self.first_row_of_era(era) {
                Some(row) => self.select_at_top(row),
                None => self.status = Some(format!("No entries listed in {}", e.name)),
            },
        }
    }

    /// Selects a row and scrolls it (with its era heading) to the top of the list, as far as
    /// the list allows: an era jump shows as much of the new era as fits.
    fn select_at_top(&mut self, row: usize) {
        self.select(row);
        let height = usize::from(self.areas().list_height()).max(1);
        let line = self.line_of_row.get(self.selected).copied().unwrap_or(0);
        let heading = usize::from(line > 0 && matches!(self.lines[line - 1], ListLine::Era(_)));
        self.offset = (line - heading).min(self.lines.len().saturating_sub(height));
    }

    fn first_row_of_era(&self, era: usize) -> Option<usize> {
        let timeline = &self.store.timeline;
        if self.ranked {
            self.rows
                .iter()
                .position(|h| timeline[h.entry].era() == era)
        } else {
            let row = self.rows.partition_point(|h| timeline[h.entry].era() < era);
            (row < self.rows.len() && timeline[self.rows[row].entry].era() == era).then_some(row)
        }
    }

    fn input(&mut self, text: &str) {
        match self.focus {
            Focus::Picker => {
                if let Some(picker) = &mut self.picker {
                    let input = format!("{}{}", picker.input, clean_input(text));
                    picker.set_input(&self.store, input);
                }
            }
            _ => {
                self.focus = Focus::Search;
                let query = format!("{}{}", self.query, clean_input(text));
                self.set_input(query);
            }
        }
    }

    fn delete_char(&mut self) {
        match self.focus {
            Focus::Picker => {
                if let Some(picker) = &mut self.picker {
                    let mut input = picker.input.clone();
                    input.pop();
                    picker.set_input(&self.store, input);
                }
            }
            Focus::Search => {
                let mut query = self.query.clone();
                query.pop();
                self.set_input(query);
            }
            _ => self.back(),
        }
    }

    fn set_input(&mut self, text: String) {
        match self.focus {
            Focus::Picker => {
                if let Some(picker) = &mut self.picker {
                    picker.set_input(&self.store, text);
                }
            }
            _ => {
                self.query = text.chars().take(MAX_QUERY_CHARS).collect();
                self.refresh(None);
            }
        }
    }

    fn submit(&mut self) {
        match self.focus {
            Focus::Search => self.focus = Focus::Timeline,
            Focus::Timeline => self.open_detail(),
            Focus::Detail => {
                if let Some(&link) = self.links().get(self.link) {
                    self.follow(link);
                }
            }
            Focus::Picker => self.pick(),
        }
    }

    fn cancel(&mut self) {
        match self.focus {
            Focus::Search => {
                self.focus = Focus::Timeline;
                self.set_input(String::new());
            }
            Focus::Picker => {
                self.picker = None;
                self.focus = Focus::Timeline;
            }
            Focus::Detail => self.focus = Focus::Timeline,
            Focus::Timeline => {
                if self.has_filters() {
                    self.clear_filters();
                }
            }
        }
    }

    fn open_detail(&mut self) {
        if self.selected_entry().is_some() {
            self.focus = Focus::Detail;
            self.scroll_into_view();
        }
    }

    fn clear_filters(&mut self) {
        if self.has_filters() {
            self.push_history();
        }
        self.query.clear();
        self.brand_filter = None;
        self.collaborator_filter = None;
        if self.focus != Focus::Detail {
            self.focus = Focus::Timeline;
        }
        let keep = self.selected_entry();
        self.refresh(keep);
    }

    /// The characters of a listed row's title that the search words match.
    pub fn title_positions(&self, row: usize) -> Vec<usize> {
        match self.rows.get(row) {
            Some(hit) if !self.words.is_empty() => {
                self.index
                    .title_positions(&self.store, hit.entry, &self.words)
            }
            _ => Vec::new(),
        }
    }

    /// The links of the selected entry's detail, in display order.
    pub fn links(&self) -> Vec<Link> {
        self.selected_entry()
            .map(|e| describe(&self.store, self.store.timeline[e].subject()).links())
            .unwrap_or_default()
    }

    fn follow(&mut self, link: Link) {
        self.push_history();
        match link {
            Link::Entry(entry) => {
                if self.row_of_entry(entry).is_none() {
                    self.query.clear();
                    self.brand_filter = None;
                    self.collaborator_filter = None;
                }
                self.refresh(Some(entry));
                self.focus = Focus::Detail;
            }
            Link::Collaborator(c) => {
                self.query.clear();
                self.brand_filter = None;
                self.collaborator_filter = Some(c);
                self.refresh(None);
                self.focus = Focus::Timeline;
            }
            Link::Brand(b) => {
                self.query.clear();
                self.collaborator_filter = None;
                self.brand_filter = Some(b);
                let keep = self.selected_entry();
                self.refresh(keep);
                self.focus = Focus::Timeline;
            }
        }
        self.link = 0;
    }

    fn push_history(&mut self) {
        let snapshot = Snapshot {
            query: self.query.clone(),
            brand: self.brand_filter,
            collaborator: self.collaborator_filter,
            entry: self.selected_entry(),
            focus: self.focus,
        };
        if self.history.last() != Some(&snapshot) {
            self.history.push(snapshot);
        }
    }

    fn back(&mut self) {
        let Some(snapshot) = self.history.pop() else {
            if self.focus == Focus::Detail {
                self.focus = Focus::Timeline;
            } else {
                self.status = Some("Nothing to go back to".into());
            }
            return;
        };
        self.query = snapshot.query;
        self.brand_filter = snapshot.brand;
        self.collaborator_filter = snapshot.collaborator;
        self.focus = snapshot.focus;
        self.refresh(snapshot.entry);
    }

    fn row_of_entry(&self, entry: usize) -> Option<usize> {
        self.rows.iter().position(|h| h.entry == entry)
    }

    fn open_picker(&mut self, kind: PickerKind) {
        self.focus = Focus::Picker;
        self.picker = Some(Picker::new(&self.store, kind));
    }

    fn pick(&mut self) {
        let Some(picker) = self.picker.take() else {
            return;
        };
        self.focus = Focus::Timeline;
        let Some(chosen) = picker.chosen() else {
            return;
        };
        self.push_history();
        match picker.kind {
            PickerKind::Brand => self.brand_filter = Some(chosen),
            PickerKind::Collaborator => self.collaborator_filter = Some(chosen),
        }
        let keep = self.selected_entry();
        self.refresh(keep);
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        if let Some(line) = areas.list_line_at(column, row) {
            if let Some(ListLine::Row(r)) = self.lines.get(self.offset + line) {
                self.focus = Focus::Timeline;
                self.select(*r);
            }
        } else if areas.detail_contains(column, row) && self.selected_entry().is_some() {
            self.focus = Focus::Detail;
        }
    }

    /// Recomputes the listed rows from the query and quick filters. The selection goes to the
    /// best match of a new search, or stays on `keep` (or the nearest entry after it).
    fn refresh(&mut self, keep: Option<usize>) {
        let mut query = match Query::parse(&self.query) {
            Ok(q) => {
                self.query_error = None;
                q
            }
            Err(e) => {
                self.query_error = Some(e.to_string());
                let without_filters = self
                    .query
                    .split_whitespace()
                    .filter(|w| !w.contains(':'))
                    .collect::<Vec<_>>()
                    .join(" ");
                Query::parse(&without_filters).unwrap_or_default()
            }
        };
        if let Some(b) = self.brand_filter {
            query
                .filters
                .brands
                .push(self.store.brands[b].id.to_string());
        }
        if let Some(c) = self.collaborator_filter {
            query
                .filters
                .collaborators
                .push(self.store.collaborators[c].id.to_string());
        }
        let within = self
            .last_search
            .as_ref()
            .filter(|(previous, _)| query.narrows(previous))
            .map(|(_, matched)| Arc::clone(matched));
        self.next_search += 1;
        let request = Request {
            id: self.next_search,
            query,
            within,
            limit: MAX_RANKED_ROWS,
        };
        self.pending = Some((request.id, keep));
        if self.store.timeline.len() >= self.async_from {
            self.outbox = Some(request);
        } else {
            let outcome = worker::run(&self.store, &self.index, request);
            self.receive(outcome);
        }
    }

    /// The search index, shared with the worker.
    pub fn search_index(&self) -> Arc<SearchIndex> {
        Arc::clone(&self.index)
    }

    /// A search for the worker to run, if one is waiting.
    pub fn take_request(&mut self) -> Option<Request> {
        self.outbox.take()
    }

    /// True while a search asked for has not arrived yet.
    pub fn searching(&self) -> bool {
        self.pending.is_some()
    }

    /// Shows a finished search, unless a newer one was asked for since.
    pub fn receive(&mut self, outcome: Outcome) {
        let Some((id, keep)) = self.pending else {
            return;
        };
        if outcome.id != id {
            return;
        }
        self.pending = None;
        self.ranked = !outcome.query.words.is_empty();
        self.match_count = outcome.matched.len();
        self.rows = outcome.rows;
        self.words = outcome.query.words.clone();
        self.last_search = Some((outcome.query, outcome.matched));
        self.rebuild_lines();
        let row = match keep {
            Some(entry) => self.row_of_entry(entry).unwrap_or_else(|| {
                if self.ranked {
                    0
                } else {
                    self.rows.partition_point(|h| h.entry < entry)
                }
            }),
            None => 0,
        };
        self.selected = row.min(self.rows.len().saturating_sub(1));
        self.link = 0;
        self.detail_scroll = 0;
        self.offset = 0;
        self.scroll_into_view();
        if self.rows.is_empty() && self.focus == Focus::Detail {
            self.focus = Focus::Timeline;
        }
    }

    fn rebuild_lines(&mut self) {
        self.lines.clear();
        self.line_of_row.clear();
        self.era_counts = vec![0; self.store.eras.len()];
        let mut previous_era = None;
        for (row, hit) in self.rows.iter().enumerate() {
            let era = self.store.timeline[hit.entry].era();
            if let Some(count) = self.era_counts.get_mut(era) {
                *count += 1;
            }
            if !self.ranked && previous_era != Some(era) {
                self.lines.push(ListLine::Era(era));
                previous_era = Some(era);
            }
            self.line_of_row.push(self.lines.len());
            self.lines.push(ListLine::Row(row));
        }
    }
}

fn clamp_add(value: usize, delta: isize, len: usize) -> usize {
    let last = len.saturating_sub(1) as isize;
    (value as isize).saturating_add(delta).clamp(0, last.max(0)) as usize
}

/// Keeps typed or pasted text printable: controls and new lines become spaces.
fn clean_input(text: &str) -> String {
    sanitize(text)
        .chars()
        .map(|c| {
            if c.is_control() || ('\u{2400}'..='\u{2421}').contains(&c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}
