//! Packing models and releases into a few bytes each, and reading them back: the format behind
//! [`super::Records`].
//!
//! A string is not copied: it is written as where it lies in its file's text (the record's
//! first string as an offset into the file, each later one as the distance from the end of the
//! string before, which is short because a record's strings are close together) and its length,
//! as variable-length integers. A string that is not in the file (it had escapes, or was made
//! safe for a terminal) is kept in a side list and written as its place there. A release of the
//! generated benchmark data packs into about 30 bytes instead of about 200 as Rust values.
//!
//! Every string is made terminal-safe as it is packed, so nothing read back can carry a control
//! sequence.

use crate::date::PartialDate;

use super::{Category, Claim, Credit, Dispute, Model, Release, Source, Text};

/// A value that packs into bytes and unpacks back to an equal value (strings made
/// terminal-safe).
pub trait Packed: Sized {
    fn pack(&self, packer: &mut Packer);
    fn unpack(unpacker: &mut Unpacker) -> Self;
}

/// Writes records into `bytes`; strings found in `base` are written as places in it.
pub struct Packer<'a> {
    bytes: &'a mut Vec<u8>,
    base: &'static str,
    copies: &'a mut Vec<Text>,
    /// Where the last string written from `base` ends.
    end: usize,
}

/// Reads records written by a [`Packer`] with the same `base` and `copies`.
pub struct Unpacker<'a> {
    bytes: &'a [u8],
    base: &'static str,
    copies: &'a [Text],
    end: usize,
}

impl<'a> Packer<'a> {
    /// A packer for one record.
    pub fn new(bytes: &'a mut Vec<u8>, base: &'static str, copies: &'a mut Vec<Text>) -> Self {
        Packer {
            bytes,
            base,
            copies,
            end: 0,
        }
    }

    /// Where the last string written from the file's text ends in it: how far reading has got.
    pub fn end(&self) -> usize {
        self.end
    }

    fn number(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.bytes.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.bytes.push(n as u8);
    }

    fn byte(&mut self, b: u8) {
        self.bytes.push(b);
    }

    fn text(&mut self, text: Text) {
        let text = text.terminal_safe();
        match place_in(self.base, &text) {
            Some(start) => {
                let step = start as i64 - self.end as i64;
                self.number(zigzag(step) << 1);
                self.number(text.len() as u64);
                self.end = start + text.len();
            }
            None => {
                self.number(((self.copies.len() as u64) << 1) | 1);
                self.copies.push(text);
            }
        }
    }

    fn maybe_text(&mut self, text: Option<Text>) {
        match text {
            Some(text) => {
                self.byte(1);
                self.text(text);
            }
            None => self.byte(0),
        }
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.number(items.len() as u64);
        for item in items {
            each(self, item);
        }
    }

    fn texts(&mut self, texts: &[Text]) {
        self.list(texts, |p, &t| p.text(t));
    }

    fn date(&mut self, date: PartialDate) {
        self.number(zigzag(i64::from(date.year)));
        let flags = u8::from(date.month.is_some())
            | u8::from(date.day.is_some()) << 1
            | u8::from(date.approximate) << 2;
        self.byte(flags);
        date.month
            .into_iter()
            .chain(date.day)
            .for_each(|b| self.byte(b));
    }

    fn maybe_date(&mut self, date: Option<PartialDate>) {
        match date {
            Some(date) => {
                self.byte(1);
                self.date(date);
            }
            None => self.byte(0),
        }
    }

    /// A small optional number, written as 0 for none and n + 1 for n.
    fn maybe_number(&mut self, n: Option<u16>) {
        self.number(n.map_or(0, |n| u64::from(n) + 1));
    }

    fn provenance(&mut self, sources: &[Source], disputes: &[Dispute]) {
        self.list(sources, |p, s| {
            p.text(s.title);
            p.text(s.url);
        });
        self.list(disputes, |p, d| {
            p.text(d.about);
            p.list(&d.claims, |p, c| {
                p.text(c.source);
                p.text(c.says);
            });
        });
    }
}

impl<'a> Unpacker<'a> {
    pub fn new(bytes: &'a [u8], base: &'static str, copies: &'a [Text]) -> Self {
        Unpacker {
            bytes,
            base,
            copies,
            end: 0,
        }
    }

    fn byte(&mut self) -> u8 {
        let (&b, rest) = self.bytes.split_first().unwrap_or((&0, &[]));
        self.bytes = rest;
        b
    }

    fn number(&mut self) -> u64 {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                break;
            }
        }
        n
    }

    fn text(&mut self) -> Text {
        let n = self.number();
        if n & 1 == 1 {
            return self
                .copies
                .get((n >> 1) as usize)
                .copied()
                .unwrap_or_default();
        }
        // Checked, so that bytes that were not packed here (a damaged cache) give an empty
        // string rather than a panic.
        let start = (self.end as i64)
            .checked_add(unzigzag(n >> 1))
            .and_then(|s| usize::try_from(s).ok())
            .unwrap_or(usize::MAX);
        let len = usize::try_from(self.number()).unwrap_or(usize::MAX);
        let end = start.saturating_add(len);
        self.end = end;
        Text::borrowed(self.base.get(start..end).unwrap_or_default())
    }

    fn maybe_text(&mut self) -> Option<Text> {
        (self.byte() == 1).then(|| self.text())
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> T) -> Box<[T]> {
        // Every item takes a byte at least: a longer list cannot be in what is left.
        let len = (self.number() as usize).min(self.bytes.len());
        (0..len).map(|_| each(self)).collect()
    }

    fn texts(&mut self) -> Box<[Text]> {
        self.list(Self::text)
    }

    fn date(&mut self) -> PartialDate {
        let year = unzigzag(self.number()) as i32;
        let flags = self.byte();
        let month = (flags & 1 != 0).then(|| self.byte());
        let day = (flags & 2 != 0).then(|| self.byte());
        PartialDate {
            year,
            month,
            day,
            approximate: flags & 4 != 0,
        }
    }

    fn maybe_date(&mut self) -> Option<PartialDate> {
        (self.byte() == 1).then(|| self.date())
    }

    fn maybe_number(&mut self) -> Option<u16> {
        let n = self.number();
        (n > 0).then(|| (n - 1) as u16)
    }

    fn provenance(&mut self) -> (Box<[Source]>, Box<[Dispute]>) {
        let sources = self.list(|u| Source {
            title: u.text(),
            url: u.text(),
        });
        let disputes = self.list(|u| Dispute {
            about: u.text(),
            claims: u.list(|u| Claim {
                source: u.text(),
                says: u.text(),
            }),
        });
        (sources, disputes)
    }

    /// The first string of a record (its id), and after it the second (its name): both packed
    /// first so that they are read without unpacking the rest.
    pub fn next_text(&mut self) -> Text {
        self.text()
    }
}

/// Where `text` starts in `base`, if it is a slice of it.
fn place_in(base: &str, text: &str) -> Option<usize> {
    let base_start = base.as_ptr() as usize;
    let start = text.as_ptr() as usize;
    (start >= base_start && start + text.len() <= base_start + base.len())
        .then(|| start - base_start)
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

const CATEGORIES: [Category; 8] = [
    Category::Running,
    Category::Racing,
    Category::Trail,
    Category::Hiking,
    Category::Training,
    Category::Court,
    Category::Basketball,
    Category::Lifestyle,
];

impl Packed for Model {
    fn pack(&self, p: &mut Packer) {
        p.text(self.id);
        p.text(self.name);
        p.text(self.brand);
        p.maybe_text(self.line);
        p.maybe_number(self.generation);
        p.texts(&self.aliases);
        p.maybe_date(self.introduced);
        p.texts(&self.designers);
        p.texts(&self.technologies);
        p.byte(
            CATEGORIES
                .iter()
                .position(|&c| c == self.category)
                .unwrap_or(0) as u8,
        );
        p.text(self.summary);
        p.maybe_text(self.successor_of);
        p.texts(&self.derived_from);
        p.provenance(&self.sources, &self.disputes);
    }

    fn unpack(u: &mut Unpacker) -> Self {
        // Read in the order of `pack`: a struct's fields are worked out in the order written.
        let head = ModelHead::unpack(u);
        let mut model = Model {
            id: head.id,
            name: head.name,
            brand: head.brand,
            line: head.line,
            generation: head.generation,
            aliases: head.aliases,
            introduced: u.maybe_date(),
            designers: u.texts(),
            technologies: u.texts(),
            category: CATEGORIES[usize::from(u.byte()) % CATEGORIES.len()],
            summary: u.text(),
            successor_of: u.maybe_text(),
            derived_from: u.texts(),
            sources: Box::default(),
            disputes: Box::default(),
        };
        (model.sources, model.disputes) = u.provenance();
        model
    }
}

impl Packed for Release {
    fn pack(&self, p: &mut Packer) {
        p.text(self.id);
        p.text(self.name);
        p.text(self.model);
        p.maybe_text(self.colourway);
        p.date(self.date);
        p.list(&self.collaborators, |p, c| {
            p.text(c.collaborator);
            p.maybe_text(c.role);
        });
        p.text(self.summary);
        p.byte(u8::from(self.predates_model));
        p.provenance(&self.sources, &self.disputes);
    }

    fn unpack(u: &mut Unpacker) -> Self {
        // Read in the order of `pack`, as for a model.
        let head = ReleaseHead::unpack(u);
        let mut release = Release {
            id: head.id,
            name: head.name,
            model: head.model,
            colourway: head.colourway,
            date: u.date(),
            collaborators: u.list(|u| Credit {
                collaborator: u.text(),
                role: u.maybe_text(),
            }),
            summary: u.text(),
            predates_model: u.byte() == 1,
            sources: Box::default(),
            disputes: Box::default(),
        };
        (release.sources, release.disputes) = u.provenance();
        release
    }
}

/// The first fields of a packed model, up to its aliases: all the search index needs of it,
/// read without unpacking the rest (its lists of sources and designers).
pub struct ModelHead {
    pub id: Text,
    pub name: Text,
    pub brand: Text,
    pub line: Option<Text>,
    pub generation: Option<u16>,
    pub aliases: Box<[Text]>,
}

impl ModelHead {
    /// Read in the order of [`Model`]'s `pack`, which reads the rest after it.
    pub fn unpack(u: &mut Unpacker) -> ModelHead {
        ModelHead {
            id: u.text(),
            name: u.text(),
            brand: u.text(),
            line: u.maybe_text(),
            generation: u.maybe_number(),
            aliases: u.texts(),
        }
    }
}

/// The first fields of a packed release, up to its colourway, as [`ModelHead`] for a model.
pub struct ReleaseHead {
    pub id: Text,
    pub name: Text,
    pub model: Text,
    pub colourway: Option<Text>,
}

impl ReleaseHead {
    /// Read in the order of [`Release`]'s `pack`, which reads the rest after it.
    pub fn unpack(u: &mut Unpacker) -> ReleaseHead {
        ReleaseHead {
            id: u.text(),
            name: u.text(),
            model: u.text(),
            colourway: u.maybe_text(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The "file" packed strings point into: several scripts, so offsets cross multi-byte
    /// characters.
    const BASE: &str = "Gel-Kayano 14 \u{2018}Cream\u{2019} x JJJJound, 2020-11-27, https://example.com/a, \
                        \u{e9}t\u{e9} \u{65e5}\u{672c} Onitsuka Tiger Mexico 66 (1966) New Balance 990v3";

    /// A string of `BASE` (kept as a place in it) or one of its own (kept as a copy).
    fn text() -> impl Strategy<Value = Text> {
        let bounds: Vec<usize> = BASE
            .char_indices()
            .map(|(i, _)| i)
            .chain([BASE.len()])
            .collect();
        let count = bounds.len();
        prop_oneof![
            (0..count, 0..count).prop_map(move |(a, b)| {
                Text::borrowed(&BASE[bounds[a.min(b)]..bounds[a.max(b)]])
            }),
            "[a-z\u{e9}\u{65e5} ]{0,6}".prop_map(Text::from),
        ]
    }

    fn texts() -> impl Strategy<Value = Box<[Text]>> {
        proptest::collection::vec(text(), 0..3).prop_map(Vec::into_boxed_slice)
    }

    fn date() -> impl Strategy<Value = PartialDate> {
        (
            -3000..3000i32,
            any::<Option<u8>>(),
            any::<Option<u8>>(),
            any::<bool>(),
        )
            .prop_map(|(year, month, day, approximate)| PartialDate {
                year,
                month,
                day: month.and(day),
                approximate,
            })
    }

    fn provenance() -> impl Strategy<Value = (Box<[Source]>, Box<[Dispute]>)> {
        let source = (text(), text()).prop_map(|(title, url)| Source { title, url });
        let claim = (text(), text()).prop_map(|(source, says)| Claim { source, says });
        let dispute =
            (text(), proptest::collection::vec(claim, 0..3)).prop_map(|(about, c)| Dispute {
                about,
                claims: c.into_boxed_slice(),
            });
        (
            proptest::collection::vec(source, 0..3),
            proptest::collection::vec(dispute, 0..2),
        )
            .prop_map(|(s, d)| (s.into_boxed_slice(), d.into_boxed_slice()))
    }

    fn release() -> impl Strategy<Value = Release> {
        let credit = (text(), proptest::option::of(text()))
            .prop_map(|(collaborator, role)| Credit { collaborator, role });
        (
            (text(), text(), text(), proptest::option::of(text()), date()),
            proptest::collection::vec(credit, 0..3),
            (text(), any::<bool>(), provenance()),
        )
            .prop_map(
                |((id, name, model, colourway, date), credits, (summary, predates, proof))| {
                    Release {
                        id,
                        model,
                        name,
                        colourway,
                        date,
                        collaborators: credits.into_boxed_slice(),
                        summary,
                        predates_model: predates,
                        sources: proof.0,
                        disputes: proof.1,
                    }
                },
            )
    }

    fn model() -> impl Strategy<Value = Model> {
        (
            (
                text(),
                text(),
                text(),
                proptest::option::of(text()),
                texts(),
            ),
            (
                proptest::option::of(date()),
                texts(),
                texts(),
                prop::sample::select(CATEGORIES.to_vec()),
                proptest::option::of(any::<u16>()),
            ),
            (text(), proptest::option::of(text()), texts(), provenance()),
        )
            .prop_map(|(a, b, c)| Model {
                id: a.0,
                brand: a.2,
                line: a.3,
                name: a.1,
                generation: b.4,
                aliases: a.4,
                introduced: b.0,
                designers: b.1,
                technologies: b.2,
                category: b.3,
                summary: c.0,
                successor_of: c.1,
                derived_from: c.2,
                sources: c.3.0,
                disputes: c.3.1,
            })
    }

    /// Packs `records` one after another, then reads each back from its own bytes.
    fn round_trip<T: Packed>(records: &[T]) -> Vec<T> {
        let (mut bytes, mut copies, mut starts) = (Vec::new(), Vec::new(), Vec::new());
        for record in records {
            starts.push(bytes.len());
            record.pack(&mut Packer::new(&mut bytes, BASE, &mut copies));
        }
        starts.push(bytes.len());
        starts
            .windows(2)
            .map(|w| T::unpack(&mut Unpacker::new(&bytes[w[0]..w[1]], BASE, &copies)))
            .collect()
    }

    fn json<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn releases_unpack_to_what_was_packed(releases in proptest::collection::vec(release(), 1..4)) {
            prop_assert_eq!(json(&round_trip(&releases)), json(&releases));
        }

        #[test]
        fn models_unpack_to_what_was_packed(models in proptest::collection::vec(model(), 1..4)) {
            prop_assert_eq!(json(&round_trip(&models)), json(&models));
        }
    }

    #[test]
    fn numbers_round_trip_at_every_size() {
        for n in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let (mut bytes, mut copies) = (Vec::new(), Vec::new());
            Packer::new(&mut bytes, "", &mut copies).number(n);
            assert_eq!(Unpacker::new(&bytes, "", &copies).number(), n);
        }
        for n in [0, 1, -1, 63, -64, i64::MAX, i64::MIN] {
            assert_eq!(unzigzag(zigzag(n)), n);
        }
    }
}
