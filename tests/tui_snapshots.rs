//! Whole-screen pictures of every view at 80x24 and 200x60 on the small test dataset, compared
//! with the files in `tests/snapshots/`: any change of layout shows in a diff. After an
//! intended change, `KICKTIME_UPDATE_SNAPSHOTS=1 cargo test --test tui_snapshots` rewrites them;
//! review the diff before committing.

mod common;

use common::Browser;
use kicktime::tui::action::Action;
use kicktime::tui::theme::Theme;
use kicktime::tui::views::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The screen as text, a line per row, trailing spaces kept so the width shows.
fn picture(browser: &Browser) -> String {
    let (width, height) = browser.app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| draw(frame, &browser.app, &Theme::mono()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut lines = Vec::new();
    for y in 0..height {
        let mut line = String::new();
        let mut x = 0;
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        lines.push(line);
    }
    lines.join("\n") + "\n"
}

fn assert_picture(name: &str, actions: &[Action]) {
    assert_picture_of(name, actions, false);
}

/// [`assert_picture`], with a collection file of its own when `collecting`.
fn assert_picture_of(name: &str, actions: &[Action], collecting: bool) {
    for (width, height) in [(80, 24), (200, 60)] {
        let mut browser = Browser::mini(width, height);
        if collecting {
            let file = common::temp_dir("snapshot-collection").join("collection.ron");
            browser = browser.with_collection(&file);
        }
        for action in actions {
            browser.press(action.clone());
        }
        let picture = picture(&browser);
        let path = format!(
            "{}/tests/snapshots/{name}-{width}x{height}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        if std::env::var_os("KICKTIME_UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, &picture).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("no picture {path}: run with KICKTIME_UPDATE_SNAPSHOTS=1 to make it")
        });
        assert!(
            picture == expected,
            "{name} at {width}x{height} differs from {path}:\n{picture}"
        );
    }
}

#[test]
fn the_timeline() {
    assert_picture("timeline", &[Action::Down]);
}

#[test]
fn search_results() {
    let mut actions = vec![Action::OpenSearch];
    actions.extend("kayano".chars().map(Action::Input));
    assert_picture("search", &actions);
}

#[test]
fn the_detail_of_a_collab() {
    assert_picture("detail", &[Action::Bottom, Action::OpenDetail]);
}

#[test]
fn the_lineage_of_the_gel_kayano() {
    assert_picture("lineage", &[Action::NextEra, Action::OpenLineage]);
}

#[test]
fn the_brand_page() {
    assert_picture("brand", &[Action::OpenBrand]);
}

#[test]
fn the_collaborator_page() {
    assert_picture("collaborator", &[Action::Bottom, Action::OpenCollaborator]);
}

#[test]
fn the_overview_by_kind_and_by_brand() {
    assert_picture("overview", &[Action::OpenOverview]);
    assert_picture(
        "overview-brands",
        &[Action::OpenOverview, Action::SwitchBreakdown],
    );
}

#[test]
fn marks_in_the_timeline_and_the_detail() {
    use Action::*;
    let actions = [
        Down, CycleMark, Down, Down, CycleMark, CycleMark, Down, CycleMark, CycleMark, CycleMark,
        Up,
    ];
    assert_picture_of("marked", &actions, true);
}

#[test]
fn the_mark_form() {
    use Action::*;
    let mut actions = vec![Down, Down, EditMark, Down];
    actions.extend("10.5".chars().map(Input));
    actions.extend([Down, Down, Down]);
    actions.extend("180".chars().map(Input));
    actions.push(Submit);
    assert_picture_of("mark-form", &actions, true);
}

#[test]
fn my_collection() {
    use Action::*;
    let mut actions = vec![Down, Down, EditMark];
    actions.extend([Down, Down, Down, Down]);
    actions.extend("180".chars().map(Input));
    actions.push(Down);
    actions.extend("EUR".chars().map(Input));
    actions.push(Submit);
    actions.extend([
        Down,
        Down,
        CycleMark,
        CycleMark,
        Down,
        CycleMark,
        OpenCollection,
    ]);
    assert_picture_of("collection", &actions, true);
}

#[test]
fn the_help() {
    assert_picture("help", &[Action::Help]);
}

#[test]
fn the_brand_picker() {
    assert_picture("picker", &[Action::PickBrand]);
}
