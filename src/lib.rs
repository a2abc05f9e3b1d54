//! kicktime: a terminal browser for the history of sneakers.
//!
//! The data flows one way: [`load`] reads and parses RON files into [`model`] types,
//! [`validate`] checks them across files, [`store`] indexes them into a timeline, [`search`]
//! queries it, and [`cli`] and [`tui`] show it.

pub mod cache;
pub mod cli;
pub mod collection;
pub mod collection_commands;
pub mod config;
pub mod date;
pub mod detail;
pub mod exit;
pub mod groups;
pub mod import;
pub mod lineage;
pub mod load;
pub mod model;
pub mod open;
pub mod output;
pub mod places;
pub mod profile;
pub mod progress;
pub mod raw;
pub mod report;
pub mod search;
pub mod sources;
pub mod split_parse;
pub mod stats;
pub mod store;
pub mod synthetic;
pub mod text;
pub mod tui;
pub mod validate;
