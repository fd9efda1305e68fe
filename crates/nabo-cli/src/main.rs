//! `nabo`: the command line over Nabo's service API.
//!
//! Parsing is clap's (`args.rs`); every use-case is nabo-app's, called by one function per
//! subcommand (`commands/`); `output.rs` prints. This file reads the environment and the
//! clock, opens the database and maps the outcome to the exit codes of the CLI contract:
//! 0 ok, 2 usage, 65 refused input, 1 anything else.

mod args;
mod commands;
mod output;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::Parser;
use std::io::IsTerminal;

use nabo_app::{AppError, KeySource, Language, Localizer, Nabo, StoreError};

use crate::args::{Cli, LangArg};
use crate::output::one_line;

/// Why a command failed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The service refused or failed.
    App(AppError),
    /// Writing the output failed.
    Output(std::io::Error),
    /// `check` found damage (already listed on stdout).
    Damaged,
    /// Refused input whose message is already on stderr.
    Refused,
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        Failure::App(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Output(e)
    }
}

impl From<nabo_app::DurationError> for Failure {
    fn from(e: nabo_app::DurationError) -> Self {
        Failure::App(AppError::from(e))
    }
}

fn main() -> ExitCode {
    // The environment and the clock are read here, in the adapter, and passed in.
    let computer_language = Language::from_variables(|k| std::env::var(k).ok());
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, &Localizer::new(computer_language)),
    };
    let language = match cli.lang {
        Some(LangArg::Da) => Language::Danish,
        Some(LangArg::En) => Language::English,
        None => computer_language,
    };
    let l10n = Localizer::new(language);
    let words = |id: &str, args: &[(&str, String)]| {
        let args = args.iter().map(|(k, v)| (k.to_string(), v.clone())).collect::<BTreeMap<_, _>>();
        l10n.message(id, &args)
    };
    // NABO_NOW (RFC 3339) stands in for the clock, for tests and reproducible runs.
    let now = match std::env::var("NABO_NOW") {
        Err(_) => Utc::now(),
        Ok(text) => match DateTime::parse_from_rfc3339(text.trim()) {
            Ok(t) => t.with_timezone(&Utc),
            Err(_) => {
                // The text is not repeated: the message names the variable and the form it needs.
                eprintln!("nabo: {}", one_line(&words("cli-bad-now", &[("env", "NABO_NOW".into())])));
                return ExitCode::from(2);
            }
        },
    };
    match commands::run(cli, &l10n, Started { computer_language, now }) {
        Ok(()) => {
            if ENCRYPTED_NOW.load(std::sync::atomic::Ordering::Relaxed) {
                eprintln!("nabo: {}", one_line(&l10n.message("cli-encrypted-now", &BTreeMap::new())));
            }
            if let Ok(notices) = START_NOTICES.lock() {
                crate::output::report_notices(&notices, &l10n);
            }
            if READ_DAMAGED.load(std::sync::atomic::Ordering::Relaxed) {
                eprintln!("nabo: {}", one_line(&l10n.message("cli-damaged-reading", &BTreeMap::new())));
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            let (message, code) = match &failure {
                Failure::App(e) => (l10n.error(e), exit_code(e)),
                // A closed pipe (`nabo list | head`) is not worth a message.
                Failure::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
                Failure::Output(e) => (words("cli-output-failed", &[("reason", e.to_string())]), 1),
                Failure::Damaged => (l10n.message("cli-check-damaged", &BTreeMap::new()), 1),
                Failure::Refused => return ExitCode::from(65),
            };
            eprintln!("nabo: {}", one_line(&message));
            ExitCode::from(code)
        }
    }
}

/// Help and version go to stdout as clap writes them; a usage error is one line on stderr
/// (the CLI contract), exit 2: clap's own first line, without its "error: " and the usage block.
fn usage_error(e: &clap::Error, l10n: &Localizer) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand { 2 } else { 0 });
    }
    let rendered = e.render().to_string();
    // clap's own line stays in clap's English: it names the option or value that was wrong.
    let fallback = l10n.message("cli-usage-error", &BTreeMap::new());
    let first = rendered.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(&fallback);
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let args = BTreeMap::from([("problem".to_string(), strip_controls(first))]);
    eprintln!("nabo: {}", one_line(&l10n.message("cli-see-help", &args)));
    ExitCode::from(2)
}

/// Text the user typed may reach a usage message: terminal escapes and other controls are dropped.
fn strip_controls(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

/// The exit code of a failed use-case: 65 when the user's input was refused, else 1.
fn exit_code(e: &AppError) -> u8 {
    // `init` where a database already exists refuses the path given (CLI contract: 65).
    if e.is_refused_input() || e.code() == nabo_app::ErrorCode::DatabaseExists {
        65
    } else {
        1
    }
}

/// What `main` read from the environment and the clock for [`Nabo::start`].
#[derive(Clone, Copy)]
pub(crate) struct Started {
    pub(crate) computer_language: Language,
    pub(crate) now: DateTime<Utc>,
}

/// What a command does with the database, which decides whether a damaged one is warned of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Only reads: on a damaged database it goes on, after one warning line on stderr.
    Read,
    /// Changes something: on a damaged database the change is refused with one error line,
    /// so no warning is added before it (a refusal is one line).
    Change,
    /// `check`, which reports the damage itself.
    Check,
}

/// Runs `open` with the database's key: `NABO_PASSPHRASE`, else the OS key store; where
/// there is no key store and the user is at a terminal, a passphrase asked for without echo
/// (twice for a new database). Never from an argument: it would stay in the shell's history.
pub(crate) fn with_key<T>(open: impl Fn(&KeySource) -> Result<T, AppError>, new: bool) -> Result<T, AppError> {
    match open(&KeySource::from_passphrase(std::env::var(nabo_app::PASSPHRASE_VAR).ok())) {
        Err(AppError::NoKeyStore) if std::io::stdin().is_terminal() => {
            let ask = |prompt: &str| rpassword::prompt_password(prompt).map_err(|_| AppError::NoKeyStore);
            let passphrase = ask("Nabo passphrase: ")?;
            if new && ask("Again: ")? != passphrase {
                return Err(AppError::KeyStore { reason: "the two passphrases differ".into() });
            }
            open(&KeySource::Passphrase(passphrase.into()))
        }
        other => other,
    }
}

/// Set when the command found a database from before encryption and encrypted it: said on
/// stderr once the command has succeeded.
static ENCRYPTED_NOW: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// What the start-up routine had to say (household code names and notes erased, a live calendar
/// file not rewritten after it): said on stderr once the command has succeeded, like
/// [`ENCRYPTED_NOW`], so that a command that fails still says one line only.
static START_NOTICES: std::sync::Mutex<Vec<nabo_app::NoticeView>> = std::sync::Mutex::new(Vec::new());

/// Set when a command read a damaged database. `main` warns of it on stderr once the command
/// has succeeded, so a command that then fails still says one line only: its error.
static READ_DAMAGED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Opens the database for a command. `NABO_BUSY_TIMEOUT_MS` shortens how long a change waits
/// for another Nabo that is writing (default 30 s); it exists for tests, which cannot wait that
/// long, and is not part of the CLI contract.
pub(crate) fn open(path: &Path, access: Access, started: Started) -> Result<Nabo, Failure> {
    let mut nabo = with_key(|keys| Nabo::open(path, keys), false)?;
    if nabo.was_encrypted_now() {
        ENCRYPTED_NOW.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    if let Some(ms) = std::env::var("NABO_BUSY_TIMEOUT_MS").ok().and_then(|v| v.trim().parse::<u64>().ok()) {
        nabo.set_busy_timeout(std::time::Duration::from_millis(ms))?;
    }
    match access {
        Access::Read if nabo.is_damaged() => READ_DAMAGED.store(true, std::sync::atomic::Ordering::Relaxed),
        // Refused before anything is looked up: a row on a damaged page may be unreadable,
        // and "there is no appointment 2" would send the user the wrong way.
        Access::Change if nabo.is_damaged() => return Err(AppError::Store(StoreError::DamagedDatabase).into()),
        _ => {}
    }
    let report = nabo.start(started.computer_language, started.now)?;
    if let Ok(mut notices) = START_NOTICES.lock() {
        notices.extend(report.notices);
    }
    Ok(nabo)
}
