//! The command line as clap reads it: the subcommands, their options, and `ID[@DATE]` targets.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use nabo_app::{ActivityId, Language, Localizer, DB_ENV_VAR, SETTING_KEYS};

/// Offline planner for Bydelsmødre and Baba volunteers.
#[derive(Debug, Parser)]
#[command(name = "nabo", version, about, propagate_version = true)]
pub(crate) struct Cli {
    /// The database file [default: the OS data directory]
    #[arg(long, global = true, env = DB_ENV_VAR, value_name = "PATH")]
    pub(crate) db: Option<PathBuf>,

    /// Language of messages: da or en [default: from NABO_LANG or the locale]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub(crate) lang: Option<LangArg>,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum LangArg {
    Da,
    En,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Create the database for this user
    Init {
        /// Who uses this database
        #[arg(long, value_enum, default_value = "volunteer")]
        role: RoleArg,
        /// Your name on summaries and your identity card (optional; `settings set name` later)
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
    /// Your key's fingerprint, or your identity card to hand over
    #[command(subcommand)]
    Key(KeyCommand),
    /// The coordinator your summaries go to, or set her with `coordinator set CARD`
    Coordinator {
        /// Print JSON instead of text
        #[arg(long, global = true)]
        json: bool,
        #[command(subcommand)]
        action: Option<CoordinatorCommand>,
    },
    /// Write a month's summary for your coordinator: signed, and encrypted to her
    #[command(name = "export-summary")]
    ExportSummary {
        /// The month, YYYY-MM
        #[arg(long, allow_hyphen_values = true)]
        period: String,
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Encrypt to the coordinator on this identity card [default: the one set with `coordinator set`]
        #[arg(long, value_name = "CARD", conflicts_with = "plain")]
        to: Option<PathBuf>,
        /// Do not encrypt: anyone who gets the file can read it
        #[arg(long)]
        plain: bool,
    },
    /// Import volunteers' summary files and coordinators' roll-ups (coordinator); exit 65 if any was refused
    #[command(name = "import-summary")]
    ImportSummary {
        /// The summary files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Say what would happen to each file, without saving anything
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
    },
    /// Write your area's month, quarter or year for the national level, with every summary in it (coordinator)
    #[command(name = "export-rollup")]
    ExportRollup {
        /// YYYY-MM, YYYY-Qn or YYYY
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Encrypt it to the national coordinator whose identity card this is
        #[arg(long, value_name = "CARD")]
        to: Option<PathBuf>,
    },
    /// The volunteers summaries came from: months delivered and missing (coordinator)
    Volunteers {
        /// Print JSON instead of text
        #[arg(long, global = true)]
        json: bool,
        #[command(subcommand)]
        action: Option<VolunteersCommand>,
    },
    /// Write a signed receipt of what a volunteer's summaries said (coordinator)
    Receipt {
        /// The volunteer's name, as on her summaries
        #[arg(long, value_name = "NAME")]
        volunteer: String,
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Check your coordinator's receipt against the months you sent
    #[command(name = "import-receipt")]
    ImportReceipt {
        /// The receipt file
        file: PathBuf,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Write a report of the volunteers' totals with small numbers hidden (coordinator)
    #[command(after_help = REPORT_HELP)]
    Report {
        /// The first month, YYYY-MM
        #[arg(long, value_name = "YYYY-MM")]
        from: String,
        /// The last month, YYYY-MM
        #[arg(long, value_name = "YYYY-MM")]
        to: String,
        /// What the rows are: area, kind, month or quarter
        #[arg(long, value_name = "AXIS")]
        rows: String,
        /// What the columns are: month, quarter, year, area, kind or a scheme group (gender, age, topic, …)
        #[arg(long, value_name = "AXIS")]
        cols: String,
        /// What the cells count: a scheme key (reached, new, gender.women, …), held or cancelled [default: reached]
        #[arg(long, value_name = "KEY")]
        measure: Option<String>,
        /// The file format
        #[arg(long, value_enum)]
        format: ReportFormatArg,
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The smallest count shown; smaller ones (from 1) are hidden as "<N" [default: 5; at least 3]
        #[arg(long, value_name = "N")]
        min_cell: Option<u64>,
    },
    /// Set, list or remove targets (coordinator)
    #[command(subcommand)]
    Target(TargetCommand),
    /// Write an encrypted backup of the database now: into the backup folder, or to --out FILE
    Backup {
        /// The file to write instead of a new one in the backup folder
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The backup folder, its backups and how often they are made; change it with `backups set`
    Backups {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<BackupsCommand>,
    },
    /// Replace the database with a backup, once the backup has passed every check
    Restore {
        /// The backup file (see `nabo backups`)
        file: PathBuf,
    },
    /// Turn off the window's app lock (a forgotten PIN); needs the database's key
    #[command(name = "remove-lock")]
    RemoveLock,
    /// Erase the database, its key, the backups Nabo made and the live calendar file; lists them
    Erase {
        /// Yes, erase everything: nothing can bring it back
        #[arg(long, required = true)]
        yes: bool,
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
pub(crate) enum SettingsCommand {
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
pub(crate) fn settings_help() -> String {
    format!(
        "Settings: {}\n\nlive-calendar PATH|off: the .ics file Nabo rewrites after every change (off: none)\n",
        SETTING_KEYS.join(", ")
    )
}

#[derive(Debug, Subcommand)]
pub(crate) enum KeyCommand {
    /// Print your public key and its fingerprint (read it to the other person to compare)
    Show {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Write your identity card (needs a name: `settings set name NAME`)
    Export {
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum CoordinatorCommand {
    /// Set your coordinator from her identity card; compare the fingerprint it prints with hers
    Set {
        /// Her identity card file
        card: PathBuf,
    },
}

/// More on `nabo report`.
const REPORT_HELP: &str =
    "Every count from 1 to below the minimum cell is shown as \"<5\", and as many other cells as it \
takes are shown as \"x\" so that none of them can be worked out from the totals. Zeros are shown.\n\n\
Example: nabo report --from 2026-01 --to 2026-12 --rows area --cols quarter --format xlsx --out rapport.xlsx";

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ReportFormatArg {
    Csv,
    Xlsx,
    Json,
}

#[derive(Debug, Subcommand)]
pub(crate) enum BackupsCommand {
    /// Change where automatic backups go, how often they are made and how many are kept
    Set {
        /// The folder (an absolute path that exists), or `default` for the one beside the database
        #[arg(long)]
        folder: Option<String>,
        /// Days between automatic backups, 0 for none (at most 90)
        #[arg(long, value_name = "DAYS")]
        every_days: Option<u32>,
        /// How many automatic backups are kept (1–100)
        #[arg(long, value_name = "N")]
        keep: Option<u32>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum TargetCommand {
    /// Set a target: a count, or a share of another measure, over a month, quarter or year
    Set {
        /// What is counted: a scheme key (reached, new, …), held or held.KIND (held.group_meeting)
        #[arg(long, value_name = "KEY")]
        measure: String,
        /// YYYY, YYYY-Qn or YYYY-MM
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// Reach at least this many
        #[arg(long, value_name = "N", conflicts_with = "share", required_unless_present = "share")]
        count: Option<u64>,
        /// Or: be at least this share, in per cent, of --of
        #[arg(long, value_name = "PERCENT", requires = "of")]
        share: Option<f64>,
        /// What the share is of (e.g. reached)
        #[arg(long, value_name = "KEY", requires = "share")]
        of: Option<String>,
    },
    /// Every target with its progress and the pace for today
    List {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Remove a target
    Remove {
        /// Its number, as `target list` shows it
        id: i64,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum VolunteersCommand {
    /// Accept the new key offered under a volunteer's name (after comparing fingerprints with her)
    #[command(name = "accept-key")]
    AcceptKey {
        /// The volunteer's name
        name: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum DetailArg {
    Discreet,
    Full,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum RoleArg {
    Volunteer,
    Coordinator,
    Both,
}

#[derive(Debug, Subcommand)]
pub(crate) enum PlanCommand {
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
pub(crate) struct When {
    /// Start, Copenhagen time: YYYY-MM-DDTHH:MM
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) start: String,
    /// How long: e.g. 45m, 1h30m, 2h
    #[arg(long, allow_hyphen_values = true)]
    pub(crate) duration: String,
}

#[derive(Debug, Args)]
pub(crate) struct Common {
    /// Your own title
    #[arg(long)]
    pub(crate) title: Option<String>,
    /// A private note (never exported)
    #[arg(long)]
    pub(crate) note: Option<String>,
    /// The programme
    #[arg(long, value_enum)]
    pub(crate) programme: Option<ProgrammeArg>,
    /// A language used (repeat for more)
    #[arg(long = "language", value_name = "LANG")]
    pub(crate) languages: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ProgrammeArg {
    Bydelsmoedre,
    Baba,
}

/// An activity, or one meeting of a series on a given day: `ID` or `ID@YYYY-MM-DD`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Target {
    pub(crate) id: ActivityId,
    pub(crate) date: Option<NaiveDate>,
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
pub(crate) fn parse_target(text: &str) -> Result<Target, String> {
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
