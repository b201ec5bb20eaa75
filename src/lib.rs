//! Implan: plan and follow up a Danish municipality's implementation of a
//! shared municipal IT solution along KOMBIT's Implementeringsmodellen.
//!
//! Layers: [`model`] (pure domain), [`catalog`] (the built-in template),
//! [`schema`] (the JSON file format), [`storage`] (local storage),
//! and [`ui`] (Leptos components).

pub mod catalog;
pub mod model;
pub mod schema;
pub mod storage;
pub mod ui;
