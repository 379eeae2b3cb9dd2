//! Options of the script mount API (`EncryptionFraming.mount(element, options)` and the
//! `<encryption-framing>` element), checked one by one: a bad option is reported by
//! name and replaced by its default, so the widget always mounts.
//!
//! | option | type | default |
//! |---|---|---|
//! | `statements` | array of statement ids, in column order | all, in date order |
//! | `theme` | `"encryption"`, `"access"` or `"privacy"` | all themes |
//! | `view` | a deep-link hash (`"#/read/rudd-2017"`, a reader's statement `u=` included); wins over `statements`/`theme` | the comparison |
//! | `embed` | boolean: compact chrome | `false` |
//! | `colorScheme` | `"auto"`, `"light"` or `"dark"` | `"auto"` |

use crate::analysis::Theme;
use crate::location;
use crate::state::{Env, State};
use crate::view::{self, Catalog, View};

/// The options' names, as a page writes them.
pub const NAMES: [&str; 5] = ["statements", "theme", "view", "embed", "colorScheme"];

/// Light, dark, or the reader's system setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColorScheme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl ColorScheme {
    pub fn parse(s: &str) -> Option<ColorScheme> {
        Some(match s {
            "auto" => ColorScheme::Auto,
            "light" => ColorScheme::Light,
            "dark" => ColorScheme::Dark,
            _ => return None,
        })
    }

    /// The `data-color-scheme` attribute value (none for auto).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            ColorScheme::Auto => None,
            ColorScheme::Light => Some("light"),
            ColorScheme::Dark => Some("dark"),
        }
    }
}

/// Options as decoded from the page (each already of the right JavaScript type).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Raw {
    pub statements: Option<Vec<String>>,
    pub theme: Option<String>,
    pub view: Option<String>,
    pub embed: Option<bool>,
    pub color_scheme: Option<String>,
}

/// What a mounted widget starts with.
#[derive(Debug, Clone, PartialEq)]
pub struct Mount {
    /// The widget's state: its view and, from a `view` link carrying one, the reader's statement.
    pub state: State,
    pub embed: bool,
    pub color_scheme: ColorScheme,
}

/// The message for an option of the wrong type (decided by the caller, which sees
/// the JavaScript value).
pub fn wrong_type(name: &str) -> String {
    let expected = match name {
        "statements" => "an array of statement ids",
        "embed" => "true or false",
        _ => "a string",
    };
    format!("encryption-framing: option “{name}” must be {expected}; using its default.")
}

/// The message for an option this widget does not have.
pub fn unknown(name: &str) -> String {
    let name: String = name.chars().take(40).collect();
    format!("encryption-framing: there is no option “{name}” (options: {}); it was ignored.", NAMES.join(", "))
}

/// Checks the values: every problem is a console message naming its option.
pub fn resolve(raw: &Raw, env: &Env) -> (Mount, Vec<String>) {
    let mut problems = Vec::new();
    let start = State::new();
    let catalog: &dyn Catalog = &*start.data;
    let theme = raw.theme.as_deref().and_then(|t| {
        let theme = Theme::from_id(t);
        if theme.is_none() {
            problems.push(format!(
                "encryption-framing: option “theme” must be encryption, access or privacy, not “{}”; showing all themes.",
                t.chars().take(40).collect::<String>()
            ));
        }
        theme
    });
    let known = catalog.statement_ids();
    let statements: Vec<String> = raw
        .statements
        .iter()
        .flatten()
        .filter(|id| {
            let ok = known.contains(id);
            if !ok {
                problems.push(format!(
                    "encryption-framing: option “statements”: there is no statement “{}”; it was left out (ids: {}).",
                    id.chars().take(40).collect::<String>(),
                    known.join(", ")
                ));
            }
            ok
        })
        .cloned()
        .collect();
    let hash = match &raw.view {
        Some(hash) => hash.clone(),
        None => location::format_view(&view::normalize(View::Compare { statements, theme }, catalog)),
    };
    let state = start.open(&hash, env);
    for n in &state.notices {
        problems.push(format!("encryption-framing: option “view”: {}", n.message()));
    }
    let color_scheme = raw.color_scheme.as_deref().map_or(ColorScheme::Auto, |c| {
        ColorScheme::parse(c).unwrap_or_else(|| {
            problems.push("encryption-framing: option “colorScheme” must be auto, light or dark; using auto.".into());
            ColorScheme::Auto
        })
    });
    (Mount { state, embed: raw.embed.unwrap_or(false), color_scheme }, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve_raw(raw: Raw) -> (Mount, Vec<String>) {
        resolve(&raw, &Env::none())
    }

    #[test]
    fn no_options_is_the_default_comparison() {
        let (m, problems) = resolve_raw(Raw::default());
        assert_eq!(m, Mount { state: State::new(), embed: false, color_scheme: ColorScheme::Auto });
        assert!(problems.is_empty());
    }

    #[test]
    fn good_options_set_the_view() {
        let (m, problems) = resolve_raw(Raw {
            statements: Some(vec!["wallace-2017".into(), "rudd-2017".into()]),
            theme: Some("access".into()),
            embed: Some(true),
            color_scheme: Some("dark".into()),
            ..Raw::default()
        });
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            m.state.view,
            View::Compare { statements: vec!["wallace-2017".into(), "rudd-2017".into()], theme: Some(Theme::Access) }
        );
        assert!(m.embed);
        assert_eq!(m.color_scheme, ColorScheme::Dark);
        let (m, _) = resolve_raw(Raw { view: Some("#/read/rudd-2017".into()), ..Raw::default() });
        assert!(matches!(m.state.view, View::Read { .. }));
    }

    #[test]
    fn bad_values_are_named_and_replaced_by_defaults() {
        let (m, problems) = resolve_raw(Raw {
            statements: Some(vec!["nope".into(), "rudd-2017".into()]),
            theme: Some("weather".into()),
            view: None,
            embed: None,
            color_scheme: Some("purple".into()),
        });
        assert_eq!(m.state.view, View::Compare { statements: vec!["rudd-2017".into()], theme: None });
        assert_eq!(m.color_scheme, ColorScheme::Auto);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("option “theme”") && problems[0].contains("weather"));
        assert!(problems[1].contains("option “statements”") && problems[1].contains("nope"));
        assert!(problems[2].contains("option “colorScheme”"));
        let (_, problems) = resolve_raw(Raw { view: Some("#/read/zzz".into()), ..Raw::default() });
        assert!(problems[0].contains("option “view”"));
        let own = crate::supplied::check("Mine", "", "Encryption protects us all.").unwrap();
        let (m, problems) =
            resolve_raw(Raw { view: Some(format!("#/read/yours?u={}", own.encode())), ..Raw::default() });
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(m.state.held.map(|h| h.supplied.clone()), Some(own));
        assert!(matches!(m.state.view, View::Read { ref ids, .. } if ids == &["yours"]));
        assert!(unknown("colour").contains("no option “colour”"));
        assert!(wrong_type("statements").contains("must be an array of statement ids"));
    }
}
