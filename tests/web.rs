//! Component tests in a real browser (headless Chromium via wasm-bindgen-test-runner).
//! Run with `cargo test --target wasm32-unknown-unknown --features web --test web`.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use encryption_framing::analysis::Theme;
use encryption_framing::ui::{Cell, CellProps, Reader, ReaderProps};
use encryption_framing::view::Passage;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element attached to the document, for one component.
fn mount_point() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

async fn reader(ids: &[&str], theme: Option<Theme>, at: Option<Passage>) -> Element {
    let root = mount_point();
    let props = ReaderProps { ids: ids.iter().map(|s| s.to_string()).collect(), theme, at };
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn reader_renders_headings_paragraphs_lists_and_footnotes() {
    let root = reader(&["international-2020"], None, None).await;
    assert_eq!(texts(&root, "h1"), ["International Statement: End-To-End Encryption and Public Safety"]);
    assert_eq!(texts(&root, ".ef-body h2"), ["IMPACT ON PUBLIC SAFETY", "RESPONSE", "CONCLUSION"]);
    let paragraphs = texts(&root, ".ef-body > p");
    assert_eq!(paragraphs.len(), 8);
    assert!(paragraphs[0].starts_with("We, the undersigned, support strong encryption"));
    assert!(paragraphs[0].contains("Human Rights Council[1]."), "footnote marker rendered: {}", paragraphs[0]);
    assert_eq!(texts(&root, ".ef-body > ul > li").len(), 3);
    assert_eq!(texts(&root, ".ef-body > ol > li").len(), 2);
    assert_eq!(texts(&root, ".ef-footnotes li").len(), 7);
    assert_eq!(texts(&root, ".ef-signatories li").len(), 7);
}

#[wasm_bindgen_test]
async fn reader_marks_sentences_by_theme_with_text_labels_and_filters() {
    let root = reader(&["wallace-2017"], None, None).await;
    let tags = texts(&root, ".ef-tag");
    assert!(tags.iter().any(|t| t == "ENC"), "{tags:?}");
    assert!(tags.iter().any(|t| t.contains("ACC")));
    assert!(root.query_selector_all(".ef-body .ef-s-privacy").unwrap().length() > 0);
    let filtered = reader(&["wallace-2017"], Some(Theme::Privacy), None).await;
    let tags = texts(&filtered, ".ef-tag");
    assert!(!tags.is_empty() && tags.iter().all(|t| t == "PRIV"), "{tags:?}");
    assert_eq!(filtered.query_selector_all(".ef-body .ef-s-access").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn an_open_passage_shows_codes_evidence_and_rules() {
    let root = reader(&["rudd-2017"], None, Some(Passage { id: "rudd-2017".into(), sentence: 13 })).await;
    let panel = root.query_selector(".ef-panel").unwrap().expect("panel is shown");
    let text = panel.text_content().unwrap();
    assert!(text.contains("We do not want technology companies to create a universal key"), "{text}");
    assert!(text.contains("Not a backdoor"));
    assert!(text.contains("acc.not_backdoor/"), "rule id shown: {text}");
    assert!(text.contains("[neg]"), "rule pattern shown");
    assert_eq!(texts(&root, ".ef-s-open").len(), 1);
}

#[wasm_bindgen_test]
async fn side_by_side_links_recurring_passages() {
    let root = reader(&["rudd-2017", "wallace-2017"], None, None).await;
    assert_eq!(texts(&root, "article h2.ef-sr, article > header h2").len(), 2);
    let shared = texts(&root, ".ef-tag-shared");
    assert!(shared.iter().any(|t| t.contains("also in the Wallace letter")), "{shared:?}");
    assert!(shared.iter().any(|t| t.contains("also in the Rudd letter")));
}

#[wasm_bindgen_test]
async fn cells_show_frames_coverage_quotes_and_absences() {
    let root = mount_point();
    let props = CellProps { id: "rudd-2017".into(), theme: Theme::Access, focused: true };
    yew::Renderer::<Cell>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let chips = texts(&root, ".ef-chip summary");
    assert!(chips.iter().any(|c| c.starts_with("Not a backdoor")), "{chips:?}");
    assert!(root.text_content().unwrap().contains("% of the text"));
    assert_eq!(texts(&root, ".ef-quote blockquote").len(), 2);
    let body = encryption_framing::corpus::bundled().get("rudd-2017").unwrap().body.text.clone();
    for q in texts(&root, ".ef-quote blockquote") {
        assert!(body.contains(&q), "quote is verbatim: {q}");
    }

    let empty = mount_point();
    let props = CellProps { id: "factsheet-2019".into(), theme: Theme::Access, focused: true };
    yew::Renderer::<Cell>::with_root_and_props(empty.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(texts(&empty, ".ef-absent-title"), ["Not detected by the rules"]);
    let undetected = texts(&empty, ".ef-absent li summary");
    assert!(
        undetected.contains(&"Not a backdoor".to_string()),
        "the rules find no disavowal of backdoors in the factsheet: {undetected:?}"
    );
    let why = texts(&empty, ".ef-absent li details p");
    assert!(why.iter().all(|w| w.contains("not that the statement never uses it")), "{why:?}");
}

#[wasm_bindgen_test]
fn a_failure_leaves_a_readable_message_not_a_blank_frame() {
    let root = mount_point();
    root.set_class_name("ef-root");
    root.set_inner_html("<p>widget content</p>");
    encryption_framing::ui::failure::show_error(encryption_framing::ui::failure::MESSAGE);
    assert_eq!(texts(&root, "[role=alert]"), [encryption_framing::ui::failure::MESSAGE]);
    assert!(texts(&root, "p").iter().all(|t| t != "widget content"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_link_with_a_readers_statement_adds_a_marked_column_in_this_browser() {
    use encryption_framing::supplied;
    let own = supplied::check("Own reply", "2023-03-14", include_str!("e2e/fixtures/own-statement.txt")).unwrap();
    let hash = format!("#/?u={}", own.encode());
    gloo::utils::window().location().set_hash(&hash).unwrap();
    let root = mount_point();
    let props = encryption_framing::ui::AppProps { start: encryption_framing::ui::page_start().await };
    yew::Renderer::<encryption_framing::ui::App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let heads = texts(&root, ".ef-colhead a");
    assert_eq!(heads.len(), 6, "{heads:?}");
    assert_eq!(heads[5], "Own reply");
    assert_eq!(root.query_selector_all(".ef-cell.ef-supplied").unwrap().length(), 3, "one marked cell per theme");
    assert!(texts(&root, "#ef-yours-title")[0].contains("Own reply"));
    gloo::utils::window().location().set_hash("").unwrap();
}
