//! One widget's state: opening links with and without a reader's statement, the
//! statement's cache, and the round trip from a state's links back to the state.
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::state::{Engine, Env, State};
use encryption_framing::supplied::{self, LinkError, StatementProblem, Supplied};

use encryption_framing::view::{Notice, Passage, View};
use proptest::prelude::*;

mod common;

const OWN: &str = include_str!("e2e/fixtures/own-statement.txt");

fn own() -> Supplied {
    supplied::check("Own reply", "2023-03-14", OWN).unwrap()
}

fn env() -> Env<'static> {
    Env::none()
}

fn yours() -> View {
    View::Read { ids: vec!["yours".into(), "rudd-2017".into()], theme: None, at: None }
}

#[test]
fn a_link_with_a_statement_holds_it_and_every_link_carries_it() {
    let link = format!("#/read/yours+rudd-2017?u={}", own().encode());
    let s = State::new().open(&link, &env());
    assert_eq!(s.view, yours());
    assert!(s.notices.is_empty(), "{:?}", s.notices);
    assert_eq!(s.held.as_ref().map(|h| &h.supplied), Some(&own()));
    assert_eq!(s.data.documents.len(), 6);
    for v in [View::default(), View::Method, yours()] {
        assert!(s.href(&v).ends_with(&format!("u={}", own().encode())), "{}", s.href(&v));
    }
    // The same statement again reuses the analysis; another view keeps it.
    let again = s.open(&s.href(&View::Method), &env());
    assert!(again.data == s.data && again.revision == s.revision);
    assert_eq!(again.view, View::Method);
    // A link without it releases it, in this state only.
    let released = again.open("#/method", &env());
    assert!(released.held.is_none() && released.revision == s.revision + 1);
    assert_eq!(released.data.documents.len(), 5);
    assert_eq!(s.held.as_ref().map(|h| &h.supplied), Some(&own()), "the first state is a value: unchanged");
}

#[test]
fn two_widgets_states_never_share_a_statement() {
    let a = State::new().hold(own(), &env()).expect("the engine is here");
    let b = State::new().open("#/talking-points", &env());
    let b = b.open("#/read/rudd-2017", &env());
    assert!(a.held.is_some() && b.held.is_none());
    assert!(!b.href(&View::Method).contains("u="));
    assert!(a.href(&View::Method).contains("u="));
    let other = supplied::check("Other", "", "Encryption keeps children safe online.").unwrap();
    let b = b.hold(other.clone(), &env()).expect("the engine is here");
    assert_eq!(a.held.as_ref().map(|h| &h.supplied), Some(&own()));
    assert_eq!(b.held.as_ref().map(|h| &h.supplied), Some(&other));
    assert!(a.data != b.data);
}

#[test]
fn a_statement_that_cannot_be_shown_is_one_typed_notice() {
    let damaged = format!("#/read/yours?u={}", own().encode().replace('A', "B"));
    let s = State::new().open(&damaged, &env());
    assert!(matches!(s.notices[..], [Notice::Statement(StatementProblem::Link(_))]), "{:?}", s.notices);
    assert_eq!(s.view, View::default());
    let cut = format!("#/?u={}", &own().encode()[..40]);
    assert_eq!(
        State::new().open(&cut, &env()).notices,
        [Notice::Statement(StatementProblem::Link(LinkError::Truncated))]
    );
    // `local` is answered by a statement kept on this device, or told apart.
    let s = State::new().open("#/read/yours?u=local", &env());
    assert_eq!(s.notices, [Notice::Statement(StatementProblem::NotHere)]);
    let kept = Env { now: &|| 0.0, page_len: 40, kept: &|| Some(own().encode()), engine: Some(Engine::BUILT_IN) };
    let s = State::new().open("#/read/yours?u=local", &kept);
    assert!(s.notices.is_empty() && s.held.is_some());
}

#[test]
fn without_the_engine_a_statement_is_told_apart_and_the_rest_works() {
    let none = Env { now: &|| 0.0, page_len: 40, kept: &|| Some(own().encode()), engine: None };
    let link = format!("#/read/yours+rudd-2017?u={}", own().encode());
    for hash in [link.as_str(), "#/read/yours?u=local"] {
        let s = State::new().open(hash, &none);
        assert_eq!(s.notices, [Notice::Statement(StatementProblem::Unavailable)], "{hash}");
        assert!(s.held.is_none() && s.data.documents.len() == 5);
    }
    // The rest of the link is followed.
    let s = State::new().open(&link, &none);
    assert_eq!(s.view, View::Read { ids: vec!["rudd-2017".into()], theme: None, at: None });
    assert!(State::new().hold(own(), &none).is_none());
    assert!(State::new().open("#/method", &none).notices.is_empty(), "a link without a statement needs no engine");
    // A statement already held is reused without the engine.
    let held = State::new().open(&link, &env());
    let again = held.open(&held.href(&View::Method), &none);
    assert!(again.data == held.data && again.notices.is_empty() && again.view == View::Method);
}

#[test]
fn a_statement_too_long_for_a_link_travels_as_local() {
    let long: String = (0..9_000).map(|i| format!("w{} ", i * 7919 % 100_003)).collect::<String>();
    let long = supplied::check("Long", "", &long[..49_000]).unwrap();
    let s = State::new().hold(long, &env()).expect("the engine is here");
    let h = s.held.as_ref().unwrap();
    assert!(!h.fits_link, "{} characters of link", h.encoded.len());
    assert!(s.href(&View::Method).ends_with("u=local"));
    assert_eq!(s.open(&s.href(&View::Method), &env()).data, s.data, "its own links keep it");
}

fn arb_view() -> impl Strategy<Value = View> {
    let ids = ["rudd-2017", "wallace-2017", "factsheet-2019", "lords-answer-2020", "international-2020", "yours"];
    let pick = prop::sample::select(ids.to_vec());
    prop_oneof![
        Just(View::default()),
        Just(View::Method),
        (pick.clone(), 0..3usize).prop_map(|(id, n)| View::Read {
            ids: vec![id.to_string()],
            theme: None,
            at: Some(Passage { id: id.to_string(), sentence: n })
        }),
        (pick.clone(), pick)
            .prop_filter("two ids", |(a, b)| a != b)
            .prop_map(|(a, b)| View::Compare { statements: vec![a.to_string(), b.to_string()], theme: None }),
        "[a-z ’\"*-]{1,30}"
            .prop_filter("words", |q| q.trim().len() > 1)
            .prop_map(|q| View::Search { query: q.trim().to_string() }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(40)))]

    #[test]
    fn every_link_of_a_state_opens_that_view_with_the_same_statement(v in arb_view(), with in any::<bool>()) {
        prop_assume!(with || !format!("{v:?}").contains("\"yours\""), "views of the reader's statement need one");
        let s = if with { State::new().hold(own(), &env()).expect("the engine is here") } else { State::new() };
        let opened = State::new().open(&s.href(&v), &env());
        let expected = encryption_framing::view::normalize(v, &*s.data);
        prop_assert_eq!(&opened.view, &expected);
        prop_assert!(opened.notices.is_empty(), "{:?}", opened.notices);
        prop_assert_eq!(opened.held.map(|h| h.supplied.clone()), s.held.map(|h| h.supplied.clone()));
    }
}
