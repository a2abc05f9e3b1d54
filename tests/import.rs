//! `kicktime import`: product lists become a folder of one's own entries that validates, with a
//! report whose counts add up to the rows read.

mod common;

use common::*;
use std::path::{Path, PathBuf};

/// A small product list with the quirks of real exports: an unnamed index column, a blank date,
/// brand case variants, a repeated row, mis-decoded and accented characters, a row without a
/// name and one of a brand the history does not know.
const QUIRKY: &str = "\
,item,brand,retail,release,lowestAsk
0,New Balance 550 Aimé Leon Dore White Green,New Balance,110,2020-10-09,200
1,ASICS Gel-Kayano 14 Kiko Kostadinov Novalis,asics,200,2021/11/12,300
2,ASICS Gel-Kayano 14 Kiko Kostadinov Novalis,ASICS,200,2021/11/12,300
3,Nike Air Max 1 ValentineÕs Day,Nike,130,2023-02-01,150
4,Jordan 4 Retro SB Pine Green,Jordan,225,2023-03-21,325
5,ASICS Gel-Kayano 14 Cream,ASICS,150,,160
6,,Nike,100,2023-01-01,120
7,A Ma Maniére x Jordan 3,Jordan,200,2021-03-31,400
8,New Balance 2002R Off White,New Balance,150,2022-09-02,170
9,Nike Invincible Run 3 White,Nike,180,2023-01-05,160
";

fn home() -> PathBuf {
    temp_dir("import-home")
}

fn run(home: &Path, args: &[&str]) -> std::process::Output {
    kicktime_with(args, &[("XDG_DATA_HOME", home)])
}

fn list_file(name: &str, text: &str) -> PathBuf {
    let path = temp_dir("import-input").join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The report's summary line's numbers: rows, linked, with collaborators, new, merged, skipped.
fn counts(stdout: &str) -> [usize; 6] {
    let line = stdout
        .lines()
        .find(|l| l.contains("rows read:"))
        .unwrap_or_else(|| panic!("no summary in:\n{stdout}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .filter_map(|n| n.parse().ok())
        .collect();
    // The file name may hold digits: the counts are the last six numbers.
    numbers[numbers.len() - 6..].try_into().unwrap()
}

fn imported(home: &Path, stem: &str) -> String {
    let file = home
        .join("kicktime/data/imports")
        .join(format!("{stem}.ron"));
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

#[test]
fn a_quirky_list_imports_into_the_data_folder_and_validates() {
    let home = home();
    let input = list_file("shop.csv", QUIRKY);
    let out = run(&home, &["import", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    let [rows, linked, with_collaborators, new, merged, skipped] = counts(&report);
    assert_eq!(rows, 10);
    assert_eq!(rows, linked + new + merged + skipped, "{report}");
    assert_eq!(merged, 1, "the repeated Kayano row: {report}");
    assert!(
        report.contains("row 8: skipped: no product name"),
        "{report}"
    );
    assert!(
        report.contains("row 7: skipped: names Gel-Kayano 14 but has no release date"),
        "{report}"
    );
    assert_eq!(
        with_collaborators, 2,
        "ALD and Kiko Kostadinov, not Off-White nor Invincible"
    );
    let ron = imported(&home, "shop");
    assert!(ron.contains("model: \"nb-550\""), "{ron}");
    assert!(
        ron.contains("Credit(collaborator: \"aime-leon-dore\")"),
        "{ron}"
    );
    assert!(
        ron.contains("Credit(collaborator: \"kiko-kostadinov\")"),
        "{ron}"
    );
    assert!(
        ron.contains("date: \"2021-11-12\""),
        "dates are normalised: {ron}"
    );
    assert!(
        ron.contains("Valentine’s"),
        "the mis-decoded quote is put right: {ron}"
    );
    assert!(
        ron.contains("Brand(id: \"jordan\", name: \"Jordan\")"),
        "{ron}"
    );
    assert!(ron.contains("A Ma Maniére x Jordan 3"), "{ron}");
    assert!(!ron.contains("\"off-white\""), "{ron}");
    // The overlay loads with the history: valid, and the import is in the browser's data.
    let checked = run(&home, &["validate"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    let found = run(&home, &["search", "pine green"]);
    assert!(
        stdout(&found).contains("Jordan 4 Retro SB Pine Green"),
        "{}",
        stdout(&found)
    );
    // Importing again replaces the file rather than clashing with it.
    let again = run(&home, &["import", input.to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(imported(&home, "shop"), ron);
}

#[test]
fn a_dry_run_writes_nothing_and_a_file_of_ones_own_is_never_replaced() {
    let home = home();
    let input = list_file("shop.csv", QUIRKY);
    let dry = run(&home, &["import", "--dry-run", input.to_str().unwrap()]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(stdout(&dry).contains("nothing written (--dry-run)"));
    assert!(!home.join("kicktime/data/imports/shop.ron").exists());
    let mine = home.join("kicktime/data/imports");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("shop.ron"), "Dataset()\n").unwrap();
    let refused = run(&home, &["import", input.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("kicktime did not write it"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(mine.join("shop.ron")).unwrap(),
        "Dataset()\n"
    );
}

#[test]
fn tsv_json_latin_1_and_named_columns_are_read() {
    let home = home();
    let out_dir = temp_dir("import-out");
    let tsv = list_file(
        "list.tsv",
        "Product\tMaker\tDropped\nNew Balance 990v3 JJJJound Olive\tNew Balance\t2022-06-01\n",
    );
    let out = run(
        &home,
        &[
            "import",
            tsv.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
            "--name-column",
            "product",
            "--brand-column",
            "maker",
            "--date-column",
            "dropped",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let ron = std::fs::read_to_string(out_dir.join("list.ron")).unwrap();
    assert!(ron.contains("Credit(collaborator: \"jjjjound\")"), "{ron}");
    let json = list_file(
        "list.json",
        r#"[{"name": "Salomon XT-6 Black", "brand": "Salomon", "release": "2021-01-01"}]"#,
    );
    let out = run(
        &home,
        &[
            "import",
            json.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(counts(&stdout(&out))[0], 1);
    let latin1 = temp_dir("import-input").join("latin.csv");
    std::fs::write(&latin1, b"name,brand\nA Ma Mani\xe9re Sneaker,Jordan\n").unwrap();
    let out = run(
        &home,
        &[
            "import",
            latin1.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let ron = std::fs::read_to_string(out_dir.join("latin.ron")).unwrap();
    assert!(ron.contains("A Ma Maniére Sneaker"), "{ron}");
    let missing = list_file("odd.csv", "sku,price\n1,2\n");
    let out = run(&home, &["import", missing.to_str().unwrap(), "--dry-run"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("--name-column"), "{}", stderr(&out));
}

/// The real marketplace export beside the project (see ../shared/data/README.md), when it is
/// there: 2,000 rows with every quirk of a real file.
#[test]
fn the_stockx_export_imports_with_counts_that_add_up() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/stockx-products-2023.csv");
    if !fixture.exists() {
        eprintln!("skipped: {} is not here", fixture.display());
        return;
    }
    let home = home();
    let out = run(&home, &["import", fixture.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    let [rows, linked, _, new, merged, skipped] = counts(&report);
    assert_eq!(rows, 2000);
    assert_eq!(rows, linked + new + merged + skipped, "{report}");
    assert!(linked > 100 && merged > 100, "{report}");
    let ron = imported(&home, "stockx-products-2023");
    for (model, collaborator) in [("nb-550", "aime-leon-dore"), ("nb-990v3", "jjjjound")] {
        assert!(
            ron.lines()
                .any(|l| l.contains(&format!("model: \"{model}\""))
                    && l.contains(&format!("collaborator: \"{collaborator}\""))),
            "no {model} with {collaborator}"
        );
    }
    let checked = run(&home, &["validate"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
}
