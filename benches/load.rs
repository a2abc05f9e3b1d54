//! Start-up and loading: the built-in dataset to the first frame, and synthetic datasets of
//! 10,000 and 100,000 entries from RON text to a searchable store.

use divan::Bencher;
use kicktime::load::{SourceFile, parse_all};
use kicktime::open::open;
use kicktime::search::SearchIndex;
use kicktime::store::Store;
use kicktime::synthetic::generate;
use kicktime::tui::app::App;
use kicktime::tui::runner::Runner;
use kicktime::tui::theme::Theme;
use kicktime::tui::views::draw;
use kicktime::validate::validate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// From nothing to the first frame on the built-in dataset, as `kicktime` does at launch.
#[divan::bench(sample_count = 30)]
fn builtin_to_first_frame() {
    let store = open(None).expect("built-in data").store;
    let mut app = App::new(store, 120, 40);
    Runner::new(&app).start(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|frame| draw(frame, &app, &Theme::dark()))
        .unwrap();
}

/// Parse, validate, build the store and the search index.
#[divan::bench(args = [10_000, 100_000], sample_count = 5)]
fn synthetic_dataset(bencher: Bencher, entries: usize) {
    let text = kicktime::load::keep(generate(entries));
    bencher.bench(|| {
        let files = vec![SourceFile {
            name: "synthetic.ron".into(),
            text,
        }];
        let mut parsed = parse_all(&files).unwrap();
        parsed.extend(
            parse_all(&kicktime::load::builtin_files())
                .unwrap()
                .into_iter()
                .filter(|f| f.name == "data/eras.ron"),
        );
        assert!(validate(&parsed).is_empty());
        let store = Store::build(parsed);
        SearchIndex::new(&store)
    });
}

/// Unpacking every model and release of a 100,000-entry store (what the detail pane and the
/// exports do one record at a time); divide by 100,000 for one record.
#[divan::bench(sample_count = 10)]
fn unpack_every_record(bencher: Bencher) {
    let store = kicktime::synthetic::store(100_000);
    bencher.bench(|| {
        let models = store.models.iter().map(|m| m.name.len()).sum::<usize>();
        let releases = store.releases.iter().map(|r| r.name.len()).sum::<usize>();
        models + releases
    });
}
