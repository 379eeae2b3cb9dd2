//! A reader's own statement: the checks, the visible form of invisible characters,
//! and the link form (round trip; damage and cut-offs detected, never misread).
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::analysis::{self, Codebook};
use encryption_framing::corpus::YearMonthDay;
use encryption_framing::location::{self, Location};
use encryption_framing::supplied::{self, InputError, LinkError, Supplied};
use encryption_framing::view::View;
use proptest::prelude::*;

mod common;

const OWN: &str = include_str!("e2e/fixtures/own-statement.txt");

fn own() -> Supplied {
    supplied::check("Reply to the Open Rights Coalition", "2023-03-14", OWN).unwrap()
}

#[test]
fn a_typical_statement_round_trips_and_fits_a_reliable_link() {
    let s = own();
    let encoded = s.encode();
    assert_eq!(Supplied::decode(&encoded), Ok(s));
    assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "URL-safe: {encoded}");
    assert!(encoded.len() < OWN.len(), "compressed: {} of {}", encoded.len(), OWN.len());
    assert!(encoded.len() < supplied::RELIABLE_LINK / 4);
}

#[test]
fn every_single_character_change_is_detected_or_harmless() {
    let s = own();
    let encoded = s.encode();
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut detected = 0;
    for i in 0..encoded.len() {
        let original = encoded.as_bytes()[i] as char;
        let replacement = alphabet.chars().find(|&c| c != original && (c as u32 ^ original as u32) & 1 == 1).unwrap();
        let damaged = format!("{}{}{}", &encoded[..i], replacement, &encoded[i + 1..]);
        match Supplied::decode(&damaged) {
            Ok(d) => assert_eq!(d, s, "a change at {i} must never yield a different text"),
            Err(_) => detected += 1,
        }
    }
    // Only the unused low bits of the last character can change without effect.
    assert!(detected >= encoded.len() - 1, "{detected} of {}", encoded.len());
    assert_eq!(Supplied::decode(&encoded.replace('A', "*")), Err(LinkError::Corrupt), "not base64url");
}

#[test]
fn every_cut_off_link_is_reported_as_incomplete() {
    let encoded = own().encode();
    for cut in 0..encoded.len() - 1 {
        let result = Supplied::decode(&encoded[..cut]);
        assert_eq!(result, Err(LinkError::Truncated), "cut at {cut} of {}", encoded.len());
    }
}

#[test]
fn a_newer_format_and_a_decompression_bomb_are_refused() {
    let mut bytes = vec![2u8];
    bytes.extend(miniz_oxide::deflate::compress_to_vec_zlib(b"t\n\nhello", 9));
    assert_eq!(Supplied::decode(&supplied::base64url::encode(&bytes)), Err(LinkError::UnknownFormat));

    // 50 MB of one letter compresses to a few KB; decoding stops at the limit.
    let mut bomb = vec![1u8];
    bomb.extend(miniz_oxide::deflate::compress_to_vec_zlib(&vec![b'a'; 50_000_000], 9));
    let link = supplied::base64url::encode(&bomb);
    assert!(link.len() < 100_000);
    assert_eq!(Supplied::decode(&link), Err(LinkError::TooLong));
    // Its length is unknown (decoding stopped), so the message claims none.
    let message = LinkError::TooLong.message();
    assert!(message.contains("longer than the limit of 50,000 characters"), "{message}");
    assert!(!message.contains("has "), "{message}");

    // Over the character limit, although it decompresses within the byte bound: the
    // message reports the text's real length.
    let long = Supplied { title: "t".into(), date: None, text: "word ".repeat(supplied::MAX_CHARS / 5 + 1) };
    let chars = long.text.chars().count();
    assert_eq!(Supplied::decode(&long.encode()), Err(LinkError::Invalid(InputError::TooLong { chars })));
    assert!(LinkError::Invalid(InputError::TooLong { chars }).message().contains("50,005 characters"));
}

#[test]
fn checks_name_what_is_wrong() {
    assert_eq!(supplied::check("", "", " \n\t "), Err(InputError::Empty));
    assert_eq!(supplied::check("", "", "...!"), Err(InputError::Empty));
    let over = "a".repeat(supplied::MAX_CHARS + 1);
    assert_eq!(supplied::check("", "", &over), Err(InputError::TooLong { chars: supplied::MAX_CHARS + 1 }));
    assert!(supplied::check("", "", &"é".repeat(supplied::MAX_CHARS)).is_ok(), "the limit counts characters");
    assert_eq!(supplied::check("", "14/03/2023", "text"), Err(InputError::BadDate));
    let s = supplied::check("  A\n  title  ", "2023-03-14", "text").unwrap();
    assert_eq!((s.title.as_str(), s.date), ("A title", Some(YearMonthDay { year: 2023, month: 3, day: 14 })));
    assert_eq!(supplied::check("", "", "text").unwrap().title, "Your statement");
    assert!(InputError::TooLong { chars: 61_234 }.message().contains("61,234 characters; the limit is 50,000"));
}

#[test]
fn files_must_be_utf8_text() {
    assert_eq!(supplied::text_from_bytes(b"\xEF\xBB\xBFplain text").unwrap(), "plain text");
    assert_eq!(supplied::text_from_bytes("naïve – “quoted”".as_bytes()).unwrap(), "naïve – “quoted”");
    let binary = supplied::text_from_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(binary, Err(InputError::NotText { reason: "it contains binary data" }));
    assert_eq!(supplied::text_from_bytes(b"caf\xe9"), Err(InputError::NotText { reason: "it is not UTF-8 text" }));
    assert_eq!(
        supplied::text_from_bytes(b"\xFF\xFEa\0b\0"),
        Err(InputError::NotText { reason: "it is saved as UTF-16" })
    );
    let controls: Vec<u8> = (0..200).map(|i| if i % 10 == 0 { 0x01 } else { b'a' }).collect();
    assert_eq!(supplied::text_from_bytes(&controls), Err(InputError::NotText { reason: "it contains binary data" }));
}

#[test]
fn invisible_characters_become_visible_codes() {
    let (shown, n) = supplied::make_visible("a\u{202E}b\u{200B}c\u{2066}d\u{FEFF}e\u{E0041}f\tg\nh");
    assert_eq!(shown, "a⟦U+202E⟧b⟦U+200B⟧c⟦U+2066⟧d⟦U+FEFF⟧e⟦U+E0041⟧f\tg\nh");
    assert_eq!(n, 5);
    let s = supplied::check("t\u{202E}", "", "Encryption\u{200B} matters. <script>alert(1)</script>").unwrap();
    let statement = s.statement();
    assert_eq!(statement.title, "t⟦U+202E⟧");
    assert!(statement.body.text.contains("Encryption⟦U+200B⟧ matters. <script>alert(1)</script>"));
    assert!(!statement.body.text.chars().any(supplied::is_invisible));
    assert_eq!(s.invisible_count(), 2);
}

#[test]
fn the_statement_joins_the_analysis_as_a_marked_last_column_and_shares_talking_points() {
    let base = analysis::bundled();
    let with = base.with_statement(own().statement(), Codebook::bundled());
    assert_eq!(with.documents.len(), 6);
    let d = with.documents.last().unwrap();
    assert_eq!(d.statement.id, supplied::ID);
    assert_eq!(d.statement.kind.label(), "Your text");
    assert!(d.summary.words > 100);
    // The Rudd and Wallace letters' sentence about warrants recurs in it.
    let shared = with.recurring.passages.iter().find(|p| p.statements().contains(&supplied::ID)).expect("shared");
    assert!(shared.statements().contains(&"rudd-2017"));
    assert!(shared.label.starts_with("The fact that our agencies are unable to access"));
    // Every quote is a verbatim substring of the statement's text.
    for t in &d.summary.themes {
        for &q in &t.quotes {
            let s = &d.analysis.sentences[q];
            assert!(OWN.replace('\n', " ").contains(&d.statement.body.text[s.start..s.end]));
        }
    }
    // The bundled analysis is untouched, and adding again replaces rather than duplicates.
    assert_eq!(base.documents.len(), 5);
    assert_eq!(with.with_statement(own().statement(), Codebook::bundled()).documents.len(), 6);
}

#[test]
fn the_text_parameter_travels_with_every_view() {
    let value = own().encode();
    for v in [
        View::default(),
        View::Method,
        View::Read { ids: vec!["yours".into(), "rudd-2017".into()], theme: None, at: None },
        View::Search { query: "a&u=b".into() },
    ] {
        let hash = location::format(&Location { view: v.clone(), text: Some(value.clone()) });
        assert_eq!(location::text_param(&hash).as_deref(), Some(value.as_str()), "{hash}");
        assert!(hash.ends_with(&format!("u={value}")), "{hash}");
        let without = location::format(&Location { view: v, text: None });
        assert!(!without.contains("u="), "{without}");
    }
    assert_eq!(location::text_param("#/method"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(200)))]

    #[test]
    fn any_accepted_text_round_trips(title in "\\PC{0,40}", text in "\\PC{1,400}", day in 1u8..=28) {
        if let Ok(s) = supplied::check(&title, &format!("2024-02-{day:02}"), &text) {
            prop_assert_eq!(Supplied::decode(&s.encode()), Ok(s));
        }
    }

    #[test]
    fn any_string_decodes_to_an_error_or_an_accepted_text(link in "[A-Za-z0-9_-]{0,300}") {
        if let Ok(s) = Supplied::decode(&link) {
            prop_assert!(supplied::check(&s.title, "", &s.text).is_ok());
        }
    }
}
