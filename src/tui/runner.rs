//! Carries out what the app asks for ([`Effect`]): searches, on the worker thread for a large
//! dataset and at once for a small one, and quitting. The event loop and the tests both
//! dispatch actions through a [`Runner`], so a key takes the same path in both.

use crate::tui::action::{Action, Effect};
use crate::tui::app::App;
use crate::tui::worker::{self, ASYNC_FROM, Worker};

pub struct Runner {
    /// The search worker; `None` runs searches at once.
    worker: Option<Worker>,
    /// Set once the app asked to quit.
    pub quit: bool,
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
