//! The browser's state and key handling without a terminal: what a person would see change
//! after each action, on the small test dataset.

mod common;

use common::Browser;
use kicktime::detail::Link;
use kicktime::store::Subject;
use kicktime::tui::action::Action;
use kicktime::tui::app::{Context, Overlay, Page};
use kicktime::tui::views::timeline::ListLine;

fn browser(width: u16, height: u16) -> Browser {
    Browser::mini(width, height)
}

#[test]
fn starts_on_the_first_entry_of_the_timeline_with_era_headings() {
    let b = browser(120, 40);
    assert_eq!(b.selected_id(), "gel-kayano-1");
    assert_eq!(b.app.browse.listing.len(), 10);
    assert_eq!(b.app.browse.listing.line(0), Some(ListLine::Era(3)));
    assert_eq!(b.app.context(), Context::Timeline);
}

#[test]
fn moving_never_leaves_the_list() {
    let mut b = browser(120, 40);
    b.press(Action::Up);
    assert_eq!(b.app.browse.listing.selected, 0);
    for _ in 0..50 {
        b.press(Action::Down);
    }
    assert_eq!(b.app.browse.listing.selected, 9);
    b.press(Action::PageDown);
    assert_eq!(b.app.browse.listing.selected, 9);
    b.press(Action::Top);
    assert_eq!(b.app.browse.listing.selected, 0);
    b.press(Action::Bottom);
    assert_eq!(b.selected_id(), "gel-kayano-14-kiko-2023");
}

#[test]
fn era_keys_jump_between_eras_with_entries() {
    let mut b = browser(120, 40);
    assert_eq!(b.era_id(), "stability-90s");
    b.press(Action::NextEra);
    assert_eq!(b.era_id(), "y2k-tech");
    assert_eq!(b.selected_id(), "gel-kayano-14");
    b.press(Action::NextEra);
    b.press(Action::NextEra);
    assert_eq!(b.era_id(), "running-revival");
    b.press(Action::NextEra);
    assert_eq!(b.era_id(), "running-revival", "stays in the last era");
    assert!(b.app.status.is_some(), "says why nothing moved");
    b.press(Action::PrevEra);
    assert_eq!(b.era_id(), "minimal-knit");
    b.press(Action::Era(7));
    assert_eq!(b.selected_id(), "nb-2002r");
    b.press(Action::Era(0));
    assert_eq!(b.era_id(), "running-revival", "era 1 has no entry");
    assert!(b.app.status.as_deref().unwrap().contains("Origins"));
}

#[test]
fn an_era_jump_shows_the_era_heading_at_the_top_of_a_short_list() {
    let mut b = browser(120, 12);
    b.press(Action::Era(7));
    let listing = &b.app.browse.listing;
    assert_eq!(listing.line(listing.offset), Some(ListLine::Era(7)));
    b.press(Action::Era(4));
    let listing = &b.app.browse.listing;
    assert_eq!(listing.line(listing.offset), Some(ListLine::Era(4)));
    assert_eq!(b.selected_id(), "gel-kayano-14");
}

#[test]
fn typing_jjjjound_shows_the_gel_kayano_14_collab_first_with_highlights() {
    let mut b = browser(120, 40);
    b.type_text("jjjjound");
    assert_eq!(b.app.context(), Context::Search);
    assert!(b.app.browse.listing.is_ranked());
    assert_eq!(b.listed_ids(), ["gel-kayano-14-jjjjound-2022"]);
    let entry = b.app.browse.listing.entry(0).unwrap();
    let positions = b
        .app
        .index
        .title_positions(&b.app.store, entry, &b.app.browse.words);
    assert_eq!(positions, [0, 1, 2, 3, 4, 5, 6, 7]);
    b.press(Action::Submit);
    assert_eq!(
        b.app.context(),
        Context::Timeline,
        "Enter keeps the results"
    );
    assert_eq!(b.app.browse.listing.len(), 1);
    b.press(Action::Cancel);
    assert_eq!(b.app.browse.listing.len(), 10, "Esc clears the search");
}

#[test]
fn search_narrows_live_and_esc_in_the_bar_clears_it() {
    let mut b = browser(120, 40);
    b.type_text("2002");
    let with_2002 = b.app.browse.listing.len();
    b.press(Action::Input('r'));
    assert!(b.app.browse.listing.len() <= with_2002);
    let store = b.app.store.clone();
    assert!(
        (b.app.browse.listing.entries().into_iter())
            .all(|p| store.title_of(&store.timeline[p]).contains("2002R"))
    );
    b.press(Action::DeleteChar);
    assert_eq!(b.app.browse.search.query, "2002");
    b.press(Action::Cancel);
    assert_eq!(b.app.browse.search.query, "");
    assert_eq!(b.app.context(), Context::Timeline);
    assert_eq!(b.app.browse.listing.len(), 10);
}

#[test]
fn field_filters_work_in_the_search_bar_and_bad_ones_are_explained() {
    let mut b = browser(120, 40);
    b.type_text("brand:nb kind:collab");
    assert_eq!(b.app.browse.listing.len(), 2);
    assert!(
        !b.app.browse.listing.is_ranked(),
        "filters alone keep timeline order"
    );
    b.press(Action::ClearInput);
    b.type_text("year:20x");
    let error = b.app.browse.search.error.clone().unwrap();
    assert!(error.contains("not a year"), "{error}");
    assert_eq!(
        b.app.browse.listing.len(),
        10,
        "the broken filter is ignored, not fatal"
    );
}

#[test]
fn the_line_filter_lists_a_line() {
    let mut b = browser(120, 40);
    b.type_text("line:gel-kayano kind:model");
    assert_eq!(
        b.listed_ids(),
        ["gel-kayano-1", "gel-kayano-4", "gel-kayano-14"]
    );
}

#[test]
fn the_brand_picker_filters_the_timeline_and_x_clears_it() {
    let mut b = browser(120, 40);
    b.press(Action::PickBrand);
    assert_eq!(b.app.context(), Context::Picker);
    for c in "new".chars() {
        b.press(Action::Input(c));
    }
    b.press(Action::Submit);
    assert_eq!(b.app.context(), Context::Timeline);
    assert_eq!(b.app.browse.listing.len(), 4);
    assert!(b.listed_ids().iter().all(|id| id.starts_with("nb-")));
    b.press(Action::ClearFilters);
    assert_eq!(b.app.browse.listing.len(), 10);
}

#[test]
fn the_collaborator_picker_is_searchable_and_esc_closes_it() {
    let mut b = browser(120, 40);
    b.press(Action::PickCollaborator);
    let Some(Overlay::Picker(picker)) = &b.app.overlay else {
        panic!("no picker");
    };
    assert_eq!(picker.items.len(), 4);
    for c in "kiko".chars() {
        b.press(Action::Input(c));
    }
    let Some(Overlay::Picker(picker)) = &b.app.overlay else {
        panic!("no picker");
    };
    assert_eq!(picker.items.len(), 1);
    b.press(Action::Submit);
    assert_eq!(b.listed_ids(), ["gel-kayano-14-kiko-2023"]);
    b.press(Action::PickBrand);
    b.press(Action::Cancel);
    assert!(b.app.overlay.is_none());
    assert_eq!(
        b.app.browse.listing.len(),
        1,
        "closing the picker keeps the filter"
    );
}

#[test]
fn following_links_from_the_detail_and_going_back() {
    let mut b = browser(120, 40);
    b.type_text("jjjjound");
    b.press(Action::Submit);
    b.press(Action::OpenDetail);
    assert_eq!(b.app.context(), Context::Detail);
    // The first link of a release is its brand, the second its model.
    b.press(Action::Down);
    b.press(Action::Submit);
    assert_eq!(b.selected_id(), "gel-kayano-14", "followed to the model");
    assert_eq!(b.app.context(), Context::Detail);
    assert_eq!(
        b.app.browse.search.query, "",
        "the search was cleared to show the model"
    );
    b.press(Action::Back);
    assert_eq!(b.selected_id(), "gel-kayano-14-jjjjound-2022");
    assert_eq!(
        b.app.browse.search.query, "jjjjound",
        "back restores the search"
    );
}

#[test]
fn following_a_collaborator_opens_their_page_and_back_returns() {
    let mut b = browser(120, 40);
    b.press(Action::Bottom);
    b.press(Action::OpenDetail);
    let links = b.app.browse.detail.links().to_vec();
    let at = links
        .iter()
        .position(|l| matches!(l, Link::Collaborator(_)))
        .unwrap();
    for _ in 0..at {
        b.press(Action::Down);
    }
    b.press(Action::Submit);
    let Page::Collaborator(page) = &b.app.page else {
        panic!("not on a collaborator page: {:?}", b.app.context());
    };
    let who = &b.app.store.collaborators[page.profile.collaborator];
    assert_eq!(who.id.as_str(), "kiko-kostadinov");
    assert_eq!(page.profile.releases().count(), 1);
    b.press(Action::Back);
    assert_eq!(b.app.context(), Context::Detail);
    assert_eq!(b.selected_id(), "gel-kayano-14-kiko-2023");
}

#[test]
fn the_lineage_lists_the_line_with_the_entry_selected_and_opens_a_generation() {
    let mut b = browser(120, 40);
    b.press(Action::NextEra); // the Gel-Kayano 14
    b.press(Action::OpenLineage);
    let Page::Lineage(lineage) = &b.app.page else {
        panic!("no lineage: {:?}", b.app.context());
    };
    let store = b.app.store.clone();
    let models: Vec<&str> = (lineage.line.generations.iter())
        .map(|g| store.models.id(g.model))
        .collect();
    assert_eq!(models, ["gel-kayano-1", "gel-kayano-4", "gel-kayano-14"]);
    let generation = lineage.line.generations[2].model;
    assert_eq!(
        lineage.line.row_of(&store, Subject::Model(generation)),
        Some(lineage.selected),
        "the Gel-Kayano 14 is selected"
    );
    // Up to the Gel-Kayano 4, and open it.
    b.press(Action::Up);
    b.press(Action::Submit);
    assert_eq!(b.app.context(), Context::Detail);
    assert_eq!(b.selected_id(), "gel-kayano-4");
    b.press(Action::Back);
    assert_eq!(b.app.context(), Context::Lineage, "back to the lineage");
    b.press(Action::Back);
    assert_eq!(b.app.context(), Context::Timeline);
    assert_eq!(
        b.selected_id(),
        "gel-kayano-14",
        "and back to where it started"
    );
}

#[test]
fn the_brand_page_counts_the_brand_and_narrows_the_timeline_to_a_year_or_a_line() {
    let mut b = browser(120, 40);
    b.press(Action::OpenBrand);
    let Page::Brand(page) = &b.app.page else {
        panic!("no brand page");
    };
    assert_eq!(page.profile.models, 3);
    assert_eq!(page.profile.collabs, 2);
    assert_eq!(page.profile.lines[0].name, "Gel-Kayano");
    assert_eq!(page.year, 2023, "the cursor starts on the latest year");
    b.press(Action::Left);
    b.press(Action::Submit);
    assert_eq!(b.app.browse.search.query, "brand:asics year:2022");
    assert_eq!(b.listed_ids(), ["gel-kayano-14-jjjjound-2022"]);
    b.press(Action::Back);
    assert_eq!(b.app.context(), Context::Brand);
    b.press(Action::NextSection);
    b.press(Action::Submit);
    assert_eq!(b.app.browse.search.query, "brand:asics line:Gel-Kayano");
    assert_eq!(
        b.app.browse.listing.len(),
        6,
        "the line's 3 models and 3 releases"
    );
}

#[test]
fn the_overview_jumps_the_timeline_to_a_year_and_to_an_era() {
    let mut b = browser(120, 40);
    b.press(Action::OpenOverview);
    let Page::Overview(overview) = &b.app.page else {
        panic!("no overview");
    };
    assert_eq!(
        overview.year, 1993,
        "the cursor starts at the selected entry's year"
    );
    b.press(Action::SwitchBreakdown);
    b.press(Action::PageDown);
    b.press(Action::PageDown);
    b.press(Action::Submit);
    assert_eq!(b.app.context(), Context::Timeline);
    assert_eq!(
        b.selected_id(),
        "nb-2002r",
        "the first entry of 2013 or later"
    );
    b.press(Action::OpenOverview);
    b.press(Action::Era(4));
    assert_eq!(
        b.selected_id(),
        "gel-kayano-14",
        "the first entry of Y2K tech runners"
    );
}

#[test]
fn the_selection_stays_visible_on_a_small_screen() {
    let mut b = browser(40, 12);
    for _ in 0..9 {
        b.press(Action::Down);
        let height = usize::from(b.app.areas().list_height());
        let listing = &b.app.browse.listing;
        let line = listing.line_of_row(listing.selected);
        assert!(
            line >= listing.offset && line < listing.offset + height,
            "line {line} offset {}",
            listing.offset
        );
    }
    b.press(Action::Resize(40, 8));
    b.press(Action::Top);
    assert_eq!(b.app.browse.listing.offset, 0);
}

#[test]
fn clicking_a_row_selects_it_and_the_wheel_scrolls() {
    let mut b = browser(120, 40);
    // Row 0 of the screen is the eras, 1 the search bar, 2 the list's border, 3 the first
    // era heading, 4 the first entry, 5 the second.
    b.press(Action::Click(10, 5));
    assert_eq!(b.selected_id(), "gel-kayano-4");
    b.press(Action::Scroll(3));
    assert_eq!(b.app.browse.listing.selected, 4);
}

#[test]
fn help_opens_scrolls_and_any_other_key_closes_it() {
    let mut b = browser(120, 40);
    b.press(Action::Help);
    assert_eq!(b.app.context(), Context::Help);
    b.press(Action::Down);
    assert!(
        matches!(b.app.overlay, Some(Overlay::Help(1))),
        "j scrolls the help"
    );
    b.press(Action::Right);
    assert_eq!(b.app.context(), Context::Timeline);
    assert_eq!(
        b.app.browse.listing.selected, 0,
        "the key that closes the help does nothing else"
    );
}

#[test]
fn a_huge_paste_is_cut_and_stays_responsive() {
    let mut b = browser(120, 40);
    b.press(Action::OpenSearch);
    let started = std::time::Instant::now();
    b.press(Action::Paste("kayano\n\u{1b}[2J".repeat(10_000)));
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    let query = &b.app.browse.search.query;
    assert_eq!(
        query.chars().count(),
        kicktime::tui::views::search::MAX_QUERY_CHARS
    );
    assert!(!query.chars().any(char::is_control));
}

#[test]
fn quit_is_an_effect_for_the_loop() {
    let mut b = browser(80, 24);
    assert_eq!(
        b.app.update(Action::Quit),
        Some(kicktime::tui::action::Effect::Quit)
    );
    b.press(Action::Quit);
    assert!(b.quit_asked());
}

#[test]
fn narrowing_a_search_gives_what_a_fresh_search_gives() {
    for (typed, fresh) in [
        ("ka", "kay"),
        ("kay", "kayano 1"),
        ("brand:asics", "brand:asics 14"),
    ] {
        let mut narrowed = browser(120, 40);
        narrowed.type_text(typed);
        for c in fresh[typed.len()..].chars() {
            narrowed.press(Action::Input(c));
        }
        let mut direct = browser(120, 40);
        direct.press(Action::Paste(fresh.to_string()));
        assert_eq!(narrowed.app.browse.search.query, fresh);
        assert_eq!(
            narrowed.app.browse.listing, direct.app.browse.listing,
            "{typed} then {fresh}"
        );
    }
}

#[test]
fn erasing_back_to_an_earlier_query_gives_what_a_fresh_search_gives() {
    // Typed `kayano 1`, erased to `kay`, then typed `z` and erased it: each search narrows an
    // earlier query's matches (tui/recent.rs), never wrongly.
    let mut b = browser(120, 40);
    b.type_text("kayano 1");
    for _ in 0.."ano 1".len() {
        b.press(Action::DeleteChar);
    }
    let mut direct = browser(120, 40);
    direct.press(Action::Paste("kay".to_string()));
    assert_eq!(b.app.browse.search.query, "kay");
    assert_eq!(
        b.app.browse.listing, direct.app.browse.listing,
        "erased to kay"
    );
    b.press(Action::Input('z'));
    b.press(Action::DeleteChar);
    b.press(Action::Input('a'));
    let mut direct = browser(120, 40);
    direct.press(Action::Paste("kaya".to_string()));
    assert_eq!(b.app.browse.listing, direct.app.browse.listing, "then kaya");
}

#[test]
fn on_a_large_dataset_searches_run_on_the_worker_and_stale_answers_are_dropped() {
    use kicktime::tui::action::Effect;
    use kicktime::tui::app::App;
    use kicktime::tui::worker::{Worker, run};
    let store = kicktime::open::open(Some(&common::mini())).unwrap().store;
    let mut app = App::new(store, 120, 40);
    let Some(Effect::Search(first)) = app.start() else {
        panic!("the opening list is a search too");
    };
    let worker = Worker::spawn(app.store.clone(), app.index.clone());
    worker.send(first);
    app.update(Action::Searched(wait_for_outcome(&worker)));
    assert_eq!(app.browse.listing.len(), 10);

    app.update(Action::OpenSearch);
    let Some(Effect::Search(stale)) = app.update(Action::Input('g')) else {
        panic!("typing asks for a search");
    };
    let Some(Effect::Search(fresh)) = app.update(Action::Input('a')) else {
        panic!("typing asks for a search");
    };
    assert!(app.searching());
    assert_eq!(
        app.browse.listing.len(),
        10,
        "the list stays as it was while the worker searches"
    );
    app.update(Action::Searched(run(&app.store, &app.index, stale)));
    assert!(app.searching(), "an answer to an older query is ignored");
    worker.send(fresh);
    app.update(Action::Searched(wait_for_outcome(&worker)));
    assert!(!app.searching());
    assert!(app.browse.listing.is_ranked());
    assert_eq!(app.browse.search.query, "ga");
    let store = app.store.clone();
    assert!(
        (app.browse.listing.entries().into_iter())
            .any(|p| store.id_of(&store.timeline[p]) == "nb-2002r-ganni-2022")
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

#[test]
fn without_search_words_every_entry_of_a_large_timeline_is_listed() {
    let store = kicktime::synthetic::store(20_000);
    let total = store.timeline.len();
    let mut b = Browser::new(store, 120, 40);
    assert_eq!(b.app.browse.listing.len(), total, "no cap without words");
    let counts = b.app.browse.listing.era_counts.clone();
    assert_eq!(counts.iter().sum::<usize>(), total);
    for (era, _) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
        b.press(Action::Era(era));
        assert_eq!(b.era_id(), b.app.store.eras[era].id.as_str());
    }
    b.press(Action::Bottom);
    assert_eq!(b.app.browse.listing.selected, total - 1);
    assert!(b.app.browse.count(&b.app.store, false).contains("entries"));
}
