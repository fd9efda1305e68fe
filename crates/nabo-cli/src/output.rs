//! How results are printed: one `nabo: ` line on stderr per notice, warning or conflict;
//! tables and summaries on stdout; times on the Copenhagen wall clock. Every word comes from
//! the translation files through the [`Localizer`].

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{DateTime, TimeZone};
use nabo_app::{
    ActivityView, BusyView, ConflictKindView, ConflictView, ImportReport, ImportWarning, Language, Localizer, Minutes,
    NoticeView, PlanOutcome,
};

use crate::Failure;

/// The message `id` with `args` (name, value pairs), in the user's language.
pub(crate) fn say(l10n: &Localizer, id: &str, args: &[(&str, String)]) -> String {
    let args = args.iter().map(|(k, v)| (k.to_string(), v.clone())).collect::<BTreeMap<_, _>>();
    l10n.message(id, &args)
}

/// Prints the message `id` as one `nabo: ` line on stderr.
pub(crate) fn warn(l10n: &Localizer, id: &str, args: &[(&str, String)]) {
    eprintln!("nabo: {}", one_line(&say(l10n, id, args)));
}

/// Text on one line: runs of white space (line breaks too) become one space.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Notices go to stderr, one `nabo: ` line each: the change happened (exit 0), but the user
/// should know, e.g. that the live calendar file could not be rewritten.
pub(crate) fn report_notices(notices: &[NoticeView], l10n: &Localizer) {
    for notice in notices {
        eprintln!("nabo: {}", one_line(&l10n.notice(notice)));
    }
}

/// Conflicts and notices go to stderr: the plan happened, but the user should know.
pub(crate) fn report_plan(outcome: &PlanOutcome, l10n: &Localizer) {
    report_notices(&outcome.notices, l10n);
    for conflict in &outcome.conflicts {
        eprintln!("nabo: {}", one_line(&conflict_message(conflict, l10n)));
    }
}

/// `stats` as text: activities by kind and status, then the totals of every group with a bar each.
pub(crate) fn write_stats(
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
pub(crate) fn report_import(report: &ImportReport, l10n: &Localizer) {
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
    // Issue 15: what was left out, guessed or ignored, one line each (at most ten of a kind).
    for warning in &report.warnings {
        let (id, args) = match warning {
            ImportWarning::Skipped { error } => (format!("skipped-{}", error.code.as_str()), error.args.clone()),
            ImportWarning::FloatingZone { tzid, uid, line } => (
                "import-floating-zone".to_string(),
                BTreeMap::from([
                    ("tzid".to_string(), tzid.clone()),
                    ("uid".to_string(), uid.clone()),
                    ("line".to_string(), line.to_string()),
                ]),
            ),
            ImportWarning::IgnoredLine { line } => {
                ("import-ignored-line".to_string(), BTreeMap::from([("line".to_string(), line.to_string())]))
            }
        };
        eprintln!("nabo: {}", one_line(&l10n.message(&id, &args)));
    }
    count("import-warnings-more", report.warnings_total.saturating_sub(report.warnings.len()));
}

pub(crate) fn conflict_message(c: &ConflictView, l10n: &Localizer) -> String {
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
pub(crate) fn minutes_between(start: &str, end: &str) -> Result<Minutes, Failure> {
    let minutes = match (DateTime::parse_from_rfc3339(start), DateTime::parse_from_rfc3339(end)) {
        (Ok(s), Ok(e)) => u32::try_from((e - s).num_minutes()).unwrap_or(0),
        _ => 0,
    };
    Minutes::new(minutes).ok_or_else(|| nabo_app::DurationError::NotPositive { input: format!("{start}–{end}") }.into())
}

/// "2026-12-01 10:00" from an RFC 3339 time.
pub(crate) fn short_time(rfc3339: &str) -> String {
    wall_clock(rfc3339, "%Y-%m-%d %H:%M")
}

/// "10:00" from an RFC 3339 time.
pub(crate) fn hour_minute(rfc3339: &str) -> String {
    wall_clock(rfc3339, "%H:%M")
}

/// The time as `format` on the Copenhagen wall clock; in the autumn hour that comes twice,
/// with its offset ("02:30 +01:00"), or the two would read the same.
pub(crate) fn wall_clock(rfc3339: &str, format: &str) -> String {
    let Ok(time) = DateTime::parse_from_rfc3339(rfc3339) else { return rfc3339.to_string() };
    let local = time.with_timezone(&nabo_app::ZONE);
    let text = local.format(format).to_string();
    match nabo_app::ZONE.from_local_datetime(&local.naive_local()) {
        chrono::LocalResult::Ambiguous(_, _) => format!("{text} {}", local.format("%:z")),
        _ => text,
    }
}

/// One line of `list` for busy time from another calendar.
pub(crate) fn busy_row(item: &BusyView, l10n: &Localizer) -> String {
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
pub(crate) fn table_row(item: &ActivityView, l10n: &Localizer) -> String {
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
