//! The full-screen timeline browser: input becomes [`action::Action`]s, [`app::App`] applies
//! them, [`view`] draws the result. The screen is redrawn after each event, never on a timer.

pub mod action;
pub mod app;
pub mod keys;
pub mod layout;
pub mod terminal;
pub mod theme;
pub mod view;

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use crossterm::event::{self, Event};

use crate::cli::{Cli, Command, FilterArgs, open_or_report, run};
use crate::output::Format;
use action::Action;
use app::App;
use theme::Theme;

/// Starts the browser. The dataset is loaded (and any error reported) before the screen is
/// taken over; when stdout is not a terminal, the timeline is printed as `list` would.
pub fn start(cli: &Cli) -> ExitCode {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!(
            "kicktime: not a terminal, so printing the timeline (use `kicktime list` in scripts)"
        );
        let list = Command::List {
            filters: FilterArgs::default(),
            format: Format::Text,
        };
        return run(cli, &list);
    }
    let opened = match open_or_report(cli) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let theme = Theme::from_env(cli.theme);
    match browse(opened.store, &theme) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kicktime: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn browse(store: crate::store::Store, theme: &Theme) -> io::Result<()> {
    let mut guard = terminal::Guard::enter()?;
    let size = guard.terminal.size()?;
    let mut app = App::new(store, size.width, size.height);
    while !app.quit {
        guard
            .terminal
            .draw(|frame| view::draw(frame, &app, theme))?;
        // Apply every event already waiting before drawing again, so a held key or a storm of
        // resizes never queues up frames.
        let mut event = event::read()?;
        loop {
            if let Some(action) = action_for_event(&app, event) {
                app.update(action);
            }
            if app.quit || !event::poll(std::time::Duration::ZERO)? {
                break;
            }
            event = event::read()?;
        }
        if std::env::var_os("KICKTIME_TEST_PANIC").is_some() && app.query == "panic!" {
            panic!("forced panic for testing terminal restoration");
        }
    }
    Ok(())
}

fn action_for_event(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => {
            let focus = if app.help {
                app::Focus::Timeline
            } else {
                app.focus
            };
            keys::action_for_key(focus, key)
        }
        Event::Mouse(mouse) => keys::action_for_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        Event::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    }
}
