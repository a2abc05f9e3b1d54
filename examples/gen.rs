//! Writes a synthetic dataset of about N timeline entries, for benchmarks and load tests:
//! `cargo run --release --example gen -- --entries N --out PATH`. The same seed gives the same
//! file every time; the data is plausible but not history.

use std::io::Write as _;

use kicktime::synthetic::generate;

fn main() {
    let mut entries = 10_000usize;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--entries" => {
                entries = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--entries N")
            }
            "--out" => out = args.next(),
            other => panic!("unknown argument {other}; use --entries N --out PATH"),
        }
    }
    let out = out.expect("--out PATH");
    let text = generate(entries);
    let mut file = std::fs::File::create(&out).expect("create the output file");
    file.write_all(text.as_bytes()).expect("write the dataset");
    eprintln!(
        "wrote about {entries} entries ({} bytes) to {out}",
        text.len()
    );
}
