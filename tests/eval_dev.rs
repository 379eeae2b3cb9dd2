//! The development sets of whole statements: `shared/eval-dev`, beside the
//! repository, whose figures the Method view publishes (recomputed here, so they
//! cannot go stale; without the folder the test says so and passes, CI has it), and
//! the project's own real statements in `tests/data/realdev`.
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::analysis::codebook::Leave;
use encryption_framing::analysis::{analyze, codebook, eval, Codebook};
use encryption_framing::corpus::plain;
use std::path::Path;

fn dev_set() -> Option<Vec<eval::dev::DevStatement>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval-dev");
    if !dir.join("gold.json").exists() {
        eprintln!("{} is absent: the development-set figures are not checked", dir.display());
        return None;
    }
    Some(eval::dev::load(&dir).expect("the development set loads"))
}

/// The project's own development set of real statements (`tests/data/realdev`).
fn real_set() -> Vec<eval::dev::DevStatement> {
    eval::dev::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/realdev"))
        .expect("tests/data/realdev loads")
}

#[test]
fn the_real_statements_set_is_whole_and_verbatim() {
    let set = real_set();
    assert!(set.len() >= 6, "the set has its statements");
    for s in &set {
        assert!(!s.gold.is_empty(), "{} has coded sentences", s.id);
        let mut at = 0;
        for a in &s.gold {
            let found = s.text[at..].find(a.sentence.as_str());
            let Some(i) = found else {
                panic!("{} line {}: not in the text, or out of order: {}", s.id, a.line, a.sentence)
            };
            assert!(s.text[at..at + i].trim().is_empty(), "{}: text before line {} is not coded", s.id, a.line);
            at += i + a.sentence.len();
        }
        assert!(s.text[at..].trim().is_empty(), "{}: text after the last coded sentence", s.id);
    }
    let whole = eval::dev::evaluate(&set, Codebook::bundled());
    assert!(whole.unaligned.is_empty(), "every gold sentence aligns: {:?}", whole.unaligned);
}

#[test]
fn published_development_figures_match_the_code() {
    let Some(set) = dev_set() else { return };
    let book = Codebook::bundled();
    let round = |x: Option<f64>| (x.unwrap_or(0.0) * 100.0).round() / 100.0;
    let whole = eval::dev::evaluate(&set, book);
    let loo = eval::dev::leave_one_out(&set, codebook::SOURCE, false).unwrap();
    let real_loo = eval::dev::leave_one_out(&real_set(), codebook::SOURCE, false).unwrap();
    let reports =
        [(&whole, &eval::PUBLISHED_DEV[0]), (&loo, &eval::PUBLISHED_DEV[1]), (&real_loo, &eval::PUBLISHED_DEV[2])];
    for (report, p) in reports {
        let (t, c) = (eval::Report::micro(&report.themes), eval::Report::micro(&report.codes));
        let got = (report.sentences, round(Some(t.f1())), round(c.precision()), round(c.recall()), round(Some(c.f1())));
        assert_eq!(
            got,
            (p.sentences, p.theme_f1, p.code_precision, p.code_recall, p.code_f1),
            "{}: update eval::PUBLISHED_DEV",
            p.file
        );
    }
    // The recall the widget shows beside an absence: both sets, leave one out, pooled.
    let per_code: Vec<(String, usize, usize)> = loo
        .codes
        .iter()
        .map(|(k, c)| {
            let r = &real_loo.codes[k];
            (k.clone(), c.tp + r.tp, c.tp + c.fn_ + r.tp + r.fn_)
        })
        .collect();
    let published: Vec<(String, usize, usize)> =
        eval::UNSEEN_RECALL.iter().map(|&(k, f, a)| (k.to_string(), f, a)).collect();
    assert_eq!(per_code, published, "update eval::UNSEEN_RECALL");
    assert!(whole.unaligned.is_empty(), "every gold sentence aligns: {:?}", whole.unaligned);
}

#[test]
fn the_leave_one_out_codebook_only_drops_what_a_statement_motivated() {
    let Some(set) = dev_set() else { return };
    let full = Codebook::bundled();
    let named = full.motivating_statements();
    for s in &set {
        assert!(named.contains(s.id.as_str()), "no rule is logged as motivated by {}", s.id);
        let rules = |b: &Codebook| b.codes.iter().map(|c| c.rules.len()).sum::<usize>();
        let without = Codebook::parse_without(codebook::SOURCE, Leave::Sole(&s.id)).unwrap();
        let strictly = Codebook::parse_without(codebook::SOURCE, Leave::Named(&s.id)).unwrap();
        assert_eq!(without.codes.len(), full.codes.len(), "codes stay, only rules go");
        assert!(rules(&strictly) <= rules(&without) && rules(&without) < rules(full));
    }
    let real = real_set();
    for id in named {
        assert!(
            set.iter().chain(&real).any(|s| s.id == id),
            "motivated-by names {id}, which is not a development statement"
        );
    }
}

/// Whether `pattern`, as a rule of its own beside the whole codebook's classes,
/// matches somewhere in the statement.
fn matches_in(pattern: &str, statement: &eval::dev::DevStatement) -> bool {
    let probe = format!(
        "{}\ncode dev.probe\ntheme: none\nlabel: Probe\ndefinition: A probe.\nframe: Other\nrule probe: {pattern}\n",
        codebook::SOURCE
    );
    let book = Codebook::parse(&probe).unwrap_or_else(|e| panic!("`{pattern}` as a rule: {e}"));
    let probe = book.codes.iter().position(|c| c.id == "dev.probe").unwrap();
    let body = plain::statement(&statement.id, &statement.id, None, &statement.text).body;
    analyze(&body, &book).sentences.iter().any(|x| x.codes.iter().any(|&c| c.index() == probe))
}

/// Leave one statement out keeps an item for a statement when another statement
/// motivated it too, so each item's log must say which statement brought which
/// words: a rule, cue or anaphor names at most one statement (wording two statements
/// brought goes in two items), and a class line naming several has every member in
/// every one of them (a member one statement alone brought gets a line of its own).
#[test]
fn each_statement_s_wording_is_logged_on_its_own_item() {
    let Some(mut set) = dev_set() else { return };
    set.extend(real_set());
    let book = Codebook::bundled();
    let named = |ids: &[String]| -> Vec<&eval::dev::DevStatement> {
        ids.iter()
            .filter(|id| id.as_str() != codebook::parse::FROM_DEFINITION)
            .map(|id| set.iter().find(|s| &s.id == id).expect("a development statement"))
            .collect()
    };
    let rules = book.themes.iter().flat_map(|t| &t.cues).chain(book.codes.iter().flat_map(|c| &c.rules));
    for rule in rules.chain(&book.context.anaphors) {
        let statements = named(&rule.motivated_by);
        assert!(
            statements.len() <= 1,
            "{} names {} statements: split it by the wording each brought",
            rule.id,
            statements.len()
        );
    }
    for line in &book.classes {
        let statements = named(&line.motivated_by);
        if statements.len() < 2 {
            continue;
        }
        for member in line.members.split('|') {
            for s in &statements {
                assert!(
                    matches_in(member.trim(), s),
                    "class {}: `{}` is not in {}, which the line names: give it a line of its own",
                    line.name,
                    member.trim(),
                    s.id
                );
            }
        }
    }
    // The check itself works: a member missing from a named statement is caught.
    let gec = set.iter().find(|s| s.id == "gec-online-safety-bill-2023").expect("a development statement");
    assert!(!matches_in("circumvent*", gec) && matches_in("undermin*", gec));
}
