//! Build step (Trunk post-build hook, via tools/postbuild.mjs), with yew's `ssr`:
//!
//! - `prerender` prints the default comparison as static HTML, so the statements and
//!   their framing are readable before the wasm arrives, with JavaScript off, and by
//!   reader modes and search engines. The widget then replaces it with the same markup
//!   (src/bin/widget.rs).
//! - `prerender cards DIR` writes every canonical finding card ([`encryption_framing::card`])
//!   as a static page `DIR/<slug>.html`: no WebAssembly, a 2 KB script for its height
//!   and colour scheme, readable without JavaScript.

use encryption_framing::analysis::{self, Codebook};
use encryption_framing::card;
use encryption_framing::ui::card::{CardProps, CardView};
use std::path::Path;

/// `&`, `<`, `>` and `"` escaped, for the page's title and meta description.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn page(headline: &str, body: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{title}. From “Encryption framing”: how UK and Five Eyes statements framed encryption, access and privacy, 2017–2020.">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="card.css">
<script src="card.js"></script>
</head>
<body class="ef-card-page">
{body}
</body>
</html>
"#,
        title = escape(headline),
    )
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a current-thread runtime");
    let local = tokio::task::LocalSet::new();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [mode, dir] = args.as_slice() {
        assert_eq!(mode, "cards", "usage: prerender [cards DIR]");
        let dir = Path::new(dir);
        std::fs::create_dir_all(dir).expect("the cards directory can be made");
        let data = analysis::bundled();
        let ids: Vec<String> = data.documents.iter().map(|d| d.statement.id.clone()).collect();
        let mut n = 0;
        for finding in card::canonical(data) {
            let Some(c) = card::build(&finding, data, Codebook::bundled()) else { continue };
            let headline = c.headline.clone();
            let props = CardProps { card: c, widget: "../".into() };
            let body = local
                .block_on(&runtime, yew::LocalServerRenderer::<CardView>::with_props(props).hydratable(false).render());
            std::fs::write(dir.join(format!("{}.html", finding.slug(&ids))), page(&headline, &body))
                .expect("a card is written");
            n += 1;
        }
        eprintln!("prerender: {n} finding cards in {}", dir.display());
        return;
    }
    let renderer = yew::LocalServerRenderer::<encryption_framing::ui::App>::new().hydratable(false);
    print!("{}", local.block_on(&runtime, renderer.render()));
}
