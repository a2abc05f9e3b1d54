//! Every colour and text style of the browser, for dark, light and colourless terminals: the
//! one place the look is decided.
//!
//! The hierarchy: titles read first (bold), dates and brands second (plain), everything else
//! dim; borders are quiet and only the focused pane's border and the selection carry the
//! accent; each kind of entry (model, reissue, collab) has one colour, used alike in the rows,
//! the detail pane and the charts. Only the terminal's own palette (the 16 ANSI colours) is
//! used, so the terminal's theme decides the exact shades. `NO_COLOR` (set and not empty)
//! turns colour off: the selection then shows through reverse video, and chart series through
//! distinct glyphs.

use ratatui::style::{Color, Modifier, Style};

use crate::store::EntryKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
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
    /// A pane's or a page's heading.
    pub title: Style,
    /// An entry's title in a list.
    pub title_text: Style,
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
    pub status: Style,
    pub disputed: Style,
    pub filter: Style,
    pub chart_cursor: Style,
    pub band: Style,
    pub band_alternate: Style,
    /// Colours for chart series that are not kinds (brands), in order.
    palette: [Style; 8],
    /// Whether series are told apart by glyph rather than colour.
    mono: bool,
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
        Theme::coloured(Colours {
            accent: Color::LightBlue,
            model: Color::Cyan,
            reissue: Color::Magenta,
            collab: Color::Yellow,
        })
    }

    pub fn light() -> Theme {
        Theme::coloured(Colours {
            accent: Color::Blue,
            model: Color::Cyan,
            reissue: Color::Magenta,
            collab: Color::Red,
        })
    }

    fn coloured(c: Colours) -> Theme {
        let plain = Style::new();
        let bold = Modifier::BOLD;
        let dim = plain.add_modifier(Modifier::DIM);
        let quiet = plain.fg(Color::DarkGray);
        Theme {
            text: plain,
            dim,
            title: plain.add_modifier(bold),
            title_text: plain.add_modifier(bold),
            border: quiet,
            border_focused: plain.fg(c.accent),
            selected: plain.fg(c.accent).add_modifier(Modifier::REVERSED | bold),
            selected_unfocused: plain.add_modifier(Modifier::REVERSED),
            matched: plain.fg(c.accent).add_modifier(bold | Modifier::UNDERLINED),
            era_heading: plain.add_modifier(bold),
            tab: dim,
            tab_current: plain.fg(c.accent).add_modifier(bold | Modifier::REVERSED),
            year: plain,
            brand: plain,
            collaborator: plain.fg(c.collab),
            model: plain.fg(c.model),
            reissue: plain.fg(c.reissue),
            collab: plain.fg(c.collab),
            label: dim,
            link: plain.add_modifier(Modifier::UNDERLINED),
            link_selected: plain.fg(c.accent).add_modifier(Modifier::REVERSED),
            key: plain.fg(c.accent).add_modifier(bold),
            error: plain.fg(Color::Red).add_modifier(bold),
            status: plain.fg(c.accent),
            disputed: plain.fg(Color::Red),
            filter: plain.fg(c.accent).add_modifier(bold),
            chart_cursor: plain.fg(c.accent).add_modifier(bold),
            band: quiet.add_modifier(Modifier::REVERSED),
            band_alternate: dim,
            palette: [
                plain.fg(Color::Cyan),
                plain.fg(Color::Magenta),
                plain.fg(Color::Yellow),
                plain.fg(Color::Green),
                plain.fg(Color::Blue),
                plain.fg(Color::Red),
                plain.fg(Color::LightCyan),
                plain.fg(Color::LightMagenta),
            ],
            mono: false,
        }
    }

    pub fn mono() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let underlined = plain.add_modifier(Modifier::UNDERLINED);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        Theme {
            text: plain,
            dim: plain,
            title: bold,
            title_text: plain,
            border: plain,
            border_focused: bold,
            selected: reversed.add_modifier(Modifier::BOLD),
            selected_unfocused: reversed,
            matched: underlined.add_modifier(Modifier::BOLD),
            era_heading: bold,
            tab: plain,
            tab_current: reversed.add_modifier(Modifier::BOLD),
            year: plain,
            brand: plain,
            collaborator: plain,
            model: bold,
            reissue: plain,
            collab: plain,
            label: bold,
            link: underlined,
            link_selected: reversed.add_modifier(Modifier::UNDERLINED),
            key: bold,
            error: bold,
            status: bold,
            disputed: bold,
            filter: bold,
            chart_cursor: bold,
            band: reversed,
            band_alternate: plain,
            palette: [plain; 8],
            mono: true,
        }
    }

    /// This theme with the colours of some parts changed, by name (see
    /// `kicktime config --default`). `accent` recolours every part that carries the accent.
    pub fn with_colours(
        mut self,
        colours: &std::collections::BTreeMap<String, String>,
    ) -> Result<Theme, Vec<String>> {
        let mut errors = Vec::new();
        for (name, value) in colours {
            let Ok(colour) = value.parse::<Color>() else {
                errors.push(format!(
                    "colour {value:?} of {name:?} is not a colour (try \"lightblue\", \"75\" or \"#5fafff\")"
                ));
                continue;
            };
            let slots: Vec<&mut Style> = match name.as_str() {
                "accent" => vec![
                    &mut self.border_focused,
                    &mut self.selected,
                    &mut self.matched,
                    &mut self.tab_current,
                    &mut self.link_selected,
                    &mut self.key,
                    &mut self.status,
                    &mut self.filter,
                    &mut self.chart_cursor,
                ],
                "model" => vec![&mut self.model],
                "reissue" => vec![&mut self.reissue],
                "collab" => vec![&mut self.collab, &mut self.collaborator],
                "text" => vec![&mut self.text],
                "dim" => vec![&mut self.dim, &mut self.label, &mut self.tab],
                "title" => vec![&mut self.title, &mut self.title_text, &mut self.era_heading],
                "border" => vec![&mut self.border],
                "year" => vec![&mut self.year],
                "brand" => vec![&mut self.brand],
                "collaborator" => vec![&mut self.collaborator],
                "label" => vec![&mut self.label],
                "error" => vec![&mut self.error, &mut self.disputed],
                _ => {
                    errors.push(format!(
                        "unknown colour name {name:?}{}",
                        crate::config::did_you_mean(name, &COLOUR_NAMES)
                    ));
                    continue;
                }
            };
            for slot in slots {
                *slot = slot.fg(colour);
            }
            self.mono = false;
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }

    pub fn kind(&self, kind: EntryKind) -> Style {
        match kind {
            EntryKind::Model => self.model,
            EntryKind::Reissue => self.reissue,
            EntryKind::Collab => self.collab,
        }
    }

    /// A pane's border: the accent when it has the keys.
    pub fn border_for(&self, focused: bool) -> Style {
        if focused {
            self.border_focused
        } else {
            self.border
        }
    }

    /// A mark's style beside its symbol (the symbol is the cue that reads without colour):
    /// owned stands out, wanted is in the accent of collabs, sold is quiet.
    pub fn mark(&self, status: crate::collection::Status) -> Style {
        use crate::collection::Status;
        if self.mono {
            return Style::new().add_modifier(Modifier::BOLD);
        }
        match status {
            Status::Owned => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            Status::Wanted => self.collab,
            Status::Sold => self.dim,
        }
    }

    /// The style of chart series `i` that is not a kind (a brand).
    pub fn palette(&self, i: usize) -> Style {
        self.palette[i % self.palette.len()]
    }

    /// The glyph that fills a cell of chart series `i`: a full block in colour; without colour,
    /// a different shade for each series so they can be told apart.
    pub fn glyph(&self, i: usize) -> char {
        if self.mono {
            ['█', '▒', '░', '▓', '▚', '▞', '▙', '▟', '·'][i.min(8)]
        } else {
            '█'
        }
    }
}

/// The parts of a theme the config file can colour.
const COLOUR_NAMES: [&str; 13] = [
    "accent",
    "model",
    "reissue",
    "collab",
    "text",
    "dim",
    "title",
    "border",
    "year",
    "brand",
    "collaborator",
    "label",
    "error",
];

/// The few colours a coloured theme is made from.
struct Colours {
    accent: Color,
    model: Color,
    reissue: Color,
    collab: Color,
}

pub use crate::lineage::marker;
