//! One's own entries on top of the built-in history: the data folder's `entries`, `--add` and
//! the config file's `add`, with errors that point into one's own file.

mod common;

use common::*;

/// A model of one's own, on a built-in brand, with a release by a built-in collaborator.
const MINE: &str = r#"(
    models: [
        (
            id: "my-painted-kayano",
            name: "My Painted Kayano",
            brand: "asics",
            introduced: "2025",
            category: Running,
            summary: "A pair I painted myself.",
            sources: [],
        ),
    ],
    releases: [
        (
            id: "my-painted-kayano-jjjjound",
            model: "my-painted-kayano",
            name: "JJJJound x My Painted Kayano",
            date: "2025-06",
            collaborators: [(collaborator: "jjjjound")],
            summary: "Imagined.",
            sources: [],
        ),
    ],
)
"#;

fn data_home_with(file: &str, text: &str) -> std::path::PathBuf {
    let home = temp_dir("data-home");
    let entries = home.join("kicktime").join("data");
    std::fs::create_dir_all(&entries).unwrap();
    std::fs::write(entries.join(file), text).unwrap();
    home
}

#[test]
fn entries_in_the_data_folder_join_the_built_in_history() {
    let home = data_home_with("mine.ron", MINE);
    let env = [("XDG_DATA_HOME", home.as_path())];
    let shown = kicktime_with(&["show", "my-painted-kayano", "--format", "json"], &env);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let json: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(json["brand"], "ASICS");
    let file = json["file"].as_str().unwrap();
    assert!(file.ends_with("kicktime/data/mine.ron"), "{file}");
    // The built-in history is still all there, and the collaborator's page lists the new one.
    let builtin = kicktime_with(&["show", "gel-kayano-14"], &env);
    assert!(builtin.status.success());
    let page = stdout(&kicktime_with(&["collab", "jjjjound"], &env));
    assert!(page.contains("JJJJound x My Painted Kayano"), "{page}");
    // Without the data folder, it is gone.
    let without = kicktime(&["show", "my-painted-kayano"]);
    assert!(!without.status.success());
}

#[test]
fn add_names_a_file_on_the_command_line_and_validate_checks_it() {
    let folder = dataset("own", &[("mine.ron", MINE.as_bytes())]);
    let file = folder.join("mine.ron");
    let out = kicktime(&["--add", file.to_str().unwrap(), "validate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("valid"), "{}", stdout(&out));
    // One's own entries without sources are warned about, not refused.
    assert!(stderr(&out).contains("my-painted-kayano: no source is given"));
    let found = kicktime(&["--add", file.to_str().unwrap(), "search", "painted"]);
    assert!(
        stdout(&found).contains("My Painted Kayano"),
        "{}",
        stdout(&found)
    );
}

#[test]
fn the_config_files_add_is_read_relative_to_the_config_file() {
    let config = temp_dir("config-home");
    let folder = config.join("kicktime");
    std::fs::create_dir_all(folder.join("mine")).unwrap();
    std::fs::write(folder.join("mine/one.ron"), MINE).unwrap();
    std::fs::write(folder.join("config.ron"), "(add: [\"mine\"])").unwrap();
    let out = kicktime_with(
        &["show", "my-painted-kayano"],
        &[("XDG_CONFIG_HOME", config.as_path())],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn an_id_that_is_already_built_in_is_refused_with_both_places() {
    let clash = MINE.replace(
        "my-painted-kayano\",\n            name",
        "gel-kayano-14\",\n            name",
    );
    let home = data_home_with("clash.ron", &clash);
    let out = kicktime_with(&["validate"], &[("XDG_DATA_HOME", home.as_path())]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    let first = err.lines().next().unwrap();
    assert!(
        first.contains("clash.ron:4:17")
            && first.contains("duplicate id \"gel-kayano-14\"")
            && first.contains("data/asics.ron:"),
        "{err}"
    );
    // Only the clash is reported, not every built-in release of the shadowed model.
    assert_eq!(err.matches("error:").count(), 1, "{err}");
}

#[test]
fn a_misspelt_reference_in_ones_own_file_points_at_it_and_suggests_the_name() {
    let typo = MINE.replace("brand: \"asics\"", "brand: \"asisc\"");
    let home = data_home_with("typo.ron", &typo);
    let out = kicktime_with(&["list"], &[("XDG_DATA_HOME", home.as_path())]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("typo.ron:6:20") && err.contains("did you mean \"asics\"?"),
        "{err}"
    );
}

#[test]
fn an_added_path_that_does_not_exist_is_named() {
    let out = kicktime(&["--add", "/no/such/entries", "list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("/no/such/entries"),
        "{}",
        stderr(&out)
    );
}

/// The example of data/README.md's walk-through, as a person copies it.
fn walkthrough_example() -> String {
    let readme = include_str!("../data/README.md");
    let start = readme
        .find("<!-- walkthrough:start -->")
        .expect("the walk-through's start");
    let end = readme
        .find("<!-- walkthrough:end -->")
        .expect("the walk-through's end");
    let block = &readme[start..end];
    let code = block.split("```ron\n").nth(1).expect("a ron block");
    code.split("```").next().unwrap().to_string()
}

#[test]
fn the_walkthrough_example_loads_on_top_of_the_built_in_history() {
    let home = data_home_with("mine.ron", &walkthrough_example());
    let env = [("XDG_DATA_HOME", home.as_path())];
    let checked = kicktime_with(&["validate"], &env);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(
        stdout(&checked).contains("valid (1 warning(s))"),
        "{}",
        stdout(&checked)
    );
    let shown = kicktime_with(&["show", "gel-kayano-14-corner-runners-2025"], &env);
    assert!(shown.status.success(), "{}", stderr(&shown));
    assert!(
        stdout(&shown).contains("Corner Runners"),
        "{}",
        stdout(&shown)
    );
    let line = kicktime_with(&["line", "gel-kayano-14"], &env);
    assert!(
        stdout(&line).contains("Corner Runners x Gel-Kayano 14"),
        "{}",
        stdout(&line)
    );
}

#[test]
fn the_walkthroughs_usual_mistakes_each_get_a_line_and_a_fix() {
    let example = walkthrough_example();
    let mistakes = [
        (
            example.replace(
                "collaborator: \"corner-runners\")",
                "collaborator: \"corner-runner\")",
            ),
            "did you mean \"corner-runners\"?",
        ),
        (
            example.replace("// kind:", "# kind:"),
            "comments in RON start with //",
        ),
        (
            example.replace(
                "id: \"gel-kayano-14-corner-runners-2025\"",
                "id: \"gel-kayano-14\"",
            ),
            "give this one another id",
        ),
        (
            example.replace("date: \"2025-03\",", "date: \"2025-03\""),
            "one is probably missing at the end of line 11",
        ),
    ];
    for (text, fix) in mistakes {
        assert_ne!(text, example, "the mistake was not made: {fix}");
        let home = data_home_with("mine.ron", &text);
        let out = kicktime_with(&["validate"], &[("XDG_DATA_HOME", home.as_path())]);
        assert_eq!(out.status.code(), Some(3));
        let err = stderr(&out);
        let first = err.lines().next().unwrap_or_default();
        // The file, then line:column.
        let place = first.split("mine.ron:").nth(1).unwrap_or_default();
        let mut numbers = place.split(':').take(2).map(|n| n.trim().parse::<usize>());
        assert!(
            matches!((numbers.next(), numbers.next()), (Some(Ok(_)), Some(Ok(_)))),
            "no line:column in {first:?}"
        );
        assert!(err.contains(fix), "{fix:?} not in:\n{err}");
    }
}
