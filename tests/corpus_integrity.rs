//! The cleaned corpus is faithful to the raw captures in `corpus/sources/`.
//!
//! Both sides are compared "modulo whitespace and markup": all whitespace is
//! removed, Markdown links become their text, escapes and emphasis markers go, and
//! list markers at line starts are dropped. Footnote references are rendered as
//! `[n]` on the cleaned side, as the captures write them.
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::corpus::{self, Body, MarkKind, Statement};
use std::fs;

fn capture(id: &str) -> String {
    fs::read_to_string(format!("{}/corpus/sources/{id}.txt", env!("CARGO_MANIFEST_DIR"))).expect("capture exists")
}

/// Removes whitespace and markup so that only the words and punctuation remain.
fn normalize(s: &str) -> String {
    let s = s.replace("<sup>", "").replace("</sup>", "");
    let s = unlink(&s);
    let mut out = String::new();
    for line in s.lines() {
        let line = line.trim_start();
        let line = line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")).unwrap_or(line);
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let line = if digits > 0 && line[digits..].starts_with(". ") { &line[digits + 2..] } else { line };
        let line = line.replace("]:", "]");
        out.extend(line.chars().filter(|c| !c.is_whitespace() && !matches!(c, '*' | '#' | '<' | '>' | '\\' | '^')));
    }
    out
}

/// `[text](url)` becomes `text`.
fn unlink(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|m| open + m) else { break };
        let Some(close) = rest[mid..].find(')').map(|c| mid + c) else { break };
        if rest[open + 1..mid].contains('[') {
            out.push_str(&rest[..open + 1]);
            rest = &rest[open + 1..];
            continue;
        }
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..mid]);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The cleaned body as the captures would write it: footnote markers inline as `[n]`.
fn rendered_blocks(body: &Body) -> Vec<String> {
    let mut blocks: Vec<String> = body
        .blocks
        .iter()
        .map(|b| {
            let mut text = String::new();
            let mut at = b.start;
            for m in &b.marks {
                if let MarkKind::FootnoteRef { label } = &m.kind {
                    text.push_str(&body.text[at..m.start]);
                    text.push_str(&format!("[{label}]"));
                    at = m.start;
                }
            }
            text.push_str(&body.text[at..b.end]);
            text
        })
        .collect();
    blocks.extend(body.footnotes.iter().map(|f| format!("[{}] {}", f.label, f.text)));
    blocks
}

fn metadata_values(s: &Statement, key: &str) -> String {
    normalize(&s.fields.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect::<Vec<_>>().join("\n"))
}

#[test]
fn every_file_parses_with_stable_ids() {
    let corpus = corpus::bundled();
    let mut ids: Vec<&str> = corpus.statements.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, corpus::IDS, "ids in date order");
    ids.sort();
    for (path, _) in corpus::FILES {
        let stem = path.trim_start_matches("corpus/").trim_end_matches(".md");
        assert!(ids.contains(&stem), "{path}: file name and id differ");
    }
}

#[test]
fn every_substantive_paragraph_of_each_capture_is_in_the_cleaned_body() {
    for s in &corpus::bundled().statements {
        let body = normalize(&rendered_blocks(&s.body).join("\n"));
        let raw = capture(&s.id);
        for para in raw.split("\n\n") {
            if normalize(para).is_empty() || body.contains(&normalize(para)) {
                continue;
            }
            for line in para.lines() {
                let line_n = normalize(line);
                if line_n.is_empty() || body.contains(&line_n) {
                    continue;
                }
                assert!(
                    s.removed.iter().any(|r| normalize(&r.text) == line_n),
                    "{}: capture line neither in the body nor listed as removed: {line:?}",
                    s.id
                );
            }
        }
    }
}

#[test]
fn the_cleaned_body_adds_nothing_that_is_not_in_the_capture() {
    for s in &corpus::bundled().statements {
        let raw = normalize(&capture(&s.id));
        for block in rendered_blocks(&s.body) {
            assert!(raw.contains(&normalize(&block)), "{}: cleaned block not in the capture: {block:?}", s.id);
        }
    }
}

#[test]
fn removed_text_exists_in_the_capture_and_moved_text_reached_its_field() {
    for s in &corpus::bundled().statements {
        let raw = normalize(&capture(&s.id));
        for r in &s.removed {
            let text = normalize(&r.text);
            assert!(raw.contains(&text), "{}: `removed` names text the capture lacks: {:?}", s.id, r.text);
            if !r.is_dropped() {
                let field = metadata_values(s, &r.category);
                assert!(field.contains(&text), "{}: {:?} was not moved into `{}`", s.id, r.text, r.category);
            }
        }
    }
}

#[test]
fn metadata_is_complete() {
    for s in &corpus::bundled().statements {
        assert!(!s.title.is_empty() && !s.author.is_empty() && !s.author_role.is_empty(), "{}", s.id);
        assert!(!s.date.basis.is_empty() && !s.publisher.is_empty(), "{}", s.id);
        assert!(s.source_url.is_some() || s.source_note.is_some(), "{}: say where it comes from", s.id);
    }
    let c = corpus::bundled();
    let intl = c.get("international-2020").unwrap();
    let countries: Vec<&str> = intl.signatories.iter().map(|s| s.split(':').next().unwrap()).collect();
    assert_eq!(countries, ["United Kingdom", "United States", "Australia", "New Zealand", "Canada", "India", "Japan"]);
    let lords = c.get("lords-answer-2020").unwrap();
    assert!(lords.asker.as_deref().unwrap().starts_with("Lord Taylor of Warwick"));
    assert!(lords.answered_by.as_deref().unwrap().starts_with("Baroness Williams of Trafford"));
    let wallace = c.get("wallace-2017").unwrap();
    assert_eq!(wallace.date.written, "2? November 2017");
    assert_eq!(wallace.date.precision, corpus::Precision::Month);
    assert_eq!(wallace.field("received_stamp"), Some("11 DEC 2017"));
    let factsheet = c.get("factsheet-2019").unwrap();
    assert_eq!(factsheet.date.precision, corpus::Precision::Inferred);
    assert!(factsheet.date.basis.contains("4 October 2019"));
}

/// The host of an `https://` address, or `None` for any other scheme.
fn https_host(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty() && !host.contains(['@', ':'])).then_some(host)
}

#[test]
fn originals_are_public_https_pages_and_statements_without_one_say_why() {
    // Public bodies and the public records that reproduce them; an address on any other
    // host needs a reason to be added here.
    let official = |host: &str| {
        ["gov.uk", "parliament.uk", "justice.gov", "theyworkforyou.com", "accessnow.org"]
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
    };
    let mut with_original = 0;
    for s in &corpus::bundled().statements {
        match &s.source_url {
            Some(url) => {
                let host = https_host(url).unwrap_or_else(|| panic!("{}: `{url}` is not an https address", s.id));
                assert!(official(host), "{}: `{host}` is not a host of an expected public publisher", s.id);
                with_original += 1;
            }
            None => {
                // Never an invented address: the note names the copy the text comes from.
                let note = s.source_note.as_deref().unwrap_or_default();
                assert!(
                    note.contains("No ") && note.contains("verified"),
                    "{}: say why there is no address: {note}",
                    s.id
                );
                assert!(note.contains(&format!("corpus/sources/{}.txt", s.id)), "{}: name the copy: {note}", s.id);
            }
        }
        if let Some(archive) = &s.archive_url {
            assert!(archive.starts_with("https://web.archive.org/web/"), "{}: archive `{archive}`", s.id);
            assert!(
                s.source_url.as_deref().is_some_and(|u| archive.ends_with(u)),
                "{}: an archive of the original",
                s.id
            );
        }
    }
    assert_eq!(with_original, 3, "the factsheet, the Lords answer and the international statement have originals");
    let wallace = corpus::bundled().get("wallace-2017").unwrap();
    assert!(wallace.source_note.as_deref().unwrap().contains("Phil Thane"), "who published the scan");
}

#[test]
fn page_chrome_and_letter_furniture_are_not_in_any_body() {
    let chrome = [
        "crowdfunder",
        "Skip to main content",
        "Alert me about debates",
        "Does this answer the above question",
        "Share this page",
        "Sharing and comments",
        "Posted by",
        "Component(s)",
        "Press Release Number",
        "Marsham Street",
        "Dear Arnie",
        "Dear Alistair",
        "handwritten signature",
        "FOR IMMEDIATE RELEASE",
    ];
    for s in &corpus::bundled().statements {
        for c in chrome {
            assert!(!s.body.text.contains(c), "{}: body still contains {c:?}", s.id);
        }
    }
}

/// A UK postcode-shaped token: outward code (letters then digit(s), optional letter)
/// and inward code (digit, two letters).
fn postcodes(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let outward = |w: &str| {
        let b = w.as_bytes();
        (2..=4).contains(&b.len())
            && b[0].is_ascii_uppercase()
            && b.iter().any(u8::is_ascii_digit)
            && b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    let inward = |w: &str| {
        let b = w.as_bytes();
        b.len() == 3 && b[0].is_ascii_digit() && b[1].is_ascii_uppercase() && b[2].is_ascii_uppercase()
    };
    words.windows(2).filter(|p| outward(p[0]) && inward(p[1])).map(|p| format!("{} {}", p[0], p[1])).collect()
}

#[test]
fn the_only_postcodes_in_the_repository_data_are_public_offices() {
    // Home Office and House of Commons; a private person's address must never appear.
    let public = ["SW1P 4DF", "SW1A 0AA"];
    let dir = format!("{}/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.extend(fs::read_dir(format!("{dir}/sources")).unwrap().map(|e| e.unwrap().path()));
    let mut checked = 0;
    for path in files.iter().filter(|p| p.is_file()) {
        // Binary files (the precomputed analysis) are read as lossy text: any postcode in them is still ASCII.
        let bytes = fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for pc in postcodes(&text) {
            assert!(public.contains(&pc.as_str()), "{}: postcode {pc} is not a public office", path.display());
        }
        checked += 1;
    }
    assert!(checked >= 10);
    assert_eq!(postcodes("Mr A of 1 High St, Town, AB12 3CD today"), ["AB12 3CD"]);
    let wallace = corpus::bundled().get("wallace-2017").unwrap();
    assert!(wallace.body.text.contains("Mr Phil Thane of [address redacted] regarding"));
    assert!(!wallace.redactions.is_empty());
}
