//! Synthetic datasets of any size, for benchmarks and load tests (`examples/gen.rs` writes them
//! to a file).
//!
//! The data is plausible (brands, model lines with generations, collaborators, reissues and
//! collabs dated 1975-2025) and fixed by a seed, so every run writes the same file. It is not
//! history: never mix it with the curated dataset.

use std::fmt::Write as _;

const BRANDS: &[(&str, &str, &str)] = &[
    ("asics", "ASICS", "Japan"),
    ("new-balance", "New Balance", "United States"),
    ("nike", "Nike", "United States"),
    ("adidas", "adidas", "Germany"),
    ("salomon", "Salomon", "France"),
    ("hoka", "HOKA", "France"),
    ("saucony", "Saucony", "United States"),
    ("mizuno", "Mizuno", "Japan"),
    ("reebok", "Reebok", "United Kingdom"),
    ("puma", "Puma", "Germany"),
    ("on", "On", "Switzerland"),
    ("brooks", "Brooks", "United States"),
    ("onitsuka-tiger", "Onitsuka Tiger", "Japan"),
    ("merrell", "Merrell", "United States"),
    ("diadora", "Diadora", "Italy"),
    ("karhu", "Karhu", "Finland"),
];

const LINE_WORDS: &[&str] = &[
    "Gel", "Air", "Zoom", "Wave", "Cloud", "Grid", "Speed", "Trail", "Nova", "Flux", "Pulse",
    "Rider", "Glide", "Strike", "Vector", "Shadow", "Summit", "Tempo", "Pace", "Ridge",
];
const LINE_TAILS: &[&str] = &[
    "Kayano", "Vomero", "Pegasus", "Runner", "Racer", "Trainer", "Cross", "Max", "Lite", "Flow",
    "Pro", "Elite", "Quest", "Storm", "Stride", "Drift", "Surge", "Boost", "Form", "Core",
];
const SYLLABLES: &[&str] = &[
    "ka", "jo", "ne", "ri", "mo", "sa", "ter", "vin", "lo", "da", "ge", "pha", "un", "ox", "bel",
    "ra", "ki", "so", "mi", "zu", "an", "dre", "co", "lu",
];
const COLLABORATOR_KINDS: &[&str] = &["Label", "Designer", "Retailer", "Artist", "Musician"];
const COLOURWAYS: &[&str] = &[
    "Silver / Black",
    "Cream",
    "Oyster Grey",
    "Forest Green",
    "Triple White",
    "Sand",
    "Navy",
    "Infrared",
    "Volt",
    "Burgundy",
];

/// A small, fixed pseudo-random sequence (xorshift), so the output never changes.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The RON text of a dataset of about `entries` timeline entries (30% models, 70% releases).
pub fn generate(entries: usize) -> String {
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let models = (entries * 3 / 10).max(1);
    let releases = entries - models.min(entries);
    let collaborators = (entries / 40).clamp(4, 20_000);
    let mut s = String::with_capacity(entries * 260);
    s.push_str("// Synthetic data written by `cargo run --example gen`: not history.\nDataset(\n    brands: [\n");
    for (id, name, country) in BRANDS {
        let _ = writeln!(
            s,
            "        Brand(id: \"{id}\", name: \"{name}\", country: \"{country}\"),"
        );
    }
    s.push_str("    ],\n    collaborators: [\n");
    let mut collaborator_names = Vec::with_capacity(collaborators);
    for i in 0..collaborators {
        let parts = 2 + random.below(2);
        let name: String = (0..parts).map(|_| random.pick(SYLLABLES)).collect();
        let name = format!(
            "{} {}",
            capitalised(&name),
            capitalised(random.pick(SYLLABLES))
        );
        let kind = random.pick(COLLABORATOR_KINDS);
        let _ = writeln!(
            s,
            "        Collaborator(id: \"c{i}\", name: \"{name}\", kind: {kind}),"
        );
        collaborator_names.push(name);
    }
    s.push_str("    ],\n    models: [\n");
    let mut model_years: Vec<i32> = Vec::with_capacity(models);
    let mut model_names = Vec::with_capacity(models);
    let mut previous_in_line: std::collections::HashMap<String, usize> = Default::default();
    for i in 0..models {
        let brand = BRANDS[random.below(BRANDS.len())].0;
        let line = format!("{}-{}", random.pick(LINE_WORDS), random.pick(LINE_TAILS));
        let key = format!("{brand}/{line}");
        let generation = previous_in_line
            .get(&key)
            .map_or(1, |&p| model_names_generation(&model_names, p) + 1);
        let year = 1975 + random.below(50) as i32;
        let year = match previous_in_line.get(&key) {
            Some(&p) => (model_years[p] + 1).min(2025),
            None => year,
        };
        let name = format!("{line} {generation}");
        let successor = previous_in_line
            .get(&key)
            .map(|p| format!(" successor_of: \"m{p}\","))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "        Model(id: \"m{i}\", brand: \"{brand}\", line: \"{line}\", name: \"{name}\", introduced: \"{year}\", category: Running, summary: \"A synthetic {line} generation.\",{successor} sources: [Source(title: \"Synthetic\", url: \"https://example.com/m{i}\")]),"
        );
        previous_in_line.insert(key, i);
        model_years.push(year);
        model_names.push((name, generation));
    }
    s.push_str("    ],\n    releases: [\n");
    for i in 0..releases {
        let model = random.below(models);
        let year = model_years[model] + random.below((2026 - model_years[model]) as usize) as i32;
        let month = 1 + random.below(12);
        let (model_name, _) = &model_names[model];
        let colourway = random.pick(COLOURWAYS);
        if random.below(3) == 0 {
            let _ = writeln!(
                s,
                "        Release(id: \"r{i}\", model: \"m{model}\", name: \"{model_name} reissue\", colourway: \"{colourway}\", date: \"{year}-{month:02}\", summary: \"A synthetic reissue.\", sources: [Source(title: \"Synthetic\", url: \"https://example.com/r{i}\")]),"
            );
        } else {
            let c = random.below(collaborators);
            let _ = writeln!(
                s,
                "        Release(id: \"r{i}\", model: \"m{model}\", name: \"{} x {model_name}\", colourway: \"{colourway}\", date: \"{year}-{month:02}\", collaborators: [Credit(collaborator: \"c{c}\")], summary: \"A synthetic collaboration.\", sources: [Source(title: \"Synthetic\", url: \"https://example.com/r{i}\")]),",
                collaborator_names[c]
            );
        }
    }
    s.push_str("    ],\n)\n");
    s
}

fn model_names_generation(names: &[(String, usize)], index: usize) -> usize {
    names[index].1
}

/// A ready store of about `entries` synthetic entries, with the built-in eras. The generated
/// text is kept for the rest of the program (see [`crate::load::keep`]).
pub fn store(entries: usize) -> crate::store::Store {
    let mut files = vec![crate::load::SourceFile {
        name: "synthetic.ron".into(),
        text: crate::load::keep(generate(entries)),
    }];
    files.extend(
        crate::load::builtin_files()
            .into_iter()
            .filter(|f| f.name == "data/eras.ron"),
    );
    let parsed = crate::load::parse_all(&files).expect("synthetic data parses");
    crate::store::Store::build(parsed)
}
