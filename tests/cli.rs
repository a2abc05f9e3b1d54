//! The command line end to end: the real binary on the small test dataset.

mod common;

use common::*;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let out = kicktime(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn mini_args<'a>(args: &[&'a str], dir: &'a str) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend(["--data", dir]);
    all
}

fn ids(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn list_prints_every_entry_in_date_order() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let list = json(&mini_args(&["list", "--format", "json"], dir));
    let entries = list.as_array().unwrap();
    assert_eq!(entries.len(), 10);
    let dates: Vec<&str> = entries
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "timeline order");
    let first = &entries[0];
    for field in [
        "id",
        "kind",
        "title",
        "brand",
        "model",
        "year",
        "date",
        "era",
        "collaborators",
    ] {
        assert!(!first[field].is_null(), "missing {field} in {first}");
    }
    assert_eq!(first["id"], "gel-kayano-1");
    assert_eq!(first["year"], 1993);
    assert_eq!(first["brand"], "ASICS");
    assert_eq!(first["era"], "Support and structure");
}

#[test]
fn list_filters_combine() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let collabs_2022 = json(&mini_args(
        &[
            "list", "--kind", "collab", "--year", "2022", "--format", "json",
        ],
        dir,
    ));
    assert_eq!(
        ids(&collabs_2022),
        ["nb-2002r-ganni-2022", "gel-kayano-14-jjjjound-2022"]
    );
    let ganni = json(&mini_args(
        &["list", "--collab", "ganni", "--format", "json"],
        dir,
    ));
    assert_eq!(ids(&ganni), ["nb-2002r-ganni-2022"]);
    let by_alias = json(&mini_args(
        &["list", "--brand", "NB", "--format", "json"],
        dir,
    ));
    assert!(ids(&by_alias).iter().all(|id| id.starts_with("nb-")));
    assert_eq!(ids(&by_alias).len(), 4);
}

#[test]
fn kayano_14_ranks_the_model_first() {
    let dir = mini();
    let hits = json(&mini_args(
        &["search", "kayano", "14", "--format", "json"],
        dir.to_str().unwrap(),
    ));
    let hits = ids(&hits);
    assert_eq!(hits[0], "gel-kayano-14");
    assert!(hits.contains(&"gel-kayano-14-jjjjound-2022".to_string()));
}

#[test]
fn aime_without_accent_finds_aime_leon_dore() {
    let dir = mini();
    let hits = json(&mini_args(
        &["search", "aime", "--format", "json"],
        dir.to_str().unwrap(),
    ));
    assert_eq!(ids(&hits)[0], "nb-2002r-ald-2021");
    assert_eq!(hits[0]["collaborators"][0], "Aimé Leon Dore");
}

#[test]
fn brand_filter_keeps_only_that_brand_and_limit_cuts() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let hits = json(&mini_args(
        &["search", "brand:asics", "--format", "json"],
        dir,
    ));
    let brands: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["brand"].as_str().unwrap())
        .collect();
    assert_eq!(brands.len(), 6);
    assert!(brands.iter().all(|b| *b == "ASICS"));
    let limited = json(&mini_args(
        &["search", "brand:asics", "--limit", "2", "--format", "json"],
        dir,
    ));
    assert_eq!(limited.as_array().unwrap().len(), 2);
}

#[test]
fn a_search_that_finds_nothing_exits_1_with_an_empty_list() {
    let dir = mini();
    let out = kicktime(&mini_args(
        &["search", "zzzzqqq", "--format", "json"],
        dir.to_str().unwrap(),
    ));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        Value::Array(vec![])
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    assert_eq!(
        kicktime(&["list", "--format", "xml"]).status.code(),
        Some(2)
    );
    assert_eq!(kicktime(&["frobnicate"]).status.code(), Some(2));
    let bad_year = kicktime(&mini_args(&["search", "year:soon"], dir));
    assert_eq!(bad_year.status.code(), Some(2));
    assert!(stderr(&bad_year).contains("year:soon is not a year"));
}

#[test]
fn show_prints_a_model_with_its_lineage_releases_and_dispute() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let out = kicktime(&mini_args(&["show", "gel-kayano-14"], dir));
    assert!(out.status.success());
    let text = stdout(&out);
    for expected in [
        "Gel-Kayano 14",
        "GEL, TRUSSTIC",
        "predecessor   Gel-Kayano 4",
        "JJJJound x Gel-Kayano 14",
        "Disputed",
        "https://example.com/kayano",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let detail = json(&mini_args(
        &["show", "gel-kayano-14", "--format", "json"],
        dir,
    ));
    assert_eq!(detail["kind"], "model");
    assert_eq!(detail["technologies"][1], "TRUSSTIC");
    assert_eq!(detail["successor_of"], "gel-kayano-4");
    assert_eq!(detail["sources"][0]["url"], "https://example.com/kayano");
    assert_eq!(detail["disputes"][0]["about"], "designer");
    let collab = json(&mini_args(
        &["show", "gel-kayano-14-jjjjound-2022", "--format", "json"],
        dir,
    ));
    assert_eq!(collab["kind"], "collab");
    assert_eq!(collab["date"], "2022-06");
    assert_eq!(collab["credits"][0]["role"], "co-design");
    assert_eq!(collab["disputes"], Value::Array(vec![]));
}

#[test]
fn show_of_an_unknown_id_fails_with_a_message() {
    let dir = mini();
    let out = kicktime(&mini_args(
        &["show", "gel-kayano-99"],
        dir.to_str().unwrap(),
    ));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no model or release has the id \"gel-kayano-99\""));
    assert!(out.stdout.is_empty());
}

#[test]
fn csv_and_markdown_formats() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let csv = stdout(&kicktime(&mini_args(
        &["search", "ganni", "--format", "csv"],
        dir,
    )));
    assert!(csv.starts_with("id,kind,title,brand,model,year,date,era,collaborators\n"));
    assert!(
        csv.contains("nb-2002r-ganni-2022,collab,GANNI x 2002R,New Balance,nb-2002r,2022,2022,")
    );
    let md = stdout(&kicktime(&mini_args(
        &["list", "--brand", "asics", "--format", "md"],
        dir,
    )));
    assert!(md.starts_with("| Date | Kind | Brand | Title | With | Id |\n|---|"));
    assert_eq!(md.lines().count(), 2 + 6);
}

#[test]
fn text_table_columns_line_up() {
    let dir = mini();
    let text = stdout(&kicktime(&mini_args(&["list"], dir.to_str().unwrap())));
    let lines: Vec<&str> = text.lines().collect();
    let column =
        |line: &str| unicode_column(line, "collab").or_else(|| unicode_column(line, "model"));
    let kind_columns: Vec<usize> = lines[1..].iter().filter_map(|l| column(l)).collect();
    assert!(kind_columns.windows(2).all(|w| w[0] == w[1]), "{text}");
    // The Aimé row is as wide as the others despite its accent.
    let title_at = unicode_column(lines[0], "TITLE").unwrap();
    let aime = lines.iter().find(|l| l.contains("Aimé")).unwrap();
    assert_eq!(unicode_column(aime, "Aimé").unwrap(), title_at);
}

fn unicode_column(line: &str, needle: &str) -> Option<usize> {
    line.find(needle).map(|byte| line[..byte].chars().count())
}

#[test]
fn stats_counts_what_the_dataset_holds() {
    let dir = mini();
    let stats = json(&mini_args(
        &["stats", "--format", "json"],
        dir.to_str().unwrap(),
    ));
    assert_eq!(stats["models"], 5);
    assert_eq!(stats["collabs"], 4);
    assert_eq!(stats["reissues"], 1);
    assert_eq!(stats["disputed"], 1);
    assert_eq!(stats["unsourced"], 0);
}

#[test]
fn the_data_variable_chooses_the_dataset() {
    let out = std::process::Command::new(BIN)
        .args(["list", "--format", "json"])
        .env("KICKTIME_DATA", mini())
        .output()
        .unwrap();
    assert!(out.status.success());
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 10);
}

#[test]
fn control_characters_in_data_never_reach_the_terminal() {
    let evil = BASE.replace(
        "name: \"Gel-Kayano 14\"",
        "name: \"Gel\\u{1b}]0;pwned\\u{7}\\u{1b}[2J-Kayano\\r\\u{202e}14\"",
    );
    let dir = dataset("evil", &[("evil.ron", evil.as_bytes())]);
    let dir = dir.to_str().unwrap();
    for args in [
        vec!["list"],
        vec!["list", "--format", "csv"],
        vec!["list", "--format", "md"],
        vec!["search", "gel"],
        vec!["show", "gel-kayano-14"],
        vec!["show", "gel-kayano-14", "--format", "md"],
    ] {
        let out = kicktime(&mini_args(&args, dir));
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{args:?} wrote a control character: {text:?}"
        );
        assert!(
            text.contains("Gel␛]0;pwned␇␛[2J-Kayano␍"),
            "{args:?}: {text}"
        );
    }
}

#[test]
fn without_a_terminal_kicktime_prints_the_timeline_instead_of_drawing() {
    let dir = mini();
    let out = kicktime(&["--data", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("not a terminal"), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("DATE"), "{text}");
    assert_eq!(text.lines().count(), 11);
    assert!(!text.contains('\u{1b}'), "no escape sequences when piped");
}

#[test]
fn overlapping_year_filters_list_each_entry_once_in_order() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let one = json(&mini_args(
        &["search", "year:2020..2022", "--format", "json"],
        dir,
    ));
    let overlapping = json(&mini_args(
        &[
            "search",
            "year:2021",
            "year:2020..2022",
            "year:2022",
            "--format",
            "json",
        ],
        dir,
    ));
    assert_eq!(ids(&one), ids(&overlapping));
    assert_eq!(ids(&one).len(), 5);
}

/// A line of three generations where the second is undated and the fourth is missing.
const LINE_WITH_GAPS: &str = r#"Dataset(
    brands: [Brand(id: "asics", name: "ASICS")],
    models: [
        Model(id: "k1", brand: "asics", line: "Gel-Kayano", name: "Gel-Kayano Trainer", generation: 1,
            introduced: "1993", category: Running, summary: "s", sources: [Source(title: "t", url: "https://e.com/1")]),
        Model(id: "k2", brand: "asics", line: "Gel-Kayano", name: "Gel-Kayano 2", generation: 2,
            category: Running, summary: "s", successor_of: "k1", sources: [Source(title: "t", url: "https://e.com/2")]),
        Model(id: "k3", brand: "asics", line: "Gel-Kayano", name: "Gel-Kayano 3", generation: 3,
            introduced: "1996", category: Running, summary: "s", successor_of: "k2", sources: [Source(title: "t", url: "https://e.com/3")]),
        Model(id: "k5", brand: "asics", line: "Gel-Kayano", name: "Gel-Kayano 5", generation: 5,
            introduced: "1999", category: Running, summary: "s", successor_of: "k3", sources: [Source(title: "t", url: "https://e.com/5")]),
    ],
)
"#;

#[test]
fn a_numbered_line_that_skips_a_generation_is_a_warning_that_strict_refuses() {
    let dir = dataset("line-gap", &[("a.ron", LINE_WITH_GAPS.as_bytes())]);
    let dir = dir.to_str().unwrap();
    let lenient = kicktime(&["validate", "--data", dir]);
    assert!(lenient.status.success(), "{}", stderr(&lenient));
    let err = stderr(&lenient);
    assert!(
        err.contains("model k5: the Gel-Kayano line skips generation 4"),
        "{err}"
    );
    let strict = kicktime(&["validate", "--strict", "--data", dir]);
    assert_eq!(strict.status.code(), Some(3), "{}", stderr(&strict));
}

#[test]
fn an_undated_generation_is_off_the_timeline_but_shown_as_undated() {
    let dir = dataset("undated", &[("a.ron", LINE_WITH_GAPS.as_bytes())]);
    let dir = dir.to_str().unwrap();
    let listed = ids(&json(&["list", "--format", "json", "--data", dir]));
    assert_eq!(listed, ["k1", "k3", "k5"]);
    let shown = stdout(&kicktime(&["show", "k2", "--data", dir]));
    assert!(shown.contains("introduced   undated"), "{shown}");
    assert!(shown.contains("generation   2"), "{shown}");
    let json = json(&["show", "k2", "--format", "json", "--data", dir]);
    assert!(json["year"].is_null() && json["date"].is_null(), "{json}");
    assert_eq!(json["generation"], 2);
    // Its neighbours say it is undated.
    let next = stdout(&kicktime(&["show", "k3", "--data", dir]));
    assert!(
        next.contains("predecessor  Gel-Kayano 2 (undated)"),
        "{next}"
    );
}

#[test]
fn line_prints_the_lineage_as_a_graph_and_as_json() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let out = kicktime(&["line", "gel-kayano-14-kiko-2023", "--data", dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Gel-Kayano · ASICS · 1993–2008 · 3 generations");
    assert_eq!(
        lines[2],
        "● 1993  Gel-Kayano Trainer  Toshikazu Kayano  + GEL"
    );
    assert_eq!(lines[3], "● 1997  Gel-Kayano 4");
    assert_eq!(lines[4], "● 2008  Gel-Kayano 14  + TRUSSTIC");
    assert!(
        lines[5].starts_with("  ├─↺ 2021  Gel-Kayano 14 reissue"),
        "{text}"
    );
    assert!(
        lines[7].starts_with("  └─× 2023  Kiko Kostadinov Gel-Kayano 14"),
        "{text}"
    );
    let json = json(&["line", "gel-kayano-1", "--format", "json", "--data", dir]);
    let ids: Vec<&str> = (json["generations"].as_array().unwrap().iter())
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["gel-kayano-1", "gel-kayano-4", "gel-kayano-14"]);
    assert_eq!(json["generations"][2]["releases"][1]["kind"], "collab");
    let md = stdout(&kicktime(&[
        "line",
        "gel-kayano-1",
        "--format",
        "md",
        "--data",
        dir,
    ]));
    assert!(md.starts_with("## Gel-Kayano (ASICS)"), "{md}");
}

#[test]
fn brand_and_collab_print_their_pages_and_unknown_names_exit_1() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let brand = json(&["brand", "asics", "--format", "json", "--data", dir]);
    assert_eq!(brand["models"], 3);
    assert_eq!(brand["collabs"], 2);
    assert_eq!(brand["lines"][0]["name"], "Gel-Kayano");
    assert_eq!(brand["lines"][0]["generations"], 3);
    let years: Vec<i64> = (brand["per_year"].as_array().unwrap().iter())
        .map(|y| y["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [1993, 1997, 2008, 2021, 2022, 2023]);
    let text = stdout(&kicktime(&["brand", "ASICS", "--data", dir]));
    assert!(text.starts_with("ASICS · Japan · founded 1977"), "{text}");
    let collab = json(&["collab", "kiko", "--format", "json", "--data", dir]);
    assert_eq!(collab["id"], "kiko-kostadinov");
    assert_eq!(
        collab["brands"][0]["releases"][0]["id"],
        "gel-kayano-14-kiko-2023"
    );
    for args in [["brand", "puma"], ["collab", "nobody"]] {
        let out = kicktime(&[args[0], args[1], "--data", dir]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("is named"), "{}", stderr(&out));
    }
}

#[test]
fn completions_for_bash_parse_and_register_kicktime() {
    let out = kicktime(&["completions", "bash"]);
    assert!(out.status.success());
    let script = stdout(&out);
    assert!(script.contains("complete -F"), "{script}");
    assert!(script.contains("kicktime"));
    let file = temp_dir("completions").join("kicktime.bash");
    std::fs::write(&file, &script).unwrap();
    let check = std::process::Command::new("bash")
        .args(["-n", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn man_prints_a_manual_page_that_starts_with_its_title() {
    let page = stdout(&kicktime(&["man"]));
    assert!(
        page.starts_with(".TH kicktime 1"),
        "{}",
        &page[..80.min(page.len())]
    );
    assert!(page.contains("completions"), "the subcommands are listed");
}

#[test]
fn a_pipe_gets_whole_lines_and_width_cuts_them() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let whole = stdout(&kicktime(&["list", "--data", dir]));
    assert!(whole.contains("Kiko Kostadinov Gel-Kayano 14"), "{whole}");
    assert!(!whole.contains('…'), "nothing is cut in a pipe:\n{whole}");
    let cut = stdout(&kicktime(&["list", "--data", dir, "--width", "60"]));
    assert!(
        cut.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 60),
        "{cut}"
    );
    assert!(cut.contains('…'), "{cut}");
}

#[test]
fn stats_speaks_every_format() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let csv = stdout(&kicktime(&["stats", "--format", "csv", "--data", dir]));
    assert!(csv.starts_with("section,name,count\n"), "{csv}");
    assert!(csv.contains("Totals,models,5"), "{csv}");
    assert!(csv.contains("By brand,ASICS,6"), "{csv}");
    let md = stdout(&kicktime(&["stats", "--format", "md", "--data", dir]));
    assert!(
        md.starts_with("## Totals\n\n| | count |\n|---|---:|\n"),
        "{md}"
    );
    assert!(md.contains("| undated generations | 0 |"), "{md}");
}

#[test]
fn an_empty_data_variable_is_unset_and_a_path_from_it_says_so() {
    let empty = std::process::Command::new(BIN)
        .args(["stats", "--format", "json"])
        .env("KICKTIME_DATA", "")
        .env("XDG_DATA_HOME", temp_dir("no-data"))
        .env("XDG_CONFIG_HOME", temp_dir("no-config"))
        .output()
        .unwrap();
    assert!(empty.status.success(), "{}", stderr(&empty));
    let missing = std::process::Command::new(BIN)
        .args(["stats"])
        .env("KICKTIME_DATA", "/no/such/dataset")
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(3));
    let err = stderr(&missing);
    assert!(err.contains("KICKTIME_DATA"), "{err}");
    assert!(err.contains("/no/such/dataset"), "{err}");
}

#[test]
fn strict_validation_says_that_warnings_count_as_errors() {
    let data = common::BASE.replace(
        "collaborators: [Collaborator(",
        "collaborators: [Collaborator(id: \"nobody\", name: \"Nobody\", kind: Label), Collaborator(",
    );
    let dir = dataset("strict", &[("a.ron", data.as_bytes())]);
    let out = kicktime(&["validate", "--strict", "--data", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("--strict counts warnings as errors"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_empty_list_says_why_on_stderr() {
    let dir = mini();
    let dir = dir.to_str().unwrap();
    let out = kicktime(&["list", "--brand", "puma", "--data", dir]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("no brand matches \"puma\"; brands are: asics, new-balance"),
        "{err}"
    );
    let out = kicktime(&["list", "--brand", "asics", "--year", "1950", "--data", dir]);
    assert!(
        stderr(&out).contains("no entry passes all these filters"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn config_prints_the_file_in_use_and_a_default_that_reads_back() {
    let dir = temp_dir("config");
    let file = dir.join("config.ron");
    let shown = std::process::Command::new(BIN)
        .args(["config", "--config", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        stdout(&shown).starts_with(file.to_str().unwrap()),
        "{}",
        stdout(&shown)
    );
    assert!(
        stderr(&shown).contains("defaults apply"),
        "{}",
        stderr(&shown)
    );
    let default = stdout(&kicktime(&["config", "--default"]));
    assert!(default.contains("\"lineage\": [\"l\"]"), "{default}");
    std::fs::write(&file, &default).unwrap();
    let read = kicktime(&["config", "--config", file.to_str().unwrap()]);
    assert!(
        read.status.success() && stderr(&read).is_empty(),
        "{}",
        stderr(&read)
    );
    std::fs::write(
        &file,
        "Config(\n    keys: {\"lineage\": [\"L\"]},\n    thme: Dark,\n)\n",
    )
    .unwrap();
    let broken = kicktime(&["config", "--config", file.to_str().unwrap()]);
    assert_eq!(broken.status.code(), Some(2));
    let err = stderr(&broken);
    assert!(err.contains("config.ron:3:5:"), "{err}");
    assert!(err.contains("did you mean \"theme\""), "{err}");
}

#[test]
fn an_approximate_date_looks_the_same_in_every_format() {
    let data = common::BASE.replace("introduced: \"2008\"", "introduced: \"~2008\"");
    let dir = dataset("approximate", &[("a.ron", data.as_bytes())]);
    let dir = dir.to_str().unwrap();
    let text = stdout(&kicktime(&["list", "--data", dir]));
    assert!(text.contains("~2008 "), "{text}");
    let csv = stdout(&kicktime(&["list", "--format", "csv", "--data", dir]));
    assert!(csv.contains(",2008,~2008,"), "{csv}");
    let md = stdout(&kicktime(&["list", "--format", "md", "--data", dir]));
    assert!(md.contains("| ~2008 |"), "{md}");
    let json = json(&["show", "gel-kayano-14", "--format", "json", "--data", dir]);
    assert_eq!(json["date"], "2008");
    assert_eq!(json["approximate"], true);
}
