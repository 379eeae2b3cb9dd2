//! How sentences are numbered for readers. Headings are not sentences: the
//! comparison's "12 of 26 sentences" counts the body's sentences without its headings
//! (`analysis::summary`), so the reader, the search results and the coding panel
//! number the same sentences the same way ("Sentence 7 of 26"). Links keep their own
//! index (`at=`), which counts every segment, headings included.

use crate::analysis::Sentence;

/// How a reader refers to the segment `index` of `sentences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// The `n`th sentence (from 1) of `of` sentences, headings not counted.
    Sentence { n: usize, of: usize },
    /// A heading, which the sentence counts leave out; `of` is the count of sentences.
    Heading { of: usize },
}

/// The reader-facing number of segment `index`, or `None` when there is no such segment.
pub fn number(sentences: &[Sentence], index: usize) -> Option<Number> {
    let segment = sentences.get(index)?;
    let of = sentences.iter().filter(|s| !s.heading).count();
    Some(if segment.heading {
        Number::Heading { of }
    } else {
        Number::Sentence { n: sentences[..index].iter().filter(|s| !s.heading).count() + 1, of }
    })
}

impl Number {
    /// "sentence 7" or "heading": the segment named in running text.
    pub fn name(self) -> String {
        match self {
            Number::Sentence { n, .. } => format!("sentence {n}"),
            Number::Heading { .. } => "heading".into(),
        }
    }

    /// "Sentence 7 of 26" or "Heading (not one of the 26 sentences)".
    pub fn label(self) -> String {
        match self {
            Number::Sentence { n, of } => format!("Sentence {n} of {of}"),
            Number::Heading { of } => format!("Heading (not one of the {of} sentences)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze_corpus, Codebook};
    use crate::corpus::bundled;

    #[test]
    fn the_reader_counts_the_sentences_the_comparison_counts() {
        let analysis = analyze_corpus(&bundled().statements, Codebook::bundled());
        for d in &analysis.documents {
            let numbers: Vec<Number> =
                (0..d.analysis.sentences.len()).map(|i| number(&d.analysis.sentences, i).unwrap()).collect();
            let last = numbers.iter().rev().find_map(|n| match n {
                Number::Sentence { n, of } => Some((*n, *of)),
                Number::Heading { .. } => None,
            });
            assert_eq!(last, Some((d.summary.sentences, d.summary.sentences)), "{}", d.statement.id);
        }
        let factsheet = analysis.documents.iter().find(|d| d.statement.id == "factsheet-2019").unwrap();
        let s = &factsheet.analysis.sentences;
        assert!(s.len() > factsheet.summary.sentences, "the factsheet has headings");
        let heading = s.iter().position(|x| x.heading).unwrap();
        assert_eq!(
            number(s, heading).unwrap().label(),
            format!("Heading (not one of the {} sentences)", factsheet.summary.sentences)
        );
        assert_eq!(number(s, 0).unwrap().label(), format!("Sentence 1 of {}", factsheet.summary.sentences));
        assert_eq!(number(s, s.len()), None);
    }
}
