//! What differs between Windows, macOS and Linux, behind one interface each: how the
//! operating system asks `overleg` to stop, and where the platform keeps configuration and
//! caches. Knows no terminal.

pub mod paths;
pub mod signals;
