//! Drawing one 200x60 frame of each view on a TestBackend, on the built-in dataset and on
//! 1,000,000 synthetic entries: the cost must not depend on the size of the dataset (target:
//! under 1 ms a frame for every view).

use divan::Bencher;
use kicktime::store::Store;
use kicktime::tui::action::Action;
use kicktime::tui::app::App;
use kicktime::tui::runner::Runner;
use kicktime::tui::theme::Theme;
use kicktime::tui::views::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const DATASETS: [&str; 2] = ["builtin", "1M"];

/// The store of a dataset.
fn store(dataset: &str) -> Store {
    match dataset {
        "builtin" => kicktime::open::open(None).expect("built-in data").store,
        _ => kicktime::synthetic::store(1_000_000),
    }
}

/// The browser after `actions`, searches run at once.
fn app_after(dataset: &str, actions: &[Action]) -> App {
    let mut app = App::new(store(dataset), 200, 60);
    let mut runner = Runner::with_async_from(&app, usize::MAX);
    runner.start(&mut app);
    for action in actions {
        runner.dispatch(&mut app, action.clone());
    }
    app
}

fn bench_frame(bencher: Bencher, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let theme = Theme::dark();
    bencher.bench_local(|| {
        terminal.draw(|frame| draw(frame, app, &theme)).unwrap();
    });
}

#[divan::bench(args = DATASETS, sample_count = 50)]
fn timeline(bencher: Bencher, dataset: &str) {
    bench_frame(bencher, &app_after(dataset, &[Action::PageDown]));
}

/// With a search typed, so every row on screen has its matches highlighted.
#[divan::bench(args = DATASETS, sample_count = 50)]
fn timeline_searching(bencher: Bencher, dataset: &str) {
    let typing: Vec<Action> = "ka 3".chars().map(Action::Input).collect();
    let mut actions = vec![Action::OpenSearch];
    actions.extend(typing);
    bench_frame(bencher, &app_after(dataset, &actions));
}

#[divan::bench(args = DATASETS, sample_count = 50)]
fn lineage(bencher: Bencher, dataset: &str) {
    bench_frame(
        bencher,
        &app_after(dataset, &[Action::PageDown, Action::OpenLineage]),
    );
}

#[divan::bench(args = DATASETS, sample_count = 50)]
fn brand(bencher: Bencher, dataset: &str) {
    bench_frame(
        bencher,
        &app_after(dataset, &[Action::PageDown, Action::OpenBrand]),
    );
}

#[divan::bench(args = DATASETS, sample_count = 50)]
fn collaborator(bencher: Bencher, dataset: &str) {
    // The last entry of either dataset is a release with a collaborator.
    bench_frame(
        bencher,
        &app_after(dataset, &[Action::Bottom, Action::OpenCollaborator]),
    );
}

#[divan::bench(args = DATASETS, sample_count = 50)]
fn overview(bencher: Bencher, dataset: &str) {
    bench_frame(bencher, &app_after(dataset, &[Action::OpenOverview]));
}

#[divan::bench(args = DATASETS, sample_count = 50)]
fn help(bencher: Bencher, dataset: &str) {
    bench_frame(bencher, &app_after(dataset, &[Action::Help]));
}

/// My collection with 200 marked pairs, and the timeline showing their marks.
fn with_marks(dataset: &str, actions: &[Action]) -> App {
    use kicktime::collection::{Change, Collection, Mark, Status};
    let mut app = app_after(dataset, &[]);
    let mut collection = Collection::default();
    let step = (app.store.timeline.len() / 200).max(1);
    for (n, entry) in app
        .store
        .timeline
        .iter()
        .step_by(step)
        .take(200)
        .enumerate()
    {
        collection.apply(&Change {
            id: app.store.id_of(entry).to_string(),
            mark: Some(Mark {
                status: Some(Status::ALL[n % 3]),
                size: Some("10.5".into()),
                ..Mark::default()
            }),
        });
    }
    app.marks = kicktime::tui::marks::Marks::new(&app.store, collection);
    let mut runner = Runner::with_async_from(&app, usize::MAX);
    for action in actions {
        runner.dispatch(&mut app, action.clone());
    }
    app
}

#[divan::bench(args = DATASETS, sample_count = 50)]
fn timeline_with_marks(bencher: Bencher, dataset: &str) {
    bench_frame(bencher, &with_marks(dataset, &[Action::PageDown]));
}

#[divan::bench(args = DATASETS, sample_count = 50)]
fn collection(bencher: Bencher, dataset: &str) {
    bench_frame(bencher, &with_marks(dataset, &[Action::OpenCollection]));
}
