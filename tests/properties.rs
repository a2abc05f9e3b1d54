//! Property tests: whatever bytes a data file holds, loading never panics; whatever keys and
//! resizes arrive, the browser never panics and its selection never leaves the list.

mod common;

use common::Browser;
use kicktime::load::{builtin_files, parse, source_from_bytes};
use kicktime::open::open;
use kicktime::tui::action::Action;
use kicktime::tui::app::{Overlay, Page};
use kicktime::tui::theme::Theme;
use kicktime::tui::views::draw;
use kicktime::validate::validate;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip(at, byte)),
        (
            any::<usize>(),
            prop_oneof![
                Just(b'('),
                Just(b')'),
                Just(b'"'),
                Just(b','),
                Just(b'['),
                any::<u8>()
            ]
        )
            .prop_map(|(at, byte)| Mutation::Insert(at, byte)),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete(at, len)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    match *mutation {
        Mutation::Flip(at, byte) => {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        Mutation::Insert(at, byte) => bytes.insert(at % (bytes.len() + 1), byte),
        Mutation::Delete(at, len) => {
            let at = at % bytes.len();
            let end = (at + len).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::Truncate(at) => bytes.truncate(at % bytes.len()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn damaged_data_files_never_panic_the_loader(
        file in 0usize..64,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let files = builtin_files();
        let original = &files[file % files.len()];
        let mut bytes = original.text.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        match source_from_bytes(original.name.clone(), bytes) {
            Err(e) => prop_assert!(e.to_string().starts_with(&original.name)),
            Ok(source) => match parse(&source) {
                Err(e) => prop_assert!(e.to_string().starts_with(&original.name), "{e}"),
                Ok(parsed) => {
                    // A file that still parses is validated with the others, as on load.
                    let mut all: Vec<_> = files
                        .iter()
                        .filter(|f| f.name != original.name)
                        .map(|f| parse(f).unwrap())
                        .collect();
                    all.push(parsed);
                    for problem in validate(&all) {
                        prop_assert!(!problem.file.is_empty());
                    }
                }
            },
        }
    }
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::NextEra),
        Just(Action::PrevEra),
        (0usize..12).prop_map(Action::Era),
        Just(Action::OpenSearch),
        prop::char::any().prop_map(Action::Input),
        prop::sample::select(vec!['a', 'k', 'y', '1', '4', ':', ' ', 'j']).prop_map(Action::Input),
        Just(Action::DeleteChar),
        Just(Action::ClearInput),
        Just(Action::Submit),
        Just(Action::Cancel),
        Just(Action::Back),
        Just(Action::PickBrand),
        Just(Action::PickCollaborator),
        Just(Action::ClearFilters),
        Just(Action::OpenDetail),
        Just(Action::OpenLineage),
        Just(Action::OpenBrand),
        Just(Action::OpenCollaborator),
        Just(Action::OpenOverview),
        Just(Action::SwitchBreakdown),
        Just(Action::CycleMark),
        Just(Action::EditMark),
        Just(Action::OpenCollection),
        Just(Action::NextSection),
        Just(Action::Left),
        Just(Action::Right),
        Just(Action::Help),
        (-20isize..20).prop_map(Action::Scroll),
        (0u16..300, 0u16..120).prop_map(|(x, y)| Action::Click(x, y)),
        (1u16..240, 1u16..90).prop_map(|(w, h)| Action::Resize(w, h)),
        "[a-z:. 0-9]{0,12}".prop_map(Action::Paste),
    ]
}

fn assert_in_range(b: &Browser) -> Result<(), TestCaseError> {
    let app = &b.app;
    let listing = &app.browse.listing;
    if listing.is_empty() {
        prop_assert_eq!(listing.selected, 0);
    } else {
        prop_assert!(listing.selected < listing.len());
    }
    prop_assert!(listing.offset <= listing.line_count());
    if let Some(Overlay::Picker(picker)) = &app.overlay {
        prop_assert!(picker.items.is_empty() || picker.selected < picker.items.len());
    }
    let links = app.browse.detail.links().len();
    prop_assert!(links == 0 || app.browse.detail.link < links);
    match &app.page {
        Page::Lineage(l) => prop_assert!(l.rows.is_empty() || l.selected < l.rows.len()),
        Page::Brand(p) => {
            prop_assert!(p.profile.lines.is_empty() || p.line < p.profile.lines.len())
        }
        Page::Collaborator(p) => {
            let n = p.profile.releases().count();
            prop_assert!(n == 0 || p.selected < n)
        }
        Page::Collection(p) => {
            let n = p.summary.pairs.len();
            prop_assert!(n == 0 || p.selected < n)
        }
        Page::Overview(_) | Page::Browse => {}
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_and_resizes_never_panic_or_leave_the_list(
        actions in prop::collection::vec(action(), 1..60),
    ) {
        let store = open(None).expect("built-in data opens").store;
        let mut b = Browser::new(store, 100, 30);
        let theme = Theme::dark();
        for action in actions {
            b.press(action);
            assert_in_range(&b)?;
            let (w, h) = b.app.size;
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|frame| draw(frame, &b.app, &theme)).unwrap();
        }
    }
}

#[test]
fn every_view_draws_at_every_size_up_to_500_by_200() {
    let store = open(Some(&common::mini())).unwrap().store;
    let mut b = Browser::new(store, 1, 1);
    let theme = Theme::mono();
    let sizes = (1..=500)
        .step_by(37)
        .flat_map(|w| (1..=200).step_by(23).map(move |h| (w, h)));
    let views = [
        None,
        Some(Action::OpenLineage),
        Some(Action::OpenBrand),
        Some(Action::OpenOverview),
        Some(Action::Help),
    ];
    for (w, h) in sizes.chain([(500, 200), (1, 200), (500, 1)]) {
        for view in &views {
            b.press(Action::Resize(w, h));
            if let Some(action) = view {
                b.press(action.clone());
            }
            b.press(Action::Down);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|frame| draw(frame, &b.app, &theme)).unwrap();
            b.press(Action::Cancel);
            b.press(Action::Back);
        }
    }
}
