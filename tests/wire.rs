//! The analysis of a reader's statement computed off the main thread: the worker's
//! message (`analysis::wire`) rebuilds exactly the analysis the widget would compute
//! itself, and a damaged or mismatched message is refused, never shown, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::analysis::wire::{analyse_supplied, Analysed, WireError};
use encryption_framing::analysis::{self, Codebook, CorpusAnalysis, Source};
use encryption_framing::state::{Env, State};
use encryption_framing::supplied::Supplied;

/// Whether everything the views slice or index is in range: what must hold for any
/// analysis the widget accepts, whatever a message said.
fn renderable(a: &CorpusAnalysis) -> bool {
    a.documents.iter().all(|d| {
        let text = &d.statement.body.text;
        let n = d.analysis.sentences.len();
        d.analysis.sentences.iter().all(|s| {
            text.get(s.start..s.end).is_some()
                && s.block < d.statement.body.blocks.len()
                && s.evidence.iter().all(|e| {
                    text.get(e.start..e.end).is_some()
                        && match e.source {
                            Source::LeadIn { sentence } | Source::Context { sentence, .. } => sentence < n,
                            Source::Rule(_) => true,
                        }
                })
        })
    }) && a.recurring.passages.iter().chain(&a.recurring.claims).flat_map(|t| &t.occurrences).all(|o| {
        a.document(&o.doc).is_some_and(|d| {
            d.statement.body.text.get(o.start..o.end).is_some()
                && o.sentences.iter().all(|&s| s < d.analysis.sentences.len())
        })
    })
}

fn statement(text: &str) -> Supplied {
    Supplied { title: "A minister's speech".into(), date: None, text: text.into() }
}

/// A statement that exercises every label source: rules, list lead-ins, context.
fn speech() -> Supplied {
    statement(
        "Encryption is a vital part of online life. It protects the personal data of citizens.\n\n\
         However, terrorists are increasingly exploiting these technologies to hide from the police. \
         The police are unable to read the messages of suspects.\n\n\
         We call on technology companies to:\n\n\
         - work with law enforcement\n\
         - design their services for safety\n\n\
         Privacy is a basic human right, and we do not want a backdoor. \
         This is not about weakening encryption: it is about lawful access with a warrant signed by a judge.",
    )
}

#[test]
fn the_message_rebuilds_the_analysis_the_widget_computes_itself() {
    let book = Codebook::bundled();
    for supplied in [speech(), statement(&analysis::bundled().documents[0].statement.body.text), statement("")] {
        let bytes = analyse_supplied(&supplied, &|| 0.0);
        let analysed = Analysed::decode(&bytes).expect("the worker's message reads back");
        assert_eq!(analysed.encode(), bytes, "decode and encode are inverse");
        assert_eq!(analysed.encoded, supplied.encode(), "the link form travels with it");
        let here = analysis::bundled().with_statement(supplied.statement(), book);
        let there = analysis::bundled().with_analysed(supplied.statement(), analysed, book).expect("a valid message");
        assert_eq!(there.documents.len(), here.documents.len());
        for (a, b) in there.documents.iter().zip(&here.documents) {
            assert_eq!(a.statement.id, b.statement.id);
            assert_eq!(a.statement.body.text, b.statement.body.text);
            assert_eq!(a.analysis, b.analysis);
            assert_eq!(a.summary, b.summary);
        }
        assert_eq!(there.comparison, here.comparison);
        assert_eq!(there.recurring, here.recurring);
    }
    // The speech's labels really are all there: rules, a lead-in and a context label.
    let bytes = analyse_supplied(&speech(), &|| 0.0);
    let a = Analysed::decode(&bytes).unwrap().analysis;
    let sources: Vec<_> =
        a.sentences.iter().flat_map(|s| s.evidence.iter().map(|e| std::mem::discriminant(&e.source))).collect();
    assert!(sources.len() > 10, "{sources:?}");
    assert!(sources.windows(2).any(|w| w[0] != w[1]), "more than one kind of evidence");
}

#[test]
fn a_damaged_or_foreign_message_is_refused_never_shown() {
    let book = Codebook::bundled();
    let supplied = speech();
    let bytes = analyse_supplied(&supplied, &|| 1.5);
    assert_eq!(Analysed::decode(&[]), Err(WireError::Version(None)));
    assert_eq!(Analysed::decode(&[9, 0]), Err(WireError::Version(Some(9))));
    // Every truncation is an error.
    for n in 1..bytes.len() {
        assert!(Analysed::decode(&bytes[..n]).is_err(), "cut at {n}");
    }
    // A message from another build of the widget (its fingerprint differs).
    let mut other_build = bytes.clone();
    other_build[1] ^= 0x01;
    assert_eq!(Analysed::decode(&other_build), Err(WireError::Build));
    // Every single-byte change fails to read, is refused, or leaves an analysis whose
    // every slice and index is in range (a label may differ, nothing can break).
    let (mut refused, mut accepted) = (0, 0);
    for i in 1..bytes.len() {
        for flip in [0x01u8, 0xff] {
            let mut damaged = bytes.clone();
            damaged[i] ^= flip;
            let Ok(a) = Analysed::decode(&damaged) else {
                refused += 1;
                continue;
            };
            match State::new().hold_analysed(supplied.clone(), a, &Env::none()) {
                None => refused += 1,
                Some(state) => {
                    accepted += 1;
                    assert!(renderable(&state.data), "byte {i} ^ {flip:#x} was accepted with offsets out of range");
                }
            }
        }
    }
    assert!(refused > accepted, "refused {refused}, accepted {accepted}");
    // The link form must be this statement's: it is what links carry and "Keep" stores.
    let mut wrong_link = Analysed::decode(&bytes).unwrap();
    wrong_link.encoded = statement("Another text.").encode();
    assert!(State::new().hold_analysed(supplied.clone(), wrong_link, &Env::none()).is_none());
    // The analysis of another text does not fit this one.
    let other = Analysed::decode(&bytes).unwrap();
    let short = statement("Encryption matters.");
    assert!(analysis::bundled().with_analysed(short.statement(), other, book).is_none());
    // A huge count in a tiny message is refused before anything is allocated.
    let header = 2 + bytes[1..].iter().position(|&b| b < 0x80).unwrap();
    let mut huge = bytes[..header].to_vec();
    huge.extend([0xff, 0xff, 0xff, 0xff, 0x0f]);
    assert_eq!(Analysed::decode(&huge), Err(WireError::Truncated));
}

/// The analysis the hosted build carries (`corpus/analysis.bin`, feature `precomputed`).
fn precomputed() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/analysis.bin")).expect("corpus/analysis.bin")
}

#[test]
fn the_build_s_fingerprint_is_that_of_the_texts_it_carries() {
    assert_eq!(analysis::wire::fingerprint(), analysis::wire::sources_fingerprint());
}

#[test]
fn the_precomputed_analysis_is_todays() {
    let today = analysis::wire::encode_corpus(analysis::computed());
    assert!(
        precomputed() == today,
        "corpus/analysis.bin is not the analysis of today's corpus and codebook: run `make precompute` and commit it"
    );
}

#[test]
fn the_precomputed_analysis_reads_back_as_the_computed_one_without_word_hashes() {
    // Read with the codebook's outline, as the hosted build's start-up reads it.
    let outline = Codebook::parse_outline(analysis::codebook::OUTLINE_SOURCE).unwrap();
    let statements = &encryption_framing::corpus::bundled().statements;
    let read = analysis::wire::decode_corpus(&precomputed(), statements, &outline).expect("it reads back");
    let computed = analysis::computed();
    assert_eq!(read.documents.len(), computed.documents.len());
    for (r, c) in read.documents.iter().zip(&computed.documents) {
        assert_eq!(r.statement.id, c.statement.id);
        assert_eq!(r.analysis.sentences, c.analysis.sentences);
        assert!(r.analysis.words.words.is_empty() && !c.analysis.words.words.is_empty());
        assert_eq!(r.summary, c.summary);
    }
    assert_eq!(read.comparison, computed.comparison);
    assert_eq!(read.recurring, computed.recurring);
    assert!(!read.recurring.claims.is_empty() && renderable(&read));
}

#[test]
fn a_damaged_precomputed_analysis_is_refused_never_a_panic() {
    let (book, statements) = (Codebook::bundled(), &encryption_framing::corpus::bundled().statements);
    let bytes = precomputed();
    assert_eq!(analysis::wire::decode_corpus(&[], statements, book).err(), Some(WireError::Version(None)));
    assert_eq!(
        analysis::wire::decode_corpus(&bytes[..bytes.len() - 1], statements, book).err(),
        Some(WireError::Truncated)
    );
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(analysis::wire::decode_corpus(&longer, statements, book).err(), Some(WireError::Invalid));
    // Flipped bytes throughout: refused, or (where the byte was a label the rules allow) renderable.
    for i in (0..bytes.len()).step_by(17) {
        let mut b = bytes.clone();
        b[i] ^= 0x5a;
        if let Ok(a) = analysis::wire::decode_corpus(&b, statements, book) {
            assert!(renderable(&a), "byte {i}");
        }
    }
    // A statement from another corpus is refused.
    assert_eq!(analysis::wire::decode_corpus(&bytes, &statements[1..], book).err(), Some(WireError::Build));
}

/// The corpus and codebook outline the hosted build carries (`corpus/bundle.bin`).
fn bundle_bytes() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/bundle.bin")).expect("corpus/bundle.bin")
}

/// The outline a bundle carries: the ids of the rules that label no sentence of the
/// corpus left out.
fn outline() -> Codebook {
    let full = Codebook::parse_outline(analysis::codebook::OUTLINE_SOURCE).unwrap();
    encryption_framing::bundle::outline_for(&full, analysis::computed())
}

#[test]
fn the_bundle_is_today_s_corpus_and_outline() {
    let today = encryption_framing::bundle::encode(encryption_framing::corpus::bundled(), &outline());
    assert!(
        bundle_bytes() == today,
        "corpus/bundle.bin is not today's corpus and codebook outline: run `make precompute` and commit it"
    );
}

#[test]
fn the_bundle_reads_back_as_the_parsed_corpus_and_outline() {
    let (corpus, book) = encryption_framing::bundle::decode(&bundle_bytes()).expect("it reads back");
    assert_eq!(&corpus, encryption_framing::corpus::bundled(), "every field of every statement, body and notes");
    assert_eq!(book, outline());
    assert!(!book.matchable && book.codes.iter().all(|c| !c.rules.is_empty()));
}

#[test]
fn the_bundle_names_only_the_rules_that_label_the_corpus() {
    let (_, book) = encryption_framing::bundle::decode(&bundle_bytes()).expect("it reads back");
    let written = Codebook::matching();
    let cited: std::collections::BTreeSet<String> = analysis::computed()
        .documents
        .iter()
        .flat_map(|d| &d.analysis.sentences)
        .flat_map(|s| &s.evidence)
        .filter(|e| e.rule(written).is_some())
        .map(|e| e.rule_id(written))
        .collect();
    let named: std::collections::BTreeSet<String> = book
        .themes
        .iter()
        .flat_map(|t| &t.cues)
        .chain(book.codes.iter().flat_map(|c| &c.rules))
        .filter(|r| !r.id.is_empty())
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(named, cited, "the outline names exactly the rules the corpus analysis cites");
    // One that labels nothing in the corpus: its name is left to the written codebook.
    let endorse = book.code_id("enc.endorse").unwrap();
    let at = written[endorse].rules.iter().position(|r| r.id == "enc.endorse/defence-against").unwrap();
    assert_eq!(book[endorse].rules[at].id, "");
    assert_eq!(book[endorse].rules.len(), written[endorse].rules.len(), "every rule keeps its place");
}

#[test]
fn a_damaged_bundle_is_refused_never_a_panic() {
    use encryption_framing::bundle::decode;
    let bytes = bundle_bytes();
    assert_eq!(decode(&[]).err(), Some(WireError::Version(None)));
    assert_eq!(decode(&bytes[..bytes.len() - 1]).err(), Some(WireError::Truncated));
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decode(&longer).err(), Some(WireError::Invalid));
    let mut other = bytes.clone();
    other[1] ^= 1;
    assert_eq!(decode(&other).err(), Some(WireError::Build), "another build's bundle");
    // Flipped bytes throughout: refused, or read into statements whose offsets fit their texts.
    for i in (0..bytes.len()).step_by(13) {
        let mut b = bytes.clone();
        b[i] ^= 0x5a;
        if let Ok((corpus, _)) = decode(&b) {
            for s in &corpus.statements {
                assert!(s.body.blocks.iter().all(|k| s.body.text.get(k.start..k.end).is_some()), "byte {i}");
            }
        }
    }
}
