//! The development set of whole statements (`shared/eval-dev`, beside the
//! repository): the figures the Method view publishes are recomputed here, so
//! they cannot go stale. Without the folder the test says so and passes (CI has it).
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

#[test]
fn published_development_figures_match_the_code() {
    let Some(set) = dev_set() else { return };
    let book = Codebook::bundled();
    let round = |x: Option<f64>| (x.unwrap_or(0.0) * 100.0).round() / 100.0;
    let whole = eval::dev::evaluate(&set, book);
    let loo = eval::dev::leave_one_out(&set, codebook::SOURCE, false).unwrap();
    let strict = eval::dev::leave_one_out(&set, codebook::SOURCE, true).unwrap();
    let reports =
        [(&whole, &eval::PUBLISHED_DEV[0]), (&loo, &eval::PUBLISHED_DEV[1]), (&strict, &eval::PUBLISHED_DEV[2])];
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
    let per_code: Vec<(String, usize, usize)> =
        loo.codes.iter().map(|(k, c)| (k.clone(), c.tp, c.tp + c.fn_)).collect();
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
    for id in named {
        assert!(set.iter().any(|s| s.id == id), "motivated-by names {id}, which is not a development statement");
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

/// The leave-one-out figure keeps an item for a statement when other statements
/// motivated it too; that is honest only if each statement it names shows the
/// item's wording on its own. So an item naming several statements must match in
/// every one, and a class line naming several must have every member in every one
/// (a member one statement alone brought belongs on a line of its own).
#[test]
fn an_item_motivated_by_several_statements_matches_in_each() {
    let Some(set) = dev_set() else { return };
    let book = Codebook::bundled();
    let named = |ids: &[String]| -> Vec<&eval::dev::DevStatement> {
        ids.iter()
            .filter(|id| id.as_str() != codebook::parse::FROM_DEFINITION)
            .map(|id| set.iter().find(|s| &s.id == id).expect("a development statement"))
            .collect()
    };
    let rules = book.themes.iter().flat_map(|t| &t.cues).chain(book.codes.iter().flat_map(|c| &c.rules));
    let mut checked = 0;
    for rule in rules.chain(&book.context.anaphors) {
        let statements = named(&rule.motivated_by);
        if statements.len() < 2 {
            continue;
        }
        for s in statements {
            assert!(matches_in(&rule.pattern, s), "{} names {} but matches nothing there", rule.id, s.id);
            checked += 1;
        }
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
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "the codebook has items motivated by several statements");
}
