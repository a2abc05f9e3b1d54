//! The queries the search benches run (`search.rs` one at a time, `typing.rs` keystroke by
//! keystroke): short and long words, field filters, and the shortest, costliest prefixes.

pub const QUERIES: &[&str] = &[
    "k",
    "kayano",
    "jjj",
    "brand:asics 14",
    "collab:ganni",
    "year:2020..2023 nb",
    "gel kayano 14 silver",
    "e",
    "ka",
    "ne",
    "kay",
    "air max 90 infrared",
];
