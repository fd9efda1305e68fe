//! `list`, `stats`, `scheme`, `check`: what the database holds, read only.

use chrono::{Datelike, Duration};
use nabo_app::{parse_date, today_in_copenhagen, CalendarItem, Language};

use super::Ctx;
use crate::output::{busy_row, say, short_time, table_row, write_stats};
use crate::{Access, Failure};

/// `nabo list [--from] [--to] [--json]`: a week from today unless told.
pub(super) fn list(c: &mut Ctx<'_>, from: Option<String>, to: Option<String>, json: bool) -> Result<(), Failure> {
    let from = match from {
        Some(s) => parse_date("from", &s)?,
        None => today_in_copenhagen(c.now()),
    };
    let to = match to {
        Some(s) => parse_date("to", &s)?,
        None => from + Duration::days(6),
    };
    let nabo = c.open(Access::Read)?;
    let items = nabo.calendar(from, to)?;
    if json {
        return c.json(&items);
    }
    if items.is_empty() {
        return c.line("cli-list-empty", &[("from", from.to_string()), ("to", to.to_string())]);
    }
    for item in &items {
        let row = match item {
            CalendarItem::Activity(a) => table_row(a, c.l10n),
            CalendarItem::Busy(b) => busy_row(b, c.l10n),
        };
        c.print(row)?;
    }
    Ok(())
}

/// `nabo stats [--period YYYY-MM] [--json]`: this month unless told.
pub(super) fn stats(c: &mut Ctx<'_>, period: Option<String>, json: bool) -> Result<(), Failure> {
    let today = today_in_copenhagen(c.now());
    let first = match period {
        Some(p) => nabo_app::parse_period(&p)?,
        None => today.with_day(1).unwrap_or(today),
    };
    let nabo = c.open(Access::Read)?;
    let stats = nabo.month_stats(first)?;
    if json {
        return c.json(&stats);
    }
    let scheme = nabo.scheme()?;
    write_stats(&mut c.out, &stats, &scheme, c.l10n)?;
    Ok(())
}

/// `nabo scheme [--json]`: every key counts take, with its label in the user's language.
pub(super) fn scheme(c: &mut Ctx<'_>, json: bool) -> Result<(), Failure> {
    let nabo = c.open(Access::Read)?;
    let scheme = nabo.scheme()?;
    if json {
        return c.json(&scheme);
    }
    c.line("cli-scheme-title", &[("version", scheme.version.clone())])?;
    let english = c.l10n.language() == Language::English;
    let label = |da: &str, en: &str| if english { en.to_string() } else { da.to_string() };
    for group in &scheme.groups {
        let kind = say(c.l10n, &format!("cli-scheme-{}", group.kind), &[]);
        c.print("")?;
        c.print(format!("{} ({kind})", label(&group.da, &group.en)))?;
        if group.buckets.is_empty() {
            c.print(format!("  {}", group.key))?;
        }
        for b in &group.buckets {
            c.print(format!("  {:<34} {}", b.key, label(&b.da, &b.en)))?;
        }
    }
    Ok(())
}

/// `nabo check`: damage, upcoming clashes and stored text the guard would refuse today.
pub(super) fn check(c: &mut Ctx<'_>) -> Result<(), Failure> {
    let nabo = c.open(Access::Check)?;
    let report = nabo.check(c.now())?;
    for problem in &report.problems {
        c.line("cli-check-problem", &[("problem", problem.clone())])?;
    }
    for pair in &report.upcoming_conflicts {
        c.line(
            "cli-check-conflict",
            &[
                ("id", pair.id.to_string()),
                ("start", short_time(&pair.start)),
                ("other", pair.conflict.with.to_string()),
                ("other_start", short_time(&pair.conflict.with_start)),
            ],
        )?;
    }
    for (id, field, kind) in &report.personal_data {
        let field_label = say(c.l10n, &format!("field-{field}"), &[]);
        c.line(
            "cli-check-personal-data",
            &[
                ("id", id.to_string()),
                ("field", (*field).to_string()),
                ("kind", (*kind).to_string()),
                ("field_label", field_label),
            ],
        )?;
    }
    if !report.problems.is_empty() {
        if let Some(newest) = nabo.backup_status().ok().and_then(|s| s.backups.into_iter().next()) {
            c.line("cli-check-restore", &[("made", short_time(&newest.made)), ("path", newest.path)])?;
        }
        return Err(Failure::Damaged);
    }
    c.line(
        "cli-check-ok",
        &[("activities", report.activities.to_string()), ("version", report.schema_version.to_string())],
    )
}
