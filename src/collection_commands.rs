//! The collection's commands: `mark`, `unmark` and `collection` (list, export, import).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::cli::{EXIT_DATA, EXIT_IO, EXIT_NOTHING_FOUND, EXIT_USAGE};
use crate::collection::exchange::{self, Exchange, Row};
use crate::collection::file::{CollectionFile, Read};
use crate::collection::summary::Summary;
use crate::collection::{Change, Collection, Mark, Price, Status, format_cents};
use crate::output::Format;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct MarkArgs {
    /// The id of a model or release (`kicktime search` shows ids).
    pub id: String,
    /// owned, wanted or sold.
    #[arg(value_parser = parse_status)]
    pub status: Status,
    /// Your size, as you write it: 10.5, "US 10.5", "EU 44".
    #[arg(long)]
    pub size: Option<String>,
    /// deadstock, worn, ...
    #[arg(long)]
    pub condition: Option<String>,
    /// When you bought it: 2024, 2024-05 or 2024-05-17.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub purchased: Option<crate::date::PartialDate>,
    /// The price paid, like 180 or 179.95 (with --currency).
    #[arg(long, value_name = "AMOUNT")]
    pub price: Option<String>,
    /// The price's currency code: EUR, USD, JPY...
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// A note of your own.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CollectionAction {
    /// Write every mark to a file (CSV, or JSON for a .json file), to back it up or edit it.
    Export {
        file: PathBuf,
        /// The format, when the file's extension does not say.
        #[arg(long, value_enum)]
        format: Option<Exchange>,
    },
    /// Read marks from a file in the export's shape; they replace the marks of the same ids.
    Import {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Option<Exchange>,
        /// Say what would be imported without saving anything.
        #[arg(long)]
        dry_run: bool,
    },
}

fn parse_status(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| format!("{text:?} is not owned, wanted or sold"))
}

fn parse_date(text: &str) -> Result<crate::date::PartialDate, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a date like 2024, 2024-05 or 2024-05-17"))
}

/// The collection file, or the exit code after saying there is none.
fn collection_file() -> Result<CollectionFile, ExitCode> {
    CollectionFile::default_place().ok_or_else(|| {
        eprintln!(
            "kicktime: this system has no home folder, so there is nowhere to keep a collection"
        );
        ExitCode::from(EXIT_IO)
    })
}

/// Reads the collection, saying so when a broken file was set aside.
fn read(file: &CollectionFile) -> Result<Collection, ExitCode> {
    match file.read() {
        Ok(Read { collection, notice }) => {
            if let Some(notice) = notice {
                eprintln!("kicktime: collection {notice}");
            }
            Ok(collection)
        }
        Err(e) => {
            eprintln!("kicktime: collection {e}");
            Err(ExitCode::from(EXIT_DATA))
        }
    }
}

/// Saves changes, saying what happened; the exit code.
fn save(file: &CollectionFile, changes: &[Change]) -> Result<Collection, ExitCode> {
    match file.save_all(changes) {
        Ok(Read { collection, notice }) => {
            if let Some(notice) = notice {
                eprintln!("kicktime: collection {notice}");
            }
            Ok(collection)
        }
        Err(e) => {
            eprintln!("kicktime: collection {e}; nothing was changed");
            Err(ExitCode::from(EXIT_IO))
        }
    }
}

pub fn mark(store: &Store, args: &MarkArgs) -> io::Result<ExitCode> {
    let Some(subject) = store.subject(&args.id) else {
        crate::cli::report_unknown_id(store, &args.id);
        return Ok(ExitCode::from(EXIT_NOTHING_FOUND));
    };
    let file = match collection_file() {
        Ok(file) => file,
        Err(code) => return Ok(code),
    };
    let current = match read(&file) {
        Ok(collection) => collection.get(&args.id).cloned().unwrap_or_default(),
        Err(code) => return Ok(code),
    };
    let mark = match marked(current, args) {
        Ok(mark) => mark,
        Err(why) => {
            eprintln!("kicktime: {why}");
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    let change = Change {
        id: args.id.clone(),
        mark: Some(mark.clone()),
    };
    if let Err(code) = save(&file, &[change]) {
        return Ok(code);
    }
    let details = mark.details();
    println!(
        "{}: {}{}",
        store.subject_title(subject),
        args.status,
        if details.is_empty() {
            String::new()
        } else {
            format!(" ({details})")
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// The mark `args` make of `current`: the status and the details given, the rest kept.
fn marked(current: Mark, args: &MarkArgs) -> Result<Mark, String> {
    let clean = |t: &Option<String>| t.as_deref().map(|t| crate::text::sanitize(t).into_owned());
    let price = match (&args.price, &args.currency) {
        (None, None) => current.price.clone(),
        (Some(amount), Some(currency)) => Some(Price::new(amount, currency)?),
        (Some(amount), None) => match &current.price {
            Some(old) => Some(Price::new(amount, &old.currency)?),
            None => return Err("--price needs --currency (EUR, USD, JPY...)".to_string()),
        },
        (None, Some(currency)) => match &current.price {
            Some(old) => Some(Price::new(&old.amount, currency)?),
            None => return Err("--currency needs --price".to_string()),
        },
    };
    Ok(Mark {
        status: Some(args.status),
        size: clean(&args.size).or(current.size),
        condition: clean(&args.condition).or(current.condition),
        purchased: args.purchased.or(current.purchased),
        price,
        note: clean(&args.note).or(current.note),
    })
}

pub fn unmark(_store: &Store, id: &str) -> io::Result<ExitCode> {
    let file = match collection_file() {
        Ok(file) => file,
        Err(code) => return Ok(code),
    };
    let had = match read(&file) {
        Ok(collection) => collection.get(id).is_some(),
        Err(code) => return Ok(code),
    };
    if !had {
        eprintln!(
            "kicktime: {:?} is not in your collection",
            crate::text::sanitize(id)
        );
        return Ok(ExitCode::from(EXIT_NOTHING_FOUND));
    }
    let change = Change {
        id: id.to_string(),
        mark: None,
    };
    match save(&file, &[change]) {
        Ok(_) => {
            println!("{}: unmarked", crate::text::sanitize(id));
            Ok(ExitCode::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}

pub fn collection(
    store: &Store,
    action: Option<&CollectionAction>,
    format: Format,
    width: Option<usize>,
) -> io::Result<ExitCode> {
    let file = match collection_file() {
        Ok(file) => file,
        Err(code) => return Ok(code),
    };
    match action {
        None => {
            let collection = match read(&file) {
                Ok(collection) => collection,
                Err(code) => return Ok(code),
            };
            list(&mut io::stdout().lock(), store, &collection, format, width)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(CollectionAction::Export { file: to, format }) => {
            let collection = match read(&file) {
                Ok(collection) => collection,
                Err(code) => return Ok(code),
            };
            let format = format.unwrap_or_else(|| Exchange::of_path(to));
            let mut out = Vec::new();
            exchange::export(&mut out, store, &collection, format)?;
            // Written whole, then renamed: a failed export never leaves half a file.
            let folder = to.parent().filter(|p| !p.as_os_str().is_empty());
            let mut temporary = tempfile::NamedTempFile::new_in(folder.unwrap_or(".".as_ref()))?;
            temporary.write_all(&out)?;
            temporary.as_file().sync_all()?;
            temporary.persist(to).map_err(|e| e.error)?;
            eprintln!(
                "kicktime: exported {} mark(s) to {}",
                collection.marks.len(),
                crate::text::sanitize(&to.display().to_string())
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(CollectionAction::Import {
            file: from,
            format,
            dry_run,
        }) => import(store, &file, from, *format, *dry_run),
    }
}

fn import(
    store: &Store,
    file: &CollectionFile,
    from: &std::path::Path,
    format: Option<Exchange>,
    dry_run: bool,
) -> io::Result<ExitCode> {
    let shown = crate::text::sanitize(&from.display().to_string()).into_owned();
    let input = match std::fs::File::open(from) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("kicktime: {shown}: {e}");
            return Ok(ExitCode::from(EXIT_IO));
        }
    };
    let format = format.unwrap_or_else(|| Exchange::of_path(from));
    let imported = match exchange::import(io::BufReader::new(input), store, format) {
        Ok(imported) => imported,
        Err(why) => {
            eprintln!("kicktime: {shown}: {}", crate::text::sanitize(&why));
            return Ok(ExitCode::from(EXIT_DATA));
        }
    };
    for (row, why) in &imported.refused {
        eprintln!(
            "kicktime: {shown}: row {row}: {}; not imported",
            crate::text::sanitize(why)
        );
    }
    for (row, id, likely) in &imported.orphaned {
        let hint = likely
            .as_ref()
            .map(|l| format!("; did you mean {l:?}?"))
            .unwrap_or_default();
        eprintln!(
            "kicktime: {shown}: row {row}: no entry has the id {:?}: kept as an orphaned mark{hint}",
            crate::text::sanitize(id)
        );
    }
    let verb = if dry_run { "would import" } else { "imported" };
    println!(
        "{verb} {} of {} row(s) from {shown} ({} orphaned, {} not readable)",
        imported.changes.len(),
        imported.rows,
        imported.orphaned.len(),
        imported.refused.len()
    );
    if !dry_run
        && !imported.changes.is_empty()
        && let Err(code) = save(file, &imported.changes)
    {
        return Ok(code);
    }
    Ok(if imported.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_DATA)
    })
}

/// The list: found pairs in timeline order, then orphans, then the totals.
fn list(
    out: &mut impl Write,
    store: &Store,
    collection: &Collection,
    format: Format,
    width: Option<usize>,
) -> io::Result<()> {
    let summary = Summary::of(store, collection);
    match format {
        Format::Csv => exchange::export(out, store, collection, Exchange::Csv),
        Format::Json => {
            let rows: Vec<serde_json::Value> = (summary.pairs.iter())
                .map(|p| {
                    let mut row =
                        serde_json::to_value(Row::of(store, &p.id, &p.mark)).unwrap_or_default();
                    row["orphaned"] = serde_json::Value::Bool(p.subject.is_none());
                    if let Some(likely) = &p.likely {
                        row["likely_id"] = serde_json::Value::String(likely.clone());
                    }
                    row
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        Format::Md => {
            writeln!(out, "| Mark | Date | Title | Details | Id |")?;
            writeln!(out, "|---|---|---|---|---|")?;
            for p in &summary.pairs {
                let [mark, date, title, details, id] = cells(store, p);
                let cell = |t: &str| t.replace('\\', "\\\\").replace('|', "\\|");
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    cell(&mark),
                    cell(&date),
                    cell(&title),
                    cell(&details),
                    cell(&id)
                )?;
            }
            Ok(())
        }
        Format::Text => {
            if summary.pairs.is_empty() {
                writeln!(
                    out,
                    "Your collection is empty: mark a pair with `kicktime mark ID owned` or `m` in the browser."
                )?;
                return Ok(());
            }
            let rows: Vec<[String; 6]> = (summary.pairs.iter())
                .map(|p| {
                    let [mark, date, title, details, id] = cells(store, p);
                    let brand = p
                        .subject
                        .and_then(|s| store.brands.get(store.facts(s).brand))
                        .map_or(String::new(), |b| b.name.to_string());
                    [mark, date, brand, title, details, id]
                })
                .collect();
            let widest = |i: usize| {
                rows.iter()
                    .map(|r| crate::text::width(&r[i]))
                    .max()
                    .unwrap_or(0)
            };
            let (brand_width, title_width) = (widest(2).min(16), widest(3).min(44));
            for [mark, date, brand, title, details, id] in rows {
                let pad = |text: &str, w: usize| {
                    let text = crate::text::fit(text, w);
                    let fill = w.saturating_sub(crate::text::width(&text));
                    format!("{text}{}", " ".repeat(fill))
                };
                let line = format!(
                    "{mark:<7} {date:<10} {} {}  {details}  [{id}]",
                    pad(&brand, brand_width),
                    pad(&title, title_width)
                );
                let line = line.trim_end().to_string();
                match width {
                    Some(w) => writeln!(out, "{}", crate::text::fit(&line, w))?,
                    None => writeln!(out, "{line}")?,
                }
            }
            writeln!(out)?;
            writeln!(out, "{}", totals(&summary))?;
            for pair in summary.pairs.iter().filter(|p| p.subject.is_none()) {
                let hint = (pair.likely.as_ref())
                    .map(|l| {
                        format!(
                            "; did you mean {l}? (kicktime mark {l} ...; kicktime unmark {})",
                            pair.id
                        )
                    })
                    .unwrap_or_default();
                writeln!(
                    out,
                    "orphaned mark {}: no entry has this id{hint}",
                    crate::text::sanitize(&pair.id)
                )?;
            }
            for line in &summary.lines {
                if !line.missing.is_empty() {
                    writeln!(
                        out,
                        "{} {}: {} of {} generations; missing {}",
                        line.brand, line.name, line.owned, line.generations, line.missing
                    )?;
                }
            }
            Ok(())
        }
    }
}

/// Mark, date, title, details, id of a listed pair (an orphan's title says so).
fn cells(store: &Store, pair: &crate::collection::summary::Pair) -> [String; 5] {
    let mark = pair.mark.status.map_or("-", |s| s.label()).to_string();
    let (date, title) = match pair.subject {
        Some(subject) => {
            let facts = store.facts(subject);
            (
                crate::detail::shown_date(facts.date),
                store.subject_title(subject).to_string(),
            )
        }
        None => (String::new(), "(orphaned: not in the dataset)".to_string()),
    };
    let details = crate::text::sanitize(&pair.mark.details()).into_owned();
    [
        mark,
        date,
        title,
        details,
        crate::text::sanitize(&pair.id).into_owned(),
    ]
}

/// `3 owned, 1 wanted, 0 sold · spent 359.90 EUR, 200.00 USD (1 without a price)`.
pub fn totals(summary: &Summary) -> String {
    let [owned, wanted, sold] = summary.counts;
    let mut text = format!("{owned} owned, {wanted} wanted, {sold} sold");
    if summary.orphans > 0 {
        text.push_str(&format!(" ({} orphaned)", summary.orphans));
    }
    if !summary.spent.is_empty() {
        let spent: Vec<String> = (summary.spent.iter())
            .map(|(currency, cents)| format!("{} {currency}", format_cents(*cents)))
            .collect();
        text.push_str(&format!(" · spent {}", spent.join(", ")));
        if summary.unpriced > 0 {
            text.push_str(&format!(" ({} without a price)", summary.unpriced));
        }
    }
    text
}
