//! The full-screen timeline browser: input becomes [`action::Action`]s, [`app::App::update`]
//! applies them, [`runner::Runner`] carries out the effects they ask for, [`views`] draws the
//! result. The screen is redrawn after each event, never on a timer. ARCHITECTURE.md has the
//! map.

pub mod action;
pub mod app;
pub mod browse;
pub mod keys;
pub mod layout;
pub mod nav;
pub mod runner;
pub mod terminal;
pub mod theme;
pub mod views;
pub mod worker;

use std::io;
use std::process::ExitCode;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

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
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            theme: Theme::dark(),
            keymap: keys::Keymap::default(),
            start: crate::config::Start::Timeline,
            sort: crate::config::Sort::Ranked,
        }
    }
}

/// The exit status after SIGTERM or SIGHUP, as shells report a process ended by SIGTERM.
const EXIT_TERMINATED: u8 = 143;

/// How often the idle loop wakes to notice a termination signal; nothing is drawn then.
const SIGNAL_CHECK: Duration = Duration::from_millis(200);

/// How often the loop looks for a finished search while one runs.
const SEARCH_CHECK: Duration = Duration::from_millis(5);

/// Runs the browser on a store until the person quits; the terminal is taken here and always
/// given back.
pub fn run(store: crate::store::Store, settings: Settings) -> io::Result<ExitCode> {
    let terminated = Arc::new(AtomicBool::new(false));
    watch_for_termination(Arc::clone(&terminated))?;
    let mut guard = terminal::Guard::enter()?;
    let size = guard.terminal.size()?;
    let theme = &settings.theme;
    let mut app = App::new(store, size.width, size.height);
    app.keymap = settings.keymap;
    app.browse.chronological = settings.sort == crate::config::Sort::Timeline;
    let mut runner = Runner::new(&app);
    runner.start(&mut app);
    if settings.start == crate::config::Start::Overview {
        runner.dispatch(&mut app, Action::OpenOverview);
    }
    while !runner.quit {
        if !runner.to_terminal.is_empty() {
            let bytes = std::mem::take(&mut runner.to_terminal);
            guard.write_raw(&bytes)?;
        }
        guard
            .terminal
            .draw(|frame| views::draw(frame, &app, theme))?;
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
                return Ok(ExitCode::from(EXIT_TERMINATED));
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
    Ok(ExitCode::SUCCESS)
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
