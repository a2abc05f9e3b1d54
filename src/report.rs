//! `kicktime line`, `kicktime brand` and `kicktime collab`: a lineage, a brand and a
//! collaborator as text (the lineage as a graph like the screen's), JSON or Markdown.

use std::io::{self, Write};

use serde::Serialize;

use crate::lineage::Lineage;
use crate::profile::{BrandProfile, CollaboratorProfile, PerYear, kinds_counted, span};
use crate::store::{Store, Subject};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PageFormat {
    Text,
    Json,
    Md,
}

/// An entry in a page's JSON: its id, title, kind and date.
#[derive(Debug, Serialize)]
struct EntryRef<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    date: Option<String>,
    collaborators: Vec<&'a str>,
}

fn entry_ref(store: &Store, subject: Subject) -> EntryRef<'_> {
    let facts = store.facts(subject);
    let collaborators = match subject {
        Subject::Release(r) => store
            .collaborators_of_release(r)
            .map(|c| store.collaborators[c].name.as_str())
            .collect(),
        Subject::Model(_) => Vec::new(),
    };
    EntryRef {
        id: store.subject_id(subject),
        title: store.subject_title(subject),
        kind: facts.kind.label(),
        date: facts.date.map(|d| d.to_string()),
        collaborators,
    }
}

#[derive(Debug, Serialize)]
struct LineJson<'a> {
    line: Option<&'a str>,
    brand: &'a str,
    first: Option<i32>,
    latest: Option<i32>,
    generations: Vec<GenerationJson<'a>>,
}

#[derive(Debug, Serialize)]
struct GenerationJson<'a> {
    id: &'a str,
    name: &'a str,
    generation: Option<u16>,
    date: Option<String>,
    designers: &'a [String],
    new_technologies: &'a [String],
    releases: Vec<EntryRef<'a>>,
    derived_from: Vec<&'a str>,
    gave_rise_to: Vec<&'a str>,
}

/// Prints the lineage of the line of `subject`.
pub fn print_line(
    out: &mut impl Write,
    store: &Store,
    subject: Subject,
    format: PageFormat,
) -> io::Result<()> {
    let lineage = Lineage::of(store, store.facts(subject).model);
    let brand = store
        .brands
        .get(lineage.brand)
        .map_or("", |b| b.name.as_str());
    let name = lineage.name.clone().unwrap_or_else(|| {
        (lineage.generations.first())
            .map_or(String::new(), |g| store.models.name(g.model).to_string())
    });
    match format {
        PageFormat::Json => {
            let span = lineage.span();
            let json = LineJson {
                line: lineage.name.as_deref(),
                brand,
                first: span.map(|s| s.0),
                latest: span.map(|s| s.1),
                generations: (lineage.generations.iter())
                    .map(|g| GenerationJson {
                        id: store.models.id(g.model),
                        name: store.models.name(g.model),
                        generation: g.number,
                        date: g.date.map(|d| d.to_string()),
                        designers: &g.designers,
                        new_technologies: &g.new_technologies,
                        releases: (g.releases.iter())
                            .map(|&p| entry_ref(store, store.timeline[p].subject()))
                            .collect(),
                        derived_from: g.derived_from.iter().map(|&m| store.models.id(m)).collect(),
                        gave_rise_to: g.gave_rise_to.iter().map(|&m| store.models.id(m)).collect(),
                    })
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)
        }
        PageFormat::Text => {
            let undated = lineage
                .generations
                .iter()
                .filter(|g| g.date.is_none())
                .count();
            let mut heading = format!("{name} · {brand}");
            if let Some((first, latest)) = lineage.span() {
                heading.push_str(&format!(" · {first}–{latest}"));
            }
            heading.push_str(&format!(" · {} generations", lineage.generations.len()));
            if undated > 0 {
                heading.push_str(&format!(", {undated} undated"));
            }
            writeln!(out, "{heading}\n")?;
            let rows = lineage.rows();
            for index in 0..rows.len() {
                writeln!(out, "{}", lineage.row_parts(store, &rows, index).text())?;
            }
            Ok(())
        }
        PageFormat::Md => {
            writeln!(out, "## {name} ({brand})\n")?;
            for g in &lineage.generations {
                let date = g.date.map_or("undated".to_string(), |d| d.to_string());
                let mut line = format!("- {date} **{}**", md(store.models.name(g.model)));
                if !g.designers.is_empty() {
                    line.push_str(&format!(" — {}", md(&g.designers.join(", "))));
                }
                if !g.new_technologies.is_empty() {
                    line.push_str(&format!(" — new: {}", md(&g.new_technologies.join(", "))));
                }
                writeln!(out, "{line}")?;
                for &p in &g.releases {
                    let entry = &store.timeline[p];
                    let with = store.collaborator_names(entry);
                    let with = if with.is_empty() {
                        String::new()
                    } else {
                        format!(" × {}", md(&with.join(", ")))
                    };
                    let title = md(store.title_of(entry));
                    writeln!(
                        out,
                        "  - {} {} {title}{with}",
                        entry.date,
                        entry.kind.label()
                    )?;
                }
                for &m in &g.derived_from {
                    writeln!(out, "  - derived from {}", md(store.models.name(m)))?;
                }
                for &m in &g.gave_rise_to {
                    writeln!(out, "  - gave rise to {}", md(store.models.name(m)))?;
                }
            }
            Ok(())
        }
    }
}

#[derive(Debug, Serialize)]
struct YearJson {
    year: i32,
    models: usize,
    reissues: usize,
    collabs: usize,
}

fn years_json(per_year: &PerYear) -> Vec<YearJson> {
    per_year
        .iter()
        .map(|(&year, c)| YearJson {
            year,
            models: c[0],
            reissues: c[1],
            collabs: c[2],
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct Named<'a> {
    id: &'a str,
    name: &'a str,
    releases: usize,
}

#[derive(Debug, Serialize)]
struct BrandJson<'a> {
    id: &'a str,
    name: &'a str,
    country: Option<&'a str>,
    founded: Option<i32>,
    sources: &'a [crate::model::Source],
    models: usize,
    undated_models: usize,
    reissues: usize,
    collabs: usize,
    per_year: Vec<YearJson>,
    lines: &'a [crate::profile::LineSummary],
    collaborators: Vec<Named<'a>>,
}

/// Prints what the dataset holds of a brand.
pub fn print_brand(
    out: &mut impl Write,
    store: &Store,
    brand: usize,
    format: PageFormat,
) -> io::Result<()> {
    let profile = BrandProfile::of(store, brand);
    let b = &store.brands[brand];
    let collaborators = (profile.collaborators.iter())
        .map(|&(c, n)| Named {
            id: &store.collaborators[c].id,
            name: &store.collaborators[c].name,
            releases: n,
        })
        .collect::<Vec<_>>();
    if format == PageFormat::Json {
        let json = BrandJson {
            id: &b.id,
            name: &b.name,
            country: b.country.as_deref(),
            founded: b.founded,
            sources: &b.sources,
            models: profile.models,
            undated_models: profile.undated,
            reissues: profile.reissues,
            collabs: profile.collabs,
            per_year: years_json(&profile.per_year),
            lines: &profile.lines,
            collaborators,
        };
        serde_json::to_writer_pretty(&mut *out, &json)?;
        return writeln!(out);
    }
    let markdown = format == PageFormat::Md;
    let mut card = b.name.to_string();
    if let Some(country) = &b.country {
        card.push_str(&format!(" · {country}"));
    }
    if let Some(founded) = b.founded {
        card.push_str(&format!(" · founded {founded}"));
    }
    if markdown {
        writeln!(out, "## {}\n", md(&card))?;
    } else {
        writeln!(out, "{card}\n")?;
    }
    let counts = [profile.models, profile.reissues, profile.collabs];
    let mut summary = kinds_counted(counts);
    if profile.undated > 0 {
        summary.push_str(&format!(", plus {} undated generations", profile.undated));
    }
    if let Some((first, last)) = span(&profile.per_year) {
        summary.push_str(&format!(" · {first}–{last}"));
    }
    writeln!(out, "{summary}")?;
    for source in b.sources.iter() {
        writeln!(out, "Source: {} <{}>", source.title, source.url)?;
    }
    heading(out, "Entries per year", markdown)?;
    let widest = profile
        .per_year
        .values()
        .map(|c| c.iter().sum::<usize>())
        .max()
        .unwrap_or(1);
    for (year, c) in &profile.per_year {
        let total: usize = c.iter().sum();
        let bar = "█".repeat((total * 40).div_ceil(widest.max(1)));
        let row = format!("{year}  {bar} {total}");
        if markdown {
            writeln!(out, "    {row}")?;
        } else {
            writeln!(out, "  {row}")?;
        }
    }
    heading(out, "Lines", markdown)?;
    for line in &profile.lines {
        let years = match (line.first, line.latest) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => "undated".to_string(),
        };
        let bullet = if markdown { "- " } else { "  " };
        writeln!(
            out,
            "{bullet}{}  {years}  {} generations{}",
            line.name,
            line.generations,
            if line.undated > 0 {
                format!(" ({} undated)", line.undated)
            } else {
                String::new()
            }
        )?;
    }
    heading(out, "Collaborators", markdown)?;
    for c in &collaborators {
        let bullet = if markdown { "- " } else { "  " };
        writeln!(out, "{bullet}{}  {}", c.name, c.releases)?;
    }
    Ok(())
}

#[derive(Debug, Serialize)]
struct CollaboratorJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    country: Option<&'a str>,
    aliases: &'a [crate::model::Text],
    first: Option<i32>,
    latest: Option<i32>,
    per_year: Vec<YearJson>,
    brands: Vec<BrandReleases<'a>>,
}

#[derive(Debug, Serialize)]
struct BrandReleases<'a> {
    brand: &'a str,
    releases: Vec<EntryRef<'a>>,
}

/// Prints what the dataset holds of a collaborator.
pub fn print_collaborator(
    out: &mut impl Write,
    store: &Store,
    collaborator: usize,
    format: PageFormat,
) -> io::Result<()> {
    let profile = CollaboratorProfile::of(store, collaborator);
    let who = &store.collaborators[collaborator];
    let span = span(&profile.per_year);
    if format == PageFormat::Json {
        let json = CollaboratorJson {
            id: &who.id,
            name: &who.name,
            kind: who.kind.label(),
            country: who.country.as_deref(),
            aliases: &who.aliases,
            first: span.map(|s| s.0),
            latest: span.map(|s| s.1),
            per_year: years_json(&profile.per_year),
            brands: (profile.by_brand.iter())
                .map(|(b, positions)| BrandReleases {
                    brand: &store.brands[*b].name,
                    releases: (positions.iter())
                        .map(|&p| entry_ref(store, store.timeline[p].subject()))
                        .collect(),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &json)?;
        return writeln!(out);
    }
    let markdown = format == PageFormat::Md;
    let mut card = format!("{} · {}", who.name, who.kind.label());
    if let Some(country) = &who.country {
        card.push_str(&format!(" · {country}"));
    }
    if markdown {
        writeln!(out, "## {}\n", md(&card))?;
    } else {
        writeln!(out, "{card}\n")?;
    }
    let count = profile.releases().count();
    let mut summary = format!(
        "{} with {}",
        crate::profile::count(count, "release", "releases"),
        crate::profile::count(profile.by_brand.len(), "brand", "brands")
    );
    if let Some((first, last)) = span {
        summary.push_str(&format!(" · {first}–{last}"));
    }
    writeln!(out, "{summary}")?;
    if !who.aliases.is_empty() {
        writeln!(out, "Also known as {}", who.aliases.join(", "))?;
    }
    for (brand, positions) in &profile.by_brand {
        heading(out, &store.brands[*brand].name, markdown)?;
        for &p in positions {
            let entry = &store.timeline[p];
            let bullet = if markdown { "- " } else { "  " };
            writeln!(
                out,
                "{bullet}{}  {}  {}",
                entry.date,
                store.title_of(entry),
                store.id_of(entry)
            )?;
        }
    }
    Ok(())
}

fn heading(out: &mut impl Write, text: &str, markdown: bool) -> io::Result<()> {
    if markdown {
        writeln!(out, "\n### {}\n", md(text))
    } else {
        writeln!(out, "\n{text}")
    }
}

/// Text made safe for a Markdown line.
fn md(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('|', "\\|")
}
