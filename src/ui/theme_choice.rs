//! The "all themes / encryption / access / privacy" choice used by the comparison
//! (focus a theme) and the reader (mark sentences about a theme).

use super::body::abbreviation;
use crate::analysis::Theme;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThemeChoiceProps {
    /// Radio group name, also the prefix of the inputs' ids (`<name>-all`, `<name>-access`…).
    pub name: AttrValue,
    pub legend: AttrValue,
    pub value: Option<Theme>,
    pub onchange: Callback<Option<Theme>>,
    /// Show each theme's text mark (ENC, ACC, PRIV) beside its label, as in the reader.
    #[prop_or_default]
    pub marks: bool,
}

/// A radio group choosing no theme (all) or one theme.
#[function_component(ThemeChoice)]
pub fn theme_choice(props: &ThemeChoiceProps) -> Html {
    let radio = |label: &str, value: Option<Theme>| {
        let id = format!("{}-{}", props.name, value.map_or("all", Theme::id));
        let onchange = props.onchange.reform(move |_: Event| value);
        let mark = value.filter(|_| props.marks).map(|t| {
            html! { <span class={classes!("ef-key", format!("ef-s-{}", t.id()))}>{ abbreviation(t) }</span> }
        });
        html! {
            <label class="ef-radio" for={id.clone()}>
                <input type="radio" name={props.name.clone()} id={id} checked={props.value == value} {onchange} />
                { label }{ for mark }
            </label>
        }
    };
    html! {
        <fieldset class="ef-fieldset">
            <legend>{ props.legend.clone() }</legend>
            { radio("All themes", None) }
            { for Theme::ALL.iter().map(|&t| radio(t.label(), Some(t))) }
        </fieldset>
    }
}
