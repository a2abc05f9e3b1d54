//! Printing entries for scripts and people: aligned text tables, JSON, CSV and Markdown, and the
//! full description of one entry. All text comes from the store, already terminal-safe.

use std::io::{self, Write};

use serde::Serialize;

use crate::detail::{Detail, describe};
use crate::model::{Dispute, Source, Text};
use crate::store::{Store, Subject};
use crate::text::{fit, width};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
    Md,
}

/// The fields every entry has in every format. `year` and `date` are null for an undated
/// model (which only `show` prints: the timeline has dated entries only).
#[derive(Debug, Serialize)]
pub struct EntryRow<'a> {
    pub id: &'a str,
    pub kind: &'static str,
    pub title: &'a str,
    pub brand: &'a str,
    pub model: &'a str,
    pub year: Option<i32>,
    pub date: Option<String>,
    pub approximate: bool,
    pub era: &'a str,
    pub collaborators: Vec<&'a str>,
}

impl<'a> EntryRow<'a> {
    /// The row of the entry at a timeline position.
    pub fn new(store: &'a Store, position: usize) -> Self {
        Self::of(store, store.timeline[position].subject())
    }

    /// The row of a model or release, on the timeline or not.
    pub fn of(store: &'a Store, subject: Subject) -> Self {
        let facts = store.facts(subject);
        let collaborators = match subject {
            Subject::Release(r) => store
                .collaborators_of_release(r)
                .filter_map(|c| store.collaborators.get(c).map(|c| c.name.as_str()))
                .collect(),
            Subject::Model(_) => Vec::new(),
        };
        EntryRow {
            id: store.subject_id(subject),
            kind: facts.kind.label(),
            title: store.subject_title(subject),
            brand: store
                .brands
                .get(facts.brand)
                .map_or("", |b| b.name.as_str()),
            model: store.models.id(facts.model),
            year: facts.date.map(|d| d.year),
            date: facts.date.map(|d| d.iso()),
            approximate: facts.date.is_some_and(|d| d.approximate),
            era: facts
                .era
                .and_then(|e| store.eras.get(e))
                .map_or("", |e| e.name.as_str()),
            collaborators,
        }
    }

    fn shown_date(&self) -> String {
        match &self.date {
            Some(date) if self.approximate => format!("~{date}"),
            Some(date) => date.clone(),
            None => "undated".to_string(),
        }
    }
}

/// Prints a list of timeline entries.
/// Prints a list of timeline entries; a text table is cut to `width` columns when given (a
/// terminal's width), else printed whole.
pub fn print_entries(
    out: &mut impl Write,
    store: &Store,
    positions: &[usize],
    format: Format,
    width: Option<usize>,
) -> io::Result<()> {
    let rows: Vec<EntryRow> = positions.iter().map(|&p| EntryRow::new(store, p)).collect();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        Format::Csv => write_csv(out, &rows),
        Format::Md => write_markdown(out, &rows),
        Format::Text => write_table(out, &rows, width),
    }
}

const HEADERS: [&str; 6] = ["DATE", "KIND", "BRAND", "TITLE", "WITH", "ID"];
/// The widest a text column grows on a narrow terminal before the widest is cut further.
const MAX_COLUMN: [usize; 6] = [11, 7, 16, 44, 32, 40];

/// The columns' widths: each as wide as its longest value, and, within `limit`, cut first to
/// [`MAX_COLUMN`] and then, widest first, down to its heading's width.
fn column_widths(table: &[[String; 6]], limit: Option<usize>) -> [usize; 6] {
    let mut widths = HEADERS.map(width);
    for row in table {
        for (column, cell) in row.iter().enumerate() {
            widths[column] = widths[column].max(width(cell));
        }
    }
    let Some(limit) = limit else {
        return widths;
    };
    let total = |w: &[usize; 6]| w.iter().sum::<usize>() + 2 * (w.len() - 1);
    if total(&widths) <= limit {
        return widths;
    }
    for (w, max) in widths.iter_mut().zip(MAX_COLUMN) {
        *w = (*w).min(max);
    }
    while total(&widths) > limit {
        let floor = |i: usize| width(HEADERS[i]).max(4);
        let widest = (0..widths.len())
            .filter(|&i| widths[i] > floor(i))
            .max_by_key(|&i| widths[i]);
        match widest {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
    widths
}

fn cells(row: &EntryRow) -> [String; 6] {
    [
        row.shown_date(),
        row.kind.to_string(),
        row.brand.to_string(),
        row.title.to_string(),
        row.collaborators.join(", "),
        row.id.to_string(),
    ]
}

fn write_table(out: &mut impl Write, rows: &[EntryRow], limit: Option<usize>) -> io::Result<()> {
    let table: Vec<[String; 6]> = rows.iter().map(cells).collect();
    let widths = column_widths(&table, limit);
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, w)| fit(cell, w))
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    writeln!(out, "{}", line(&HEADERS.map(String::from)))?;
    for row in &table {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

fn write_csv(out: &mut impl Write, rows: &[EntryRow]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let header = [
        "id",
        "kind",
        "title",
        "brand",
        "model",
        "year",
        "date",
        "era",
        "collaborators",
    ];
    writer.write_record(header).map_err(csv_error)?;
    for row in rows {
        writer
            .write_record([
                row.id,
                row.kind,
                row.title,
                row.brand,
                row.model,
                &row.year.map(|y| y.to_string()).unwrap_or_default(),
                &row.shown_date(),
                row.era,
                &row.collaborators.join("; "),
            ])
            .map_err(csv_error)?;
    }
    writer.flush()
}

/// The I/O error inside a CSV error (a closed pipe stays a closed pipe, which is no error).
pub fn csv_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|")
}

fn write_markdown(out: &mut impl Write, rows: &[EntryRow]) -> io::Result<()> {
    writeln!(out, "| Date | Kind | Brand | Title | With | Id |")?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for row in rows {
        let cells = cells(row).map(|c| md_cell(&c));
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// The JSON form of `kicktime show`: the entry's row plus everything known about it.
#[derive(Debug, Serialize)]
struct EntryDetail<'a> {
    #[serde(flatten)]
    row: EntryRow<'a>,
    summary: &'a str,
    #[serde(flatten)]
    specific: Specific<'a>,
    sources: &'a [Source],
    disputes: &'a [Dispute],
    /// The dataset file it came from.
    file: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Specific<'a> {
    Model {
        line: Option<Text>,
        generation: Option<u16>,
        aliases: Box<[Text]>,
        designers: Box<[Text]>,
        technologies: Box<[Text]>,
        category: &'static str,
        successor_of: Option<Text>,
        successors: Vec<&'a str>,
        derived_from: Box<[Text]>,
        releases: Vec<&'a str>,
    },
    Release {
        colourway: Option<Text>,
        credits: Vec<Credit<'a>>,
    },
}

#[derive(Debug, Serialize)]
struct Credit<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    role: Option<Text>,
}

fn specific(store: &Store, subject: Subject) -> Specific<'_> {
    match subject {
        Subject::Model(m) => {
            let model = store.models.get(m);
            Specific::Model {
                line: model.line,
                generation: model.generation,
                aliases: model.aliases,
                designers: model.designers,
                technologies: model.technologies,
                category: model.category.label(),
                successor_of: model.successor_of,
                successors: store
                    .successors_of_model(m)
                    .map(|s| store.models.id(s))
                    .collect(),
                derived_from: model.derived_from,
                releases: store
                    .releases_of_model(m)
                    .map(|p| store.id_of(&store.timeline[p]))
                    .collect(),
            }
        }
        Subject::Release(r) => {
            let release = store.releases.get(r);
            Specific::Release {
                colourway: release.colourway,
                credits: release
                    .collaborators
                    .iter()
                    .filter_map(|c| {
                        let who = &store.collaborators[store.collaborator(&c.collaborator)?];
                        Some(Credit {
                            id: &who.id,
                            name: &who.name,
                            kind: who.kind.label(),
                            role: c.role,
                        })
                    })
                    .collect(),
            }
        }
    }
}

/// Prints one model or release in full.
pub fn print_entry(
    out: &mut impl Write,
    store: &Store,
    subject: Subject,
    format: Format,
) -> io::Result<()> {
    let (sources, disputes) = store.subject_provenance(subject);
    let summary = match subject {
        Subject::Model(m) => store.models.get(m).summary,
        Subject::Release(r) => store.releases.get(r).summary,
    };
    match format {
        Format::Json => {
            let detail = EntryDetail {
                row: EntryRow::of(store, subject),
                summary: &summary,
                specific: specific(store, subject),
                sources: &sources,
                disputes: &disputes,
                file: store.file_of(subject),
            };
            serde_json::to_writer_pretty(&mut *out, &detail)?;
            writeln!(out)
        }
        Format::Csv => write_csv(out, &[EntryRow::of(store, subject)]),
        Format::Md => write_detail_markdown(out, &describe(store, subject)),
        Format::Text => write_detail_text(out, &describe(store, subject)),
    }
}

fn write_detail_text(out: &mut impl Write, detail: &Detail) -> io::Result<()> {
    writeln!(out, "{}", detail.title)?;
    writeln!(out)?;
    let label_width = detail
        .fields
        .iter()
        .map(|f| width(f.label))
        .max()
        .unwrap_or(0);
    for field in &detail.fields {
        for (i, item) in field.items.iter().enumerate() {
            let label = if i == 0 { field.label } else { "" };
            writeln!(out, "  {}  {}", fit(label, label_width), item.text)?;
        }
    }
    if !detail.summary.is_empty() {
        writeln!(out)?;
        for line in wrap(&detail.summary, 78) {
            writeln!(out, "  {line}")?;
        }
    }
    if !detail.disputes.is_empty() {
        writeln!(out, "\nDisputed")?;
        for dispute in &detail.disputes {
            writeln!(out, "  {}:", dispute.about)?;
            for claim in &dispute.claims {
                writeln!(out, "    - {}: {}", claim.source, claim.says)?;
            }
        }
    }
    if !detail.sources.is_empty() {
        writeln!(out, "\nSources")?;
        for source in &detail.sources {
            writeln!(out, "  - {}\n    {}", source.title, source.url)?;
        }
    }
    Ok(())
}

fn write_detail_markdown(out: &mut impl Write, detail: &Detail) -> io::Result<()> {
    writeln!(out, "## {}\n", md_cell(&detail.title))?;
    for field in &detail.fields {
        let values: Vec<String> = field.items.iter().map(|i| md_cell(&i.text)).collect();
        writeln!(out, "- **{}**: {}", field.label, values.join("; "))?;
    }
    if !detail.summary.is_empty() {
        writeln!(out, "\n{}", md_cell(&detail.summary))?;
    }
    if !detail.disputes.is_empty() {
        writeln!(out, "\n### Disputed\n")?;
        for dispute in &detail.disputes {
            for claim in &dispute.claims {
                writeln!(
                    out,
                    "- {}: *{}* says {}",
                    md_cell(&dispute.about),
                    md_cell(&claim.source),
                    md_cell(&claim.says)
                )?;
            }
        }
    }
    if !detail.sources.is_empty() {
        writeln!(out, "\n### Sources\n")?;
        for source in &detail.sources {
            writeln!(out, "- [{}]({})", md_cell(&source.title), source.url)?;
        }
    }
    Ok(())
}

/// Splits prose into lines of at most `columns` display columns, at spaces.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && width(&line) + 1 + width(word) > columns {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
