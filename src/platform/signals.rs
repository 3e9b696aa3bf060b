//! "Stop now": the operating system asks the interface to end — on Unix SIGTERM, SIGHUP (the
//! terminal window closed) or an outside SIGINT; on Windows a closed console window, Ctrl-Break,
//! logging off or shutting down. The interface then saves and releases the team lock, the way
//! Ctrl-C does.
//!
//! Windows kills the process as soon as the handler of CTRL_CLOSE_EVENT (and of logoff and
//! shutdown) returns, and at the latest about 5 s after the event. So there the handler sets
//! the flag and then waits — at most [`CLOSE_BUDGET`] — until the interface calls
//! [`StopSignals::released`] after it has saved and let go of the lock.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
#[cfg(windows)]
use std::time::Duration;

/// How long the Windows close handler waits for the interface to save and release the lock:
/// below the roughly 5 s Windows allows before it ends the process anyway.
#[cfg(windows)]
pub const CLOSE_BUDGET: Duration = Duration::from_millis(4500);

/// The registered stop signals: [`StopSignals::requested`] turns true when one arrived.
#[derive(Debug)]
pub struct StopSignals {
    flag: Arc<AtomicBool>,
}

impl StopSignals {
    /// The flag the signals set; the interface's loop reads it (and may set it itself, e.g.
    /// when the terminal is gone).
    pub fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.flag)
    }

    /// Has a stop been asked for?
    pub fn requested(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }

    /// Tells a waiting close handler that everything is saved and the lock released, so the
    /// operating system may end the process. Harmless when nothing waits; called again on
    /// drop.
    pub fn released(&self) {
        #[cfg(windows)]
        windows::release();
    }
}

impl Drop for StopSignals {
    fn drop(&mut self) {
        self.released();
    }
}

/// Registers the stop signals of this platform. Call once, before the interface's loop.
pub fn register_stop() -> io::Result<StopSignals> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register(signal, Arc::clone(&flag))?;
        }
    }
    #[cfg(windows)]
    windows::register(Arc::clone(&flag))?;
    Ok(StopSignals { flag })
}

#[cfg(windows)]
mod windows {
    //! SetConsoleCtrlHandler: the handler runs on a thread of its own that Windows starts for
    //! each event.

    use std::io;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Condvar, Mutex, OnceLock};
    use std::time::Instant;

    use windows_sys::Win32::Foundation::{FALSE, TRUE};
    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
        SetConsoleCtrlHandler,
    };
    use windows_sys::core::BOOL;

    /// The flag to set, and "saved and released" with its condition variable.
    struct Shared {
        stop: Arc<AtomicBool>,
        released: Mutex<bool>,
        wake: Condvar,
    }

    static SHARED: OnceLock<Shared> = OnceLock::new();

    pub(super) fn register(flag: Arc<AtomicBool>) -> io::Result<()> {
        if SHARED
            .set(Shared {
                stop: flag,
                released: Mutex::new(false),
                wake: Condvar::new(),
            })
            .is_err()
        {
            // Registered before (a second interface in one process, as in tests): the first
            // flag stays the one that is set.
            return Ok(());
        }
        // SAFETY: `handler` has the signature Windows expects and touches only statics.
        if unsafe { SetConsoleCtrlHandler(Some(handler), TRUE) } == FALSE {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    pub(super) fn release() {
        if let Some(s) = SHARED.get() {
            if let Ok(mut r) = s.released.lock() {
                *r = true;
            }
            s.wake.notify_all();
        }
    }

    unsafe extern "system" fn handler(event: u32) -> BOOL {
        let Some(s) = SHARED.get() else {
            return FALSE;
        };
        match event {
            // Ctrl-C from outside (the interface reads its own Ctrl-C as a key) and Ctrl-Break:
            // the process lives on, the loop sees the flag and stops cleanly.
            CTRL_C_EVENT | CTRL_BREAK_EVENT => {
                s.stop.store(true, Ordering::Relaxed);
                TRUE
            }
            // Windows ends the process when this returns: wait until it is safe.
            CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => {
                s.stop.store(true, Ordering::Relaxed);
                let deadline = Instant::now() + super::CLOSE_BUDGET;
                let Ok(mut released) = s.released.lock() else {
                    return TRUE;
                };
                while !*released {
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    match s.wake.wait_timeout(released, left) {
                        Ok((r, _)) => released = r,
                        Err(_) => return TRUE,
                    }
                }
                TRUE
            }
            _ => FALSE,
        }
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;

    const CHILD: &str = "OVERLEG_SIGNALS_CHILD";

    /// In a child process (this test binary again, so the handlers stay out of the other
    /// tests): register, raise SIGTERM, and exit 0 only if the flag was set and the process
    /// lived on. Unix only: raising a signal in-process has no Windows counterpart here.
    #[test]
    fn sigterm_sets_the_stop_flag_instead_of_ending_the_process() {
        if std::env::var_os(CHILD).is_some() {
            let stop = register_stop().unwrap();
            assert!(!stop.requested());
            signal_hook::low_level::raise(signal_hook::consts::SIGTERM).unwrap();
            assert!(stop.requested());
            stop.released();
            return;
        }
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "platform::signals::tests::sigterm_sets_the_stop_flag_instead_of_ending_the_process",
            ])
            .env(CHILD, "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
    }
}
