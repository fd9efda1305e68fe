//! Writing a file the user chose: the one way Nabo puts bytes on disk outside its database.
//!
//! Every writer — the calendar export, the live calendar file (rewritten after every change),
//! and the summary files, receipts, reports and backups to come — calls [`write_file`] with
//! the [`ProtectedFiles`] of the open database. Issue 10 found the old writer replacing the
//! database with calendar text (`--out` onto it, through `..` or a symlink), following a
//! symlink planted at its predictable temporary name, and silently replacing a read-only
//! file, a symlink to a folder and, as root, `/dev/null`. The rules here:
//!
//! - **The database is never a target.** Protected are the database file and every file in
//!   its folder whose name is the database's name followed by `-`, `.`, `_`, `~` or nothing
//!   (`nabo.db-wal`, `-shm`, `-journal`, and backups such as `nabo.db.bak` or
//!   `nabo.db-2026-12-01`: a future `nabo backup` into the data folder must name its files
//!   so). Paths are compared canonically (the folder's `..` and symlinks resolved, and an
//!   existing target's own symlink), names ignoring ASCII case (a case-insensitive disk
//!   reaches the same file by `NABO.DB`), and an existing target's (device, inode) is
//!   compared with those of the database and its -wal/-shm/-journal, so a hard link is caught.
//! - **Only a regular file or a new name is replaced.** A folder, device, FIFO or socket is
//!   refused. So is a symlink, even to a regular file: renaming over it would replace the
//!   link (the file it named silently stops being updated) and writing through it would put
//!   the calendar somewhere the user did not name — both surprises, and a planted link is
//!   exactly the attack. The user can name the real file instead. Symlinks in the folders
//!   above are followed: they are how home folders and synced folders are often mounted.
//! - **A read-only file is refused**, not replaced: someone made it read-only on purpose.
//!   Read from its mode bits, so root (who may write anything) is refused too, and from
//!   whether this user may open it for writing (a file of another user's). ACLs and extended
//!   attributes of a replaced file are not carried over; its mode and owner are.
//! - **Written whole or not at all**: into a temporary file created exclusively (O_EXCL, a
//!   random name, by `tempfile`) in the target's folder, so nothing planted can redirect it;
//!   given the existing file's permission bits (and owner, where allowed), or 0600 for a new
//!   file — a calendar lists when and where a volunteer visits families, so by default only
//!   its owner reads it (the same as the database); flushed (`sync_all`), renamed over the
//!   target, and the folder flushed so the rename survives a power cut. On any failure the
//!   temporary file is removed (`NamedTempFile` deletes itself when dropped).
//!
//! Between the check and the rename something could still be put at the target; the rename
//! then replaces that name itself (rename never follows a symlink at its destination and
//! fails on a folder), so the worst case is a link replaced, never a write redirected.
//!
//! A refused target is refused input ([`AppError::ProtectedTarget`],
//! [`AppError::UnusableTarget`], exit 65); a disk that fails is [`AppError::WriteFailed`].

use std::fs::Metadata;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::AppError;

/// The files of an open database that no writer may replace.
#[derive(Debug, Clone)]
pub struct ProtectedFiles {
    /// The database's folder, canonical (None if it cannot be resolved; ids still protect).
    folder: Option<PathBuf>,
    /// The database's file name.
    name: String,
    /// (device, inode) of the database and of its -wal, -shm and -journal that exist.
    ids: Vec<(u64, u64)>,
}

/// Endings of a protected name after the database's own name.
const SEPARATORS: [char; 4] = ['-', '.', '_', '~'];

impl ProtectedFiles {
    /// The protected set of the database at `database`.
    pub fn of_database(database: &Path) -> Self {
        let name = database.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let folder = std::fs::canonicalize(database)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .or_else(|| folder_of(database).and_then(|f| std::fs::canonicalize(f).ok()));
        let ids = ["", "-wal", "-shm", "-journal"]
            .iter()
            .filter_map(|suffix| {
                let mut p = database.as_os_str().to_owned();
                p.push(suffix);
                std::fs::metadata(PathBuf::from(p)).ok().and_then(|m| file_id(&m))
            })
            .collect();
        Self { folder, name, ids }
    }

    /// Whether `canonical` (a path whose folder is resolved) names a protected file.
    fn covers_path(&self, canonical: &Path) -> bool {
        let (Some(folder), Some(name)) = (&self.folder, canonical.file_name()) else { return false };
        if self.name.is_empty() || canonical.parent() != Some(folder.as_path()) {
            return false;
        }
        let name = name.to_string_lossy().to_ascii_lowercase();
        let own = self.name.to_ascii_lowercase();
        match name.strip_prefix(&own) {
            Some(rest) => rest.is_empty() || rest.starts_with(SEPARATORS),
            None => false,
        }
    }

    /// Whether an existing file is one of the protected files (the same inode: a hard or
    /// symbolic link, or another spelling of the path).
    fn covers_file(&self, meta: &Metadata) -> bool {
        file_id(meta).is_some_and(|id| self.ids.contains(&id))
    }
}

/// Writes `bytes` to `target` by the rules of this module (see there).
pub fn write_file(target: &Path, bytes: &[u8], protected: &ProtectedFiles) -> Result<(), AppError> {
    let checked = check_target(target, protected)?;
    write_checked(&checked, bytes)
        .map_err(|e| AppError::WriteFailed { path: target.display().to_string(), reason: e.to_string() })
}

impl CheckedTarget {
    /// The path to write: the canonical folder joined with the file name.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

/// A target that passed [`check_target`].
#[derive(Debug)]
pub(crate) struct CheckedTarget {
    /// The folder, canonical: the temporary file is made here and renamed within it.
    folder: PathBuf,
    /// The path written: the canonical folder joined with the file name.
    path: PathBuf,
    /// The file there now, if any (a regular, writable file).
    existing: Option<Metadata>,
}

/// Refuses a target that is protected, not a regular file or new name, read-only, or in a
/// folder that does not exist. Writes nothing.
pub(crate) fn check_target(target: &Path, protected: &ProtectedFiles) -> Result<CheckedTarget, AppError> {
    let shown = target.display().to_string();
    let unusable = |reason: &'static str| AppError::UnusableTarget { path: shown.clone(), reason };
    let failed = |e: std::io::Error| AppError::WriteFailed { path: shown.clone(), reason: e.to_string() };
    // A path ending in `..`, `/` or nothing names a folder, never a file.
    let Some(name) = target.file_name() else {
        return Err(unusable("folder"));
    };
    let folder = match std::fs::canonicalize(folder_of(target).unwrap_or(Path::new("."))) {
        Ok(f) if f.is_dir() => f,
        Ok(_) => return Err(unusable("no_folder")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(unusable("no_folder")),
        Err(e) if e.raw_os_error() == Some(20) => return Err(unusable("no_folder")), // ENOTDIR
        Err(e) => return Err(failed(e)),
    };
    let path = folder.join(name);
    // The database first: "that is your database" says more than "that is a symlink".
    let here = std::fs::symlink_metadata(&path).ok();
    let through_links = std::fs::metadata(&path).ok();
    let resolved = std::fs::canonicalize(&path).ok();
    if protected.covers_path(&path)
        || resolved.as_deref().is_some_and(|r| protected.covers_path(r))
        || here.as_ref().is_some_and(|m| protected.covers_file(m))
        || through_links.as_ref().is_some_and(|m| protected.covers_file(m))
    {
        return Err(AppError::ProtectedTarget { path: shown });
    }
    let Some(meta) = here else { return Ok(CheckedTarget { folder, path, existing: None }) };
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err(unusable("symlink"));
    }
    if kind.is_dir() {
        return Err(unusable("folder"));
    }
    if !kind.is_file() {
        return Err(unusable("not_a_file"));
    }
    if meta.permissions().readonly() || !may_write(&path) {
        return Err(unusable("read_only"));
    }
    Ok(CheckedTarget { folder, path, existing: Some(meta) })
}

/// Whether this user may write the regular file at `path`. The rename only needs the
/// folder, so without this a file of someone else's in a folder we may write would be
/// replaced although we could not write it. Opening for writing without truncating changes
/// nothing; only "permission denied" counts (anything else shows at the write itself).
fn may_write(path: &Path) -> bool {
    match std::fs::OpenOptions::new().write(true).open(path) {
        Err(e) => e.kind() != std::io::ErrorKind::PermissionDenied,
        Ok(_) => true,
    }
}

/// The folder part of `path` ("." for a bare file name).
fn folder_of(path: &Path) -> Option<&Path> {
    match path.parent() {
        Some(p) if p.as_os_str().is_empty() => Some(Path::new(".")),
        other => other,
    }
}

/// The temporary file, its permissions, flushes and the rename.
fn write_checked(target: &CheckedTarget, bytes: &[u8]) -> std::io::Result<()> {
    let mut temp = tempfile::Builder::new().prefix(".nabo-").suffix(".tmp").tempfile_in(&target.folder)?;
    keep_permissions(temp.as_file(), target.existing.as_ref())?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    // On failure the error owns the temporary file, and dropping it deletes it.
    temp.persist(&target.path).map_err(|e| e.error)?;
    sync_folder(&target.folder)
}

#[cfg(unix)]
fn keep_permissions(file: &std::fs::File, existing: Option<&Metadata>) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    match existing {
        Some(meta) => {
            // The owner first (changing it may clear set-id bits), best effort: only root or
            // the owner itself may, and the same owner is the usual case.
            let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
            file.set_permissions(std::fs::Permissions::from_mode(meta.mode() & 0o7777))
        }
        None => file.set_permissions(std::fs::Permissions::from_mode(0o600)),
    }
}

#[cfg(not(unix))]
fn keep_permissions(file: &std::fs::File, existing: Option<&Metadata>) -> std::io::Result<()> {
    match existing {
        Some(meta) => file.set_permissions(meta.permissions()),
        None => Ok(()),
    }
}

/// Flushes the folder, so the rename itself is on disk. Some file systems (network and FUSE
/// mounts) cannot flush a folder and say so with EINVAL; the file itself is flushed already.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    match std::fs::File::open(folder).and_then(|f| f.sync_all()) {
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput || e.kind() == std::io::ErrorKind::Unsupported => Ok(()),
        other => other,
    }
}

/// Windows cannot open a folder as a file to flush it; `MoveFileEx` is what `persist` used.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn file_id(meta: &Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_meta: &Metadata) -> Option<(u64, u64)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_database_its_companions_and_backups_are_protected_and_other_names_are_not() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("cal");
        std::fs::write(&db, b"db").expect("db");
        let protected = ProtectedFiles::of_database(&db);
        let check = |name: &str| check_target(&dir.path().join(name), &protected).map(|_| ());
        for name in ["cal", "CAL", "cal-wal", "cal-shm", "cal-journal", "cal.bak", "cal-2026-12-01", "cal~", "cal_old"]
        {
            assert!(matches!(check(name), Err(AppError::ProtectedTarget { .. })), "{name}");
        }
        for name in ["calendar.ics", "cal2", "my-cal", "x.ics"] {
            assert!(check(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn a_failed_rename_leaves_no_temporary_file_behind() {
        let dir = tempfile::tempdir().expect("dir");
        // A folder with something in it cannot be replaced by a rename: the write fails after
        // the temporary file was made (the check that refuses folders is skipped here).
        let blocker = dir.path().join("out.ics");
        std::fs::create_dir(&blocker).expect("dir");
        std::fs::write(blocker.join("inside"), b"x").expect("file");
        let target =
            CheckedTarget { folder: dir.path().canonicalize().expect("canonical"), path: blocker, existing: None };
        assert!(write_checked(&target, b"BEGIN:VCALENDAR").is_err());
        assert_eq!(names_in(dir.path()), ["out.ics"]);
    }

    #[test]
    fn a_written_file_leaves_only_itself() {
        let dir = tempfile::tempdir().expect("dir");
        let protected = ProtectedFiles::of_database(&dir.path().join("nabo.db"));
        write_file(&dir.path().join("out.ics"), b"one", &protected).expect("written");
        write_file(&dir.path().join("out.ics"), b"two", &protected).expect("written again");
        assert_eq!(names_in(dir.path()), ["out.ics"]);
        assert_eq!(std::fs::read(dir.path().join("out.ics")).expect("read"), b"two");
    }
}
