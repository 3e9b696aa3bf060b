//! `overleg`: chair a casuïstiekoverleg of a Dutch sociaal wijkteam, look up caseloads and
//! write the minutes. The library holds everything that does not need a terminal.

pub mod casecard;
pub mod caseload;
pub mod cli;
pub mod crash;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod import;
pub mod minutes;
pub mod platform;
pub mod search;
pub mod session;
pub mod storage;
pub mod store;
#[doc(hidden)]
pub mod testdata;
pub mod text;
pub mod tui;
pub mod xlsx;
