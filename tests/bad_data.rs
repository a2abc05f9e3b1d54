//! The corpus of broken datasets under `tests/bad_data/`: each folder holds the files of one
//! dataset and `expected.txt`, the lines its report must contain. Every one must fail with a
//! non-zero exit and a clear message, never a panic and never a hang.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Runs kicktime, killing it if it has not finished in `limit` (a hang is a failure).
fn run_bounded(args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("KICKTIME_DATA")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().ok();
            panic!("kicktime {args:?} hung for {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn assert_refused(dir: &Path, expected: &[&str]) {
    let shown = dir.display().to_string();
    for command in ["validate", "list"] {
        let out = run_bounded(&[command, "--data", &shown], Duration::from_secs(20));
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{command} {shown}: {err}");
        assert!(!err.contains("panicked"), "{shown}: {err}");
        assert!(out.stdout.is_empty() || command == "validate", "{shown}");
        for line in expected {
            assert!(err.contains(line), "{shown}: expected {line:?} in:\n{err}");
        }
    }
}

#[test]
fn every_broken_dataset_of_the_corpus_is_refused_with_its_message() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_data");
    let mut cases: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 46, "the corpus shrank to {}", cases.len());
    for case in cases {
        let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        let expected: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        assert!(
            !expected.is_empty(),
            "{} has no expectation",
            case.display()
        );
        assert_refused(&case, &expected);
    }
}

#[test]
fn a_missing_path_is_named() {
    let out = kicktime(&["validate", "--data", "/no/such/kicktime/data"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("/no/such/kicktime/data: no such file or folder"));
}

#[test]
fn a_single_file_path_is_read_and_checked() {
    let dir = dataset(
        "single",
        &[("only.ron", b"Dataset(brands: [Brand(id: 1)])")],
    );
    let file = dir.join("only.ron");
    let out = kicktime(&["validate", "--data", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("only.ron:1:27: Expected string"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_of_tens_of_megabytes_with_an_error_at_its_end_is_reported_quickly() {
    let mut text = String::from("Dataset(brands: [\n");
    let line =
        "    Brand(id: \"b\", name: \"A brand with a long enough name to fill the line\"),\n";
    let lines = 20_000_000 / line.len();
    for _ in 0..lines {
        text.push_str(line);
    }
    text.push_str("    Brand(id: \"last\" name: \"x\"),\n])\n");
    let dir = dataset("huge", &[("huge.ron", text.as_bytes())]);
    let out = run_bounded(
        &["validate", "--data", dir.to_str().unwrap()],
        Duration::from_secs(30),
    );
    assert_eq!(out.status.code(), Some(3));
    let expected = format!("huge.ron:{}:", lines + 2);
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
}
