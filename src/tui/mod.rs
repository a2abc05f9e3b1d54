//! The full-screen timeline browser.

pub mod theme;

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::cli::{Cli, Command, FilterArgs, run};
use crate::output::Format;

/// Starts the browser; when stdout is not a terminal, prints the timeline as `list` would.
pub fn start(cli: &Cli) -> ExitCode {
    if !std::io::stdout().is_terminal() {
        let list = Command::List {
            filters: FilterArgs::default(),
            format: Format::Text,
        };
        return run(cli, &list);
    }
    run(
        cli,
        &Command::List {
            filters: FilterArgs::default(),
            format: Format::Text,
        },
    )
}
