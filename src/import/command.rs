//! The `import` command: read a product list, build the overlay, check it with the dataset,
//! write it (atomically, never over a file kicktime did not write) and report.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::rows::{self, Format, Wanted};
use super::{Importer, MARK, Report};
use crate::cli::{EXIT_DATA, EXIT_IO, EXIT_USAGE};
use crate::open::Sources;
use crate::validate::Severity;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The product list: CSV, TSV or JSON.
    pub file: PathBuf,
    /// Write the overlay into this folder instead of the imports folder of your own entries.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Report what would be imported without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// The file's format, when its extension does not say (.csv, .tsv, .json).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The column separator of a CSV, when it is not the most frequent of , tab ; | in the
    /// header.
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<char>,
    /// The text encoding (utf-8, windows-1252, latin1, shift_jis...); by default UTF-8, else
    /// Windows-1252.
    #[arg(long)]
    pub encoding: Option<String>,
    /// The column of product names (by default item, name, title or product).
    #[arg(long, value_name = "COLUMN")]
    pub name_column: Option<String>,
    /// The column of brands (by default brand, make or manufacturer).
    #[arg(long, value_name = "COLUMN")]
    pub brand_column: Option<String>,
    /// The column of release dates (by default release, release date or date).
    #[arg(long, value_name = "COLUMN")]
    pub date_column: Option<String>,
}

/// Runs an import against the dataset of `sources` (the target file itself left out).
pub fn run(sources: Sources, args: &ImportArgs) -> std::io::Result<ExitCode> {
    let shown = crate::text::sanitize(&args.file.display().to_string()).into_owned();
    let Some(target) = super::target(&args.file, args.out.as_deref()) else {
        eprintln!("kicktime: there is no data folder to import into: name one with --out DIR");
        return Ok(ExitCode::from(EXIT_IO));
    };
    let shown_target = crate::places::shown(&target.display().to_string());
    if let Ok(existing) = std::fs::read_to_string(&target)
        && !existing.starts_with(MARK)
    {
        eprintln!(
            "kicktime: {shown_target} exists and kicktime did not write it: move it, or import with --out DIR"
        );
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let bytes = match rows::read_bytes(&args.file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("kicktime: {shown}: {e}");
            return Ok(ExitCode::from(EXIT_IO));
        }
    };
    let (text, encoding) = match rows::decode(bytes, args.encoding.as_deref()) {
        Ok(decoded) => decoded,
        Err(why) => {
            eprintln!("kicktime: {why}");
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    // The dataset as it will be under the overlay, without any earlier import of this file.
    let sources = Sources {
        exclude: Some(target.clone()),
        ..sources
    };
    let opened = match crate::open::open_sources(&sources, &crate::progress::Progress::default()) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("kicktime: the dataset cannot be loaded, so nothing was imported");
            return Ok(ExitCode::from(EXIT_DATA));
        }
    };
    let store = &opened.store;
    let file_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let mut importer = Importer::new(store, &crate::text::sanitize(&file_name));
    let wanted = Wanted {
        name: args.name_column.clone(),
        brand: args.brand_column.clone(),
        date: args.date_column.clone(),
    };
    let format = args.format.unwrap_or_else(|| {
        match args
            .file
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("json") => Format::Json,
            Some("tsv" | "tab") => Format::Tsv,
            _ => Format::Csv,
        }
    });
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(text.len() as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template("importing {bar:30} {percent}% ({eta} left)")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let each = |row: Result<rows::Row, (usize, String)>, read: u64| {
        match row {
            Ok(row) => importer.add(row),
            Err((number, why)) => importer.unreadable(number, &why),
        }
        bar.set_position(read);
    };
    let read = match format {
        Format::Json => rows::each_json(&text, &wanted, each),
        Format::Tsv => rows::each_delimited(&text, b'\t', &wanted, each),
        Format::Csv => {
            let delimiter = match args.delimiter {
                Some(c) if c.is_ascii() => c as u8,
                Some(c) => {
                    eprintln!("kicktime: the delimiter {c:?} is not an ASCII character");
                    return Ok(ExitCode::from(EXIT_USAGE));
                }
                None => rows::delimiter(&text),
            };
            rows::each_delimited(&text, delimiter, &wanted, each)
        }
    };
    bar.finish_and_clear();
    if let Err(why) = read {
        eprintln!("kicktime: {shown}: {}", crate::text::sanitize(&why));
        return Ok(ExitCode::from(EXIT_DATA));
    }
    let report = &importer.report;
    let heading = format!(
        "{} from {} ({encoding}): {} rows read, {} releases of models of the history, {} new models, {} repeated rows merged, {} skipped.\nImported entries have no sources. Importing the same file again replaces this file.",
        super::MARK_TEXT,
        crate::text::sanitize(&file_name),
        report.rows,
        report.linked,
        report.new,
        report.merged,
        report.skipped.len()
    );
    let ron = importer.ron(&heading);
    // The overlay must validate with the dataset under it before it is written.
    let extra = crate::load::SourceFile {
        name: crate::text::sanitize(&target.display().to_string()).into_owned(),
        text: crate::load::keep(ron.clone()),
    };
    let problems = match crate::open::parse_and_check_with(&sources, Some(extra)) {
        Ok((_, problems)) => problems,
        Err(e) => {
            eprintln!("{e}");
            eprintln!(
                "kicktime: the import does not validate, so nothing was written (please report this)"
            );
            return Ok(ExitCode::from(EXIT_DATA));
        }
    };
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        eprintln!(
            "kicktime: the import does not validate, so nothing was written (please report this)"
        );
        return Ok(ExitCode::from(EXIT_DATA));
    }
    print_report(&importer.report, &shown, &shown_target, args.dry_run)?;
    if args.dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    if let Err(e) = write(&target, &ron) {
        eprintln!("kicktime: {shown_target} could not be written: {e}");
        return Ok(ExitCode::from(EXIT_IO));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(report: &Report, from: &str, to: &str, dry_run: bool) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    for (row, why) in &report.skipped {
        writeln!(out, "row {row}: skipped: {}", crate::text::sanitize(why))?;
    }
    for (row, date) in &report.odd_dates {
        writeln!(
            out,
            "row {row}: the date {date:?} is not understood; imported without it"
        )?;
    }
    writeln!(
        out,
        "{from}: {} rows read: {} releases of models of the history ({} with known collaborators), {} new models, {} repeated rows merged, {} skipped",
        report.rows,
        report.linked,
        report.with_collaborators,
        report.new,
        report.merged,
        report.skipped.len()
    )?;
    if !report.new_brands.is_empty() {
        writeln!(
            out,
            "{} new brands: {}",
            report.new_brands.len(),
            report.new_brands.join(", ")
        )?;
    }
    if report.repaired > 0 {
        writeln!(
            out,
            "{} had mis-decoded characters put right",
            crate::profile::count(report.repaired, "name", "names")
        )?;
    }
    if dry_run {
        writeln!(
            out,
            "nothing written (--dry-run); without it the entries go to {to}"
        )
    } else {
        writeln!(out, "written to {to}: the browser shows them from now on")
    }
}

/// Writes the overlay atomically, making its folder.
fn write(target: &std::path::Path, text: &str) -> std::io::Result<()> {
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(".".as_ref());
    std::fs::create_dir_all(folder)?;
    let mut temporary = tempfile::NamedTempFile::new_in(folder)?;
    temporary.write_all(text.as_bytes())?;
    temporary.as_file().sync_all()?;
    temporary.persist(target).map_err(|e| e.error)?;
    Ok(())
}
