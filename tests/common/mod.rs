//! Helpers shared by the integration tests: running the real binary and writing datasets.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const BIN: &str = env!("CARGO_BIN_EXE_kicktime");

/// The small test dataset (ASICS and New Balance, four collaborators, the built-in eras).
pub fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

/// A fresh, empty folder under cargo's temporary directory for integration tests.
pub fn temp_dir(name: &str) -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::SeqCst);
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes files (name, contents) into a fresh folder and returns it.
pub fn dataset(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = temp_dir(name);
    for (file, contents) in files {
        std::fs::write(dir.join(file), contents).unwrap();
    }
    dir
}

/// Runs kicktime with arguments, with no KICKTIME_DATA or NO_COLOR from the environment and
/// empty configuration, cache and data folders.
pub fn kicktime(args: &[&str]) -> Output {
    kicktime_with(args, &[])
}

/// [`kicktime`] with environment variables set (which may name other XDG folders).
pub fn kicktime_with(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env_remove("KICKTIME_DATA")
        .env_remove("KICKTIME_CONFIG")
        .env("XDG_CONFIG_HOME", temp_dir("no-config"))
        .env("XDG_CACHE_HOME", temp_dir("cache"))
        .env("XDG_DATA_HOME", temp_dir("no-data"));
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run kicktime")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A valid file holding one brand, one model and one collaborator, to build broken datasets on.
pub const BASE: &str = r#"Dataset(
    brands: [Brand(id: "asics", name: "ASICS")],
    collaborators: [Collaborator(id: "jjjjound", name: "JJJJound", kind: Label)],
    models: [
        Model(id: "gel-kayano-14", brand: "asics", name: "Gel-Kayano 14", introduced: "2008",
            category: Running, summary: "s", sources: [Source(title: "t", url: "https://e.com")]),
    ],
    releases: [
        Release(id: "gk14-jjjjound", model: "gel-kayano-14", name: "JJJJound GK14", date: "2022",
            collaborators: [Credit(collaborator: "jjjjound")], summary: "s",
            sources: [Source(title: "t", url: "https://e.com")]),
    ],
)
"#;

/// The browser as the event loop drives it, without a terminal: actions go through a
/// [`Runner`] that runs searches at once, as on a small dataset.
pub struct Browser {
    pub app: kicktime::tui::app::App,
    runner: kicktime::tui::runner::Runner,
}

impl Browser {
    pub fn new(store: kicktime::store::Store, width: u16, height: u16) -> Browser {
        let mut app = kicktime::tui::app::App::new(store, width, height);
        let mut runner = kicktime::tui::runner::Runner::with_async_from(&app, usize::MAX);
        runner.start(&mut app);
        Browser { app, runner }
    }

    /// The browser on the small test dataset.
    pub fn mini(width: u16, height: u16) -> Browser {
        let store = kicktime::open::open(Some(&mini()))
            .expect("fixture opens")
            .store;
        Browser::new(store, width, height)
    }

    /// Marks are saved to (and first read from) this collection file.
    pub fn with_collection(mut self, file: &Path) -> Browser {
        let file = kicktime::collection::file::CollectionFile::at(file);
        let read = file.read().expect("the collection reads");
        self.app.marks = kicktime::tui::marks::Marks::new(&self.app.store, read.collection);
        self.runner.collection = Some(file);
        self
    }

    pub fn press(&mut self, action: kicktime::tui::action::Action) {
        self.runner.dispatch(&mut self.app, action);
    }

    pub fn type_text(&mut self, text: &str) {
        use kicktime::tui::action::Action;
        self.press(Action::OpenSearch);
        for c in text.chars() {
            self.press(Action::Input(c));
        }
    }

    pub fn quit_asked(&self) -> bool {
        self.runner.quit
    }

    /// The id of the selected timeline entry.
    pub fn selected_id(&self) -> String {
        let store = &self.app.store;
        store.id_of(self.selected_entry()).to_string()
    }

    /// The selected timeline entry.
    fn selected_entry(&self) -> &kicktime::store::Entry {
        let position = (self.app.browse.listing.selected_entry()).expect("a selection");
        &self.app.store.timeline[position]
    }

    /// The ids of the listed entries, in list order.
    pub fn listed_ids(&self) -> Vec<String> {
        let store = &self.app.store;
        (self.app.browse.listing.entries().into_iter())
            .map(|p| store.id_of(&store.timeline[p]).to_string())
            .collect()
    }

    /// The id of the era the selection is in.
    pub fn era_id(&self) -> String {
        self.app.store.eras[self.selected_entry().era()]
            .id
            .to_string()
    }
}
