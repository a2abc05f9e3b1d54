//! Checks across entries once every file is parsed: ids, references, dates, lineage cycles and
//! eras. Every problem is collected, so one run reports them all.
//!
//! Eras must be contiguous: each era starts the year after the previous one ends, none overlap,
//! only the last may be open-ended, and every entry's year must fall in one of them.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use crate::load::ParsedFile;
use crate::model::{Dispute, Source, Text};
use crate::text::sanitize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a dataset, with the file, the place in it and the entry it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    /// The line and column of what is wrong, when it can be found in the file.
    pub position: Option<(usize, usize)>,
    /// "model gel-kayano-14", "era y2k-tech"; empty for the dataset as a whole.
    pub entry: String,
    pub message: String,
    /// The string of the file the problem is about (an id, a reference), to place it.
    anchor: Option<&'static str>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let entry = if self.entry.is_empty() {
            String::new()
        } else {
            format!("{}: ", sanitize(&self.entry))
        };
        let place = match self.position {
            Some((line, column)) => format!(":{line}:{column}"),
            None => String::new(),
        };
        write!(
            f,
            "{label}: {}{place}: {entry}{}",
            sanitize(&self.file),
            sanitize(&self.message)
        )
    }
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn error(&mut self, file: &str, entry: impl ToString, message: String) {
        self.push(Severity::Error, file, entry.to_string(), None, message);
    }

    /// An error placed at `anchor`, a string of the file (its line and column are found once
    /// every check has run).
    fn error_at(
        &mut self,
        file: &str,
        entry: impl ToString,
        anchor: &'static str,
        message: String,
    ) {
        self.push(
            Severity::Error,
            file,
            entry.to_string(),
            Some(anchor),
            message,
        );
    }

    fn warn_at(&mut self, file: &str, entry: impl ToString, anchor: &'static str, message: String) {
        self.push(
            Severity::Warning,
            file,
            entry.to_string(),
            Some(anchor),
            message,
        );
    }

    fn push(
        &mut self,
        severity: Severity,
        file: &str,
        entry: String,
        anchor: Option<&'static str>,
        message: String,
    ) {
        self.problems.push(Problem {
            severity,
            file: file.to_string(),
            position: None,
            entry,
            message,
            anchor,
        });
    }
}

/// Finds each problem's line and column from its anchor: where that string lies in its file.
fn place(problems: &mut [Problem], files: &[ParsedFile]) {
    let mut line_starts: HashMap<usize, Vec<usize>> = HashMap::default();
    for problem in problems {
        let Some(anchor) = problem.anchor else {
            continue;
        };
        let Some(file) = files.iter().find(|f| f.name == problem.file) else {
            continue;
        };
        let (start, end) = (file.text.as_ptr() as usize, file.text.len());
        let at = anchor.as_ptr() as usize;
        if at < start || at >= start + end {
            continue;
        }
        let offset = at - start;
        let starts = line_starts.entry(start).or_insert_with(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', file.text.as_bytes()).map(|i| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset);
        let line_start = starts[line - 1];
        // A string's place is its opening quote, one before its text.
        let column = file.text[line_start..offset].chars().count();
        problem.position = Some((line, column.max(1)));
    }
}

/// "model gel-kayano-14": which entry a problem is about, formatted only when there is one.
#[derive(Clone, Copy)]
struct EntryRef(&'static str, &'static str);

impl fmt::Display for EntryRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

/// Every problem of the merged files, errors first, in file order within each severity.
pub fn validate(files: &[ParsedFile]) -> Vec<Problem> {
    type Check = fn(&[ParsedFile], &mut Checker);
    const CHECKS: [Check; 7] = [
        check_ids,
        check_references,
        check_dates,
        check_lineage_cycles,
        check_generations,
        check_eras,
        check_sources,
    ];
    // One after another on this thread. Side by side they took 35 rather than 55 ms for 100,000
    // entries, but each thread's allocator kept the memory of its lookup tables after they were
    // dropped, where the store built next could not reuse it: 20 to 35 bytes more per entry,
    // varying from run to run.
    let reports: Vec<Vec<Problem>> = CHECKS
        .map(|check| {
            let mut checker = Checker {
                problems: Vec::new(),
            };
            check(files, &mut checker);
            checker.problems
        })
        .into_iter()
        .collect();
    let mut checker = Checker {
        problems: reports.into_iter().flatten().collect(),
    };
    if files
        .iter()
        .all(|f| f.dataset.models.is_empty() && f.dataset.releases.is_empty())
    {
        let file = files.first().map_or("(no file)", |f| f.name.as_str());
        checker.error(
            file,
            String::new(),
            "the dataset is empty: it holds no models and no releases".into(),
        );
    }
    let mut problems = checker.problems;
    place(&mut problems, files);
    problems.sort_by_key(|p| p.severity);
    problems
}

fn check_ids(files: &[ParsedFile], checker: &mut Checker) {
    // Models and releases share one namespace: `kicktime show ID` finds either. Each map is
    // sized at once: one that grows holds its old and new tables together, which for a
    // million entries is the largest allocation of the whole load.
    let count = |size: fn(&crate::model::Dataset) -> usize| -> usize {
        files.iter().map(|f| size(&f.dataset)).sum()
    };
    // Each id keeps the index of the file that used it first.
    let mut namespaces: HashMap<&str, HashMap<&str, (usize, &'static str)>> = [
        ("brand", count(|d| d.brands.len())),
        ("collaborator", count(|d| d.collaborators.len())),
        ("era", count(|d| d.eras.len())),
        ("entry", count(|d| d.models.len() + d.releases.len())),
    ]
    .into_iter()
    .map(|(namespace, size)| {
        let map = HashMap::with_capacity_and_hasher(size, Default::default());
        (namespace, map)
    })
    .collect();
    for (index, file) in files.iter().enumerate() {
        let d = &file.dataset;
        let ids = (d.brands.iter())
            .map(|b| ("brand", "brand", b.id.as_str(), b.name.as_str()))
            .chain(d.collaborators.iter().map(|c| {
                (
                    "collaborator",
                    "collaborator",
                    c.id.as_str(),
                    c.name.as_str(),
                )
            }))
            .chain(
                d.eras
                    .iter()
                    .map(|e| ("era", "era", e.id.as_str(), e.name.as_str())),
            )
            .chain(
                (0..d.models.len()).map(|i| ("model", "entry", d.models.id(i), d.models.name(i))),
            )
            .chain(
                (0..d.releases.len())
                    .map(|i| ("release", "entry", d.releases.id(i), d.releases.name(i))),
            );
        for (what, namespace, id, name) in ids {
            let entry = EntryRef(what, id);
            if id.trim().is_empty() {
                checker.error_at(
                    &file.name,
                    format!("{what} {name:?}"),
                    id,
                    "the id is empty".into(),
                );
                continue;
            }
            if name.trim().is_empty() {
                checker.error_at(&file.name, entry, id, "the name is empty".into());
            }
            let seen = namespaces.entry(namespace).or_default();
            match seen.get(id) {
                Some(&(first, first_anchor)) => {
                    let first_file = &files[first];
                    let place = match position_in(first_file, first_anchor) {
                        Some((line, column)) => format!("{}:{line}:{column}", first_file.name),
                        None => first_file.name.clone(),
                    };
                    checker.error_at(
                        &file.name,
                        entry,
                        id,
                        format!("duplicate id {id:?}: already defined at {place}; give this one another id"),
                    )
                }
                None => {
                    seen.insert(id, (index, id));
                }
            }
        }
    }
}

/// Where `anchor` (a string of `file`) is in it: line and column of its opening quote.
fn position_in(file: &ParsedFile, anchor: &str) -> Option<(usize, usize)> {
    let start = file.text.as_ptr() as usize;
    let at = anchor.as_ptr() as usize;
    if at < start || at >= start + file.text.len() {
        return None;
    }
    let before = &file.text[..at - start];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Some((line, before[line_start..].chars().count().max(1)))
}

/// "; did you mean \"kiko-kostadinov\"?" for the known id nearest to an unknown one, if any
/// is near.
fn nearest<'a>(unknown: &str, known: impl Iterator<Item = &'a str>) -> String {
    let best = known
        .map(|k| (strsim::jaro_winkler(unknown, k), k))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((score, id)) if score >= 0.85 => format!("; did you mean {id:?}?"),
        _ => String::new(),
    }
}

fn check_references(files: &[ParsedFile], checker: &mut Checker) {
    let brands: HashSet<&str> = all(files, |d| d.brands.iter().map(|b| b.id.as_str()));
    let collaborators: HashSet<&str> =
        all(files, |d| d.collaborators.iter().map(|c| c.id.as_str()));
    let models: HashSet<&str> = all(files, |d| (0..d.models.len()).map(|i| d.models.id(i)));
    // Suggestions compare an unknown id with every known one: a few are worth it, not
    // thousands on a broken catalogue.
    let mut suggestions = 20;
    let mut hint = |unknown: &str, known: &HashSet<&str>| {
        if suggestions == 0 {
            return String::new();
        }
        suggestions -= 1;
        nearest(unknown, known.iter().copied())
    };
    let mut used_collaborators = HashSet::default();
    for file in files {
        for model in file.dataset.models.iter() {
            let entry = EntryRef("model", model.id.as_str());
            if !brands.contains(model.brand.as_str()) {
                let hint = hint(&model.brand, &brands);
                checker.error_at(
                    &file.name,
                    entry,
                    model.brand.as_str(),
                    format!("brand {:?} does not exist{hint}", model.brand),
                );
            }
            let links = model.successor_of.iter().map(|p| ("successor_of", p));
            let links = links.chain(model.derived_from.iter().map(|p| ("derived_from", p)));
            for (field, target) in links {
                if !models.contains(target.as_str()) {
                    let hint = hint(target, &models);
                    checker.error_at(
                        &file.name,
                        entry,
                        target.as_str(),
                        format!("{field}: model {target:?} does not exist{hint}"),
                    );
                }
            }
        }
        for release in file.dataset.releases.iter() {
            let entry = EntryRef("release", release.id.as_str());
            if !models.contains(release.model.as_str()) {
                let hint = hint(&release.model, &models);
                checker.error_at(
                    &file.name,
                    entry,
                    release.model.as_str(),
                    format!("model {:?} does not exist{hint}", release.model),
                );
            }
            for credit in &release.collaborators {
                used_collaborators.insert(credit.collaborator.as_str());
                if !collaborators.contains(credit.collaborator.as_str()) {
                    let hint = hint(&credit.collaborator, &collaborators);
                    checker.error_at(
                        &file.name,
                        entry,
                        credit.collaborator.as_str(),
                        format!(
                            "collaborator {:?} does not exist{hint}",
                            credit.collaborator
                        ),
                    );
                }
            }
        }
    }
    for file in files {
        for collaborator in &file.dataset.collaborators {
            if !used_collaborators.contains(collaborator.id.as_str()) {
                checker.warn_at(
                    &file.name,
                    format!("collaborator {}", collaborator.id),
                    collaborator.id.as_str(),
                    "no release names this collaborator".into(),
                );
            }
        }
    }
}

fn all<'a, I>(
    files: &'a [ParsedFile],
    ids: impl Fn(&'a crate::model::Dataset) -> I,
) -> HashSet<&'a str>
where
    I: Iterator<Item = &'a str>,
{
    files.iter().flat_map(|f| ids(&f.dataset)).collect()
}

fn check_dates(files: &[ParsedFile], checker: &mut Checker) {
    // The first definition of an id counts: a duplicate is reported once, by the id check,
    // not again through every release of the model it shadows.
    let mut introduced: HashMap<&str, Option<_>> = HashMap::default();
    for model in files.iter().flat_map(|f| f.dataset.models.iter()) {
        introduced
            .entry(model.id.as_str())
            .or_insert(model.introduced);
    }
    for file in files {
        for model in file.dataset.models.iter() {
            if let Some(why) = model.introduced.and_then(|d| d.impossibility()) {
                checker.error_at(
                    &file.name,
                    EntryRef("model", model.id.as_str()),
                    model.id.as_str(),
                    format!("introduced: {why}"),
                );
            }
        }
        for release in file.dataset.releases.iter() {
            let entry = EntryRef("release", release.id.as_str());
            if let Some(why) = release.date.impossibility() {
                checker.error_at(
                    &file.name,
                    entry,
                    release.id.as_str(),
                    format!("date: {why}"),
                );
                continue;
            }
            let Some(Some(model_date)) = introduced.get(release.model.as_str()) else {
                continue;
            };
            let before = if release.date.month.is_some() && model_date.month.is_some() {
                release.date.sort_key() < model_date.sort_key()
            } else {
                release.date.year < model_date.year
            };
            if before && !release.predates_model {
                checker.error_at(
                    &file.name,
                    entry,
                    release.id.as_str(),
                    format!(
                        "dated {} but its model {} was introduced in {} (set predates_model: true if a source says so)",
                        release.date, release.model, model_date
                    ),
                );
            }
        }
    }
}

/// Finds loops in `successor_of` and `derived_from` links (a model cannot descend from itself).
fn check_lineage_cycles(files: &[ParsedFile], checker: &mut Checker) {
    // Only models that name a parent can be on a loop. Their parents share one list; each such
    // model keeps where its own parents are in it, and its file.
    let mut parents: Vec<&str> = Vec::new();
    let mut links: HashMap<&str, (u32, u32, usize)> = HashMap::default();
    for (index, file) in files.iter().enumerate() {
        for model in file.dataset.models.iter() {
            let start = parents.len() as u32;
            let own = model.successor_of.iter().chain(model.derived_from.iter());
            parents.extend(own.map(Text::as_str));
            if parents.len() as u32 > start {
                links.insert(model.id.as_str(), (start, parents.len() as u32, index));
            }
        }
    }
    // Numbered in id order (the order loops are reported in), each with the numbers of its
    // parents that are themselves linked: the search below then works on numbers only.
    let mut ids: Vec<&str> = links.keys().copied().collect();
    ids.sort_unstable();
    let number: HashMap<&str, u32> = (ids.iter().enumerate())
        .map(|(n, &id)| (id, n as u32))
        .collect();
    let mut parent_numbers: Vec<u32> = Vec::with_capacity(parents.len());
    let mut parents_at: Vec<(u32, u32)> = Vec::with_capacity(ids.len());
    for id in &ids {
        let (start, end, _) = links[id];
        let first = parent_numbers.len() as u32;
        let own = &parents[start as usize..end as usize];
        parent_numbers.extend(own.iter().filter_map(|p| number.get(p).copied()));
        parents_at.push((first, parent_numbers.len() as u32));
    }
    let parents_of = |node: u32| {
        let (first, end) = parents_at[node as usize];
        &parent_numbers[first as usize..end as usize]
    };
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; ids.len()];
    let mut reported: HashSet<Vec<u32>> = HashSet::default();
    for start in 0..ids.len() as u32 {
        if state[start as usize] == DONE {
            continue;
        }
        // Iterative depth-first search, so a long chain cannot overflow the stack.
        let mut path: Vec<u32> = Vec::new();
        let mut stack: Vec<(u32, usize)> = vec![(start, 0)];
        while let Some((node, next)) = stack.pop() {
            if next == 0 {
                path.push(node);
                state[node as usize] = ON_PATH;
            }
            if let Some(&parent) = parents_of(node).get(next) {
                stack.push((node, next + 1));
                match state[parent as usize] {
                    ON_PATH => {
                        let at = path.iter().position(|&n| n == parent).unwrap_or(0);
                        let mut cycle: Vec<u32> = path[at..].to_vec();
                        // Numbers follow ids, so the lowest number is the lowest id.
                        let lowest = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
                        cycle.rotate_left(lowest);
                        if reported.insert(cycle.clone()) {
                            let first = ids[cycle[0] as usize];
                            let shown: Vec<&str> = (cycle.iter().chain([&cycle[0]]))
                                .map(|&n| ids[n as usize])
                                .collect();
                            checker.error(
                                files[links[first].2].name.as_str(),
                                format!("model {first}"),
                                format!("lineage loops back on itself: {}", shown.join(" -> ")),
                            );
                        }
                    }
                    NEW => stack.push((parent, 0)),
                    _ => {}
                }
            } else {
                path.pop();
                state[node as usize] = DONE;
            }
        }
    }
}

/// Warns about numbered lines with a gap: a generation missing between the first and the
/// latest, a `successor_of` that skips numbers, or one number given twice. A gap is not an
/// error (a dataset may be partial) but the curated data must show none.
fn check_generations(files: &[ParsedFile], checker: &mut Checker) {
    // (brand, line) -> its numbered models, as (generation, model id, file index).
    type Numbered<'a> = Vec<(u16, &'a str, usize)>;
    let mut lines: HashMap<(&str, &str), Numbered> = HashMap::default();
    let mut numbers: HashMap<&str, u16> = HashMap::default();
    for (index, file) in files.iter().enumerate() {
        for i in 0..file.dataset.models.len() {
            let model = file.dataset.models.get(i);
            let (Some(line), Some(n)) = (model.line, model.generation) else {
                continue;
            };
            let id = file.dataset.models.id(i);
            numbers.insert(id, n);
            let key = (model.brand.as_str(), line.as_str());
            lines.entry(key).or_default().push((n, id, index));
        }
    }
    let numbered: HashSet<(&str, &str, u16)> = lines
        .iter()
        .flat_map(|(&(brand, line), models)| models.iter().map(move |m| (brand, line, m.0)))
        .collect();
    let mut keys: Vec<_> = lines.keys().copied().collect();
    keys.sort_unstable();
    for key @ (_, line) in keys {
        let mut generations = lines.remove(&key).unwrap_or_default();
        generations.sort_unstable();
        for pair in generations.windows(2) {
            let ((a, a_id, _), (b, b_id, file)) = (pair[0], pair[1]);
            let entry = EntryRef("model", b_id);
            if a == b {
                checker.warn_at(
                    &files[file].name,
                    entry,
                    b_id,
                    format!("generation {b} of the {line} line is also given to {a_id}"),
                );
            } else if b > a + 1 {
                checker.warn_at(
                    &files[file].name,
                    entry,
                    b_id,
                    format!(
                        "the {line} line skips {}: no model between {a_id} ({a}) and this one ({b})",
                        missing(a + 1, b - 1)
                    ),
                );
            }
        }
        if let Some(&(first, id, file)) = generations.first().filter(|g| g.0 > 1) {
            checker.warn_at(
                &files[file].name,
                EntryRef("model", id),
                id,
                format!(
                    "the {line} line starts at generation {first}: {} missing",
                    missing(1, first - 1)
                ),
            );
        }
    }
    for file in files {
        for model in file.dataset.models.iter() {
            let (Some(n), Some(parent), Some(line)) =
                (model.generation, model.successor_of, model.line)
            else {
                continue;
            };
            let Some(&p) = numbers.get(parent.as_str()) else {
                continue;
            };
            // A predecessor across a gap is reported as the gap; this is for a chain that
            // passes over a generation the line has.
            let previous = (model.brand.as_str(), line.as_str(), n.wrapping_sub(1));
            if p + 1 != n && numbered.contains(&previous) {
                checker.warn_at(
                    &file.name,
                    EntryRef("model", model.id.as_str()),
                    model.id.as_str(),
                    format!(
                        "generation {n} names {parent} (generation {p}) as its predecessor; expected generation {}",
                        n.saturating_sub(1)
                    ),
                );
            }
        }
    }
}

/// "generation 4" or "generations 8-12".
fn missing(first: u16, last: u16) -> String {
    if first == last {
        format!("generation {first}")
    } else {
        format!("generations {first}-{last}")
    }
}

fn check_eras(files: &[ParsedFile], checker: &mut Checker) {
    let mut eras: Vec<(&str, &crate::model::Era)> = files
        .iter()
        .flat_map(|f| f.dataset.eras.iter().map(move |e| (f.name.as_str(), e)))
        .collect();
    eras.sort_by_key(|(_, e)| (e.start, e.end.unwrap_or(i32::MAX)));
    for (file, era) in &eras {
        if era.end.is_some_and(|end| end < era.start) {
            checker.error_at(
                file,
                format!("era {}", era.id),
                era.id.as_str(),
                format!(
                    "ends ({}) before it starts ({})",
                    era.end.unwrap_or(0),
                    era.start
                ),
            );
        }
    }
    for pair in eras.windows(2) {
        let ((_, a), (file, b)) = (pair[0], pair[1]);
        let entry = format!("era {}", b.id);
        let anchor = b.id.as_str();
        match a.end {
            None => checker.error_at(
                file,
                entry,
                anchor,
                format!("overlaps era {}, which has no end year", a.id),
            ),
            Some(end) if b.start <= end => checker.error_at(
                file,
                entry,
                anchor,
                format!("starts in {} but era {} runs to {end}", b.start, a.id),
            ),
            Some(end) if b.start > end + 1 => checker.error_at(
                file,
                entry,
                anchor,
                format!(
                    "leaves a gap: era {} ends in {end} and this era starts in {}",
                    a.id, b.start
                ),
            ),
            _ => {}
        }
    }
    let Some(first) = eras.first().map(|(_, e)| e.start) else {
        return;
    };
    let last = eras.last().and_then(|(_, e)| e.end);
    let outside = |year: i32| year < first || last.is_some_and(|end| year > end);
    for file in files {
        let dated = file
            .dataset
            .models
            .iter()
            .filter_map(|m| Some((EntryRef("model", m.id.as_str()), m.introduced?.year)))
            .chain(
                file.dataset
                    .releases
                    .iter()
                    .map(|r| (EntryRef("release", r.id.as_str()), r.date.year)),
            );
        for (entry, year) in dated {
            if outside(year) {
                checker.error_at(
                    &file.name,
                    entry,
                    entry.1,
                    format!("the year {year} falls in no era"),
                );
            }
        }
    }
}

fn check_sources(files: &[ParsedFile], checker: &mut Checker) {
    let mut hosts: HashMap<&str, &str> = HashMap::default();
    for file in files {
        for era in &file.dataset.eras {
            let entry = format!("era {}", era.id);
            let anchor = era.id.as_str();
            check_entry_sources(checker, &file.name, (&entry, anchor), &era.sources, &[]);
        }
        for brand in &file.dataset.brands {
            // A brand needs no source (a catalogue may list brands bare), but the ones it has
            // follow the rules of every source.
            if !brand.sources.is_empty() {
                let entry = format!("brand {}", brand.id);
                let anchor = brand.id.as_str();
                check_entry_sources(checker, &file.name, (&entry, anchor), &brand.sources, &[]);
            }
        }
        for publisher in &file.dataset.publishers {
            let entry = format!("publisher {}", publisher.host);
            if publisher.host.contains(['/', ':']) || publisher.host.starts_with("www.") {
                checker.error_at(
                    &file.name,
                    &entry,
                    publisher.host.as_str(),
                    "the host is a bare name such as \"highsnobiety.com\" (no scheme, path or www.)".into(),
                );
            }
            if let Some(first) = hosts.insert(publisher.host.as_str(), &file.name) {
                checker.error_at(
                    &file.name,
                    entry,
                    publisher.host.as_str(),
                    format!("this host is already listed in {first}"),
                );
            }
        }
    }
    for file in files {
        for m in file.dataset.models.iter() {
            let entry = EntryRef("model", m.id.as_str());
            check_entry_sources(
                checker,
                &file.name,
                (entry, entry.1),
                &m.sources,
                &m.disputes,
            );
        }
        for r in file.dataset.releases.iter() {
            let entry = EntryRef("release", r.id.as_str());
            check_entry_sources(
                checker,
                &file.name,
                (entry, entry.1),
                &r.sources,
                &r.disputes,
            );
        }
    }
}

/// The rules of an entry's sources and disputes; `entry` is what the entry is called and the
/// string of the file that places it (its id).
fn check_entry_sources(
    checker: &mut Checker,
    file: &str,
    (entry, anchor): (impl fmt::Display + Copy, &'static str),
    sources: &[Source],
    disputes: &[Dispute],
) {
    if sources.is_empty() {
        checker.warn_at(file, entry, anchor, "no source is given".into());
    }
    let url = |s: &Source| s.url.as_str();
    // Entries have a few sources each: pages seen so far are compared one by one, and an
    // entry with one source (most of a large catalogue) makes no page key at all.
    let mut pages: Vec<(String, &str)> = Vec::new();
    for source in sources {
        if let Some(why) = crate::sources::copy_host_reason(&source.url) {
            checker.warn_at(
                file,
                entry,
                url(source),
                format!(
                    "source {:?} is not the publisher's own page: {why}; cite the page on the publisher's site",
                    source.title
                ),
            );
        }
        let page = (sources.len() > 1).then(|| crate::sources::page_key(&source.url));
        let seen = page
            .as_ref()
            .and_then(|p| pages.iter().find(|(key, _)| key == p));
        if let Some(&(_, first)) = seen {
            checker.warn_at(
                file,
                entry,
                url(source),
                format!(
                    "sources {first:?} and {:?} are the same page; cite a second, independent one",
                    source.title
                ),
            );
        } else if let Some(page) = page {
            pages.push((page, &source.title));
        }
        if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
            checker.error_at(
                file,
                entry,
                url(source),
                format!(
                    "source {:?}: the url must start with https:// or http://",
                    source.title
                ),
            );
        }
    }
    for dispute in disputes {
        if dispute.claims.len() < 2 {
            checker.error_at(
                file,
                entry,
                dispute.about.as_str(),
                format!("dispute {:?} needs at least two claims", dispute.about),
            );
        }
        for claim in &dispute.claims {
            if !sources
                .iter()
                .any(|s| s.title == claim.source || s.url == claim.source)
            {
                checker.error_at(
                    file,
                    entry,
                    claim.source.as_str(),
                    format!(
                        "dispute {:?}: claim source {:?} is not one of the entry's sources",
                        dispute.about, claim.source
                    ),
                );
            }
        }
    }
}
