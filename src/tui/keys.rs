//! The one keymap: which key does what where. Key handling, the footer and the help overlay are
//! all read from [`BINDINGS`], so the help always tells the truth.

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
            Scope::Pages => "Lineage, brand, collaborator and overview pages",
            Scope::Lineage => "Lineage",
            Scope::Brand => "Brand page",
            Scope::Collaborator => "Collaborator page",
            Scope::Overview => "Overview",
        }
    }

    pub fn applies(self, context: Context) -> bool {
        use Context as C;
        match self {
            Scope::Always => true,
            Scope::Browsing => !matches!(context, C::Search | C::Picker),
            Scope::Main => matches!(context, C::Timeline | C::Detail),
            Scope::Timeline => context == C::Timeline,
            Scope::Detail => context == C::Detail,
            Scope::Typing => matches!(context, C::Search | C::Picker),
            Scope::Pages => matches!(
                context,
                C::Lineage | C::Brand | C::Collaborator | C::Overview
            ),
            Scope::Lineage => context == C::Lineage,
            Scope::Brand => context == C::Brand,
            Scope::Collaborator => context == C::Collaborator,
            Scope::Overview => context == C::Overview,
        }
    }

    /// The scopes in the order the help lists them.
    pub const ALL: [Scope; 11] = [
        Scope::Browsing,
        Scope::Main,
        Scope::Timeline,
        Scope::Detail,
        Scope::Pages,
        Scope::Lineage,
        Scope::Brand,
        Scope::Collaborator,
        Scope::Overview,
        Scope::Typing,
        Scope::Always,
    ];
}

pub struct Binding {
    pub scope: Scope,
    /// The keys as shown to people.
    pub shown: &'static str,
    pub description: &'static str,
    /// Shown in the footer where its scope applies.
    pub in_footer: bool,
    keys: &'static [(KeyCode, KeyModifiers)],
    action: Option<Action>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn bind(
    scope: Scope,
    shown: &'static str,
    description: &'static str,
    in_footer: bool,
    keys: &'static [(KeyCode, KeyModifiers)],
    action: Option<Action>,
) -> Binding {
    Binding {
        scope,
        shown,
        description,
        in_footer,
        keys,
        action,
    }
}

use KeyCode::*;
use Scope::*;

/// A binding that continues the one before it (the same description, other keys).
const fn more(scope: Scope, keys: &'static [(KeyCode, KeyModifiers)], action: Action) -> Binding {
    bind(scope, "", "", false, keys, Some(action))
}

pub const BINDINGS: &[Binding] = &[
    bind(
        Always,
        "Ctrl-C",
        "quit",
        false,
        &[(Char('c'), CTRL)],
        Some(Action::Quit),
    ),
    bind(
        Browsing,
        "q",
        "quit",
        true,
        &[(Char('q'), NONE)],
        Some(Action::Quit),
    ),
    bind(
        Browsing,
        "?",
        "help",
        true,
        &[(Char('?'), NONE), (F(1), NONE)],
        Some(Action::Help),
    ),
    bind(
        Main,
        "/",
        "search",
        true,
        &[(Char('/'), NONE)],
        Some(Action::OpenSearch),
    ),
    bind(
        Timeline,
        "j k ↓ ↑",
        "move",
        false,
        &[(Char('j'), NONE), (Down, NONE)],
        Some(Action::Down),
    ),
    more(Timeline, &[(Char('k'), NONE), (Up, NONE)], Action::Up),
    bind(
        Timeline,
        "Enter →",
        "open detail",
        true,
        &[(Enter, NONE), (Right, NONE)],
        Some(Action::OpenDetail),
    ),
    bind(
        Timeline,
        "Esc",
        "clear search and filters",
        false,
        &[(Esc, NONE)],
        Some(Action::Cancel),
    ),
    bind(
        Detail,
        "j k ↓ ↑",
        "choose a link",
        true,
        &[(Char('j'), NONE), (Down, NONE)],
        Some(Action::Down),
    ),
    more(Detail, &[(Char('k'), NONE), (Up, NONE)], Action::Up),
    bind(
        Detail,
        "Enter",
        "follow the link",
        true,
        &[(Enter, NONE)],
        Some(Action::Submit),
    ),
    bind(
        Detail,
        "Esc ← h",
        "back to the timeline",
        true,
        &[(Esc, NONE), (Left, NONE), (Char('h'), NONE)],
        Some(Action::Cancel),
    ),
    bind(
        Main,
        "] Tab",
        "next era",
        true,
        &[(Char(']'), NONE), (Tab, NONE)],
        Some(Action::NextEra),
    ),
    bind(
        Main,
        "[ Shift-Tab",
        "previous era",
        false,
        &[(Char('['), NONE), (BackTab, NONE), (BackTab, SHIFT)],
        Some(Action::PrevEra),
    ),
    bind(Main, "1-9", "jump to era N", false, &[], None),
    bind(
        Main,
        "PgDn PgUp",
        "page down, up",
        false,
        &[(PageDown, NONE), (Char('f'), CTRL), (Char('d'), CTRL)],
        Some(Action::PageDown),
    ),
    more(
        Main,
        &[(PageUp, NONE), (Char('b'), CTRL), (Char('u'), CTRL)],
        Action::PageUp,
    ),
    bind(
        Main,
        "g Home",
        "first entry",
        false,
        &[(Char('g'), NONE), (Home, NONE)],
        Some(Action::Top),
    ),
    bind(
        Main,
        "G End",
        "last entry",
        false,
        &[(Char('G'), NONE), (End, NONE)],
        Some(Action::Bottom),
    ),
    bind(
        Main,
        "b",
        "filter by brand",
        false,
        &[(Char('b'), NONE)],
        Some(Action::PickBrand),
    ),
    bind(
        Main,
        "c",
        "filter by collaborator",
        false,
        &[(Char('c'), NONE)],
        Some(Action::PickCollaborator),
    ),
    bind(
        Main,
        "x",
        "clear search and filters",
        false,
        &[(Char('x'), NONE)],
        Some(Action::ClearFilters),
    ),
    bind(
        Main,
        "l",
        "lineage of the line",
        true,
        &[(Char('l'), NONE)],
        Some(Action::OpenLineage),
    ),
    bind(
        Main,
        "B",
        "brand page",
        true,
        &[(Char('B'), NONE)],
        Some(Action::OpenBrand),
    ),
    bind(
        Main,
        "C",
        "collaborator page",
        false,
        &[(Char('C'), NONE)],
        Some(Action::OpenCollaborator),
    ),
    bind(
        Browsing,
        "s",
        "overview",
        true,
        &[(Char('s'), NONE)],
        Some(Action::OpenOverview),
    ),
    bind(
        Browsing,
        "Backspace",
        "go back",
        false,
        &[(Backspace, NONE)],
        Some(Action::Back),
    ),
    bind(
        Pages,
        "j k ↓ ↑",
        "move",
        false,
        &[(Char('j'), NONE), (Down, NONE)],
        Some(Action::Down),
    ),
    more(Pages, &[(Char('k'), NONE), (Up, NONE)], Action::Up),
    bind(
        Pages,
        "PgDn PgUp",
        "page down, up",
        false,
        &[(PageDown, NONE), (Char('d'), CTRL)],
        Some(Action::PageDown),
    ),
    more(Pages, &[(PageUp, NONE), (Char('u'), CTRL)], Action::PageUp),
    bind(
        Pages,
        "g G",
        "first, last",
        false,
        &[(Char('g'), NONE), (Home, NONE)],
        Some(Action::Top),
    ),
    more(Pages, &[(Char('G'), NONE), (End, NONE)], Action::Bottom),
    bind(
        Pages,
        "Enter",
        "open",
        true,
        &[(Enter, NONE)],
        Some(Action::Submit),
    ),
    bind(
        Pages,
        "Esc",
        "back to where you were",
        true,
        &[(Esc, NONE)],
        Some(Action::Cancel),
    ),
    bind(
        Lineage,
        "B",
        "brand page",
        true,
        &[(Char('B'), NONE)],
        Some(Action::OpenBrand),
    ),
    bind(
        Brand,
        "Tab",
        "next part of the page",
        true,
        &[(Tab, NONE)],
        Some(Action::NextSection),
    ),
    more(
        Brand,
        &[(BackTab, NONE), (BackTab, SHIFT)],
        Action::PrevSection,
    ),
    bind(
        Brand,
        "← →",
        "previous, next year",
        true,
        &[(Left, NONE), (Char('h'), NONE)],
        Some(Action::Left),
    ),
    more(Brand, &[(Right, NONE)], Action::Right),
    bind(
        Brand,
        "l",
        "lineage of the line",
        false,
        &[(Char('l'), NONE)],
        Some(Action::OpenLineage),
    ),
    bind(
        Collaborator,
        "l",
        "lineage of the release",
        false,
        &[(Char('l'), NONE)],
        Some(Action::OpenLineage),
    ),
    bind(
        Collaborator,
        "B",
        "brand page",
        false,
        &[(Char('B'), NONE)],
        Some(Action::OpenBrand),
    ),
    bind(
        Overview,
        "← →",
        "previous, next year",
        true,
        &[(Left, NONE), (Char('h'), NONE)],
        Some(Action::Left),
    ),
    more(Overview, &[(Right, NONE), (Char('l'), NONE)], Action::Right),
    bind(
        Overview,
        "[ ]",
        "previous, next era",
        false,
        &[(Char('['), NONE)],
        Some(Action::PrevEra),
    ),
    more(Overview, &[(Char(']'), NONE), (Tab, NONE)], Action::NextEra),
    bind(Overview, "1-9", "timeline at era N", false, &[], None),
    bind(
        Overview,
        "t",
        "stack by kind or by brand",
        true,
        &[(Char('t'), NONE)],
        Some(Action::SwitchBreakdown),
    ),
    bind(
        Typing,
        "Enter",
        "keep results / pick",
        true,
        &[(Enter, NONE)],
        Some(Action::Submit),
    ),
    bind(
        Typing,
        "Esc",
        "clear and close",
        true,
        &[(Esc, NONE)],
        Some(Action::Cancel),
    ),
    bind(
        Typing,
        "↓ ↑",
        "move",
        true,
        &[(Down, NONE), (Char('n'), CTRL), (Tab, NONE)],
        Some(Action::Down),
    ),
    more(
        Typing,
        &[
            (Up, NONE),
            (Char('p'), CTRL),
            (BackTab, NONE),
            (BackTab, SHIFT),
        ],
        Action::Up,
    ),
    bind(
        Typing,
        "Backspace",
        "delete a character",
        false,
        &[(Backspace, NONE)],
        Some(Action::DeleteChar),
    ),
    bind(
        Typing,
        "Ctrl-U",
        "clear the line",
        false,
        &[(Char('u'), CTRL)],
        Some(Action::ClearInput),
    ),
];

/// The action a key press asks for where the keys go now, if any.
pub fn action_for_key(context: Context, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if context == Context::Help {
        // The movement keys scroll the help, any other closes it; Ctrl-C still quits.
        return Some(match key.code {
            Char('c') if key.modifiers.contains(CTRL) => Action::Quit,
            Char('j') | Down => Action::Down,
            Char('k') | Up => Action::Up,
            PageDown | Char(' ') => Action::PageDown,
            PageUp => Action::PageUp,
            _ => Action::Cancel,
        });
    }
    // Shift is part of the character itself ('G', '?'), so it is not matched separately.
    let modifiers = match key.code {
        Char(_) => key.modifiers - SHIFT,
        _ => key.modifiers,
    };
    for binding in BINDINGS.iter().filter(|b| b.scope.applies(context)) {
        if binding.keys.contains(&(key.code, modifiers)) {
            return binding.action.clone();
        }
    }
    let digits = Scope::Main.applies(context) || context == Context::Overview;
    match key.code {
        Char(c) if Scope::Typing.applies(context) && !modifiers.contains(CTRL) => {
            Some(Action::Input(c))
        }
        Char(c @ '1'..='9') if digits && modifiers.is_empty() => {
            Some(Action::Era(c as usize - '1' as usize))
        }
        _ => None,
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

/// The bindings worth showing in the footer where the keys go now.
pub fn footer_bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.in_footer && b.scope.applies(context))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, NONE)
    }

    #[test]
    fn vim_and_arrow_keys_both_move() {
        for code in [Char('j'), Down] {
            assert_eq!(
                action_for_key(Context::Timeline, press(code)),
                Some(Action::Down)
            );
            assert_eq!(
                action_for_key(Context::Lineage, press(code)),
                Some(Action::Down)
            );
        }
        assert_eq!(
            action_for_key(Context::Timeline, KeyEvent::new(Char('G'), SHIFT)),
            Some(Action::Bottom)
        );
    }

    #[test]
    fn letters_are_typed_in_the_search_bar_not_obeyed() {
        for c in ['q', '1', 's', 'l', 'B'] {
            assert_eq!(
                action_for_key(Context::Search, press(Char(c))),
                Some(Action::Input(c))
            );
        }
        assert_eq!(
            action_for_key(Context::Search, KeyEvent::new(Char('c'), CTRL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn digits_jump_to_eras_on_the_timeline_and_in_the_overview() {
        assert_eq!(
            action_for_key(Context::Timeline, press(Char('3'))),
            Some(Action::Era(2))
        );
        assert_eq!(
            action_for_key(Context::Overview, press(Char('3'))),
            Some(Action::Era(2))
        );
        assert_eq!(action_for_key(Context::Timeline, press(Char('0'))), None);
        assert_eq!(action_for_key(Context::Lineage, press(Char('3'))), None);
    }

    #[test]
    fn the_same_key_means_what_its_view_says() {
        assert_eq!(
            action_for_key(Context::Timeline, press(Char('l'))),
            Some(Action::OpenLineage)
        );
        assert_eq!(
            action_for_key(Context::Overview, press(Char('l'))),
            Some(Action::Right)
        );
        assert_eq!(
            action_for_key(Context::Timeline, press(Tab)),
            Some(Action::NextEra)
        );
        assert_eq!(
            action_for_key(Context::Brand, press(Tab)),
            Some(Action::NextSection)
        );
        assert_eq!(
            action_for_key(Context::Help, press(Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            action_for_key(Context::Help, press(Char('x'))),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn no_two_bindings_share_a_key_in_a_context() {
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
        ];
        for context in contexts {
            let mut seen = Vec::new();
            for binding in BINDINGS.iter().filter(|b| b.scope.applies(context)) {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{key:?} is bound twice in {context:?}");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn every_binding_with_keys_is_described_or_continues_the_one_before() {
        for pair in BINDINGS.windows(2) {
            if pair[1].shown.is_empty() {
                assert_eq!(pair[0].scope, pair[1].scope);
                assert!(!pair[0].shown.is_empty());
            }
        }
    }
}
