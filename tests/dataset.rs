//! The curated, built-in dataset: the facts of the article the project started from, its
//! lineage links, and the minimum counts, checked through the public API and `kicktime stats`.

mod common;

use kicktime::open::open;
use kicktime::store::{EntryKind, Store};
use serde_json::Value;

fn store() -> Store {
    open(None).expect("the built-in dataset opens").store
}

fn model(store: &Store, id: &str) -> kicktime::model::Model {
    let index = store
        .model(id)
        .unwrap_or_else(|| panic!("model {id} is missing"));
    store.models.get(index)
}

/// The collaborator ids of a model's collabs.
fn collaborators_of(store: &Store, model_id: &str) -> Vec<String> {
    let index = store.model(model_id).unwrap();
    store
        .releases_of_model(index)
        .flat_map(|p| store.collaborators_of(&store.timeline[p]))
        .map(|c| store.collaborators[c].id.to_string())
        .collect()
}

/// Whether a model's record accounts for something it has no entry for: a dispute about it,
/// or its summary (an undated collab cannot be a release, which needs a date).
fn record_mentions(store: &Store, model_id: &str, words: &str) -> bool {
    let model = model(store, model_id);
    let disputes = model.disputes.iter().map(|d| {
        let claims: String = d.claims.iter().map(|c| c.says.as_str()).collect();
        format!("{} {claims}", d.about)
    });
    let mut texts = disputes.chain([model.summary.to_string()]);
    texts.any(|t| t.to_lowercase().contains(&words.to_lowercase()))
}

#[test]
fn the_gel_kayano_line_begins_in_1993_with_toshikazu_kayano() {
    let store = store();
    let first = model(&store, "gel-kayano-1");
    assert_eq!(first.introduced.map(|d| d.year), Some(1993));
    assert!(
        first.designers.iter().any(|d| d == "Toshikazu Kayano"),
        "{:?}",
        first.designers
    );
    let earlier = store
        .models
        .iter()
        .filter(|m| m.line.as_deref() == Some("Gel-Kayano"))
        .filter(|m| m.introduced.is_some_and(|d| d.year < 1993))
        .count();
    assert_eq!(earlier, 0);
}

#[test]
fn the_gel_kayano_14_is_a_2008_model_with_gel_and_trusstic() {
    let store = store();
    let gk14 = model(&store, "gel-kayano-14");
    assert_eq!(gk14.introduced.map(|d| d.year), Some(2008));
    for technology in ["GEL", "TRUSSTIC"] {
        assert!(
            gk14.technologies
                .iter()
                .any(|t| t.to_uppercase().contains(technology)),
            "{:?}",
            gk14.technologies
        );
    }
    assert_eq!(gk14.successor_of.as_deref(), Some("gel-kayano-13"));
}

#[test]
fn the_gel_kayano_14_has_its_reissue_and_the_articles_collaborators_or_a_dispute() {
    let store = store();
    let gk14 = store.model("gel-kayano-14").unwrap();
    let reissues: Vec<i32> = store
        .releases_of_model(gk14)
        .map(|p| &store.timeline[p])
        .filter(|e| e.kind == EntryKind::Reissue)
        .map(|e| e.date.year)
        .collect();
    // The article dates the return 2021; sources date the first lifestyle reissue late 2020.
    assert!(
        reissues.iter().any(|&y| y == 2020 || y == 2021),
        "reissues: {reissues:?}"
    );
    let collaborators = collaborators_of(&store, "gel-kayano-14");
    for (id, name) in [
        ("jjjjound", "JJJJound"),
        ("awake-ny", "Awake"),
        ("kiko-kostadinov", "Kiko"),
    ] {
        assert!(
            collaborators.iter().any(|c| c == id) || record_mentions(&store, "gel-kayano-14", name),
            "neither a {id} collab on the Gel-Kayano 14 nor a word about it"
        );
        assert!(
            store.collaborator(id).is_some(),
            "collaborator {id} is missing"
        );
    }
}

#[test]
fn the_early_2000s_runners_of_the_article_are_there() {
    let store = store();
    for id in ["nb-1906r", "nb-2002r", "vomero-5", "response-cl"] {
        model(&store, id);
    }
    for brand in ["salomon", "hoka", "asics", "new-balance", "nike", "adidas"] {
        assert!(store.brand(brand).is_some(), "brand {brand} is missing");
    }
    assert!(
        model(&store, "nb-2002r")
            .derived_from
            .iter()
            .any(|m| m == "nb-860v2")
    );
}

#[test]
fn aime_leon_dore_and_ganni_worked_on_the_new_balance_runners() {
    let store = store();
    let mut new_balance: Vec<String> = Vec::new();
    for (index, m) in store.models.iter().enumerate() {
        if m.brand == "new-balance" {
            for p in store.releases_of_model(index) {
                for c in store.collaborators_of(&store.timeline[p]) {
                    new_balance.push(store.collaborators[c].id.to_string());
                }
            }
        }
    }
    for id in ["aime-leon-dore", "ganni"] {
        assert!(
            new_balance.iter().any(|c| c == id),
            "no New Balance collab with {id}"
        );
    }
    let on_the_pair: Vec<String> = ["nb-1906r", "nb-2002r"]
        .iter()
        .flat_map(|m| collaborators_of(&store, m))
        .collect();
    assert!(
        on_the_pair.iter().any(|c| c == "ganni"),
        "GANNI on the 1906R or 2002R"
    );
}

#[test]
fn lines_are_chained_generation_by_generation() {
    let store = store();
    for m in store.models.iter() {
        if let Some(previous) = &m.successor_of {
            let before = model(&store, previous);
            assert_eq!(
                before.brand, m.brand,
                "{} follows {previous} of another brand",
                m.id
            );
            // An undated generation has nothing to compare.
            if let (Some(before), Some(after)) = (before.introduced, m.introduced) {
                assert!(before.year <= after.year, "{} predates {previous}", m.id);
            }
        }
    }
}

#[test]
fn every_model_and_release_has_a_source_and_every_dispute_is_shown() {
    let store = store();
    for entry in &store.timeline {
        let (sources, _) = store.provenance(entry);
        assert!(!sources.is_empty(), "{} has no source", store.id_of(entry));
    }
    let disputed = store
        .timeline
        .iter()
        .find(|e| !store.provenance(e).1.is_empty())
        .expect("at least one recorded dispute");
    let disputed_id = store.id_of(disputed);
    let out = common::kicktime(&["show", disputed_id, "--format", "json"]);
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!shown["disputes"].as_array().unwrap().is_empty());
    assert!(shown["disputes"][0]["claims"][0]["source"].is_string());
    assert!(
        shown["sources"][0]["url"]
            .as_str()
            .unwrap()
            .starts_with("http")
    );
    let text = common::stdout(&common::kicktime(&["show", disputed_id]));
    assert!(text.contains("Disputed"), "{text}");
}

#[test]
fn stats_meets_the_minimum_counts() {
    let out = common::kicktime(&["stats", "--format", "json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    let count = |field: &str| stats[field].as_u64().unwrap();
    assert!(count("brands") >= 15, "{stats}");
    assert!(count("models") >= 150, "{stats}");
    assert!(count("releases") >= 120, "{stats}");
    assert!(count("collaborators") >= 60, "{stats}");
    assert!((6..=10).contains(&count("eras")), "{stats}");
    assert_eq!(count("unsourced"), 0);
}

#[test]
fn the_built_in_dataset_is_valid_without_warnings() {
    let out = common::kicktime(&["validate", "--strict"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
}

#[test]
fn kicktime_works_from_any_folder() {
    let elsewhere = common::temp_dir("elsewhere");
    let out = std::process::Command::new(common::BIN)
        .args(["search", "kiko", "kayano", "14", "--format", "json"])
        .current_dir(&elsewhere)
        .env_remove("KICKTIME_DATA")
        .env("XDG_DATA_HOME", common::temp_dir("no-data"))
        .env("XDG_CONFIG_HOME", common::temp_dir("no-config"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let hits: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits[0]["model"], "gel-kayano-14");
    assert_eq!(hits[0]["collaborators"][0], "Kiko Kostadinov");
}

#[test]
fn the_eras_are_few_enough_to_walk_and_none_holds_more_than_a_quarter() {
    let store = kicktime::open::open(None).expect("built-in data").store;
    assert!(
        (6..=10).contains(&store.eras.len()),
        "{} eras",
        store.eras.len()
    );
    let total = store.timeline.len();
    for (i, era) in store.eras.iter().enumerate() {
        let held = store.entries_of_era(i).len();
        assert!(
            held * 4 <= total,
            "{} holds {held} of {total} entries",
            era.name
        );
        assert!(!era.sources.is_empty(), "{} cites no page", era.name);
    }
}
