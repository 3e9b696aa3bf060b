//! The intent file of a change set: `.overleg-change.intent` in the team folder, holding the
//! full new content of every file the change writes. Binary (postcard) with a magic header
//! and a CRC-32 of the body, so a damaged intent is recognised as such and never applied.
//! Written with [`crate::storage::write_atomic`], so it has the team folder's permissions
//! (owner-only by default: it holds case contents) and is never seen half-written.

use std::io;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{ChangeKind, Expect, Part};

/// File name of the intent inside a team folder.
pub const INTENT_FILE: &str = ".overleg-change.intent";

const MAGIC: &[u8; 15] = b"OVERLEG-INTENT\x01";
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    kind: ChangeKind,
    parts: Vec<StoredPart>,
}

#[derive(Serialize, Deserialize)]
struct StoredPart {
    /// Relative to the team folder, `/`-separated.
    path: String,
    expect: Expect,
    bytes: Vec<u8>,
    last: bool,
}

/// Why an intent file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum IntentError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// Not an intent of this program, damaged, or naming a path outside the team folder.
    #[error("intent file damaged")]
    Damaged,
}

/// The bytes of an intent for `parts` (paths relative to `team_dir`).
pub(crate) fn encode(team_dir: &Path, kind: &ChangeKind, parts: &[Part]) -> io::Result<Vec<u8>> {
    let parts = parts
        .iter()
        .map(|p| {
            let rel = p.path.strip_prefix(team_dir).map_err(|_| {
                io::Error::other("a change set may only write inside its team folder")
            })?;
            let path = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            Ok(StoredPart {
                path,
                expect: p.expect,
                bytes: p.bytes.clone(),
                last: p.last,
            })
        })
        .collect::<io::Result<Vec<_>>>()?;
    let stored = Stored {
        format: FORMAT,
        kind: kind.clone(),
        parts,
    };
    let body = postcard::to_allocvec(&stored).map_err(io::Error::other)?;
    let mut out = Vec::with_capacity(MAGIC.len() + 4 + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// The change kind and parts of an intent (paths made absolute under `team_dir`).
pub(crate) fn decode(
    team_dir: &Path,
    bytes: &[u8],
) -> Result<(ChangeKind, Vec<Part>), IntentError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(IntentError::Damaged)?;
    let (crc, body) = rest.split_at_checked(4).ok_or(IntentError::Damaged)?;
    let crc = u32::from_le_bytes(crc.try_into().map_err(|_| IntentError::Damaged)?);
    if crc32fast::hash(body) != crc {
        return Err(IntentError::Damaged);
    }
    let stored: Stored = postcard::from_bytes(body).map_err(|_| IntentError::Damaged)?;
    if stored.format != FORMAT {
        return Err(IntentError::Damaged);
    }
    let parts = stored
        .parts
        .into_iter()
        .map(|p| {
            let rel = PathBuf::from(&p.path);
            let inside = !rel.as_os_str().is_empty()
                && rel.components().all(|c| matches!(c, Component::Normal(_)));
            if !inside {
                return Err(IntentError::Damaged);
            }
            Ok(Part {
                path: team_dir.join(rel),
                expect: p.expect,
                bytes: p.bytes,
                last: p.last,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((stored.kind, parts))
}
