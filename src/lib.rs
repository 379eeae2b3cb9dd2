//! How UK Home Office and Five Eyes statements (2017-2020) frame encryption,
//! access and privacy.
//!
//! The crate is a plain-Rust core — [`corpus`] (the bundled statements) and
//! [`view`] (view state and its URL form) — and, behind the `web` feature, a thin
//! Yew UI in `ui` that renders state and dispatches actions. The core never
//! depends on yew or web-sys; see `ARCHITECTURE.md`.

pub mod analysis;
pub mod corpus;
pub mod view;

#[cfg(feature = "web")]
pub mod ui;
