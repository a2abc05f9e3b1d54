//! Marks in the browser, without a terminal: `m` cycles and saves, the rows and the detail show
//! marks, `mark:` filters, My collection lists the pairs, and a failed save keeps the mark on
//! screen and saves it with the next one.

mod common;

use common::{Browser, temp_dir};
use kicktime::collection::Status;
use kicktime::collection::file::CollectionFile;
use kicktime::tui::action::Action;
use kicktime::tui::app::{Overlay, Page};

fn collection_path() -> std::path::PathBuf {
    temp_dir("tui-marks").join("collection.ron")
}

fn saved_status(path: &std::path::Path, id: &str) -> Option<Status> {
    let read = CollectionFile::at(path).read().unwrap();
    read.collection.status(id)
}

#[test]
fn m_cycles_the_mark_and_saves_each_step() {
    let path = collection_path();
    let mut b = Browser::mini(120, 40).with_collection(&path);
    b.press(Action::Down);
    let id = b.selected_id();
    let mut seen = Vec::new();
    for _ in 0..4 {
        b.press(Action::CycleMark);
        seen.push(saved_status(&path, &id));
        let position = b.app.browse.listing.selected_entry().unwrap();
        assert_eq!(b.app.marks.status_at(position), *seen.last().unwrap());
    }
    assert_eq!(
        seen,
        [
            Some(Status::Owned),
            Some(Status::Wanted),
            Some(Status::Sold),
            None
        ]
    );
    assert!(b.app.status.as_deref().unwrap().ends_with("unmarked"));
}

#[test]
fn marks_are_read_back_by_the_next_browser() {
    let path = collection_path();
    let mut first = Browser::mini(120, 40).with_collection(&path);
    first.press(Action::Down);
    first.press(Action::CycleMark);
    let id = first.selected_id();
    let second = Browser::mini(120, 40).with_collection(&path);
    assert_eq!(
        second.app.marks.collection().status(&id),
        Some(Status::Owned)
    );
}

#[test]
fn the_mark_filter_lists_marked_entries_and_follows_changes() {
    let path = collection_path();
    let mut b = Browser::mini(120, 40).with_collection(&path);
    b.press(Action::Down);
    b.press(Action::CycleMark);
    let owned = b.selected_id();
    b.press(Action::Down);
    b.press(Action::CycleMark);
    b.press(Action::CycleMark);
    let wanted = b.selected_id();
    b.type_text("mark:owned");
    assert_eq!(b.listed_ids(), std::slice::from_ref(&owned));
    b.press(Action::Submit);
    b.type_text(" ");
    b.press(Action::Cancel);
    // mark:any lists both; unmarking one (m three times) takes it out of the list at once.
    let mut b = Browser::mini(120, 40).with_collection(&path);
    b.type_text("mark:any");
    b.press(Action::Submit);
    let mut listed = b.listed_ids();
    listed.sort();
    let mut both = vec![owned.clone(), wanted.clone()];
    both.sort();
    assert_eq!(listed, both);
    while b.selected_id() != owned {
        b.press(Action::Down);
    }
    b.press(Action::CycleMark);
    b.press(Action::CycleMark);
    b.press(Action::CycleMark);
    assert_eq!(b.listed_ids(), [wanted]);
}

#[test]
fn a_failed_save_keeps_the_mark_on_screen_and_the_next_save_keeps_both() {
    let folder = temp_dir("unwritable");
    let blocker = folder.join("kicktime");
    let path = blocker.join("collection.ron");
    let mut b = Browser::mini(120, 40).with_collection(&path);
    // A file where the collection's folder should be: nothing can be saved under it.
    std::fs::write(&blocker, "not a folder").unwrap();
    b.press(Action::Down);
    b.press(Action::CycleMark);
    let first = b.selected_id();
    let status = b.app.status.clone().unwrap();
    assert!(status.starts_with("Not saved"), "{status}");
    assert_eq!(b.app.marks.collection().status(&first), Some(Status::Owned));
    assert_eq!(b.app.marks.unsaved().len(), 1);
    // The folder comes back: the next mark saves both.
    std::fs::remove_file(&blocker).unwrap();
    b.press(Action::Down);
    b.press(Action::CycleMark);
    let second = b.selected_id();
    assert!(b.app.marks.unsaved().is_empty());
    assert_eq!(saved_status(&path, &first), Some(Status::Owned));
    assert_eq!(saved_status(&path, &second), Some(Status::Owned));
}

#[test]
fn the_form_saves_details_and_my_collection_lists_the_pair() {
    let path = collection_path();
    let mut b = Browser::mini(120, 40).with_collection(&path);
    b.press(Action::Down);
    let id = b.selected_id();
    b.press(Action::EditMark);
    assert!(matches!(b.app.overlay, Some(Overlay::MarkForm(_))));
    b.press(Action::Down);
    for c in "US 10".chars() {
        b.press(Action::Input(c));
    }
    b.press(Action::Submit);
    assert!(b.app.overlay.is_none());
    let read = CollectionFile::at(&path).read().unwrap();
    assert_eq!(
        read.collection.get(&id).unwrap().size.as_deref(),
        Some("US 10")
    );
    b.press(Action::OpenCollection);
    let Page::Collection(page) = &b.app.page else {
        panic!("not on My collection");
    };
    assert_eq!(page.summary.pairs.len(), 1);
    assert_eq!(page.summary.counts, [1, 0, 0]);
    // Enter goes to the pair on the timeline.
    b.press(Action::Down);
    b.press(Action::Submit);
    assert!(matches!(b.app.page, Page::Browse));
    assert_eq!(b.selected_id(), id);
}

#[test]
fn esc_in_the_form_changes_nothing() {
    let path = collection_path();
    let mut b = Browser::mini(120, 40).with_collection(&path);
    b.press(Action::Down);
    b.press(Action::EditMark);
    b.press(Action::Cancel);
    assert!(b.app.overlay.is_none());
    assert!(b.app.marks.collection().marks.is_empty());
    assert!(!path.exists());
}
