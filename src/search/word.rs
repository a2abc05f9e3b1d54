//! One query word made ready for a haystack: whether it matches (exactly when fuzzy-matcher
//! would), and a cheap upper bound on fuzzy-matcher's score, so that entries which cannot reach
//! the rows shown need not be scored at all; and a coarser bound from the text's word starts
//! alone ([`Word::start_bound`]), so that most texts need not even be read for it.
//!
//! The bound follows how skim's V2 algorithm adds up a score, one word character at a time:
//! - A character matched at some position scores a match score, less a case penalty, plus a
//!   bonus that depends only on the character before it (a word start, a camel hump, a break
//!   after punctuation). These per-position scores are not worked out here: fuzzy-matcher itself
//!   is asked, on two-character texts, when the word is prepared ([`CharScores`]).
//! - The first character scores its per-position score less one, so its best is the best over
//!   its occurrences; for a one-character word that *is* the score.
//! - The second character either follows the first at once (and adds the larger of its bonus
//!   and the consecutive bonus) or comes after a gap (which costs at least a gap's opening).
//! - A later character adds at most its own per-position score plus the consecutive bonus,
//!   unless skim can carry a bonus along a run in its scratch matrix: that cell is cleared in
//!   the same call unless the character, or the one before it, equals the one two places back,
//!   and otherwise holds at most an ordinary bonus (the index's texts begin with a space, so no
//!   doubled first-character bonus ever lingers in the matrix between calls).
//!
//! Tests check the bound against fuzzy-matcher on random texts, and the ranking it drives
//! against scoring every match.

use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::{SkimMatcherV2, SkimScoreConfig};

use super::char_bag;

/// A query word, accents already folded.
pub struct Word {
    text: String,
    chars: usize,
    /// skim's smart case: a word with an ASCII capital letter is matched case-sensitively.
    case_sensitive: bool,
    bag: u64,
    /// Per-position scores of each character, when it is an ASCII letter or digit.
    scores: Vec<Option<&'static CharScores>>,
    /// Whether each character from the third on could carry a bonus from skim's scratch matrix
    /// (see [`Word::bound`]).
    may_carry: Vec<bool>,
    /// See [`Word::repeats_a_letter`].
    repeats: bool,
    /// The scores of every character, for [`Word::tight_bound`], when the word has one: three
    /// to `chain::MAX_CHARS` ASCII letters and digits.
    chain: Option<Vec<&'static CharScores>>,
    /// The most the second character can add right after the first, as [`Word::bound`] counts
    /// it, in any text (see [`Word::start_bound`]), and in any way (in a text that does not
    /// begin with a letter or digit, and in one that does).
    second_follows: i64,
    second_anyhow: [i64; 2],
    /// The bit of `super::pairs` of the first two characters, when both are ASCII letters or
    /// digits.
    first_pair: Option<u64>,
    /// The most the characters from the third on can add together, in any text: one that does
    /// not begin with a letter or digit, and one that does.
    most_after_second: [i64; 2],
}

/// What one occurrence of a character scores as skim's match score plus bonus (before the
/// first character's minus one), by the character before it.
pub(super) struct CharScores {
    /// The bytes that match: the character as typed, and its other case unless the word is
    /// case-sensitive.
    pub(super) forms: [u8; 2],
    /// At the very start of the text, for each form.
    pub(super) at_start: [i32; 2],
    /// After each ASCII character, for each form.
    pub(super) after: [[i32; 128]; 2],
    /// With no bonus (after a character of its own kind), for each form.
    pub(super) plain: [i32; 2],
    /// The most an occurrence scores where it starts a word (see `super::word_starts`), and
    /// where it does not (not counting the start of the text), for each form.
    at_word_start: [i32; 2],
    inside_word: [i32; 2],
    /// The matcher in the word's case mode, for the rare character before it beyond ASCII.
    matcher: SkimMatcherV2,
}

impl Word {
    pub fn new(text: &str) -> Word {
        let case_sensitive = text.bytes().any(|b| b.is_ascii_uppercase());
        let chars: Vec<char> = text.chars().collect();
        let same = |a: char, b: char| a == b || (!case_sensitive && a.eq_ignore_ascii_case(&b));
        let scores: Vec<Option<&'static CharScores>> = chars
            .iter()
            .map(|&c| char_scores(c, case_sensitive))
            .collect();
        let may_carry: Vec<bool> = (0..chars.len())
            .map(|k| k >= 2 && (same(chars[k - 1], chars[k - 2]) || same(chars[k], chars[k - 2])))
            .collect();
        let (second_follows, second_anyhow) = if chars.len() > 1 {
            let anyhow = [false, true].map(|start| most_added(&scores, &may_carry, 1, start));
            (most_following(&scores, &may_carry, 1), anyhow)
        } else {
            (0, [0, 0])
        };
        let first_pair = match (scores.first(), scores.get(1)) {
            (Some(Some(one)), Some(Some(two))) => Some(super::pair_bit(one.forms[0], two.forms[0])),
            _ => None,
        };
        let most_after_second = [false, true].map(|text_start| {
            (2..chars.len())
                .map(|k| most_added(&scores, &may_carry, k, text_start))
                .sum()
        });
        let chain = (3..=super::chain::MAX_CHARS)
            .contains(&chars.len())
            .then(|| scores.iter().copied().collect::<Option<Vec<_>>>())
            .flatten();
        Word {
            text: text.to_string(),
            chars: chars.len(),
            case_sensitive,
            bag: char_bag(text),
            scores,
            chain,
            repeats: chars.windows(2).any(|pair| same(pair[0], pair[1])),
            second_follows,
            second_anyhow,
            first_pair,
            most_after_second,
            may_carry,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when two neighbouring characters of the word are the same (`ll`, `00`). skim reuses
    /// a scratch matrix between calls and reads some cells of it before writing them; only for
    /// such a word can what an earlier text left there change a score, so such a word is scored
    /// as a new matcher scores it ([`score_afresh`]), and the same text always gets the same
    /// score.
    pub fn repeats_a_letter(&self) -> bool {
        self.repeats
    }

    /// A bound at least as tight as [`Word::bound`], dearer to work out: for a word of three
    /// or more ASCII letters and digits in an ASCII text, skim's recurrence followed on the
    /// occurrences (see `chain.rs`); otherwise [`Word::bound`]. `None` when the word does not
    /// match.
    pub fn tight_bound(&self, text: &str) -> Option<i64> {
        match &self.chain {
            // Past its occurrence limit, the chain gives way to the cheap bound.
            Some(scores) if text.is_ascii() => {
                super::chain::bound(scores, &self.may_carry, text).or_else(|| self.bound(text))
            }
            _ => self.bound(text),
        }
    }

    /// True when [`Word::bound`] gives the word's score exactly: a word of one ASCII letter or
    /// digit, or of two different ones (the first two rows of skim's matrix are filled afresh
    /// in every call, so nothing an earlier text left can change such a score).
    pub fn bound_is_exact(&self) -> bool {
        let known = self.scores.iter().all(Option::is_some);
        known && (self.chars == 1 || (self.chars == 2 && !self.repeats))
    }

    /// An upper bound on the word's score in a text whose [`super::word_starts`] are `starts`,
    /// the text unread: its first character scores at most as at a word start when one of its
    /// forms starts a word there, and otherwise as inside a word; every later character adds
    /// at most a match score and the largest bonus. Never below [`Word::bound`].
    pub fn start_bound(&self, bag: u64, starts: u64) -> i64 {
        let c = SkimScoreConfig::default();
        let text_start = starts & (1 << super::TEXT_START) != 0;
        let later = self.most_after_second[usize::from(text_start)];
        let Some(one) = self.scores[0] else {
            return max_first_score() + self.second_anyhow[usize::from(text_start)] + later;
        };
        // The first character's best where it starts a word, and inside one.
        let mut starting = (0..2)
            .filter(|&form| starts & super::start_bit(one.forms[form]) != 0)
            .map(|form| one.at_word_start[form])
            .max();
        if text_start {
            starting = starting.max(Some(one.at_start[0].max(one.at_start[1])));
        }
        let inside = one.inside_word[0].max(one.inside_word[1]);
        if self.chars == 1 {
            return i64::from(starting.map_or(inside, |s| s.max(inside)) + c.gap_extension);
        }
        // The second character after a gap: at its best where it starts a word, if it does;
        // right after the first: only where the two start a word together, if the first does.
        let (second_after_gap, together) = match self.scores[1] {
            Some(two) => {
                let starts_too = (0..2)
                    .filter(|&form| starts & super::start_bit(two.forms[form]) != 0)
                    .map(|form| two.at_word_start[form]);
                let anywhere =
                    starts_too.fold(two.inside_word[0].max(two.inside_word[1]), i32::max);
                let gap = i64::from(anywhere + c.gap_start + c.gap_extension);
                let pair = self.first_pair.unwrap_or(u64::MAX);
                (gap, bag & pair != 0)
            }
            None => (max_next_score(), true),
        };
        let second_anyhow = self.second_follows.max(second_after_gap);
        let from_start = starting.map(|s| {
            let second = if together {
                second_anyhow
            } else {
                second_after_gap
            };
            i64::from(s + c.gap_extension) + second
        });
        let from_inside = i64::from(inside + c.gap_extension) + second_anyhow;
        from_start.map_or(from_inside, |s| s.max(from_inside)) + later
    }

    /// Whether [`Word::start_bound`] can tell texts apart: the word begins with an ASCII
    /// letter or digit.
    pub fn has_start_bound(&self) -> bool {
        self.scores[0].is_some()
    }

    /// Whether a text's [`char_bag`] alone says if the word matches: a single letter or digit
    /// matched in either case.
    pub fn found_by_bag(&self) -> bool {
        self.chars == 1 && self.scores[0].is_some() && !self.case_sensitive
    }

    /// False when `text_bag` (a text's [`char_bag`]) lacks a character of the word, so that the
    /// word cannot match the text.
    pub fn may_be_in(&self, text_bag: u64) -> bool {
        self.bag & !text_bag == 0
    }

    /// Whether fuzzy-matcher would find the word in `text`: every character of the word, in
    /// order, compared as skim compares them (ASCII case ignored unless the word is
    /// case-sensitive).
    pub fn matches(&self, text: &str) -> bool {
        let mut rest = text;
        for wanted in self.text.chars() {
            let found = if wanted.is_ascii() {
                let byte = wanted as u8;
                let (a, b) = if self.case_sensitive {
                    (byte, byte)
                } else {
                    (byte.to_ascii_lowercase(), byte.to_ascii_uppercase())
                };
                memchr::memchr2(a, b, rest.as_bytes()).map(|at| at + 1)
            } else {
                rest.find(wanted).map(|at| at + wanted.len_utf8())
            };
            match found {
                Some(end) => rest = &rest[end..],
                None => return false,
            }
        }
        true
    }

    /// The part of `text` the word's score depends on: from the character before the first
    /// place its first character could match, to the last place its last character could.
    /// skim scores the same there (the character before gives the first match its bonus, and
    /// nothing after the last match counts), and has less text to read.
    pub fn scored_part<'t>(&self, text: &'t str) -> &'t str {
        let bytes = text.as_bytes();
        let first =
            self.scores[0].and_then(|one| memchr::memchr2(one.forms[0], one.forms[1], bytes));
        let start = first
            .and_then(|at| text[..at].char_indices().next_back())
            .map_or(0, |(before, _)| before);
        let last = self.scores[self.chars - 1]
            .and_then(|end| memchr::memrchr2(end.forms[0], end.forms[1], bytes))
            .map_or(text.len(), |at| at + 1);
        text.get(start..last.max(start)).unwrap_or(text)
    }

    /// An upper bound on the word's score in `text`, or `None` when the word does not match
    /// it; exact for a word of one or two characters (see [`Word::bound_is_exact`]).
    pub fn bound(&self, text: &str) -> Option<i64> {
        // A one- or two-character word's bound looks at every occurrence, so it finds out
        // whether the word matches on the way; a longer word is checked first.
        if !self.bound_is_exact() && !self.matches(text) {
            return None;
        }
        let c = SkimScoreConfig::default();
        let (first, counted) = match (self.scores[0], self.scores.get(1).copied().flatten()) {
            (Some(one), Some(two)) => (self.first_two(one, two, text), 2),
            (Some(one), _) => (one.best(text).checked_add(c.gap_extension), 1),
            (None, _) => (Some(max_first_score() as i32), 1),
        };
        let mut bound = i64::from(first?);
        // Each later character follows the one before at once, adding its match score and the
        // larger of its bonus and the consecutive bonus, or after a gap, which costs more than
        // that. skim also carries a bonus along a run through its scratch matrix, but that
        // cell was cleared in this same call unless the character, or the one before it,
        // equals the character two places back.
        for k in counted..self.chars {
            bound += match self.scores[k] {
                Some(scores) => {
                    let carried = max_bonus_if(self.may_carry[k]);
                    let previous = self.scores[k - 1].map(|p| p.forms);
                    i64::from(scores.best_next(text, previous, carried.max(c.bonus_consecutive)))
                }
                None => max_next_score(),
            };
        }
        Some(bound)
    }

    /// A bound on the best score of the word's first two characters in `text`. The second
    /// character either follows the first at once, or follows one of the first's occurrences
    /// after a gap, which costs skim its opening and a step for every character skipped. For
    /// a two-character word this is its score: the first two rows of skim's matrix are fresh
    /// in every call.
    ///
    /// For a longer word a gap is counted as one character, whatever its length. skim lets a
    /// later character's gap start from cells that no match of the first two wrote (a cell
    /// reset for "nothing matched yet", or one the first character left in the row the third
    /// reuses), so with the first two far apart a longer word can score more than their real
    /// score allows; the one-character gap keeps the bound above that (a property test over
    /// texts of up to 80 characters found both cases when gaps were counted).
    fn first_two(&self, one: &CharScores, two: &CharScores, text: &str) -> Option<i32> {
        let c = SkimScoreConfig::default();
        let bytes = text.as_bytes();
        let first_at = |at: usize| one.at(text, at) + c.gap_extension;
        // Character positions are byte positions in ASCII text; otherwise they are counted.
        let ascii = text.is_ascii();
        let char_index = |at: usize| {
            if ascii {
                at
            } else {
                text[..at].chars().count()
            }
        };
        let mut firsts = memchr::memchr2_iter(one.forms[0], one.forms[1], bytes).peekable();
        let best_first = if self.chars > 2 {
            one.best(text) + c.gap_extension
        } else {
            0
        };
        // The second character is only looked for after the first occurrence of the first.
        let start =
            memchr::memchr2(one.forms[0], one.forms[1], bytes).map_or(bytes.len(), |i| i + 1);
        let mut best = i32::MIN;
        // The best of (a first occurrence's score plus a step per character up to here) over
        // the first occurrences at least two characters back, as the second character moves
        // right (its occurrences come in order).
        let mut gap_best = i32::MIN;
        for at in
            memchr::memchr2_iter(two.forms[0], two.forms[1], &bytes[start..]).map(|i| i + start)
        {
            let form = two.form_of(bytes[at]);
            let here = two.at(text, at);
            let bonus = here - two.plain[form];
            let position = char_index(at);
            while let Some(first_byte) = firsts.next_if(|&f| char_index(f) + 2 <= position) {
                let first = char_index(first_byte);
                // Kept as the score at the first occurrence less a step per character before
                // it, so that adding the steps up to `position` gives the gap's cost.
                let score = first_at(first_byte);
                gap_best = gap_best.max(score + c.gap_extension.saturating_mul(-(first as i32)));
            }
            // After a gap of `position - first - 1` characters: its opening, then a step each.
            let after_gap = if self.chars > 2 {
                best_first + c.gap_start + c.gap_extension + here
            } else if gap_best == i32::MIN {
                i32::MIN
            } else {
                gap_best + c.gap_start + c.gap_extension * (position as i32 - 1) + here
            };
            // `at` is past the first character's first occurrence, so never 0.
            let right_after = if one.forms.contains(&bytes[at - 1]) {
                first_at(at - 1) + two.plain[form] + bonus.max(c.bonus_consecutive)
            } else {
                i32::MIN
            };
            best = best.max(after_gap).max(right_after);
        }
        (best != i32::MIN).then_some(best)
    }
}

impl CharScores {
    fn new(c: char, case_sensitive: bool) -> CharScores {
        let byte = c as u8;
        let forms = if case_sensitive {
            [byte, byte]
        } else {
            [byte.to_ascii_lowercase(), byte.to_ascii_uppercase()]
        };
        let matcher = if case_sensitive {
            SkimMatcherV2::default().respect_case()
        } else {
            SkimMatcherV2::default().ignore_case()
        };
        let pattern = c.to_string();
        // A one-character pattern scores its per-position score less one.
        let score = |text: &str| {
            matcher
                .fuzzy_match(text, &pattern)
                .map_or(i32::MIN, |s| s as i32)
                + 1
        };
        let mut at_start = [0; 2];
        let mut after = [[0; 128]; 2];
        let mut plain = [0; 2];
        for (form, &matched) in forms.iter().enumerate() {
            let window = |before: u8| -> String {
                [char::from(stand_in(before, byte)), char::from(matched)]
                    .iter()
                    .collect()
            };
            at_start[form] = score(&char::from(matched).to_string());
            for before in 0..128u8 {
                after[form][usize::from(before)] = score(&window(before));
            }
            plain[form] = score(&window(matched));
        }
        let best_after = |form: usize, starts: bool| {
            (0..128u8)
                .filter(|&b| super::starts_word(b, forms[form]) == starts)
                .map(|b| after[form][usize::from(b)])
                .max()
                .unwrap_or(i32::MIN)
        };
        // A character beyond ASCII before an occurrence counts as a lower-case letter, which
        // is among the ASCII ones.
        let at_word_start = [0, 1].map(|form| best_after(form, true));
        let inside_word = [0, 1].map(|form| best_after(form, false));
        CharScores {
            forms,
            at_start,
            after,
            plain,
            at_word_start,
            inside_word,
            matcher,
        }
    }

    /// The most an occurrence adds as a later character of a word: right after a match of the
    /// character before it in the word (whose forms are `previous`, when known), its match
    /// score and the larger of its bonus and `consecutive`; after a gap, its score less the
    /// gap's opening.
    fn best_next(&self, text: &str, previous: Option<[u8; 2]>, consecutive: i32) -> i32 {
        let c = SkimScoreConfig::default();
        let bytes = text.as_bytes();
        memchr::memchr2_iter(self.forms[0], self.forms[1], bytes)
            .map(|at| {
                let here = self.at(text, at);
                let after_gap = here + c.gap_start + c.gap_extension;
                let follows = at > 0 && previous.is_none_or(|forms| forms.contains(&bytes[at - 1]));
                if follows {
                    let plain = self.plain[self.form_of(bytes[at])];
                    after_gap.max(plain + (here - plain).max(consecutive))
                } else {
                    after_gap
                }
            })
            .max()
            .unwrap_or(i32::MIN)
    }

    pub(super) fn form_of(&self, byte: u8) -> usize {
        usize::from(byte != self.forms[0])
    }

    /// The score of the occurrence at byte `at` of `text`.
    pub(super) fn at(&self, text: &str, at: usize) -> i32 {
        let bytes = text.as_bytes();
        let form = self.form_of(bytes[at]);
        match at.checked_sub(1).map(|i| bytes[i]) {
            None => self.at_start[form],
            Some(before) if before.is_ascii() => self.after[form][usize::from(before)],
            Some(_) => self.after_wide(&text[..at], bytes[at]),
        }
    }

    /// The best score over the occurrences in `text` (which holds one).
    fn best(&self, text: &str) -> i32 {
        memchr::memchr2_iter(self.forms[0], self.forms[1], text.as_bytes())
            .map(|at| self.at(text, at))
            .max()
            .unwrap_or(i32::MIN)
    }

    /// The score after a character beyond ASCII (which never equals the ASCII character).
    fn after_wide(&self, before: &str, matched: u8) -> i32 {
        let previous = before.chars().next_back().unwrap_or(' ');
        let window: String = [previous, char::from(matched)].iter().collect();
        let pattern = char::from(self.forms[0]).to_string();
        self.matcher
            .fuzzy_match(&window, &pattern)
            .map_or(i32::MIN, |s| s as i32)
            + 1
    }
}

/// The character before an occurrence, or one that skim treats the same way when it would
/// itself match (another letter of the same case, another digit), so that the two-character
/// window has a single occurrence.
fn stand_in(before: u8, matched: u8) -> u8 {
    if !before.eq_ignore_ascii_case(&matched) {
        return before;
    }
    let other = |first: u8| {
        if first == matched.to_ascii_lowercase() {
            first + 1
        } else {
            first
        }
    };
    match before {
        b'a'..=b'z' => other(b'a'),
        b'A'..=b'Z' => other(b'a').to_ascii_uppercase(),
        _ => {
            if matched == b'0' {
                b'1'
            } else {
                b'0'
            }
        }
    }
}

/// The per-position scores of an ASCII letter or digit, asked of fuzzy-matcher the first time
/// a word needs them and kept for the rest of the program.
fn char_scores(c: char, case_sensitive: bool) -> Option<&'static CharScores> {
    static TABLES: [[OnceLock<CharScores>; 128]; 2] =
        [const { [const { OnceLock::new() }; 128] }; 2];
    if !c.is_ascii_alphanumeric() {
        return None;
    }
    let slot = &TABLES[usize::from(case_sensitive)][c as usize];
    Some(slot.get_or_init(|| CharScores::new(c, case_sensitive)))
}

/// The largest bonus skim gives a character that is not the first of the text.
pub(super) fn max_bonus() -> i32 {
    let c = SkimScoreConfig::default();
    [
        c.bonus_head,
        c.bonus_break,
        c.bonus_camel,
        c.bonus_consecutive,
    ]
    .into_iter()
    .max()
    .unwrap_or(0)
}

/// The most the `k`th character (from 1) of a word whose characters score as `scores` can
/// add to [`Word::bound`] in any text: right after the character before it, or after a gap,
/// which [`Word::bound`] also counts at the very start of the text when `text_start` (where
/// skim doubles the bonus).
fn most_added(
    scores: &[Option<&CharScores>],
    may_carry: &[bool],
    k: usize,
    text_start: bool,
) -> i64 {
    let c = SkimScoreConfig::default();
    let Some(s) = scores[k] else {
        return max_next_score();
    };
    let mut after_gap = i32::MIN;
    for form in 0..2 {
        let mut anywhere = (0..128).map(|b| s.after[form][b]).max().unwrap_or(i32::MIN);
        if text_start {
            anywhere = anywhere.max(s.at_start[form]);
        }
        after_gap = after_gap.max(anywhere + c.gap_start + c.gap_extension);
    }
    most_following(scores, may_carry, k).max(i64::from(after_gap))
}

/// The most the `k`th character (from 1) can add to [`Word::bound`] right after the character
/// before it (after one of that character's forms, or after anything when that character is
/// not an ASCII letter or digit; a character beyond ASCII counts as a lower-case letter).
fn most_following(scores: &[Option<&CharScores>], may_carry: &[bool], k: usize) -> i64 {
    let c = SkimScoreConfig::default();
    let Some(s) = scores[k] else {
        return max_next_score();
    };
    let consecutive = if k == 1 {
        c.bonus_consecutive
    } else {
        max_bonus_if(may_carry[k]).max(c.bonus_consecutive)
    };
    let befores: Vec<u8> = match scores[k - 1] {
        Some(previous) => previous.forms.to_vec(),
        None => (0..128).collect(),
    };
    let mut most = i32::MIN;
    for form in 0..2 {
        for &before in &befores {
            let here = s.after[form][usize::from(before)];
            most = most.max(s.plain[form] + (here - s.plain[form]).max(consecutive));
        }
    }
    i64::from(most)
}

/// [`max_bonus`] when a character may carry a bonus from skim's scratch matrix, else nothing.
fn max_bonus_if(may_carry: bool) -> i32 {
    if may_carry { max_bonus() } else { 0 }
}

/// What a new matcher would score `word` in `text`, from `matcher`, whatever it scored before.
///
/// skim keeps its scratch matrix in a vector that each call resizes to its own rows and
/// columns, keeping the cells it had and filling new ones as fresh. Scoring a one-character
/// word in a one-character text first leaves four cells, all in the first row of the next
/// call's matrix when its text has three characters or more, which that call resets before
/// reading. Shorter texts get a new matcher. (Cheaper than a new matcher, whose first call
/// allocates its thread-local caches; the brute-force ranking test compares with new ones.)
pub fn score_afresh(matcher: &SkimMatcherV2, text: &str, word: &str) -> Option<i64> {
    if text.chars().nth(2).is_none() {
        return self::matcher().fuzzy_match(text, word);
    }
    matcher.fuzzy_match("a", "a");
    matcher.fuzzy_match(text, word)
}

/// The matcher every score comes from: fuzzy-matcher's skim V2 with smart case.
pub fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().smart_case()
}

/// The most a word's first character can score: a match at the start of the text, whose bonus
/// is doubled.
fn max_first_score() -> i64 {
    let c = SkimScoreConfig::default();
    let bonus = c.bonus_head * c.bonus_first_char_multiplier;
    i64::from(c.score_match + c.gap_extension + bonus)
}

/// The most any later character can add: a match score and the largest bonus. A later
/// character never sits at the start of the text, so its bonus is never doubled; and when it
/// follows a gap it pays the gap's cost first.
fn max_next_score() -> i64 {
    i64::from(SkimScoreConfig::default().score_match + max_bonus())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    thread_local! {
        /// One matcher for every case of a test, as the search keeps one.
        static SHARED: SkimMatcherV2 = matcher();
    }

    /// The word's bound from the bags the index keeps for `text`.
    fn start_bound_in(word: &Word, text: &str) -> i64 {
        let (bag, starts) = super::super::bags(text);
        word.start_bound(bag, starts)
    }

    fn skim(text: &str, word: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .smart_case()
            .fuzzy_match(text, word)
    }

    /// Texts made of the characters skim tells apart: both cases, digits, separators of each
    /// kind and characters beyond ASCII; as long as an entry's searchable text, since a long
    /// gap is where skim's reused cells can beat a real match (see `Word::first_two`).
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                'a', 'b', 'k', 'K', 'A', 'Z', 'y', '0', '1', '4', ' ', '-', '/', '.', '(', '\'',
                'é', '日', 'x', 'X',
            ]),
            0..80,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    fn word() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec!['a', 'k', 'K', 'A', 'y', '1', '4', '-', 'x', 'é']),
            1..5,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn matches_exactly_when_skim_does_and_never_scores_above_the_bound(
            text in text(),
            word in word(),
        ) {
            let prepared = Word::new(&word);
            let bound = prepared
                .may_be_in(char_bag(&text))
                .then(|| prepared.bound(&text))
                .flatten();
            prop_assert_eq!(bound.is_some(), prepared.matches(&text));
            let score = skim(&text, &word);
            // A matcher that has scored every earlier case's text and word (as the search
            // keeps one), whatever they left in its scratch matrix.
            let reused = SHARED.with(|m| m.fuzzy_match(&text, &word));
            prop_assert_eq!(bound.is_some(), score.is_some());
            if let (Some(bound), Some(score)) = (bound, score) {
                prop_assert!(score <= bound, "{word:?} in {text:?}: {score} > {bound}");
                // The bound from the word starts alone is looser still.
                let starts = start_bound_in(&prepared, &text);
                prop_assert!(bound <= starts, "{word:?} in {text:?}: {bound} > {starts}");
                // The tight bound holds too, for the score of a new matcher and of one reused
                // (as the search scores a word without a repeated letter), and is no looser.
                let tight = prepared.tight_bound(&text);
                prop_assert!(tight.is_some_and(|t| t >= score && t <= bound), "{word:?} in {text:?}: {score} {tight:?} {bound}");
                if !prepared.repeats_a_letter() {
                    prop_assert!(tight.is_some_and(|t| Some(t) >= reused), "{word:?} in {text:?}: reused {reused:?} > {tight:?}");
                }
                if prepared.bound_is_exact() {
                    prop_assert_eq!(score, bound, "{:?} in {:?}", word, text);
                    prop_assert_eq!(Some(score), reused, "{:?} in {:?}", word, text);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// The tight bound on the texts it is made for: ASCII, as long as a long entry's, and
        /// words of three or more letters and digits.
        #[test]
        fn the_tight_bound_holds_for_longer_words_in_ascii_texts(
            text in proptest::collection::vec(
                prop::sample::select(vec![
                    'a', 'b', 'k', 'K', 'A', 'y', 'Y', '0', '1', '4', ' ', '-', '/', '.', '(',
                ]),
                0..120,
            ).prop_map(|c| c.into_iter().collect::<String>()),
            word in proptest::collection::vec(
                prop::sample::select(vec!['a', 'b', 'k', 'K', 'A', 'y', '1', '4']),
                3..7,
            ).prop_map(|c| c.into_iter().collect::<String>()),
        ) {
            let prepared = Word::new(&word);
            let score = skim(&text, &word);
            let reused = SHARED.with(|m| m.fuzzy_match(&text, &word));
            let tight = prepared.tight_bound(&text);
            prop_assert_eq!(tight.is_some(), score.is_some());
            if let (Some(tight), Some(score)) = (tight, score) {
                prop_assert!(score <= tight, "{word:?} in {text:?}: {score} > {tight}");
                let starts = start_bound_in(&prepared, &text);
                prop_assert!(prepared.bound(&text).is_some_and(|b| b <= starts));
                prop_assert!(prepared.bound(&text).is_some_and(|b| tight <= b));
                if !prepared.repeats_a_letter() {
                    prop_assert!(reused <= Some(tight), "{word:?} in {text:?}: reused {reused:?}");
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// A matcher that has scored anything scores afresh as a new one does, for the words
        /// that need it (with a repeated letter).
        #[test]
        fn scoring_afresh_is_scoring_with_a_new_matcher(
            before in text(),
            earlier in word(),
            text in text(),
            word in proptest::collection::vec(prop::sample::select(vec!['a', 'k', 'K', 'y', '1']), 1..4)
                .prop_map(|c| c.into_iter().flat_map(|c| [c, c]).collect::<String>()),
        ) {
            SHARED.with(|m| {
                m.fuzzy_match(&before, &earlier);
                prop_assert_eq!(score_afresh(m, &text, &word), skim(&text, &word));
                Ok(())
            })?;
        }
    }

    #[test]
    fn a_word_starting_where_skim_gives_a_bonus_bounds_its_first_letter() {
        // `k` starts no word of the first text: its best is inside one, below a start.
        let bound = |word: &str, text: &str| start_bound_in(&Word::new(word), text);
        let inside = bound("k", " okay");
        let start = bound("k", " ok kay");
        assert!(inside < start);
        assert_eq!(Some(inside), skim(" okay", "k"));
        assert_eq!(Some(start), skim(" ok kay", "k"));
        // A camel hump counts as a start.
        let hump = bound("k", " GelKayano");
        assert!(hump > inside);
        assert!(hump >= skim(" GelKayano", "k").unwrap());
        // Two letters that start a word together bound higher than apart.
        assert!(bound("ka", " Kayano") > bound("ka", " Kite Air"));
        assert_eq!(Some(bound("ka", " Kayano")), skim(" Kayano", "ka"));
    }

    #[test]
    fn one_letter_scores_follow_the_character_before() {
        for (text, word) in [
            ("kayano", "k"),
            ("Kayano", "k"),
            ("Gel-Kayano", "k"),
            ("kk", "k"),
        ] {
            let prepared = Word::new(word);
            assert!(prepared.bound_is_exact());
            assert_eq!(prepared.bound(text), skim(text, word), "{text}");
        }
        assert!(!Word::new("K").matches("kayano"));
    }

    #[test]
    fn two_letters_at_a_word_start_are_bounded_by_their_own_score() {
        for (text, word) in [(" Neka Co", "ne"), (" Kayano", "ka"), (" Gel-Kayano", "ka")] {
            let bound = Word::new(word).bound(text);
            assert_eq!(bound, skim(text, word), "{word:?} in {text:?}");
        }
    }
}
