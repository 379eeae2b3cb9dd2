//! Component tests in a real browser (headless Chromium via wasm-bindgen-test-runner).
//! Run with `cargo test --target wasm32-unknown-unknown --features web --test web`.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use encryption_framing::ui::{Reader, StatementList};
use wasm_bindgen::JsCast;
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

#[wasm_bindgen_test]
async fn reader_renders_headings_paragraphs_lists_and_footnotes() {
    let root = mount_point();
    let props = encryption_framing::ui::ReaderProps { statement: "international-2020".into() };
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    assert_eq!(texts(&root, "h1"), ["International Statement: End-To-End Encryption and Public Safety"]);
    let h2 = texts(&root, ".ef-body h2");
    assert_eq!(h2, ["IMPACT ON PUBLIC SAFETY", "RESPONSE", "CONCLUSION"]);
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
async fn reader_keeps_emphasis_and_letter_furniture_out_of_the_body() {
    let root = mount_point();
    let props = encryption_framing::ui::ReaderProps { statement: "rudd-2017".into() };
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let em = texts(&root, ".ef-body em");
    assert_eq!(em.len(), 1);
    assert!(em[0].starts_with("'emphasising that in the digital age"));
    assert_eq!(texts(&root, ".ef-salutation"), ["Dear Arnie,"]);
    let body = texts(&root, ".ef-body").concat();
    assert!(!body.contains("Marsham Street") && !body.contains("Dear Arnie"));
}

#[wasm_bindgen_test]
async fn statement_list_shows_five_statements_in_date_order() {
    let root = mount_point();
    yew::Renderer::<StatementList>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let titles = texts(&root, ".ef-statement-title");
    assert_eq!(titles.len(), 5);
    assert!(titles[0].contains("Home Secretary to Access Now"));
    assert!(titles[4].starts_with("International Statement"));
    let links = root.query_selector_all(".ef-statement-title a").unwrap();
    let href = links.item(1).unwrap().unchecked_into::<Element>().get_attribute("href").unwrap();
    assert_eq!(href, "#/read/wallace-2017");
}
