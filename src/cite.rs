//! Citations for quotes: the quote, who said it, where, when, the original's address
//! and a deep link; links that land on a quote in the original page (text fragments);
//! and whether a shown passage is cut out of a longer sentence.

use crate::corpus::Statement;

/// A plain-text citation of `quote` from `statement`, with the original's address (when
/// one was verified) and a link back to the passage in this widget.
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
        out.push_str(&format!(" Original: {url}"));
    }
    if let Some(url) = &statement.archive_url {
        out.push_str(&format!(" Archived copy: {url}"));
    }
    out.push_str(&format!(" Passage: {link}"));
    out
}

/// A link to `quote` in the statement's original publication: its address with a text
/// fragment (`#:~:text=`) that browsers supporting it scroll to and highlight. `None`
/// when the statement has no verified address. A PDF original gets its plain address
/// (viewers do not agree on fragments).
pub fn source_link(statement: &Statement, quote: &str) -> Option<String> {
    let url = statement.source_url.as_deref()?;
    let base = url.split('#').next().unwrap_or(url);
    if base.split('?').next().unwrap_or(base).to_ascii_lowercase().ends_with(".pdf") {
        return Some(base.to_string());
    }
    match text_fragment(quote) {
        Some(fragment) => Some(format!("{base}#:~:{fragment}")),
        None => Some(base.to_string()),
    }
}

/// Words at each end of a long quote that name it in a text fragment: enough to be
/// unambiguous on a page, few enough to survive a small difference inside the quote.
const FRAGMENT_WORDS: usize = 5;

/// The `text=` directive of a text fragment for `quote` (WICG Scroll To Text Fragment):
/// the whole quote when it is short, otherwise `start,end` (its first and last
/// [`FRAGMENT_WORDS`] words). Punctuation and quote marks at either end are left out
/// (the page may typeset them differently); each term is percent-encoded, including
/// the `-`, `&` and `,` that the syntax reserves. `None` for a quote without words.
pub fn text_fragment(quote: &str) -> Option<String> {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let term = |ws: &[&str]| {
        let joined = ws.join(" ");
        let trimmed = joined.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        (!trimmed.is_empty()).then_some(trimmed)
    };
    if words.len() <= 2 * FRAGMENT_WORDS {
        return Some(format!("text={}", encode(&term(&words)?)));
    }
    let start = term(&words[..FRAGMENT_WORDS])?;
    let end = term(&words[words.len() - FRAGMENT_WORDS..])?;
    Some(format!("text={},{}", encode(&start), encode(&end)))
}

/// Percent-encodes everything but ASCII letters, digits and `._~` (UTF-8 bytes).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where a passage `start..end` sits in its sentence `sentence_start..sentence_end`
/// (byte offsets into `text`): whether words of the sentence come before it and after
/// it. A passage shown on its own should then be marked as cut (`…`), so that it is not
/// taken for a whole quote. Spaces, punctuation and quote marks at either end do not
/// count as words.
pub fn cut(text: &str, (sentence_start, sentence_end): (usize, usize), (start, end): (usize, usize)) -> (bool, bool) {
    let has_words = |a: usize, b: usize| a < b && text.get(a..b).is_some_and(|s| s.chars().any(char::is_alphanumeric));
    (has_words(sentence_start, start.max(sentence_start)), has_words(end.min(sentence_end), sentence_end))
}

/// `passage` with an ellipsis at each end where it is cut out of a longer sentence.
pub fn with_cuts(passage: &str, (before, after): (bool, bool)) -> String {
    format!("{}{}{}", if before { "…" } else { "" }, passage.trim(), if after { "…" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    #[test]
    fn citation_has_quote_author_title_date_source_and_link() {
        let s = bundled().get("international-2020").unwrap();
        let c = citation(
            s,
            "Encryption is an existential anchor of trust in the digital world",
            "https://x/#/read/international-2020?at=2",
        );
        assert!(c.starts_with("“Encryption is an existential anchor"));
        for part in [
            "International Statement",
            "11 October 2020",
            "Original: https://www.justice.gov/",
            "#/read/international-2020?at=2",
        ] {
            assert!(c.contains(part), "{part} in {c}");
        }
    }

    #[test]
    fn a_citation_without_a_verified_original_has_no_address_but_keeps_the_deep_link() {
        let s = bundled().get("rudd-2017").unwrap();
        let c = citation(s, "Quote", "https://x/#/read/rudd-2017?at=1");
        assert!(!c.contains("Original:"), "{c}");
        assert!(c.ends_with("Passage: https://x/#/read/rudd-2017?at=1"), "{c}");
    }

    #[test]
    fn short_quotes_are_one_term_long_ones_start_and_end() {
        assert_eq!(text_fragment("We support strong encryption.").unwrap(), "text=We%20support%20strong%20encryption");
        let long = "The UK Government supports strong encryption, which is a vital part of our digital economy, but we have been clear";
        assert_eq!(
            text_fragment(long).unwrap(),
            "text=The%20UK%20Government%20supports%20strong,but%20we%20have%20been%20clear"
        );
    }

    #[test]
    fn commas_dashes_ampersands_and_curly_quotes_are_encoded() {
        // A comma inside a term would end it; `-` and `&` are reserved by the syntax.
        assert_eq!(
            text_fragment("trade, commerce & end-to-end").unwrap(),
            "text=trade%2C%20commerce%20%26%20end%2Dto%2Dend"
        );
        // An en dash and curly quotes inside the quote are kept, UTF-8 encoded.
        assert_eq!(
            text_fragment("safety – “lawful” access").unwrap(),
            "text=safety%20%E2%80%93%20%E2%80%9Clawful%E2%80%9D%20access"
        );
        // Quote marks and punctuation at the ends are left to the page.
        assert_eq!(text_fragment("“Not a backdoor.”").unwrap(), "text=Not%20a%20backdoor");
        // The end term of a long quote loses its full stop, the start term its opening quote.
        let long =
            "‘emphasising that in the digital age, technical solutions to secure and to protect the confidentiality.’";
        assert_eq!(
            text_fragment(long).unwrap(),
            "text=emphasising%20that%20in%20the%20digital,and%20to%20protect%20the%20confidentiality"
        );
        assert_eq!(text_fragment(" … ,"), None);
    }

    #[test]
    fn source_links_carry_a_fragment_only_where_there_is_an_original() {
        let lords = bundled().get("lords-answer-2020").unwrap();
        assert_eq!(
            source_link(lords, "This is not just about one company.").unwrap(),
            "https://www.theyworkforyou.com/wrans/?id=2020-02-26.HL1962.h#:~:text=This%20is%20not%20just%20about%20one%20company"
        );
        assert_eq!(source_link(bundled().get("rudd-2017").unwrap(), "Any words"), None);
        let mut pdf = lords.clone();
        pdf.source_url = Some("https://example.gov.uk/letter.pdf".into());
        assert_eq!(source_link(&pdf, "Any words").unwrap(), "https://example.gov.uk/letter.pdf");
    }

    #[test]
    fn cuts_are_words_left_out_not_punctuation() {
        let text = "He said: “companies should not design out access.” Then more.";
        let sentence = (0, text.find(" Then").unwrap());
        let passage = |p: &str| {
            let a = text.find(p).unwrap();
            (a, a + p.len())
        };
        assert_eq!(cut(text, sentence, passage("companies should not design out access")), (true, false));
        assert_eq!(cut(text, sentence, passage("He said: “companies should not")), (false, true));
        assert_eq!(cut(text, sentence, passage("should not design")), (true, true));
        assert_eq!(with_cuts("should not design", (true, true)), "…should not design…");
        assert_eq!(with_cuts(" whole ", (false, false)), "whole");
    }
}
