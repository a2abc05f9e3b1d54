//! How far the loading of a dataset has got: its stage and, within a stage, how much of how
//! much is done. The thread that loads writes it, the one that shows it (the browser's loading
//! screen, the command line's progress bar) reads it; atomics only, no locks on the way.
//! Each stage's duration is kept for `--timings`.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Stage {
    Reading = 0,
    Parsing,
    Checking,
    Building,
    Indexing,
    ReadingCache,
    WritingCache,
}

impl Stage {
    const ALL: [Stage; 7] = [
        Stage::Reading,
        Stage::Parsing,
        Stage::Checking,
        Stage::Building,
        Stage::Indexing,
        Stage::ReadingCache,
        Stage::WritingCache,
    ];

    /// What a person is told is happening.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Parsing => "parsing",
            Stage::Checking => "checking",
            Stage::Building => "building",
            Stage::Indexing => "indexing",
            Stage::ReadingCache => "reading the cache",
            Stage::WritingCache => "writing the cache",
        }
    }

    /// What the counts of the stage are of.
    pub fn unit(self) -> &'static str {
        match self {
            Stage::Reading | Stage::Parsing | Stage::ReadingCache | Stage::WritingCache => "bytes",
            Stage::Checking => "checks",
            Stage::Building | Stage::Indexing => "steps",
        }
    }
}

#[derive(Debug)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicU64,
    /// The process's parsed bytes when parsing began (see [`crate::model::parsed_bytes`]).
    parse_baseline: AtomicU64,
    total: AtomicU64,
    times: Mutex<Times>,
}

/// The current stage and when it began, and how long each finished one took.
type Times = (Option<(Stage, Instant)>, Vec<(Stage, Duration)>);

impl Default for Progress {
    fn default() -> Self {
        Progress {
            stage: AtomicU8::new(Stage::Reading as u8),
            done: AtomicU64::new(0),
            parse_baseline: AtomicU64::new(0),
            total: AtomicU64::new(0),
            times: Mutex::new((None, Vec::new())),
        }
    }
}

impl Progress {
    /// Starts a stage of `total` units (0 when unknown), closing the one before.
    pub fn enter(&self, stage: Stage, total: u64) {
        let mut times = self.times.lock().unwrap_or_else(|e| e.into_inner());
        let (current, durations) = &mut *times;
        if let Some((previous, started)) = current.take() {
            durations.push((previous, started.elapsed()));
        }
        *current = Some((stage, Instant::now()));
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
        let parsed = crate::model::parsed_bytes();
        self.parse_baseline.store(parsed, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// Ends the current stage (its time is recorded).
    pub fn finish(&self) {
        let mut times = self.times.lock().unwrap_or_else(|e| e.into_inner());
        let (current, durations) = &mut *times;
        if let Some((previous, started)) = current.take() {
            durations.push((previous, started.elapsed()));
        }
    }

    pub fn advance(&self, units: u64) {
        self.done.fetch_add(units, Ordering::Relaxed);
    }

    pub fn set_done(&self, units: u64) {
        self.done.store(units, Ordering::Relaxed);
    }

    pub fn stage(&self) -> Stage {
        let n = self.stage.load(Ordering::Relaxed);
        Stage::ALL
            .get(usize::from(n))
            .copied()
            .unwrap_or(Stage::Reading)
    }

    /// (done, total) of the current stage; total 0 when unknown.
    pub fn counts(&self) -> (u64, u64) {
        let done = match self.stage() {
            Stage::Parsing => {
                crate::model::parsed_bytes() - self.parse_baseline.load(Ordering::Relaxed)
            }
            _ => self.done.load(Ordering::Relaxed),
        };
        (done, self.total.load(Ordering::Relaxed))
    }

    /// How long each finished stage took, in order.
    pub fn durations(&self) -> Vec<(Stage, Duration)> {
        let times = self.times.lock().unwrap_or_else(|e| e.into_inner());
        times.1.clone()
    }

    /// "read 120 ms, parse 2300 ms, ..." for `--timings`.
    pub fn report(&self) -> String {
        self.durations()
            .iter()
            .map(|(stage, d)| format!("{} {:.1} ms", stage.label(), d.as_secs_f64() * 1e3))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Runs `load`, and when it takes more than a second and standard error is a terminal, shows
/// an indicatif progress bar there meanwhile (stage and counts from `progress`).
pub fn with_bar<T: Send>(progress: &Progress, load: impl FnOnce() -> T + Send) -> T {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return load();
    }
    std::thread::scope(|scope| {
        let loading = scope.spawn(load);
        let started = Instant::now();
        let mut bar: Option<indicatif::ProgressBar> = None;
        while !loading.is_finished() {
            std::thread::sleep(Duration::from_millis(50));
            if started.elapsed() < Duration::from_secs(1) {
                continue;
            }
            let bar = bar.get_or_insert_with(|| {
                let bar = indicatif::ProgressBar::new(0);
                let style = indicatif::ProgressStyle::with_template(
                    "{spinner} {msg:18} {bar:30} {percent:>3}% {elapsed}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
                bar.set_style(style);
                bar
            });
            let stage = progress.stage();
            let (done, total) = progress.counts();
            bar.set_message(stage.label());
            bar.set_length(total.max(1));
            bar.set_position(if total == 0 { 0 } else { done.min(total) });
            bar.tick();
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        loading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}
