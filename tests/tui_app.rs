//! The browser's state and key handling without a terminal: what a person would see change
//! after each action, on the small test dataset.

mod common;

use kicktime::open::open;
use kicktime::tui::action::Action;
use kicktime::tui::app::{App, Focus, ListLine};

fn app(width: u16, height: u16) -> App {
    let store = open(Some(&common::mini())).expect("fixture opens").store;
    App::new(store, width, height)
}

fn selected_id(app: &App) -> String {
    app.store
        .id_of(&app.store.timeline[app.selected_entry().unwrap()])
        .to_string()
}

fn type_text(app: &mut App, text: &str) {
    app.update(Action::OpenSearch);
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

fn era_id(app: &App) -> String {
    app.store.eras[app.current_era().unwrap()].id.to_string()
}

#[test]
fn starts_on_the_first_entry_of_the_timeline_with_era_headings() {
    let app = app(120, 40);
    assert_eq!(selected_id(&app), "gel-kayano-1");
    assert_eq!(app.rows.len(), 10);
    assert!(matches!(app.lines[0], ListLine::Era(_)));
    assert_eq!(app.focus, Focus::Timeline);
}

#[test]
fn moving_never_leaves_the_list() {
    let mut app = app(120, 40);
    app.update(Action::Up);
    assert_eq!(app.selected, 0);
    for _ in 0..50 {
        app.update(Action::Down);
    }
    assert_eq!(app.selected, 9);
    app.update(Action::PageDown);
    assert_eq!(app.selected, 9);
    app.update(Action::Top);
    assert_eq!(app.selected, 0);
    app.update(Action::Bottom);
    assert_eq!(selected_id(&app), "gel-kayano-14-kiko-2023");
}

#[test]
fn era_keys_jump_between_eras_with_entries() {
    let mut app = app(120, 40);
    assert_eq!(era_id(&app), "stability-90s");
    app.update(Action::NextEra);
    assert_eq!(era_id(&app), "y2k-tech");
    assert_eq!(selected_id(&app), "gel-kayano-14");
    app.update(Action::NextEra);
    app.update(Action::NextEra);
    assert_eq!(era_id(&app), "running-revival");
    app.update(Action::NextEra);
    assert_eq!(era_id(&app), "running-revival", "stays in the last era");
    assert!(app.status.is_some(), "says why nothing moved");
    app.update(Action::PrevEra);
    assert_eq!(era_id(&app), "minimal-knit");
    app.update(Action::Era(7));
    assert_eq!(selected_id(&app), "nb-2002r");
    app.update(Action::Era(0));
    assert_eq!(era_id(&app), "running-revival", "era 1 has no entry");
    assert!(app.status.as_deref().unwrap().contains("Origins"));
}

#[test]
fn an_era_jump_shows_the_era_heading_at_the_top_of_a_short_list() {
    let mut app = app(120, 12);
    app.update(Action::Era(7));
    assert_eq!(app.lines[app.offset], ListLine::Era(7));
    app.update(Action::Era(4));
    assert_eq!(app.lines[app.offset], ListLine::Era(4));
    assert_eq!(selected_id(&app), "gel-kayano-14");
}

#[test]
fn typing_jjjjound_shows_the_gel_kayano_14_collab_first_with_highlights() {
    let mut app = app(120, 40);
    type_text(&mut app, "jjjjound");
    assert_eq!(app.focus, Focus::Search);
    assert!(app.ranked);
    assert_eq!(app.rows.len(), 1);
    assert_eq!(selected_id(&app), "gel-kayano-14-jjjjound-2022");
    assert_eq!(app.title_positions(0), [0, 1, 2, 3, 4, 5, 6, 7]);
    app.update(Action::Submit);
    assert_eq!(app.focus, Focus::Timeline, "Enter keeps the results");
    assert_eq!(app.rows.len(), 1);
    app.update(Action::Cancel);
    assert_eq!(app.rows.len(), 10, "Esc clears the search");
}

#[test]
fn search_narrows_live_and_esc_in_the_bar_clears_it() {
    let mut app = app(120, 40);
    type_text(&mut app, "2002");
    let with_2002 = app.rows.len();
    app.update(Action::Input('r'));
    assert!(app.rows.len() <= with_2002);
    assert!(app.rows.iter().all(|h| {
        app.store
            .title_of(&app.store.timeline[h.entry])
            .contains("2002R")
    }));
    app.update(Action::DeleteChar);
    assert_eq!(app.query, "2002");
    app.update(Action::Cancel);
    assert_eq!(app.query, "");
    assert_eq!(app.focus, Focus::Timeline);
    assert_eq!(app.rows.len(), 10);
}

#[test]
fn field_filters_work_in_the_search_bar_and_bad_ones_are_explained() {
    let mut app = app(120, 40);
    type_text(&mut app, "brand:nb kind:collab");
    assert_eq!(app.rows.len(), 2);
    assert!(!app.ranked, "filters alone keep timeline order");
    app.update(Action::ClearInput);
    type_text(&mut app, "year:20x");
    assert!(app.query_error.as_deref().unwrap().contains("not a year"));
    assert_eq!(
        app.rows.len(),
        10,
        "the broken filter is ignored, not fatal"
    );
}

#[test]
fn the_brand_picker_filters_the_timeline_and_x_clears_it() {
    let mut app = app(120, 40);
    app.update(Action::PickBrand);
    assert_eq!(app.focus, Focus::Picker);
    for c in "new".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    assert_eq!(app.focus, Focus::Timeline);
    assert_eq!(app.rows.len(), 4);
    assert!(app.rows.iter().all(|h| {
        app.store
            .id_of(&app.store.timeline[h.entry])
            .starts_with("nb-")
    }));
    app.update(Action::ClearFilters);
    assert_eq!(app.rows.len(), 10);
}

#[test]
fn the_collaborator_picker_is_searchable_and_esc_closes_it() {
    let mut app = app(120, 40);
    app.update(Action::PickCollaborator);
    let picker = app.picker.as_ref().unwrap();
    assert_eq!(picker.items.len(), 4);
    for c in "kiko".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(app.picker.as_ref().unwrap().items.len(), 1);
    app.update(Action::Submit);
    assert_eq!(app.rows.len(), 1);
    assert_eq!(selected_id(&app), "gel-kayano-14-kiko-2023");
    app.update(Action::PickBrand);
    app.update(Action::Cancel);
    assert!(app.picker.is_none());
    assert_eq!(app.rows.len(), 1, "closing the picker keeps the filter");
}

#[test]
fn following_links_from_the_detail_and_going_back() {
    let mut app = app(120, 40);
    type_text(&mut app, "jjjjound");
    app.update(Action::Submit);
    app.update(Action::OpenDetail);
    assert_eq!(app.focus, Focus::Detail);
    // The first link of a release is its brand, the second its model.
    app.update(Action::Down);
    app.update(Action::Submit);
    assert_eq!(selected_id(&app), "gel-kayano-14", "followed to the model");
    assert_eq!(app.focus, Focus::Detail);
    assert_eq!(app.query, "", "the search was cleared to show the model");
    app.update(Action::Back);
    assert_eq!(selected_id(&app), "gel-kayano-14-jjjjound-2022");
    assert_eq!(app.query, "jjjjound", "back restores the search");
}

#[test]
fn following_a_collaborator_lists_their_work() {
    let mut app = app(120, 40);
    app.update(Action::Bottom);
    app.update(Action::OpenDetail);
    let links = app.links();
    let collaborator = links
        .iter()
        .position(|l| matches!(l, kicktime::detail::Link::Collaborator(_)))
        .unwrap();
    for _ in 0..collaborator {
        app.update(Action::Down);
    }
    app.update(Action::Submit);
    assert_eq!(app.focus, Focus::Timeline);
    assert_eq!(
        app.collaborator_filter
            .map(|c| app.store.collaborators[c].id.as_str()),
        Some("kiko-kostadinov")
    );
    assert_eq!(app.rows.len(), 1);
}

#[test]
fn the_selection_stays_visible_on_a_small_screen() {
    let mut app = app(40, 12);
    for _ in 0..9 {
        app.update(Action::Down);
        let height = usize::from(app.areas().list_height());
        let line = app
            .lines
            .iter()
            .position(|l| *l == ListLine::Row(app.selected))
            .unwrap();
        assert!(
            line >= app.offset && line < app.offset + height,
            "line {line} offset {}",
            app.offset
        );
    }
    app.update(Action::Resize(40, 8));
    app.update(Action::Top);
    assert_eq!(app.offset, 0);
}

#[test]
fn clicking_a_row_selects_it_and_the_wheel_scrolls() {
    let mut app = app(120, 40);
    // Row 0 of the screen is the tabs, 1 the search bar, 2 the list's border, 3 the first
    // era heading, 4 the first entry, 5 the second.
    app.update(Action::Click(10, 5));
    assert_eq!(selected_id(&app), "gel-kayano-4");
    app.update(Action::Scroll(3));
    assert_eq!(app.selected, 4);
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = app(120, 40);
    app.update(Action::Help);
    assert!(app.help);
    app.update(Action::Down);
    assert!(!app.help);
    assert_eq!(
        app.selected, 0,
        "the key that closes the help does nothing else"
    );
}

#[test]
fn a_huge_paste_is_cut_and_stays_responsive() {
    let mut app = app(120, 40);
    app.update(Action::OpenSearch);
    let started = std::time::Instant::now();
    app.update(Action::Paste("kayano\n\u{1b}[2J".repeat(10_000)));
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(
        app.query.chars().count(),
        kicktime::tui::app::MAX_QUERY_CHARS
    );
    assert!(!app.query.chars().any(char::is_control));
}

#[test]
fn quit_is_a_state_change() {
    let mut app = app(80, 24);
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn narrowing_a_search_gives_what_a_fresh_search_gives() {
    for (typed, fresh) in [
        ("ka", "kay"),
        ("kay", "kayano 1"),
        ("brand:asics", "brand:asics 14"),
    ] {
        let mut narrowed = app(120, 40);
        type_text(&mut narrowed, typed);
        for c in fresh[typed.len()..].chars() {
            narrowed.update(Action::Input(c));
        }
        let mut direct = app(120, 40);
        direct.update(Action::Paste(fresh.to_string()));
        assert_eq!(narrowed.query, fresh);
        assert_eq!(narrowed.rows, direct.rows, "{typed} then {fresh}");
    }
}

#[test]
fn on_a_large_dataset_searches_run_on_the_worker_and_stale_answers_are_dropped() {
    use kicktime::tui::worker::Worker;
    let store = open(Some(&common::mini())).unwrap().store;
    // A threshold of 0 treats the small dataset as large.
    let mut app = App::with_async_from(store, 120, 40, 0);
    let first = app
        .take_request()
        .expect("the opening list is a search too");
    let worker = Worker::spawn(app.store.clone(), app.search_index());
    worker.send(first);
    let outcome = wait_for_outcome(&worker);
    app.receive(outcome);
    assert_eq!(app.rows.len(), 10);

    app.update(Action::OpenSearch);
    app.update(Action::Input('g'));
    let stale = app.take_request().unwrap();
    app.update(Action::Input('a'));
    assert!(app.searching());
    assert_eq!(
        app.rows.len(),
        10,
        "the list stays as it was while the worker searches"
    );
    let fresh = app.take_request().unwrap();
    worker.send(stale);
    let stale_outcome = wait_for_outcome(&worker);
    app.receive(stale_outcome);
    assert!(app.searching(), "an answer to an older query is ignored");
    worker.send(fresh);
    app.receive(wait_for_outcome(&worker));
    assert!(!app.searching());
    assert!(app.ranked);
    assert_eq!(app.query, "ga");
    assert!(
        app.rows
            .iter()
            .any(|h| app.store.id_of(&app.store.timeline[h.entry]) == "nb-2002r-ganni-2022")
    );
}

fn wait_for_outcome(worker: &kicktime::tui::worker::Worker) -> kicktime::tui::worker::Outcome {
    let started = std::time::Instant::now();
    loop {
        if let Some(outcome) = worker.latest() {
            return outcome;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "no answer"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
