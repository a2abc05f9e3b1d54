//! The one keymap: which key does what where. Key handling, the footer and the help overlay are
//! all read from one [`Keymap`], so the help always tells the truth, remapped keys included.
//!
//! Every binding has a name (`quit`, `lineage`, `next_era`); the config file's `keys` map gives
//! a name new keys, replacing its defaults in every scope the name appears in. Two bindings on
//! one key where both apply are a conflict, reported at start-up with both names.

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use crate::tui::action::Action;
use crate::tui::app::Context;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, even while typing.
    Always,
    /// Everywhere but while typing.
    Browsing,
    /// On the main screen: the timeline and the detail pane.
    Main,
    Timeline,
    Detail,
    /// While typing in the search bar or a picker.
    Typing,
    /// On the lineage, brand, collaborator and overview pages.
    Pages,
    Lineage,
    Brand,
    Collaborator,
    Overview,
    /// Where an entry is selected that can be marked: the main screen and My collection.
    Marking,
    Collection,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Always => "Anywhere",
            Scope::Browsing => "Browsing",
            Scope::Main => "Timeline and detail",
            Scope::Timeline => "Timeline",
            Scope::Detail => "Detail pane",
            Scope::Typing => "Search bar and pickers",
            Scope::Pages => "Pages: lineage, brand, collab, overview, pairs",
            Scope::Lineage => "Lineage",
            Scope::Brand => "Brand page",
            Scope::Collaborator => "Collaborator page",
            Scope::Overview => "Overview",
            Scope::Marking => "Timeline, detail and My collection",
            Scope::Collection => "My collection",
        }
    }

    pub fn applies(self, context: Context) -> bool {
        use Context as C;
        match self {
            Scope::Always => true,
            Scope::Browsing => !matches!(context, C::Search | C::Picker | C::Form),
            Scope::Main => matches!(context, C::Timeline | C::Detail),
            Scope::Timeline => context == C::Timeline,
            Scope::Detail => context == C::Detail,
            Scope::Typing => matches!(context, C::Search | C::Picker | C::Form),
            Scope::Pages => matches!(
                context,
                C::Lineage | C::Brand | C::Collaborator | C::Overview | C::Collection
            ),
            Scope::Lineage => context == C::Lineage,
            Scope::Brand => context == C::Brand,
            Scope::Collaborator => context == C::Collaborator,
            Scope::Overview => context == C::Overview,
            Scope::Marking => matches!(context, C::Timeline | C::Detail | C::Collection),
            Scope::Collection => context == C::Collection,
        }
    }

    /// The scopes in the order the help lists them.
    pub const ALL: [Scope; 13] = [
        Scope::Browsing,
        Scope::Main,
        Scope::Timeline,
        Scope::Detail,
        Scope::Marking,
        Scope::Pages,
        Scope::Lineage,
        Scope::Brand,
        Scope::Collaborator,
        Scope::Overview,
        Scope::Collection,
        Scope::Typing,
        Scope::Always,
    ];
}

/// A key with its modifiers, as written in the config file (`q`, `ctrl-c`, `shift-tab`,
/// `enter`, `f1`, `pgdn`) and shown in the help (`q`, `Ctrl-C`, `Shift-Tab`, `Enter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: CTRL,
    }
}

/// Named keys, as written in the config file, and how the help shows them.
const NAMED: [(&str, KeyCode, &str); 18] = [
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("tab", KeyCode::Tab, "Tab"),
    ("backtab", KeyCode::BackTab, "Shift-Tab"),
    ("backspace", KeyCode::Backspace, "Backspace"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("pgup", KeyCode::PageUp, "PgUp"),
    ("pgdn", KeyCode::PageDown, "PgDn"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
    ("delete", KeyCode::Delete, "Del"),
    ("insert", KeyCode::Insert, "Ins"),
    ("space", KeyCode::Char(' '), "Space"),
];

impl Key {
    /// Reads `q`, `G`, `ctrl-c`, `shift-tab`, `enter`, `f1`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(after) = lower.strip_prefix("ctrl-").filter(|a| !a.is_empty()) {
                modifiers |= CTRL;
                rest = &rest[rest.len() - after.len()..];
            } else if let Some(after) = lower.strip_prefix("alt-").filter(|a| !a.is_empty()) {
                modifiers |= KeyModifiers::ALT;
                rest = &rest[rest.len() - after.len()..];
            } else if let Some(after) = lower.strip_prefix("shift-").filter(|a| !a.is_empty()) {
                modifiers |= SHIFT;
                rest = &rest[rest.len() - after.len()..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let code = if let Some((_, code, _)) = NAMED.iter().find(|(name, _, _)| *name == lower) {
            *code
        } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            KeyCode::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => {
                    return Err(format!(
                        "{text:?} is not a key (try `q`, `ctrl-c`, `enter`, `f1`)"
                    ));
                }
            }
        };
        // Shift-Tab arrives as BackTab; a shifted letter as the capital letter.
        let code = match (code, modifiers.contains(SHIFT)) {
            (KeyCode::Tab, true) => KeyCode::BackTab,
            (KeyCode::Char(c), true) if c.is_ascii_lowercase() => {
                KeyCode::Char(c.to_ascii_uppercase())
            }
            (code, _) => code,
        };
        let modifiers = match code {
            KeyCode::BackTab | KeyCode::Char(_) => modifiers - SHIFT,
            _ => modifiers,
        };
        Ok(Key { code, modifiers })
    }
}

impl Key {
    /// The key as the config file writes it: `q`, `ctrl-c`, `backtab`, `enter`.
    pub fn config_name(&self) -> String {
        let mut name = String::new();
        if self.modifiers.contains(CTRL) {
            name.push_str("ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("alt-");
        }
        if self.modifiers.contains(SHIFT) {
            name.push_str("shift-");
        }
        match self.code {
            KeyCode::Char(' ') => name.push_str("space"),
            KeyCode::Char(c) => name.push(c),
            KeyCode::F(n) => name.push_str(&format!("f{n}")),
            code => {
                let written = NAMED
                    .iter()
                    .find(|(_, c, _)| *c == code)
                    .map(|(w, _, _)| *w);
                name.push_str(written.unwrap_or("?"));
            }
        }
        name
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(CTRL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(CTRL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => {
                let shown = NAMED
                    .iter()
                    .find(|(_, c, _)| *c == code)
                    .map(|(_, _, s)| *s);
                f.write_str(shown.unwrap_or("?"))
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    /// The name the config file knows it by.
    pub name: &'static str,
    pub scope: Scope,
    pub description: &'static str,
    /// Shown in the footer where its scope applies.
    pub in_footer: bool,
    pub keys: Vec<Key>,
    pub action: Option<Action>,
    /// Shown in the help instead of the keys (for keys handled apart, such as the digits).
    pub shown_as: Option<&'static str>,
}

impl Binding {
    /// The keys as shown to people: `j ↓`, `Ctrl-C`.
    pub fn shown(&self) -> String {
        match self.shown_as {
            Some(text) => text.to_string(),
            None => (self.keys.iter().map(Key::to_string))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// The default bindings: (name, scope, keys, action, description, in the footer).
type Default = (
    &'static str,
    Scope,
    &'static [Key],
    Action,
    &'static str,
    bool,
);

use KeyCode::*;
use Scope::*;

const DEFAULTS: &[Default] = &[
    (
        "force_quit",
        Always,
        &[ctrl('c')],
        Action::Quit,
        "quit",
        false,
    ),
    (
        "quit",
        Browsing,
        &[key(Char('q'))],
        Action::Quit,
        "quit",
        true,
    ),
    (
        "help",
        Browsing,
        &[key(Char('?')), key(F(1))],
        Action::Help,
        "help",
        true,
    ),
    (
        "search",
        Main,
        &[key(Char('/'))],
        Action::OpenSearch,
        "search",
        true,
    ),
    (
        "down",
        Timeline,
        &[key(Char('j')), key(Down)],
        Action::Down,
        "move down",
        false,
    ),
    (
        "up",
        Timeline,
        &[key(Char('k')), key(Up)],
        Action::Up,
        "move up",
        false,
    ),
    (
        "open_detail",
        Timeline,
        &[key(Enter), key(Right)],
        Action::OpenDetail,
        "open detail",
        true,
    ),
    (
        "clear",
        Timeline,
        &[key(Esc)],
        Action::Cancel,
        "clear search and filters",
        false,
    ),
    (
        "next_link",
        Detail,
        &[key(Char('j')), key(Down)],
        Action::Down,
        "next link",
        true,
    ),
    (
        "previous_link",
        Detail,
        &[key(Char('k')), key(Up)],
        Action::Up,
        "previous link",
        false,
    ),
    (
        "follow",
        Detail,
        &[key(Enter)],
        Action::Submit,
        "follow the link",
        true,
    ),
    (
        "leave_detail",
        Detail,
        &[key(Esc), key(Left), key(Char('h'))],
        Action::Cancel,
        "back to the timeline",
        true,
    ),
    (
        "next_era",
        Main,
        &[key(Char(']')), key(Tab)],
        Action::NextEra,
        "next era",
        true,
    ),
    (
        "previous_era",
        Main,
        &[key(Char('[')), key(BackTab)],
        Action::PrevEra,
        "previous era",
        false,
    ),
    (
        "page_down",
        Main,
        &[key(PageDown), ctrl('f'), ctrl('d')],
        Action::PageDown,
        "page down",
        false,
    ),
    (
        "page_up",
        Main,
        &[key(PageUp), ctrl('b'), ctrl('u')],
        Action::PageUp,
        "page up",
        false,
    ),
    (
        "first",
        Main,
        &[key(Char('g')), key(Home)],
        Action::Top,
        "first entry",
        false,
    ),
    (
        "last",
        Main,
        &[key(Char('G')), key(End)],
        Action::Bottom,
        "last entry",
        false,
    ),
    (
        "pick_brand",
        Main,
        &[key(Char('b'))],
        Action::PickBrand,
        "filter by brand",
        false,
    ),
    (
        "pick_collaborator",
        Main,
        &[key(Char('c'))],
        Action::PickCollaborator,
        "filter by collaborator",
        false,
    ),
    (
        "clear_filters",
        Main,
        &[key(Char('x'))],
        Action::ClearFilters,
        "clear search and filters",
        false,
    ),
    (
        "lineage",
        Main,
        &[key(Char('l'))],
        Action::OpenLineage,
        "lineage of the line",
        true,
    ),
    (
        "brand_page",
        Main,
        &[key(Char('B'))],
        Action::OpenBrand,
        "brand page",
        true,
    ),
    (
        "collaborator_page",
        Main,
        &[key(Char('C'))],
        Action::OpenCollaborator,
        "collaborator page",
        false,
    ),
    (
        "open_source",
        Main,
        &[key(Char('o'))],
        Action::OpenSource,
        "open the source in a browser",
        false,
    ),
    (
        "copy_id",
        Main,
        &[key(Char('y'))],
        Action::CopyId,
        "copy the id",
        false,
    ),
    (
        "copy_title",
        Main,
        &[key(Char('Y'))],
        Action::CopyTitle,
        "copy the title and date",
        false,
    ),
    (
        "overview",
        Browsing,
        &[key(Char('s'))],
        Action::OpenOverview,
        "overview",
        true,
    ),
    (
        "mark",
        Marking,
        &[key(Char('m'))],
        Action::CycleMark,
        "mark owned/wanted/sold",
        true,
    ),
    (
        "edit_mark",
        Marking,
        &[key(Char('M'))],
        Action::EditMark,
        "edit the mark's details",
        false,
    ),
    (
        "collection",
        Browsing,
        &[key(Char('p'))],
        Action::OpenCollection,
        "my collection (pairs)",
        false,
    ),
    (
        "lineage",
        Collection,
        &[key(Char('l'))],
        Action::OpenLineage,
        "lineage of the line",
        false,
    ),
    (
        "brand_page",
        Collection,
        &[key(Char('B'))],
        Action::OpenBrand,
        "brand page",
        false,
    ),
    (
        "back",
        Browsing,
        &[key(Backspace)],
        Action::Back,
        "go back",
        false,
    ),
    (
        "page_down",
        Pages,
        &[key(PageDown), ctrl('d')],
        Action::PageDown,
        "page down",
        false,
    ),
    (
        "page_up",
        Pages,
        &[key(PageUp), ctrl('u')],
        Action::PageUp,
        "page up",
        false,
    ),
    (
        "down",
        Pages,
        &[key(Char('j')), key(Down)],
        Action::Down,
        "move down",
        false,
    ),
    (
        "up",
        Pages,
        &[key(Char('k')), key(Up)],
        Action::Up,
        "move up",
        false,
    ),
    (
        "first",
        Pages,
        &[key(Char('g')), key(Home)],
        Action::Top,
        "first",
        false,
    ),
    (
        "last",
        Pages,
        &[key(Char('G')), key(End)],
        Action::Bottom,
        "last",
        false,
    ),
    ("open", Pages, &[key(Enter)], Action::Submit, "open", true),
    (
        "close",
        Pages,
        &[key(Esc)],
        Action::Cancel,
        "back to where you were",
        true,
    ),
    (
        "brand_page",
        Lineage,
        &[key(Char('B'))],
        Action::OpenBrand,
        "brand page",
        true,
    ),
    (
        "next_part",
        Brand,
        &[key(Tab)],
        Action::NextSection,
        "next part of the page",
        true,
    ),
    (
        "previous_part",
        Brand,
        &[key(BackTab)],
        Action::PrevSection,
        "previous part of the page",
        false,
    ),
    (
        "previous_year",
        Brand,
        &[key(Left), key(Char('h'))],
        Action::Left,
        "previous year",
        true,
    ),
    (
        "next_year",
        Brand,
        &[key(Right)],
        Action::Right,
        "next year",
        false,
    ),
    (
        "lineage",
        Brand,
        &[key(Char('l'))],
        Action::OpenLineage,
        "lineage of the line",
        false,
    ),
    (
        "lineage",
        Collaborator,
        &[key(Char('l'))],
        Action::OpenLineage,
        "lineage of the release",
        false,
    ),
    (
        "brand_page",
        Collaborator,
        &[key(Char('B'))],
        Action::OpenBrand,
        "brand page",
        false,
    ),
    (
        "previous_year",
        Overview,
        &[key(Left), key(Char('h'))],
        Action::Left,
        "previous year",
        true,
    ),
    (
        "next_year",
        Overview,
        &[key(Right), key(Char('l'))],
        Action::Right,
        "next year",
        false,
    ),
    (
        "previous_era",
        Overview,
        &[key(Char('['))],
        Action::PrevEra,
        "previous era",
        false,
    ),
    (
        "next_era",
        Overview,
        &[key(Char(']')), key(Tab)],
        Action::NextEra,
        "next era",
        false,
    ),
    (
        "stack",
        Overview,
        &[key(Char('t'))],
        Action::SwitchBreakdown,
        "stack by kind or by brand",
        true,
    ),
    (
        "keep",
        Typing,
        &[key(Enter)],
        Action::Submit,
        "keep results / pick",
        true,
    ),
    (
        "close_typing",
        Typing,
        &[key(Esc)],
        Action::Cancel,
        "clear and close",
        true,
    ),
    (
        "typing_down",
        Typing,
        &[key(Down), ctrl('n'), key(Tab)],
        Action::Down,
        "move down",
        true,
    ),
    (
        "typing_up",
        Typing,
        &[key(Up), ctrl('p'), key(BackTab)],
        Action::Up,
        "move up",
        false,
    ),
    (
        "delete_char",
        Typing,
        &[key(Backspace)],
        Action::DeleteChar,
        "delete a character",
        false,
    ),
    (
        "clear_line",
        Typing,
        &[ctrl('u')],
        Action::ClearInput,
        "clear the line",
        false,
    ),
];

/// Keys handled apart from the table, shown in the help as they are.
const FIXED: [(Scope, &str, &str); 2] = [
    (Main, "1-9 0", "jump to era N (0: era 10)"),
    (Overview, "1-9 0", "timeline at era N"),
];

#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl std::default::Default for Keymap {
    fn default() -> Keymap {
        let mut bindings: Vec<Binding> = DEFAULTS
            .iter()
            .map(
                |&(name, scope, keys, ref action, description, in_footer)| Binding {
                    name,
                    scope,
                    description,
                    in_footer,
                    keys: keys.to_vec(),
                    action: Some(action.clone()),
                    shown_as: None,
                },
            )
            .collect();
        bindings.extend(FIXED.iter().map(|&(scope, shown, description)| Binding {
            name: "era_digits",
            scope,
            description,
            in_footer: false,
            keys: Vec::new(),
            action: None,
            shown_as: Some(shown),
        }));
        Keymap { bindings }
    }
}

impl Keymap {
    /// Every name a binding can be remapped by.
    pub fn names() -> Vec<&'static str> {
        let mut names: Vec<&str> = DEFAULTS.iter().map(|d| d.0).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The default keymap with the keys of some bindings replaced: `name -> keys`. Unknown
    /// names and unreadable keys are errors, the nearest name suggested.
    pub fn with(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, Vec<String>> {
        let mut keymap = Keymap::default();
        let names = Keymap::names();
        let mut errors = Vec::new();
        for (name, keys) in overrides {
            if !names.contains(&name.as_str()) {
                errors.push(format!(
                    "unknown action {name:?}{}",
                    crate::config::did_you_mean(name, &names)
                ));
                continue;
            }
            let parsed: Result<Vec<Key>, String> = keys.iter().map(|k| Key::parse(k)).collect();
            match parsed {
                Ok(parsed) => {
                    for binding in keymap.bindings.iter_mut().filter(|b| b.name == name) {
                        binding.keys = parsed.clone();
                    }
                }
                Err(e) => errors.push(format!("{name}: {e}")),
            }
        }
        if errors.is_empty() {
            Ok(keymap)
        } else {
            Err(errors)
        }
    }

    /// Two bindings on one key where both apply, by their names.
    pub fn conflicts(&self) -> Vec<String> {
        use Context as C;
        let contexts = [
            C::Timeline,
            C::Detail,
            C::Search,
            C::Picker,
            C::Lineage,
            C::Brand,
            C::Collaborator,
            C::Overview,
            C::Collection,
            C::Form,
        ];
        let mut conflicts = Vec::new();
        for context in contexts {
            let live: Vec<&Binding> = (self.bindings.iter())
                .filter(|b| b.scope.applies(context))
                .collect();
            for (i, a) in live.iter().enumerate() {
                for b in &live[i + 1..] {
                    for key in a.keys.iter().filter(|k| b.keys.contains(k)) {
                        let message = format!(
                            "{key} is bound to both {:?} and {:?} ({})",
                            a.name,
                            b.name,
                            context_name(context)
                        );
                        if !conflicts.contains(&message) {
                            conflicts.push(message);
                        }
                    }
                }
            }
        }
        conflicts
    }

    /// The action a key press asks for where the keys go now, if any.
    pub fn action_for_key(&self, context: Context, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        // Shift is part of a character itself ('G', '?'), and Shift-Tab arrives as BackTab.
        let modifiers = match event.code {
            Char(_) | BackTab => event.modifiers - SHIFT,
            _ => event.modifiers,
        };
        let pressed = Key {
            code: event.code,
            modifiers,
        };
        if context == Context::Help {
            // The movement keys scroll the help, any other closes it; Ctrl-C still quits.
            return Some(match pressed.code {
                Char('c') if modifiers.contains(CTRL) => Action::Quit,
                Char('j') | Down => Action::Down,
                Char('k') | Up => Action::Up,
                PageDown | Char(' ') => Action::PageDown,
                PageUp => Action::PageUp,
                _ => Action::Cancel,
            });
        }
        let bound = (self.bindings.iter())
            .filter(|b| b.scope.applies(context))
            .find(|b| b.keys.contains(&pressed));
        if let Some(binding) = bound {
            return binding.action.clone();
        }
        let digits = Scope::Main.applies(context) || context == Context::Overview;
        match pressed.code {
            Char(c) if Scope::Typing.applies(context) && !modifiers.contains(CTRL) => {
                Some(Action::Input(c))
            }
            Char(c @ '1'..='9') if digits && modifiers.is_empty() => {
                Some(Action::Era(c as usize - '1' as usize))
            }
            Char('0') if digits && modifiers.is_empty() => Some(Action::Era(9)),
            _ => None,
        }
    }

    /// The bindings worth showing in the footer where the keys go now.
    pub fn footer(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| b.in_footer && b.scope.applies(context) && !b.keys.is_empty())
    }
}

fn context_name(context: Context) -> &'static str {
    match context {
        Context::Timeline => "on the timeline",
        Context::Detail => "in the detail pane",
        Context::Search => "in the search bar",
        Context::Picker => "in a picker",
        Context::Help => "in the help",
        Context::Lineage => "on the lineage page",
        Context::Brand => "on the brand page",
        Context::Collaborator => "on the collaborator page",
        Context::Overview => "in the overview",
        Context::Collection => "in My collection",
        Context::Form => "in the mark form",
    }
}

/// What the mouse asks for: the wheel scrolls, a left click selects.
pub fn action_for_mouse(mouse: MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
        MouseEventKind::Down(crossterm::event::MouseButton::Left) => {
            Some(Action::Click(mouse.column, mouse.row))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, NONE)
    }

    fn action(context: Context, event: KeyEvent) -> Option<Action> {
        Keymap::default().action_for_key(context, event)
    }

    #[test]
    fn vim_and_arrow_keys_both_move() {
        for code in [Char('j'), Down] {
            assert_eq!(action(Context::Timeline, press(code)), Some(Action::Down));
            assert_eq!(action(Context::Lineage, press(code)), Some(Action::Down));
        }
        assert_eq!(
            action(Context::Timeline, KeyEvent::new(Char('G'), SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action(Context::Timeline, KeyEvent::new(BackTab, SHIFT)),
            Some(Action::PrevEra)
        );
    }

    #[test]
    fn letters_are_typed_in_the_search_bar_not_obeyed() {
        for c in ['q', '1', 's', 'l', 'B', 'y'] {
            assert_eq!(
                action(Context::Search, press(Char(c))),
                Some(Action::Input(c))
            );
        }
        assert_eq!(
            action(Context::Search, KeyEvent::new(Char('c'), CTRL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn digits_jump_to_eras_on_the_timeline_and_in_the_overview() {
        assert_eq!(
            action(Context::Timeline, press(Char('3'))),
            Some(Action::Era(2))
        );
        assert_eq!(
            action(Context::Overview, press(Char('3'))),
            Some(Action::Era(2))
        );
        assert_eq!(
            action(Context::Timeline, press(Char('0'))),
            Some(Action::Era(9))
        );
        assert_eq!(action(Context::Lineage, press(Char('3'))), None);
    }

    #[test]
    fn the_same_key_means_what_its_view_says() {
        assert_eq!(
            action(Context::Timeline, press(Char('l'))),
            Some(Action::OpenLineage)
        );
        assert_eq!(
            action(Context::Overview, press(Char('l'))),
            Some(Action::Right)
        );
        assert_eq!(action(Context::Timeline, press(Tab)), Some(Action::NextEra));
        assert_eq!(
            action(Context::Brand, press(Tab)),
            Some(Action::NextSection)
        );
        assert_eq!(action(Context::Help, press(Char('j'))), Some(Action::Down));
        assert_eq!(
            action(Context::Help, press(Char('x'))),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn the_default_keymap_has_no_conflict() {
        assert_eq!(Keymap::default().conflicts(), Vec::<String>::new());
    }

    #[test]
    fn keys_are_read_as_written_and_shown_as_people_write_them() {
        for (text, shown) in [
            ("q", "q"),
            ("G", "G"),
            ("shift-g", "G"),
            ("ctrl-c", "Ctrl-C"),
            ("Ctrl-D", "Ctrl-D"),
            ("enter", "Enter"),
            ("shift-tab", "Shift-Tab"),
            ("f1", "F1"),
            ("pgdn", "PgDn"),
            ("space", "Space"),
            ("?", "?"),
        ] {
            assert_eq!(Key::parse(text).unwrap().to_string(), shown, "{text}");
        }
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("hyper-x").is_err());
    }

    #[test]
    fn remapping_a_name_moves_it_everywhere_and_conflicts_are_named() {
        let overrides = BTreeMap::from([("lineage".to_string(), vec!["L".to_string()])]);
        let keymap = Keymap::with(&overrides).unwrap();
        let event = KeyEvent::new(Char('L'), SHIFT);
        assert_eq!(
            keymap.action_for_key(Context::Timeline, event),
            Some(Action::OpenLineage)
        );
        assert_eq!(
            keymap.action_for_key(Context::Brand, event),
            Some(Action::OpenLineage)
        );
        assert_eq!(
            keymap.action_for_key(Context::Timeline, press(Char('l'))),
            None
        );
        let clash = BTreeMap::from([("lineage".to_string(), vec!["q".to_string()])]);
        let conflicts = Keymap::with(&clash).unwrap().conflicts();
        assert!(
            conflicts
                .iter()
                .any(|c| c.contains("\"lineage\"") && c.contains("\"quit\"")),
            "{conflicts:?}"
        );
        let unknown = BTreeMap::from([("lineag".to_string(), vec!["x".to_string()])]);
        let errors = Keymap::with(&unknown).unwrap_err();
        assert!(errors[0].contains("did you mean \"lineage\""), "{errors:?}");
    }
}
