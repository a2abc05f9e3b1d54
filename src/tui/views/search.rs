//! The search bar: the query being typed or kept, why it cannot run when it cannot, the quick
//! filters in force, messages, and how many entries are listed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::search::Query;
use crate::text::{sanitize, width};
use crate::tui::theme::Theme;

use super::spans::fit;

/// The longest search query kept; a longer paste is cut (it could not match anything anyway).
pub const MAX_QUERY_CHARS: usize = 256;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchBar {
    /// The query as typed.
    pub query: String,
    /// Why the query cannot be run as typed, when it cannot.
    pub error: Option<String>,
}

impl SearchBar {
    /// Sets the query, cut to [`MAX_QUERY_CHARS`] and made printable.
    pub fn set(&mut self, text: &str) {
        self.query = clean_input(text).chars().take(MAX_QUERY_CHARS).collect();
    }

    pub fn push(&mut self, text: &str) {
        let query = format!("{}{text}", self.query);
        self.set(&query);
    }

    pub fn pop(&mut self) {
        self.query.pop();
    }

    /// The query to run: the one typed, or without its field filters when they cannot be
    /// read (the reason is kept in `error`), so a half-typed filter never empties the list.
    pub fn parsed(&mut self) -> Query {
        match Query::parse(&self.query) {
            Ok(query) => {
                self.error = None;
                query
            }
            Err(e) => {
                self.error = Some(e.to_string());
                let words: Vec<&str> = (self.query.split_whitespace())
                    .filter(|w| !w.contains(':'))
                    .collect();
                Query::parse(&words.join(" ")).unwrap_or_default()
            }
        }
    }
}

/// Keeps typed or pasted text printable: controls and new lines become spaces.
pub fn clean_input(text: &str) -> String {
    sanitize(text)
        .chars()
        .map(|c| {
            if c.is_control() || ('\u{2400}'..='\u{2421}').contains(&c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Draws the bar.
pub struct SearchBarView<'a> {
    pub bar: &'a SearchBar,
    pub typing: bool,
    /// The quick filters in force: ("brand", "ASICS").
    pub filters: Vec<(&'static str, &'a str)>,
    pub status: Option<&'a str>,
    /// The count at the right: "520 entries", "8 of 520", "best 5000 of 95721 matches".
    pub count: String,
    pub theme: &'a Theme,
}

impl Widget for SearchBarView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let mut runs: Vec<(String, Style)> = Vec::new();
        if self.typing || !self.bar.query.is_empty() {
            runs.push(("/ ".into(), theme.key));
            let style = if self.typing { theme.text } else { theme.dim };
            runs.push((self.bar.query.clone(), style));
            if self.typing {
                runs.push(("▏".into(), theme.key));
            }
        } else {
            runs.push(("/ search   b brand   c collaborator".into(), theme.dim));
        }
        for (label, value) in &self.filters {
            runs.push((format!("  {label}: "), theme.dim));
            runs.push((value.to_string(), theme.filter));
        }
        if !self.filters.is_empty() {
            runs.push(("  (x clears)".into(), theme.dim));
        }
        if let Some(error) = &self.bar.error {
            runs.push((format!("  {error}"), theme.error));
        }
        if let Some(status) = self.status {
            runs.push((format!("  {status}"), theme.status));
        }
        let count = format!(" {} ", self.count);
        let available = usize::from(area.width);
        let left = available.saturating_sub(width(&count));
        let mut spans = fit(runs, left, Some(theme.text));
        spans.extend(fit(
            vec![(count, theme.dim)],
            available - left.min(available),
            None,
        ));
        Paragraph::new(Line::from(spans)).render(area, buf);
    }
}
