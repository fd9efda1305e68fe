//! The files people hand each other: `key`, `coordinator`, `export-summary`,
//! `import-summary`, `volunteers`, `receipt`, `import-receipt`.

use std::path::{Path, PathBuf};

use nabo_app::{ReceiptState, SummaryOutcome, SummaryTo};

use super::Ctx;
use crate::args::{CoordinatorCommand, KeyCommand, VolunteersCommand};
use crate::output::{say, warn};
use crate::{Access, Failure};

/// How a file is named in a message: as the user gave it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// `nabo key show [--json]` and `nabo key export --out FILE`.
pub(super) fn key(c: &mut Ctx<'_>, action: KeyCommand) -> Result<(), Failure> {
    match action {
        KeyCommand::Show { json } => {
            // Keys missing in a database from before them are made here, once: a change.
            let mut nabo = c.open(Access::Change)?;
            let key = nabo.key_view()?;
            if json {
                return c.json(&key);
            }
            let role = say(c.l10n, &format!("role-{}", serde_plain(&key.role)), &[]);
            let name = key.name.clone().unwrap_or_else(|| say(c.l10n, "cli-key-no-name", &[]));
            c.line("cli-key-who", &[("role", role), ("name", name)])?;
            c.line("cli-key-fingerprint", &[("fingerprint", key.fingerprint.clone())])?;
            c.line("cli-key-public", &[("key", key.public_key.clone())])?;
            if let Some(recipient) = &key.encryption_recipient {
                c.line("cli-key-recipient", &[("recipient", recipient.clone())])?;
            }
            Ok(())
        }
        KeyCommand::Export { out } => {
            let mut nabo = c.open(Access::Change)?;
            let key = nabo.export_card(&out, c.now())?;
            c.line("cli-card-written", &[("path", shown(&out)), ("fingerprint", key.fingerprint)])
        }
    }
}

/// `nabo coordinator [--json]` and `nabo coordinator set CARD`.
pub(super) fn coordinator(c: &mut Ctx<'_>, json: bool, action: Option<CoordinatorCommand>) -> Result<(), Failure> {
    let view = match action {
        Some(CoordinatorCommand::Set { card }) => {
            let mut nabo = c.open(Access::Change)?;
            let set = nabo.set_coordinator(&card, c.now())?;
            if !json {
                c.line("cli-coordinator-set", &[("name", set.name.clone()), ("fingerprint", set.fingerprint.clone())])?;
            }
            Some(set)
        }
        None => {
            let nabo = c.open(Access::Read)?;
            let current = nabo.coordinator()?;
            if !json {
                match &current {
                    None => c.line("cli-coordinator-none", &[])?,
                    Some(v) => c.line(
                        "cli-coordinator-is",
                        &[("name", v.name.clone()), ("fingerprint", v.fingerprint.clone())],
                    )?,
                }
            }
            current
        }
    };
    if json {
        return c.json(&view);
    }
    if let Some(v) = view.filter(|v| !v.places.is_empty() || !v.areas.is_empty()) {
        if !v.areas.is_empty() {
            c.line("cli-coordinator-areas", &[("areas", v.areas.join("; "))])?;
        }
        if !v.places.is_empty() {
            c.line("cli-coordinator-places", &[("places", v.places.join("; "))])?;
        }
    }
    Ok(())
}

/// `nabo export-summary --period YYYY-MM --out FILE [--to CARD | --plain]`.
pub(super) fn export_summary(
    c: &mut Ctx<'_>,
    period: &str,
    out: &Path,
    to: Option<PathBuf>,
    plain: bool,
) -> Result<(), Failure> {
    let first = nabo_app::parse_period(period)?;
    let mut nabo = c.open(Access::Change)?;
    let to = match (&to, plain) {
        (Some(card), _) => SummaryTo::Card(card),
        (None, true) => SummaryTo::Plain,
        (None, false) => SummaryTo::Coordinator,
    };
    let done = nabo.export_summary(first, out, to, c.now())?;
    let common = [("period", done.period.clone()), ("path", shown(out)), ("revision", done.revision.to_string())];
    match &done.encrypted_to {
        Some(who) => {
            let mut args = common.to_vec();
            args.extend([("name", who.name.clone()), ("fingerprint", who.fingerprint.clone())]);
            c.line("cli-summary-written", &args)?;
        }
        None => {
            warn(c.l10n, "cli-summary-plain-warning", &[]);
            c.line("cli-summary-written-plain", &common)?;
        }
    }
    c.line("cli-sha256", &[("sha256", done.sha256)])
}

/// `nabo import-summary FILE… [--dry-run] [--json]`: one line per file; exit 65 when any
/// was refused (the others are still imported).
pub(super) fn import_summary(c: &mut Ctx<'_>, files: &[PathBuf], dry_run: bool, json: bool) -> Result<(), Failure> {
    let mut nabo = c.open(if dry_run { Access::Read } else { Access::Change })?;
    let report = nabo.import_summaries(files, dry_run, c.now())?;
    if json {
        c.json(&report)?;
    } else {
        let mut counts = [0usize; 4];
        for f in &report.files {
            let which = match f.outcome {
                SummaryOutcome::New => 0,
                SummaryOutcome::Replaces => 1,
                SummaryOutcome::AlreadyImported => 2,
                SummaryOutcome::Refused => 3,
            };
            counts[which] += 1;
            let about = [
                ("file", f.file.clone()),
                ("volunteer", f.volunteer.clone().unwrap_or_default()),
                ("period", f.period.clone().unwrap_or_default()),
                ("revision", f.revision.map(|r| r.to_string()).unwrap_or_default()),
                ("replaced", f.replaced.map(|r| r.to_string()).unwrap_or_default()),
                ("reason", f.reason.clone().unwrap_or_default()),
                ("detail", f.detail.clone().unwrap_or_default()),
            ];
            match f.outcome {
                SummaryOutcome::New => c.line("cli-summary-new", &about)?,
                SummaryOutcome::Replaces => c.line("cli-summary-replaces", &about)?,
                SummaryOutcome::AlreadyImported => c.line("cli-summary-already", &about)?,
                // A refusal is one line on stderr naming the file and why (the window's words).
                SummaryOutcome::Refused => {
                    let reason = f.reason.as_deref().unwrap_or("damaged");
                    let why = say(c.l10n, &format!("summary-refused-{reason}"), &about);
                    warn(c.l10n, "cli-summary-refused", &[("file", f.file.clone()), ("why", why)]);
                }
            }
            // A roll-up: what became of the volunteer summaries it carries.
            if let Some(carried) = &f.carried {
                c.line(
                    "cli-rollup-carried",
                    &[
                        ("new", carried.new.to_string()),
                        ("replaced", carried.replaced.to_string()),
                        ("same", carried.same.to_string()),
                    ],
                )?;
                for n in &carried.newer_here {
                    c.line(
                        "cli-rollup-newer-here",
                        &[
                            ("volunteer", n.volunteer.clone()),
                            ("period", n.period.clone()),
                            ("in_rollup", n.in_rollup.to_string()),
                            ("used", n.used.to_string()),
                        ],
                    )?;
                }
            }
        }
        let id = if report.dry_run { "cli-summaries-dry-run" } else { "cli-summaries-done" };
        c.line(
            id,
            &[
                ("new", counts[0].to_string()),
                ("replaced", counts[1].to_string()),
                ("already", counts[2].to_string()),
                ("refused", counts[3].to_string()),
            ],
        )?;
    }
    if report.any_refused() {
        return Err(Failure::Refused);
    }
    Ok(())
}

/// `nabo volunteers [--json]` and `nabo volunteers accept-key NAME`.
pub(super) fn volunteers(c: &mut Ctx<'_>, json: bool, action: Option<VolunteersCommand>) -> Result<(), Failure> {
    if let Some(VolunteersCommand::AcceptKey { name }) = action {
        let mut nabo = c.open(Access::Change)?;
        let fingerprint = nabo.accept_volunteer_key(&name)?;
        if json {
            return c.json(&serde_json::json!({ "name": name, "fingerprint": fingerprint }));
        }
        return c.line("cli-key-accepted", &[("name", name), ("fingerprint", fingerprint)]);
    }
    let nabo = c.open(Access::Read)?;
    let list = nabo.volunteers(c.now())?;
    if json {
        return c.json(&list);
    }
    if list.is_empty() {
        return c.line("cli-volunteers-none", &[]);
    }
    for v in list {
        c.line("cli-volunteer", &[("name", v.name.clone()), ("fingerprint", v.fingerprint.clone())])?;
        if let Some(offered) = &v.offered_fingerprint {
            c.line("cli-volunteer-offered", &[("name", v.name.clone()), ("fingerprint", offered.clone())])?;
        }
        for m in &v.months {
            let total = |k: &str| m.totals.get(k).copied().unwrap_or(0).to_string();
            c.line(
                "cli-volunteer-month",
                &[
                    ("period", m.period.clone()),
                    ("revision", m.revision.to_string()),
                    ("reached", total("reached")),
                    ("new", total("new")),
                    ("sha256", m.sha256.chars().take(12).collect()),
                ],
            )?;
        }
        if !v.missing.is_empty() {
            c.line(
                "cli-volunteer-missing",
                &[("months", v.missing.join(", ")), ("count", v.missing.len().to_string())],
            )?;
        }
    }
    Ok(())
}

/// `nabo receipt --volunteer NAME --out FILE`.
pub(super) fn receipt(c: &mut Ctx<'_>, volunteer: &str, out: &Path) -> Result<(), Failure> {
    let mut nabo = c.open(Access::Read)?;
    let done = nabo.write_receipt(volunteer, out, c.now())?;
    c.line(
        "cli-receipt-written",
        &[("name", done.volunteer), ("path", shown(out)), ("count", done.months.to_string())],
    )?;
    c.line("cli-sha256", &[("sha256", done.sha256)])
}

/// `nabo import-receipt FILE [--json]`: per month, arrived as sent or not.
pub(super) fn import_receipt(c: &mut Ctx<'_>, file: &Path, json: bool) -> Result<(), Failure> {
    let mut nabo = c.open(Access::Read)?;
    let report = nabo.check_receipt(file)?;
    if json {
        return c.json(&report);
    }
    c.line(
        "cli-receipt-from",
        &[
            ("name", report.coordinator.name.clone()),
            ("fingerprint", report.coordinator.fingerprint.clone()),
            ("created", crate::output::short_time(&report.created)),
        ],
    )?;
    for m in &report.months {
        let state = match m.state {
            ReceiptState::Arrived => "arrived",
            ReceiptState::OlderRevision => "older_revision",
            ReceiptState::OtherFile => "other_file",
            ReceiptState::NotArrived => "not_arrived",
            ReceiptState::NotSentFromHere => "not_sent_from_here",
        };
        let revision = |r: Option<u32>| r.map(|r| r.to_string()).unwrap_or_default();
        let words = say(
            c.l10n,
            &format!("receipt-{state}"),
            &[("sent", revision(m.sent_revision)), ("received", revision(m.received_revision))],
        );
        let reached = m.totals.get("reached").copied().unwrap_or(0).to_string();
        let id = if m.received_revision.is_some() { "cli-receipt-month" } else { "cli-receipt-month-missing" };
        c.line(id, &[("period", m.period.clone()), ("state", words), ("reached", reached)])?;
    }
    Ok(())
}

/// A unit enum's serde name (`volunteer`, `both`, …).
fn serde_plain(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// `nabo export-rollup --period P --out FILE [--to CARD]`.
pub(super) fn export_rollup(c: &mut Ctx<'_>, period: &str, out: &Path, to: Option<PathBuf>) -> Result<(), Failure> {
    let mut nabo = c.open(Access::Change)?;
    let written = nabo.export_rollup(period, out, to.as_deref(), c.now())?;
    let about = [
        ("period", written.period.clone()),
        ("path", shown(out)),
        ("revision", written.revision.to_string()),
        ("summaries", written.summaries.to_string()),
        ("volunteers", written.volunteers.to_string()),
        ("reached", written.reached.to_string()),
    ];
    match &written.encrypted_to {
        Some(to) => {
            let mut args = about.to_vec();
            args.push(("name", to.name.clone()));
            args.push(("fingerprint", to.fingerprint.clone()));
            c.line("cli-rollup-written", &args)
        }
        None => {
            c.line("cli-rollup-written-plain", &about)?;
            warn(c.l10n, "cli-rollup-plain-warning", &[]);
            Ok(())
        }
    }
}
