//! Carries out what the app asks for ([`Effect`]): searches, on the worker thread for a large
//! dataset and at once for a small one, and quitting. The event loop and the tests both
//! dispatch actions through a [`Runner`], so a key takes the same path in both.

use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::worker::{self, ASYNC_FROM, Worker};

/// The OSC 52 request that puts `text` on the clipboard of the terminal (and, through ssh or
/// tmux with `set-clipboard on`, of the machine the person sits at). The text is sent
/// base64-encoded, so nothing in it can act on the terminal.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\u{1b}]52;c;{encoded}\u{7}")
}

/// Opens a web address with `$BROWSER` when set (the first command of its `:`-separated
/// list), else with the system's opener. The address is passed as one argument, never through a
/// shell.
fn open_in_browser(url: &str) -> std::io::Result<()> {
    let browser = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty());
    match browser {
        Some(browser) => {
            let command = browser.split(':').next().unwrap_or_default();
            let mut parts = command.split_whitespace();
            let program = parts.next().unwrap_or_default();
            std::process::Command::new(program)
                .args(parts)
                .arg(url)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .map(drop)
        }
        None => open::that_detached(url),
    }
}

pub struct Runner {
    /// The search worker; `None` runs searches at once.
    worker: Option<Worker>,
    /// Set once the app asked to quit.
    pub quit: bool,
    /// Bytes for the terminal itself (a clipboard request), written by the loop between
    /// frames.
    pub to_terminal: Vec<u8>,
    /// Where marks are saved; `None` when there is nowhere (no home folder), which each save
    /// reports.
    pub collection: Option<crate::collection::file::CollectionFile>,
}

impl Runner {
    /// A runner for the app's dataset: searches go to a worker from [`ASYNC_FROM`] entries.
    pub fn new(app: &App) -> Runner {
        Runner::with_async_from(app, ASYNC_FROM)
    }

    /// A runner that hands searches to a worker once the dataset has `async_from` entries.
    pub fn with_async_from(app: &App, async_from: usize) -> Runner {
        let worker = (app.store.timeline.len() >= async_from)
            .then(|| Worker::spawn(app.store.clone(), app.index.clone()));
        Runner {
            worker,
            quit: false,
            to_terminal: Vec::new(),
            collection: None,
        }
    }

    /// Lists the timeline: the app's first search.
    pub fn start(&mut self, app: &mut App) {
        let effect = app.start();
        self.carry_out(app, effect);
    }

    /// Applies an action and carries out what it asks for.
    pub fn dispatch(&mut self, app: &mut App, action: Action) {
        let effect = app.update(action);
        self.carry_out(app, effect);
    }

    /// Saves the changes whose save failed, before quitting; the error when it fails again.
    pub fn save_unsaved(&mut self, app: &mut App) -> Result<(), String> {
        let changes = app.marks.unsaved().to_vec();
        if changes.is_empty() {
            return Ok(());
        }
        self.carry_out(app, Some(Effect::Save(changes)));
        match app.marks.unsaved().len() {
            0 => Ok(()),
            n => Err(format!(
                "{} could not be saved: {}",
                crate::profile::count(n, "mark", "marks"),
                app.status.clone().unwrap_or_default()
            )),
        }
    }

    /// Hands a search the worker finished to the app; true when one arrived.
    pub fn poll(&mut self, app: &mut App) -> bool {
        let outcome = self.worker.as_ref().and_then(Worker::latest);
        match outcome {
            Some(outcome) => {
                self.dispatch(app, Action::Searched(outcome));
                true
            }
            None => false,
        }
    }

    fn carry_out(&mut self, app: &mut App, mut effect: Option<Effect>) {
        while let Some(next) = effect.take() {
            match next {
                Effect::Quit => self.quit = true,
                Effect::Copy(text) => self.to_terminal.extend(osc52(&text).into_bytes()),
                Effect::Save(changes) => {
                    // Saving is a small file written at once: quick enough for a key press.
                    let saved = match &self.collection {
                        Some(file) => file.save_all(&changes).map_err(|e| e.to_string()),
                        None => {
                            Err("this system has no data folder to keep a collection in".into())
                        }
                    };
                    effect = app.update(Action::Saved(saved.map_err(|why| (changes, why))));
                }
                Effect::Open(url) => {
                    if let Err(e) = open_in_browser(&url) {
                        effect = app.update(Action::Failed(format!("Could not open {url}: {e}")));
                    }
                }
                Effect::Search(request) => match &self.worker {
                    Some(worker) => worker.send(request),
                    None => {
                        let outcome = worker::run(&app.store, &app.index, request);
                        effect = app.update(Action::Searched(outcome));
                    }
                },
            }
        }
    }
}
