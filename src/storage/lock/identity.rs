//! Who and where a lock holder is: a random token per lock, the machine (and on Linux the
//! pid namespace) its pid means something on, the host and user names for people, and
//! whether a process is still alive — asked only on the same machine.

use std::sync::OnceLock;

use sha2::{Digest, Sha256};

/// A fresh random token (128 bits, hex) that names one holding of the lock.
pub(crate) fn new_token() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// The space in which a lock's pid can be checked: a hash of the machine id (never the id
/// itself: `/etc/machine-id` is meant to stay on the machine) and, on Linux, the pid
/// namespace (two containers of one image share a machine id but not their pids). Two
/// laptops, or two containers, with one host name differ here.
pub fn process_space() -> &'static str {
    static SPACE: OnceLock<String> = OnceLock::new();
    SPACE.get_or_init(|| {
        let mut h = Sha256::new();
        h.update(b"overleg-lock-v1\0");
        h.update(machine_id().as_bytes());
        #[cfg(target_os = "linux")]
        if let Ok(ns) = std::fs::read_link("/proc/self/ns/pid") {
            h.update(b"\0");
            h.update(ns.as_os_str().as_encoded_bytes());
        }
        let digest = h.finalize();
        digest[..16].iter().map(|b| format!("{b:02x}")).collect()
    })
}

/// The machine id: `/etc/machine-id` (Linux), `IOPlatformUUID` (macOS), `MachineGuid`
/// (Windows), through `machine-uid`; else an id generated once and kept in the user's data
/// folder; else one per process (then the pid is never checked, only the heartbeat).
fn machine_id() -> String {
    if let Ok(id) = machine_uid::get()
        && !id.trim().is_empty()
    {
        return id.trim().to_string();
    }
    stored_id().unwrap_or_else(|| format!("process-{}", new_token()))
}

fn stored_id() -> Option<String> {
    let dir = dirs::data_local_dir()?.join("overleg");
    let file = dir.join("machine-id");
    if let Ok(text) = std::fs::read_to_string(&file)
        && !text.trim().is_empty()
    {
        return Some(text.trim().to_string());
    }
    std::fs::create_dir_all(&dir).ok()?;
    let id = new_token();
    crate::storage::write_atomic(&file, id.as_bytes()).ok()?;
    Some(id)
}

/// The host name, for people ("in gebruik door … op LAPTOP-12").
pub(crate) fn host_name() -> String {
    let name = gethostname::gethostname()
        .to_string_lossy()
        .trim()
        .to_string();
    if name.is_empty() {
        "onbekend".into()
    } else {
        name
    }
}

/// The user name, for people.
pub(crate) fn user_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "onbekend".into())
}

/// Is process `pid` alive on this machine? (Only meaningful within [`process_space`].) When
/// in doubt: alive — the lock is then taken over only after its heartbeat stopped.
#[cfg(unix)]
pub fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: kill with signal 0 sends nothing; it only checks that the pid exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// Is process `pid` alive on this machine? When in doubt: alive.
#[cfg(windows)]
pub fn process_alive(pid: u32) -> bool {
    use windows_sys::Win32::Foundation::{CloseHandle, ERROR_INVALID_PARAMETER, GetLastError};
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    const STILL_ACTIVE: u32 = 259;
    // SAFETY: plain Win32 calls on a handle this function owns and closes.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            // No such process; any other failure (access denied) means it exists.
            return GetLastError() != ERROR_INVALID_PARAMETER;
        }
        let mut code: u32 = 0;
        let ok = GetExitCodeProcess(handle, &mut code);
        CloseHandle(handle);
        ok == 0 || code == STILL_ACTIVE
    }
}

/// Elsewhere the pid cannot be checked: alive, so only the heartbeat counts.
#[cfg(not(any(unix, windows)))]
pub fn process_alive(_pid: u32) -> bool {
    true
}
