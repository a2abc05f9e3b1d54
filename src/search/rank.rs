//! Ranking the best rows of a search without scoring every match. Each match comes with an
//! upper bound on its score; matches are taken in order of falling bound, each asked for a
//! tighter bound (dearer) and then its score (dearer still) only while it could still reach the
//! rows kept, and ranking stops as soon as no bound left can. A short query on a large dataset
//! matches most entries, but only those that could be among the rows shown are looked at.

use std::cmp::Reverse;

use super::{Hit, in_parallel};

/// A match before scoring: 8 bytes, as a short query on a large dataset has one per entry.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    entry: u32,
    /// No score of this entry is higher.
    bound: i32,
}

impl Candidate {
    pub fn new(entry: usize, bound: i64) -> Candidate {
        Candidate {
            entry: entry as u32,
            // Rounded up if ever out of range, so that it stays a bound.
            bound: i32::try_from(bound).unwrap_or(i32::MAX),
        }
    }

    pub fn entry(&self) -> usize {
        self.entry as usize
    }

    pub fn bound(&self) -> i64 {
        i64::from(self.bound)
    }
}

/// Above this many bound values, candidates are sorted instead of counted into buckets.
const MAX_BUCKETS: i64 = 1 << 16;

/// Scoring this many matches takes long enough to be worth splitting across threads.
pub(super) const SCORE_IN_PARALLEL_FROM: usize = 2_000;

/// Which of a candidate's numbers is its score, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// Its bound: nothing needs scoring.
    Bound,
    /// Its tight bound: what `tight` gives is the score.
    Tight,
    /// Neither: `score` gives it.
    Neither,
}

/// The best `limit` of `candidates`, best first: by score, then by `tie` (lower first), then by
/// timeline position. `score` gives the true score, unless `known` says it is known already.
/// `tight` gives a second bound, dearer than a candidate's but cheaper than its score: once
/// `limit` rows are kept, a candidate whose tight bound cannot reach the worst of them is not
/// scored.
pub fn best(
    candidates: Vec<Candidate>,
    limit: usize,
    known: Known,
    tie: impl Fn(usize) -> u32 + Sync,
    score: impl Fn(usize) -> i64 + Sync,
    tight: impl Fn(usize) -> i64 + Sync,
) -> Vec<Hit> {
    let key = |h: &Hit| (Reverse(h.score), tie(h.entry), h.entry);
    let keep_best = |hits: &mut Vec<Hit>| {
        if limit < hits.len() {
            hits.select_nth_unstable_by_key(limit, key);
            hits.truncate(limit);
        }
    };
    let score_all = |group: &[Candidate]| -> Vec<Hit> {
        in_parallel(group, SCORE_IN_PARALLEL_FROM, |c| {
            Some(Hit {
                entry: c.entry(),
                score: if known == Known::Bound {
                    c.bound()
                } else {
                    score(c.entry())
                },
            })
        })
    };
    let mut kept = if known == Known::Bound {
        // The bounds are the scores: the best candidates are the best hits, chosen before any
        // hit is made (a short query can have a candidate per entry).
        let mut candidates = candidates;
        if limit < candidates.len() {
            let order = |c: &Candidate| (Reverse(c.bound()), tie(c.entry()), c.entry());
            candidates.select_nth_unstable_by_key(limit, order);
            candidates.truncate(limit);
        }
        candidates
            .into_iter()
            .map(|c| Hit {
                entry: c.entry(),
                score: c.bound(),
            })
            .collect()
    } else if limit >= candidates.len() {
        score_all(&candidates)
    } else {
        let mut kept: Vec<Hit> = Vec::new();
        'groups: for (bound, group) in by_falling_bound(&candidates) {
            // Keyed only once reached: the lower groups are seldom looked at.
            let mut group: Vec<u64> = in_parallel(&group, SCORE_IN_PARALLEL_FROM, |c| {
                Some(group_key(tie(c.entry()), c.entry()))
            });
            // Within a group, best tie-break first, in slices that double in size: once the
            // best a candidate could do cannot displace the worst row kept, neither can any
            // candidate after it, in this group or a lower one.
            let mut slice_len = limit.max(FIRST_SLICE);
            while !group.is_empty() {
                let slice = take_lowest(&mut group, slice_len);
                let (first_tie, first_entry) = tie_and_entry(slice[0]);
                let could = (Reverse(bound), first_tie, first_entry);
                let worst = (kept.len() >= limit)
                    .then(|| kept.iter().map(key).max())
                    .flatten();
                if worst.is_some_and(|w| w <= could) {
                    break 'groups;
                }
                // The slice's tight bounds, then its matches scored best tight bound first, in
                // chunks, each raising the bar the rest must reach.
                let mut tightened = in_parallel(&slice, SCORE_IN_PARALLEL_FROM, |&key| {
                    let (_, entry) = tie_and_entry(key);
                    let bound = tight(entry);
                    let could = (Reverse(bound), tie(entry), entry);
                    worst
                        .is_none_or(|w| w >= could)
                        .then(|| Candidate::new(entry, bound))
                });
                if known == Known::Tight {
                    // The tight bounds are the scores: nothing to score, and no order needed.
                    kept.extend(tightened.iter().map(|c| Hit {
                        entry: c.entry(),
                        score: c.bound(),
                    }));
                    keep_best(&mut kept);
                    slice_len *= 2;
                    continue;
                }
                tightened.sort_unstable_by_key(|c| (Reverse(c.bound()), tie(c.entry()), c.entry()));
                let chunk_len = if kept.len() >= limit {
                    CHUNK
                } else {
                    limit.max(CHUNK)
                };
                for chunk in tightened.chunks(chunk_len) {
                    let worst = (kept.len() >= limit)
                        .then(|| kept.iter().map(key).max())
                        .flatten();
                    let first = (
                        Reverse(chunk[0].bound()),
                        tie(chunk[0].entry()),
                        chunk[0].entry(),
                    );
                    if worst.is_some_and(|w| w <= first) {
                        break;
                    }
                    kept.extend(in_parallel(chunk, SCORE_IN_PARALLEL_FROM, |c| {
                        let entry = c.entry();
                        let could = (Reverse(c.bound()), tie(entry), entry);
                        if worst.is_some_and(|w| w < could) {
                            return None;
                        }
                        Some(Hit {
                            entry,
                            score: score(entry),
                        })
                    }));
                    keep_best(&mut kept);
                }
                keep_best(&mut kept);
                slice_len *= 2;
            }
        }
        kept
    };
    keep_best(&mut kept);
    kept.sort_unstable_by_key(key);
    kept
}

/// The first slice of a group holds at least this many candidates.
const FIRST_SLICE: usize = 256;

/// Once the rows are full, a slice's matches are scored this many at a time, best tight bound
/// first, so that each chunk can raise the bar for the next.
const CHUNK: usize = 2_048;

/// A candidate in a group of equal bounds: its tie-break and timeline position in one number,
/// which orders them as ranking does.
fn group_key(tie: u32, entry: usize) -> u64 {
    (u64::from(tie) << 32) | entry as u64
}

fn tie_and_entry(key: u64) -> (u32, usize) {
    ((key >> 32) as u32, (key & 0xffff_ffff) as usize)
}

/// Removes the `count` lowest keys from `group` and returns them, the lowest first and the
/// others in no order.
fn take_lowest(group: &mut Vec<u64>, count: usize) -> Vec<u64> {
    if count < group.len() {
        group.select_nth_unstable(count);
    }
    let rest = group.split_off(count.min(group.len()));
    let mut slice = std::mem::replace(group, rest);
    let lowest = (0..slice.len()).min_by_key(|&i| slice[i]);
    slice.swap(0, lowest.unwrap_or(0));
    slice
}

/// The candidates in groups of equal bound, highest bound first.
fn by_falling_bound(candidates: &[Candidate]) -> Vec<(i64, Vec<Candidate>)> {
    if candidates.is_empty() {
        return Vec::new();
    }
    let (low, high) = candidates
        .iter()
        .fold((i64::MAX, i64::MIN), |(low, high), c| {
            (low.min(c.bound()), high.max(c.bound()))
        });
    if high.saturating_sub(low) >= MAX_BUCKETS {
        let mut sorted = candidates.to_vec();
        sorted.sort_by_key(|c| Reverse(c.bound()));
        return sorted
            .chunk_by(|a, b| a.bound() == b.bound())
            .map(|group| (group[0].bound(), group.to_vec()))
            .collect();
    }
    // Counted first, so that each bucket is made at its size.
    let mut sizes = vec![0usize; (high - low + 1) as usize];
    for c in candidates {
        sizes[(high - c.bound()) as usize] += 1;
    }
    let mut buckets: Vec<Vec<Candidate>> = sizes.into_iter().map(Vec::with_capacity).collect();
    for &c in candidates {
        buckets[(high - c.bound()) as usize].push(c);
    }
    (buckets.into_iter().enumerate())
        .filter(|(_, b)| !b.is_empty())
        .map(|(i, b)| (high - i as i64, b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_scoring_once_no_bound_can_reach_the_kept_rows() {
        let candidates: Vec<Candidate> = (0..100)
            .map(|entry| Candidate {
                entry,
                bound: if entry < 10 { 50 } else { 20 },
            })
            .collect();
        let scored = std::sync::atomic::AtomicUsize::new(0);
        let hits = best(
            candidates,
            3,
            Known::Neither,
            |_| 0,
            |entry| {
                scored.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if entry < 10 { 40 - entry as i64 } else { 20 }
            },
            |_| i64::MAX,
        );
        assert_eq!(hits.iter().map(|h| h.entry).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(scored.into_inner(), 10);
    }

    #[test]
    fn among_equal_bounds_only_the_best_tie_breaks_are_scored() {
        let candidates: Vec<Candidate> = (0..10_000)
            .map(|entry| Candidate { entry, bound: 30 })
            .collect();
        let scored = std::sync::atomic::AtomicUsize::new(0);
        let hits = best(
            candidates,
            3,
            Known::Neither,
            |entry| entry as u32 % 5_000,
            |_| {
                scored.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                30
            },
            |_| i64::MAX,
        );
        assert_eq!(
            hits.iter().map(|h| h.entry).collect::<Vec<_>>(),
            [0, 5_000, 1]
        );
        assert_eq!(scored.into_inner(), FIRST_SLICE);
    }

    #[test]
    fn a_bound_equal_to_the_worst_kept_score_is_still_scored_for_its_tie_break() {
        let candidates = [
            Candidate {
                entry: 0,
                bound: 30,
            },
            Candidate {
                entry: 1,
                bound: 20,
            },
        ];
        // Entry 1 scores as much as entry 0 but wins on the tie break.
        let hits = best(
            candidates.to_vec(),
            1,
            Known::Neither,
            |entry| 1 - entry as u32,
            |_| 20,
            |_| 20,
        );
        assert_eq!(hits[0].entry, 1);
    }

    #[test]
    fn a_match_whose_tight_bound_cannot_reach_the_kept_rows_is_not_scored() {
        // Every bound is 50, but only the even entries can really score more than 10.
        let candidates: Vec<Candidate> = (0..4_000)
            .map(|entry| Candidate { entry, bound: 50 })
            .collect();
        let real = |entry: usize| if entry.is_multiple_of(2) { 40 } else { 10 };
        let scored = std::sync::atomic::AtomicUsize::new(0);
        let hits = best(
            candidates,
            300,
            Known::Neither,
            |_| 0,
            |entry| {
                scored.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                real(entry)
            },
            |entry| real(entry) + 1,
        );
        assert_eq!(hits.len(), 300);
        assert!(hits.iter().all(|h| h.score == 40 && h.entry % 2 == 0));
        // Slices of 300, then 600, fill the rows kept with 40s; after that an odd entry (at
        // most 11) cannot reach them and is not scored: 2,000 even entries and the 450 odd ones
        // of the first two slices are, of 4,000.
        let scored = scored.into_inner();
        assert!(scored <= 2_450, "{scored} scored");
    }
}
