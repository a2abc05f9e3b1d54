//! The search engine shared by the terminal UI and the command line: the query syntax (fuzzy
//! words plus `brand:` `collab:` `era:` `year:` `kind:` filters), accent folding, fuzzy scoring
//! with fuzzy-matcher, and ranking, keeping matched positions for highlighting.
//!
//! Matching is accent-insensitive, and case-insensitive unless a word has a capital letter
//! (smart case). Every word must match; filters of the same field are alternatives (`brand:asics
//! brand:nb` keeps both brands), filters of different fields must all hold.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

mod chain;
mod filters;
mod query;
mod rank;
mod word;

pub use filters::names_match;
pub use query::{Filters, MarkFilter, Marked, Query, QueryError, parse_kind, parse_years};

use crate::store::{Entry, Store, Subject};
use crate::text::{fold, fold_text};
use filters::ResolvedFilters;
use rank::{Candidate, Known};
use word::Word;

/// One search result: a timeline position and its score (0 without words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
}

/// What a query found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The best rows, ranked; without words, the filtered timeline in order.
    pub rows: Vec<Hit>,
    /// Every entry the query matches, in timeline order (as `u32`: a short query on a large
    /// dataset matches most entries, and the browser keeps the list to narrow the next one).
    pub matched: Vec<u32>,
}

/// What every timeline entry is searched by, folded once when the index is built. The texts are
/// kept end to end in a few long strings (fewer allocations, and a scan reads memory in order),
/// one per block of entries, each block built on its own core.
///
/// An entry's text is a space, its title, then its model, brand and collaborators with their
/// aliases, accents removed. The leading space makes every word start score alike, the
/// title's first included (skim doubles the bonus of a text's very first character). It also
/// keeps that doubled bonus out of skim's scratch matrix, which skim reuses between calls and
/// partly reads before writing: no stale cell can then hold more than an ordinary bonus, which
/// is what [`word::Word::bound`] assumes of every score.
#[derive(Default)]
struct Haystacks {
    blocks: Vec<Block>,
    /// Entry `i` is in block `i >> shift`.
    shift: u32,
}

/// The texts of consecutive entries.
#[derive(Default)]
struct Block {
    texts: String,
    /// Where each entry's text starts in `texts`, and a last item where the last one ends.
    starts: Vec<usize>,
    /// Which characters each text holds, as a [`char_bag`], to skip it cheaply when a word
    /// needs a character it lacks; with the [`pairs`] that start its words.
    bags: Vec<u64>,
    /// Which letters and digits start a word in each text, as a [`word_starts`] bag: a bound
    /// on a word's score without reading the text (see [`Word::start_bound`]).
    word_starts: Vec<u64>,
}

impl Haystacks {
    /// The texts of every entry, and their tie-breaks (see [`SearchIndex::ties`]), made in the
    /// same pass: each entry's title is read once.
    fn build(store: &Store) -> (Haystacks, Vec<u32>) {
        // Blocks of a power-of-two size, so that finding an entry's block is a shift; below
        // PARALLEL_FROM entries, one block.
        let entries = store.timeline.len();
        let per_block = if entries < PARALLEL_FROM {
            entries.max(1).next_power_of_two()
        } else {
            entries.div_ceil(8).next_power_of_two()
        };
        let chunks: Vec<&[Entry]> = store.timeline.chunks(per_block).collect();
        let built = in_parallel(&chunks, 2, |entries| {
            let mut block = Block::default();
            let mut ties = Vec::with_capacity(entries.len());
            for entry in *entries {
                let mut title_chars = 0;
                block.push_with(|text| title_chars = write_haystack(store, entry, text));
                ties.push(((entry.kind as u32) << 24) | title_chars.min(0xff_ffff) as u32);
            }
            Some((block, ties))
        });
        let mut blocks = Vec::with_capacity(built.len());
        let mut ties = Vec::with_capacity(store.timeline.len());
        for (block, block_ties) in built {
            blocks.push(block);
            ties.extend(block_ties);
        }
        let haystacks = Haystacks {
            blocks,
            shift: per_block.trailing_zeros(),
        };
        (haystacks, ties)
    }

    fn block(&self, entry: usize) -> (&Block, usize) {
        let mask = (1 << self.shift) - 1;
        (&self.blocks[entry >> self.shift], entry & mask)
    }

    fn text(&self, entry: usize) -> &str {
        let (block, i) = self.block(entry);
        &block.texts[block.starts[i]..block.starts[i + 1]]
    }

    /// An entry's [`char_bag`] and [`word_starts`].
    fn bags(&self, entry: usize) -> (u64, u64) {
        let (block, i) = self.block(entry);
        (block.bags[i], block.word_starts[i])
    }
}

impl Block {
    /// Adds the text that `write` appends to the block's texts.
    fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let start = self.texts.len();
        write(&mut self.texts);
        self.starts.push(self.texts.len());
        let (bag, starts) = bags(&self.texts[start..]);
        self.bags.push(bag);
        self.word_starts.push(starts);
    }
}

/// Above this many items, cheap per-item work (building haystacks, checking matches) is split
/// across threads.
const PARALLEL_FROM: usize = 20_000;

/// Up to this many matches, every one gets its bound from its text before ranking (about
/// 0.2 µs each); beyond, only those ranking reaches (see [`rank::best`]). Small in tests, so
/// that the brute-force test meets both ways.
const TIGHTEN_ALL_UP_TO: usize = if cfg!(test) { 300 } else { 150_000 };

/// The searchable form of a store.
pub struct SearchIndex {
    haystacks: Haystacks,
    /// Tie-break after the score: models before releases, then shorter titles.
    ties: Vec<u32>,
    matcher: SkimMatcherV2,
}

/// What a cache keeps of a [`SearchIndex`]: its texts, offsets, character bags and tie-breaks.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct IndexImage<'a> {
    blocks: Vec<BlockImage<'a>>,
    shift: u32,
    #[serde(with = "serde_bytes")]
    ties: Vec<u8>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct BlockImage<'a> {
    /// Borrowed from the index when written: the cache is written without a second copy.
    texts: std::borrow::Cow<'a, str>,
    #[serde(with = "serde_bytes")]
    starts: Vec<u8>,
    #[serde(with = "serde_bytes")]
    bags: Vec<u8>,
    #[serde(with = "serde_bytes")]
    word_starts: Vec<u8>,
}

impl SearchIndex {
    pub fn image(&self) -> IndexImage<'_> {
        IndexImage {
            blocks: (self.haystacks.blocks.iter())
                .map(|b| BlockImage {
                    texts: std::borrow::Cow::Borrowed(&b.texts),
                    starts: crate::raw::u64s_to_bytes(
                        &b.starts.iter().map(|&s| s as u64).collect::<Vec<_>>(),
                    ),
                    bags: crate::raw::u64s_to_bytes(&b.bags),
                    word_starts: crate::raw::u64s_to_bytes(&b.word_starts),
                })
                .collect(),
            shift: self.haystacks.shift,
            ties: crate::raw::u32s_to_bytes(&self.ties),
        }
    }

    /// The index back from an image made for a store of `entries` entries; `None` when it does
    /// not fit them (every entry needs its text, within its block, on character boundaries).
    pub fn from_image(image: IndexImage<'_>, entries: usize) -> Option<SearchIndex> {
        let mut blocks = Vec::with_capacity(image.blocks.len());
        let mut total = 0;
        for b in image.blocks {
            let starts: Vec<usize> = (crate::raw::bytes_to_u64s(&b.starts)?.into_iter())
                .map(|s| s as usize)
                .collect();
            let bags = crate::raw::bytes_to_u64s(&b.bags)?;
            let word_starts = crate::raw::bytes_to_u64s(&b.word_starts)?;
            let fits = starts.len() == bags.len() + 1
                && word_starts.len() == bags.len()
                && starts.windows(2).all(|w| w[0] <= w[1])
                && starts.iter().all(|&s| b.texts.is_char_boundary(s));
            if !fits {
                return None;
            }
            total += bags.len();
            blocks.push(Block {
                texts: b.texts.into_owned(),
                starts,
                bags,
                word_starts,
            });
        }
        let ties = crate::raw::bytes_to_u32s(&image.ties)?;
        let per_block = 1usize.checked_shl(image.shift)?;
        let full = blocks
            .iter()
            .rev()
            .skip(1)
            .all(|b| b.bags.len() == per_block);
        (total == entries && ties.len() == entries && full).then(|| SearchIndex {
            haystacks: Haystacks {
                blocks,
                shift: image.shift,
            },
            ties,
            matcher: word::matcher(),
        })
    }
}

/// A bit per lowercase ASCII letter and digit present in `text`; every other character sets
/// the top bit. A word can only match a text whose bag holds all the bits of the word's bag.
pub fn char_bag(text: &str) -> u64 {
    text.chars().fold(0, |bag, c| {
        bag | match c.to_ascii_lowercase() {
            c @ 'a'..='z' => 1 << (c as u32 - 'a' as u32),
            c @ '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
            _ => 1 << 63,
        }
    })
}

/// A bit for each ASCII letter (each case apart) and digit that starts a word of `text`, where
/// skim gives a bonus: after a separator (see [`is_separator`]), or as a capital after
/// anything else but a capital (a camel hump). Letters `a` to `z` are bits 0 to 25, `A` to `Z`
/// 26 to 51, digits 52 to 61; bit [`TEXT_START`] is set when the text itself begins with a
/// letter or digit, which skim counts double (the index's texts begin with a space).
pub fn word_starts(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let first = bytes.first().map_or(0, |&b| start_bit(b));
    let mut bag = if first != 0 { 1 << TEXT_START } else { 0 };
    for pair in bytes.windows(2) {
        if starts_word(pair[0], pair[1]) {
            bag |= start_bit(pair[1]);
        }
    }
    bag
}

/// Whether skim gives `byte` a bonus after `before` (see [`word_starts`]).
pub fn starts_word(before: u8, byte: u8) -> bool {
    is_separator(before) || (byte.is_ascii_uppercase() && !before.is_ascii_uppercase())
}

/// The pairs of letters and digits that start a word of `text` (the first two characters of
/// the word, or of the text), as bits 36 to 62 of a 64-bit bag, which [`char_bag`] leaves empty:
/// a small Bloom filter, each pair setting one bit ([`pair_bit`]), so that a bit set may also
/// stand for another pair. The index keeps them in its character bags.
pub fn pairs(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut bag = bytes.get(..2).map_or(0, |two| pair_bit(two[0], two[1]));
    for three in bytes.windows(3) {
        if starts_word(three[0], three[1]) {
            bag |= pair_bit(three[1], three[2]);
        }
    }
    bag
}

/// The bit of [`pairs`] for two letters or digits, either case; nothing for other bytes.
pub fn pair_bit(first: u8, second: u8) -> u64 {
    if !first.is_ascii_alphanumeric() || !second.is_ascii_alphanumeric() {
        return 0;
    }
    let (first, second) = (first.to_ascii_lowercase(), second.to_ascii_lowercase());
    1 << (36 + (u32::from(first) * 31 + u32::from(second)) % 27)
}

/// [`char_bag`] with [`pairs`], and [`word_starts`], of `text` in one pass over its bytes, as
/// the index is built.
pub(super) fn bags(text: &str) -> (u64, u64) {
    let bytes = text.as_bytes();
    let mut bag = 0;
    let mut starts = match bytes.first() {
        Some(&first) if start_bit(first) != 0 => 1 << TEXT_START,
        _ => 0,
    };
    let mut before = None;
    // The byte before, when it starts a word (or the text).
    let mut starting = None;
    for &byte in bytes {
        // A character beyond ASCII is bytes beyond it, each setting the top bit.
        bag |= match byte.to_ascii_lowercase() {
            c @ b'a'..=b'z' => 1 << (c - b'a'),
            c @ b'0'..=b'9' => 1 << (26 + c - b'0'),
            _ => 1 << 63,
        };
        if let Some(first) = starting {
            bag |= pair_bit(first, byte);
        }
        let starts_here = before.is_none_or(|before| starts_word(before, byte));
        if starts_here && before.is_some() {
            starts |= start_bit(byte);
        }
        starting = starts_here.then_some(byte);
        before = Some(byte);
    }
    (bag, starts)
}

/// The bit of [`word_starts`] that says a text begins with a letter or digit.
pub const TEXT_START: u32 = 62;

/// The bit of [`word_starts`] for `byte`; nothing for a byte that is not a letter or digit.
pub fn start_bit(byte: u8) -> u64 {
    match byte {
        b'a'..=b'z' => 1 << (byte - b'a'),
        b'A'..=b'Z' => 1 << (26 + byte - b'A'),
        b'0'..=b'9' => 1 << (52 + byte - b'0'),
        _ => 0,
    }
}

/// Whether skim counts a character after `byte` as starting a word: after a space or other
/// separator (fuzzy-matcher's hard and soft separators are every ASCII punctuation character
/// and the space), or `\0`, which it takes for the start of the text.
pub fn is_separator(byte: u8) -> bool {
    byte == 0 || byte == b' ' || byte.is_ascii_punctuation()
}

impl SearchIndex {
    pub fn new(store: &Store) -> SearchIndex {
        let (haystacks, ties) = Haystacks::build(store);
        SearchIndex {
            haystacks,
            ties,
            matcher: word::matcher(),
        }
    }

    /// Every match: with words, best first; without, the filtered timeline in order.
    pub fn search(&self, store: &Store, query: &Query) -> Vec<Hit> {
        self.top(store, query, usize::MAX)
    }

    /// The best `limit` matches, ranked (or the first `limit` of the filtered timeline).
    pub fn top(&self, store: &Store, query: &Query, limit: usize) -> Vec<Hit> {
        self.find(store, query, None, limit).rows
    }

    /// Runs a query: its best `limit` rows and every entry it matches. Only `candidates`
    /// (timeline positions, in order) are looked at when given: a query that only adds
    /// characters to the previous one can only match what the previous one matched, so the
    /// browser passes those instead of rescanning everything.
    pub fn find(
        &self,
        store: &Store,
        query: &Query,
        candidates: Option<&[u32]>,
        limit: usize,
    ) -> Found {
        let admitted = admitted(store, query, candidates);
        let everything = || (0..store.timeline.len() as u32).collect();
        if query.words.is_empty() {
            let matched: Vec<u32> = admitted.unwrap_or_else(everything);
            let rows = matched
                .iter()
                .take(limit)
                .map(|&entry| Hit {
                    entry: entry as usize,
                    score: 0,
                })
                .collect();
            return Found { rows, matched };
        }
        let words: Vec<Word> = query.words.iter().map(|w| Word::new(w)).collect();
        // Every candidate is matched, and bounded by its word starts where that tells (see
        // `Word::start_bound`): the texts are read only to match them, and ranking reads those
        // of the few matches it might keep.
        let check = |entry: usize| self.candidate(entry, &words);
        let bounded = match &admitted {
            Some(list) => in_parallel(list, PARALLEL_FROM, |&entry| check(entry as usize)),
            None => in_parallel_range(store.timeline.len(), PARALLEL_FROM, check),
        };
        let matched = bounded.iter().map(|c| c.entry() as u32).collect();
        // With words of one or two letters, the bound from the text is the score.
        let exact = words.iter().all(Word::bound_is_exact);
        let tie = |entry: usize| self.ties[entry];
        let score = |entry: usize| self.score(entry, &words);
        // Few enough matches are bounded from their texts at once (`chain.rs` for a longer
        // word, exactly for a short one), and ranked by that: little more than the rows kept is
        // scored. Past that, the ranking bounds from the texts only the matches whose word
        // starts say they might be kept.
        let rows = if bounded.len() <= TIGHTEN_ALL_UP_TO {
            let tightened = in_parallel(&bounded, rank::SCORE_IN_PARALLEL_FROM, |c| {
                let entry = c.entry();
                Some(Candidate::new(entry, self.text_bound(entry, &words)))
            });
            let known = if exact { Known::Bound } else { Known::Neither };
            rank::best(tightened, limit, known, tie, score, |_| i64::MAX)
        } else {
            let tight = |entry: usize| self.text_bound(entry, &words);
            let known = if exact { Known::Tight } else { Known::Neither };
            rank::best(bounded, limit, known, tie, score, tight)
        };
        Found { rows, matched }
    }

    /// The entry as a candidate when every word matches it, with a bound on its score from
    /// its word starts (or from its text, for a word that does not begin with a letter or
    /// digit).
    fn candidate(&self, entry: usize, words: &[Word]) -> Option<Candidate> {
        let (bag, starts) = self.haystacks.bags(entry);
        // The cheapest test first, for every word, before the dearer ones.
        if !words.iter().all(|w| w.may_be_in(bag)) {
            return None;
        }
        // Only looked up when a word needs it: finding an entry's text costs a few reads from
        // memory far apart.
        let text = std::cell::OnceCell::new();
        let text = || *text.get_or_init(|| self.haystacks.text(entry));
        if !words.iter().all(|w| w.found_by_bag() || w.matches(text())) {
            return None;
        }
        let bound = (words.iter())
            .map(|w| {
                if w.has_start_bound() {
                    Some(w.start_bound(bag, starts))
                } else {
                    w.bound(text())
                }
            })
            .sum::<Option<i64>>()?;
        Some(Candidate::new(entry, bound))
    }

    /// A bound on the score of an entry that every word matches, from its text: tighter than
    /// its candidate's (see `chain.rs`), and its score for words of one or two letters.
    fn text_bound(&self, entry: usize, words: &[Word]) -> i64 {
        let text = self.haystacks.text(entry);
        (words.iter())
            .map(|w| w.tight_bound(text).unwrap_or(i64::MAX / 8))
            .sum()
    }

    /// fuzzy-matcher's score of an entry that every word matches.
    fn score(&self, entry: usize, words: &[Word]) -> i64 {
        let text = self.haystacks.text(entry);
        words
            .iter()
            .map(|w| {
                let part = w.scored_part(text);
                // See `Word::repeats_a_letter` for why such a word needs a clean matrix.
                let score = if w.repeats_a_letter() {
                    word::score_afresh(&self.matcher, part, w.text())
                } else {
                    self.matcher.fuzzy_match(part, w.text())
                };
                score.unwrap_or(0)
            })
            .sum()
    }

    /// The characters of an entry's title that the words match (indices of `char`s), for
    /// highlighting: computed only for the rows on screen.
    pub fn title_positions(&self, store: &Store, entry: usize, words: &[String]) -> Vec<usize> {
        let Some(listed) = store.timeline.get(entry) else {
            return Vec::new();
        };
        // The folded title, and for each of its characters the title character it came from.
        let title = fold(store.title_of(listed));
        let text = self.haystacks.text(entry);
        // A new matcher: skim's reused scratch matrix could otherwise move a highlight (see
        // `Word::repeats_a_letter`); only the rows on screen get here.
        let matcher = word::matcher();
        let mut positions: Vec<usize> = words
            .iter()
            .filter_map(|w| matcher.fuzzy_indices(text, w))
            .flat_map(|(_, indices)| indices)
            // The text begins with a space, then the title.
            .filter_map(|i| i.checked_sub(1).and_then(|i| title.origin.get(i).copied()))
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

/// The entries that pass the query's filters, in timeline order; `None` when that is every
/// entry (no filters and no candidates), which need not be listed.
fn admitted(store: &Store, query: &Query, candidates: Option<&[u32]>) -> Option<Vec<u32>> {
    let allowed = ResolvedFilters::new(store, &query.filters);
    // A `mark:` filter admits only marked entries: few, so they are the candidates.
    let marked = query
        .filters
        .marked_positions()
        .map(|marked| match candidates {
            Some(list) => marked
                .into_iter()
                .filter(|p| list.binary_search(p).is_ok())
                .collect(),
            None => marked,
        });
    let candidates = marked.as_deref().or(candidates);
    let admitted = match candidates {
        Some(list) => list
            .iter()
            .copied()
            .filter(|&i| allowed.admits(&store.timeline[i as usize]))
            .collect(),
        None if query.filters.is_empty() => return None,
        // The timeline is in date order, so a year filter narrows it to ranges at once.
        None if !query.filters.years.is_empty() => {
            let mut within: Vec<u32> = query
                .filters
                .years
                .iter()
                .flat_map(|&(first, last)| store.entries_of_years(first, last))
                .filter(|&i| allowed.admits(&store.timeline[i]))
                .map(|i| i as u32)
                .collect();
            within.sort_unstable();
            within.dedup();
            within
        }
        None => (0..store.timeline.len() as u32)
            .filter(|&i| allowed.admits(&store.timeline[i as usize]))
            .collect(),
    };
    Some(admitted)
}

/// Maps `items` on every core when there are at least `parallel_from` of them, keeping their
/// order and dropping the `None`s.
fn in_parallel<T: Sync, U: Send>(
    items: &[T],
    parallel_from: usize,
    map: impl Fn(&T) -> Option<U> + Sync,
) -> Vec<U> {
    in_parallel_range(items.len(), parallel_from, |i| map(&items[i]))
}

/// [`in_parallel`] over the numbers `0..count`.
fn in_parallel_range<U: Send>(
    count: usize,
    parallel_from: usize,
    map: impl Fn(usize) -> Option<U> + Sync,
) -> Vec<U> {
    if count < parallel_from.max(2) {
        return (0..count).filter_map(&map).collect();
    }
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    let chunk_size = count.div_ceil(threads);
    let map = &map;
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..count)
            .step_by(chunk_size)
            .map(|start| {
                let end = (start + chunk_size).min(count);
                scope.spawn(move || {
                    let mut part = Vec::with_capacity(end - start);
                    part.extend((start..end).filter_map(map));
                    part
                })
            })
            .collect();
        let mut parts = workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        // The first part grows to take the others, rather than all being copied into a new
        // vector: a short query's matches are then not held twice.
        let mut all = parts.next().unwrap_or_default();
        parts.for_each(|part| all.extend(part));
        all
    })
}

/// Writes the text an entry is searched by (see [`Haystacks`]) at the end of `text`; returns
/// the number of characters in the entry's title.
fn write_haystack(store: &Store, entry: &Entry, text: &mut String) -> usize {
    let start = text.len();
    let title = store.title_of(entry);
    let title_chars = if title.is_ascii() {
        title.len()
    } else {
        title.chars().count()
    };
    text.push(' ');
    text.push_str(&fold_text(title));
    let title_end = text.len();
    // Release titles often name their model and collaborators already: a second copy would
    // only slow matching, and skim could highlight that copy instead of the title's.
    let mut push = |part: &str| {
        let part = fold_text(part);
        if !text[start + 1..title_end].contains(&*part) {
            text.push(' ');
            text.push_str(&part);
        }
    };
    // Only the first fields of the model and the release are unpacked.
    let model = store.models.head(entry.model());
    push(&model.name);
    if let Subject::Release(r) = entry.subject()
        && let Some(colourway) = store.releases.head(r).colourway
    {
        push(&colourway);
    }
    model.aliases.iter().for_each(|a| push(a));
    if let Some(brand) = store.brands.get(entry.brand()) {
        push(&brand.name);
        brand.aliases.iter().for_each(|a| push(a));
    }
    for c in store.collaborators_of(entry) {
        let collaborator = &store.collaborators[c];
        push(&collaborator.name);
        collaborator.aliases.iter().for_each(|a| push(a));
    }
    title_chars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// Every match scored by fuzzy-matcher (a new matcher each time, on the whole text) and fully
    /// sorted: what `find` must agree with.
    fn scored_by_brute_force(index: &SearchIndex, query: &Query) -> Vec<Hit> {
        let mut hits: Vec<Hit> = (0..index.ties.len())
            .filter_map(|entry| {
                let text = index.haystacks.text(entry);
                let mut score = 0;
                for word in &query.words {
                    score += word::matcher().fuzzy_match(text, word)?;
                }
                Some(Hit { entry, score })
            })
            .collect();
        hits.sort_by_key(|h| (std::cmp::Reverse(h.score), index.ties[h.entry], h.entry));
        hits
    }

    /// An entry's searchable text made the plain way, from its whole model and release.
    fn plain_haystack(store: &Store, entry: &Entry) -> String {
        let title = fold_text(store.title_of(entry)).into_owned();
        let mut parts = vec![store.models.get(entry.model()).name.to_string()];
        if let Subject::Release(r) = entry.subject() {
            parts.extend(store.releases.get(r).colourway.map(|c| c.to_string()));
        }
        parts.extend(
            store
                .models
                .get(entry.model())
                .aliases
                .iter()
                .map(|a| a.to_string()),
        );
        if let Some(brand) = store.brands.get(entry.brand()) {
            parts.push(brand.name.to_string());
            parts.extend(brand.aliases.iter().map(|a| a.to_string()));
        }
        for c in store.collaborators_of(entry) {
            let collaborator = &store.collaborators[c];
            parts.push(collaborator.name.to_string());
            parts.extend(collaborator.aliases.iter().map(|a| a.to_string()));
        }
        let mut text = format!(" {title}");
        for part in parts {
            let part = fold_text(&part);
            if !title.contains(&*part) {
                text.push(' ');
                text.push_str(&part);
            }
        }
        text
    }

    #[test]
    fn word_starts_are_letters_and_digits_after_separators_and_camel_humps() {
        let bits = |chars: &str| chars.bytes().fold(0, |bag, b| bag | start_bit(b));
        assert_eq!(word_starts(" Gel-Kayano 14"), bits("GK1"));
        assert_eq!(word_starts(" GelKayano x(y)"), bits("GKxy"));
        assert_eq!(word_starts("kayano"), 1 << TEXT_START);
        assert_eq!(word_starts(" é Ok"), bits("O"));
        // The index makes both bags in one pass, as the plain functions do.
        for text in ["", " Gel-Kayano 14", "éOk日K", "kayano", " a(B)c", "1X"] {
            let plain = (char_bag(text) | pairs(text), word_starts(text));
            assert_eq!(bags(text), plain, "{text:?}");
        }
    }

    #[test]
    fn a_large_index_built_in_blocks_keeps_each_entry_text() {
        let store: Store = crate::synthetic::store(2 * PARALLEL_FROM);
        let index = SearchIndex::new(&store);
        for (position, entry) in store.timeline.iter().enumerate() {
            let text = plain_haystack(&store, entry);
            assert_eq!(index.haystacks.text(position), text, "entry {position}");
            let title_chars = store.title_of(entry).chars().count() as u32;
            assert_eq!(
                index.ties[position],
                (entry.kind as u32) << 24 | title_chars
            );
            let bags = (char_bag(&text) | pairs(&text), word_starts(&text));
            assert_eq!(index.haystacks.bags(position), bags);
        }
    }

    #[test]
    fn the_best_rows_are_those_of_scoring_every_match() {
        let store: Store = crate::synthetic::store(3_000);
        let index = SearchIndex::new(&store);
        let queries = [
            "k", "e", "K", "1", "ka", "ne", "kay", "kayano", "jjj", "x 4", "ox e", "gel k", "-",
            "14 e", "Pulse", "zu ka 3", "é", "ll", "lle", "eee", "ooo", "ana", "ee ll",
        ];
        for text in queries {
            let query = Query::parse(text).unwrap();
            let all = scored_by_brute_force(&index, &query);
            for limit in [1, 10, 100, usize::MAX] {
                let found = index.find(&store, &query, None, limit);
                let expected = &all[..limit.min(all.len())];
                assert_eq!(found.rows, expected, "{text:?}, best {limit}");
                assert_eq!(found.matched.len(), all.len(), "{text:?}");
            }
        }
    }
}
