//! Cutting styled text to a display width, so every row fits its column exactly.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

/// Styled runs of text cut to at most `width` columns (ending in `…` when cut) and padded with
/// `pad` style to exactly `width` when `fill` is set.
pub fn fit(runs: Vec<(String, Style)>, width: usize, fill: Option<Style>) -> Vec<Span<'static>> {
    let total: usize = runs.iter().map(|(t, _)| crate::text::width(t)).sum();
    let cut = total > width;
    let budget = if cut { width.saturating_sub(1) } else { width };
    let mut used = 0;
    let mut spans = Vec::new();
    let mut last_style = Style::new();
    'runs: for (text, style) in runs {
        let mut kept = String::new();
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > budget {
                if !kept.is_empty() {
                    spans.push(Span::styled(kept, style));
                }
                last_style = style;
                break 'runs;
            }
            used += w;
            kept.push(c);
        }
        last_style = style;
        if !kept.is_empty() {
            spans.push(Span::styled(kept, style));
        }
    }
    if cut && width > 0 {
        spans.push(Span::styled("…", last_style));
        used += 1;
    }
    if let Some(pad) = fill.filter(|_| used < width) {
        spans.push(Span::styled(" ".repeat(width - used), pad));
    }
    spans
}

/// A title with the characters at `positions` in the `matched` style.
pub fn highlighted(
    title: &str,
    positions: &[usize],
    base: Style,
    matched: Style,
) -> Vec<(String, Style)> {
    let mut runs: Vec<(String, Style)> = Vec::new();
    for (i, c) in title.chars().enumerate() {
        let style = if positions.binary_search(&i).is_ok() {
            base.patch(matched)
        } else {
            base
        };
        match runs.last_mut() {
            Some((text, s)) if *s == style => text.push(c),
            _ => runs.push((c.to_string(), style)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn cuts_across_runs_with_an_ellipsis_and_pads() {
        let runs = vec![
            ("Gel-".to_string(), Style::new()),
            ("Kayano 14".to_string(), Style::new()),
        ];
        assert_eq!(text(&fit(runs.clone(), 8, None)), "Gel-Kay…");
        assert_eq!(text(&fit(runs, 15, Some(Style::new()))), "Gel-Kayano 14  ");
    }

    #[test]
    fn wide_characters_are_never_split() {
        let runs = vec![("アシックス".to_string(), Style::new())];
        let cut = text(&fit(runs, 6, Some(Style::new())));
        assert_eq!(crate::text::width(&cut), 6);
        assert_eq!(cut, "アシ… ");
    }
}
