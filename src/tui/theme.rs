//! Every colour and text style of the browser, for dark, light and colourless terminals.
//!
//! Only the 16 ANSI colours and the terminal's own foreground and background are used, so the
//! terminal's palette decides the exact shades. `NO_COLOR` (set and not empty) turns colour off;
//! the selection then stays visible through reverse video and bold.

use ratatui::style::{Color, Modifier, Style};

use crate::store::EntryKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeChoice {
    /// Dark unless the terminal says its background is light (COLORFGBG); mono under NO_COLOR.
    Auto,
    Dark,
    Light,
    Mono,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub matched: Style,
    pub era_heading: Style,
    pub tab: Style,
    pub tab_current: Style,
    pub year: Style,
    pub brand: Style,
    pub collaborator: Style,
    pub model: Style,
    pub reissue: Style,
    pub collab: Style,
    pub label: Style,
    pub link: Style,
    pub link_selected: Style,
    pub key: Style,
    pub error: Style,
    pub disputed: Style,
    pub filter: Style,
}

impl Theme {
    /// The theme for a choice, reading `NO_COLOR` and `COLORFGBG` from the environment.
    pub fn from_env(choice: ThemeChoice) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let light_background = std::env::var("COLORFGBG")
            .ok()
            .and_then(|v| v.rsplit(';').next().and_then(|bg| bg.parse::<u8>().ok()))
            .is_some_and(|bg| bg == 7 || bg >= 9);
        match choice {
            _ if no_color => Theme::mono(),
            ThemeChoice::Mono => Theme::mono(),
            ThemeChoice::Light => Theme::light(),
            ThemeChoice::Dark => Theme::dark(),
            ThemeChoice::Auto if light_background => Theme::light(),
            ThemeChoice::Auto => Theme::dark(),
        }
    }

    pub fn dark() -> Theme {
        Theme::coloured(Color::Yellow, Color::Cyan, Color::Magenta, Color::Green)
    }

    pub fn light() -> Theme {
        Theme::coloured(Color::Blue, Color::Magenta, Color::Red, Color::Green)
    }

    fn coloured(accent: Color, second: Color, third: Color, fourth: Color) -> Theme {
        let plain = Style::new();
        let bold = Modifier::BOLD;
        Theme {
            text: plain,
            dim: plain.add_modifier(Modifier::DIM),
            title: plain.add_modifier(bold),
            border: plain.fg(Color::DarkGray),
            border_focused: plain.fg(accent),
            selected: plain.add_modifier(Modifier::REVERSED | bold),
            selected_unfocused: plain.add_modifier(Modifier::REVERSED),
            matched: plain.fg(accent).add_modifier(bold | Modifier::UNDERLINED),
            era_heading: plain.fg(second).add_modifier(bold),
            tab: plain,
            tab_current: plain.fg(accent).add_modifier(bold | Modifier::REVERSED),
            year: plain.fg(second),
            brand: plain.fg(third),
            collaborator: plain.fg(fourth),
            model: plain.fg(accent),
            reissue: plain.fg(second),
            collab: plain.fg(fourth),
            label: plain.fg(second),
            link: plain.add_modifier(Modifier::UNDERLINED),
            link_selected: plain.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            key: plain.fg(accent).add_modifier(bold),
            error: plain.fg(Color::Red).add_modifier(bold),
            disputed: plain.fg(Color::Red),
            filter: plain.fg(fourth).add_modifier(bold),
        }
    }

    pub fn mono() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let underlined = plain.add_modifier(Modifier::UNDERLINED);
        Theme {
            text: plain,
            dim: plain,
            title: bold,
            border: plain,
            border_focused: bold,
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: plain.add_modifier(Modifier::REVERSED),
            matched: underlined.add_modifier(Modifier::BOLD),
            era_heading: bold,
            tab: plain,
            tab_current: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            year: plain,
            brand: plain,
            collaborator: plain,
            model: bold,
            reissue: plain,
            collab: plain,
            label: bold,
            link: underlined,
            link_selected: plain.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            key: bold,
            error: bold,
            disputed: bold,
            filter: bold,
        }
    }

    pub fn kind(&self, kind: EntryKind) -> Style {
        match kind {
            EntryKind::Model => self.model,
            EntryKind::Reissue => self.reissue,
            EntryKind::Collab => self.collab,
        }
    }
}

/// The marker drawn before each entry: one column wide in every terminal.
pub fn marker(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Model => "●",
        EntryKind::Reissue => "↺",
        EntryKind::Collab => "×",
    }
}
