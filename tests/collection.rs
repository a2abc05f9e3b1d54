//! The collection from the command line: marks that survive kills and a second process,
//! orphaned marks, a broken file set aside, and a lossless export and import.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A fresh data folder (XDG_DATA_HOME) for one test's collection.
fn data_home() -> PathBuf {
    temp_dir("collection-home")
}

fn run(home: &Path, args: &[&str]) -> std::process::Output {
    kicktime_with(args, &[("XDG_DATA_HOME", home)])
}

fn collection_file(home: &Path) -> PathBuf {
    home.join("kicktime").join("collection.ron")
}

/// The ids and statuses `kicktime collection --format json` lists.
fn listed(home: &Path) -> Vec<(String, String)> {
    let out = run(home, &["collection", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Release ids of the built-in history to mark, in a stable order.
fn some_ids(n: usize) -> Vec<String> {
    let out = kicktime(&["list", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.iter()
        .take(n)
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_mark_with_details_is_listed_and_kept_when_the_status_changes() {
    let home = data_home();
    let marked = run(
        &home,
        &[
            "mark",
            "gel-kayano-14",
            "owned",
            "--size",
            "10.5",
            "--price",
            "179.95",
            "--currency",
            "eur",
            "--purchased",
            "2024-05",
            "--note",
            "first pair",
        ],
    );
    assert!(marked.status.success(), "{}", stderr(&marked));
    assert_eq!(listed(&home), [("gel-kayano-14".into(), "owned".into())]);
    // A new status keeps the details given before.
    assert!(
        run(&home, &["mark", "gel-kayano-14", "sold"])
            .status
            .success()
    );
    let text = stdout(&run(&home, &["collection"]));
    assert!(text.contains("sold"), "{text}");
    assert!(
        text.contains("size 10.5") && text.contains("179.95 EUR") && text.contains("first pair"),
        "{text}"
    );
    assert!(text.contains("spent 179.95 EUR"), "{text}");
    // Unmark forgets it.
    assert!(run(&home, &["unmark", "gel-kayano-14"]).status.success());
    assert!(listed(&home).is_empty());
}

#[test]
fn marking_an_unknown_id_is_refused_with_a_suggestion() {
    let home = data_home();
    let out = run(&home, &["mark", "gel-kayno-14", "owned"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean gel-kayano-14?"),
        "{}",
        stderr(&out)
    );
    assert!(!collection_file(&home).exists());
    let bad_price = run(
        &home,
        &["mark", "gel-kayano-14", "owned", "--price", "12,50"],
    );
    assert_eq!(bad_price.status.code(), Some(2));
    assert!(
        stderr(&bad_price).contains("--price needs --currency"),
        "{}",
        stderr(&bad_price)
    );
}

#[test]
fn an_orphaned_mark_is_kept_and_listed_with_the_likely_new_id() {
    let home = data_home();
    let file = collection_file(&home);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    // A mark from before an id was renamed, written by hand.
    std::fs::write(
        &file,
        "(version: 1, marks: {\"gel-kayano-14-old\": (status: Owned, size: \"9\")})",
    )
    .unwrap();
    let text = stdout(&run(&home, &["collection"]));
    assert!(
        text.contains("orphaned") && text.contains("did you mean gel-kayano-14?"),
        "{text}"
    );
    // Marking something else keeps the orphan.
    assert!(run(&home, &["mark", "nb-990v3", "wanted"]).status.success());
    let ids: Vec<String> = listed(&home).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"gel-kayano-14-old".to_string()), "{ids:?}");
}

#[test]
fn an_unreadable_collection_is_set_aside_not_overwritten() {
    let home = data_home();
    let file = collection_file(&home);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let broken = "(version: 1,\n marks: {\"gel-kayano-14\": (status: Ownd)})\n";
    std::fs::write(&file, broken).unwrap();
    let out = run(&home, &["mark", "nb-990v3", "wanted"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("collection.ron: 2:"),
        "the line and column: {err}"
    );
    assert!(
        err.contains("kept as") && err.contains("starts empty"),
        "{err}"
    );
    // The broken file is beside the new one, byte for byte.
    let aside: Vec<PathBuf> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("collection.ron.unreadable-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read_to_string(&aside[0]).unwrap(), broken);
    assert_eq!(listed(&home), [("nb-990v3".into(), "wanted".into())]);
}

#[test]
fn a_collection_of_a_newer_format_is_neither_read_nor_written() {
    let home = data_home();
    let file = collection_file(&home);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let newer = "(version: 9, pairs: [])";
    std::fs::write(&file, newer).unwrap();
    let out = run(&home, &["mark", "nb-990v3", "wanted"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("newer than this kicktime"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), newer);
}

#[test]
fn export_then_import_gives_back_the_same_marks() {
    let home = data_home();
    let ids = some_ids(3);
    assert!(
        run(
            &home,
            &[
                "mark",
                &ids[0],
                "owned",
                "--size",
                "EU 44",
                "--note",
                "a, \"quoted\" note"
            ]
        )
        .status
        .success()
    );
    assert!(run(&home, &["mark", &ids[1], "wanted"]).status.success());
    assert!(
        run(
            &home,
            &[
                "mark",
                &ids[2],
                "sold",
                "--price",
                "120",
                "--currency",
                "JPY"
            ]
        )
        .status
        .success()
    );
    let before = std::fs::read_to_string(collection_file(&home)).unwrap();
    for name in ["marks.csv", "marks.json"] {
        let export = temp_dir("export").join(name);
        let out = run(&home, &["collection", "export", export.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let other = data_home();
        let out = run(&other, &["collection", "import", export.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).starts_with("imported 3 of 3 row(s)"),
            "{}",
            stdout(&out)
        );
        let after = std::fs::read_to_string(collection_file(&other)).unwrap();
        assert_eq!(after, before, "{name}");
    }
}

#[test]
fn an_import_reports_rows_it_cannot_match_or_read() {
    let home = data_home();
    let csv = temp_dir("import").join("mine.csv");
    std::fs::write(
        &csv,
        "id,status,price,currency\ngel-kayano-14,owned,100,EUR\ngel-kayano-14-old,wanted,,\nnb-990v3,owend,,\n",
    )
    .unwrap();
    let dry = run(
        &home,
        &["collection", "import", "--dry-run", csv.to_str().unwrap()],
    );
    assert!(
        stdout(&dry).starts_with("would import 2 of 3 row(s)"),
        "{}",
        stdout(&dry)
    );
    assert!(!collection_file(&home).exists(), "a dry run saves nothing");
    let out = run(&home, &["collection", "import", csv.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("row 4: status \"owend\""), "{err}");
    assert!(
        err.contains("row 3: no entry has the id \"gel-kayano-14-old\": kept as an orphaned mark; did you mean \"gel-kayano-14\"?"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(3), "a row was not imported");
    assert_eq!(listed(&home).len(), 2);
}

/// Two processes marking different entries at the same time both keep every mark.
#[test]
fn two_processes_marking_at_once_keep_every_mark() {
    let home = data_home();
    let ids = some_ids(24);
    let (left, right) = ids.split_at(12);
    let mark_all = |ids: Vec<String>, home: PathBuf| {
        std::thread::spawn(move || {
            for id in ids {
                let out = run(&home, &["mark", &id, "owned"]);
                assert!(out.status.success(), "{}", stderr(&out));
            }
        })
    };
    let a = mark_all(left.to_vec(), home.clone());
    let b = mark_all(right.to_vec(), home.clone());
    a.join().unwrap();
    b.join().unwrap();
    let mut marked: Vec<String> = listed(&home).into_iter().map(|(id, _)| id).collect();
    marked.sort();
    let mut wanted = ids.clone();
    wanted.sort();
    assert_eq!(marked, wanted);
}

/// Killing processes in the middle of saving never leaves a torn file, and every mark a
/// process reported saved is there.
#[test]
fn kills_in_the_middle_of_saving_lose_nothing_that_was_saved() {
    let home = data_home();
    let ids = some_ids(40);
    // How long one whole mark takes here, so that the kills spread over all of it.
    let started = std::time::Instant::now();
    assert!(run(&home, &["mark", &ids[0], "owned"]).status.success());
    let whole = started.elapsed().as_micros() as u64;
    let mut saved = vec![ids[0].clone()];
    for (n, id) in ids.iter().enumerate().skip(1) {
        let mut child = Command::new(BIN)
            .args(["mark", id, "owned", "--note", &"x".repeat(2000)])
            .env_remove("KICKTIME_DATA")
            .env("XDG_DATA_HOME", &home)
            .env("XDG_CONFIG_HOME", temp_dir("no-config"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill after a varying delay: some before, some during, some after the save.
        let delay = whole / 2 + (n as u64 * 7919) % whole;
        std::thread::sleep(std::time::Duration::from_micros(delay));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() && String::from_utf8_lossy(&out.stdout).contains("owned") {
            saved.push(id.clone());
        }
        // The file is always readable: no set-aside ever happens.
        let text = std::fs::read_to_string(collection_file(&home)).unwrap_or_default();
        assert!(
            text.is_empty() || text.contains("version: 1"),
            "torn after kill {n}: {text}"
        );
    }
    eprintln!("{} of {} marks were reported saved", saved.len(), ids.len());
    let listed: Vec<String> = listed(&home).into_iter().map(|(id, _)| id).collect();
    for id in &saved {
        assert!(
            listed.contains(id),
            "{id} was reported saved but is missing"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(home.join("kicktime"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("unreadable"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Some kills landed before the save and some after: the test exercised both.
    assert!(
        !saved.is_empty(),
        "no process got to save: the delays are too short"
    );
}
