//! `nabo`: the command line over Nabo's service API.
//!
//! Parsing is clap's; every use-case is nabo-app's. This file maps the
//! outcome to stdout, one-line errors on stderr and the exit codes of the CLI
//! contract: 0 ok, 2 usage, 65 refused input, 1 anything else.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono::{Datelike, NaiveDate};
use clap::{Args, Parser, Subcommand, ValueEnum};
use nabo_app::{
    database_path, parse_date, today_in_copenhagen, ActivityId, ActivityKind, ActivityStatus, ActivityView, AppError,
    BusyView, CalendarItem, ConflictKindView, ConflictView, Detail, Details, ExportOptions, ImportReport, Language,
    Localizer, Minutes, Nabo, NoticeView, PlanOutcome, PlanRequest, Programme, Role, StoreError, DB_ENV_VAR,
    SETTING_KEYS,
};

/// Offline planner for Bydelsmødre and Baba volunteers.
#[derive(Debug, Parser)]
#[command(name = "nabo", version, about, propagate_version = true)]
struct Cli {
    /// The database file [default: the OS data directory]
    #[arg(long, global = true, env = DB_ENV_VAR, value_name = "PATH")]
    db: Option<PathBuf>,

    /// Language of messages: da or en [default: from NABO_LANG or the locale]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Da,
    En,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the database for this user
    Init {
        /// Who uses this database
        #[arg(long, value_enum, default_value = "volunteer")]
        role: RoleArg,
        /// A name to show your coordinator (optional)
        #[arg(long)]
        name: Option<String>,
    },
    /// Plan an activity; prints its id
    #[command(subcommand)]
    Plan(PlanCommand),
    /// List activities in a range of days
    List {
        /// First day, YYYY-MM-DD [default: today]
        #[arg(long, allow_hyphen_values = true)]
        from: Option<String>,
        /// Last day, YYYY-MM-DD [default: six days after --from]
        #[arg(long, allow_hyphen_values = true)]
        to: Option<String>,
        /// Print a JSON array instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Cancel an activity, a series, or one meeting of a series (it stays in the calendar, marked cancelled)
    Cancel {
        /// The activity's id, or ID@YYYY-MM-DD for one meeting of a series
        #[arg(value_parser = parse_target)]
        target: Target,
    },
    /// Take one meeting out of a series: ID@YYYY-MM-DD
    Skip {
        /// The series' id and the day of the meeting, e.g. 3@2026-12-08
        #[arg(value_parser = parse_target)]
        target: Target,
    },
    /// Move an activity, or one meeting of a series (ID@YYYY-MM-DD), to a new time
    Move {
        /// The activity's id, or ID@YYYY-MM-DD for one meeting of a series
        #[arg(value_parser = parse_target)]
        target: Target,
        /// The new start, Copenhagen time: YYYY-MM-DDTHH:MM
        #[arg(long, allow_hyphen_values = true)]
        start: String,
        /// How long it lasts from the new start, e.g. 45m or 2h [default: as long as now]
        #[arg(long, allow_hyphen_values = true)]
        duration: Option<String>,
    },
    /// Check the database's integrity and upcoming conflicts
    Check,
    /// Read another calendar's .ics export as busy time (again: updates it)
    #[command(name = "import-ics")]
    ImportIcs {
        /// The .ics file (from Google, Outlook, Apple, Thunderbird …)
        file: PathBuf,
        /// The calendar's name in Nabo [default: its own name, else the file's]
        #[arg(long)]
        name: Option<String>,
        /// Say what would change, without saving anything
        #[arg(long)]
        dry_run: bool,
    },
    /// Record anonymised counts on an activity that took place (marks it done)
    Record {
        /// The activity's id, or ID@YYYY-MM-DD for one meeting of a series
        #[arg(value_parser = parse_target)]
        target: Target,
        /// Counts as key=number, e.g. reached=3 new=1 gender.women=3 (see `nabo scheme`)
        #[arg(value_name = "KEY=N", required_unless_present = "remove", conflicts_with = "remove")]
        counts: Vec<String>,
        /// Remove the counts recorded on it instead (it did not take place after all); logged like a correction
        #[arg(long)]
        remove: bool,
    },
    /// Show the category scheme: every key counts can be recorded with
    Scheme {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Your month: activities by kind and status, people reached, new contacts, topics, referrals
    Stats {
        /// The month, YYYY-MM [default: this month]
        #[arg(long, allow_hyphen_values = true)]
        period: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// List imported calendars, or remove one with --remove NAME
    Calendars {
        /// Remove this calendar and its busy time
        #[arg(long, value_name = "NAME")]
        remove: Option<String>,
    },
    /// Write your calendar as an .ics file for other calendar apps
    #[command(name = "export-ics")]
    ExportIcs {
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only activities from this day, YYYY-MM-DD
        #[arg(long, allow_hyphen_values = true)]
        from: Option<String>,
        /// Only activities until this day, YYYY-MM-DD
        #[arg(long, allow_hyphen_values = true)]
        to: Option<String>,
        /// discreet: neutral titles, area only; full: everything except notes
        #[arg(long, value_enum, default_value = "discreet")]
        detail: DetailArg,
        /// Add a reminder this many minutes before each activity
        #[arg(long, value_name = "MINUTES", value_parser = clap::value_parser!(u32).range(0..=10080))]
        alarm: Option<u32>,
    },
    /// Show every setting, or change one with `settings set KEY VALUE`
    #[command(after_help = settings_help())]
    Settings {
        /// Print JSON (the window's settings object) instead of a table
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<SettingsCommand>,
    },
}

#[derive(Debug, Subcommand)]
enum SettingsCommand {
    /// Set one setting, checked as in the window's settings
    #[command(after_help = settings_help())]
    Set {
        /// Which setting (see the list below)
        key: String,
        /// Its new value: a number, on/off, a word from the list, or for live-calendar a full .ics path or off
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
}

/// The list of keys under `nabo settings set --help`, from nabo-app's one list.
fn settings_help() -> String {
    format!(
        "Settings: {}\n\nlive-calendar PATH|off: the .ics file Nabo rewrites after every change (off: none)\n",
        SETTING_KEYS.join(", ")
    )
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DetailArg {
    Discreet,
    Full,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RoleArg {
    Volunteer,
    Coordinator,
}

#[derive(Debug, Subcommand)]
enum PlanCommand {
    /// Plan a home visit
    Visit {
        #[command(flatten)]
        when: When,
        /// The area or neighbourhood
        #[arg(long)]
        area: String,
        /// The household's code name, e.g. H-17 (never a name)
        #[arg(long)]
        household: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Plan a group meeting
    Meeting {
        #[command(flatten)]
        when: When,
        /// Where it takes place
        #[arg(long)]
        venue: String,
        /// What it is about
        #[arg(long)]
        theme: String,
        /// The area or neighbourhood
        #[arg(long)]
        area: Option<String>,
        /// Repeat as an RFC 5545 RRULE, e.g. "FREQ=WEEKLY;BYDAY=TU;COUNT=8"
        #[arg(long)]
        rrule: Option<String>,
        /// How many people usually come
        #[arg(long, value_name = "N")]
        expected_size: Option<u32>,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Debug, Args)]
struct When {
    /// Start, Copenhagen time: YYYY-MM-DDTHH:MM
    #[arg(long, allow_hyphen_values = true)]
    start: String,
    /// How long: e.g. 45m, 1h30m, 2h
    #[arg(long, allow_hyphen_values = true)]
    duration: String,
}

#[derive(Debug, Args)]
struct Common {
    /// Your own title
    #[arg(long)]
    title: Option<String>,
    /// A private note (never exported)
    #[arg(long)]
    note: Option<String>,
    /// The programme
    #[arg(long, value_enum)]
    programme: Option<ProgrammeArg>,
    /// A language used (repeat for more)
    #[arg(long = "language", value_name = "LANG")]
    languages: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ProgrammeArg {
    Bydelsmoedre,
    Baba,
}

/// Why a command failed.
#[derive(Debug)]
enum Failure {
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
    match run(cli, &l10n, Started { computer_language, now }) {
        Ok(()) => {
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

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What `main` read from the environment and the clock for [`Nabo::start`].
#[derive(Clone, Copy)]
struct Started {
    computer_language: Language,
    now: DateTime<Utc>,
}

fn run(cli: Cli, l10n: &Localizer, started: Started) -> Result<(), Failure> {
    let now = started.now;
    // `--db` or NABO_DB (clap reads it), else the data folder: the rule is nabo-app's.
    let path = database_path(cli.db)?;
    let open = |path: &Path, access: Access| open(path, access, started);
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Init { role, name } => {
            let role = match role {
                RoleArg::Volunteer => Role::Volunteer,
                RoleArg::Coordinator => Role::Coordinator,
            };
            let nabo = Nabo::init(&path, role, name, now)?;
            let args = BTreeMap::from([("path".to_string(), nabo.database_path().display().to_string())]);
            writeln!(out, "{}", l10n.message("cli-initialised", &args))?;
        }
        Command::Plan(plan) => {
            let request = plan_request(plan)?;
            let mut nabo = open(&path, Access::Change)?;
            let outcome = nabo.plan(request, now)?;
            report_plan(&outcome, l10n);
            writeln!(out, "{}", outcome.id)?;
        }
        Command::List { from, to, json } => {
            let from = match from {
                Some(s) => parse_date("from", &s)?,
                None => today_in_copenhagen(now),
            };
            let to = match to {
                Some(s) => parse_date("to", &s)?,
                None => from + Duration::days(6),
            };
            let nabo = open(&path, Access::Read)?;
            let items = nabo.calendar(from, to)?;
            if json {
                let text = serde_json::to_string_pretty(&items).map_err(std::io::Error::other)?;
                writeln!(out, "{text}")?;
            } else if items.is_empty() {
                let args = BTreeMap::from([("from".into(), from.to_string()), ("to".into(), to.to_string())]);
                writeln!(out, "{}", l10n.message("cli-list-empty", &args))?;
            } else {
                for item in &items {
                    let line = match item {
                        CalendarItem::Activity(a) => table_row(a, l10n),
                        CalendarItem::Busy(b) => busy_row(b, l10n),
                    };
                    writeln!(out, "{line}")?;
                }
            }
        }
        Command::ImportIcs { file, name, dry_run } => {
            let mut nabo = open(&path, if dry_run { Access::Read } else { Access::Change })?;
            let report = nabo.import_ics(&file, name.as_deref(), dry_run, now)?;
            report_import(&report, l10n);
            let args = BTreeMap::from([
                ("source".to_string(), report.source.clone()),
                ("added".to_string(), report.added.to_string()),
                ("changed".to_string(), report.changed.to_string()),
                ("unchanged".to_string(), report.unchanged.to_string()),
                ("removed".to_string(), report.removed.to_string()),
            ]);
            let id = if report.dry_run { "cli-import-dry-run" } else { "cli-imported" };
            writeln!(out, "{}", l10n.message(id, &args))?;
        }
        Command::Record { target, counts, remove } => {
            let given = nabo_app::parse_counts(&counts)?;
            let mut nabo = open(&path, Access::Change)?;
            let occurrence = match target.date {
                Some(date) => Some(nabo.occurrence_on(target.id, date)?),
                None => None,
            };
            if remove {
                let removed = nabo.remove_counts(target.id, occurrence.as_deref(), now)?;
                report_notices(&removed.notices, l10n);
                let removed = removed.value;
                let args = BTreeMap::from([("id".to_string(), target.to_string())]);
                let id = if removed { "cli-counts-removed" } else { "cli-counts-none-to-remove" };
                writeln!(out, "{}", l10n.message(id, &args))?;
                return Ok(());
            }
            let changed = nabo.record(target.id, occurrence.as_deref(), &given, now)?;
            report_notices(&changed.notices, l10n);
            let outcome = changed.value;
            for w in &outcome.warnings {
                let args = BTreeMap::from([
                    ("reached".to_string(), w.reached.to_string()),
                    ("usual".to_string(), w.usual.to_string()),
                ]);
                eprintln!("nabo: {}", l10n.message("cli-counts-much-larger", &args));
            }
            let value = |k: &str| outcome.values.get(k).copied().unwrap_or(0).to_string();
            let args = BTreeMap::from([
                ("id".to_string(), target.to_string()),
                ("reached".to_string(), value("reached")),
                ("new".to_string(), value("new")),
            ]);
            let id = if outcome.edited { "cli-recorded-edited" } else { "cli-recorded" };
            writeln!(out, "{}", l10n.message(id, &args))?;
        }
        Command::Scheme { json } => {
            let nabo = open(&path, Access::Read)?;
            let scheme = nabo.scheme()?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&scheme).map_err(std::io::Error::other)?)?;
            } else {
                let args = BTreeMap::from([("version".to_string(), scheme.version.clone())]);
                writeln!(out, "{}", l10n.message("cli-scheme-title", &args))?;
                let english = l10n.language() == Language::English;
                let label = |da: &str, en: &str| if english { en.to_string() } else { da.to_string() };
                for group in &scheme.groups {
                    let kind = l10n.message(&format!("cli-scheme-{}", group.kind), &BTreeMap::new());
                    writeln!(out)?;
                    writeln!(out, "{} ({kind})", label(&group.da, &group.en))?;
                    if group.buckets.is_empty() {
                        writeln!(out, "  {}", group.key)?;
                    }
                    for b in &group.buckets {
                        writeln!(out, "  {:<34} {}", b.key, label(&b.da, &b.en))?;
                    }
                }
            }
        }
        Command::Stats { period, json } => {
            let first = match period {
                Some(p) => nabo_app::parse_period(&p)?,
                None => today_in_copenhagen(now).with_day(1).unwrap_or_else(|| today_in_copenhagen(now)),
            };
            let nabo = open(&path, Access::Read)?;
            let stats = nabo.month_stats(first)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&stats).map_err(std::io::Error::other)?)?;
            } else {
                write_stats(&mut out, &stats, &nabo.scheme()?, l10n)?;
            }
        }
        Command::Calendars { remove } => {
            let mut nabo = open(&path, if remove.is_none() { Access::Read } else { Access::Change })?;
            match remove {
                Some(name) => {
                    let args = BTreeMap::from([("name".to_string(), name.clone())]);
                    if !nabo.remove_busy_source(&name)? {
                        eprintln!("nabo: {}", l10n.message("cli-calendar-unknown", &args));
                        return Err(Failure::Refused);
                    }
                    writeln!(out, "{}", l10n.message("cli-calendar-removed", &args))?;
                }
                None => {
                    let sources = nabo.busy_sources()?;
                    if sources.is_empty() {
                        writeln!(out, "{}", l10n.message("cli-calendars-empty", &BTreeMap::new()))?;
                    }
                    for s in sources {
                        let args = BTreeMap::from([
                            ("name".to_string(), s.name),
                            ("entries".to_string(), s.entries.to_string()),
                            ("imported".to_string(), short_time(&s.imported)),
                        ]);
                        writeln!(out, "{}", l10n.message("cli-calendars-row", &args))?;
                    }
                }
            }
        }
        Command::Cancel { target } => {
            let mut nabo = open(&path, Access::Change)?;
            let changed = match target.date {
                None => nabo.cancel(target.id, now)?,
                Some(date) => {
                    let occurrence = nabo.occurrence_on(target.id, date)?;
                    nabo.set_status(target.id, Some(&occurrence), ActivityStatus::Cancelled, now)?
                }
            };
            report_notices(&changed.notices, l10n);
            let args = BTreeMap::from([("id".to_string(), target.to_string())]);
            writeln!(out, "{}", l10n.message("cli-cancelled", &args))?;
        }
        Command::ExportIcs { out: file, from, to, detail, alarm } => {
            let options = ExportOptions {
                detail: match detail {
                    DetailArg::Discreet => Detail::Discreet,
                    DetailArg::Full => Detail::Full,
                },
                from: from.map(|d| parse_date("from", &d)).transpose()?,
                to: to.map(|d| parse_date("to", &d)).transpose()?,
                alarm_minutes: alarm,
            };
            let nabo = open(&path, Access::Read)?;
            let count = nabo.export_ics_to(&file, &options, l10n, now)?;
            let args = BTreeMap::from([
                ("count".to_string(), count.to_string()),
                ("path".to_string(), file.display().to_string()),
            ]);
            writeln!(out, "{}", l10n.message("cli-exported", &args))?;
        }
        Command::Skip { target } => {
            let mut nabo = open(&path, Access::Change)?;
            let date =
                target.date.ok_or(AppError::NotAnOccurrence { id: target.id.0, occurrence: target.to_string() })?;
            let occurrence = nabo.occurrence_on(target.id, date)?;
            let changed = nabo.skip_occurrence(target.id, &occurrence, now)?;
            report_notices(&changed.notices, l10n);
            let args = BTreeMap::from([("id".to_string(), target.to_string())]);
            writeln!(out, "{}", l10n.message("cli-skipped", &args))?;
        }
        Command::Move { target, start, duration } => {
            let mut nabo = open(&path, Access::Change)?;
            let occurrence = target.date.map(|date| nabo.occurrence_on(target.id, date)).transpose()?;
            let length: Minutes = match duration {
                Some(text) => text.parse()?,
                None => {
                    let current = match &occurrence {
                        Some(o) => nabo.occurrence_view(target.id, o)?,
                        None => nabo.get(target.id)?,
                    };
                    minutes_between(&current.start, &current.end)?
                }
            };
            let outcome = nabo.move_for(target.id, occurrence.as_deref(), &start, length, now)?;
            report_plan(&outcome, l10n);
            let args = BTreeMap::from([("id".to_string(), target.to_string())]);
            writeln!(out, "{}", l10n.message("cli-moved", &args))?;
        }
        Command::Settings { json, action } => match action {
            None => {
                let nabo = open(&path, Access::Read)?;
                let settings = nabo.settings()?;
                if json {
                    writeln!(out, "{}", serde_json::to_string_pretty(&settings).map_err(std::io::Error::other)?)?;
                } else {
                    for (key, value) in settings.entries() {
                        writeln!(out, "{key:<26} {value}")?;
                    }
                }
            }
            Some(SettingsCommand::Set { key, value }) => {
                let mut nabo = open(&path, Access::Change)?;
                let changed = nabo.set_setting(&key, &value, now)?;
                report_notices(&changed.notices, l10n);
                // The key is one of SETTING_KEYS here (else refused above); the value is not
                // repeated: a path may hold a name.
                let args = BTreeMap::from([("key".to_string(), key.trim().to_string())]);
                writeln!(out, "{}", l10n.message("cli-setting-saved", &args))?;
            }
        },
        Command::Check => {
            let nabo = open(&path, Access::Check)?;
            let report = nabo.check(now)?;
            for problem in &report.problems {
                let args = BTreeMap::from([("problem".to_string(), problem.clone())]);
                writeln!(out, "{}", l10n.message("cli-check-problem", &args))?;
            }
            for pair in &report.upcoming_conflicts {
                let args = BTreeMap::from([
                    ("id".to_string(), pair.id.to_string()),
                    ("start".to_string(), short_time(&pair.start)),
                    ("other".to_string(), pair.conflict.with.to_string()),
                    ("other_start".to_string(), short_time(&pair.conflict.with_start)),
                ]);
                writeln!(out, "{}", l10n.message("cli-check-conflict", &args))?;
            }
            for (id, field, kind) in &report.personal_data {
                let mut args = BTreeMap::from([
                    ("id".to_string(), id.to_string()),
                    ("field".to_string(), (*field).to_string()),
                    ("kind".to_string(), (*kind).to_string()),
                ]);
                args.insert("field_label".into(), l10n.message(&format!("field-{field}"), &BTreeMap::new()));
                writeln!(out, "{}", l10n.message("cli-check-personal-data", &args))?;
            }
            if report.problems.is_empty() {
                let args = BTreeMap::from([
                    ("activities".to_string(), report.activities.to_string()),
                    ("version".to_string(), report.schema_version.to_string()),
                ]);
                writeln!(out, "{}", l10n.message("cli-check-ok", &args))?;
            } else {
                return Err(Failure::Damaged);
            }
        }
    }
    Ok(())
}

/// What a command does with the database, which decides whether a damaged one is warned of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Only reads: on a damaged database it goes on, after one warning line on stderr.
    Read,
    /// Changes something: on a damaged database the change is refused with one error line,
    /// so no warning is added before it (a refusal is one line).
    Change,
    /// `check`, which reports the damage itself.
    Check,
}

/// Set when a command read a damaged database. `main` warns of it on stderr once the command
/// has succeeded, so a command that then fails still says one line only: its error.
static READ_DAMAGED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Opens the database for a command. `NABO_BUSY_TIMEOUT_MS` shortens how long a change waits
/// for another Nabo that is writing (default 30 s); it exists for tests, which cannot wait that
/// long, and is not part of the CLI contract.
fn open(path: &Path, access: Access, started: Started) -> Result<Nabo, Failure> {
    let mut nabo = Nabo::open(path)?;
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
    nabo.start(started.computer_language, started.now)?;
    Ok(nabo)
}

fn plan_request(plan: PlanCommand) -> Result<PlanRequest, Failure> {
    let (kind, when, common, rrule, details) = match plan {
        PlanCommand::Visit { when, area, household, common } => {
            (ActivityKind::HomeVisit, when, common, None, Details { area: Some(area), household, ..Details::default() })
        }
        PlanCommand::Meeting { when, venue, theme, area, rrule, expected_size, common } => (
            ActivityKind::GroupMeeting,
            when,
            common,
            rrule,
            Details { venue: Some(venue), theme: Some(theme), area, expected_size, ..Details::default() },
        ),
    };
    let duration: Minutes = when.duration.parse()?;
    let programme = common.programme.map(|p| match p {
        ProgrammeArg::Bydelsmoedre => Programme::Bydelsmoedre,
        ProgrammeArg::Baba => Programme::Baba,
    });
    Ok(PlanRequest {
        rrule,
        details: Details { title: common.title, note: common.note, programme, languages: common.languages, ..details },
        ..PlanRequest::new(kind, when.start, duration.get())
    })
}

/// An activity, or one meeting of a series on a given day: `ID` or `ID@YYYY-MM-DD`.
#[derive(Debug, Clone, Copy)]
struct Target {
    id: ActivityId,
    date: Option<NaiveDate>,
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.date {
            Some(date) => write!(f, "{}@{date}", self.id),
            None => write!(f, "{}", self.id),
        }
    }
}

/// Reads `ID` or `ID@YYYY-MM-DD`; a malformed target is a usage error.
///
/// clap calls this while parsing, before `--lang` is known: the words are in the computer's
/// language (read here, in the adapter). They name the part that is wrong, not the text.
fn parse_target(text: &str) -> Result<Target, String> {
    let words =
        |id: &str| Localizer::new(Language::from_variables(|k| std::env::var(k).ok())).message(id, &BTreeMap::new());
    let (id, date) = match text.trim().split_once('@') {
        Some((id, date)) => (id, Some(date)),
        None => (text.trim(), None),
    };
    let id = id.parse::<i64>().map_err(|_| words("cli-bad-target-id"))?;
    let date =
        date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| words("cli-bad-target-date"))).transpose()?;
    Ok(Target { id: ActivityId(id), date })
}

/// Notices go to stderr, one `nabo: ` line each: the change happened (exit 0), but the user
/// should know, e.g. that the live calendar file could not be rewritten.
fn report_notices(notices: &[NoticeView], l10n: &Localizer) {
    for notice in notices {
        eprintln!("nabo: {}", one_line(&l10n.notice(notice)));
    }
}

/// Conflicts and notices go to stderr: the plan happened, but the user should know.
fn report_plan(outcome: &PlanOutcome, l10n: &Localizer) {
    report_notices(&outcome.notices, l10n);
    for conflict in &outcome.conflicts {
        eprintln!("nabo: {}", one_line(&conflict_message(conflict, l10n)));
    }
}

/// `stats` as text: activities by kind and status, then the totals of every group with a bar each.
fn write_stats(
    out: &mut impl Write,
    stats: &nabo_app::MonthStats,
    scheme: &nabo_app::SchemeView,
    l10n: &Localizer,
) -> std::io::Result<()> {
    let empty = BTreeMap::new();
    let period = BTreeMap::from([("period".to_string(), stats.period.clone())]);
    writeln!(out, "{}", l10n.message("cli-stats-title", &period))?;
    writeln!(out)?;
    if stats.activities.is_empty() {
        writeln!(out, "{}", l10n.message("cli-stats-none", &period))?;
    } else {
        writeln!(out, "{}", l10n.message("cli-stats-activities", &empty))?;
        for row in &stats.activities {
            let kind = l10n.message(&format!("kind-{}", row.kind), &empty);
            let status = l10n.message(&format!("status-{}", row.status), &empty);
            writeln!(out, "  {kind:<22} {status:<14} {:>5}", row.count)?;
        }
    }
    let total = |k: &str| stats.totals.get(k).copied().unwrap_or(0);
    let args = BTreeMap::from([
        ("reached".to_string(), total("reached").to_string()),
        ("new".to_string(), total("new").to_string()),
        ("recorded".to_string(), stats.recorded.to_string()),
    ]);
    writeln!(out)?;
    writeln!(out, "{}", l10n.message("cli-stats-reached", &args))?;
    let english = l10n.language() == Language::English;
    for group in scheme.groups.iter().filter(|g| !g.buckets.is_empty()) {
        let widest = group.buckets.iter().map(|b| total(&b.key)).max().unwrap_or(0);
        if widest == 0 {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "{}", if english { &group.en } else { &group.da })?;
        for b in &group.buckets {
            let n = total(&b.key);
            let bar = "█".repeat(usize::try_from(n * 30 / widest.max(1)).unwrap_or(0));
            let label = if english { &b.en } else { &b.da };
            writeln!(out, "  {label:<32} {n:>5} {bar}")?;
        }
    }
    Ok(())
}

/// What an import skipped or cut short goes to stderr; the summary to stdout.
///
/// The report holds the first few series cut short and events with a repeated UID (the
/// reader keeps ten of each); the rest are one line with their number, so 100,000 duplicate
/// UIDs are eleven lines, not 99,999.
fn report_import(report: &ImportReport, l10n: &Localizer) {
    let count = |id: &str, n: usize| {
        if n > 0 {
            let args = BTreeMap::from([("count".to_string(), n.to_string())]);
            eprintln!("nabo: {}", l10n.message(id, &args));
        }
    };
    count("cli-import-outside", report.outside_window);
    count("cli-import-cancelled", report.cancelled);
    let kinds = [
        ("cli-import-capped", &report.capped, report.capped_total),
        ("cli-import-duplicate", &report.duplicates, report.duplicates_total),
    ];
    for (id, list, total) in kinds {
        for c in list {
            let args = BTreeMap::from([
                ("uid".to_string(), c.uid.clone()),
                ("line".to_string(), c.line.to_string()),
                ("kept".to_string(), c.kept.to_string()),
            ]);
            eprintln!("nabo: {}", one_line(&l10n.message(id, &args)));
        }
        count(&format!("{id}-more"), total.saturating_sub(list.len()));
    }
}

fn conflict_message(c: &ConflictView, l10n: &Localizer) -> String {
    let mut args = BTreeMap::from([
        ("id".to_string(), c.with.to_string()),
        ("start".to_string(), short_time(&c.with_start)),
        ("end".to_string(), hour_minute(&c.with_end)),
    ]);
    if let Some(busy) = &c.busy {
        args.insert("source".into(), busy.source.clone());
        return l10n.message("cli-conflict-busy", &args);
    }
    match c.kind {
        ConflictKindView::Overlap => l10n.message("cli-conflict-overlap", &args),
        ConflictKindView::TooLittleTravelTime => {
            args.insert("gap".into(), c.gap_minutes.unwrap_or_default().to_string());
            args.insert("needed".into(), c.needed_minutes.unwrap_or_default().to_string());
            l10n.message("cli-conflict-travel", &args)
        }
    }
}

/// The whole minutes from `start` to `end` (RFC 3339 times the service gave).
fn minutes_between(start: &str, end: &str) -> Result<Minutes, Failure> {
    let minutes = match (DateTime::parse_from_rfc3339(start), DateTime::parse_from_rfc3339(end)) {
        (Ok(s), Ok(e)) => u32::try_from((e - s).num_minutes()).unwrap_or(0),
        _ => 0,
    };
    Minutes::new(minutes).ok_or_else(|| nabo_app::DurationError::NotPositive { input: format!("{start}–{end}") }.into())
}

/// "2026-12-01 10:00" from an RFC 3339 time.
fn short_time(rfc3339: &str) -> String {
    wall_clock(rfc3339, "%Y-%m-%d %H:%M")
}

/// "10:00" from an RFC 3339 time.
fn hour_minute(rfc3339: &str) -> String {
    wall_clock(rfc3339, "%H:%M")
}

/// The time as `format` on the Copenhagen wall clock; in the autumn hour that comes twice,
/// with its offset ("02:30 +01:00"), or the two would read the same.
fn wall_clock(rfc3339: &str, format: &str) -> String {
    let Ok(time) = DateTime::parse_from_rfc3339(rfc3339) else { return rfc3339.to_string() };
    let local = time.with_timezone(&nabo_app::ZONE);
    let text = local.format(format).to_string();
    match nabo_app::ZONE.from_local_datetime(&local.naive_local()) {
        chrono::LocalResult::Ambiguous(_, _) => format!("{text} {}", local.format("%:z")),
        _ => text,
    }
}

/// One line of `list` for busy time from another calendar.
fn busy_row(item: &BusyView, l10n: &Localizer) -> String {
    let mut args = BTreeMap::from([
        ("title".to_string(), item.title.clone()),
        ("source".to_string(), item.source.clone()),
        ("start".to_string(), short_time(&item.start)),
        ("end".to_string(), hour_minute(&item.end)),
    ]);
    if item.all_day {
        args.insert("start".into(), item.start.get(..10).unwrap_or(&item.start).to_string());
        return format!("{:>5}  {}", "", l10n.message("cli-busy-all-day", &args));
    }
    format!("{:>5}  {}", "", l10n.message("cli-busy-row", &args))
}

/// One line of `list`: id, day, time range, kind, place, status. Household labels are left out.
fn table_row(item: &ActivityView, l10n: &Localizer) -> String {
    let empty = BTreeMap::new();
    let kind = item.details.title.clone().unwrap_or_else(|| l10n.message(&format!("kind-{}", item.kind), &empty));
    let place = item.details.venue.as_deref().or(item.details.area.as_deref()).unwrap_or("");
    let status = l10n.message(&format!("status-{}", item.status), &empty);
    let flag = if item.conflicts.is_empty() && item.busy_conflicts.is_empty() { "" } else { "  ⚠" };
    // A meeting of a series is shown by the name commands take: ID@DATE, its original day.
    let id = match item.occurrence.as_deref().and_then(|o| o.get(..10)) {
        Some(day) => format!("{}@{day}", item.id),
        None => item.id.to_string(),
    };
    format!(
        "{:>5}  {}–{}  {:<18} {:<18} {}{}",
        id,
        short_time(&item.start),
        hour_minute(&item.end),
        kind,
        place,
        status,
        flag
    )
}

#[cfg(test)]
mod tests {
    use super::{hour_minute, short_time};

    #[test]
    fn the_autumn_hour_that_comes_twice_shows_its_offset() {
        assert_eq!(short_time("2026-10-25T02:30:00+02:00"), "2026-10-25 02:30 +02:00");
        assert_eq!(short_time("2026-10-25T02:30:00+01:00"), "2026-10-25 02:30 +01:00");
        assert_eq!(hour_minute("2026-10-25T01:30:00Z"), "02:30 +01:00");
        assert_eq!(short_time("2026-12-01T10:00:00+01:00"), "2026-12-01 10:00");
        // Read on the Copenhagen clock whatever offset it came with.
        assert_eq!(hour_minute("2026-12-01T09:00:00Z"), "10:00");
        assert_eq!(short_time("not a time"), "not a time");
    }
}
