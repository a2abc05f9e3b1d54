//! Reading a product list row by row: CSV, TSV or JSON, its encoding and delimiter detected
//! (or given), its columns found by their usual names (or given). Rows stream from the file:
//! only the current one is held.

use std::io::Read;

use serde_json::Value;

/// A file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Tsv,
    Json,
}

/// The columns an import reads; the others are counted as not used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    pub name: usize,
    pub brand: Option<usize>,
    pub date: Option<usize>,
    pub colourway: Option<usize>,
}

/// Column names, as given with flags (else found by their usual names).
#[derive(Debug, Clone, Default)]
pub struct Wanted {
    pub name: Option<String>,
    pub brand: Option<String>,
    pub date: Option<String>,
}

/// One row: its number in the file (the header is row 1 of a CSV) and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub name: String,
    pub brand: String,
    pub date: String,
    pub colourway: String,
}

/// The usual names of each column, compared without case, spaces or punctuation.
const NAMES: [&[&str]; 4] = [
    &[
        "item",
        "name",
        "title",
        "product",
        "productname",
        "model",
        "shoe",
    ],
    &["brand", "make", "manufacturer", "vendor"],
    &[
        "release",
        "releasedate",
        "date",
        "released",
        "launchdate",
        "dropdate",
    ],
    &["colorway", "colourway", "color", "colour"],
];

fn key(header: &str) -> String {
    crate::text::fold_key(header)
}

/// Finds the columns in a header; the error says which column is missing and what there is.
pub fn columns(headers: &[String], wanted: &Wanted) -> Result<Columns, String> {
    let find = |given: &Option<String>, usual: &[&str]| -> Result<Option<usize>, String> {
        match given {
            Some(name) => headers
                .iter()
                .position(|h| key(h) == key(name))
                .map(Some)
                .ok_or_else(|| {
                    format!(
                        "no column is named {name:?}; the columns are {}",
                        list(headers)
                    )
                }),
            None => Ok(usual
                .iter()
                .find_map(|u| headers.iter().position(|h| key(h) == *u))),
        }
    };
    let name = find(&wanted.name, NAMES[0])?.ok_or_else(|| {
        format!(
            "no column of product names (item, name, title...): name it with --name-column; the columns are {}",
            list(headers)
        )
    })?;
    Ok(Columns {
        name,
        brand: find(&wanted.brand, NAMES[1])?,
        date: find(&wanted.date, NAMES[2])?,
        colourway: find(&None, NAMES[3])?,
    })
}

fn list(headers: &[String]) -> String {
    let shown: Vec<String> = headers
        .iter()
        .map(|h| {
            if h.is_empty() {
                "(unnamed)".to_string()
            } else {
                format!("{h:?}")
            }
        })
        .collect();
    shown.join(", ")
}

/// The text of a file's bytes: UTF-8 (a byte-order mark dropped), else the encoding named, else
/// Windows-1252 (which every byte sequence decodes in), with what was used.
pub fn decode(bytes: Vec<u8>, encoding: Option<&str>) -> Result<(String, &'static str), String> {
    if let Some(label) = encoding {
        let found = encoding_rs::Encoding::for_label(label.as_bytes())
            .ok_or_else(|| format!("{label:?} is not an encoding kicktime knows (try utf-8, windows-1252, latin1, shift_jis)"))?;
        let (text, _, _) = found.decode(&bytes);
        return Ok((text.into_owned(), found.name()));
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, "UTF-8")),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
            Ok((text.into_owned(), "windows-1252"))
        }
    }
}

/// The delimiter of a delimited text: the most frequent of `,` `\t` `;` `|` in its first line.
pub fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    [b',', b'\t', b';', b'|']
        .into_iter()
        .max_by_key(|&d| first.bytes().filter(|&b| b == d).count())
        .unwrap_or(b',')
}

/// Reads every row of a delimited text, calling `each` with it and the bytes read so far.
pub fn each_delimited(
    text: &str,
    delimiter: u8,
    wanted: &Wanted,
    mut each: impl FnMut(Result<Row, (usize, String)>, u64),
) -> Result<Vec<String>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("the header cannot be read: {e}"))?
        .iter()
        .map(str::to_string)
        .collect();
    let columns = columns(&headers, wanted)?;
    let field = |record: &csv::StringRecord, i: Option<usize>| {
        i.and_then(|i| record.get(i))
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let mut record = csv::StringRecord::new();
    let mut number = 1;
    loop {
        number += 1;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => each(
                Ok(Row {
                    number,
                    name: field(&record, Some(columns.name)),
                    brand: field(&record, columns.brand),
                    date: field(&record, columns.date),
                    colourway: field(&record, columns.colourway),
                }),
                reader.position().byte(),
            ),
            Err(e) => each(Err((number, e.to_string())), reader.position().byte()),
        }
    }
    Ok(headers)
}

/// Reads a JSON list of objects (or `{"products": [...]}`-like object holding one list).
pub fn each_json(
    text: &str,
    wanted: &Wanted,
    mut each: impl FnMut(Result<Row, (usize, String)>, u64),
) -> Result<Vec<String>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(map) => map
            .into_iter()
            .find_map(|(_, v)| match v {
                Value::Array(items) => Some(items),
                _ => None,
            })
            .ok_or("a JSON object without a list of products in it")?,
        _ => return Err("JSON that is not a list of products".into()),
    };
    let mut headers: Vec<String> = Vec::new();
    for item in &items {
        if let Value::Object(map) = item {
            for k in map.keys() {
                if !headers.contains(k) {
                    headers.push(k.clone());
                }
            }
        }
    }
    let columns = columns(&headers, wanted)?;
    let total = items.len().max(1) as u64;
    for (i, item) in items.into_iter().enumerate() {
        let number = i + 1;
        let Value::Object(map) = item else {
            each(Err((number, "not an object".into())), 0);
            continue;
        };
        let field = |c: Option<usize>| -> String {
            let Some(value) = c.and_then(|c| map.get(&headers[c])) else {
                return String::new();
            };
            match value {
                Value::String(s) => s.trim().to_string(),
                Value::Null => String::new(),
                other => other.to_string(),
            }
        };
        let row = Row {
            number,
            name: field(Some(columns.name)),
            brand: field(columns.brand),
            date: field(columns.date),
            colourway: field(columns.colourway),
        };
        each(Ok(row), (text.len() as u64) * (i as u64 + 1) / total);
    }
    Ok(headers)
}

/// Reads a whole file's bytes (a product list is read once, then streamed row by row).
pub fn read_bytes(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_their_usual_names_and_an_unnamed_one_is_ignored() {
        let headers: Vec<String> = ["", "item", "Brand", "retail", "Release Date"]
            .map(String::from)
            .to_vec();
        let found = columns(&headers, &Wanted::default()).unwrap();
        assert_eq!((found.name, found.brand, found.date), (1, Some(2), Some(4)));
        let missing = columns(&["x".to_string()], &Wanted::default()).unwrap_err();
        assert!(missing.contains("--name-column"), "{missing}");
    }

    #[test]
    fn the_delimiter_and_a_latin_1_file_are_recognised() {
        assert_eq!(delimiter("a;b;c\n1;2;3"), b';');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
        let (text, used) = decode(b"Mani\xe9re".to_vec(), None).unwrap();
        assert_eq!(
            (text.as_str(), used),
            ("Manié re".replace(' ', "").as_str(), "windows-1252")
        );
    }
}
