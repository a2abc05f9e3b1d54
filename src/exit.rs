//! The exit statuses, shared by the command line and the browser (README lists them).

/// Nothing found: an empty list or search, an unknown id.
pub const NOTHING_FOUND: u8 = 1;
/// A usage error: a bad argument, flag or config file.
pub const USAGE: u8 = 2;
/// A dataset that cannot be read or is invalid.
pub const DATA: u8 = 3;
/// An output error, or a collection that could not be saved.
pub const IO: u8 = 4;
