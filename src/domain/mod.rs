//! The domain of a casuïstiekoverleg: teams, cases (households), meetings and the rules that
//! connect them. Nothing here knows about terminals or files.

pub mod actions;
pub mod case;
pub mod meeting;
pub mod municipality;
pub mod rhythm;
pub mod signals;
pub mod team;
pub mod workspace;

pub use actions::{ActionLedger, ActionState, next_action_number, next_decision_number};
pub use case::*;
pub use meeting::*;
pub use municipality::Municipality;
pub use team::*;
pub use workspace::{TeamData, Workspace};

/// The version written into every file; bump it when the format changes and add a migration.
pub const FORMAT_VERSION: u32 = 1;
