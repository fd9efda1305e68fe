//! `import-ics`, `calendars`, `export-ics`: other calendars in, Nabo's calendar out.

use std::path::Path;

use nabo_app::{parse_date, Detail, ExportOptions};

use super::Ctx;
use crate::args::DetailArg;
use crate::output::{report_import, short_time, warn};
use crate::{Access, Failure};

/// `nabo import-ics FILE [--name] [--dry-run]`.
pub(super) fn import_ics(c: &mut Ctx<'_>, file: &Path, name: Option<String>, dry_run: bool) -> Result<(), Failure> {
    let mut nabo = c.open(if dry_run { Access::Read } else { Access::Change })?;
    let report = nabo.import_ics(file, name.as_deref(), dry_run, c.now())?;
    report_import(&report, c.l10n);
    let id = if report.dry_run { "cli-import-dry-run" } else { "cli-imported" };
    c.line(
        id,
        &[
            ("source", report.source.clone()),
            ("added", report.added.to_string()),
            ("changed", report.changed.to_string()),
            ("unchanged", report.unchanged.to_string()),
            ("removed", report.removed.to_string()),
        ],
    )
}

/// `nabo calendars [--remove NAME]`.
pub(super) fn calendars(c: &mut Ctx<'_>, remove: Option<String>) -> Result<(), Failure> {
    let mut nabo = c.open(if remove.is_none() { Access::Read } else { Access::Change })?;
    if let Some(name) = remove {
        if !nabo.remove_busy_source(&name)? {
            warn(c.l10n, "cli-calendar-unknown", &[("name", name)]);
            return Err(Failure::Refused);
        }
        return c.line("cli-calendar-removed", &[("name", name)]);
    }
    let sources = nabo.busy_sources()?;
    if sources.is_empty() {
        c.line("cli-calendars-empty", &[])?;
    }
    for s in sources {
        c.line(
            "cli-calendars-row",
            &[("name", s.name), ("entries", s.entries.to_string()), ("imported", short_time(&s.imported))],
        )?;
    }
    Ok(())
}

/// `nabo export-ics --out FILE [--from] [--to] [--detail] [--alarm]`.
pub(super) fn export_ics(
    c: &mut Ctx<'_>,
    file: &Path,
    from: Option<String>,
    to: Option<String>,
    detail: DetailArg,
    alarm: Option<u32>,
) -> Result<(), Failure> {
    let options = ExportOptions {
        detail: match detail {
            DetailArg::Discreet => Detail::Discreet,
            DetailArg::Full => Detail::Full,
        },
        from: from.map(|d| parse_date("from", &d)).transpose()?,
        to: to.map(|d| parse_date("to", &d)).transpose()?,
        alarm_minutes: alarm,
    };
    let nabo = c.open(Access::Read)?;
    let count = nabo.export_ics_to(file, &options, c.l10n, c.now())?;
    c.line("cli-exported", &[("count", count.to_string()), ("path", file.display().to_string())])
}
