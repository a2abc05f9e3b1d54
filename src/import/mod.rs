//! `kicktime import`: a product list from a marketplace, a shop or a spreadsheet turned into
//! a folder of one's own entries (RON that validates), on top of the history.
//!
//! Each row becomes a release of an existing model when its name makes that clear (its brand
//! matches and the model's name or alias is in the product's name, whole words), crediting the
//! known collaborators it names; otherwise a new model of its brand (a new brand when the brand
//! is not known). Repeated rows (the same brand, name and date) are merged. Rows that cannot be
//! placed are skipped with their reason; the report's counts add up to the rows read.
//! Imported entries have no sources (a product list is not one): they validate with a warning
//! each, and stay out of the curated history.

pub mod command;
pub mod matching;
pub mod rows;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::date::PartialDate;
use crate::store::Store;
use matching::{Matcher, words};
use rows::Row;

/// What an import did, row by row.
#[derive(Debug, Default)]
pub struct Report {
    pub rows: usize,
    /// Rows that became releases of existing models.
    pub linked: usize,
    /// Rows that became new models.
    pub new: usize,
    /// Rows that repeated an earlier one (same brand, name and date).
    pub merged: usize,
    /// Rows skipped: (row number, why).
    pub skipped: Vec<(usize, String)>,
    /// Brands the dataset did not know, by id.
    pub new_brands: Vec<String>,
    /// Releases crediting a known collaborator.
    pub with_collaborators: usize,
    /// Names whose mis-decoded characters were put right (`ValentineÕs` → `Valentine’s`).
    pub repaired: usize,
    /// Dates that were not understood (the row kept, undated): (row, date).
    pub odd_dates: Vec<(usize, String)>,
}

impl Report {
    /// Whether every row read is counted once.
    pub fn adds_up(&self) -> bool {
        self.rows == self.linked + self.new + self.merged + self.skipped.len()
    }
}

/// Builds the overlay's entries from rows.
pub struct Importer<'a> {
    store: &'a Store,
    matcher: Matcher<'a>,
    /// Where the rows come from, for the entries' summaries.
    source_name: String,
    /// Every id taken, the store's and the import's.
    taken: FxHashSet<String>,
    brand_ids: FxHashSet<String>,
    /// New brands by the key of their name: (id, name).
    new_brands: FxHashMap<String, (String, String)>,
    /// Rows seen, by brand, name and date.
    seen: FxHashSet<(String, String, String)>,
    brands_ron: String,
    models_ron: String,
    releases_ron: String,
    pub report: Report,
}

impl<'a> Importer<'a> {
    pub fn new(store: &'a Store, source_name: &str) -> Importer<'a> {
        let mut taken = FxHashSet::default();
        taken.extend((0..store.models.len()).map(|m| store.models.id(m).to_string()));
        taken.extend((0..store.releases.len()).map(|r| store.releases.id(r).to_string()));
        Importer {
            store,
            matcher: Matcher::new(store),
            source_name: source_name.to_string(),
            taken,
            brand_ids: store.brands.iter().map(|b| b.id.to_string()).collect(),
            new_brands: FxHashMap::default(),
            seen: FxHashSet::default(),
            brands_ron: String::new(),
            models_ron: String::new(),
            releases_ron: String::new(),
            report: Report::default(),
        }
    }

    /// A row that could not be read at all.
    pub fn unreadable(&mut self, number: usize, why: &str) {
        self.report.rows += 1;
        self.report
            .skipped
            .push((number, format!("cannot be read: {why}")));
    }

    pub fn add(&mut self, row: Row) {
        self.report.rows += 1;
        let name = self.repaired(&crate::text::sanitize(row.name.trim()));
        if name.is_empty() {
            return self.skip(row.number, "no product name");
        }
        let product = words(&name);
        // The brand column, else a known brand the name starts with.
        let written_brand = crate::text::sanitize(row.brand.trim()).into_owned();
        let known = if written_brand.is_empty() {
            self.brand_in_name(&product)
        } else {
            self.matcher.brand(&written_brand)
        };
        if written_brand.is_empty() && known.is_none() {
            return self.skip(
                row.number,
                "no brand, and the name starts with no known brand",
            );
        }
        let date = self.date(row.number, &row.date);
        let brand_key = match known {
            Some(b) => self.store.brands[b].id.to_string(),
            None => crate::text::fold_key(&written_brand),
        };
        let seen_key = (
            brand_key,
            product.join(" "),
            date.map(|d| d.to_string()).unwrap_or_default(),
        );
        if !self.seen.insert(seen_key) {
            self.report.merged += 1;
            return;
        }
        let brand_id = match known {
            Some(b) => self.store.brands[b].id.to_string(),
            None => self.new_brand(&written_brand),
        };
        let model = known.and_then(|b| self.matcher.model(b, &product));
        match (model, date) {
            (Some(m), Some(date)) if !self.predates(m, date) => {
                self.release(row.number, &name, m, date, known, &row.colourway)
            }
            (Some(m), None) => {
                let model_name = self.store.models.name(m).to_string();
                self.skip(
                    row.number,
                    &format!(
                        "names {model_name} but has no release date to place it on the timeline"
                    ),
                )
            }
            _ => self.model(row.number, &name, &brand_id, date),
        }
    }

    fn skip(&mut self, number: usize, why: &str) {
        self.report.skipped.push((number, why.to_string()));
    }

    /// Whether a release on `date` would come before its model was introduced.
    fn predates(&self, model: usize, date: PartialDate) -> bool {
        match self.store.models.get(model).introduced {
            Some(introduced) => {
                date.year < introduced.year
                    || (date.month.is_some()
                        && introduced.month.is_some()
                        && date.sort_key() < introduced.sort_key())
            }
            None => false,
        }
    }

    fn brand_in_name(&self, product: &[String]) -> Option<usize> {
        (1..=3.min(product.len()))
            .rev()
            .find_map(|n| self.matcher.brand(&product[..n].join(" ")))
    }

    /// A date as the file writes it: `2023-03-21`, `2023/03/21`, `2023-03`, `2023`, or a
    /// date and time; blank is none, and what is not understood is reported and left out.
    fn date(&mut self, number: usize, written: &str) -> Option<PartialDate> {
        let written = written.trim();
        if written.is_empty() {
            return None;
        }
        let day = written
            .split(['T', ' '])
            .next()
            .unwrap_or_default()
            .replace('/', "-");
        match day.parse::<PartialDate>() {
            Ok(date) if date.impossibility().is_none() && !date.approximate => Some(date),
            _ => {
                self.report
                    .odd_dates
                    .push((number, crate::text::sanitize(written).into_owned()));
                None
            }
        }
    }

    /// Characters mis-decoded on the way (UTF-8 read as Windows-1252 or Mac Roman) put right.
    fn repaired(&mut self, name: &str) -> String {
        let mut fixed = name.to_string();
        if fixed.contains(['Ã', 'Â']) {
            let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&fixed);
            if !lossy && let Ok(text) = String::from_utf8(bytes.into_owned()) {
                fixed = text;
            }
        }
        // Mac Roman's right quote read as Latin-1: "ValentineÕs".
        let chars: Vec<char> = fixed.chars().collect();
        let quote = |i: usize| {
            chars[i] == 'Õ'
                && i > 0
                && chars[i - 1].is_lowercase()
                && chars.get(i + 1).is_some_and(|c| c.is_lowercase())
        };
        if (0..chars.len()).any(quote) {
            fixed = (0..chars.len())
                .map(|i| if quote(i) { '’' } else { chars[i] })
                .collect();
        }
        if fixed != name {
            self.report.repaired += 1;
        }
        fixed
    }

    fn new_brand(&mut self, written: &str) -> String {
        let key = crate::text::fold_key(written);
        if let Some((id, _)) = self.new_brands.get(&key) {
            return id.clone();
        }
        let id = unique(&slug(written), &self.brand_ids);
        self.brand_ids.insert(id.clone());
        let _ = writeln!(
            self.brands_ron,
            "        Brand(id: {}, name: {}),",
            quote(&id),
            quote(written)
        );
        self.report.new_brands.push(id.clone());
        self.new_brands
            .insert(key, (id.clone(), written.to_string()));
        id
    }

    fn id_for(&mut self, name: &str, date: Option<PartialDate>) -> String {
        let base = slug(name);
        let base = match date {
            Some(d) if self.taken.contains(&base) => format!("{base}-{}", d.year),
            _ => base,
        };
        let id = unique(&base, &self.taken);
        self.taken.insert(id.clone());
        id
    }

    fn summary(&self, number: usize) -> String {
        format!("From {}, row {number}.", self.source_name)
    }

    fn release(
        &mut self,
        number: usize,
        name: &str,
        model: usize,
        date: PartialDate,
        brand: Option<usize>,
        colourway: &str,
    ) {
        let id = self.id_for(name, Some(date));
        let spaced = matching::spaced_words(name);
        let collaborators = self.matcher.collaborators(brand, Some(model), &spaced);
        if !collaborators.is_empty() {
            self.report.with_collaborators += 1;
        }
        let credits: Vec<String> = (collaborators.iter())
            .map(|&c| {
                format!(
                    "Credit(collaborator: {})",
                    quote(&self.store.collaborators[c].id)
                )
            })
            .collect();
        let colourway = crate::text::sanitize(colourway.trim());
        let colourway = if colourway.is_empty() {
            String::new()
        } else {
            format!(" colourway: {},", quote(&colourway))
        };
        let _ = writeln!(
            self.releases_ron,
            "        Release(id: {}, model: {}, name: {},{colourway} date: {}, collaborators: [{}], summary: {}),",
            quote(&id),
            quote(self.store.models.id(model)),
            quote(name),
            quote(&date.to_string()),
            credits.join(", "),
            quote(&self.summary(number)),
        );
        self.report.linked += 1;
    }

    fn model(&mut self, number: usize, name: &str, brand: &str, date: Option<PartialDate>) {
        let id = self.id_for(name, date);
        let introduced = date
            .map(|d| format!(" introduced: {},", quote(&d.to_string())))
            .unwrap_or_default();
        // A product list does not say what a shoe is for: Lifestyle, the marketplace's kind.
        let _ = writeln!(
            self.models_ron,
            "        Model(id: {}, brand: {}, name: {},{introduced} category: Lifestyle, summary: {}),",
            quote(&id),
            quote(brand),
            quote(name),
            quote(&self.summary(number)),
        );
        self.report.new += 1;
    }

    /// The overlay file's text.
    pub fn ron(&self, heading: &str) -> String {
        let mut text = String::new();
        for line in heading.lines() {
            let _ = writeln!(text, "// {line}");
        }
        text.push_str("Dataset(\n");
        for (list, body) in [
            ("brands", &self.brands_ron),
            ("models", &self.models_ron),
            ("releases", &self.releases_ron),
        ] {
            let _ = write!(text, "    {list}: [\n{body}    ],\n");
        }
        text.push_str(")\n");
        text
    }
}

/// A RON string literal.
fn quote(text: &str) -> String {
    ron::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// `Nike Air Max 1 '86 Big Bubble` → `nike-air-max-1-86-big-bubble`.
pub fn slug(text: &str) -> String {
    let words = words(text);
    let slug = words.join("-");
    if slug.is_empty() {
        "imported".to_string()
    } else {
        slug
    }
}

/// `base`, or `base-2`, `base-3`... the first not taken.
fn unique(base: &str, taken: &FxHashSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// The first line of a file kicktime wrote for an import: a file that starts otherwise is a
/// person's, and is never replaced.
pub const MARK: &str = "// Imported by kicktime";

/// [`MARK`] without its comment slashes, for the heading [`Importer::ron`] comments out.
const MARK_TEXT: &str = "Imported by kicktime";

/// Where an import of `input` is written: `out` (a folder) or the imports folder of the data
/// folder, as `<input's name>.ron`.
pub fn target(input: &Path, out: Option<&Path>) -> Option<PathBuf> {
    let stem = input.file_stem()?.to_string_lossy();
    let folder = match out {
        Some(out) => out.to_path_buf(),
        None => crate::places::entries_folder()?.join("imports"),
    };
    Some(folder.join(format!("{}.ron", slug(&stem))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_unique_ids() {
        assert_eq!(
            slug("Nike Air Max 1 '86 Big Bubble"),
            "nike-air-max-1-86-big-bubble"
        );
        assert_eq!(slug("A Ma Maniére"), "a-ma-maniere");
        let taken: FxHashSet<String> = ["a".to_string(), "a-2".to_string()].into_iter().collect();
        assert_eq!(unique("a", &taken), "a-3");
    }
}
