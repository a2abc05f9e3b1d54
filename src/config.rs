//! The configuration file, `config.ron` in the platform's configuration folder
//! (`$XDG_CONFIG_HOME/kicktime/` on Linux), or the file `--config PATH` or `KICKTIME_CONFIG`
//! names: the keymap, the theme and its colours, folders of one's own entries, and where the
//! browser starts. A file that cannot be read is an error with its `line:column` and, for a
//! misspelt name, the nearest right one; kicktime then stops before taking the terminal.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::Deserialize;

use crate::tui::theme::ThemeChoice;

/// The file's name inside the configuration folder.
pub const FILE_NAME: &str = "config.ron";

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// `Auto`, `Dark`, `Light` or `Mono`; `--theme` overrides it.
    pub theme: Option<ThemeChoice>,
    /// Colours of the theme's parts by name (`accent`, `model`, `collab`...): a name of the
    /// terminal's palette (`lightblue`), a number (`75`) or RGB (`#5fafff`).
    pub colours: BTreeMap<String, String>,
    /// New keys for actions by name (`lineage: ["L"]`); see `kicktime config --default`.
    pub keys: BTreeMap<String, Vec<String>>,
    /// Files or folders of one's own entries, added on top of the built-in history; a relative
    /// path is read from the config file's folder, `~/` from the home folder.
    pub add: Vec<PathBuf>,
    /// The view the browser opens on.
    pub start: Start,
    /// How search results with words are listed.
    pub sort: Sort,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
pub enum Start {
    #[default]
    Timeline,
    Overview,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
pub enum Sort {
    /// Best match first.
    #[default]
    Ranked,
    /// In timeline order, like a filter.
    Timeline,
}

/// Where the configuration was looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `--config PATH`.
    Argument,
    /// `KICKTIME_CONFIG`.
    Variable,
    /// The platform's configuration folder.
    Default,
}

/// A configuration file that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The configuration file in use: the one `--config` or `KICKTIME_CONFIG` names (an empty
/// variable counts as unset), else `config.ron` in the platform's configuration folder.
pub fn path(explicit: Option<&Path>) -> Option<(PathBuf, Origin)> {
    if let Some(path) = explicit {
        return Some((path.to_path_buf(), Origin::Argument));
    }
    if let Some(path) = std::env::var_os("KICKTIME_CONFIG").filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(path), Origin::Variable));
    }
    let dirs = directories::ProjectDirs::from("", "", "kicktime")?;
    Some((dirs.config_dir().join(FILE_NAME), Origin::Default))
}

/// Reads the configuration: the defaults when no file is named and the default one does not
/// exist; an error when a named file is missing or any file cannot be read.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let Some((path, origin)) = path(explicit) else {
        return Ok(Config::default());
    };
    let shown = path.display().to_string();
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && origin == Origin::Default => {
            return Ok(Config::default());
        }
        Err(e) => {
            let from = match origin {
                Origin::Variable => " (named by KICKTIME_CONFIG)",
                _ => "",
            };
            return Err(ConfigError {
                file: shown,
                line: None,
                message: format!("cannot be read{from}: {e}"),
            });
        }
    };
    let mut config = parse(&shown, &text)?;
    // `add: ["mine"]` means the folder beside the config file, wherever kicktime is run from;
    // `~/` is the home folder.
    let beside = path.parent().unwrap_or(Path::new("."));
    config.add = (config.add.into_iter())
        .map(|p| resolve(&p, beside))
        .collect();
    Ok(config)
}

/// `path` as written in the config file, made absolute: `~/…` from the home folder, a
/// relative path from `beside` (the config file's folder).
fn resolve(path: &Path, beside: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix("~")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    beside.join(path)
}

/// Reads a configuration file's text; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Config, ConfigError> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let config: Config = options.from_str(text).map_err(|e| ConfigError {
        file: file.to_string(),
        line: Some((e.span.start.line.max(1), e.span.start.col.max(1))),
        message: explain(&e.code, text),
    })?;
    // Key names are checked here, by the keymap, so that the error points at the name.
    if let Err(errors) = crate::tui::keys::Keymap::with(&config.keys) {
        let first = &errors[0];
        let name = first.split('"').nth(1).unwrap_or_default();
        return Err(ConfigError {
            file: file.to_string(),
            line: position_of(text, &format!("\"{name}\"")),
            message: errors.join("; "),
        });
    }
    if let Err(errors) = crate::tui::theme::Theme::dark().with_colours(&config.colours) {
        let name = errors[0].split('"').nth(1).unwrap_or_default();
        return Err(ConfigError {
            file: file.to_string(),
            line: position_of(text, &format!("\"{name}\"")),
            message: errors.join("; "),
        });
    }
    Ok(config)
}

/// ron's message, with the nearest right name for a misspelt field, and a hint for a `#`
/// comment (RON's comments are `//`).
fn explain(error: &ron::Error, text: &str) -> String {
    let message = crate::text::sanitize(&error.to_string()).into_owned();
    if let ron::Error::NoSuchStructField {
        expected, found, ..
    } = error
    {
        return format!("{message}{}", did_you_mean(found, expected));
    }
    if let ron::Error::NoSuchEnumVariant {
        expected, found, ..
    } = error
    {
        return format!("{message}{}", did_you_mean(found, expected));
    }
    if text.lines().any(|l| l.trim_start().starts_with('#')) {
        return format!("{message} (comments in RON start with //, not #)");
    }
    message
}

/// "; did you mean \"keys\"?" when a known name is close to `found`.
pub fn did_you_mean(found: &str, known: &[&str]) -> String {
    let nearest = known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(found, k), *k))
        .min();
    match nearest {
        Some((distance, name)) if distance <= 3.max(found.len() / 3) => {
            format!("; did you mean {name:?}?")
        }
        _ => String::new(),
    }
}

/// The line and column (1-based) of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> Option<(usize, usize)> {
    let at = text.find(needle)?;
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at]
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count())
        + 1;
    Some((line, column))
}

/// A complete default configuration, every setting commented.
pub fn default_file() -> String {
    let mut keys = String::new();
    let keymap = crate::tui::keys::Keymap::default();
    for name in crate::tui::keys::Keymap::names() {
        let binding = keymap.bindings.iter().find(|b| b.name == name);
        let Some(binding) = binding else { continue };
        let written: Vec<String> = binding
            .keys
            .iter()
            .map(|k| format!("{:?}", k.config_name()))
            .collect();
        keys.push_str(&format!(
            "        // {}\n        {name:?}: [{}],\n",
            binding.description,
            written.join(", ")
        ));
    }
    format!(
        r##"// kicktime's configuration. Every setting is optional; a missing one keeps its default.
// RON syntax: comments start with //, strings are in double quotes, lists in [ ].
Config(
    // The colours: Auto (light when COLORFGBG says the background is light), Dark, Light or
    // Mono (no colour; NO_COLOR also turns colour off). `--theme` overrides it.
    theme: Auto,

    // Colours of parts of the theme, by name: accent, model, reissue, collab, text, dim,
    // title, border, year, brand, collaborator, label, error. A colour is a name of the
    // terminal's palette ("lightblue", "darkgray"), a palette number ("75") or RGB ("#5fafff").
    colours: {{
        // "accent": "lightblue",
    }},

    // Keys of the browser, by action. Each action takes a list of keys: a character ("q",
    // "G", "?"), a named key ("enter", "esc", "tab", "backtab", "backspace", "up", "down",
    // "left", "right", "home", "end", "pgup", "pgdn", "space", "f1"), with "ctrl-", "alt-" or
    // "shift-" in front. A remapped action moves everywhere it applies; two actions on one key
    // where both apply are reported when kicktime starts. The digits 1-9 and 0 (eras) are fixed.
    keys: {{
{keys}    }},

    // Files or folders of your own entries (RON files like data/), added on top of the
    // built-in history, as well as the data folder of kicktime's own folder
    // (~/.local/share/kicktime/data on Linux). A relative path starts beside this file.
    add: [],

    // Where the browser opens: Timeline or Overview.
    start: Timeline,

    // How search results with words are listed: Ranked (best match first) or Timeline (in
    // date order, like a filter).
    sort: Ranked,
)
"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        let config = parse("default", &default_file()).expect("the default file parses");
        let defaults = Config {
            theme: Some(ThemeChoice::Auto),
            ..Config::default()
        };
        let keys_back = crate::tui::keys::Keymap::with(&config.keys).unwrap();
        assert_eq!(keys_back.conflicts(), Vec::<String>::new());
        assert_eq!(
            Config {
                keys: BTreeMap::new(),
                ..config
            },
            defaults
        );
    }

    #[test]
    fn a_misspelt_setting_names_its_place_and_the_right_name() {
        let error = parse("c.ron", "Config(\n    thme: Dark,\n)").unwrap_err();
        assert_eq!(error.line, Some((2, 5)));
        assert!(error.message.contains("did you mean \"theme\""), "{error}");
        let error = parse("c.ron", "Config(\n  keys: {\"lineag\": [\"L\"]},\n)").unwrap_err();
        assert_eq!(error.line, Some((2, 10)));
        assert!(
            error.to_string().starts_with("c.ron:2:10: unknown action"),
            "{error}"
        );
        let error = parse("c.ron", "Config(\n  colours: {\"acent\": \"red\"},\n)").unwrap_err();
        assert!(error.message.contains("did you mean \"accent\""), "{error}");
        let error = parse("c.ron", "# a comment\nConfig()").unwrap_err();
        assert!(
            error.message.contains("comments in RON start with //"),
            "{error}"
        );
    }
}
