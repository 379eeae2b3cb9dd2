//! What each rule does on annotated text: how often it fires, how often the label
//! it gives is not in the annotation, and which rules never fire at all.

use super::{Annotation, Report};
use crate::analysis::{Codebook, Sentence, Target};
use std::collections::BTreeMap;

/// One rule's record on annotated sentences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuleCounts {
    /// Sentences where it fired.
    pub hits: usize,
    /// Of those, sentences whose annotation lacks the label it gives.
    pub false_positives: usize,
}

/// Records the rules behind `sentence`'s labels against its annotation.
pub fn tally(rules: &mut BTreeMap<String, RuleCounts>, sentence: &Sentence, gold: &Annotation, book: &Codebook) {
    for e in &sentence.evidence {
        let Some(rule) = e.rule(book) else { continue };
        let label = book.target_id(e.target);
        let annotated = match e.target {
            Target::Theme(_) => gold.themes.iter().any(|t| t == label),
            Target::Code(_) => gold.codes.iter().any(|c| c == label),
        };
        let c = rules.entry(rule.id.clone()).or_default();
        c.hits += 1;
        c.false_positives += usize::from(!annotated);
    }
}

/// Every cue and rule id of `book`, in codebook order.
fn all_rules(book: &Codebook) -> impl Iterator<Item = &str> {
    let cues = book.themes.iter().flat_map(|t| &t.cues);
    cues.chain(book.codes.iter().flat_map(|c| &c.rules)).map(|r| r.id.as_str())
}

/// The per-rule table: rules with false positives first, then the rules that never fired.
pub fn render(reports: &[&Report], book: &Codebook) -> String {
    let mut all: BTreeMap<String, RuleCounts> = BTreeMap::new();
    for r in reports {
        for (k, c) in &r.rules {
            let e = all.entry(k.clone()).or_default();
            e.hits += c.hits;
            e.false_positives += c.false_positives;
        }
    }
    let mut out = String::from("Rules on the annotated sentences: hits, false positives (label not annotated)\n\n");
    let mut fired: Vec<(&String, &RuleCounts)> = all.iter().collect();
    fired.sort_by_key(|(id, c)| (std::cmp::Reverse(c.false_positives), std::cmp::Reverse(c.hits), *id));
    for (id, c) in fired {
        out.push_str(&format!("  {id:<44} {:>4} hits {:>3} false positives\n", c.hits, c.false_positives));
    }
    let silent: Vec<&str> = all_rules(book).filter(|id| !all.contains_key(*id)).collect();
    let total = all_rules(book).count();
    out.push_str(&format!("\n{} of {total} rules never fire on these sentences:\n", silent.len()));
    for id in silent {
        out.push_str(&format!("  {id}\n"));
    }
    out
}
