//! The command line: arguments, subcommands and exit statuses, a contract scripts rely on.
//!
//! Exit statuses: 0 success; 1 nothing found (an empty list or search, an unknown id); 2 a usage
//! error (clap's own, or a bad filter value); 3 a dataset that cannot be read or is invalid;
//! 4 an I/O error while writing output (other than a closed pipe, which is not an error).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::open::{DataError, Opened, parse_and_check};
use crate::output::{Format, print_entries, print_entry};
use crate::report::{PageFormat, print_brand, print_collaborator, print_line};
use crate::search::{Filters, Query, QueryError, SearchIndex};
use crate::stats::Stats;
use crate::tui::theme::ThemeChoice;
use crate::validate::Severity;

pub use crate::exit::{
    DATA as EXIT_DATA, IO as EXIT_IO, NOTHING_FOUND as EXIT_NOTHING_FOUND, USAGE as EXIT_USAGE,
};

#[derive(Debug, Parser)]
#[command(
    name = "kicktime",
    version,
    about = "Browse the history of sneakers: models, reissues and collaborations on a timeline of eras.",
    after_help = "With no command, kicktime opens the timeline browser (press ? in it for keys)."
)]
pub struct Cli {
    /// Load this dataset (a .ron file or a folder of them) instead of the built-in one; also
    /// the KICKTIME_DATA variable (an empty one counts as unset).
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Add the entries of this .ron file or folder on top of the dataset (repeatable). Your
    /// own folder (~/.local/share/kicktime/data) and the config file's `add` are added on top
    /// of the built-in history without it.
    #[arg(long = "add", global = true, value_name = "PATH")]
    pub add: Vec<PathBuf>,

    /// Read the configuration from this file instead of the default one (also
    /// KICKTIME_CONFIG); `kicktime config` prints which file is in use.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// The browser's colours: auto, dark, light or mono (NO_COLOR also turns colour off).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeChoice>,

    /// Cut text tables to this many columns (by default only on a terminal, to its width).
    #[arg(long, global = true, value_name = "N")]
    pub width: Option<usize>,

    /// Do not read or write the cache of a --data dataset (see `kicktime cache`).
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Print how long each stage of loading and the search took, on stderr.
    #[arg(long, global = true)]
    pub timings: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Timeline entries in date order, optionally filtered.
    List {
        #[command(flatten)]
        filters: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Fuzzy search, best match first (filters such as brand:asics work inside the query).
    Search {
        /// Words and field filters, e.g. `kayano 14` or `collab:ganni year:2020..2023`.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Show at most this many results.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// One model or release in full.
    Show {
        /// The id of a model or release (`kicktime search` shows ids).
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Check the dataset and print every problem; exits 0 only when it has no error.
    Validate {
        /// Fail on warnings too (a missing source, an unused collaborator).
        #[arg(long)]
        strict: bool,
    },
    /// The lineage of a model's line, first generation to latest, as a graph.
    Line {
        /// A model or release id (its model's line is shown).
        id: String,
        #[arg(long, value_enum, default_value_t = PageFormat::Text)]
        format: PageFormat,
    },
    /// A brand: its models, releases and lines per year, and its collaborators.
    Brand {
        /// A brand id, name or alias.
        brand: String,
        #[arg(long, value_enum, default_value_t = PageFormat::Text)]
        format: PageFormat,
    },
    /// A collaborator: who they are and every release they worked on.
    Collab {
        /// A collaborator id, name or alias.
        collaborator: String,
        #[arg(long, value_enum, default_value_t = PageFormat::Text)]
        format: PageFormat,
    },
    /// Counts by brand, era, kind and decade, and how well the entries are sourced.
    Stats {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the path of the configuration file in use, or a complete default one.
    Config {
        /// Print a complete, commented default configuration instead.
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script: `kicktime completions bash > ~/.local/share/bash-completion/completions/kicktime`.
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `kicktime man > ~/.local/share/man/man1/kicktime.1`.
    Man,
    /// Mark an entry as owned, wanted or sold, with the pair's details; details not given are
    /// kept from an earlier mark.
    Mark(crate::collection_commands::MarkArgs),
    /// Forget an entry's mark and every detail of it.
    Unmark {
        /// The id of a model or release (an orphaned mark's id too).
        id: String,
    },
    /// Your collection: list it (the default), or export or import it.
    Collection {
        #[command(subcommand)]
        action: Option<crate::collection_commands::CollectionAction>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Turn a product list (CSV, TSV or JSON from a marketplace, a shop or a spreadsheet) into
    /// entries of your own on top of the history, with a report of every row.
    Import(crate::import::command::ImportArgs),
    /// The cache of --data datasets: where it is, or clear it.
    Cache {
        #[command(subcommand)]
        action: Option<CacheAction>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CacheAction {
    /// Remove every cached dataset.
    Clear,
}

#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only this brand (id, name or alias; a prefix is enough).
    #[arg(long, value_name = "BRAND")]
    pub brand: Vec<String>,
    /// Only releases with this collaborator (id, name or alias).
    #[arg(long, value_name = "COLLABORATOR")]
    pub collab: Vec<String>,
    /// Only this era (id, name or number).
    #[arg(long, value_name = "ERA")]
    pub era: Vec<String>,
    /// Only this year, a range (2020..2023) or a decade (2000s).
    #[arg(long, value_name = "YEARS")]
    pub year: Vec<String>,
    /// Only model, reissue, collab or release entries.
    #[arg(long, value_name = "KIND")]
    pub kind: Vec<String>,
}

impl FilterArgs {
    fn to_filters(&self) -> Result<Filters, QueryError> {
        let mut filters = Filters::default();
        let fields = [
            ("brand", &self.brand),
            ("collab", &self.collab),
            ("era", &self.era),
            ("year", &self.year),
            ("kind", &self.kind),
        ];
        for (field, values) in fields {
            for value in values {
                filters.add(field, value)?;
            }
        }
        Ok(filters)
    }
}

impl Cli {
    /// The dataset to load: `--data`, else `KICKTIME_DATA` unless empty; `None` for the
    /// built-in one.
    pub fn dataset(&self) -> Option<PathBuf> {
        self.data.clone().or_else(|| {
            std::env::var_os("KICKTIME_DATA")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
    }

    /// The dataset and what is added on top of it. On top of the built-in history: the
    /// data folder (when it exists), then the config file's `add`, then `--add`. A `--data`
    /// dataset is a different history, so only `--add` goes on top of it.
    pub fn sources(&self, config: &crate::config::Config) -> crate::open::Sources {
        let base = self.dataset();
        let mut overlays = Vec::new();
        if base.is_none() {
            overlays.extend(crate::places::entries_folder().filter(|f| f.is_dir()));
            overlays.extend(config.add.iter().cloned());
        }
        overlays.extend(self.add.iter().cloned());
        crate::open::Sources {
            base,
            overlays,
            exclude: None,
        }
    }

    /// Where the dataset came from, for messages: "KICKTIME_DATA" when the variable chose it.
    fn dataset_origin(&self) -> Option<&'static str> {
        (self.data.is_none() && self.dataset().is_some()).then_some("KICKTIME_DATA")
    }

    /// The width text tables are cut to: `--width`, else the terminal's when standard output
    /// is one, else none (a pipe gets whole lines).
    fn table_width(&self) -> Option<usize> {
        use std::io::IsTerminal;
        self.width.or_else(|| {
            io::stdout()
                .is_terminal()
                .then(|| {
                    crossterm::terminal::size()
                        .map(|(w, _)| usize::from(w))
                        .ok()
                })
                .flatten()
        })
    }
}

/// With no command: the browser on a terminal, the timeline printed as `list` would otherwise.
/// The configuration and the dataset are read, and any error reported, before the terminal is
/// taken over.
pub fn browse(cli: &Cli) -> ExitCode {
    use std::io::IsTerminal;
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
    let config = match config(cli) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let settings = match settings(cli, &config) {
        Ok(settings) => settings,
        Err(code) => return code,
    };
    let sources = cli.sources(&config);
    let name = sources.describe();
    let use_cache = !cli.no_cache;
    // A test can slow the load down to see the loading screen (tests/tui_pty.rs).
    let delay = std::env::var("KICKTIME_TEST_SLOW_LOAD")
        .ok()
        .and_then(|ms| ms.parse::<u64>().ok());
    let dataset = crate::tui::Dataset {
        name,
        load: Box::new(move |progress| {
            if let Some(ms) = delay {
                std::thread::sleep(std::time::Duration::from_millis(ms));
            }
            // A cache still to be written is written once the timeline shows.
            let (loaded, save) = crate::open::open_cached_then_save(&sources, progress, use_cache)?;
            let afterwards = save.map(|save| -> crate::tui::Afterwards {
                Box::new(move |store, index| {
                    // Only a cache: a failure leaves the next start cold, nothing more.
                    let _ = save.write(store, index);
                })
            });
            Ok(crate::tui::Loaded {
                store: loaded.opened.store,
                index: loaded.index,
                afterwards,
            })
        }),
    };
    match crate::tui::run(dataset, settings) {
        Ok(crate::tui::Ended::Quit {
            code,
            first_frame,
            ready,
            notices,
        }) => {
            for notice in notices {
                eprintln!("kicktime: {notice}");
            }
            if cli.timings {
                let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
                eprintln!(
                    "timing: first frame {:.1} ms, usable timeline {}",
                    ms(first_frame),
                    ready.map_or("never".to_string(), |r| format!("{:.1} ms", ms(r)))
                );
            }
            code
        }
        Ok(crate::tui::Ended::Failed(e)) => {
            if let Some(variable) = cli.dataset_origin() {
                eprintln!("kicktime: the dataset is the one {variable} names");
            }
            report_data_error(&e);
            ExitCode::from(EXIT_DATA)
        }
        Err(e) => {
            eprintln!("kicktime: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The browser's settings from the configuration file and the command line; a broken file or a
/// key bound twice is reported and refused.
/// The configuration file's settings, or the exit code after saying why it cannot be used.
fn config(cli: &Cli) -> Result<crate::config::Config, ExitCode> {
    crate::config::load(cli.config.as_deref()).map_err(|e| {
        eprintln!("kicktime: config {e}");
        ExitCode::from(EXIT_USAGE)
    })
}

fn settings(cli: &Cli, config: &crate::config::Config) -> Result<crate::tui::Settings, ExitCode> {
    let keymap = crate::tui::keys::Keymap::with(&config.keys).map_err(|errors| {
        for e in errors {
            eprintln!("kicktime: config: {e}");
        }
        ExitCode::from(EXIT_USAGE)
    })?;
    let conflicts = keymap.conflicts();
    if !conflicts.is_empty() {
        for conflict in conflicts {
            eprintln!("kicktime: config: {conflict}");
        }
        eprintln!("kicktime: give one of each pair other keys in the `keys` of the config file");
        return Err(ExitCode::from(EXIT_USAGE));
    }
    let choice = cli.theme.or(config.theme).unwrap_or(ThemeChoice::Auto);
    let theme = crate::tui::theme::Theme::from_env(choice);
    // NO_COLOR wins over configured colours.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = if no_color || choice == ThemeChoice::Mono {
        theme
    } else {
        theme.with_colours(&config.colours).map_err(|errors| {
            for e in errors {
                eprintln!("kicktime: config: {e}");
            }
            ExitCode::from(EXIT_USAGE)
        })?
    };
    Ok(crate::tui::Settings {
        theme,
        keymap,
        start: config.start,
        sort: config.sort,
        collection: crate::collection::file::CollectionFile::default_place(),
    })
}

/// Runs a subcommand and returns the process's exit status.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let result = match command {
        Command::Validate { strict } => return validate(cli, *strict),
        Command::Config { default } => config_command(cli, *default),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "kicktime", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => man_page().map(|_| ExitCode::SUCCESS),
        Command::Cache { action } => cache_command(action.as_ref()),
        Command::Import(args) => match config(cli) {
            Ok(config) => crate::import::command::run(cli.sources(&config), args),
            Err(code) => Ok(code),
        },
        Command::Mark(args) => {
            with_store(cli, |store| crate::collection_commands::mark(store, args))
        }
        Command::Unmark { id } => {
            with_store(cli, |store| crate::collection_commands::unmark(store, id))
        }
        Command::Collection { action, format } => with_store(cli, |store| {
            crate::collection_commands::collection(
                store,
                action.as_ref(),
                *format,
                cli.table_width(),
            )
        }),
        Command::List { filters, format } => with_store(cli, |store| {
            list(store, filters, *format, cli.table_width())
        }),
        Command::Search {
            query,
            limit,
            format,
        } => with_loaded(cli, |loaded| {
            let width = cli.table_width();
            let options = SearchOptions {
                limit: *limit,
                format: *format,
                timings: cli.timings,
                width,
            };
            search(
                &loaded.opened.store,
                loaded.index.as_ref(),
                &query.join(" "),
                options,
            )
        }),
        Command::Show { id, format } => with_store(cli, |store| show(store, id, *format)),
        Command::Stats { format } => with_store(cli, |store| stats(store, *format)),
        Command::Line { id, format } => with_store(cli, |store| line(store, id, *format)),
        Command::Brand { brand, format } => with_store(cli, |store| {
            let found = find_named(&brand_names(store), brand);
            page(found, "brand", brand, |b| {
                print_brand(&mut io::stdout().lock(), store, b, *format)
            })
        }),
        Command::Collab {
            collaborator,
            format,
        } => with_store(cli, |store| {
            let found = find_named(&collaborator_names(store), collaborator);
            page(found, "collaborator", collaborator, |c| {
                print_collaborator(&mut io::stdout().lock(), store, c, *format)
            })
        }),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kicktime: cannot write output: {e}");
            ExitCode::from(EXIT_IO)
        }
    }
}

/// Opens the dataset, reporting errors (and warnings) on stderr.
pub fn open_or_report(cli: &Cli) -> Result<Opened, ExitCode> {
    open_or_report_with(cli, &crate::progress::Progress::default())
}

/// [`open_or_report`], telling `progress` how far it has got.
fn open_or_report_with(
    cli: &Cli,
    progress: &crate::progress::Progress,
) -> Result<Opened, ExitCode> {
    match crate::open::open_with(cli.dataset().as_deref(), progress) {
        Ok(opened) => Ok(opened),
        Err(e) => {
            if let Some(variable) = cli.dataset_origin() {
                eprintln!("kicktime: the dataset is the one {variable} names");
            }
            report_data_error(&e);
            Err(ExitCode::from(EXIT_DATA))
        }
    }
}

pub fn report_data_error(error: &DataError) {
    let count = match error {
        DataError::Unreadable(errors) => errors.len(),
        DataError::Invalid(problems) => problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count(),
        DataError::Broken { errors, problems } => {
            errors.len()
                + (problems.iter())
                    .filter(|p| p.severity == Severity::Error)
                    .count()
        }
    };
    eprintln!("{error}");
    let plural = if count == 1 { "" } else { "s" };
    eprintln!("kicktime: the dataset cannot be loaded ({count} error{plural})");
}

fn with_store(
    cli: &Cli,
    action: impl FnOnce(&crate::store::Store) -> io::Result<ExitCode>,
) -> io::Result<ExitCode> {
    with_loaded(cli, |loaded| action(&loaded.opened.store))
}

/// Opens the dataset (through the cache unless `--no-cache`), with a progress bar on a
/// terminal's standard error when it takes more than a second, and hands it to `action`.
fn with_loaded(
    cli: &Cli,
    action: impl FnOnce(&crate::open::Loaded) -> io::Result<ExitCode>,
) -> io::Result<ExitCode> {
    let started = std::time::Instant::now();
    let progress = crate::progress::Progress::default();
    let sources = match config(cli) {
        Ok(config) => cli.sources(&config),
        Err(code) => return Ok(code),
    };
    let loaded = crate::progress::with_bar(&progress, || {
        crate::open::open_cached(&sources, &progress, !cli.no_cache)
    });
    match loaded {
        Ok(loaded) => {
            if cli.timings {
                eprintln!(
                    "timing: load {:.1} ms ({}; cache: {})",
                    started.elapsed().as_secs_f64() * 1e3,
                    progress.report(),
                    describe_cache(&loaded.cache)
                );
            }
            action(&loaded)
        }
        Err(e) => {
            if let Some(variable) = cli.dataset_origin() {
                eprintln!("kicktime: the dataset is the one {variable} names");
            }
            report_data_error(&e);
            Ok(ExitCode::from(EXIT_DATA))
        }
    }
}

fn describe_cache(cache: &crate::open::CacheUse) -> String {
    match cache {
        crate::open::CacheUse::Off => "off".into(),
        crate::open::CacheUse::Hit => "read".into(),
        crate::open::CacheUse::Rebuilt { why, saved } => match saved {
            Ok(bytes) => format!("{why}, rebuilt and saved ({bytes} bytes)"),
            Err(e) => format!("{why}, rebuilt, not saved: {e}"),
        },
    }
}

fn usage_error(error: QueryError) -> io::Result<ExitCode> {
    eprintln!("kicktime: {error}");
    Ok(ExitCode::from(EXIT_USAGE))
}

fn found(count: usize) -> ExitCode {
    if count == 0 {
        ExitCode::from(EXIT_NOTHING_FOUND)
    } else {
        ExitCode::SUCCESS
    }
}

fn list(
    store: &crate::store::Store,
    args: &FilterArgs,
    format: Format,
    width: Option<usize>,
) -> io::Result<ExitCode> {
    let filters = match args.to_filters() {
        Ok(f) => f,
        Err(e) => return usage_error(e),
    };
    let query = Query {
        words: Vec::new(),
        filters,
    };
    let positions: Vec<usize> = SearchIndex::new(store)
        .search(store, &query)
        .into_iter()
        .map(|h| h.entry)
        .collect();
    if positions.is_empty() {
        explain_nothing(store, &query.filters);
    }
    print_entries(&mut io::stdout().lock(), store, &positions, format, width)?;
    Ok(found(positions.len()))
}

/// Says on stderr why filters listed nothing: a value that names no brand, collaborator or
/// era (with the names it could have been), or filters that exclude each other.
fn explain_nothing(store: &crate::store::Store, filters: &Filters) {
    type Field<'a> = (&'a str, &'a Vec<String>, Vec<Named<'a>>);
    let fields: [Field; 3] = [
        ("brand", &filters.brands, brand_names(store)),
        (
            "collaborator",
            &filters.collaborators,
            collaborator_names(store),
        ),
        (
            "era",
            &filters.eras,
            (store.eras.iter())
                .map(|e| (e.id.as_str(), e.name.as_str(), &[][..]))
                .collect(),
        ),
    ];
    for (what, values, items) in fields {
        for value in values {
            let named = items.iter().any(|(id, name, aliases)| {
                crate::search::names_match(value, id, name, aliases)
                    || (what == "era"
                        && value
                            .parse::<usize>()
                            .is_ok_and(|n| n >= 1 && n <= items.len()))
            });
            if !named {
                let mut names: Vec<&str> = items.iter().map(|(id, _, _)| *id).collect();
                names.sort_unstable();
                let shown = if names.len() > 30 {
                    format!("{}, … ({} in all)", names[..30].join(", "), names.len())
                } else {
                    names.join(", ")
                };
                eprintln!(
                    "kicktime: no {what} matches {:?}; {what}s are: {shown}",
                    crate::text::sanitize(value)
                );
                return;
            }
        }
    }
    eprintln!("kicktime: no entry passes all these filters together");
}

/// How `kicktime search` prints.
struct SearchOptions {
    limit: Option<usize>,
    format: Format,
    timings: bool,
    width: Option<usize>,
}

fn search(
    store: &crate::store::Store,
    cached: Option<&SearchIndex>,
    text: &str,
    options: SearchOptions,
) -> io::Result<ExitCode> {
    let SearchOptions {
        limit,
        format,
        timings,
        width,
    } = options;
    let started = std::time::Instant::now();
    let built;
    let index = match cached {
        Some(index) => index,
        None => {
            built = SearchIndex::new(store);
            &built
        }
    };
    let indexed = started.elapsed();
    let mut query = match Query::parse(text) {
        Ok(q) => q,
        Err(e) => return usage_error(e),
    };
    if !query.filters.marks.is_empty() {
        // `mark:` searches one's collection.
        let file = crate::collection::file::CollectionFile::default_place();
        let read = file.map(|f| f.read()).transpose();
        match read {
            Ok(read) => {
                let collection = read.map(|r| r.collection).unwrap_or_default();
                query.filters.marked = Some(collection.marked(store));
            }
            Err(e) => {
                eprintln!("kicktime: collection {e}");
                return Ok(ExitCode::from(EXIT_DATA));
            }
        }
    }
    let positions: Vec<usize> = index
        .top(store, &query, limit.unwrap_or(usize::MAX))
        .into_iter()
        .map(|h| h.entry)
        .collect();
    if timings {
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        eprintln!(
            "timing: index {:.1} ms, search {:.1} ms",
            ms(indexed),
            ms(started.elapsed() - indexed)
        );
    }
    print_entries(&mut io::stdout().lock(), store, &positions, format, width)?;
    Ok(found(positions.len()))
}

/// Says that no entry has `id`, and which one the person probably meant.
pub(crate) fn report_unknown_id(store: &crate::store::Store, id: &str) {
    let shown = crate::text::sanitize(id);
    eprintln!("kicktime: no model or release has the id {shown:?}");
    let hits = SearchIndex::new(store).search(
        store,
        &Query::parse(&id.replace(['-', '_'], " ")).unwrap_or_default(),
    );
    if let Some(best) = hits.first() {
        eprintln!(
            "kicktime: did you mean {}?",
            store.id_of(&store.timeline[best.entry])
        );
    }
}

fn show(store: &crate::store::Store, id: &str, format: Format) -> io::Result<ExitCode> {
    let Some(subject) = store.subject(id) else {
        report_unknown_id(store, id);
        return Ok(ExitCode::from(EXIT_NOTHING_FOUND));
    };
    print_entry(&mut io::stdout().lock(), store, subject, format)?;
    Ok(ExitCode::SUCCESS)
}

fn line(store: &crate::store::Store, id: &str, format: PageFormat) -> io::Result<ExitCode> {
    let Some(subject) = store.subject(id) else {
        eprintln!(
            "kicktime: no model or release has the id {:?}",
            crate::text::sanitize(id)
        );
        return Ok(ExitCode::from(EXIT_NOTHING_FOUND));
    };
    print_line(&mut io::stdout().lock(), store, subject, format)?;
    Ok(ExitCode::SUCCESS)
}

/// An item found by name: (id, name, aliases).
type Named<'a> = (&'a str, &'a str, &'a [crate::model::Text]);

/// (id, name, aliases) of every brand.
fn brand_names(store: &crate::store::Store) -> Vec<Named<'_>> {
    (store.brands.iter())
        .map(|b| (b.id.as_str(), b.name.as_str(), &b.aliases[..]))
        .collect()
}

fn collaborator_names(store: &crate::store::Store) -> Vec<Named<'_>> {
    (store.collaborators.iter())
        .map(|c| (c.id.as_str(), c.name.as_str(), &c.aliases[..]))
        .collect()
}

/// The one item a value names (by id, name or alias, exactly or as the only prefix), or every
/// item it could mean.
fn find_named(
    items: &[(&str, &str, &[crate::model::Text])],
    value: &str,
) -> Result<usize, Vec<String>> {
    let matches: Vec<usize> = (0..items.len())
        .filter(|&i| {
            let (id, name, aliases) = items[i];
            crate::search::names_match(value, id, name, aliases)
        })
        .collect();
    let exact = matches.iter().copied().find(|&i| {
        let key = crate::text::fold_key(value);
        let (id, name, _) = items[i];
        crate::text::fold_key(id) == key || crate::text::fold_key(name) == key
    });
    match (exact, matches.as_slice()) {
        (Some(i), _) | (None, &[i]) => Ok(i),
        _ => Err(matches.iter().map(|&i| items[i].0.to_string()).collect()),
    }
}

/// Prints a brand's or collaborator's page, or says why there is none.
fn page(
    found: Result<usize, Vec<String>>,
    what: &str,
    value: &str,
    print: impl FnOnce(usize) -> io::Result<()>,
) -> io::Result<ExitCode> {
    match found {
        Ok(index) => {
            print(index)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(candidates) => {
            let value = crate::text::sanitize(value);
            if candidates.is_empty() {
                eprintln!("kicktime: no {what} is named {value:?}");
            } else {
                eprintln!(
                    "kicktime: {value:?} could be any of these {what}s: {}",
                    candidates.join(", ")
                );
            }
            Ok(ExitCode::from(EXIT_NOTHING_FOUND))
        }
    }
}

fn stats(store: &crate::store::Store, format: Format) -> io::Result<ExitCode> {
    let stats = Stats::of(store);
    let mut out = io::stdout().lock();
    match format {
        Format::Text => stats.print_text(&mut out)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &stats)?;
            writeln!(out)?;
        }
        Format::Csv => stats.print_csv(&mut out)?,
        Format::Md => stats.print_markdown(&mut out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `kicktime cache`: where the cache is; `kicktime cache clear` empties it.
fn cache_command(action: Option<&CacheAction>) -> io::Result<ExitCode> {
    let Some(folder) = crate::cache::folder() else {
        eprintln!("kicktime: this system has no cache folder, so nothing is cached");
        return Ok(ExitCode::SUCCESS);
    };
    match action {
        None => println!("{}", crate::text::sanitize(&folder.display().to_string())),
        Some(CacheAction::Clear) => {
            let removed = crate::cache::clear(&folder)?;
            println!(
                "removed {removed} cached dataset(s) from {}",
                folder.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The manual page, with its `.TH` title first, as `man` and `mandb` expect (clap_mangen puts
/// two string definitions before it, which roff reads as well after it).
fn man_page() -> io::Result<()> {
    let command = <Cli as clap::CommandFactory>::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    let page = String::from_utf8_lossy(&page);
    let (title, rest): (Vec<&str>, Vec<&str>) = page.lines().partition(|l| l.starts_with(".TH "));
    let mut out = io::stdout().lock();
    for line in title.iter().chain(&rest) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// `kicktime config`: the file in use (and whether it exists), or a complete default one.
fn config_command(cli: &Cli, default: bool) -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    if default {
        write!(out, "{}", crate::config::default_file())?;
        return Ok(ExitCode::SUCCESS);
    }
    match crate::config::path(cli.config.as_deref()) {
        Some((path, origin)) => {
            let why = match origin {
                crate::config::Origin::Argument => " (from --config)",
                crate::config::Origin::Variable => " (from KICKTIME_CONFIG)",
                crate::config::Origin::Default => "",
            };
            let shown = crate::text::sanitize(&path.display().to_string()).into_owned();
            writeln!(out, "{shown}")?;
            if !path.exists() {
                eprintln!(
                    "kicktime: no file there yet{why}: the defaults apply (`kicktime config --default > FILE` writes one)"
                );
            } else if let Err(e) = crate::config::load(cli.config.as_deref()) {
                eprintln!("kicktime: config {e}");
                return Ok(ExitCode::from(EXIT_USAGE));
            }
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!("kicktime: this system has no configuration folder; use --config PATH");
            Ok(ExitCode::from(EXIT_NOTHING_FOUND))
        }
    }
}

fn validate(cli: &Cli, strict: bool) -> ExitCode {
    let sources = match config(cli) {
        Ok(config) => cli.sources(&config),
        Err(code) => return code,
    };
    let problems = match parse_and_check(&sources) {
        Ok((_, problems)) => problems,
        Err(e) => {
            if let Some(variable) = cli.dataset_origin() {
                eprintln!("kicktime: the dataset is the one {variable} names");
            }
            report_data_error(&e);
            return ExitCode::from(EXIT_DATA);
        }
    };
    for problem in &problems {
        eprintln!("{problem}");
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let what = sources.describe();
    if errors > 0 || (strict && warnings > 0) {
        eprintln!("kicktime: {what}: {errors} error(s), {warnings} warning(s)");
        if errors == 0 {
            eprintln!("kicktime: --strict counts warnings as errors");
        }
        ExitCode::from(EXIT_DATA)
    } else {
        println!("{what}: valid ({warnings} warning(s))");
        ExitCode::SUCCESS
    }
}
