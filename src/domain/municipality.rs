//! A municipality (gemeente): the optional `gemeente.ron` at the top of a municipality folder.

use serde::{Deserialize, Serialize};

/// The contents of `gemeente.ron`, e.g. `(version: 1, name: "Gemeente Enschede")`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    pub version: u32,
    /// Display name, e.g. `"Gemeente Enschede"`.
    pub name: String,
}
