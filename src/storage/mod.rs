//! Reading and writing the team folder: `team.ron`, `cases/<code>.ron`,
//! `meetings/<date>.ron`, `minutes/`. A municipality folder holds several team folders and an
//! optional `gemeente.ron`.
//!
//! Loading never writes and never stops at the first fault: [`load_workspace`] loads every file
//! it can and returns every problem it finds, each located as `path:line:column`. Saving is
//! atomic and refuses to overwrite a file that currently fails to parse.

mod atomic;
mod cache;
mod codes;
pub(crate) mod crashpoint;
mod load;
mod locate;
mod problem;
mod read;
mod ron_io;
mod save;
mod validate;

pub mod changeset;
pub mod conflicts;
pub mod derived;
pub mod guard;
pub mod lock;
pub mod perm;
pub mod synced;

pub use atomic::{remove_stale_temp_files, write_atomic};
pub use cache::{CACHE_FILE, cache_enabled, remove_stale_user_caches};
pub use codes::{case_codes_in_use, save_new_case};
pub use load::{
    LoadOutcome, MUNICIPALITY_FILE, TEAM_FILE, load_workspace, load_workspace_cached,
    load_workspace_cached_lookup, load_workspace_lookup, load_workspace_quick, team_folder_of,
    team_folders,
};
pub use problem::{Period, Problem, ProblemKind};
pub use read::{FileKind, MAX_FILE_BYTES, MAX_MEETING_BYTES, NotRegular, limit_for};
pub use ron_io::{from_ron, ron_options, to_ron};
pub use save::{
    SaveError, case_path, meeting_path, save_case, save_meeting, save_municipality, save_team,
};
pub use validate::is_case_code;

/// The `gemeente.ron` of a municipality folder, when it is there and parses.
pub fn load_municipality(dir: &std::path::Path) -> Option<crate::domain::Municipality> {
    read::load_file(&dir.join(MUNICIPALITY_FILE)).ok()
}
