//! The development set of whole statements (`shared/eval-dev`, beside the
//! repository): the figures the Method view publishes are recomputed here, so
//! they cannot go stale. Without the folder the test says so and passes (CI has it).
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::analysis::{codebook, eval, Codebook};
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
    let loo = eval::dev::leave_one_out(&set, codebook::SOURCE).unwrap();
    for (report, p) in [(&whole, &eval::PUBLISHED_DEV[0]), (&loo, &eval::PUBLISHED_DEV[1])] {
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
        let without = Codebook::parse_without(codebook::SOURCE, Some(&s.id)).unwrap();
        assert_eq!(without.codes.len(), full.codes.len(), "codes stay, only rules go");
        let rules = |b: &Codebook| b.codes.iter().map(|c| c.rules.len()).sum::<usize>();
        assert!(rules(&without) < rules(full));
    }
    for id in named {
        assert!(set.iter().any(|s| s.id == id), "motivated-by names {id}, which is not a development statement");
    }
}
