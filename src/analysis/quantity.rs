//! What `#num` matches: a number that states a quantity, told apart from the numbers
//! that do not (years, days of a month, durations, note markers, references to a part
//! of a text, list and section numbers, numbers to call, lengths of a text).

use super::tokens::{is_digits, Token};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Units after which a number is a duration or the length of a text, not a count.
const NOT_COUNTS: [&str; 22] = [
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "decade",
    "decades",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "page",
    "pages",
    "chapter",
    "chapters",
    "paragraph",
    "paragraphs",
];

/// A number that states a quantity: digits, not a year, not a day of a month.
pub fn is_quantity(tokens: &[Token], i: usize) -> bool {
    if !tokens[i].is_number() {
        return false;
    }
    let w = tokens[i].lower.as_str();
    let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    let near_month =
        |j: Option<usize>| j.and_then(|j| tokens.get(j)).is_some_and(|t| MONTHS.contains(&t.lower.as_str()));
    let day = w.len() <= 2 && (near_month(Some(i + 1)) || near_month(i.checked_sub(1)));
    // "2,500" and "16.8" tokenize as two numbers; only the first states the quantity.
    // A number glued to punctuation otherwise is a note marker ("…age”.1").
    let continuation_or_note = tokens[i].glued;
    // "20 years ago", "for 12 months", "runs to 120 pages": a duration or a length, not a statistic.
    let duration = tokens.get(i + 1).is_some_and(|t| NOT_COUNTS.contains(&t.lower.as_str()));
    // "call 101", "dial 999", "0800 555 0123": a telephone number or a code, not a count
    // (no count is written with a leading zero).
    !year
        && !day
        && !continuation_or_note
        && !duration
        && !dialled(tokens, i)
        && !tokens[i].enumerator
        && !is_reference(tokens, i)
}

/// A number that is (part of) one to call: after a word such as "call", written with a
/// leading zero, or the next group of digits of such a number ("0800 555 0123").
fn dialled(tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    loop {
        let w = tokens[j].lower.as_str();
        if w.len() > 1 && w.starts_with('0') {
            return true;
        }
        let Some(prev) = j.checked_sub(1) else { return false };
        let before = tokens[prev].lower.as_str();
        if DIALLED.contains(&before) {
            return true;
        }
        if !is_digits(before) || tokens[j].clause_start {
            return false;
        }
        j = prev;
    }
}

/// Words after which a number is one to call.
const DIALLED: [&str; 9] = ["call", "calling", "dial", "ring", "phone", "telephone", "tel", "helpline", "hotline"];

/// "Article 8", "section 49", "Recommendation 12", and each number of a list after such
/// a word ("sections 15 and 16", "Sections 1 through 9", "clauses 3, 4 or 7"): a
/// reference to a part of a text, not a statistic.
fn is_reference(tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    while j > 0 && i - j < 12 {
        j -= 1;
        let w = tokens[j].lower.as_str();
        if REFERENCES.contains(&w) {
            return true;
        }
        if !(is_digits(w) || matches!(w, "and" | "or" | "through" | "to")) {
            return false;
        }
    }
    false
}

/// Words that make the number after them a reference to a part of a text.
const REFERENCES: [&str; 25] = [
    "article",
    "articles",
    "section",
    "sections",
    "clause",
    "clauses",
    "paragraph",
    "chapter",
    "schedule",
    "part",
    "regulation",
    "recommendation",
    "resolution",
    "annex",
    "appendix",
    "figure",
    "table",
    "page",
    "group",
    "phase",
    "stage",
    "step",
    "item",
    "version",
    "level",
];

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn quantities_exclude_years_and_dates() {
        for (text, expect) in [
            ("In 2018 there were 12 million reports", true),
            ("On 4 October 2019 it was published", false),
            ("more than 2,500 arrests", true),
            ("In 2018 and 2019", false),
            ("It was published in autumn 2024”.3", false),
            ("It is worse than 20 years ago", false),
            // The length of a text is not evidence.
            ("The report runs to 120 pages", false),
            ("a 30 minutes speech", false),
            ("120 cases in 30 pages", true),
            ("Nine out of every 10 cases", true),
            ("The right is protected by Article 8 of the Convention", false),
            ("under section 49 of the Act", false),
            ("each discussed in a dedicated working group 2.", false),
            ("as Figure 3 and page 12 show", false),
            ("Part 3 sets out 42 recommendations", true),
            // List and section numbers, and every number of a list of references.
            ("1. Definitions", false),
            ("2.1. The licence is granted", false),
            ("3.5 million people use it", true),
            ("You may (1) copy it and (2) share it", false),
            ("Sections 15 and 16 apply", false),
            ("Sections 1 through 9 apply", false),
            ("between 2 and 5 million users", true),
            ("a rise from 10 to 20 cases", true),
            // Numbers to call are not counts.
            ("anyone with information should call 101", false),
            ("Freephone 0800 555 0123 at any time", false),
            ("0.5 per cent of messages", true),
        ] {
            let tokens = tokenize(text);
            assert_eq!((0..tokens.len()).any(|i| is_quantity(&tokens, i)), expect, "{text}");
        }
    }
}
