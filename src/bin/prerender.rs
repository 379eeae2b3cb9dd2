//! Build step (Trunk post-build hook, via tools/postbuild.mjs), with yew's `ssr`:
//!
//! - `prerender` prints the default comparison as static HTML, so the statements and
//!   their framing are readable before the wasm arrives, with JavaScript off, and by
//!   reader modes and search engines. The widget then replaces it with the same markup
//!   (src/bin/widget.rs).
//! - `prerender cards DIR` writes every canonical finding card ([`encryption_framing::card`])
//!   as a static page `DIR/<slug>.html`: no WebAssembly, a 2 KB script for its height
//!   and colour scheme, readable without JavaScript.
//! - `prerender image FILE.png` draws the share image (1200×630) of the headline
//!   finding card, for link previews (`og:image`, `twitter:image`).
//! - `prerender views DIR` writes the first render of the views people share most
//!   (each statement's reader, the talking points, the method, the comparison focused
//!   on each theme; each also as an embed shows it) to `DIR/<name>.html`, and prints
//!   the list as JSON (`{"<hash without #/>": "<name>.html"}`, embeds under `"embed:"`).
//!   On a deep link the boot script fetches that one file and shows it while the wasm
//!   loads, so a shared link shows its own text first and the widget then replaces it
//!   with the same markup.

use encryption_framing::analysis::{self, Codebook};
use encryption_framing::card;
use encryption_framing::location;
use encryption_framing::state::{Env, State};
use encryption_framing::ui::card::{CardProps, CardView};
use encryption_framing::ui::{AppProps, Nav, Start};
use encryption_framing::view::View;
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

/// Words of `text` in lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The share image: the headline card of the access theme, as an SVG rendered to PNG.
fn share_image(path: &Path) {
    let data = analysis::bundled();
    let finding = card::Finding::Theme { theme: analysis::Theme::Access, statements: Vec::new() };
    let c = card::build(&finding, data, Codebook::bundled()).expect("the access card");
    let text = |x: u32, y: u32, size: u32, family: &str, weight: &str, fill: &str, s: &str| {
        format!(
            r#"<text x="{x}" y="{y}" font-family="{family}" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"#,
            escape(s)
        )
    };
    let mut svg = String::from(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630"><rect width="1200" height="630" fill="#ffffff"/><rect width="1200" height="12" fill="#8a3b00"/>"##,
    );
    svg.push_str(&text(64, 84, 26, "DejaVu Sans", "bold", "#555555", &c.kicker.to_uppercase()));
    let mut y = 140;
    for line in wrap(&c.headline, 46).into_iter().take(3) {
        svg.push_str(&text(64, y, 40, "DejaVu Serif", "bold", "#1a1a1a", &line));
        y += 52;
    }
    y += 24;
    // As many rows as fit above the footer.
    for row in &c.rows {
        if y >= 565 {
            break;
        }
        svg.push_str(&format!(r##"<rect x="64" y="{}" width="1072" height="1" fill="#d6d6d6"/>"##, y - 30));
        svg.push_str(&text(64, y, 25, "DejaVu Sans", "bold", "#1a1a1a", &row.label));
        svg.push_str(&text(480, y, 24, "DejaVu Sans", "normal", "#444444", &row.items.join(" · ")));
        y += 42;
    }
    svg.push_str(&text(
        64,
        600,
        24,
        "DejaVu Sans",
        "normal",
        "#555555",
        "Encryption framing · how UK and Five Eyes statements framed encryption, 2017–2020",
    ));
    svg.push_str("</svg>");
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    assert!(
        !options.fontdb.is_empty(),
        "prerender: no system fonts to draw the share image (install fonts-dejavu-core)"
    );
    let tree = resvg::usvg::Tree::from_str(&svg, &options).expect("the share image's SVG parses");
    let mut pixmap = resvg::tiny_skia::Pixmap::new(1200, 630).expect("a 1200x630 image");
    resvg::render(&tree, resvg::tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.save_png(path).expect("the share image is written");
}

/// The deep links written as static first views: their hashes, as `location::format` writes them.
fn deep_views(ids: &[String]) -> Vec<String> {
    let mut views: Vec<View> = vec![View::default()];
    views.extend(ids.iter().map(|id| View::Read { ids: vec![id.clone()], theme: None, at: None }));
    views.push(View::TalkingPoints { selected: None });
    views.push(View::Method);
    views.extend(analysis::Theme::ALL.map(|t| View::Compare { statements: Vec::new(), theme: Some(t) }));
    views.iter().map(location::format_view).collect()
}

/// A file name for a hash: `#/read/rudd-2017` → `read-rudd-2017`, `#/` → `compare`.
fn view_file(hash: &str, embedded: bool) -> String {
    let key = hash.trim_start_matches("#/");
    let mut name: String = key.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    name = name.trim_matches('-').to_string();
    if name.is_empty() || key.starts_with('?') {
        name = format!("compare{}{name}", if name.is_empty() { "" } else { "-" });
    }
    format!("{}{name}.html", if embedded { "embed-" } else { "" })
}

/// Writes every deep view's first render into `dir` and prints the list as JSON.
fn write_views(dir: &Path, runtime: &tokio::runtime::Runtime, local: &tokio::task::LocalSet) {
    std::fs::create_dir_all(dir).expect("the views directory can be made");
    let ids: Vec<String> = analysis::bundled().documents.iter().map(|d| d.statement.id.clone()).collect();
    let mut list = serde_json::Map::new();
    for hash in deep_views(&ids) {
        for embedded in [false, true] {
            let key = hash.trim_start_matches("#/");
            // The page's own default view is index.html's pre-render already.
            if key.is_empty() && !embedded {
                continue;
            }
            let state = State::new().open(&hash, &Env::none());
            assert!(state.notices.is_empty(), "prerender: the deep view {hash} opens with notices");
            let start = Start { state, nav: Nav::Inert, page: Default::default(), embedded, article: None };
            let html = local.block_on(
                runtime,
                yew::LocalServerRenderer::<encryption_framing::ui::App>::with_props(AppProps { start })
                    .hydratable(false)
                    .render(),
            );
            let file = view_file(&hash, embedded);
            std::fs::write(dir.join(&file), html).expect("a view is written");
            list.insert(if embedded { format!("embed:{key}") } else { key.to_string() }, file.into());
        }
    }
    eprintln!("prerender: {} deep views in {}", list.len(), dir.display());
    println!("{}", serde_json::Value::Object(list));
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a current-thread runtime");
    let local = tokio::task::LocalSet::new();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [mode, file] = args.as_slice() {
        if mode == "image" {
            share_image(Path::new(file));
            eprintln!("prerender: share image {file}");
            return;
        }
    }
    if let [mode, dir] = args.as_slice() {
        if mode == "views" {
            write_views(Path::new(dir), &runtime, &local);
            return;
        }
        assert_eq!(mode, "cards", "usage: prerender [cards DIR | views DIR | image FILE.png]");
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
