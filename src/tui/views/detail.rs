//! The detail pane: everything known about one model or release, with links to follow (its
//! brand, model, releases, collaborators and lineage), its disputes and its sources. The
//! description is worked out once when the pane is given a new subject, not on every frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::detail::{Detail, Link, describe};
use crate::output::wrap;
use crate::store::{Store, Subject};
use crate::tui::theme::Theme;

use super::spans::fit;
use super::timeline::clamp_add;

/// How far the pane scrolls past its last link.
const MAX_SCROLL: isize = 80;

#[derive(Debug, Clone, Default)]
pub struct DetailPane {
    shown: Option<(Subject, Detail, Vec<Link>)>,
    /// The selected link.
    pub link: usize,
    /// Lines scrolled past the last link (to the disputes and sources).
    pub scroll: u16,
}

impl DetailPane {
    /// Shows a model or release (nothing for `None`); the same subject keeps its link and
    /// scroll.
    pub fn show(&mut self, store: &Store, subject: Option<Subject>) {
        if self.subject() == subject {
            return;
        }
        self.link = 0;
        self.scroll = 0;
        self.shown = subject.map(|s| {
            let detail = describe(store, s);
            let links = detail.links();
            (s, detail, links)
        });
    }

    pub fn subject(&self) -> Option<Subject> {
        self.shown.as_ref().map(|(s, _, _)| *s)
    }

    pub fn detail(&self) -> Option<&Detail> {
        self.shown.as_ref().map(|(_, d, _)| d)
    }

    /// The links of the detail, in the order they are shown.
    pub fn links(&self) -> &[Link] {
        self.shown.as_ref().map_or(&[], |(_, _, l)| l)
    }

    pub fn selected_link(&self) -> Option<Link> {
        self.links().get(self.link).copied()
    }

    /// The selection walks the links; past the last link the pane scrolls on (to its disputes
    /// and sources), and back up again before the links move.
    pub fn move_by(&mut self, delta: isize) {
        let links = self.links().len();
        let at_last_link = links == 0 || self.link + 1 >= links;
        if (delta > 0 && at_last_link) || (delta < 0 && self.scroll > 0) {
            let scroll = (self.scroll as isize).saturating_add(delta);
            self.scroll = scroll.clamp(0, MAX_SCROLL) as u16;
        } else if links > 0 {
            self.link = clamp_add(self.link, delta, links);
        }
    }
}

/// Draws a [`DetailPane`].
pub struct DetailView<'a> {
    pub pane: &'a DetailPane,
    /// The collection: the entry's mark is shown under its title.
    pub marks: &'a crate::tui::marks::Marks,
    pub store: &'a Store,
    pub theme: &'a Theme,
    pub focused: bool,
}

const LABEL_WIDTH: usize = 14;

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let block = Block::bordered()
            .title(" Detail ")
            .border_style(theme.border_for(self.focused));
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(detail) = self.pane.detail() else {
            return;
        };
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let (lines, link_lines) = self.lines(detail, usize::from(inner.width));
        let height = usize::from(inner.height);
        let link_line = link_lines.get(self.pane.link).copied().unwrap_or(0);
        let mut top = (link_line + 1).saturating_sub(height);
        if self.focused {
            top = top.max(usize::from(self.pane.scroll));
        }
        top = top.min(lines.len().saturating_sub(height));
        let visible: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
        Paragraph::new(visible).render(inner, buf);
    }
}

impl DetailView<'_> {
    /// The pane's lines at a width, and the line each link stands on.
    fn lines(&self, detail: &Detail, width: usize) -> (Vec<Line<'static>>, Vec<usize>) {
        let theme = self.theme;
        let mut lines: Vec<Line> = Vec::new();
        let mut link_lines = Vec::new();
        let text_line =
            |text: String, style: Style| Line::from(fit(vec![(text, style)], width, None));
        for part in wrap(&detail.title, width.max(1)) {
            lines.push(text_line(part, theme.title));
        }
        let mark = (self.pane.subject()).and_then(|s| self.marks.get(self.store.subject_id(s)));
        if let Some(mark) = mark {
            let (head, style) = match mark.status {
                Some(status) => (format!("{} {status}", status.symbol()), theme.mark(status)),
                None => ("not marked".to_string(), theme.dim),
            };
            let details = mark.details();
            let mut spans = fit(vec![(head, style)], width, None);
            if !details.is_empty() {
                let room = width.saturating_sub(crate::text::width(&spans_text(&spans)));
                spans.extend(fit(vec![(format!(" · {details}"), theme.text)], room, None));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::default());
        let value_width = width.saturating_sub(LABEL_WIDTH);
        for field in &detail.fields {
            for (i, item) in field.items.iter().enumerate() {
                let label = if i == 0 { field.label } else { "" };
                let style = match item.link {
                    Some(_) if self.focused && link_lines.len() == self.pane.link => {
                        theme.link_selected
                    }
                    Some(_) => theme.link,
                    None => theme.text,
                };
                if item.link.is_some() {
                    link_lines.push(lines.len());
                }
                let mut spans = fit(
                    vec![(label.to_string(), theme.label)],
                    LABEL_WIDTH.min(width),
                    Some(Style::new()),
                );
                spans.extend(fit(vec![(item.text.clone(), style)], value_width, None));
                lines.push(Line::from(spans));
            }
        }
        if !detail.summary.is_empty() {
            lines.push(Line::default());
            for part in wrap(&detail.summary, width.max(1)) {
                lines.push(text_line(part, theme.text));
            }
        }
        if !detail.disputes.is_empty() {
            lines.push(Line::default());
            lines.push(text_line("Disputed".into(), theme.disputed));
            for dispute in &detail.disputes {
                lines.push(text_line(format!(" {}:", dispute.about), theme.disputed));
                for claim in &dispute.claims {
                    for part in wrap(
                        &format!("- {}: {}", claim.source, claim.says),
                        width.saturating_sub(2).max(1),
                    ) {
                        lines.push(text_line(format!("  {part}"), theme.text));
                    }
                }
            }
        }
        if !detail.sources.is_empty() {
            lines.push(Line::default());
            lines.push(text_line("Sources (Enter or o opens)".into(), theme.label));
            for source in detail.sources.iter() {
                let selected = self.focused && link_lines.len() == self.pane.link;
                link_lines.push(lines.len());
                let style = if selected {
                    theme.link_selected
                } else {
                    theme.text
                };
                let one = std::slice::from_ref(source);
                source_lines(self.store, one, width, theme, style, &mut lines);
            }
        }
        (lines, link_lines)
    }
}

/// Each source as its title, its publisher when known, and its address in pieces that fit.
pub fn source_lines(
    store: &Store,
    sources: &[crate::model::Source],
    width: usize,
    theme: &Theme,
    title_style: Style,
    lines: &mut Vec<Line<'static>>,
) {
    let text_line = |text: String, style: Style| Line::from(fit(vec![(text, style)], width, None));
    for source in sources {
        let title = match store.publisher_of(&source.url) {
            Some(p) if !source.title.contains(p.name.as_str()) => {
                format!("- {} ({})", source.title, p.name)
            }
            _ => format!("- {}", source.title),
        };
        for part in wrap(&title, width.max(1)) {
            lines.push(text_line(part, title_style));
        }
        for part in chunk(&source.url, width.saturating_sub(2).max(1)) {
            lines.push(text_line(format!("  {part}"), theme.dim));
        }
    }
}

fn spans_text(spans: &[ratatui::text::Span]) -> String {
    spans.iter().map(|s| s.content.as_ref()).collect()
}

/// Splits text that has no spaces (a URL) into pieces of at most `columns` characters, so it
/// can be read whole.
fn chunk(text: &str, columns: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.chunks(columns).map(|c| c.iter().collect()).collect()
}
