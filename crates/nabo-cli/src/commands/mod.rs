//! One function per subcommand; `run` picks it. Each opens the database as it needs it
//! (reading, changing, or checking), calls nabo-app and prints through `output`.

mod backups;
mod calendars;
mod counts;
mod exchange;
mod planning;
mod reports;
mod settings;
mod views;

use std::io::{StdoutLock, Write};
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use nabo_app::{database_path, Localizer, Nabo};
use serde::Serialize;

use crate::args::{Cli, Command};
use crate::output::say;
use crate::{Access, Failure, Started};

/// What every command has: the database's path, the words, the time and stdout.
pub(crate) struct Ctx<'a> {
    path: PathBuf,
    l10n: &'a Localizer,
    started: Started,
    out: StdoutLock<'static>,
}

impl Ctx<'_> {
    /// The database, opened for `access`.
    fn open(&self, access: Access) -> Result<Nabo, Failure> {
        crate::open(&self.path, access, self.started)
    }

    /// The time the command runs at.
    fn now(&self) -> DateTime<Utc> {
        self.started.now
    }

    /// Prints the message `id` with `args` as one line on stdout.
    fn line(&mut self, id: &str, args: &[(&str, String)]) -> Result<(), Failure> {
        let text = say(self.l10n, id, args);
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    /// Prints `text` as it is (an id, a table row made by `output`) as one line on stdout.
    fn print(&mut self, text: impl std::fmt::Display) -> Result<(), Failure> {
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    /// Prints `value` as pretty JSON on stdout.
    fn json(&mut self, value: &impl Serialize) -> Result<(), Failure> {
        let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
        writeln!(self.out, "{text}")?;
        Ok(())
    }
}

/// Runs the subcommand.
pub(crate) fn run(cli: Cli, l10n: &Localizer, started: Started) -> Result<(), Failure> {
    // `--db` or NABO_DB (clap reads it), else the data folder: the rule is nabo-app's.
    let path = database_path(cli.db)?;
    let mut ctx = Ctx { path, l10n, started, out: std::io::stdout().lock() };
    let c = &mut ctx;
    match cli.command {
        Command::Init { role, name } => planning::init(c, role, name),
        Command::Plan(plan) => planning::plan(c, plan),
        Command::Cancel { target } => planning::cancel(c, target),
        Command::Skip { target } => planning::skip(c, target),
        Command::Move { target, start, duration } => planning::move_to(c, target, &start, duration),
        Command::List { from, to, json } => views::list(c, from, to, json),
        Command::Stats { period, json } => views::stats(c, period, json),
        Command::Scheme { json } => views::scheme(c, json),
        Command::Check => views::check(c),
        Command::Record { target, counts, remove } => counts::record(c, target, &counts, remove),
        Command::ImportIcs { file, name, dry_run } => calendars::import_ics(c, &file, name, dry_run),
        Command::Calendars { remove } => calendars::calendars(c, remove),
        Command::ExportIcs { out, from, to, detail, alarm } => calendars::export_ics(c, &out, from, to, detail, alarm),
        Command::Settings { json, action } => settings::settings(c, json, action),
        Command::Key(action) => exchange::key(c, action),
        Command::Coordinator { json, action } => exchange::coordinator(c, json, action),
        Command::ExportSummary { period, out, to, plain } => exchange::export_summary(c, &period, &out, to, plain),
        Command::ImportSummary { files, dry_run, json } => exchange::import_summary(c, &files, dry_run, json),
        Command::ExportRollup { period, out, to } => exchange::export_rollup(c, &period, &out, to),
        Command::Volunteers { json, action } => exchange::volunteers(c, json, action),
        Command::Receipt { volunteer, out } => exchange::receipt(c, &volunteer, &out),
        Command::ImportReceipt { file, json } => exchange::import_receipt(c, &file, json),
        Command::Report { from, to, rows, cols, measure, format, out, min_cell } => {
            let request = nabo_app::ReportRequest { from, to, rows, cols, measure, min_cell };
            reports::report(c, &request, format, &out)
        }
        Command::Target(action) => reports::target(c, action),
        Command::Backup { out } => backups::backup(c, out.as_deref()),
        Command::Backups { json, action } => backups::backups(c, json, action),
        Command::Restore { file } => backups::restore(c, &file),
        Command::Erase { yes } => backups::erase(c, yes),
        Command::RemoveLock => backups::remove_lock(c),
    }
}
