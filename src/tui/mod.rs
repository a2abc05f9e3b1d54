//! The full-screen timeline browser: input becomes [`action::Action`]s, [`app::App::update`]
//! applies them, [`runner::Runner`] carries out the effects they ask for, [`views`] draws the
//! result. The screen is redrawn after each event, never on a timer. ARCHITECTURE.md has the
//! map.

pub mod action;
pub mod app;
pub mod browse;
pub mod keys;
pub mod layout;
pub mod marks;
pub mod nav;
pub mod recent;
pub mod runner;
pub mod terminal;
pub mod theme;
pub mod views;
pub mod worker;

use std::io;
use std::process::ExitCode;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use crate::open::DataError;
use crate::progress::Progress;
use action::Action;
use app::App;
use runner::Runner;
use theme::Theme;

/// How the browser looks and behaves: from the config file and the command line.
pub struct Settings {
    pub theme: Theme,
    pub keymap: keys::Keymap,
    pub start: crate::config::Start,
    pub sort: crate::config::Sort,
    /// Where marks are kept; `None` when there is nowhere.
    pub collection: Option<crate::collection::file::CollectionFile>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            theme: Theme::dark(),
            keymap: keys::Keymap::default(),
            start: crate::config::Start::Timeline,
            sort: crate::config::Sort::Ranked,
            collection: None,
        }
    }
}

/// The exit status after SIGTERM or SIGHUP, as shells report a process ended by SIGTERM.
const EXIT_TERMINATED: u8 = 143;

/// How often the idle loop wakes to notice a termination signal; nothing is drawn then.
const SIGNAL_CHECK: Duration = Duration::from_millis(200);

/// How often the loop looks for a finished search while one runs.
const SEARCH_CHECK: Duration = Duration::from_millis(5);

/// A dataset for the browser to load on a worker thread, so that the screen answers at once:
/// its name for the loading screen, and the work that reads it, telling a [`Progress`] how far
/// it has got.
pub struct Dataset {
    pub name: String,
    #[allow(clippy::type_complexity)]
    pub load: Box<dyn FnOnce(&Progress) -> Result<Loaded, DataError> + Send>,
}

/// A loaded dataset: the store, its search index when one was read or built, and work to do
/// once the browser shows it (writing the cache of a dataset just built), on its own thread.
pub struct Loaded {
    pub store: crate::store::Store,
    pub index: Option<crate::search::SearchIndex>,
    pub afterwards: Option<Afterwards>,
}

/// Work on the loaded store and index, done while the browser is already in use.
pub type Afterwards = Box<dyn FnOnce(&crate::store::Store, &crate::search::SearchIndex) + Send>;

/// How a browsing session ended.
pub enum Ended {
    /// The person quit (or a signal ended it), with the exit status and how long the first
    /// frame and the usable timeline took from the start (for `--timings`).
    Quit {
        code: ExitCode,
        first_frame: Duration,
        ready: Option<Duration>,
        /// What the person must read after the terminal is given back: a collection file set
        /// aside, marks that could not be saved.
        notices: Vec<String>,
    },
    /// The dataset could not be loaded; the terminal is given back before this is reported.
    Failed(DataError),
}

/// How often the loading screen is redrawn.
const LOADING_FRAME: Duration = Duration::from_millis(50);

/// Runs the browser until the person quits: the terminal is taken at once and always given
/// back; the loading screen shows while `dataset` loads on a worker thread (`q` and Ctrl-C
/// work, and keys typed meanwhile are applied once it is ready).
pub fn run(dataset: Dataset, settings: Settings) -> io::Result<Ended> {
    let started = Instant::now();
    let terminated = Arc::new(AtomicBool::new(false));
    watch_for_termination(Arc::clone(&terminated))?;
    let mut guard = terminal::Guard::enter()?;
    let theme = &settings.theme;
    let progress = Arc::new(Progress::default());
    let (sender, loaded) = mpsc::channel();
    let working = Arc::clone(&progress);
    let load = dataset.load;
    std::thread::spawn(move || {
        let _ = sender.send(load(&working));
    });
    // While it loads: the loading screen, and the keys kept for later.
    let mut first_frame = None;
    let mut kept: Vec<Action> = Vec::new();
    let mut typing = false;
    let mut typed = String::new();
    let result = loop {
        guard.terminal.draw(|frame| {
            let loading = views::loading::Loading {
                what: &dataset.name,
                progress: &progress,
                elapsed: started.elapsed(),
                typed: &typed,
                theme,
            };
            frame.render_widget(loading, frame.area());
        })?;
        first_frame.get_or_insert_with(|| started.elapsed());
        match loaded.recv_timeout(LOADING_FRAME) {
            Ok(result) => break result,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("the loading thread stopped"));
            }
        }
        if terminated.load(Ordering::Relaxed) {
            return Ok(quit(EXIT_TERMINATED, first_frame, None));
        }
        while event::poll(Duration::ZERO)? {
            let Event::Key(key) = event::read()? else {
                continue;
            };
            let context = if typing {
                app::Context::Search
            } else {
                app::Context::Timeline
            };
            let Some(action) = settings.keymap.action_for_key(context, key) else {
                continue;
            };
            match &action {
                Action::Quit => return Ok(quit(0, first_frame, None)),
                Action::OpenSearch => typing = true,
                Action::Input(c) => {
                    typing = true;
                    typed.push(*c);
                }
                Action::DeleteChar => {
                    typed.pop();
                }
                Action::Cancel | Action::Submit => typing = false,
                _ => {}
            }
            kept.push(action);
        }
    };
    let Loaded {
        store,
        index,
        afterwards,
    } = match result {
        Ok(loaded) => loaded,
        Err(e) => return Ok(Ended::Failed(e)),
    };
    let size = guard.terminal.size()?;
    let mut app = match index {
        Some(index) => App::with_index(store, index, size.width, size.height),
        None => App::new(store, size.width, size.height),
    };
    let afterwards = afterwards.map(|work| {
        let (store, index) = (Arc::clone(&app.store), Arc::clone(&app.index));
        std::thread::spawn(move || work(&store, &index))
    });
    app.keymap = settings.keymap;
    app.browse.chronological = settings.sort == crate::config::Sort::Timeline;
    let mut runner = Runner::new(&app);
    let mut notices = Vec::new();
    if let Some(file) = &settings.collection {
        match file.read() {
            Ok(read) => {
                app.marks = marks::Marks::new(&app.store, read.collection);
                notices.extend(read.notice.map(|n| format!("collection {n}")));
            }
            Err(e) => notices.push(format!("collection {e}; marks cannot be saved")),
        }
    }
    runner.collection = settings.collection;
    runner.start(&mut app);
    app.status = notices.first().cloned();
    if settings.start == crate::config::Start::Overview {
        runner.dispatch(&mut app, Action::OpenOverview);
    }
    for action in kept {
        runner.dispatch(&mut app, action);
    }
    let mut ready = None;
    while !runner.quit {
        if !runner.to_terminal.is_empty() {
            let bytes = std::mem::take(&mut runner.to_terminal);
            guard.write_raw(&bytes)?;
        }
        guard
            .terminal
            .draw(|frame| views::draw(frame, &app, theme))?;
        if !app.searching() {
            ready.get_or_insert_with(|| started.elapsed());
        }
        // Wait for a key, a finished search or a signal; a search in progress is looked for
        // often, and its arrival is drawn at once.
        let wait = if app.searching() {
            SEARCH_CHECK
        } else {
            SIGNAL_CHECK
        };
        let mut arrived = false;
        while !event::poll(wait)? {
            if terminated.load(Ordering::Relaxed) {
                // A last try for marks whose save failed; nothing more can be said now.
                let _ = runner.save_unsaved(&mut app);
                return Ok(quit(EXIT_TERMINATED, first_frame, ready));
            }
            if runner.poll(&mut app) {
                arrived = true;
                break;
            }
        }
        if arrived {
            continue;
        }
        // Apply every event already waiting before drawing again, so a held key or a storm of
        // resizes never queues up frames.
        loop {
            let event = event::read()?;
            if is_suspend(&event) {
                guard.suspend()?;
            } else if let Some(action) = action_for_event(&app, event) {
                runner.dispatch(&mut app, action);
            }
            if runner.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if std::env::var_os("KICKTIME_TEST_PANIC").is_some() && app.browse.search.query == "panic!"
        {
            panic!("forced panic for testing terminal restoration");
        }
    }
    let mut code = 0;
    if let Err(e) = runner.save_unsaved(&mut app) {
        notices.push(e);
        code = crate::exit::IO;
    }
    // The terminal is given back first; then the cache being written is waited for (a
    // fraction of a second at most), so that it is not cut off.
    drop(guard);
    if let Some(work) = afterwards {
        let _ = work.join();
    }
    let mut ended = quit(code, first_frame, ready);
    if let Ended::Quit { notices: n, .. } = &mut ended {
        *n = notices;
    }
    Ok(ended)
}

fn quit(code: u8, first_frame: Option<Duration>, ready: Option<Duration>) -> Ended {
    Ended::Quit {
        code: ExitCode::from(code),
        first_frame: first_frame.unwrap_or_default(),
        ready,
        notices: Vec::new(),
    }
}

/// How long the browser has to notice SIGTERM or SIGHUP and exit on its own.
const GRACE: Duration = Duration::from_millis(600);

/// On SIGTERM or SIGHUP, asks the browser to exit; if it has not within [`GRACE`], restores the
/// terminal and exits from here. That second step matters when the terminal itself is gone:
/// crossterm can then be stuck reading it forever, spinning (crossterm issue #793).
fn watch_for_termination(terminated: Arc<AtomicBool>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            terminated.store(true, Ordering::Relaxed);
            std::thread::sleep(GRACE);
            terminal::restore();
            std::process::exit(i32::from(EXIT_TERMINATED));
        }
    });
    Ok(())
}

fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(key) if key.code == KeyCode::Char('z')
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && key.kind != KeyEventKind::Release)
}

fn action_for_event(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.keymap.action_for_key(app.context(), key),
        Event::Mouse(mouse) => keys::action_for_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        Event::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    }
}
