//! A tight bound on a longer word's score, for ranking: skim's own recurrence followed on the
//! occurrences of each of the word's characters only, with every cell skim reads counted,
//! those no match wrote included.
//!
//! [`Word::bound`] must be cheap, as every candidate gets one, so past the first two characters
//! it counts any gap as one character. That leaves a word such as `bra` or `kaya` a loose bound
//! on a million entries, and thousands of matches are scored before the best rows are known.
//! This bound costs a walk over a few occurrences, where scoring fills skim's whole matrix: the
//! search ranks a word's matches by it when they are few enough, and otherwise asks it of each
//! match about to be scored, skipping those that cannot reach the rows kept.
//!
//! skim (fuzzy-matcher 0.3.7, `build_score_matrix`) fills two rows of cells, the rows taking
//! turns from one character of the word to the next. For character `k` and column `c` (text
//! character `c - 1`) it keeps `M` (the best score with character `k` there) and `P` (the best
//! with it matched earlier and skipped since):
//! - `M_k(c) = max(M_{k-1}(c-1) + consecutive bonus, P_{k-1}(c-1) + bonus at c) + match score`
//!   where the text character matches, else minus infinity;
//! - `P_k(c) = max(M_k(c-1) + gap start + gap step, P_k(c-1) + gap step)`.
//!
//! Its loop for character `k` starts after `k`'s first greedy match, `f_k`, reading the cell at
//! `f_k` as it was: for the first character a reset cell (nothing), for the second a reset one
//! (a `P` of one gap step), for a later one the cell character `k - 2` wrote in the same row.
//! That last cell is where the loose bound's "gap as one character" came from: a later
//! character can continue from character `k - 2`'s values with `k - 1` never matched. skim
//! also takes its answer from the last row starting at that same column, so a word's score
//! can be the score of all but its last two characters.

use super::word::{CharScores, max_bonus};
use fuzzy_matcher::skim::SkimScoreConfig;

/// Below any score skim can give a text that matches (its own minus infinity is -32,768, and
/// matched texts score within a few hundred of zero).
const NOTHING: i32 = i32::MIN / 4;

/// The most characters a word may have for this bound; longer words keep the cheap bound.
pub const MAX_CHARS: usize = 16;

/// The most occurrences followed, of all the word's characters together: a text with more
/// (a long one, of few letters) keeps the cheap bound.
const MAX_OCCURRENCES: usize = 256;

/// The bound of a word whose characters score as `scores` (ASCII letters and digits), which
/// may carry a bonus at the characters where `may_carry` says so, in the ASCII `text`; `None`
/// when the word does not match or the text has too many occurrences to follow.
pub fn bound(scores: &[&CharScores], may_carry: &[bool], text: &str) -> Option<i64> {
    thread_local! {
        /// The occurrences followed, kept between calls: a fresh array for each would cost
        /// more to clear than the walk itself.
        static FOUND: std::cell::RefCell<Vec<(usize, i32)>> =
            std::cell::RefCell::new(Vec::with_capacity(MAX_OCCURRENCES));
    }
    FOUND.with_borrow_mut(|found| {
        found.clear();
        bound_with(found, scores, may_carry, text)
    })
}

/// [`bound`], with `found` (empty) to keep the occurrences in.
fn bound_with(
    found: &mut Vec<(usize, i32)>,
    scores: &[&CharScores],
    may_carry: &[bool],
    text: &str,
) -> Option<i64> {
    let bytes = text.as_bytes();
    let c = SkimScoreConfig::default();
    let (start, step) = (c.gap_start, c.gap_extension);
    // The greedy first match of each character.
    let mut first = [0usize; MAX_CHARS];
    let mut at = 0;
    for (k, s) in scores.iter().enumerate() {
        let found = memchr::memchr2(s.forms[0], s.forms[1], bytes.get(at..)?)? + at;
        first[k] = found;
        at = found + 1;
    }
    // Per character: its occurrences from its first match, each with a bound on `M` there
    // (kept end to end in `found`, character `k`'s at `spans[k]`), and its `P` at the column
    // after its first match.
    let mut spans = [(0usize, 0usize); MAX_CHARS];
    let mut count = 0;
    let mut opening = [NOTHING; MAX_CHARS];
    for (k, s) in scores.iter().enumerate() {
        opening[k] = match k {
            0 => NOTHING,
            // Row 0 is reset with a `P` of one gap step.
            1 => 2 * step,
            // The cell character `k - 2` left at column `first[k]`.
            _ => {
                let two_back = &found[spans[k - 2].0..spans[k - 2].1];
                let m = m_at(two_back, first[k] - 1);
                let p = p_at(two_back, opening[k - 2], first[k - 2], first[k]);
                plus(m, start + step).max(plus(p, step))
            }
        };
        let previous = if k > 0 { spans[k - 1] } else { (count, count) };
        let mut next_previous = previous.0;
        // The best of `M_{k-1}(i) - step * i` over the occurrences `i` two or more back.
        let mut gapped = NOTHING;
        let level_start = count;
        let from = first[k];
        for p in memchr::memchr2_iter(s.forms[0], s.forms[1], &bytes[from..]).map(|i| i + from) {
            let here = s.at(text, p);
            let m = if k == 0 {
                // After the reset row's `P` of one gap step.
                here + step
            } else {
                while next_previous < previous.1 {
                    let (i, m) = found[next_previous];
                    if i + 2 > p {
                        break;
                    }
                    gapped = gapped.max(plus(m, -step * i as i32));
                    next_previous += 1;
                }
                // `P_{k-1}` at column `p`: from a match of `k - 1` at least two back, or from
                // the cell at its first column.
                let from_match = plus(gapped, start + step * (p as i32 - 1));
                let opened = plus(opening[k - 1], step * (p as i32 - first[k - 1] as i32 - 1));
                let skipped = plus(from_match.max(opened), here);
                let plain = s.plain[s.form_of(bytes[p])];
                let bonus = here - plain;
                // The bonus skim carries into a consecutive match from the cell before: more
                // than its own only when character `k - 2`'s pass left that cell unwritten,
                // which needs character `k - 2` at the text character before (and the word's
                // letters placed as `Word::may_carry` says).
                let carried =
                    if k >= 2 && may_carry[k] && scores[k - 2].forms.contains(&bytes[p - 1]) {
                        max_bonus()
                    } else {
                        0
                    };
                let right_after = plus(
                    m_at(&found[previous.0..previous.1], p - 1),
                    plain + bonus.max(carried.max(c.bonus_consecutive)),
                );
                skipped.max(right_after)
            };
            if count == MAX_OCCURRENCES {
                return None;
            }
            found.push((p, m));
            count += 1;
        }
        spans[k] = (level_start, count);
    }
    let n = scores.len();
    let best = found[spans[n - 1].0..spans[n - 1].1]
        .iter()
        .map(|&(_, m)| m)
        .max()?;
    // skim takes the best of the last row from the column of the last character's first match
    // on, and that column's cell is the one character `n - 3` wrote: a word can score as its
    // first characters only.
    let stale = m_at(&found[spans[n - 3].0..spans[n - 3].1], first[n - 1] - 1);
    let best = best.max(stale);
    (best > NOTHING / 2).then_some(i64::from(best))
}

/// `value + add`, staying nothing when `value` is.
fn plus(value: i32, add: i32) -> i32 {
    if value <= NOTHING / 2 {
        NOTHING
    } else {
        value + add
    }
}

/// `M` of a character at text position `p` (column `p + 1`): its bound when it occurs there.
fn m_at(level: &[(usize, i32)], p: usize) -> i32 {
    level
        .binary_search_by_key(&p, |&(i, _)| i)
        .map_or(NOTHING, |at| level[at].1)
}

/// `P` of a character at column `column`, past the column after its first match `first`: from
/// its matches at least two back, or from `opening` (its `P` at `first + 1`).
fn p_at(level: &[(usize, i32)], opening: i32, first: usize, column: usize) -> i32 {
    let c = SkimScoreConfig::default();
    let from_matches = (level.iter())
        .take_while(|&&(i, _)| i + 2 <= column)
        .map(|&(i, m)| plus(m, c.gap_start + c.gap_extension * (column - i - 1) as i32))
        .max()
        .unwrap_or(NOTHING);
    let opened = plus(
        opening,
        c.gap_extension * (column as i32 - first as i32 - 1),
    );
    from_matches.max(opened)
}
