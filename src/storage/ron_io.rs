//! The RON dialect of every file: implicit `Some`, unwrapped variant newtypes, four-space
//! indentation, no struct names. Set in code so files need no `#![enable(...)]` header.

use serde::{Serialize, de::DeserializeOwned};

/// RON extensions every file is written and read with.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// Stable, pretty RON for a value, ending in a newline. The same value always gives the same
/// bytes, so a file that is loaded and saved again does not change.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .new_line("\n".to_string())
        .struct_names(false);
    let mut s = ron_options().to_string_pretty(value, config)?;
    s.push('\n');
    Ok(s)
}

/// Parses RON text with the project's extensions.
pub fn from_ron<T: DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    ron_options().from_str(text)
}
