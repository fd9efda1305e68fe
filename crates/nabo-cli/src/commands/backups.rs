//! `backup`, `backups`, `restore`, `erase`: the database's copies, and its end; `remove-lock`.

use std::path::Path;

use nabo_app::{BackupSettings, Nabo};

use super::Ctx;
use crate::args::BackupsCommand;
use crate::output::warn;
use crate::{with_key, Access, Failure};

/// `nabo backup [--out FILE]`.
pub(super) fn backup(c: &mut Ctx<'_>, out: Option<&Path>) -> Result<(), Failure> {
    let mut nabo = c.open(Access::Change)?;
    let written = match out {
        Some(out) => nabo.backup_to(out)?,
        None => nabo.backup_now(c.now())?,
    };
    c.line("cli-backup-written", &[("path", written.display().to_string())])
}

/// `nabo backups [--json]`, `nabo backups set …`.
pub(super) fn backups(c: &mut Ctx<'_>, json: bool, action: Option<BackupsCommand>) -> Result<(), Failure> {
    let access = if action.is_some() { Access::Change } else { Access::Read };
    let mut nabo = c.open(access)?;
    if let Some(BackupsCommand::Set { folder, every_days, keep }) = action {
        let now = nabo.backup_settings()?;
        let folder = match folder.as_deref().map(str::trim) {
            None => now.folder,
            Some("default") | Some("") => None,
            Some(folder) => Some(folder.to_string()),
        };
        nabo.set_backup_settings(BackupSettings {
            folder,
            every_days: every_days.unwrap_or(now.every_days),
            keep: keep.unwrap_or(now.keep),
        })?;
    }
    let status = nabo.backup_status()?;
    if json {
        return c.json(&status);
    }
    c.line(
        "cli-backups-settings",
        &[
            ("folder", status.folder.clone()),
            ("every", status.settings.every_days.to_string()),
            ("keep", status.settings.keep.to_string()),
        ],
    )?;
    if status.backups.is_empty() {
        return c.line("cli-backups-none", &[]);
    }
    for backup in &status.backups {
        c.line(
            "cli-backups-one",
            &[
                ("path", backup.path.clone()),
                ("made", crate::output::short_time(&backup.made)),
                ("kib", backup.bytes.div_ceil(1024).to_string()),
            ],
        )?;
    }
    Ok(())
}

/// `nabo restore FILE`: the database as it was is first kept as a backup in the backup folder
/// (when it opens and is sound), so a restore of the wrong file can itself be undone.
pub(super) fn restore(c: &mut Ctx<'_>, file: &Path) -> Result<(), Failure> {
    let path = c.path.clone();
    // Checked before the copy of the database as it is is made: a refused restore changes nothing.
    with_key(|keys| Nabo::verify_backup(&path, file, keys), false)?;
    let kept = match c.open(Access::Read) {
        Ok(mut nabo) if !nabo.is_damaged() => Some(nabo.backup_now(c.now())?),
        _ => None,
    };
    let nabo = with_key(|keys| Nabo::restore_backup(&path, file, keys), false)?;
    let check = nabo.check(c.now())?;
    c.line("cli-restored", &[("file", file.display().to_string()), ("activities", check.activities.to_string())])?;
    if let Some(kept) = kept {
        c.line("cli-restore-kept", &[("path", kept.display().to_string())])?;
    }
    Ok(())
}

/// `nabo erase --yes`.
pub(super) fn erase(c: &mut Ctx<'_>, yes: bool) -> Result<(), Failure> {
    if !yes {
        // clap requires --yes; this is the belt to its braces.
        return Err(Failure::Refused);
    }
    let path = c.path.clone();
    let keys = nabo_app::KeySource::from_passphrase(std::env::var(nabo_app::PASSPHRASE_VAR).ok());
    let report = Nabo::erase_everything(&path, &keys)?;
    for file in &report.files {
        c.line("cli-erased-file", &[("path", file.clone())])?;
    }
    if report.key_store_entry {
        c.line("cli-erased-key", &[])?;
    }
    for (file, reason) in &report.failed {
        warn(c.l10n, "cli-erase-failed", &[("path", file.clone()), ("reason", reason.clone())]);
    }
    if !report.failed.is_empty() {
        return Err(Failure::Refused);
    }
    if report.files.is_empty() && !report.key_store_entry {
        return c.line("cli-erased-nothing", &[]);
    }
    c.line("cli-erased", &[])
}

/// `nabo remove-lock`: the window's app lock off, for a forgotten PIN.
pub(super) fn remove_lock(c: &mut Ctx<'_>) -> Result<(), Failure> {
    let mut nabo = c.open(Access::Change)?;
    let id = if nabo.forget_lock()? { "cli-lock-removed" } else { "cli-lock-none" };
    c.line(id, &[])
}
