//! Parsing one long dataset file on several cores. A catalogue of a million entries is one
//! file of a few hundred megabytes, which RON's parser reads on one core while the others
//! wait; here its `models` and `releases` lists are cut into as many parts as there are cores,
//! each read on its own, and the parts' records put back in order.
//!
//! Where to cut is guessed from the text (a line that starts an item, near an even share of
//! the list), and checked by the parse itself: a part is read from a true item start, item by
//! item, and must end exactly where the next part starts. A guess inside a string or a nested
//! list makes a part fail to end there, and any failure, or a file laid out otherwise (RON
//! extensions switched on in the file, an unknown field, a field given twice), sends the whole
//! file to the ordinary parse, which also gives the precise error. A file that parses here
//! gives the same dataset as the ordinary parse: `tests::a_split_parse_gives_what_one_parse_gives`.

use serde::Deserialize;

use crate::model::{Dataset, Packed, Packing, Records, reading_part};

/// Files shorter than this are parsed on one core: splitting would not pay.
pub const SPLIT_FROM: usize = 16 << 20;

/// A list shorter than this is read in one part (shorter in tests, to cut small files).
const PART_FROM: usize = if cfg!(test) { 64 << 10 } else { 4 << 20 };

/// The dataset in `text`, its long lists read on `threads` cores; `None` when the file is not
/// laid out as this reader expects or does not parse (see the module's comment).
pub fn parse(text: &'static str, options: &ron::Options, threads: usize) -> Option<Dataset> {
    let mut dataset = Dataset::default();
    let mut rest = skip_blank(text)?;
    if rest.starts_with("#!") {
        return None;
    }
    rest = skip_blank(rest.strip_prefix("Dataset").unwrap_or(rest))?;
    rest = skip_blank(rest.strip_prefix('(')?)?;
    let mut seen: Vec<&str> = Vec::new();
    // Where the last long list read ends (progress: see `long`).
    let mut list_end = 0;
    while !rest.starts_with(')') {
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        if seen.contains(&name) {
            return None;
        }
        seen.push(name);
        rest = skip_blank(skip_blank(&rest[name_len..])?.strip_prefix(':')?)?;
        rest = match name {
            "brands" => small(rest, options, &mut dataset.brands)?,
            "collaborators" => small(rest, options, &mut dataset.collaborators)?,
            "eras" => small(rest, options, &mut dataset.eras)?,
            "publishers" => small(rest, options, &mut dataset.publishers)?,
            "models" => long(
                text,
                rest,
                options,
                threads,
                &mut dataset.models,
                &mut list_end,
            )?,
            "releases" => long(
                text,
                rest,
                options,
                threads,
                &mut dataset.releases,
                &mut list_end,
            )?,
            _ => return None,
        };
        rest = skip_blank(rest)?;
        match rest.strip_prefix(',') {
            Some(after) => rest = skip_blank(after)?,
            None if rest.starts_with(')') => {}
            None => return None,
        }
    }
    if !skip_blank(&rest[1..])?.is_empty() {
        return None;
    }
    // What follows the last long list counts as parsed now.
    reading_part(text, list_end..text.len(), || ());
    Some(dataset)
}

/// Reads a short list at the start of `rest`; returns what follows it.
fn small<T: Deserialize<'static>>(
    rest: &'static str,
    options: &ron::Options,
    into: &mut Vec<T>,
) -> Option<&'static str> {
    let mut deserializer = ron::Deserializer::from_str_with_options(rest, options).ok()?;
    *into = Vec::deserialize(&mut deserializer).ok()?;
    Some(deserializer.remainder())
}

/// Reads a list of records at the start of `rest` (a part of `text`), in parts on `threads`
/// cores when it is long; returns what follows it, and sets `list_end` to where that is.
/// Progress is told as the parts go, each from its own start (the short lists and the file's
/// frame are not told: the gauge is about the long lists, which are nearly all of a long file).
fn long<T: Packed + Send + Deserialize<'static>>(
    text: &'static str,
    rest: &'static str,
    options: &ron::Options,
    threads: usize,
    into: &mut Records<T>,
    list_end: &mut usize,
) -> Option<&'static str> {
    let body = rest.strip_prefix('[')?;
    let length = estimated_length(body);
    let parts = if length < PART_FROM {
        1
    } else {
        threads.max(1)
    };
    // Where each part after the first starts (offsets in `body`, rising).
    let mut starts: Vec<usize> = Vec::new();
    for k in 1..parts {
        let from = length / parts * k;
        match item_start_after(body, from) {
            Some(at) if starts.last().is_none_or(|&last| at > last) => starts.push(at),
            _ => {}
        }
    }
    let offset = |part: &str| part.as_ptr() as usize - text.as_ptr() as usize;
    let outcomes: Vec<Option<(Records<T>, &'static str)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..=starts.len())
            .map(|k| {
                let from = if k == 0 { 0 } else { starts[k - 1] };
                let until = starts.get(k).copied();
                let part = &body[from..];
                let range = offset(part)..until.map_or(offset(part), |u| offset(&body[u..]));
                let read = move || {
                    reading_part(text, range, || {
                        items(part, until.map(|u| u - from), options)
                    })
                };
                if k == starts.len() {
                    // The last part runs on this thread.
                    None
                } else {
                    Some(scope.spawn(read))
                }
            })
            .collect();
        let last_from = starts.last().copied().unwrap_or(0);
        let last_part = &body[last_from..];
        let last_start = offset(last_part);
        let last = reading_part(text, last_start..last_start, || {
            items::<T>(last_part, None, options)
        });
        let mut outcomes: Vec<Option<(Records<T>, &'static str)>> = workers
            .into_iter()
            .flatten()
            .map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect();
        outcomes.push(last);
        outcomes
    });
    let mut after = rest;
    for outcome in outcomes {
        let (records, rest_of_part) = outcome?;
        into.append(records);
        after = rest_of_part;
    }
    *list_end = offset(after);
    Some(after)
}

/// Reads items from the start of `part` up to byte `until` of it (where the next part
/// starts), or to the list's closing bracket when `until` is `None`; returns the records and
/// what follows (the next part, or what follows the list). `None` when the items do not end
/// exactly there.
fn items<T: Packed + Deserialize<'static>>(
    part: &'static str,
    until: Option<usize>,
    options: &ron::Options,
) -> Option<(Records<T>, &'static str)> {
    let end = until.map(|u| part[u..].as_ptr());
    let mut packing = Packing::<T>::new();
    let mut rest = skip_blank(part)?;
    loop {
        if end == Some(rest.as_ptr()) {
            return Some((packing.finish(), rest));
        }
        if end.is_some_and(|end| rest.as_ptr() > end) {
            return None;
        }
        if let Some(after) = rest.strip_prefix(']') {
            return until.is_none().then(|| (packing.finish(), after));
        }
        let mut deserializer = ron::Deserializer::from_str_with_options(rest, options).ok()?;
        packing.push(&T::deserialize(&mut deserializer).ok()?);
        rest = skip_blank(deserializer.remainder())?;
        match rest.strip_prefix(',') {
            Some(after) => rest = skip_blank(after)?,
            None if rest.starts_with(']') => {}
            None => return None,
        }
    }
}

/// A guess at how long the list starting `body` is: up to the next line that names another
/// field of a dataset, or to the end.
fn estimated_length(body: &str) -> usize {
    [
        "models",
        "releases",
        "brands",
        "collaborators",
        "eras",
        "publishers",
    ]
    .iter()
    .filter_map(|field| memchr::memmem::find(body.as_bytes(), format!("\n    {field}:").as_bytes()))
    .min()
    .unwrap_or(body.len())
}

/// The start of the first line after byte `from` of `body` that looks like the start of an
/// item: its first character (after indentation) begins a name or a tuple.
fn item_start_after(body: &str, from: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut at = from.min(bytes.len());
    while let Some(newline) = memchr::memchr(b'\n', &bytes[at..]) {
        let line = at + newline + 1;
        let first = line
            + bytes[line..]
                .iter()
                .take_while(|b| **b == b' ' || **b == b'\t')
                .count();
        if bytes
            .get(first)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'(')
        {
            return Some(first);
        }
        at = line;
    }
    None
}

/// `text` without the white space and comments it starts with; `None` for an unclosed block
/// comment.
fn skip_blank(mut text: &'static str) -> Option<&'static str> {
    loop {
        // The white space RON itself skips between values, ASCII only: anything rarer sends
        // the file to the ordinary parse.
        text = text.trim_start_matches([' ', '\t', '\n', '\r']);
        if let Some(after) = text.strip_prefix("//") {
            text = after.find('\n').map_or("", |n| &after[n + 1..]);
        } else if text.starts_with("/*") {
            // Block comments nest in RON.
            let mut depth = 0usize;
            let mut at = 0;
            let bytes = text.as_bytes();
            loop {
                if bytes[at..].starts_with(b"/*") {
                    depth += 1;
                    at += 2;
                } else if bytes[at..].starts_with(b"*/") {
                    depth -= 1;
                    at += 2;
                    if depth == 0 {
                        break;
                    }
                } else if at < bytes.len() {
                    at += 1;
                } else {
                    return None;
                }
            }
            text = &text[at..];
        } else {
            return Some(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ron::extensions::Extensions;

    fn options() -> ron::Options {
        ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
    }

    fn one_parse(text: &'static str) -> String {
        let dataset: Dataset =
            crate::model::reading_file(text, || options().from_str(text)).unwrap();
        ron::to_string(&dataset).unwrap()
    }

    fn split(text: &'static str, threads: usize) -> Option<String> {
        crate::model::reading_file(text, || parse(text, &options(), threads))
            .map(|d| ron::to_string(&d).unwrap())
    }

    #[test]
    fn a_split_parse_gives_what_one_parse_gives() {
        let text = crate::load::keep(crate::synthetic::generate(20_000));
        let expected = one_parse(text);
        for threads in [1, 2, 3, 7] {
            assert_eq!(
                split(text, threads).as_deref(),
                Some(&*expected),
                "{threads} parts"
            );
        }
    }

    #[test]
    fn comments_trailing_commas_and_a_bare_tuple_read_the_same() {
        let item = |i: usize| {
            format!(
                "        // release {i}\n        (id: \"r{i}\", name: \"Release\\n {i}\", model: \"m\", date: \"2020\", summary: \"/* not a comment */\", sources: []), /* one /* nested */ */\n"
            )
        };
        let releases: String = (0..60_000).map(item).collect();
        let text = crate::load::keep(format!(
            "// A file.\nDataset(\n    brands: [Brand(id: \"b\", name: \"B\")],\n    models: [Model(id: \"m\", brand: \"b\", name: \"M\", category: Running, summary: \"s\", sources: [],),],\n    releases: [\n{releases}    ],\n)\n"
        ));
        assert_eq!(split(text, 3).as_deref(), Some(&*one_parse(text)));
    }

    #[test]
    fn a_file_laid_out_otherwise_or_broken_is_left_to_the_ordinary_parse() {
        let good = crate::synthetic::generate(20_000);
        let broken = [
            format!("#![enable(implicit_some)]\n{good}"),
            good.replacen("    models:", "    unknown: [],\n    models:", 1),
            good.replacen("    models:", "    brands: [],\n    models:", 1),
            // A record cut short in the middle of the file.
            {
                let middle = good.len() / 2;
                let line = middle + good[middle..].find("\n").unwrap();
                format!("{}{}", &good[..line - 5], &good[line..])
            },
            format!("{good}\nmore"),
        ];
        for text in broken {
            let text = crate::load::keep(text);
            assert!(split(text, 3).is_none());
        }
    }
}
