//! The browser's copy of the collection: the marks by id and by timeline position (for the
//! rows and the `mark:` filter), and the changes whose save failed, which stay on screen and
//! are saved again with the next change or on quitting.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::collection::{Change, Collection, Mark, Status};
use crate::search::Marked;
use crate::store::Store;

#[derive(Debug, Clone, Default)]
pub struct Marks {
    collection: Collection,
    by_position: FxHashMap<u32, Status>,
    marked: Marked,
    /// Changes made here but not saved (their save failed).
    unsaved: Vec<Change>,
}

impl Marks {
    pub fn new(store: &Store, collection: Collection) -> Marks {
        let mut marks = Marks {
            collection,
            ..Marks::default()
        };
        marks.index(store);
        marks
    }

    pub fn collection(&self) -> &Collection {
        &self.collection
    }

    pub fn get(&self, id: &str) -> Option<&Mark> {
        self.collection.get(id)
    }

    /// The status of the entry at a timeline position.
    pub fn status_at(&self, position: usize) -> Option<Status> {
        self.by_position.get(&(position as u32)).copied()
    }

    /// Whether anything is marked (the timeline makes room for the marks only then).
    pub fn any(&self) -> bool {
        !self.by_position.is_empty()
    }

    /// The marked positions for a `mark:` filter.
    pub fn marked(&self) -> Marked {
        Arc::clone(&self.marked)
    }

    pub fn unsaved(&self) -> &[Change] {
        &self.unsaved
    }

    /// Makes a change here at once and hands back every change to save (those not saved
    /// before, then this one).
    pub fn change(&mut self, store: &Store, change: Change) -> Vec<Change> {
        self.collection.apply(&change);
        self.index(store);
        self.unsaved.retain(|c| c.id != change.id);
        self.unsaved.push(change);
        self.unsaved.clone()
    }

    /// A save succeeded: the collection as the file now holds it (with any other process's
    /// marks), nothing left unsaved.
    pub fn saved(&mut self, store: &Store, collection: Collection) {
        self.collection = collection;
        self.unsaved.clear();
        self.index(store);
    }

    fn index(&mut self, store: &Store) {
        let positions = self.collection.positions(store);
        self.marked = Arc::new(positions.iter().map(|&(p, s)| (p, s.filter())).collect());
        self.by_position = positions.into_iter().collect();
    }
}
