//! The widget's links. Every link to a view is a [`Link`]: its `href` is built
//! through the widget's context (so it carries the reader's statement), and its
//! click is its own, so a widget never follows another widget's link. In-page jumps
//! (footnotes, a table of contents) are [`JumpLink`]s: they scroll inside their own
//! widget and never navigate.

use super::ctx::use_ctx;
use crate::view::View;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: View,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub aria_current: Option<AttrValue>,
    #[prop_or_default]
    pub aria_expanded: Option<AttrValue>,
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    #[prop_or_default]
    pub tabindex: Option<AttrValue>,
    /// A selector, inside this widget, to focus once the view has changed.
    #[prop_or_default]
    pub focus_after: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// A link's click handler: a plain click (not a new tab or window, not handled
/// already) is the widget's, and runs `act` instead of following the `href`.
fn owned_click(act: impl Fn() + 'static) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        let plain = !e.default_prevented()
            && e.button() == 0
            && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key());
        if plain {
            e.prevent_default();
            act();
        }
    })
}

/// A link to a view of this widget.
#[function_component(Link)]
pub fn link(props: &LinkProps) -> Html {
    let ctx = use_ctx();
    let href = ctx.href(&props.to);
    let onclick = {
        let (to, focus) = (props.to.clone(), props.focus_after.clone());
        owned_click(move || match &focus {
            Some(selector) => ctx.go_and_focus(&to, selector),
            None => ctx.go(&to),
        })
    };
    html! {
        <a {href} class={props.class.clone()} {onclick} aria-current={props.aria_current.clone()}
           aria-expanded={props.aria_expanded.clone()} aria-label={props.aria_label.clone()} tabindex={props.tabindex.clone()}>
            { props.children.clone() }
        </a>
    }
}

#[derive(Properties, PartialEq)]
pub struct JumpProps {
    /// The view the link sits in (its `href`, for a new tab or a copied link).
    pub view: View,
    /// The id of the element to scroll to, inside this widget.
    pub target: AttrValue,
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// A link that scrolls to an element of this widget without changing the view.
#[function_component(JumpLink)]
pub fn jump_link(props: &JumpProps) -> Html {
    let ctx = use_ctx();
    let href = ctx.href(&props.view);
    let onclick = {
        let target = props.target.clone();
        owned_click(move || ctx.scroll_to(&target))
    };
    html! { <a {href} {onclick} aria-label={props.aria_label.clone()}>{ props.children.clone() }</a> }
}
