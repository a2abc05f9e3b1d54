//! One query word made ready for a haystack: whether it matches (exactly when fuzzy-matcher
//! would), and a cheap upper bound on fuzzy-matcher's score, so that entries which cannot reach
//! the rows shown need not be scored at all.
//!
//! The bound rests on how skim's V2 algorithm adds up a score. The first character of a word
//! scores the same wherever it could be matched, whatever follows: a match score, minus one, plus
//! a bonus that depends only on the character before it (a word start, a camel hump, a break
//! after punctuation) and doubled at the very start of the text. So the best first-character
//! score of a text is the best over the occurrences of that character, and for a one-character
//! word it *is* the score. Each further character adds at most a match score plus the largest
//! bonus that is not doubled (it cannot sit at the start of the text; the index's texts begin
//! with a space so that no doubled bonus lingers in skim's reused scratch matrix either). The
//! per-occurrence scores are not worked out here: they are asked of fuzzy-matcher itself, on
//! two-character texts, when the word is prepared. Tests check both claims against
//! fuzzy-matcher on random texts, and the ranking against scoring every match.

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
    /// Scores of the first character by what precedes it, when it is an ASCII letter or digit.
    first: Option<FirstChar>,
}

/// What one occurrence of a word's first character scores, by the character before it.
struct FirstChar {
    /// The bytes that match: the character as typed, and its other case unless the word is
    /// case-sensitive.
    forms: [u8; 2],
    /// The score at the very start of the text, for each form.
    at_start: [i32; 2],
    /// The score after each ASCII character, for each form.
    after: [[i32; 128]; 2],
    /// The matcher in the word's case mode, for the rare character before it beyond ASCII.
    matcher: SkimMatcherV2,
}

impl Word {
    pub fn new(text: &str) -> Word {
        let case_sensitive = text.bytes().any(|b| b.is_ascii_uppercase());
        Word {
            text: text.to_string(),
            chars: text.chars().count(),
            case_sensitive,
            bag: char_bag(text),
            first: text
                .chars()
                .next()
                .and_then(|c| FirstChar::new(c, case_sensitive)),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the word has one character whose score [`Word::bound`] gives exactly.
    pub fn bound_is_exact(&self) -> bool {
        self.chars == 1 && self.first.is_some()
    }

    /// `None` when the word does not match `text` (fuzzy-matcher would find no match), else an
    /// upper bound on its score, exact for a one-character word (see [`Word::bound_is_exact`]).
    /// `text_bag` is `text`'s [`char_bag`].
    pub fn bound(&self, text: &str, text_bag: u64) -> Option<i64> {
        if self.bag & !text_bag != 0 || !self.is_subsequence_of(text) {
            return None;
        }
        let first = match &self.first {
            Some(first) => first.best(text),
            None => max_first_score(),
        };
        Some(first + (self.chars as i64 - 1) * max_next_score())
    }

    /// Whether every character of the word appears in `text` in order, compared as skim
    /// compares them (ASCII case ignored unless the word is case-sensitive).
    fn is_subsequence_of(&self, text: &str) -> bool {
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
}

impl FirstChar {
    fn new(c: char, case_sensitive: bool) -> Option<FirstChar> {
        if !c.is_ascii_alphanumeric() {
            return None;
        }
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
        let score = |text: &str| matcher.fuzzy_match(text, &pattern).unwrap_or(i64::MIN) as i32;
        let mut at_start = [0; 2];
        let mut after = [[0; 128]; 2];
        for (form, &matched) in forms.iter().enumerate() {
            at_start[form] = score(&char::from(matched).to_string());
            for before in 0..128u8 {
                let stand_in = stand_in(before, byte);
                let window: String = [char::from(stand_in), char::from(matched)].iter().collect();
                after[form][usize::from(before)] = score(&window);
            }
        }
        Some(FirstChar {
            forms,
            at_start,
            after,
            matcher,
        })
    }

    /// The best score of the character over its occurrences in `text` (which holds one).
    fn best(&self, text: &str) -> i64 {
        let bytes = text.as_bytes();
        let mut best = i32::MIN;
        for at in memchr::memchr2_iter(self.forms[0], self.forms[1], bytes) {
            let form = usize::from(bytes[at] != self.forms[0]);
            let score = match at.checked_sub(1).map(|i| bytes[i]) {
                None => self.at_start[form],
                Some(before) if before.is_ascii() => self.after[form][usize::from(before)],
                Some(_) => self.after_wide(&text[..at], bytes[at]),
            };
            best = best.max(score);
        }
        i64::from(best)
    }

    /// The score after a character beyond ASCII (which never equals the ASCII character).
    fn after_wide(&self, before: &str, matched: u8) -> i32 {
        let previous = before.chars().next_back().unwrap_or(' ');
        let window: String = [previous, char::from(matched)].iter().collect();
        let pattern = char::from(self.forms[0]).to_string();
        self.matcher
            .fuzzy_match(&window, &pattern)
            .unwrap_or(i64::MIN) as i32
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
    let c = SkimScoreConfig::default();
    let bonus = [
        c.bonus_head,
        c.bonus_break,
        c.bonus_camel,
        c.bonus_consecutive,
    ]
    .into_iter()
    .max()
    .unwrap_or(0);
    i64::from(c.score_match + bonus)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn skim(text: &str, word: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .smart_case()
            .fuzzy_match(text, word)
    }

    /// Texts made of the characters skim tells apart: both cases, digits, separators of each
    /// kind and characters beyond ASCII.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                'a', 'b', 'k', 'K', 'A', 'Z', 'y', '0', '1', '4', ' ', '-', '/', '.', '(', '\'',
                'é', '日', 'x', 'X',
            ]),
            0..24,
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
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn matches_exactly_when_skim_does_and_never_scores_above_the_bound(
            text in text(),
            word in word(),
        ) {
            let prepared = Word::new(&word);
            let bound = prepared.bound(&text, char_bag(&text));
            let score = skim(&text, &word);
            prop_assert_eq!(bound.is_some(), score.is_some());
            if let (Some(bound), Some(score)) = (bound, score) {
                prop_assert!(score <= bound, "{word:?} in {text:?}: {score} > {bound}");
                if prepared.bound_is_exact() {
                    prop_assert_eq!(score, bound, "{:?} in {:?}", word, text);
                }
            }
        }
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
            assert_eq!(
                prepared.bound(text, char_bag(text)),
                skim(text, word),
                "{text}"
            );
        }
        assert_eq!(Word::new("K").bound("kayano", char_bag("kayano")), None);
    }
}
