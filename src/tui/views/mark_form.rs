//! The small form `M` opens over the view: a pair's mark and its details (size, condition,
//! purchase date, price, currency, note). It checks what is typed as the command line does
//! (the same rules as an imported row) and says what is wrong without closing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::collection::exchange::Row;
use crate::collection::{Change, Mark, Status};
use crate::tui::action::Action;
use crate::tui::theme::Theme;

use super::spans::fit;

/// The text fields after the mark itself, with their labels.
const FIELDS: [&str; 6] = ["size", "condition", "bought", "price", "currency", "note"];

/// Typed text is cut at this many characters per field.
const MAX_FIELD: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkForm {
    pub id: String,
    pub title: String,
    pub status: Option<Status>,
    /// The text of each of [`FIELDS`].
    pub fields: [String; 6],
    /// 0 for the mark, then the fields.
    pub focus: usize,
    pub error: Option<String>,
}

/// What a key did to the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormOutcome {
    Stay,
    Cancel,
    Save(Change),
}

impl MarkForm {
    /// The form for an entry, filled with its mark (a new one starts as owned).
    pub fn new(id: &str, title: &str, mark: Option<&Mark>) -> MarkForm {
        let row = mark.map(|m| Row::of_mark(id, m)).unwrap_or_default();
        MarkForm {
            id: id.to_string(),
            title: title.to_string(),
            status: mark.map_or(Some(Status::Owned), |m| m.status),
            fields: [
                row.size,
                row.condition,
                row.purchased,
                row.price,
                row.currency,
                row.note,
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn update(&mut self, action: Action) -> FormOutcome {
        let count = FIELDS.len() + 1;
        match action {
            Action::Cancel => return FormOutcome::Cancel,
            Action::Submit => match self.mark() {
                Ok(mark) => {
                    return FormOutcome::Save(Change {
                        id: self.id.clone(),
                        mark: Some(mark),
                    });
                }
                Err(why) => self.error = Some(why),
            },
            Action::Down => self.focus = (self.focus + 1) % count,
            Action::Up => self.focus = (self.focus + count - 1) % count,
            Action::Input(c) if self.focus == 0 => {
                self.status = match c {
                    'o' | 'O' => Some(Status::Owned),
                    'w' | 'W' => Some(Status::Wanted),
                    's' | 'S' => Some(Status::Sold),
                    '-' | 'n' | 'N' => None,
                    ' ' => Status::cycle(self.status),
                    _ => self.status,
                }
            }
            Action::Input(c) => self.type_text(&c.to_string()),
            Action::Paste(text) if self.focus > 0 => {
                self.type_text(text.lines().next().unwrap_or_default());
            }
            Action::DeleteChar if self.focus > 0 => {
                self.fields[self.focus - 1].pop();
            }
            Action::ClearInput if self.focus > 0 => self.fields[self.focus - 1].clear(),
            _ => {}
        }
        FormOutcome::Stay
    }

    fn type_text(&mut self, text: &str) {
        let field = &mut self.fields[self.focus - 1];
        let clean = crate::text::sanitize(text);
        let room = MAX_FIELD.saturating_sub(field.chars().count());
        field.extend(clean.chars().take(room));
        self.error = None;
    }

    /// The mark the form holds, or what is wrong with it.
    fn mark(&self) -> Result<Mark, String> {
        let [size, condition, purchased, price, currency, note] = self.fields.clone();
        Row {
            id: self.id.clone(),
            status: self
                .status
                .map(|s| s.label().to_string())
                .unwrap_or_default(),
            size,
            condition,
            purchased,
            price,
            currency,
            note,
            ..Row::default()
        }
        .mark()
    }
}

/// Draws a [`MarkForm`] centred over the screen.
pub struct MarkFormView<'a> {
    pub form: &'a MarkForm,
    pub theme: &'a Theme,
}

impl Widget for MarkFormView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (form, theme) = (self.form, self.theme);
        let box_area = super::centred(area, 64, FIELDS.len() as u16 + 7);
        Clear.render(box_area, buf);
        let title = super::title_that_fits(
            &[format!("Mark: {}", form.title)],
            usize::from(box_area.width),
        );
        let block = Block::bordered()
            .title(title)
            .border_style(theme.border_focused);
        let inner = block.inner(box_area);
        block.render(box_area, buf);
        let width = usize::from(inner.width);
        let label_width = 11;
        let mut lines = Vec::new();
        let cursor = |focused: bool| if focused { "▏" } else { "" };
        let status = match form.status {
            Some(s) => format!("{} {}", s.symbol(), s.label()),
            None => "- none".to_string(),
        };
        let mut row = |label: &str, value: String, focused: bool| {
            let style = if focused { theme.selected } else { theme.text };
            let mut spans = fit(
                vec![(format!("{label:<label_width$}"), theme.label)],
                label_width.min(width),
                None,
            );
            spans.extend(fit(
                vec![(format!("{value}{}", cursor(focused)), style)],
                width.saturating_sub(label_width),
                None,
            ));
            lines.push(Line::from(spans));
        };
        row("mark", status, form.focus == 0);
        for (i, label) in FIELDS.iter().enumerate() {
            row(label, form.fields[i].clone(), form.focus == i + 1);
        }
        lines.push(Line::default());
        let hint = if form.focus == 0 {
            "o owned · w wanted · s sold · - none · Space cycles"
        } else {
            "bought: 2024 or 2024-05 · price: 180 or 179.95, currency: EUR"
        };
        lines.push(Line::from(fit(
            vec![(hint.to_string(), theme.dim)],
            width,
            None,
        )));
        match &form.error {
            Some(error) => lines.push(Line::from(fit(
                vec![(error.clone(), theme.error)],
                width,
                None,
            ))),
            None => lines.push(Line::from(fit(
                vec![(
                    "Tab ↓ next field · Enter saves · Esc cancels".to_string(),
                    theme.dim,
                )],
                width,
                None,
            ))),
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_fills_the_focused_field_and_enter_saves_the_mark() {
        let mut form = MarkForm::new("gel-kayano-14", "Gel-Kayano 14", None);
        assert_eq!(form.status, Some(Status::Owned));
        form.update(Action::Input('w'));
        form.update(Action::Down);
        for c in "10.5".chars() {
            form.update(Action::Input(c));
        }
        let FormOutcome::Save(change) = form.update(Action::Submit) else {
            panic!("not saved");
        };
        let mark = change.mark.unwrap();
        assert_eq!(mark.status, Some(Status::Wanted));
        assert_eq!(mark.size.as_deref(), Some("10.5"));
    }

    #[test]
    fn a_price_without_a_currency_is_explained_and_the_form_stays_open() {
        let mut form = MarkForm::new("gel-kayano-14", "Gel-Kayano 14", None);
        form.focus = 4;
        form.update(Action::Input('9'));
        assert_eq!(form.update(Action::Submit), FormOutcome::Stay);
        assert!(
            form.error
                .as_deref()
                .unwrap()
                .contains("without its currency")
        );
        form.focus = 5;
        for c in "eur".chars() {
            form.update(Action::Input(c));
        }
        let FormOutcome::Save(change) = form.update(Action::Submit) else {
            panic!("not saved");
        };
        assert_eq!(change.mark.unwrap().price.unwrap().to_string(), "9 EUR");
    }
}
