//! The screen as drawn on ratatui's `TestBackend`, at several sizes and without colour.

mod common;

use common::Browser;
use kicktime::open::open;
use kicktime::tui::action::Action;
use kicktime::tui::theme::Theme;
use kicktime::tui::views::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn app_on(path: &std::path::Path, width: u16, height: u16) -> Browser {
    Browser::new(
        open(Some(path)).expect("dataset opens").store,
        width,
        height,
    )
}

fn render(browser: &Browser, theme: &Theme) -> Buffer {
    let (width, height) = browser.app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| draw(frame, &browser.app, theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The cells of a screen row with the symbol each starts, skipping the cell a wide character
/// covers.
fn cells(buffer: &Buffer, y: u16) -> Vec<(u16, &str)> {
    let mut cells = Vec::new();
    let mut x = 0;
    while x < buffer.area.width {
        let symbol = buffer[(x, y)].symbol();
        cells.push((x, symbol));
        x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
    }
    cells
}

fn row(buffer: &Buffer, y: u16) -> String {
    cells(buffer, y).into_iter().map(|(_, s)| s).collect()
}

fn screen(buffer: &Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| row(buffer, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen column and row where `text` first appears.
fn find(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    (0..buffer.area.height).find_map(|y| {
        let cells = cells(buffer, y);
        (0..cells.len()).find_map(|i| {
            let rest: String = cells[i..].iter().map(|(_, s)| *s).collect();
            rest.starts_with(text).then_some((cells[i].0, y))
        })
    })
}

#[test]
fn at_80_by_24_the_timeline_fills_the_screen_with_tabs_bar_and_footer() {
    let app = app_on(&common::mini(), 80, 24);
    let buffer = render(&app, &Theme::dark());
    let text = screen(&buffer);
    assert!(
        row(&buffer, 0).contains("4:2") || row(&buffer, 0).contains("1990"),
        "{text}"
    );
    assert!(row(&buffer, 1).contains("10 entries"), "{text}");
    assert!(row(&buffer, 2).contains("Timeline"), "{text}");
    assert!(row(&buffer, 3).contains("Support and structure"), "{text}");
    assert!(
        row(&buffer, 4).starts_with("│1993 ● Gel-Kayano Trainer"),
        "{text}"
    );
    assert!(row(&buffer, 23).contains("q quit"), "{text}");
    assert!(
        !text.contains("Detail"),
        "narrow screens show one pane: {text}"
    );
}

#[test]
fn at_80_by_24_enter_shows_the_detail_alone() {
    let mut app = app_on(&common::mini(), 80, 24);
    app.press(Action::NextEra);
    app.press(Action::OpenDetail);
    let text = screen(&render(&app, &Theme::dark()));
    assert!(text.contains("Detail"), "{text}");
    assert!(text.contains("TRUSSTIC"), "{text}");
    assert!(!text.contains("Timeline"), "{text}");
}

#[test]
fn a_wide_screen_shows_timeline_and_detail_side_by_side() {
    let app = app_on(&common::mini(), 160, 48);
    let buffer = render(&app, &Theme::dark());
    let (timeline_x, timeline_y) = find(&buffer, "Timeline").unwrap();
    let (detail_x, detail_y) = find(&buffer, "Detail").unwrap();
    assert_eq!(timeline_y, detail_y);
    assert!(detail_x > timeline_x + 60);
    let text = screen(&buffer);
    assert!(text.contains("Toshikazu Kayano"), "{text}");
    assert!(
        row(&buffer, 0).contains("Support and structure 1990–1999 (2)"),
        "wide tabs name their eras: {}",
        row(&buffer, 0)
    );
}

#[test]
fn the_selected_row_and_the_current_era_tab_stand_out() {
    let app = app_on(&common::mini(), 120, 40);
    let buffer = render(&app, &Theme::dark());
    let (x, y) = find(&buffer, "● Gel-Kayano Trainer").unwrap();
    assert!(buffer[(x + 2, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buffer, "Gel-Kayano 4").unwrap();
    assert!(!buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buffer, "4 Support and structure 1990–1999 (2)").unwrap();
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buffer, "5 Y2K").expect("the other eras are named too");
    assert!(!buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn matched_characters_are_highlighted() {
    let mut app = app_on(&common::mini(), 120, 40);
    app.press(Action::OpenSearch);
    for c in "jjjjound".chars() {
        app.press(Action::Input(c));
    }
    let buffer = render(&app, &Theme::dark());
    assert!(
        row(&buffer, 1).contains("/ jjjjound"),
        "{}",
        row(&buffer, 1)
    );
    let (x, y) = find(&buffer, "JJJJound x").unwrap();
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(
        !buffer[(x + 9, y)].modifier.contains(Modifier::UNDERLINED),
        "the 'x' did not match"
    );
}

#[test]
fn no_color_draws_without_any_colour_and_keeps_the_selection_visible() {
    let app = app_on(&common::mini(), 120, 40);
    let buffer = render(&app, &Theme::mono());
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, Color::Reset, "{cell:?}");
    }
    let (x, y) = find(&buffer, "● Gel-Kayano Trainer").unwrap();
    assert!(buffer[(x + 2, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_help_overlay_lists_every_key_of_the_keymap_in_columns() {
    let mut app = app_on(&common::mini(), 200, 60);
    app.press(Action::Help);
    let text = screen(&render(&app, &Theme::dark()));
    for binding in kicktime::tui::keys::Keymap::default().bindings {
        assert!(
            text.contains(binding.description),
            "help lacks {:?}:\n{text}",
            binding.description
        );
    }
}

#[test]
fn on_a_small_screen_the_help_scrolls_to_its_last_line() {
    let mut app = app_on(&common::mini(), 80, 24);
    app.press(Action::Help);
    let last = "Mouse: the wheel scrolls";
    assert!(!screen(&render(&app, &Theme::dark())).contains(last));
    for _ in 0..10 {
        app.press(Action::PageDown);
    }
    let text = screen(&render(&app, &Theme::dark()));
    assert!(text.contains(last), "{text}");
    app.press(Action::Cancel);
    assert!(!screen(&render(&app, &Theme::dark())).contains("Keys ("));
}

#[test]
fn a_tiny_terminal_gets_a_notice_and_no_size_panics() {
    let mut app = app_on(&common::mini(), 29, 7);
    let text = screen(&render(&app, &Theme::dark()));
    assert!(text.contains("too small"), "{text}");
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (10, 3),
        (30, 8),
        (31, 9),
        (99, 20),
        (100, 20),
        (500, 200),
    ] {
        app.press(Action::Resize(w, h));
        app.press(Action::Down);
        render(&app, &Theme::dark());
        app.press(Action::OpenDetail);
        render(&app, &Theme::dark());
        app.press(Action::Help);
        render(&app, &Theme::mono());
        app.press(Action::Cancel);
        app.press(Action::PickBrand);
        render(&app, &Theme::dark());
        app.press(Action::Cancel);
    }
}

#[test]
fn wide_characters_and_accents_keep_the_columns_aligned() {
    let data = common::BASE
        .replace("name: \"ASICS\"", "name: \"アシックス\"")
        .replace(
            "name: \"JJJJound GK14\"",
            "name: \"Cafe\\u{301} 東京 🏃 édition\"",
        );
    let dir = common::dataset("wide", &[("wide.ron", data.as_bytes())]);
    let app = app_on(&dir, 100, 20);
    let buffer = render(&app, &Theme::dark());
    let (brand_model_x, model_y) = find(&buffer, "アシックス").unwrap();
    let rows_with_brand: Vec<u16> = (0..buffer.area.height)
        .filter(|&y| row(&buffer, y).contains("アシックス"))
        .collect();
    assert_eq!(rows_with_brand.len(), 2, "{}", screen(&buffer));
    for y in rows_with_brand {
        let x = cells(&buffer, y)
            .into_iter()
            .find(|(_, s)| *s == "ア")
            .unwrap()
            .0;
        assert_eq!(
            x,
            brand_model_x,
            "row {y} vs {model_y}:\n{}",
            screen(&buffer)
        );
    }
}
