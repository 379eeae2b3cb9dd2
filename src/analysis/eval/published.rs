//! The figures the widget's Method view publishes. Native tests recompute them
//! (`tests/analysis.rs`: the corpus sets; `tests/eval_dev.rs`: the development
//! set), so they cannot drift from the code: change the codebook, run
//! `make eval`, copy the new figures here.

use crate::analysis::{CodeId, Codebook};

/// Evaluation figures published in the widget's Method view. A native test
/// recomputes them from `tests/data/*.tsv`, so they cannot drift from the code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Published {
    pub file: &'static str,
    pub what: &'static str,
    pub sentences: usize,
    pub theme_f1: f64,
    pub code_precision: f64,
    pub code_recall: f64,
    pub code_f1: f64,
}

/// The current figures on the project's own annotations (micro-averaged, two decimals).
pub const PUBLISHED: [Published; 3] = [
    Published {
        file: "annotations.tsv",
        what: "every sentence of the five statements, hand-coded (the rules were developed on these)",
        sentences: 116,
        theme_f1: 0.97,
        code_precision: 1.00,
        code_recall: 0.96,
        code_f1: 0.98,
    },
    Published {
        file: "unseen.tsv",
        what: "sentences written for testing, outside the corpus (also used while developing the rules)",
        sentences: 12,
        theme_f1: 0.96,
        code_precision: 1.00,
        code_recall: 1.00,
        code_f1: 1.00,
    },
    Published {
        file: "heldout.tsv",
        what: "held-out sentences written by a second coder and never used to tune the rules",
        sentences: 40,
        theme_f1: 0.94,
        code_precision: 0.98,
        code_recall: 0.70,
        code_f1: 0.82,
    },
];

/// The figures on the development set of ten statements by other voices
/// (`shared/eval-dev`): with the whole codebook, and each statement scored without
/// the rules its `motivated-by:` log credits to it (leave one statement out), the estimate for
/// a statement nobody tuned the rules on; then the same estimate on the project's own
/// set of real statements (`tests/data/realdev`).
pub const PUBLISHED_DEV: [Published; 3] = [
    Published {
        file: "eval-dev",
        what: "sentences of ten statements by governments, police, companies, academics, NGOs and a regulator (the newer rules were developed on these)",
        sentences: 138,
        theme_f1: 0.98,
        code_precision: 0.95,
        code_recall: 0.93,
        code_f1: 0.94,
    },
    Published {
        file: "eval-dev, leave one statement out",
        what: "the same sentences, each statement coded without the rules written because of it",
        sentences: 138,
        theme_f1: 0.82,
        code_precision: 0.91,
        code_recall: 0.48,
        code_f1: 0.63,
    },
    Published {
        file: "realdev, leave one statement out",
        what: "sentences of eight more real statements (a children’s charity, a regulator, an MP, police, a messaging company, an NGO, the UN human rights office, researchers), coded blind to the rules, each coded without the rules written because of it",
        sentences: 101,
        theme_f1: 0.86,
        code_precision: 0.86,
        code_recall: 0.54,
        code_f1: 0.67,
    },
];

/// Per code: (id, sentences found, sentences annotated) on both development sets
/// (eval-dev and realdev), leave one statement out — the recall to expect on a
/// statement the rules were not tuned on.
pub const UNSEEN_RECALL: [(&str, usize, usize); 16] = [
    ("acc.capability_gap", 6, 16),
    ("acc.industry_duty", 5, 18),
    ("acc.lawful", 4, 9),
    ("acc.not_backdoor", 1, 3),
    ("acc.readable", 0, 0),
    ("acc.safeguards", 3, 10),
    ("dev.authority", 1, 8),
    ("dev.evidence", 5, 5),
    ("dev.threat", 27, 32),
    ("enc.abuse", 3, 12),
    ("enc.design", 4, 10),
    ("enc.endorse", 12, 23),
    ("enc.no_weaken", 0, 2),
    ("priv.no_tradeoff", 1, 4),
    ("priv.qualified", 1, 2),
    ("priv.right", 29, 48),
];

/// The recall of a code of the bundled codebook on text its rules were not tuned
/// on (0–1), or `None` where the development set has no sentence with the code.
/// The widget shows it wherever it says a frame was not detected.
pub fn published_recall(code: CodeId) -> Option<f64> {
    let id = &Codebook::bundled()[code].id;
    let &(_, found, annotated) = UNSEEN_RECALL.iter().find(|(c, _, _)| c == id)?;
    (annotated > 0).then(|| found as f64 / annotated as f64)
}

/// What "not detected" means for a code, in the measured recall on text its rules
/// were not tuned on: the sentence the widget shows beside an absence.
pub fn absence_note(code: CodeId) -> String {
    let id = &Codebook::bundled()[code].id;
    let caveat =
        "“Not detected” means the rules found no sentence with this frame here, not that the statement never uses it.";
    match UNSEEN_RECALL.iter().find(|(c, _, _)| c == id) {
        Some(&(_, found, annotated)) if annotated > 0 => format!(
            "On statements the rules were not tuned on, they found {found} of the {annotated} sentences a person coded with this frame ({}%). {caveat}",
            (found * 100 + annotated / 2) / annotated
        ),
        _ => format!("How often the rules miss this frame in new text is not measured yet: the development statements do not use it. {caveat}"),
    }
}

#[cfg(test)]
mod absence_tests {
    use super::*;

    #[test]
    fn absence_notes_state_the_measured_recall() {
        let book = Codebook::bundled();
        let gap = book.code_id("acc.capability_gap").unwrap();
        let (_, found, annotated) = *UNSEEN_RECALL.iter().find(|(c, _, _)| *c == "acc.capability_gap").unwrap();
        let note = absence_note(gap);
        assert!(note.contains(&format!("found {found} of the {annotated} sentences")), "{note}");
        assert!(note.contains("not that the statement never uses it"));
        let unmeasured = absence_note(book.code_id("acc.readable").unwrap());
        assert!(unmeasured.contains("not measured yet"), "{unmeasured}");
    }
}
