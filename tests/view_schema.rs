//! The URL schema: every view round-trips through its hash, and any string at all
//! reads as some view without panicking.
#![cfg(not(target_arch = "wasm32"))]

use encryption_framing::analysis::{self, Theme};
use encryption_framing::location::{self, Location};
use encryption_framing::view::{self, Catalog, Passage, View};
use proptest::prelude::*;

mod common;

fn catalog() -> &'static analysis::CorpusAnalysis<'static> {
    analysis::bundled()
}

fn arb_theme() -> impl Strategy<Value = Option<Theme>> {
    prop_oneof![Just(None), Just(Some(Theme::Encryption)), Just(Some(Theme::Access)), Just(Some(Theme::Privacy))]
}

fn arb_view() -> impl Strategy<Value = View> {
    let ids: Vec<String> = catalog().statement_ids();
    let tps: Vec<String> =
        catalog().recurring.passages.iter().chain(&catalog().recurring.claims).map(|t| t.id.clone()).collect();
    let ids2 = ids.clone();
    let compare = (Just(ids.clone()).prop_shuffle(), 0..=ids.len(), arb_theme()).prop_map(|(order, n, theme)| {
        view::normalize(View::Compare { statements: order[..n].to_vec(), theme }, catalog())
    });
    let read = (Just(ids2).prop_shuffle(), 1..=2usize, arb_theme(), any::<Option<(bool, prop::sample::Index)>>())
        .prop_map(|(order, n, theme, at)| {
            let ids: Vec<String> = order[..n].to_vec();
            let at = at.map(|(second, idx)| {
                let id = if second { ids[ids.len() - 1].clone() } else { ids[0].clone() };
                let count = catalog().sentences(&id).unwrap();
                Passage { id, sentence: idx.index(count) }
            });
            View::Read { ids, theme, at }
        });
    let talking = prop::option::of(prop::sample::select(tps)).prop_map(|selected| View::TalkingPoints { selected });
    let search = "[^\u{0}]{1,80}".prop_map(|q| view::normalize(View::Search { query: q }, catalog()));
    prop_oneof![compare, read, talking, Just(View::Method), search]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(500)))]

    #[test]
    fn every_location_round_trips_through_its_hash(v in arb_view(), text in prop::option::of("[A-Za-z0-9_-]{1,40}|local")) {
        let location = Location { view: v, text };
        let hash = location::format(&location);
        let parsed = location::parse(&hash, catalog());
        prop_assert_eq!(&parsed.location, &location, "hash {}", hash);
        prop_assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        prop_assert_eq!(location::text_param(&hash), location.text.clone());
    }

    #[test]
    fn any_string_reads_as_a_location_that_is_stable(s in any::<String>()) {
        let first = location::parse(&s, catalog()).location;
        let again = location::parse(&location::format(&first), catalog());
        prop_assert_eq!(again.location, first);
        prop_assert!(again.notices.is_empty());
    }

    #[test]
    fn hash_like_garbage_never_panics(s in "#?/?(v[0-9]/)?(read|search|method|talking-points|x)?/?[a-z0-9+%:-]{0,30}(\\?([a-z]{1,3}=[^&#]{0,20}&?){0,4})?") {
        let _ = location::parse(&s, catalog());
    }
}
