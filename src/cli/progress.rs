//! Progress on long work (indicatif), drawn on stderr only when stderr is a terminal: piped
//! or scripted output stays clean. A spinner shows itself only once the work has taken a
//! second, so quick commands draw nothing.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work may take before a spinner appears.
const SHOW_AFTER: Duration = Duration::from_secs(1);

fn visible() -> bool {
    std::io::stderr().is_terminal()
}

/// A spinner with a message, for work whose size is not known in advance; it appears after
/// [`SHOW_AFTER`] unless finished before. Call `finish_and_clear` when done.
pub fn spinner(message: &str) -> ProgressBar {
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    if !visible() {
        return pb;
    }
    pb.set_style(
        ProgressStyle::with_template("{spinner} {msg} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    pb.set_message(message.to_string());
    let later = pb.clone();
    std::thread::spawn(move || {
        std::thread::sleep(SHOW_AFTER);
        if !later.is_finished() {
            later.set_draw_target(ProgressDrawTarget::stderr());
            later.enable_steady_tick(Duration::from_millis(120));
        }
    });
    pb
}

/// A bar over `len` steps (shown at once: it is only used for long work).
pub fn bar(len: u64, message: &str) -> ProgressBar {
    if !visible() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    pb.set_message(message.to_string());
    pb
}
