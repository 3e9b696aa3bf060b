//! What a panic prints. The default panic message carries the panic's payload, and payloads can
//! hold case text (a slicing error quotes the whole string it sliced). The hook installed here
//! prints only where it happened and that the data is safe up to the last saved change — no
//! payload, so no case text reaches the terminal, a log or a bug report.

use std::panic::PanicHookInfo;

/// The message for a panic: the source location, never the payload.
pub fn report(info: &PanicHookInfo<'_>) -> String {
    let place = info
        .location()
        .map(|l| format!("{}:{}", l.file(), l.line()))
        .unwrap_or_else(|| "?".into());
    format!(
        "overleg: interne fout ({place}). Alles tot de laatste bewaarde wijziging staat op schijf; \
         start overleg opnieuw om verder te gaan. / internal error ({place}); everything up to \
         the last saved change is on disk."
    )
}

/// Replaces the panic hook by one that prints [`report`] to stderr. Call it first thing in
/// `main`; the terminal interface wraps it to restore the terminal before it prints.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| eprintln!("{}", report(info))));
}
