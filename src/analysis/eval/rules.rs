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

/// Whether the rules written because of one development statement read anything else:
/// for every cue and rule whose `motivated-by:` (in `logged`, the codebook as written)
/// names a single statement, its correct hits (label annotated) on that statement and
/// on all other annotated text (`own`: each development statement's tally; `others`:
/// the other annotation sets). A rule that finds nothing elsewhere has only memorised
/// its statement's wording, which leave one statement out counts against it.
pub fn transfer(logged: &Codebook, own: &BTreeMap<String, BTreeMap<String, RuleCounts>>, others: &[&Report]) -> String {
    let correct = |c: Option<&RuleCounts>| c.map_or(0, |c| c.hits - c.false_positives);
    let mut rows = Vec::new();
    for rule in logged.themes.iter().flat_map(|t| &t.cues).chain(logged.codes.iter().flat_map(|c| &c.rules)) {
        let [statement] = rule.motivated_by.as_slice() else { continue };
        let Some(tallies) = own.get(statement) else { continue };
        let there = correct(tallies.get(&rule.id));
        let elsewhere: usize = own
            .iter()
            .filter(|(id, _)| *id != statement)
            .map(|(_, t)| correct(t.get(&rule.id)))
            .chain(others.iter().map(|r| correct(r.rules.get(&rule.id))))
            .sum();
        rows.push((rule.id.as_str(), statement.as_str(), there, elsewhere));
    }
    let reach = rows.iter().filter(|r| r.3 > 0).count();
    let mut out = format!(
        "\nRules written because of one development statement: {reach} of {} also find a label correctly elsewhere\n(other statements, the corpus, the sentence sets); the others only read the wording that led to them:\n",
        rows.len()
    );
    for (id, statement, there, _) in rows.iter().filter(|r| r.3 == 0) {
        out.push_str(&format!("  {id:<44} {there:>3} correct in {statement}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfer_separates_rules_that_read_only_their_statement() {
        let head = "negation: not\nclause-break: but\nnegation-window: 3\nnegation-after: 1\nnegator-after: not\ntheme encryption\nlabel: E\ncue x: encrypt*\ntheme access\nlabel: A\ncue x: access\ntheme privacy\nlabel: P\ncue x: privacy\n";
        let src = format!("{head}code dev.t\ntheme: none\nlabel: L\ndefinition: D\nframe: Other\nrule a: zebra\nmotivated-by: doc-a\nrule b: lion\nmotivated-by: doc-a\nrule c: tiger\nmotivated-by: definition\n");
        let book = Codebook::parse(&src).unwrap();
        let hit = |hits, false_positives| RuleCounts { hits, false_positives };
        let mut own = BTreeMap::new();
        own.insert(
            "doc-a".to_string(),
            BTreeMap::from([("dev.t/a".to_string(), hit(2, 0)), ("dev.t/b".to_string(), hit(1, 0))]),
        );
        // On another statement rule a fires wrongly once and rightly once; rule b only wrongly.
        own.insert(
            "doc-b".to_string(),
            BTreeMap::from([("dev.t/a".to_string(), hit(2, 1)), ("dev.t/b".to_string(), hit(1, 1))]),
        );
        let out = transfer(&book, &own, &[]);
        assert!(out.contains("1 of 2 also find"), "{out}");
        assert!(out.contains("dev.t/b") && !out.contains("dev.t/a "), "{out}");
    }
}
