//! Arbitrary text never breaks the analysis: no panic, offsets always slice the
//! input, sentences stay in order. (Speed is measured in `benches/`, not here.)
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::analysis::{self, Codebook};
use encryption_framing::corpus::plain;
use encryption_framing::supplied;
use proptest::prelude::*;

mod common;

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
    #![proptest_config(ProptestConfig::with_cases(common::cases(400)))]

    #[test]
    fn arbitrary_unicode_never_panics(input in any::<String>()) {
        check_invariants(&input);
    }

    #[test]
    fn sentence_like_text_never_panics(input in r#"([A-Za-z“”"'‘’\.\?!…,;:\- \n\r\u{200B}\u{202E}\u{05D0}-\u{05EA}😀0-9%]{0,12} ?){0,60}"#) {
        check_invariants(&input);
    }
}

proptest! {
    // The whole pipeline per case (about 5 ms native): fewer cases in the short run.
    #![proptest_config(ProptestConfig::with_cases(common::cases(48)))]

    /// The widget's entry point for a reader's text: the whole pipeline, with the
    /// corpus, comparison and talking points; every quote and occurrence slices its text.
    #[test]
    fn a_pasted_text_joins_the_corpus_analysis(input in r#"([A-Za-z“”"'\.\?!,:\- \n\u{202E}0-9]{0,12} ?){0,40}(the fact that our agencies are unable to access end-to-end encrypted messages)?"#) {
        let statement = supplied::check("t", "", &input).map(|s| s.statement()).unwrap_or_else(|_| plain::statement("yours", "t", None, &input));
        let all = analysis::bundled().with_statement(statement, Codebook::bundled());
        let d = all.document("yours").expect("added");
        for tp in all.recurring.passages.iter().chain(&all.recurring.claims) {
            for o in &tp.occurrences {
                let text = &all.document(&o.doc).expect("occurrence of a known statement").statement.body.text;
                prop_assert!(text.get(o.start..o.end).is_some());
            }
        }
        for t in &d.summary.themes {
            for &q in &t.quotes {
                prop_assert!(q < d.analysis.sentences.len());
            }
        }
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
