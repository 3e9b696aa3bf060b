//! Shared helpers for tests that drive the real `overleg` binary in a pseudo-terminal
//! (portable-pty + vt100): start it, send keys, wait for text on the screen, kill it hard.
//!
//! Nothing here asserts on time: every wait is generous and fails with the screen it saw.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// How long a step may take before the test gives up (slow CI machines).
pub const WAIT: Duration = Duration::from_secs(90);

pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const TAB: &str = "\t";
pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";
pub const CTRL_S: &str = "\x13";
pub const CTRL_C: &str = "\x03";

/// The outcome of a wait that may be cut short by a planned kill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waited {
    /// The text appeared.
    Seen,
    /// The kill moment came first; the process has been killed with SIGKILL.
    Killed,
}

/// One running `overleg` in a pty.
pub struct Session {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// `None` once the terminal was closed ([`Session::hang_up`]).
    writer: Option<Box<dyn Write + Send>>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    /// Tells the output thread to let go of its end of the terminal.
    hung_up: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// When set, every wait kills the process once this moment has passed.
    pub kill_at: Option<Instant>,
    /// With `SOAK_TRACE` set: every key sent, with the time and the screen just before it.
    pub history: Vec<String>,
    started: Instant,
}

impl Session {
    /// Starts `overleg ARGS` in a 120×36 terminal with `home` as its home folder.
    pub fn start(args: &[String], home: &Path) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_overleg"), args, home)
    }

    /// Starts any program (e.g. a shell that sets limits, then runs overleg).
    pub fn start_program(program: &str, args: &[String], home: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 36,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join(".config"));
        let child = pty.slave.spawn_command(cmd).expect("spawn overleg");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let (tx, rx) = channel();
        let hung_up = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop_reading = std::sync::Arc::clone(&hung_up);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                let hung_up = stop_reading.load(std::sync::atomic::Ordering::Relaxed);
                if n == 0 || hung_up || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            writer: Some(writer),
            output: rx,
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(36).expect("rows"),
                std::num::NonZeroU16::new(120).expect("cols"),
                0,
            ),
            master: Some(pty.master),
            hung_up,
            kill_at: None,
            history: Vec::new(),
            started: Instant::now(),
        }
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until `text` is on the screen; fails with the screen when it never comes.
    pub fn wait_for(&mut self, text: &str) {
        if self.wait_or_kill(|s| s.contains(text)) == Waited::Killed {
            panic!("killed while waiting for {text:?}");
        }
    }

    /// Waits until the screen satisfies `ok`, or until the planned kill moment (then kills).
    pub fn wait_or_kill(&mut self, ok: impl Fn(&str) -> bool) -> Waited {
        let deadline = Instant::now() + WAIT;
        loop {
            if self.kill_at.is_some_and(|k| Instant::now() >= k) {
                if std::env::var_os("SOAK_TRACE").is_some() {
                    eprintln!("killed; the screen showed:\n{}", self.screen());
                }
                self.kill_hard();
                return Waited::Killed;
            }
            if ok(&self.screen()) {
                return Waited::Seen;
            }
            if Instant::now() > deadline {
                panic!("waited in vain; the screen shows:\n{}", self.screen());
            }
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(5)) {
                self.parser.process(&bytes);
                while let Ok(more) = self.output.try_recv() {
                    self.parser.process(&more);
                }
            }
        }
    }

    /// Sends keys (ignored when the process is gone).
    pub fn send(&mut self, keys: &str) {
        if std::env::var_os("SOAK_TRACE").is_some() {
            self.history.push(format!(
                "--- {} ms: send {keys:?}; the screen before:\n{}",
                self.started.elapsed().as_millis(),
                self.screen()
            ));
        }
        if let Some(w) = &mut self.writer {
            let _ = w.write_all(keys.as_bytes());
            let _ = w.flush();
        }
    }

    /// Sends keys and waits for text.
    pub fn step(&mut self, keys: &str, expect: &str) {
        self.send(keys);
        self.wait_for(expect);
    }

    /// Sends keys and waits for text, unless the kill moment comes first.
    pub fn step_or_kill(&mut self, keys: &str, expect: &str) -> Waited {
        self.send(keys);
        self.wait_or_kill(|s| s.contains(expect))
    }

    /// Closes the terminal, as closing its window does: the process gets SIGHUP and its
    /// terminal is gone for good (reads fail, writes fail).
    /// The output thread lets go of its end at the next output (the clock redraws every
    /// second during a meeting); then the master side is closed for good.
    pub fn hang_up(&mut self) {
        self.hung_up
            .store(true, std::sync::atomic::Ordering::Relaxed);
        self.writer = None;
        self.master = None;
    }

    /// Has the process stopped?
    pub fn exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }

    /// Waits until the process stops.
    pub fn wait_exit(&mut self) {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if self.exited() {
                return;
            }
            while let Ok(bytes) = self.output.try_recv() {
                self.parser.process(&bytes);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("overleg did not stop; the screen shows:\n{}", self.screen());
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Kills the process with SIGKILL (no chance to clean up) and waits until it is gone.
    pub fn kill_hard(&mut self) {
        let pid = self.pid();
        let status = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("kill");
        // It may have stopped by itself just before.
        assert!(status.success() || self.exited());
        self.kill_at = None;
        self.wait_exit();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !self.exited() {
            let _ = self.child.kill();
        }
    }
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&p, to.join(entry.file_name())).expect("copy");
        }
    }
}

/// A temporary copy of the shipped demo data (`data/`) and an empty home folder.
pub struct DemoCopy {
    pub tmp: tempfile::TempDir,
}

impl DemoCopy {
    pub fn new() -> DemoCopy {
        let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let tmp = tempfile::tempdir().expect("temp dir");
        copy_dir(&demo, &tmp.path().join("data"));
        std::fs::create_dir_all(tmp.path().join("home")).expect("home");
        DemoCopy { tmp }
    }

    pub fn data(&self) -> std::path::PathBuf {
        self.tmp.path().join("data")
    }

    pub fn home(&self) -> std::path::PathBuf {
        self.tmp.path().join("home")
    }

    /// The folder of the main demo team.
    pub fn team_dir(&self) -> std::path::PathBuf {
        self.data().join("wijkteam-stroinkslanden-zuid")
    }

    /// Arguments for the main demo team on its meeting day.
    pub fn args(&self) -> Vec<String> {
        [
            "--data",
            &self.data().to_string_lossy(),
            "--today",
            "2026-11-23",
            "--team",
            "stroinkslanden-zuid",
        ]
        .map(String::from)
        .to_vec()
    }
}
