//! Text helpers shared by every output: making data text safe for a terminal, folding accents for
//! search, and measuring, cutting and padding by display width.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Replaces every character a terminal could act on with a visible placeholder.
///
/// C0 controls become their Control Pictures (ESC shows as `␛`, a newline as `␊`), DEL becomes
/// `␡`, and C1 controls and the bidirectional overrides and isolates become `�`. Everything
/// else, accents and wide characters included, is kept as it is.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let printable_ascii = text.bytes().all(|b| (0x20..0x7f).contains(&b));
    if printable_ascii || !text.chars().any(needs_placeholder) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(placeholder).collect())
}

fn needs_placeholder(c: char) -> bool {
    placeholder(c) != c
}

fn placeholder(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        '\u{80}'..='\u{9f}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061c}' => '\u{fffd}',
        _ => c,
    }
}

/// A string with its accents removed, and for each of its characters the index of the character
/// of the original string it came from (so that match positions can be mapped back).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    pub origin: Vec<usize>,
}

/// Removes accents (`Aimé` becomes `Aime`), keeping case.
pub fn fold(text: &str) -> Folded {
    if text.is_ascii() {
        return Folded {
            text: text.to_string(),
            origin: (0..text.len()).collect(),
        };
    }
    let mut folded = Folded::default();
    for (index, c) in text.chars().enumerate() {
        for part in std::iter::once(c).nfd() {
            if !is_combining_mark(part) {
                folded.text.push(part);
                folded.origin.push(index);
            }
        }
    }
    folded
}

/// The text with its accents removed, borrowed when there is nothing to remove.
pub fn fold_text(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(fold(text).text)
    }
}

/// Folds accents and lowercases: the key used to compare ids, names and aliases in filters.
/// Anything that is not a letter or a digit is dropped, so `aime leon-dore` and `Aimé Leon Dore`
/// compare equal.
pub fn fold_key(text: &str) -> String {
    fold(text)
        .text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The number of terminal columns a string takes.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts a string to at most `max` columns, ending with `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Cuts to `columns` and pads with spaces so the result is exactly `columns` wide.
pub fn fit(text: &str, columns: usize) -> String {
    let cut = truncate(text, columns);
    let pad = columns.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_placeholders() {
        let evil = "Gel\u{1b}[31mred\u{7}\r\u{8}\u{202e}x\u{9b}";
        let safe = sanitize(evil);
        assert!(!safe.chars().any(|c| c.is_control()), "{safe:?}");
        assert!(safe.contains('␛'));
        assert!(safe.contains("[31mred"));
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(sanitize("Aimé Leon Dore"), Cow::Borrowed(_)));
    }

    #[test]
    fn folding_removes_accents_and_keeps_positions() {
        let folded = fold("Aimé Léon");
        assert_eq!(folded.text, "Aime Leon");
        assert_eq!(folded.origin.len(), folded.text.chars().count());
        assert_eq!(folded.origin[3], 3);
        assert_eq!(fold_key("Aimé Leon-Dore"), "aimeleondore");
    }

    #[test]
    fn truncation_counts_wide_characters_as_two_columns() {
        assert_eq!(truncate("アシックス", 5), "アシ…");
        assert_eq!(width(&truncate("アシックス", 5)), 5);
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
