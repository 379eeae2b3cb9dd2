//! Finding cards: every canonical card builds, headlines are counts, quotes are
//! verbatim, absences are said as "not detected", talking points run in date order.
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::analysis::{self, Codebook, Theme};
use encryption_framing::card::{build, canonical, Card, Finding, MAX_QUOTE};
use encryption_framing::view::View;

fn card(f: Finding) -> Card {
    build(&f, analysis::bundled(), Codebook::bundled()).expect("a card")
}

#[test]
fn every_canonical_card_builds_with_verbatim_quotes() {
    let data = analysis::bundled();
    let all = canonical(data);
    assert_eq!(all.iter().filter(|f| matches!(f, Finding::Theme { .. })).count(), 3 * 31);
    let ids: Vec<String> = data.documents.iter().map(|d| d.statement.id.clone()).collect();
    let mut slugs: Vec<String> = all.iter().map(|f| f.slug(&ids)).collect();
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), all.len(), "slugs are unique");
    for f in &all {
        let c = build(f, data, Codebook::bundled()).unwrap_or_else(|| panic!("{f:?}"));
        assert!(!c.headline.is_empty() && !c.rows.is_empty(), "{f:?}");
        for q in c.rows.iter().filter_map(|r| r.quote.as_ref()) {
            let text = &data.document(&q.statement).unwrap().statement.body.text;
            assert!(text.contains(&q.text), "verbatim: {}", q.text);
            assert!(q.text.chars().count() <= MAX_QUOTE);
        }
    }
}

#[test]
fn headlines_are_counts_of_what_the_rules_found() {
    let c = card(Finding::Theme { theme: Theme::Access, statements: vec![] });
    assert!(
        c.headline.contains(" of 5 statements use the frame “") || c.headline.starts_with("All 5"),
        "{}",
        c.headline
    );
    assert_eq!(c.rows.len(), 5);
    assert_eq!(c.explore, View::Compare { statements: vec![], theme: Some(Theme::Access) });
    let one = card(Finding::Theme { theme: Theme::Privacy, statements: vec!["rudd-2017".into()] });
    assert!(one.headline.starts_with("The Rudd letter"), "{}", one.headline);
    let p = card(Finding::Profile { id: "rudd-2017".into() });
    assert!(
        p.headline.starts_with("Of the Rudd letter’s text, ") && p.headline.contains("% addresses encryption"),
        "{}",
        p.headline
    );
    assert_eq!(p.rows.len(), 3);
    assert!(build(&Finding::Profile { id: "nope".into() }, analysis::bundled(), Codebook::bundled()).is_none());
}

#[test]
fn absences_are_said_as_not_detected() {
    for f in canonical(analysis::bundled()) {
        for r in card(f).rows {
            if let Some(n) = r.note.filter(|n| !n.starts_with("Quoted from")) {
                assert!(n.contains("not detected") || n.contains("Not detected"), "{n}");
                assert!(!n.to_lowercase().contains("never"), "{n}");
            }
        }
    }
}

#[test]
fn a_claim_is_quoted_in_the_statements_own_words() {
    let data = analysis::bundled();
    let c = card(Finding::Point { id: "c-acc.lawful".into() });
    let lords = c.rows.iter().find(|r| r.label == "Lords answer").expect("the Lords answer makes the claim");
    let q = lords.quote.as_ref().unwrap();
    let d = data.document(&q.statement).unwrap();
    let block = &d.statement.body.blocks[d.analysis.sentences[q.sentence].block];
    let quoted = matches!(block.kind, encryption_framing::corpus::BlockKind::Quote);
    assert_eq!(
        quoted,
        lords.note.as_deref() == Some("Quoted from the question it answers, not its own words."),
        "{}",
        q.text
    );
}

#[test]
fn talking_points_run_in_date_order_with_cut_marks() {
    let data = analysis::bundled();
    let tp = data.recurring.passages.first().expect("a recurring passage");
    let c = card(Finding::Point { id: tp.id.clone() });
    assert!(c.rows.len() >= 2);
    let order: Vec<usize> = c
        .rows
        .iter()
        .map(|r| data.documents.iter().position(|d| d.statement.short_title == r.label).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(c.headline.starts_with("The same words appear in the "), "{}", c.headline);
}
