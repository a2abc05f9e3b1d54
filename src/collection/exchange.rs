//! The collection as CSV or JSON, for `kicktime collection export` and `import`. Both files
//! have one row per mark with the same columns, so an export imports back to the same marks.

use std::io::{self, Read, Write};

use serde::{Deserialize, Serialize};

use super::{Change, Collection, Mark, Price, Status};
use crate::store::Store;

/// The file formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Exchange {
    Csv,
    Json,
}

impl Exchange {
    /// JSON for a `.json` file, CSV otherwise.
    pub fn of_path(path: &std::path::Path) -> Exchange {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("json") => Exchange::Json,
            _ => Exchange::Csv,
        }
    }
}

/// One mark as a row. `title` is for people reading the file and is not read back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub status: String,
    pub size: String,
    pub condition: String,
    pub purchased: String,
    pub price: String,
    pub currency: String,
    pub note: String,
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn some(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.to_string())
}

impl Row {
    pub fn of(store: &Store, id: &str, mark: &Mark) -> Row {
        Row {
            title: store
                .subject(id)
                .map(|s| store.subject_title(s).to_string())
                .unwrap_or_default(),
            ..Row::of_mark(id, mark)
        }
    }

    /// The row of a mark, without a title.
    pub fn of_mark(id: &str, mark: &Mark) -> Row {
        Row {
            id: id.to_string(),
            title: String::new(),
            status: mark
                .status
                .map(|s| s.label().to_string())
                .unwrap_or_default(),
            size: text(&mark.size),
            condition: text(&mark.condition),
            purchased: mark.purchased.map(|d| d.to_string()).unwrap_or_default(),
            price: mark
                .price
                .as_ref()
                .map(|p| p.amount.clone())
                .unwrap_or_default(),
            currency: mark
                .price
                .as_ref()
                .map(|p| p.currency.clone())
                .unwrap_or_default(),
            note: text(&mark.note),
        }
    }

    /// The mark this row holds, or why it cannot be read.
    pub fn mark(&self) -> Result<Mark, String> {
        let status = match self.status.trim() {
            "" => None,
            other => Some(Status::parse(other).ok_or_else(|| {
                format!("status {other:?} is not owned, wanted or sold (or empty)")
            })?),
        };
        let purchased = match self.purchased.trim() {
            "" => None,
            other => Some(other.parse().map_err(|_| {
                format!("purchased {other:?} is not a date like 2024, 2024-05 or 2024-05-17")
            })?),
        };
        let price = match (self.price.trim(), self.currency.trim()) {
            ("", "") => None,
            ("", _) => return Err("a currency is given without a price".to_string()),
            (_, "") => return Err("a price is given without its currency".to_string()),
            (amount, currency) => Some(Price::new(amount, currency)?),
        };
        Ok(Mark {
            status,
            size: some(&self.size),
            condition: some(&self.condition),
            purchased,
            price,
            note: some(&self.note),
        })
    }
}

/// Writes every mark, in id order.
pub fn export(
    out: &mut impl Write,
    store: &Store,
    collection: &Collection,
    format: Exchange,
) -> io::Result<()> {
    let rows: Vec<Row> = (collection.marks.iter())
        .map(|(id, mark)| Row::of(store, id, mark))
        .collect();
    match format {
        Exchange::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        Exchange::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            for row in &rows {
                writer.serialize(row).map_err(crate::output::csv_error)?;
            }
            writer.flush()
        }
    }
}

/// What an import found: the changes to save, and the rows it reports.
#[derive(Debug, Default)]
pub struct Imported {
    pub rows: usize,
    pub changes: Vec<Change>,
    /// Rows kept although their id is not in the dataset: (row number, id, likely id).
    pub orphaned: Vec<(usize, String, Option<String>)>,
    /// Rows that could not be read: (row number, why). Nothing of them is saved.
    pub refused: Vec<(usize, String)>,
}

/// Reads an export (or a file of the same shape). Row numbers count the header as row 1 in
/// CSV, and from 1 in JSON.
pub fn import(input: impl Read, store: &Store, format: Exchange) -> Result<Imported, String> {
    let rows: Vec<(usize, Result<Row, String>)> = match format {
        Exchange::Json => {
            let rows: Vec<Row> = serde_json::from_reader(input)
                .map_err(|e| format!("not a JSON list of marks: {e}"))?;
            rows.into_iter()
                .enumerate()
                .map(|(i, r)| (i + 1, Ok(r)))
                .collect()
        }
        Exchange::Csv => {
            let mut reader = csv::Reader::from_reader(input);
            let headers = reader.headers().map_err(|e| e.to_string())?.clone();
            if !headers.iter().any(|h| h == "id") {
                return Err(
                    "the CSV has no `id` column (export a collection to see the shape)".into(),
                );
            }
            reader
                .deserialize::<Row>()
                .enumerate()
                .map(|(i, r)| (i + 2, r.map_err(|e| e.to_string())))
                .collect()
        }
    };
    let mut imported = Imported {
        rows: rows.len(),
        ..Imported::default()
    };
    let mut ids: Vec<&str> = Vec::new();
    for (number, row) in rows {
        let row = match row {
            Ok(row) if row.id.trim().is_empty() => {
                imported.refused.push((number, "no id".to_string()));
                continue;
            }
            Ok(row) => row,
            Err(why) => {
                imported.refused.push((number, why));
                continue;
            }
        };
        let mark = match row.mark() {
            Ok(mark) => mark,
            Err(why) => {
                imported.refused.push((number, why));
                continue;
            }
        };
        let mark = mark.sanitized();
        let id = crate::text::sanitize(row.id.trim()).into_owned();
        if store.subject(&id).is_none() {
            if ids.is_empty() {
                ids = (0..store.models.len())
                    .map(|m| store.models.id(m))
                    .chain((0..store.releases.len()).map(|r| store.releases.id(r)))
                    .collect();
            }
            let likely = super::likely_id(&id, &ids).map(str::to_string);
            imported.orphaned.push((number, id.clone(), likely));
        }
        imported.changes.push(Change {
            id,
            mark: Some(mark),
        });
    }
    Ok(imported)
}
