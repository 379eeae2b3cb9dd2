//! Embedding: the query-string flags an embedding page passes, the height messages
//! the widget posts to its parent in the three formats newsrooms use, and share
//! links that point at the article rather than at the widget.
//!
//! Protocols (documented in README.md, "Embedding"):
//! - pym.js child: `pymxPYMx<childId>xPYMxheightxPYMx<px>`; the parent may send
//!   `pymxPYMx<childId>xPYMxwidthxPYMx<px>`, which asks for the height again.
//! - AMP `amp-iframe`: `{"sentinel":"amp","type":"embed-size","height":<px>}`.
//! - Our own: `{"type":"encryption-framing:height","height":<px>,"id":<id or null>}`;
//!   a parent may send `{"type":"encryption-framing:ping"}` to ask for it again.

use crate::location::{encode, Query};

/// How the page hosting the widget set it up, from the widget's own query string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedConfig {
    /// `embed=1` (or pym's `childId` being present): compact chrome for an iframe.
    pub embed: bool,
    /// pym.js parameters, when loaded by a pym.js parent.
    pub pym: Option<Pym>,
    /// `id=<text>` names this embed in our own height messages.
    pub id: Option<String>,
    /// `scheme=light|dark` (the embed code's choice); the reader's setting otherwise.
    pub scheme: crate::mount::ColorScheme,
}

/// The parameters a pym.js parent appends to the child URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pym {
    pub child_id: String,
    /// The article's URL, used for share links.
    pub parent_url: Option<String>,
    pub parent_title: Option<String>,
}

/// The longest parameter value kept (an id or URL longer than this is ignored).
const MAX_PARAM: usize = 2048;

/// Reads the widget's query string (`?a=b&…`, with or without the `?`).
pub fn parse_query(search: &str) -> EmbedConfig {
    let query = Query::parse(search);
    let get = |k: &str| query.get(k).filter(|v| v.len() <= MAX_PARAM).map(str::to_string);
    let child_id = get("childId").filter(|id| is_safe_id(id));
    let pym = child_id.map(|child_id| Pym {
        child_id,
        parent_url: get("parentUrl").filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        parent_title: get("parentTitle"),
    });
    let embed = pym.is_some() || matches!(get("embed").as_deref(), Some("1" | "true" | "yes" | ""));
    let scheme = get("scheme").and_then(|s| crate::mount::ColorScheme::parse(&s)).unwrap_or_default();
    EmbedConfig { embed, pym, id: get("id").filter(|id| is_safe_id(id)), scheme }
}

/// Ids travel inside messages: keep them to a small, unambiguous alphabet.
fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// The pym.js height message.
pub fn pym_height(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
}

/// The AMP `embed-size` message, as JSON text.
pub fn amp_height(height: u32) -> String {
    format!(r#"{{"sentinel":"amp","type":"embed-size","height":{height}}}"#)
}

/// Our own height message, as JSON text.
pub fn own_height(id: Option<&str>, height: u32) -> String {
    let id = id.map_or_else(|| "null".to_string(), |id| format!("\"{id}\""));
    format!(r#"{{"type":"encryption-framing:height","height":{height},"id":{id}}}"#)
}

/// What an incoming message asks of the widget. Anything unexpected is `Ignore`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incoming {
    /// Send the height again (pym width message, or our ping).
    SendHeight,
    Ignore,
}

/// Validates an incoming string message for this embed.
pub fn incoming(message: &str, config: &EmbedConfig) -> Incoming {
    if let Some(pym) = &config.pym {
        let prefix = format!("pymxPYMx{}xPYMxwidthxPYMx", pym.child_id);
        if let Some(width) = message.strip_prefix(&prefix) {
            if !width.is_empty() && width.len() <= 6 && width.bytes().all(|b| b.is_ascii_digit()) {
                return Incoming::SendHeight;
            }
        }
    }
    if message == r#"{"type":"encryption-framing:ping"}"# {
        return Incoming::SendHeight;
    }
    Incoming::Ignore
}

/// A share link that opens the article (the pym parent's URL) on this view: the
/// view travels in the article URL's fragment as `#ef=<view hash>`, which a pym
/// parent passes back to the widget as `parentUrl`.
pub fn article_link(parent_url: &str, view_hash: &str) -> String {
    let base = parent_url.split('#').next().unwrap_or(parent_url);
    format!("{base}#ef={}", encode(view_hash.strip_prefix('#').unwrap_or(view_hash)))
}

/// The view hash carried in an article URL's `#ef=` fragment, if any.
pub fn view_from_article(parent_url: &str) -> Option<String> {
    let (_, fragment) = parent_url.split_once('#')?;
    Some(format!("#{}", Query::parse(fragment).get("ef")?))
}

/// An `<iframe>` snippet for a view: title, width 100%, a default height, and a
/// How an embed should look: the reader's colour scheme, or a fixed one.
pub use crate::mount::ColorScheme;

/// The address of the widget's folder (`https://host/ef/`) from any page address in it.
pub fn widget_base(page: &str) -> String {
    let page = page.split(['#', '?']).next().unwrap_or(page);
    match page.rfind('/') {
        Some(i) => page[..=i].to_string(),
        None => String::new(),
    }
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The embed code for a frame showing `src` (a card page, or the widget with
/// `?embed=1`): the iframe (titled, lazy, no inner scrollbar, `height` close to the
/// real one), the parent script that sizes it, and a link for readers without
/// JavaScript. It works as pasted, several on one page.
pub fn iframe_snippet(base: &str, src: &str, full: &str, title: &str, height: u32) -> String {
    let (src, full, title) = (attr(src), attr(full), attr(title));
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"{height}\" scrolling=\"no\" loading=\"lazy\" style=\"display:block;width:100%;border:0\"></iframe>\n<script src=\"{base}embed-parent.js\" defer></script>\n<noscript><a href=\"{full}\">{title}</a></noscript>"
    )
}

/// The `<encryption-framing>` form of an embed (the script mount API), for a view hash.
pub fn element_snippet(base: &str, view_hash: &str, scheme: ColorScheme) -> String {
    let scheme = scheme.attribute().map_or_else(String::new, |s| format!(" color-scheme=\"{s}\""));
    format!(
        "<script type=\"module\" src=\"{base}encryption-framing.js\"></script>\n<encryption-framing view=\"{}\" embed{scheme}></encryption-framing>",
        attr(view_hash)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_embed_and_pym_parameters() {
        assert_eq!(parse_query(""), EmbedConfig::default());
        assert!(parse_query("?embed=1").embed);
        assert!(!parse_query("?embed=0").embed);
        assert_eq!(parse_query("?embed=1&scheme=dark").scheme, crate::mount::ColorScheme::Dark);
        assert_eq!(parse_query("?scheme=%3Cx%3E").scheme, crate::mount::ColorScheme::Auto);
        let c = parse_query("?initialWidth=600&childId=ef-1&parentTitle=My%20story&parentUrl=https%3A%2F%2Fnews.example%2Fstory%23ef%3D%252Fmethod");
        assert!(c.embed);
        let pym = c.pym.unwrap();
        assert_eq!(pym.child_id, "ef-1");
        assert_eq!(pym.parent_url.as_deref(), Some("https://news.example/story#ef=%2Fmethod"));
        assert_eq!(pym.parent_title.as_deref(), Some("My story"));
    }

    #[test]
    fn hostile_parameters_are_dropped() {
        let c = parse_query("?childId=%22%3E%3Cscript%3E&parentUrl=javascript%3Aalert(1)&id=a%20b");
        assert!(c.pym.is_none() && c.id.is_none());
        let c = parse_query(&format!("?childId=x&parentUrl=https://a/{}", "b".repeat(5000)));
        assert_eq!(c.pym.unwrap().parent_url, None);
    }

    #[test]
    fn messages_in_the_three_formats() {
        assert_eq!(pym_height("ef-1", 1234), "pymxPYMxef-1xPYMxheightxPYMx1234");
        assert_eq!(amp_height(10), r#"{"sentinel":"amp","type":"embed-size","height":10}"#);
        assert_eq!(own_height(Some("a"), 5), r#"{"type":"encryption-framing:height","height":5,"id":"a"}"#);
        assert_eq!(own_height(None, 5), r#"{"type":"encryption-framing:height","height":5,"id":null}"#);
    }

    #[test]
    fn incoming_messages_are_validated() {
        let c = parse_query("?childId=ef-1");
        assert_eq!(incoming("pymxPYMxef-1xPYMxwidthxPYMx640", &c), Incoming::SendHeight);
        assert_eq!(incoming("pymxPYMxother-idxPYMxwidthxPYMx640", &c), Incoming::Ignore);
        assert_eq!(incoming("pymxPYMxef-1xPYMxwidthxPYMx64<0", &c), Incoming::Ignore);
        assert_eq!(incoming(r#"{"type":"encryption-framing:ping"}"#, &c), Incoming::SendHeight);
        assert_eq!(incoming("<img src=x onerror=alert(1)>", &c), Incoming::Ignore);
    }

    #[test]
    fn article_links_round_trip_the_view() {
        let link = article_link("https://news.example/story?x=1#old", "#/read/rudd-2017?at=3");
        assert_eq!(link, "https://news.example/story?x=1#ef=%2Fread%2Frudd-2017%3Fat%3D3");
        assert_eq!(view_from_article(&link).as_deref(), Some("#/read/rudd-2017?at=3"));
        assert_eq!(view_from_article("https://news.example/story"), None);
    }

    #[test]
    fn snippets_work_as_pasted() {
        assert_eq!(widget_base("https://w.example/ef/index.html?embed=1#/x"), "https://w.example/ef/");
        assert_eq!(widget_base("https://w.example/ef/"), "https://w.example/ef/");
        let s = iframe_snippet(
            "https://w.example/ef/",
            "https://w.example/ef/cards/theme-access.html?scheme=dark",
            "https://w.example/ef/#/?t=access",
            "Access \"framing\"",
            612,
        );
        assert!(s.contains(r#"src="https://w.example/ef/cards/theme-access.html?scheme=dark""#), "{s}");
        assert!(s.contains(r#"title="Access &quot;framing&quot;""#));
        assert!(s.contains(r#"height="612" scrolling="no" loading="lazy""#));
        assert!(s.contains(r#"<script src="https://w.example/ef/embed-parent.js" defer></script>"#));
        assert!(s.contains(r#"<noscript><a href="https://w.example/ef/#/?t=access">"#));
        let e = element_snippet("https://w.example/ef/", "#/?t=access&u=x", ColorScheme::Light);
        assert!(e.contains(r##"view="#/?t=access&amp;u=x" embed color-scheme="light""##), "{e}");
    }
}
