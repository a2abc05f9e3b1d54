//! End to end: the real binary in a pseudo-terminal, keys typed, the screen read back through a
//! terminal emulator (vt100), as a person would see it.

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const PATIENCE: Duration = Duration::from_secs(15);

/// Pseudo-terminals are opened one at a time: children spawned while another test's pty is
/// being set up were seen to lose their window size and draw at 80x24.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    modes_before: String,
    _turn: std::sync::MutexGuard<'static, ()>,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let modes_before = format!("{:?}", pair.master.get_termios());
        let mut command = CommandBuilder::new(common::BIN);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env_remove("KICKTIME_DATA");
        command.env_remove("KICKTIME_CONFIG");
        // No configuration of the person running the tests: a folder that holds none.
        command.env("XDG_CONFIG_HOME", common::temp_dir("no-config"));
        command.env("XDG_CACHE_HOME", common::temp_dir("cache"));
        command.env("XDG_DATA_HOME", common::temp_dir("no-data"));
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawn kicktime");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (screen_writer, raw_writer) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                screen_writer.lock().unwrap().process(&buffer[..n]);
                raw_writer.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            screen,
            raw,
            writer,
            child,
            master: Some(pair.master),
            modes_before,
            _turn: turn,
        }
    }

    fn master(&self) -> &(dyn MasterPty + Send) {
        self.master.as_deref().expect("the terminal is open")
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// The text of the first screen row drawn in reverse video with `text` in it, if any: the
    /// selected row of a list.
    fn selected_row_with(&self, text: &str) -> Option<String> {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        (0..rows).find_map(|row| {
            let cells: Vec<_> = (0..cols).filter_map(|col| screen.cell(row, col)).collect();
            let line: String = cells.iter().map(|c| c.contents()).collect();
            let reversed = cells.iter().filter(|c| c.inverse()).count();
            (reversed > 10 && line.contains(text)).then_some(line)
        })
    }

    fn in_alternate_screen(&self) -> bool {
        self.screen.lock().unwrap().screen().alternate_screen()
    }

    /// Waits until the screen shows `text`; fails with the screen if it never does.
    fn wait_for(&self, text: &str) -> String {
        let started = Instant::now();
        loop {
            let contents = self.contents();
            if contents.contains(text) {
                return contents;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "the screen never showed {text:?}:\n{contents}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_until_gone(&self, text: &str) -> String {
        let started = Instant::now();
        loop {
            let contents = self.contents();
            if !contents.contains(text) {
                return contents;
            }
            assert!(started.elapsed() < PATIENCE, "{text:?} stayed:\n{contents}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Esc on its own: a pause after it, as a person leaves, so the next key is not read as
    /// Alt plus that key.
    fn escape(&mut self) {
        self.keys(ESC);
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Waits for the process to end and returns its exit code.
    fn exit_code(&mut self) -> u32 {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader drain what was written last.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            if started.elapsed() > PATIENCE {
                self.child.kill().ok();
                let raw = self.raw.lock().unwrap();
                let tail =
                    String::from_utf8_lossy(&raw[raw.len().saturating_sub(300)..]).into_owned();
                panic!(
                    "kicktime did not exit:\n{}\nlast output: {tail:?}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal is as kicktime found it: out of raw mode, main screen, cursor shown.
    fn assert_terminal_restored(&self) {
        assert!(!self.in_alternate_screen(), "still in the alternate screen");
        assert!(
            !self.screen.lock().unwrap().screen().hide_cursor(),
            "cursor still hidden"
        );
        assert_eq!(
            format!("{:?}", self.master().get_termios()),
            self.modes_before,
            "terminal modes (raw mode) were not restored"
        );
        let raw = self.raw.lock().unwrap();
        let text = String::from_utf8_lossy(&raw);
        assert!(
            text.contains("\u{1b}[?1049l"),
            "never left the alternate screen"
        );
        assert!(
            text.contains("\u{1b}[?1000l") || text.contains("\u{1b}[?1006l"),
            "mouse capture left on"
        );
    }
}

const DOWN: &str = "\u{1b}[B";
const ESC: &str = "\u{1b}";

fn mini() -> String {
    common::mini().display().to_string()
}

#[test]
fn browsing_searching_and_quitting_as_a_person_would() {
    let data = mini();
    let mut session = Session::start(&["--data", &data], 120, 32, &[]);
    let screen = session.wait_for("Gel-Kayano Trainer");
    assert!(session.in_alternate_screen());
    assert!(
        screen.contains("Timeline") && screen.contains("Detail"),
        "{screen}"
    );
    assert!(
        screen.contains("Toshikazu Kayano"),
        "the detail shows the first entry:\n{screen}"
    );

    // An era jump moves the selection, and the detail follows it.
    session.keys("]");
    session.wait_for("TRUSSTIC");

    // Searching narrows the timeline as each key is typed.
    session.keys("/jjjj");
    session.wait_for("Results, best first");
    let screen = session.wait_for("/ jjjj");
    assert!(screen.contains("JJJJound x Gel-Kayano 14"), "{screen}");
    assert!(!screen.contains("GANNI x 2002R"), "{screen}");
    session.keys("ound\r");
    session.wait_for("co-design");

    // Enter opens the detail, Down and Enter follow the link to the model.
    session.keys("\r");
    session.keys(DOWN);
    session.keys("\r");
    let screen = session.wait_for("TRUSSTIC");
    assert!(
        screen.contains("10 entries"),
        "the search was cleared to reach the model:\n{screen}"
    );

    // The help overlay, then any key but a movement closes it.
    session.keys("?");
    session.wait_for("Keys (j k scroll");
    session.escape();
    session.wait_until_gone("Keys (j k scroll");

    session.escape();
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
    session.assert_terminal_restored();
}

#[test]
fn from_the_kayano_14_through_its_lineage_brand_collaborator_and_overview() {
    let mut session = Session::start(&[], 120, 40, &[]);
    session.wait_for("Timeline");
    session.keys("/kayano 14\r");
    session.wait_for("Results, best first");
    let screen = session.wait_for("TRUSSTIC");
    assert!(screen.contains("Gel-Kayano 14"), "{screen}");

    // The lineage, with the Gel-Kayano 14 selected; down to the Gel-Kayano 22 and open it.
    session.keys("l");
    session.wait_for("Lineage: Gel-Kayano");
    assert!(session.selected_row_with("Gel-Kayano 14").is_some());
    let mut steps = 0;
    while session.selected_row_with("Gel-Kayano 22").is_none() {
        session.keys("j");
        std::thread::sleep(Duration::from_millis(15));
        steps += 1;
        assert!(
            steps < 300,
            "never reached the Gel-Kayano 22:\n{}",
            session.contents()
        );
    }
    session.keys("\r");
    let screen = session.wait_for("generation    22");
    assert!(screen.contains("Detail"), "{screen}");

    // Back to the lineage, then the brand page, one of its collaborators, the overview.
    session.keys("\u{7f}");
    session.wait_for("Lineage: Gel-Kayano");
    session.keys("B");
    session.wait_for("ASICS · Japan");
    session.keys("\t\t\r");
    session.wait_for("releases per year");
    session.keys("s");
    let screen = session.wait_for("Overview ·");
    assert!(screen.contains("t: by brand"), "{screen}");
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
    session.assert_terminal_restored();
}

#[test]
fn a_narrow_terminal_shows_one_pane_at_a_time_and_resizing_redraws() {
    let data = mini();
    let mut session = Session::start(&["--data", &data], 40, 12, &[]);
    let screen = session.wait_for("Gel-Kayano Trainer");
    assert!(!screen.contains("Detail"), "{screen}");
    session.keys("\r");
    let screen = session.wait_for("Detail");
    assert!(!screen.contains("Timeline"), "{screen}");
    session.escape();
    session.wait_for("Timeline");
    // The screen model first, then the terminal: kicktime may redraw before the test's
    // parser would otherwise have been resized, and it only redraws what changed.
    session
        .screen
        .lock()
        .unwrap()
        .screen_mut()
        .set_size(30, 110);
    session
        .master()
        .resize(PtySize {
            rows: 30,
            cols: 110,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let screen = session.wait_for("Detail");
    assert!(
        screen.contains("Timeline"),
        "both panes after widening:\n{screen}"
    );
    session.screen.lock().unwrap().screen_mut().set_size(5, 20);
    session
        .master()
        .resize(PtySize {
            rows: 5,
            cols: 20,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    session.wait_for("too small");
    session.keys("\u{3}");
    assert_eq!(session.exit_code(), 0, "Ctrl-C quits");
    session.assert_terminal_restored();
}

#[test]
fn a_panic_leaves_the_terminal_restored() {
    let data = mini();
    let mut session = Session::start(&["--data", &data], 100, 30, &[("KICKTIME_TEST_PANIC", "1")]);
    session.wait_for("Gel-Kayano Trainer");
    session.keys("/panic!");
    let code = session.exit_code();
    assert_ne!(code, 0);
    session.assert_terminal_restored();
    assert!(
        session.contents().contains("forced panic"),
        "{}",
        session.contents()
    );
}

#[test]
fn a_broken_dataset_ends_the_loading_screen_with_its_report_and_a_clean_terminal() {
    let dir = common::dataset(
        "pty-broken",
        &[("a.ron", b"Dataset(brands: [Brand(id: 1)])")],
    );
    let dir = dir.display().to_string();
    let mut session = Session::start(&["--data", &dir, "--no-cache"], 100, 30, &[]);
    assert_eq!(session.exit_code(), 3);
    session.assert_terminal_restored();
    let screen = session.contents();
    assert!(screen.contains("a.ron:1:27: Expected string"), "{screen}");
    assert!(screen.contains("cannot be loaded"), "{screen}");
}

#[test]
fn the_loading_screen_shows_at_once_and_q_quits_while_loading() {
    let data = mini();
    let mut session = Session::start(
        &["--data", &data, "--no-cache"],
        100,
        30,
        &[("KICKTIME_TEST_SLOW_LOAD", "30000")],
    );
    let screen = session.wait_for("Loading");
    assert!(screen.contains("q quits"), "{screen}");
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
    session.assert_terminal_restored();
}

#[test]
fn a_search_typed_while_loading_runs_when_the_dataset_is_ready() {
    let data = mini();
    let mut session = Session::start(
        &["--data", &data, "--no-cache"],
        120,
        30,
        &[("KICKTIME_TEST_SLOW_LOAD", "1500")],
    );
    session.wait_for("Loading");
    session.keys("/jjjj");
    session.wait_for("typed: jjjj");
    let screen = session.wait_for("Results, best first");
    assert!(screen.contains("JJJJound x Gel-Kayano 14"), "{screen}");
    assert!(screen.contains("/ jjjj"), "{screen}");
    session.keys("\u{3}");
    assert_eq!(session.exit_code(), 0);
    session.assert_terminal_restored();
}

#[test]
fn control_sequences_in_data_are_shown_not_obeyed() {
    let evil = common::BASE.replace(
        "name: \"Gel-Kayano 14\"",
        "name: \"Gel\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{1b}[31mred\"",
    );
    let dir = common::dataset("pty-evil", &[("evil.ron", evil.as_bytes())]);
    let dir = dir.display().to_string();
    let mut session = Session::start(&["--data", &dir], 100, 30, &[]);
    let screen = session.wait_for("Gel␛]0;pwned␇␛[2J␛[31mred");
    assert!(screen.contains("Timeline"), "{screen}");
    {
        let raw = session.raw.lock().unwrap();
        let text = String::from_utf8_lossy(&raw);
        assert!(
            !text.contains("\u{1b}]0;pwned"),
            "the title-setting sequence reached the terminal"
        );
    }
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn sigterm_restores_the_terminal() {
    let data = mini();
    let mut session = Session::start(&["--data", &data], 100, 30, &[]);
    session.wait_for("Gel-Kayano Trainer");
    let pid = session.child.process_id().expect("a pid").to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(session.exit_code(), 143);
    session.assert_terminal_restored();
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_takes_it_again() {
    let data = mini();
    let mut session = Session::start(&["--data", &data], 100, 30, &[]);
    session.wait_for("Gel-Kayano Trainer");
    session.keys("\u{1a}");
    // Under a test there is no shell to stop the process (its process group is orphaned, so
    // the stop is ignored) and it takes the screen straight back: both steps are visible.
    let started = Instant::now();
    loop {
        let raw = String::from_utf8_lossy(&session.raw.lock().unwrap()).into_owned();
        let left = raw.find("\u{1b}[?1049l");
        if left.is_some_and(|at| raw[at..].contains("\u{1b}[?1049h")) {
            break;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "Ctrl-Z did not leave and re-enter the screen"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    session.keys("/kiko");
    session.wait_for("Kiko Kostadinov Gel-Kayano 14");
    session.keys("\u{3}");
    assert_eq!(session.exit_code(), 0);
    session.assert_terminal_restored();
}

#[test]
fn no_color_means_no_colour_codes_on_the_wire() {
    let data = mini();
    let mut session = Session::start(&["--data", &data], 100, 30, &[("NO_COLOR", "1")]);
    session.wait_for("Gel-Kayano Trainer");
    session.keys("/kayano");
    session.wait_for("Results, best first");
    let raw = String::from_utf8_lossy(&session.raw.lock().unwrap()).into_owned();
    let colours: Vec<String> = (0..8)
        .flat_map(|d| {
            [
                format!("\u{1b}[3{d}m"),
                format!("\u{1b}[4{d}m"),
                format!("\u{1b}[9{d}m"),
            ]
        })
        .chain(["38;5;".to_string(), "38;2;".to_string()])
        .collect();
    for code in &colours {
        assert!(
            !raw.contains(code.as_str()),
            "colour code {code:?} written under NO_COLOR"
        );
    }
    assert!(
        raw.contains("\u{1b}[7m"),
        "the selection is drawn in reverse video"
    );
    session.keys("\u{3}");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn the_built_in_timeline_searched_for_jjjjound_and_the_kayano_14() {
    let mut session = Session::start(&[], 120, 40, &[]);
    let screen = session.wait_for("entries");
    assert!(screen.contains("Origins"), "{screen}");
    session.keys("/jjjjound");
    let screen = session.wait_for("Results, best first");
    assert!(screen.contains("JJJJound x"), "{screen}");
    session.keys("\u{15}kiko kayano 14");
    let screen = session.wait_for("/ kiko kayano 14");
    assert!(screen.contains("UB1-S Gel-Kayano 14"), "{screen}");
    assert!(screen.contains("Kiko Kostadinov"), "{screen}");
    session.keys("\r\r");
    let screen = session.wait_for("collaborators");
    assert!(
        screen.contains("Gel-Kayano 14 (2008)"),
        "the collab links to its model:\n{screen}"
    );
    session.escape();
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
    session.assert_terminal_restored();
}

#[test]
fn a_huge_paste_and_a_held_key_stay_responsive() {
    let data = mini();
    let mut session = Session::start(&["--data", &data], 100, 30, &[]);
    session.wait_for("Gel-Kayano Trainer");
    session.keys("/");
    session.keys(&format!(
        "\u{1b}[200~{}\u{1b}[201~",
        "kayano ".repeat(15_000)
    ));
    session.wait_for("/ kayano kayano");
    // A held key: bursts of moves arrive faster than frames are drawn. (Each burst stays under
    // 1,024 bytes: crossterm reads its input in such blocks and leaves the rest of a larger
    // burst waiting for the next key, which a real held key always sends.)
    session.escape();
    session.wait_until_gone("/ kayano");
    for _ in 0..10 {
        session.keys(&"j".repeat(200));
        std::thread::sleep(Duration::from_millis(20));
    }
    session.wait_for("Kiko Kostadinov Gel-Kayano 14");
    let started = Instant::now();
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    session.assert_terminal_restored();
}

#[test]
fn sighup_from_a_closed_terminal_ends_kicktime() {
    let data = mini();
    let mut session = Session::start(&["--data", &data], 100, 30, &[]);
    session.wait_for("Gel-Kayano Trainer");
    let pid = session.child.process_id().expect("a pid").to_string();
    let hung_up = std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap();
    assert!(hung_up.success());
    assert_eq!(session.exit_code(), 143);
    session.assert_terminal_restored();
}

#[test]
fn a_key_remapped_in_the_config_file_does_the_action_and_shows_in_the_help() {
    let dir = common::temp_dir("remap");
    let config = dir.join("config.ron");
    std::fs::write(&config, "Config(keys: {\"lineage\": [\"L\"]})\n").unwrap();
    let data = mini();
    let config_arg = config.display().to_string();
    let mut session = Session::start(&["--data", &data, "--config", &config_arg], 120, 40, &[]);
    session.wait_for("Gel-Kayano Trainer");
    session.keys("l");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !session.contents().contains("Lineage:"),
        "l no longer opens the lineage"
    );
    session.keys("L");
    session.wait_for("Lineage: Gel-Kayano");
    session.escape();
    session.keys("?");
    let help = session.wait_for("Keys (");
    assert!(
        help.lines()
            .any(|l| l.contains(" L ") && l.contains("lineage of the line")),
        "the help shows the new key:\n{help}"
    );
    session.escape();
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
    session.assert_terminal_restored();
}

#[test]
fn a_broken_config_file_is_reported_with_its_place_before_the_screen_is_taken() {
    let dir = common::temp_dir("broken-config");
    let config = dir.join("config.ron");
    std::fs::write(&config, "Config(\n  keys: {\"lineage\": [\"ctrl-\"]},\n)\n").unwrap();
    let config_arg = config.display().to_string();
    let mut session = Session::start(&["--config", &config_arg], 100, 30, &[]);
    let screen = session.wait_for("config.ron:2:");
    assert!(screen.contains("is not a key"), "{screen}");
    assert_eq!(session.exit_code(), 2);
    assert!(!session.in_alternate_screen());
    let raw = String::from_utf8_lossy(&session.raw.lock().unwrap()).into_owned();
    assert!(!raw.contains("\u{1b}[?1049h"), "the screen was never taken");
}

#[test]
fn o_opens_the_source_with_the_browser_named_by_the_browser_variable() {
    let dir = common::temp_dir("browser");
    let received = dir.join("received.txt");
    let script = dir.join("browser.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", received.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = mini();
    let browser = script.display().to_string();
    let mut session = Session::start(&["--data", &data], 120, 40, &[("BROWSER", &browser)]);
    session.wait_for("Gel-Kayano Trainer");
    session.keys("o");
    session.wait_for("Opening https://example.com/kayano");
    let started = Instant::now();
    while !received.exists() && started.elapsed() < PATIENCE {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(
        std::fs::read_to_string(&received).unwrap(),
        "https://example.com/kayano"
    );
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn y_copies_the_id_through_an_osc_52_sequence() {
    use base64::Engine;
    let data = mini();
    let mut session = Session::start(&["--data", &data], 120, 40, &[]);
    session.wait_for("Gel-Kayano Trainer");
    session.keys("y");
    session.wait_for("Copied the id: gel-kayano-1");
    let encoded = base64::engine::general_purpose::STANDARD.encode("gel-kayano-1");
    let wanted = format!("\u{1b}]52;c;{encoded}\u{7}");
    let started = Instant::now();
    while !String::from_utf8_lossy(&session.raw.lock().unwrap()).contains(&wanted) {
        assert!(
            started.elapsed() < PATIENCE,
            "no OSC 52 sequence with the id"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
    session.assert_terminal_restored();
}

#[test]
fn the_whole_timeline_of_20000_entries_is_listed_and_every_era_reached() {
    let dir = common::temp_dir("pty-20k");
    let file = dir.join("catalogue.ron");
    std::fs::write(&file, kicktime::synthetic::generate(20_000)).unwrap();
    let data = file.display().to_string();
    let stats = common::kicktime(&["stats", "--format", "json", "--data", &data]);
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    let total = stats["entries"].as_u64().unwrap();
    let eras: Vec<(String, u64)> = (stats["by_era"].as_array().unwrap().iter())
        .map(|e| (e[0].as_str().unwrap().to_string(), e[1].as_u64().unwrap()))
        .collect();
    let mut session = Session::start(&["--data", &data, "--no-cache"], 160, 40, &[]);
    session.wait_for(&format!("{total} entries"));
    for (n, (name, count)) in eras.iter().enumerate().filter(|(_, (_, c))| *c > 0) {
        session.keys(&((n + 1) % 10).to_string());
        let screen = session.wait_for(&format!("── {name} · "));
        assert!(screen.contains(&format!("({count})")), "{name}:\n{screen}");
    }
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn a_mark_made_in_the_browser_is_there_after_quitting_and_starting_again() {
    let data = mini();
    let home = common::temp_dir("pty-collection");
    let env = [("XDG_DATA_HOME", home.to_str().unwrap())];
    let mut session = Session::start(&["--data", &data], 120, 32, &env);
    session.wait_for("Gel-Kayano Trainer");
    session.keys(DOWN);
    session.wait_for("Gel-Kayano 4");
    session.keys("m");
    let screen = session.wait_for("✓ owned");
    assert!(screen.contains("Gel-Kayano 4: owned"), "{screen}");
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
    session.assert_terminal_restored();
    // One session at a time (they take turns).
    drop(session);

    let mut again = Session::start(&["--data", &data], 120, 32, &env);
    again.wait_for("Gel-Kayano Trainer");
    let row = again.wait_for("● ✓ Gel-Kayano 4");
    assert!(row.contains("● ✓ Gel-Kayano 4"), "{row}");
    again.keys("p");
    let screen = again.wait_for("My collection · 1 owned");
    assert!(screen.contains("Gel-Kayano 4"), "{screen}");
    again.keys("q");
    assert_eq!(again.exit_code(), 0);
}

#[test]
fn the_first_start_writes_the_cache_once_the_timeline_shows_and_the_next_reads_it() {
    let dir = common::temp_dir("pty-cache-first");
    let file = dir.join("catalogue.ron");
    std::fs::write(&file, kicktime::synthetic::generate(20_000)).unwrap();
    let data = file.display().to_string();
    let cache = common::temp_dir("pty-cache-folder");
    let env = [("XDG_CACHE_HOME", cache.to_str().unwrap())];
    let cached = || {
        let folder = cache.join("kicktime");
        (std::fs::read_dir(&folder).into_iter().flatten().flatten())
            .filter(|e| e.path().extension().is_some_and(|x| x == "cache"))
            .count()
    };
    let mut session = Session::start(&["--data", &data, "--timings"], 120, 32, &env);
    session.wait_for("entries");
    session.keys("q");
    assert_eq!(session.exit_code(), 0);
    session.assert_terminal_restored();
    // Quitting waited for the cache written meanwhile: it is whole, and the next start reads it.
    assert_eq!(cached(), 1, "one cache file, no temporary one left");
    let leftovers = std::fs::read_dir(cache.join("kicktime")).unwrap().count();
    assert_eq!(leftovers, 1);
    drop(session);
    let searched = common::kicktime_with(
        &["search", "kayano", "--data", &data, "--timings"],
        &[("XDG_CACHE_HOME", cache.as_path())],
    );
    let said = String::from_utf8_lossy(&searched.stderr);
    assert!(said.contains("cache: read"), "{said}");
}
