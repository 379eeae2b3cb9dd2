//! The "all themes / encryption / access / privacy" choice used by the comparison
//! (focus a theme) and the reader (mark sentences about a theme).

use super::body::abbreviation;
use crate::analysis::Theme;
use yew::prelude::*;

/// A radio group choosing no theme (all) or one theme. `name` is the group's name and
/// the prefix of the inputs' ids (`<name>-all`, `<name>-access`…); `marks` shows each
/// theme's text mark (ENC, ACC, PRIV) beside its label, as in the reader. A function, not
/// a component: it has no state, and each component costs the wasm its own lifecycle code.
pub fn theme_choice(
    name: &'static str,
    legend: &'static str,
    value: Option<Theme>,
    onchange: &Callback<Option<Theme>>,
    marks: bool,
) -> Html {
    let radio = |label: &str, choice: Option<Theme>| {
        let id = format!("{name}-{}", choice.map_or("all", Theme::id));
        let onchange = onchange.reform(move |_: Event| choice);
        let mark = choice.filter(|_| marks).map(|t| {
            html! { <span class={classes!("ef-key", format!("ef-s-{}", t.id()))}>{ abbreviation(t) }</span> }
        });
        html! {
            <label class="ef-radio" for={id.clone()}>
                <input type="radio" {name} id={id} checked={value == choice} {onchange} />
                { label }{ for mark }
            </label>
        }
    };
    html! {
        <fieldset class="ef-fieldset">
            <legend>{ legend }</legend>
            { radio("All themes", None) }
            { for Theme::ALL.iter().map(|&t| radio(t.label(), Some(t))) }
        </fieldset>
    }
}
