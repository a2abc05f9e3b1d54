//! Every colour and text style of the browser, for dark, light and colourless terminals.

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeChoice {
    Auto,
    Dark,
    Light,
    Mono,
}
