//! Reading a calendar file the user chose to import: only an ordinary file, and never more
//! than [`MAX_FILE_BYTES`] of it.
//!
//! The size a file reports is not trusted: `/dev/zero` reports 0 bytes and never ends, a
//! FIFO or a pipe has no size, and a file can grow while it is read. So the opened handle
//! must be a regular file, and the bytes actually read are capped.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

use nabo_core::calendar::{ReadError, MAX_FILE_BYTES};

use crate::error::AppError;

/// The bytes of `file`, refused when it is not an ordinary file or is larger than [`MAX_FILE_BYTES`].
///
/// `-` (standard input, in many tools) is refused too: a pipe has no end to wait for, and the
/// desktop app has no standard input. `/dev/stdin` is read when it is an ordinary file
/// (`nabo import-ics /dev/stdin < work.ics`) and refused as a pipe otherwise.
pub(crate) fn read_import_file(file: &Path) -> Result<Vec<u8>, AppError> {
    let shown = file.display().to_string();
    read_chosen_file(file, MAX_FILE_BYTES, |bytes| AppError::Import {
        file: shown.clone(),
        source: ReadError::TooLarge { bytes, max: MAX_FILE_BYTES },
    })
}

/// The bytes of a file the user chose (a calendar, a card, a summary, a receipt): only an
/// ordinary file, and never more than `max` bytes of it (`too_large` says so with the size seen).
pub(crate) fn read_chosen_file(
    file: &Path,
    max: u64,
    too_large: impl Fn(u64) -> AppError,
) -> Result<Vec<u8>, AppError> {
    let shown = file.display().to_string();
    if file.as_os_str() == "-" {
        return Err(AppError::ImportNotAFile { path: shown, kind: "stdin" });
    }
    let failed = |e: std::io::Error| AppError::ReadFailed { path: shown.clone(), reason: e.to_string() };
    let handle = match open(file) {
        Ok(handle) => handle,
        // A socket cannot be opened at all: say what it is rather than the system's reason.
        Err(e) => {
            return Err(match std::fs::metadata(file) {
                Ok(meta) if !meta.is_file() => AppError::ImportNotAFile { path: shown, kind: kind_of(&meta) },
                _ => failed(e),
            })
        }
    };
    // The handle's own type (fstat), not the path's: the path may be swapped meanwhile.
    let meta = handle.metadata().map_err(failed)?;
    if !meta.is_file() {
        return Err(AppError::ImportNotAFile { path: shown, kind: kind_of(&meta) });
    }
    if meta.len() > max {
        return Err(too_large(meta.len()));
    }
    // One byte past the limit tells a file that grew (or lied about its size) from one that fits.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    handle.take(max + 1).read_to_end(&mut bytes).map_err(failed)?;
    let read = bytes.len() as u64;
    if read > max {
        return Err(too_large(read.max(meta.len())));
    }
    Ok(bytes)
}

/// Opens for reading without waiting: a FIFO without a writer would block `open` forever,
/// so it is opened with `O_NONBLOCK` (which changes nothing for a regular file) and then
/// refused by its type.
#[cfg(unix)]
fn open(file: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(file)
}

/// Opens for reading (Windows: named pipes live under `\\.\pipe\`, not among files).
#[cfg(not(unix))]
fn open(file: &Path) -> std::io::Result<File> {
    OpenOptions::new().read(true).open(file)
}

/// What a path that is not an ordinary file is, for the message.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "fifo";
        }
        if t.is_char_device() || t.is_block_device() {
            return "device";
        }
        if t.is_socket() {
            return "socket";
        }
    }
    "other"
}
