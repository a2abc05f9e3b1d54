//! The built-in history against `data/CHECKLIST.md`: every landmark that two published lists
//! agree on is in the dataset, dated as the lists date it (or disputed), and every numbered
//! line runs from its first generation to its latest without a gap. An edit that drops a
//! landmark or a generation fails here.

use std::collections::{BTreeMap, BTreeSet};

use kicktime::open::open;
use kicktime::store::{Store, Subject};

fn checklist() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/CHECKLIST.md");
    std::fs::read_to_string(path).expect("data/CHECKLIST.md")
}

/// The rows of the table under a `## heading`, each as its cells, without the header rows.
fn table(text: &str, heading: &str) -> Vec<Vec<String>> {
    let section = text
        .split("\n## ")
        .find(|s| s.starts_with(heading))
        .unwrap_or_else(|| panic!("no section {heading:?}"));
    section
        .lines()
        .filter(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            let inner = l.trim().trim_start_matches('|').trim_end_matches('|');
            inner.split('|').map(|c| c.trim().to_string()).collect()
        })
        .collect()
}

fn store() -> Store {
    open(None).expect("the built-in dataset opens").store
}

#[test]
fn every_landmark_of_the_checklist_is_in_the_dataset_with_two_publishers_behind_it() {
    let text = checklist();
    let publisher_of: BTreeMap<String, String> = table(&text, "Lists")
        .into_iter()
        .map(|row| (row[0].clone(), row[1].clone()))
        .collect();
    let landmarks = table(&text, "Landmarks");
    assert!(
        landmarks.len() >= 30,
        "the checklist shrank to {}",
        landmarks.len()
    );
    let store = store();
    for row in &landmarks {
        let (name, year, lists, id) = (&row[0], &row[2], &row[3], &row[4]);
        let publishers: BTreeSet<&String> = lists
            .split(',')
            .map(|key| {
                let key = key.trim();
                publisher_of
                    .get(key)
                    .unwrap_or_else(|| panic!("{name}: list {key:?} is not in the Lists table"))
            })
            .collect();
        assert!(
            publishers.len() >= 2,
            "{name} is named by one publisher only: {publishers:?}"
        );
        let subject = store
            .subject(id)
            .unwrap_or_else(|| panic!("landmark {name} ({id}) is not in the dataset"));
        let year: i32 = year.parse().unwrap();
        let facts = store.facts(subject);
        let dated = facts.date.map(|d| d.year);
        let (_, disputes) = store.subject_provenance(subject);
        let disputed = disputes.iter().any(|d| {
            let about = d.about.to_lowercase();
            ["year", "date", "launch", "introduc", "release"]
                .iter()
                .any(|w| about.contains(w))
        });
        assert!(
            dated == Some(year) || disputed,
            "{name} ({id}): the lists date it {year}, the dataset {dated:?} with no dispute"
        );
    }
}

#[test]
fn every_numbered_line_runs_from_its_first_generation_to_its_latest() {
    let text = checklist();
    let lines = table(&text, "Lines");
    assert!(
        lines.len() >= 40,
        "the line table shrank to {}",
        lines.len()
    );
    let store = store();
    // (brand id, line) -> generations present.
    let mut present: BTreeMap<(String, String), BTreeSet<u16>> = BTreeMap::new();
    for model in store.models.iter() {
        if let (Some(line), Some(n)) = (model.line, model.generation) {
            present
                .entry((model.brand.to_string(), line.to_string()))
                .or_default()
                .insert(n);
        }
    }
    for row in &lines {
        let (line, brand, latest, latest_id) = (&row[0], &row[1], &row[2], &row[4]);
        let latest: u16 = latest.parse().unwrap();
        let have = present
            .get(&(brand.clone(), line.clone()))
            .unwrap_or_else(|| panic!("the {line} line of {brand} is gone"));
        let missing: Vec<u16> = (1..=latest).filter(|n| !have.contains(n)).collect();
        assert!(
            missing.is_empty(),
            "the {line} line lacks generations {missing:?}"
        );
        let model = store
            .model(latest_id)
            .unwrap_or_else(|| panic!("{latest_id} is gone"));
        assert_eq!(
            store.models.get(model).generation,
            Some(latest),
            "{latest_id}"
        );
        assert!(
            matches!(store.subject(latest_id), Some(Subject::Model(_))),
            "{latest_id} is a model"
        );
    }
}
