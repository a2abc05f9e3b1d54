//! The `kicktime` binary: parse the arguments and hand off to the command line or the browser.

use std::process::ExitCode;

use clap::Parser;
use kicktime::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => cli::browse(&cli),
    }
}
