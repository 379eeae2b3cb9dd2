//! How UK Home Office and Five Eyes statements (2017-2020) frame encryption,
//! access and privacy.
//!
//! The crate is a plain-Rust core — [`corpus`] (the bundled statements),
//! [`analysis`] (framing analysis), [`view`] (view state), [`location`] (its URL form),
//! [`state`] (one widget's state),
//! [`search`], [`cite`], [`numbering`] and [`supplied`] (a reader's own statement) — and, behind the `web` feature, a thin
//! Yew UI in `ui` that renders state and dispatches actions. The core never
//! depends on yew or web-sys; see `ARCHITECTURE.md`.

pub mod analysis;
pub mod bundle;
pub mod card;
pub mod cite;
pub mod corpus;
pub mod embed;
pub mod location;
pub mod mount;
pub mod numbering;
pub mod order;
pub mod search;
pub mod state;
pub mod supplied;
pub mod view;

#[cfg(feature = "web")]
pub mod ui;
