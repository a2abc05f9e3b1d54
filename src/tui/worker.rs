//! Searching off the drawing thread: on a large dataset a short query can take longer than a
//! frame, so the browser hands it to a worker and keeps drawing (and reading keys) meanwhile.
//! A newer query supersedes one still waiting; a stale answer is ignored.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use crate::search::{Hit, Query, SearchIndex};
use crate::store::Store;

/// Datasets with at least this many entries are searched by the worker; smaller ones are
/// searched at once, as fast as a keystroke.
pub const ASYNC_FROM: usize = 50_000;

/// A search the browser wants run.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub id: u64,
    pub query: Query,
    /// The entries the previous query matched, when this query can only narrow them.
    pub within: Option<Arc<Vec<u32>>>,
    /// How many ranked rows to keep.
    pub limit: usize,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub id: u64,
    pub query: Query,
    /// The rows to list: ranked best first with words, in timeline order without.
    pub rows: Vec<Hit>,
    /// Every entry matched, for narrowing the next query.
    pub matched: Arc<Vec<u32>>,
}

/// Runs a request: the one search routine, whether on the worker or at once.
pub fn run(store: &Store, index: &SearchIndex, request: Request) -> Outcome {
    let within = request.within.as_deref().map(Vec::as_slice);
    let found = index.find(store, &request.query, within, request.limit);
    Outcome {
        id: request.id,
        query: request.query,
        rows: found.rows,
        matched: Arc::new(found.matched),
    }
}

/// The worker thread and the channels to it.
pub struct Worker {
    requests: Sender<Request>,
    outcomes: Receiver<Outcome>,
}

impl Worker {
    pub fn spawn(store: Arc<Store>, index: Arc<SearchIndex>) -> Worker {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, outcomes) = mpsc::channel();
        std::thread::spawn(move || {
            while let Ok(mut request) = inbox.recv() {
                // Only the newest waiting request is worth running.
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                if outbox.send(run(&store, &index, request)).is_err() {
                    break;
                }
            }
        });
        Worker { requests, outcomes }
    }

    pub fn send(&self, request: Request) {
        // The worker only stops when the browser drops it, so a send cannot fail before then.
        let _ = self.requests.send(request);
    }

    /// The newest finished search, if any has finished since the last call.
    pub fn latest(&self) -> Option<Outcome> {
        let mut latest = None;
        loop {
            match self.outcomes.try_recv() {
                Ok(outcome) => latest = Some(outcome),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return latest,
            }
        }
    }
}
