//! Talking points that recur across statements.
//!
//! **Passages** recur verbatim or nearly so. Every run of [`SHINGLE`] words is
//! hashed; a hash seen in two or more statements marks those words as shared. In
//! each statement, shared words closer than [`GAP`] words apart merge into one
//! passage (so a changed word or two does not split it), and passages that share
//! any hash are joined with a union-find into one talking point. Hashing is linear
//! in the corpus; no pair of statements is ever compared directly.
//!
//! **Claims** recur in different words: sentences of different statements that
//! carry the same code. Each code's sentences are scored against the code's
//! centroid (a bag of stems), also in linear time, and each statement contributes
//! its most typical sentence.

use super::tokens::Token;
use super::{Codebook, Document};
use std::collections::HashMap;

/// Words per shingle.
pub const SHINGLE: usize = 6;
/// Largest run of unshared words that still joins two shared runs of one sentence
/// into one passage ("…enabling companies to act against… / …enabling it to
/// continue to act against…" stays one near-verbatim passage).
pub const GAP: usize = 10;
/// Fewest lowercase words of four or more letters a passage needs: a shared proper
/// name ("the US National Center for Missing and Exploited Children") is a
/// reference, not a talking point.
pub const MIN_CONTENT_WORDS: usize = 3;
/// Shortest passage, in words, reported as a talking point.
pub const MIN_WORDS: usize = 8;

/// Where a talking point occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub doc: String,
    /// Byte offsets into the statement's body text (for a claim: the sentence).
    pub start: usize,
    pub end: usize,
    /// Indices of the sentences it overlaps.
    pub sentences: Vec<usize>,
    /// For claims: cosine similarity to the code's typical wording, in percent.
    pub similarity: u8,
}

/// A recurring passage or claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalkingPoint {
    /// Stable id for deep links: `p-<hash>` for passages, `c-<code>` for claims.
    pub id: String,
    /// The passage as its earliest statement words it, or the code's label.
    pub label: String,
    /// For claims, the code.
    pub code: Option<super::CodeId>,
    /// In document (date) order.
    pub occurrences: Vec<Occurrence>,
}

impl TalkingPoint {
    /// Distinct statements it appears in.
    pub fn statements(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for o in &self.occurrences {
            if !ids.contains(&o.doc.as_str()) {
                ids.push(&o.doc);
            }
        }
        ids
    }
}

/// Everything that recurs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recurring {
    pub passages: Vec<TalkingPoint>,
    pub claims: Vec<TalkingPoint>,
}

impl Recurring {
    /// A talking point by id.
    pub fn get(&self, id: &str) -> Option<&TalkingPoint> {
        self.passages.iter().chain(&self.claims).find(|t| t.id == id)
    }
}

fn find_root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// A document's words as the two searches need them, recorded by the analysis
/// while it tokenizes each sentence (so nothing is tokenized twice): hashes and
/// offsets only, so that a large corpus does not hold every token's strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    /// Words of non-heading sentences: (byte start, byte end, lowercase hash, sentence).
    pub words: Vec<(usize, usize, u64, usize)>,
    /// Per sentence: hashes of its stems longer than three letters.
    pub stems: Vec<Vec<u64>>,
}

impl Words {
    /// Records sentence `index` (starting at byte `start` of the body) from its tokens.
    pub fn record(&mut self, index: usize, start: usize, heading: bool, tokens: &[Token]) {
        if !heading {
            self.words.extend(tokens.iter().map(|t| (start + t.start, start + t.end, hash_str(&t.lower), index)));
        }
        self.stems.push(tokens.iter().filter(|t| t.stem.len() > 3).map(|t| hash_str(&t.stem)).collect());
    }
}

pub(crate) const FNV_OFFSET: u64 = 0xcbf29ce484222325;

fn hash_str(s: &str) -> u64 {
    mix(FNV_OFFSET, s.bytes().map(u64::from))
}

pub(crate) fn mix(mut h: u64, items: impl Iterator<Item = u64>) -> u64 {
    for x in items {
        h ^= x;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Finds recurring passages and claims across `documents`.
pub fn find(documents: &[Document], book: &Codebook) -> Recurring {
    let words: Vec<&Words> = documents.iter().map(|d| &d.analysis.words).collect();
    Recurring { passages: passages(documents, &words), claims: claims(documents, book, &words) }
}

fn sentences_overlapping(doc: &Document, start: usize, end: usize) -> Vec<usize> {
    let s = &doc.analysis.sentences;
    let from = s.partition_point(|x| x.end <= start);
    (from..s.len()).take_while(|&i| s[i].start < end).collect()
}

fn passages(documents: &[Document], words: &[&Words]) -> Vec<TalkingPoint> {
    // Shingles and passages never cross a sentence, so two neighbouring shared sentences
    // stay two passages.
    let docs: Vec<&Vec<(usize, usize, u64, usize)>> = words.iter().map(|w| &w.words).collect();
    // (hash, doc, first word) for every shingle, sorted so equal hashes are adjacent: one flat
    // allocation instead of a map of small vectors, which stays fast on large corpora.
    let mut shingles: Vec<(u64, usize, usize)> = Vec::new();
    for (d, toks) in docs.iter().enumerate() {
        for p in 0..toks.len().saturating_sub(SHINGLE - 1) {
            if toks[p].3 == toks[p + SHINGLE - 1].3 {
                shingles.push((mix(0, toks[p..p + SHINGLE].iter().map(|t| t.2)), d, p));
            }
        }
    }
    crate::order::sort_shingles(&mut shingles);
    let seen: Vec<Vec<(usize, usize)>> = shingles
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|g| g.iter().any(|x| x.1 != g[0].1))
        .map(|g| g.iter().map(|&(_, d, p)| (d, p)).collect())
        .collect();

    // Shared word intervals per document, merged across small gaps within a sentence: (doc, first, last).
    let mut shared_starts: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for &(d, p) in seen.iter().flatten() {
        shared_starts[d].push(p);
    }
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for (d, toks) in docs.iter().enumerate() {
        let mut starts = std::mem::take(&mut shared_starts[d]);
        crate::order::sort(&mut starts);
        starts.dedup();
        let mut current: Option<(usize, usize)> = None;
        for p in starts {
            let last = p + SHINGLE - 1;
            current = match current {
                Some((a, b)) if p <= b + GAP + 1 && toks[a].3 == toks[p].3 => Some((a, b.max(last))),
                Some(run) => {
                    runs.push((d, run.0, run.1));
                    Some((p, last))
                }
                None => Some((p, last)),
            };
        }
        if let Some(run) = current {
            runs.push((d, run.0, run.1));
        }
    }
    let run_of = |d: usize, p: usize| {
        let i = runs.partition_point(|r| (r.0, r.1) <= (d, p)).checked_sub(1)?;
        (runs[i].0 == d && p <= runs[i].2).then_some(i)
    };
    let mut parent: Vec<usize> = (0..runs.len()).collect();
    for occ in &seen {
        let nodes: Vec<usize> = occ.iter().filter_map(|&(d, p)| run_of(d, p)).collect();
        for w in nodes.windows(2) {
            let (a, b) = (find_root(&mut parent, w[0]), find_root(&mut parent, w[1]));
            parent[a] = b;
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..runs.len() {
        let root = find_root(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<TalkingPoint> = groups
        .into_values()
        .filter_map(|mut members| {
            members.retain(|&i| {
                let (d, a, b) = runs[i];
                let text = &documents[d].statement.body.text;
                let content = docs[d][a..=b]
                    .iter()
                    .filter(|t| t.1 - t.0 >= 4 && text[t.0..t.1].starts_with(|c: char| c.is_lowercase()))
                    .count();
                b + 1 - a >= MIN_WORDS && content >= MIN_CONTENT_WORDS
            });
            crate::order::sort_by_key(&mut members, |&i| (runs[i].0, runs[i].1));
            let mut docs_in: Vec<usize> = members.iter().map(|&i| runs[i].0).collect();
            docs_in.dedup();
            if docs_in.len() < 2 {
                return None;
            }
            let occurrences: Vec<Occurrence> = members
                .iter()
                .map(|&i| {
                    let (d, a, b) = runs[i];
                    let (start, end) = (docs[d][a].0, docs[d][b].1);
                    Occurrence {
                        doc: documents[d].statement.id.clone(),
                        start,
                        end,
                        sentences: sentences_overlapping(&documents[d], start, end),
                        similarity: 100,
                    }
                })
                .collect();
            let first = &occurrences[0];
            let text = &documents[docs_in[0]].statement.body.text[first.start..first.end];
            let (d0, a0, b0) = runs[members[0]];
            let id = mix(0, docs[d0][a0..=b0].iter().map(|t| t.2));
            Some(TalkingPoint { id: format!("p-{:08x}", id as u32), label: text.to_string(), code: None, occurrences })
        })
        .collect();
    crate::order::sort_by_cached_key(&mut out, |t| {
        (std::cmp::Reverse(t.statements().len()), std::cmp::Reverse(t.label.len()), t.id.clone())
    });
    out
}

fn claims(documents: &[Document], book: &Codebook, words: &[&Words]) -> Vec<TalkingPoint> {
    let mut out = Vec::new();
    for (id, code) in book.code_ids() {
        // (doc, sentence index, stems)
        let members: Vec<(usize, usize, &[u64])> = documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| {
                doc.analysis
                    .sentences
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.has_code(id))
                    .map(move |(i, _)| (d, i, words[d].stems[i].as_slice()))
            })
            .collect();
        let mut docs_in: Vec<usize> = members.iter().map(|m| m.0).collect();
        docs_in.dedup();
        if docs_in.len() < 2 {
            continue;
        }
        let mut centroid: HashMap<u64, f64> = HashMap::new();
        for (_, _, stems) in &members {
            for &s in *stems {
                *centroid.entry(s).or_default() += 1.0;
            }
        }
        let norm_c = centroid.values().map(|v| v * v).sum::<f64>().sqrt();
        let cosine = |stems: &[u64]| {
            let mut tf: HashMap<u64, f64> = HashMap::new();
            for &s in stems {
                *tf.entry(s).or_default() += 1.0;
            }
            let dot: f64 = tf.iter().map(|(k, v)| v * centroid.get(k).copied().unwrap_or(0.0)).sum();
            let norm = tf.values().map(|v| v * v).sum::<f64>().sqrt();
            if norm == 0.0 || norm_c == 0.0 {
                0.0
            } else {
                dot / (norm * norm_c)
            }
        };
        // Members come in document order: one pass over per-document chunks keeps this linear.
        let occurrences = members
            .chunk_by(|a, b| a.0 == b.0)
            .filter_map(|group| {
                let d = group[0].0;
                let best =
                    group.iter().map(|m| (cosine(m.2), m.1)).max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))?;
                let s = &documents[d].analysis.sentences[best.1];
                Some(Occurrence {
                    doc: documents[d].statement.id.clone(),
                    start: s.start,
                    end: s.end,
                    sentences: vec![best.1],
                    similarity: (best.0 * 100.0).round().clamp(0.0, 100.0) as u8,
                })
            })
            .collect();
        out.push(TalkingPoint { id: format!("c-{}", code.id), label: code.label.clone(), code: Some(id), occurrences });
    }
    out
}
