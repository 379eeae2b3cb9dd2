//! The framing analysis as its users meet it: sentences with verbatim offsets,
//! codes with evidence, summaries, recurring talking points, and the codebook on
//! text it has never seen.
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::analysis::{self, eval, Codebook, Source, Target, Theme};
use encryption_framing::corpus::{self, plain};

/// Codes the analysis gives the one sentence of `text` (written outside the corpus).
fn codes_of(text: &str) -> Vec<String> {
    let book = Codebook::bundled();
    let a = analysis::analyze(&plain::body(text), book);
    assert_eq!(a.sentences.len(), 1, "one sentence: {text}");
    a.sentences[0].codes.iter().map(|&c| book[c].id.clone()).collect()
}

fn check(text: &str, must: &[&str], must_not: &[&str]) {
    let got = codes_of(text);
    for m in must {
        assert!(got.iter().any(|c| c == m), "{m} missing for {text:?}; got {got:?}");
    }
    for m in must_not {
        assert!(!got.iter().any(|c| c == m), "{m} wrongly given to {text:?}; got {got:?}");
    }
}

#[test]
fn clear_cases_on_unseen_wording() {
    check("The minister said the government backs strong encryption without reservation.", &["enc.endorse"], &[]);
    check("Encrypted apps are being abused by paedophiles and drug gangs.", &["enc.abuse", "dev.threat"], &[]);
    check("We will never ask a company to build a backdoor.", &["acc.not_backdoor"], &[]);
    check("Opponents claim the bill would create a backdoor.", &[], &["acc.not_backdoor"]);
    check("We have no plans to ban end-to-end encryption.", &["enc.no_weaken"], &[]);
    check("Parliament debated whether to ban encryption.", &[], &["enc.no_weaken"]);
    check("Officers would need a warrant signed by a judge.", &["acc.safeguards"], &[]);
    check("Police must be able to gain lawful access to the messages of suspects.", &["acc.lawful"], &[]);
    check(
        "Platforms should work with police and must take responsibility for child safety.",
        &["acc.industry_duty"],
        &[],
    );
    check("Data must be provided in an intelligible form.", &["acc.readable"], &[]);
    check("Everyone has a right to privacy online.", &["priv.right"], &[]);
    check("It is not a binary choice between privacy and safety.", &["priv.no_tradeoff"], &[]);
    check("Privacy should not come at the expense of children's safety.", &["priv.qualified"], &[]);
    check("Over 40 percent of referrals came from one app.", &["dev.evidence"], &[]);
    check("On 4 October 2019 the letter was sent.", &[], &["dev.evidence"]);
    check("Security experts agree that the approach is sound.", &["dev.authority"], &[]);
    check(
        "Investigators were unable to access the phone's contents, so the case collapsed.",
        &["acc.capability_gap"],
        &[],
    );
}

#[test]
fn clear_cases_in_the_corpus() {
    let a = analysis::bundled();
    let coded = |id: &str, start: &str| {
        let d = a.document(id).unwrap();
        let text = &d.statement.body.text;
        let s = d.analysis.sentences.iter().find(|s| text[s.start..s.end].starts_with(start)).expect(start);
        s.codes.iter().map(|&c| Codebook::bundled()[c].id.clone()).collect::<Vec<String>>()
    };
    assert!(coded("rudd-2017", "However, like many powerful technologies").contains(&"enc.abuse".into()));
    assert!(coded("wallace-2017", "There is a particular problem").contains(&"enc.design".into()));
    assert!(coded("rudd-2017", "We do not want technology companies").contains(&"acc.not_backdoor".into()));
    assert!(coded("factsheet-2019", "We do not agree with the assertion").contains(&"priv.no_tradeoff".into()));
    assert!(coded("international-2020", "Enable law enforcement access").contains(&"acc.readable".into()));
    // The list item inherits the call on companies from its lead-in.
    assert!(coded("international-2020", "Enable law enforcement access").contains(&"acc.industry_duty".into()));
}

#[test]
fn quality_stays_above_the_aims_on_the_hand_annotations() {
    let src = include_str!("data/annotations.tsv");
    let annotations = eval::parse_tsv(src).unwrap();
    assert!(annotations.len() >= 60);
    let report = eval::evaluate(&annotations, analysis::bundled(), Codebook::bundled());
    assert!(report.unaligned.is_empty(), "annotations not matching a sentence: {:?}", report.unaligned);
    let themes = eval::Report::micro(&report.themes).f1();
    let codes = eval::Report::micro(&report.codes).f1();
    assert!(themes >= 0.9, "theme F1 {themes:.2}");
    assert!(codes >= 0.75, "code F1 {codes:.2}");
    for (theme, c) in &report.themes {
        assert!(c.f1() >= 0.85, "{theme} F1 {:.2}", c.f1());
    }
}

#[test]
fn every_sentence_is_a_verbatim_slice_and_every_label_has_evidence() {
    let book = Codebook::bundled();
    for d in &analysis::bundled().documents {
        let text = &d.statement.body.text;
        let mut last_end = 0;
        for s in &d.analysis.sentences {
            assert!(
                s.start >= last_end && s.start < s.end && s.end <= text.len(),
                "{}: ordered, non-empty",
                d.statement.id
            );
            assert_eq!(text[s.start..s.end].trim(), &text[s.start..s.end]);
            last_end = s.end;
            assert!(s.codes.windows(2).all(|w| w[0] < w[1]), "codes in codebook order, once each");
            for &code in &s.codes {
                assert!(s.evidence.iter().any(|e| e.target == Target::Code(code)), "{code:?} without evidence");
                let theme = book[code].theme;
                assert!(theme.is_none_or(|t| s.themes.contains(&t)), "a code implies its theme");
            }
            for &t in &s.themes {
                assert!(s.evidence.iter().any(|e| book.target_theme(e.target) == Some(t)));
            }
            for e in &s.evidence {
                assert!(e.start < e.end && e.end <= text.len());
                match e.source {
                    Source::Rule(_) => assert!(e.rule(book).is_some(), "unknown rule {e:?}"),
                    Source::LeadIn { sentence } => assert!(sentence < d.analysis.sentences.len()),
                    Source::Context { sentence, .. } => {
                        assert!(e.rule(book).is_some() && sentence < d.analysis.sentences.len())
                    }
                }
            }
        }
    }
}

#[test]
fn segmentation_handles_the_corpus_hard_cases() {
    let a = analysis::bundled();
    let sentences = |id: &str| {
        let d = a.document(id).unwrap();
        d.analysis.sentences.iter().map(|s| d.statement.body.text[s.start..s.end].to_string()).collect::<Vec<_>>()
    };
    let fs = sentences("factsheet-2019");
    assert!(
        fs.iter()
            .any(|s| s.starts_with("In 2018, Facebook made 16.8 million reports")
                && s.ends_with("end-to-end encryption."))
    );
    assert!(fs.contains(&"What about privacy?".to_string()), "headings are sentences");
    let intl = sentences("international-2020");
    let quoted = intl.iter().find(|s| s.starts_with("The WePROTECT Global Alliance – a coalition")).unwrap();
    assert!(quoted.ends_with("environments.”"), "a quotation of three sentences stays in its sentence: {quoted}");
    assert!(intl.iter().any(|s| s.starts_with("Embed the safety of the public")), "list items are sentences");
    let wallace = sentences("wallace-2017");
    assert!(wallace
        .iter()
        .any(|s| s.starts_with("Thank you for your email of 12 November") && s.contains("Mr Phil Thane")));
}

#[test]
fn summaries_rank_quotes_and_record_absences() {
    let a = analysis::bundled();
    for d in &a.documents {
        for t in &d.summary.themes {
            assert!(t.quotes.len() <= 3);
            for &q in &t.quotes {
                assert!(d.analysis.sentences[q].themes.contains(&t.theme));
            }
            assert!(t.percent(d.summary.words) <= 100);
        }
    }
    let access = &a.comparison.themes.iter().find(|(t, _)| *t == Theme::Access).unwrap().1;
    let not_backdoor = Codebook::bundled().code_id("acc.not_backdoor").unwrap();
    let backdoor = access.iter().find(|u| u.code == not_backdoor).unwrap();
    // Only the 2017 letters disavow backdoors; the later statements never do.
    assert_eq!(backdoor.absent_from, ["factsheet-2019", "lords-answer-2020", "international-2020"]);
    let lords = a.document("lords-answer-2020").unwrap();
    let first = &lords.analysis.sentences[lords.summary.theme(Theme::Access).quotes[0]];
    assert!(
        !lords.statement.body.text[first.start..first.end].starts_with("To ask"),
        "the question is not the answer's quote"
    );
    let rudd = a.document("rudd-2017").unwrap();
    let top = rudd.summary.theme(Theme::Access).quotes[0];
    assert!(!rudd.analysis.sentences[top].codes.is_empty());
}

#[test]
fn recurring_passages_are_found_across_statements() {
    let r = &analysis::bundled().recurring;
    let find =
        |needle: &str| r.passages.iter().find(|p| p.label.contains(needle)).unwrap_or_else(|| panic!("{needle}"));
    let abused = find("encrypted services are abused by a small minority of people");
    assert_eq!(abused.statements(), ["rudd-2017", "wallace-2017"]);
    let embed = find("Embed the safety of the public in system designs");
    assert_eq!(embed.statements(), ["factsheet-2019", "international-2020"]);
    assert!(embed.occurrences.iter().all(|o| o.end - o.start > 80), "near-verbatim, not just the first words");
    assert!(
        r.passages.iter().all(|p| !p.label.starts_with("The US National Center")),
        "a shared name is not a talking point"
    );
    let claim = r.get("c-acc.lawful").unwrap();
    assert_eq!(claim.statements().len(), 5);
    for p in r.passages.iter().chain(&r.claims) {
        assert!(p.statements().len() >= 2);
    }
}

#[test]
fn the_codebook_has_definitions_frames_and_no_document_specific_rules() {
    let book = Codebook::bundled();
    let names: Vec<String> = corpus::bundled()
        .statements
        .iter()
        .flat_map(|s| [s.id.clone(), s.author.to_lowercase()])
        .chain(["rudd", "wallace", "zuckerberg", "facebook", "weprotect", "ncmec", "mi5"].map(String::from))
        .collect();
    for c in &book.codes {
        assert!(!c.definition.is_empty() && !c.policy_frames.is_empty());
        for r in &c.rules {
            let p = r.pattern.to_lowercase();
            for n in &names {
                assert!(!p.contains(n.as_str()), "rule {} names {n}", r.id);
            }
        }
    }
}

#[test]
fn published_evaluation_figures_match_the_code() {
    let round = |x: f64| (x * 100.0).round() / 100.0;
    for p in eval::PUBLISHED {
        let src = std::fs::read_to_string(format!("{}/tests/data/{}", env!("CARGO_MANIFEST_DIR"), p.file)).unwrap();
        let r = eval::evaluate(&eval::parse_tsv(&src).unwrap(), analysis::bundled(), Codebook::bundled());
        let (t, c) = (eval::Report::micro(&r.themes), eval::Report::micro(&r.codes));
        let got = (
            r.sentences,
            round(t.f1()),
            round(c.precision().unwrap_or(0.0)),
            round(c.recall().unwrap_or(0.0)),
            round(c.f1()),
        );
        assert_eq!(
            got,
            (p.sentences, p.theme_f1, p.code_precision, p.code_recall, p.code_f1),
            "{}: update eval::PUBLISHED",
            p.file
        );
    }
}

#[test]
fn every_codebook_example_fires_its_rule_and_no_counter_example_does() {
    let book = Codebook::bundled();
    let fired = |text: &str| -> Vec<String> {
        let a = analysis::analyze(&plain::body(text), book);
        a.sentences.iter().flat_map(|s| &s.evidence).filter_map(|e| e.rule(book)).map(|r| r.id.clone()).collect()
    };
    let rules = book.themes.iter().flat_map(|t| &t.cues).chain(book.codes.iter().flat_map(|c| &c.rules));
    let mut checked = 0;
    for r in rules {
        for e in &r.examples {
            assert!(fired(e).contains(&r.id), "{} does not fire on its example {e:?}", r.id);
            checked += 1;
        }
        for e in &r.counter_examples {
            assert!(!fired(e).contains(&r.id), "{} fires on its counter-example {e:?}", r.id);
            checked += 1;
        }
    }
    assert!(checked > 0, "the codebook has examples");
}

#[test]
fn a_sentence_continuing_through_an_anaphor_is_read_with_its_topic_and_says_so() {
    let book = Codebook::bundled();
    let endorse = Target::Code(book.code_id("enc.endorse").unwrap());
    let analyse = |text: &str| analysis::analyze(&plain::body(text), book);
    let a = analyse("Encryption matters to everyone. It protects the personal data of citizens.");
    let second = &a.sentences[1];
    assert!(second.themes.contains(&Theme::Encryption));
    let e = second.evidence.iter().find(|e| e.target == endorse).expect("the frame is found through “it”");
    assert!(matches!(e.source, Source::Context { sentence: 0, .. }), "{e:?}");
    assert!(e.rule(book).is_some(), "a context label still names its rule");
    // A new paragraph does not continue the previous one through "it", unless a connective says it does.
    let a = analyse("Encryption matters to everyone.\n\nIt protects the personal data of citizens.");
    assert!(!a.sentences[1].themes.contains(&Theme::Encryption));
    let a = analyse("Encryption is everywhere.\n\nHowever, criminals exploit these technologies.");
    assert!(a.sentences[1].themes.contains(&Theme::Encryption));
    // A noun anaphor names what it refers back to, so it reaches across the break too.
    let a = analyse("Encryption is everywhere.\n\nCriminals exploit these technologies.");
    assert!(a.sentences[1].themes.contains(&Theme::Encryption));
    // Only "it" and general nouns are followed, not "they" or "this".
    let a = analyse("Encryption matters to everyone. They protect the personal data of citizens.");
    assert!(!a.sentences[1].themes.contains(&Theme::Encryption));
}
