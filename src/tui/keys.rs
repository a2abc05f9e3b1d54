//! The one keymap: which key does what where. Key handling, the footer and the help overlay are
//! all read from [`BINDINGS`], so the help always tells the truth.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use crate::tui::action::Action;
use crate::tui::app::Focus;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, even while typing.
    Always,
    /// In the timeline and the detail pane.
    Browse,
    Timeline,
    Detail,
    /// While typing in the search bar or a picker.
    Typing,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Always => "Anywhere",
            Scope::Browse => "Browsing",
            Scope::Timeline => "Timeline",
            Scope::Detail => "Detail pane",
            Scope::Typing => "Search bar and pickers",
        }
    }

    fn applies(self, focus: Focus) -> bool {
        match self {
            Scope::Always => true,
            Scope::Browse => matches!(focus, Focus::Timeline | Focus::Detail),
            Scope::Timeline => focus == Focus::Timeline,
            Scope::Detail => focus == Focus::Detail,
            Scope::Typing => matches!(focus, Focus::Search | Focus::Picker),
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    /// The keys as shown to people.
    pub shown: &'static str,
    pub description: &'static str,
    /// Shown in the footer when its scope applies.
    pub in_footer: bool,
    keys: &'static [(KeyCode, KeyModifiers)],
    action: Option<Action>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

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
        Browse,
        "q",
        "quit",
        true,
        &[(Char('q'), NONE)],
        Some(Action::Quit),
    ),
    bind(
        Browse,
        "?",
        "help",
        true,
        &[(Char('?'), NONE), (F(1), NONE)],
        Some(Action::Help),
    ),
    bind(
        Browse,
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
    bind(
        Timeline,
        "",
        "",
        false,
        &[(Char('k'), NONE), (Up, NONE)],
        Some(Action::Up),
    ),
    bind(
        Timeline,
        "Enter →",
        "open detail",
        true,
        &[(Enter, NONE), (Right, NONE), (Char('l'), NONE)],
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
    bind(
        Detail,
        "",
        "",
        false,
        &[(Char('k'), NONE), (Up, NONE)],
        Some(Action::Up),
    ),
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
        Browse,
        "] Tab",
        "next era",
        true,
        &[(Char(']'), NONE), (Tab, NONE)],
        Some(Action::NextEra),
    ),
    bind(
        Browse,
        "[ Shift-Tab",
        "previous era",
        false,
        &[
            (Char('['), NONE),
            (BackTab, NONE),
            (BackTab, KeyModifiers::SHIFT),
        ],
        Some(Action::PrevEra),
    ),
    bind(Browse, "1-9", "jump to era N", false, &[], None),
    bind(
        Browse,
        "PgDn PgUp",
        "page down, up",
        false,
        &[(PageDown, NONE), (Char('f'), CTRL), (Char('d'), CTRL)],
        Some(Action::PageDown),
    ),
    bind(
        Browse,
        "",
        "",
        false,
        &[(PageUp, NONE), (Char('b'), CTRL), (Char('u'), CTRL)],
        Some(Action::PageUp),
    ),
    bind(
        Browse,
        "g Home",
        "first entry",
        false,
        &[(Char('g'), NONE), (Home, NONE)],
        Some(Action::Top),
    ),
    bind(
        Browse,
        "G End",
        "last entry",
        false,
        &[(Char('G'), NONE), (End, NONE)],
        Some(Action::Bottom),
    ),
    bind(
        Browse,
        "b",
        "filter by brand",
        true,
        &[(Char('b'), NONE)],
        Some(Action::PickBrand),
    ),
    bind(
        Browse,
        "c",
        "filter by collaborator",
        true,
        &[(Char('c'), NONE)],
        Some(Action::PickCollaborator),
    ),
    bind(
        Browse,
        "x",
        "clear search and filters",
        false,
        &[(Char('x'), NONE)],
        Some(Action::ClearFilters),
    ),
    bind(
        Browse,
        "Backspace",
        "go back",
        false,
        &[(Backspace, NONE)],
        Some(Action::Back),
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
    bind(
        Typing,
        "",
        "",
        false,
        &[
            (Up, NONE),
            (Char('p'), CTRL),
            (BackTab, NONE),
            (BackTab, KeyModifiers::SHIFT),
        ],
        Some(Action::Up),
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
pub fn action_for_key(focus: Focus, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    // Shift is part of the character itself ('G', '?'), so it is not matched separately.
    let modifiers = match key.code {
        Char(_) => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    for binding in BINDINGS.iter().filter(|b| b.scope.applies(focus)) {
        if binding.keys.contains(&(key.code, modifiers)) {
            return binding.action.clone();
        }
    }
    match key.code {
        Char(c) if Scope::Typing.applies(focus) && !modifiers.contains(CTRL) => {
            Some(Action::Input(c))
        }
        Char(c @ '1'..='9') if Scope::Browse.applies(focus) && modifiers.is_empty() => {
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
pub fn footer_bindings(focus: Focus) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.in_footer && b.scope.applies(focus))
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
                action_for_key(Focus::Timeline, press(code)),
                Some(Action::Down)
            );
        }
        assert_eq!(
            action_for_key(
                Focus::Timeline,
                KeyEvent::new(Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Bottom)
        );
    }

    #[test]
    fn letters_are_typed_in_the_search_bar_not_obeyed() {
        assert_eq!(
            action_for_key(Focus::Search, press(Char('q'))),
            Some(Action::Input('q'))
        );
        assert_eq!(
            action_for_key(Focus::Search, press(Char('1'))),
            Some(Action::Input('1'))
        );
        assert_eq!(
            action_for_key(Focus::Search, KeyEvent::new(Char('c'), CTRL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn digits_jump_to_eras() {
        assert_eq!(
            action_for_key(Focus::Timeline, press(Char('3'))),
            Some(Action::Era(2))
        );
        assert_eq!(action_for_key(Focus::Timeline, press(Char('0'))), None);
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
