//! Arbitrary text never breaks the analysis: no panic, offsets always slice the
//! input, sentences stay in order. (Speed is measured in `benches/`, not here.)
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::analysis::{self, Codebook};
use encryption_framing::corpus::plain;
use proptest::prelude::*;

fn check_invariants(input: &str) {
    let body = plain::body(input);
    let a = analysis::analyze(&body, Codebook::bundled());
    let mut last = 0;
    for s in &a.sentences {
        assert!(body.text.get(s.start..s.end).is_some(), "sentence offsets slice the text");
        assert!(s.start >= last && s.start < s.end);
        last = s.end;
        for e in &s.evidence {
            assert!(body.text.get(e.start..e.end).is_some(), "evidence offsets slice the text");
        }
    }
    for b in &body.blocks {
        assert!(input.contains(body.text[b.start..b.end].split(' ').next().unwrap()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_unicode_never_panics(input in any::<String>()) {
        check_invariants(&input);
    }

    #[test]
    fn sentence_like_text_never_panics(input in r#"([A-Za-z“”"'‘’\.\?!…,;:\- \n\r\u{200B}\u{202E}\u{05D0}-\u{05EA}😀0-9%]{0,12} ?){0,60}"#) {
        check_invariants(&input);
    }
}

#[test]
fn hostile_and_edge_inputs() {
    for input in [
        "",
        "\r\n\r\n",
        "“",
        "'",
        "\"unterminated quote. Still going. And on.",
        "Encryption.\u{200B}Zero\u{200B}width. Backdoor\u{200D}s.",
        "\u{202E}noitpyrcne\u{202C} is reversed. \u{2066}isolated\u{2069}.",
        "שלום. הצפנה מקצה לקצה. Lawful access.",
        "😀😀 Encryption 🔐 is vital. 👍",
        "<script>alert(1)</script> Encryption is vital. <img src=x onerror=alert(1)>",
        "Mr. U.S. Rt. Hon. 16.8. .... ???",
        "a\r\nb\rc\nd",
    ] {
        check_invariants(input);
    }
}

#[test]
fn ten_megabytes_of_text_are_analysed() {
    let unit =
        "The Government supports strong encryption. “Quoted. Text” with 12 million reports – and a stray “ mark!\n\n";
    let big: String = unit.repeat(10 * 1024 * 1024 / unit.len());
    let body = plain::body(&big);
    let a = analysis::analyze(&body, Codebook::bundled());
    assert!(a.sentences.len() > 150_000, "{}", a.sentences.len());
    assert!(a.sentences.iter().all(|s| s.end <= body.text.len()));
}
