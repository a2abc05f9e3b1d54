//! The command line: arguments, subcommands and exit statuses, a contract scripts rely on.
//!
//! Exit statuses: 0 success; 1 nothing found (an empty list or search, an unknown id); 2 a usage
//! error (clap's own, or a bad filter value); 3 a dataset that cannot be read or is invalid;
//! 4 an I/O error while writing output (other than a closed pipe, which is not an error).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::open::{DataError, Opened, open, parse_and_check};
use crate::output::{Format, print_entries, print_entry};
use crate::report::{PageFormat, print_brand, print_collaborator, print_line};
use crate::search::{Filters, Query, QueryError, SearchIndex};
use crate::stats::Stats;
use crate::tui::theme::ThemeChoice;
use crate::validate::Severity;

pub const EXIT_NOTHING_FOUND: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_DATA: u8 = 3;
pub const EXIT_IO: u8 = 4;

#[derive(Debug, Parser)]
#[command(
    name = "kicktime",
    version,
    about = "Browse the history of sneakers: models, reissues and collaborations on a timeline of eras.",
    after_help = "With no command, kicktime opens the timeline browser (press ? in it for keys)."
)]
pub struct Cli {
    /// Load this dataset (a .ron file or a folder of them) instead of the built-in one.
    #[arg(long, global = true, env = "KICKTIME_DATA", value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Colours of the browser: auto, dark, light or mono (NO_COLOR also turns colour off).
    #[arg(long, global = true, value_enum, default_value_t = ThemeChoice::Auto)]
    pub theme: ThemeChoice,

    /// Print how long loading and searching took, on stderr (for benchmarks).
    #[arg(long, global = true, hide = true)]
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
    /// Counts by brand, era, kind and decade.
    Stats {
        #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
        format: StatsFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
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

/// Runs a subcommand and returns the process's exit status.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let result = match command {
        Command::Validate { strict } => return validate(cli, *strict),
        Command::List { filters, format } => with_store(cli, |store| list(store, filters, *format)),
        Command::Search {
            query,
            limit,
            format,
        } => with_store(cli, |store| {
            search(store, &query.join(" "), *limit, *format, cli.timings)
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
    match open(cli.data.as_deref()) {
        Ok(opened) => Ok(opened),
        Err(e) => {
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
    };
    eprintln!("{error}");
    let plural = if count == 1 { "" } else { "s" };
    eprintln!("kicktime: the dataset cannot be loaded ({count} error{plural})");
}

fn with_store(
    cli: &Cli,
    action: impl FnOnce(&crate::store::Store) -> io::Result<ExitCode>,
) -> io::Result<ExitCode> {
    let started = std::time::Instant::now();
    match open_or_report(cli) {
        Ok(opened) => {
            if cli.timings {
                eprintln!(
                    "timing: load {:.1} ms",
                    started.elapsed().as_secs_f64() * 1e3
                );
            }
            action(&opened.store)
        }
        Err(code) => Ok(code),
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

fn list(store: &crate::store::Store, args: &FilterArgs, format: Format) -> io::Result<ExitCode> {
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
    print_entries(&mut io::stdout().lock(), store, &positions, format)?;
    Ok(found(positions.len()))
}

fn search(
    store: &crate::store::Store,
    text: &str,
    limit: Option<usize>,
    format: Format,
    timings: bool,
) -> io::Result<ExitCode> {
    let started = std::time::Instant::now();
    let index = SearchIndex::new(store);
    let indexed = started.elapsed();
    let query = match Query::parse(text) {
        Ok(q) => q,
        Err(e) => return usage_error(e),
    };
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
    print_entries(&mut io::stdout().lock(), store, &positions, format)?;
    Ok(found(positions.len()))
}

fn show(store: &crate::store::Store, id: &str, format: Format) -> io::Result<ExitCode> {
    let Some(subject) = store.subject(id) else {
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

/// (id, name, aliases) of every brand.
fn brand_names(store: &crate::store::Store) -> Vec<(&str, &str, &[crate::model::Text])> {
    (store.brands.iter())
        .map(|b| (b.id.as_str(), b.name.as_str(), &b.aliases[..]))
        .collect()
}

fn collaborator_names(store: &crate::store::Store) -> Vec<(&str, &str, &[crate::model::Text])> {
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

fn stats(store: &crate::store::Store, format: StatsFormat) -> io::Result<ExitCode> {
    let stats = Stats::of(store);
    let mut out = io::stdout().lock();
    match format {
        StatsFormat::Text => stats.print_text(&mut out)?,
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &stats)?;
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn validate(cli: &Cli, strict: bool) -> ExitCode {
    let problems = match parse_and_check(cli.data.as_deref()) {
        Ok((_, problems)) => problems,
        Err(e) => {
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
    let what = cli
        .data
        .as_ref()
        .map_or("the built-in dataset".to_string(), |p| {
            crate::text::sanitize(&p.display().to_string()).into_owned()
        });
    if errors > 0 || (strict && warnings > 0) {
        eprintln!("kicktime: {what}: {errors} error(s), {warnings} warning(s)");
        ExitCode::from(EXIT_DATA)
    } else {
        println!("{what}: valid ({warnings} warning(s))");
        ExitCode::SUCCESS
    }
}
