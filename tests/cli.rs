//! The `framing` CLI as a data desk uses it.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn framing(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_framing")).args(args).output().expect("runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn tmp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("framing-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn json_for_the_bundled_corpus_lists_every_sentence_with_character_offsets() {
    let (ok, out, _) = framing(&["analyze"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    assert_eq!(v["codebook"]["codes"].as_array().unwrap().len(), 16);
    for d in docs {
        let chars: Vec<char> = d["text"].as_str().unwrap().chars().collect();
        let sentences = d["sentences"].as_array().unwrap();
        assert!(sentences.len() > 10);
        for s in sentences {
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            let slice: String = chars[a..b].iter().collect();
            assert_eq!(slice, s["text"].as_str().unwrap(), "offsets count Unicode characters");
        }
    }
    assert!(v["recurring"].as_array().unwrap().iter().any(|r| r["kind"] == "passage"));
}

#[test]
fn csv_has_a_row_per_sentence_and_code() {
    let (ok, out, _) = framing(&["analyze", "--format", "csv"]);
    assert!(ok);
    let mut lines = out.lines();
    assert_eq!(lines.next().unwrap(), "doc,sentence,start,end,themes,code,rules,evidence,quoted,text");
    let rows: Vec<&str> = lines.collect();
    assert!(rows.iter().any(|r| r.starts_with("rudd-2017,6,") && r.contains(",enc.abuse,")));
    let (_, eq, _) = framing(&["analyze", "--format=csv"]);
    assert_eq!(eq, out);
}

#[test]
fn files_are_analysed_as_statements_named_by_their_stem() {
    let f = tmp("minister-speech.txt", "We support strong encryption.\n\nBut companies must act.".as_bytes());
    let (ok, out, _) = framing(&["analyze", &f]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"][0]["id"], "minister-speech");
    assert_eq!(v["documents"][0]["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn leave_analyses_without_what_a_development_statement_alone_motivated() {
    // `underpins` was written because of the Australian second reading speech.
    let f = tmp("underpins.txt", b"Encryption underpins the modern economy.");
    let (ok, with, _) = framing(&["analyze", "--format", "csv", &f]);
    assert!(ok);
    assert!(with.contains("enc.endorse/underpins"), "{with}");
    for args in [
        vec!["analyze", "--format", "csv", "--leave", "au-tola-second-reading-2018", &f],
        vec!["analyze", "--leave", "au-tola-second-reading-2018", "--format=csv", &f],
    ] {
        let (ok, without, err) = framing(&args);
        assert!(ok, "{err}");
        assert!(without.starts_with("doc,sentence,"), "still CSV: {without}");
        assert!(!without.contains("enc.endorse/underpins"), "{without}");
    }
    let (ok, _, err) = framing(&["analyze", "--leave"]);
    assert!(!ok && err.contains("--leave takes a statement id"), "{err}");
}

#[test]
fn bad_input_gets_a_clear_error_naming_the_file() {
    let empty = tmp("empty.txt", b"  \n");
    let binary = tmp("binary.txt", &[0x66, 0x6f, 0xff, 0xfe, 0x00]);
    let dir = std::env::temp_dir().to_string_lossy().into_owned();
    for (args, needle) in [
        (vec!["analyze", "/no/such/file.txt"], "/no/such/file.txt"),
        (vec!["analyze", &empty], "empty"),
        (vec!["analyze", &binary], "not UTF-8"),
        (vec!["analyze", &dir], "is a directory"),
        (vec!["analyze", "--format", "xml"], "json or csv"),
        (vec!["frobnicate"], "unknown command"),
        (vec![], "usage"),
    ] {
        let (ok, out, err) = framing(&args);
        assert!(!ok, "{args:?} must fail");
        assert!(out.is_empty());
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn a_line_of_spaces_or_no_break_spaces_separates_paragraphs_in_a_file() {
    let path =
        tmp("nbsp.txt", "A heading without a full stop\n \u{00A0} \nThe body of the statement follows here".as_bytes());
    let (ok, out, err) = framing(&["analyze", &path]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let texts: Vec<&str> =
        v["documents"][0]["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["A heading without a full stop", "The body of the statement follows here"]);
}

#[test]
fn eval_reports_rules_and_tolerates_a_missing_development_set() {
    let data = format!("{}/tests/data/unseen.tsv", env!("CARGO_MANIFEST_DIR"));
    let real = format!("{}/tests/data/realdev", env!("CARGO_MANIFEST_DIR"));
    let (ok, out, _) = framing(&["eval", "--rules", "--dev", "/no/such/eval-dev", "--dev", &real, &data]);
    assert!(ok, "a missing development set is not an error");
    assert!(out.contains("development set /no/such/eval-dev not scored"), "{out}");
    assert!(out.contains(&format!("{real} (leave one statement out)")), "the other set is scored: {out}");
    assert!(out.contains("hits") && out.contains("rules never fire"), "{out}");
    assert!(out.contains("n/a"), "a code never given has no precision: {out}");
}
