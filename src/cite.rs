//! Citations for quotes: the quote, who said it, where, when, and a deep link.

use crate::corpus::Statement;

/// A plain-text citation of `quote` from `statement`, with a link back to the passage.
pub fn citation(statement: &Statement, quote: &str, link: &str) -> String {
    let mut out = format!(
        "“{}” — {}, {}. “{}”, {}.",
        quote.trim(),
        statement.author,
        statement.author_role,
        statement.title,
        statement.date.long_label()
    );
    out.push_str(&format!(" {}.", statement.publisher));
    if let Some(url) = &statement.source_url {
        out.push_str(&format!(" {url}"));
    }
    out.push_str(&format!(" Passage: {link}"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_has_quote_author_title_date_source_and_link() {
        let s = crate::corpus::bundled().get("international-2020").unwrap();
        let c = citation(
            s,
            "Encryption is an existential anchor of trust in the digital world",
            "https://x/#/read/international-2020?at=2",
        );
        assert!(c.starts_with("“Encryption is an existential anchor"));
        for part in ["International Statement", "11 October 2020", "justice.gov", "#/read/international-2020?at=2"] {
            assert!(c.contains(part), "{part} in {c}");
        }
    }
}
