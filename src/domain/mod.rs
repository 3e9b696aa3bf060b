//! The domain of a casuïstiekoverleg: teams, cases (households), meetings and the rules that
//! connect them. Nothing here knows about terminals or files.

pub mod actions;
pub mod case;
pub mod distribution;
pub mod expertise;
pub mod intake;
pub mod intake_form;
pub mod lenient;
pub mod lifecycle;
pub mod meeting;
pub mod membership;
pub mod municipality;
pub mod rhythm;
pub mod signals;
pub mod team;
pub mod workspace;

pub use actions::{
    ActionLedger, ActionState, OwnerChange, next_action_number, next_decision_number,
};
pub use case::*;
pub use distribution::*;
pub use expertise::{ExpertiseMatch, expertise_matches};
pub use intake::{Aanmelding, AanmeldingError, Wachtend, next_case_code, register, verdeellijst};
pub use lifecycle::{Afsluitreden, CaseChange, CaseEvent, TransitionError};
pub use meeting::*;
pub use municipality::Municipality;
pub use team::*;
pub use workspace::{TeamData, Workspace};

/// The version written into every file; bump it when the format changes and add a migration.
pub const FORMAT_VERSION: u32 = 1;
