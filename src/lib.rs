//! Implan: plan and follow up a Danish municipality's implementation of a
//! shared municipal IT solution along KOMBIT's Implementeringsmodellen.
//!
//! Layers: [`model`] (pure domain), [`catalog`] (the built-in template),
//! [`schema`] (the JSON file format), [`storage`] (local storage),
//! [`layout`] (pure geometry of the timeline and the benefit map) and
//! [`ui`] (Leptos components).
#![warn(missing_docs)]

pub mod catalog;
pub mod layout;
pub mod model;
pub mod schema;
pub mod storage;
pub mod ui;
