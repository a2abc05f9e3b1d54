//! Drawing one 200x60 frame on a TestBackend, at 10,000 and 1,000,000 entries: the cost must
//! not depend on the size of the dataset.

use divan::Bencher;
use kicktime::tui::action::Action;
use kicktime::tui::app::App;
use kicktime::tui::theme::Theme;
use kicktime::tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

#[divan::bench(args = [10_000, 1_000_000], sample_count = 50)]
fn frame_200x60(bencher: Bencher, entries: usize) {
    let store = kicktime::synthetic::store(entries);
    let mut app = App::new(store, 200, 60);
    app.update(Action::PageDown);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let theme = Theme::dark();
    bencher.bench_local(|| {
        terminal.draw(|frame| draw(frame, &app, &theme)).unwrap();
    });
}

/// The same with a search typed, so every row on screen has its matches highlighted.
#[divan::bench(args = [10_000, 1_000_000], sample_count = 50)]
fn frame_200x60_searching(bencher: Bencher, entries: usize) {
    let store = kicktime::synthetic::store(entries);
    let mut app = App::with_async_from(store, 200, 60, usize::MAX);
    for c in "ka 3".chars() {
        app.update(Action::Input(c));
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let theme = Theme::dark();
    bencher.bench_local(|| {
        terminal.draw(|frame| draw(frame, &app, &theme)).unwrap();
    });
}
