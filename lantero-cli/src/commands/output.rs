//! Output files: where they may go, and writing them so that a failure or a stop by a signal
//! never leaves a partial file behind.

use std::io::Write;
use std::path::Path;

use lantero_redact::write::PartFile;

use crate::failure::Failure;

/// Writes `bytes` to a part file beside `path` (`.lantero-XXXXXX.<ext>.part`, removed if the
/// program is stopped) and renames it into place. The file gets 0666 less the umask, as any
/// program's output.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |err: std::io::Error| Failure::processing(format!("{}: {err}", path.display()));
    check_output(path, None)?;
    let extension = path
        .extension()
        .and_then(|ext| ext.to_str())
        .filter(|ext| ext.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or("out");
    let part = PartFile::create_beside(path, extension).map_err(fail)?;
    let mut file = part.as_file();
    file.write_all(bytes).map_err(fail)?;
    file.sync_all().map_err(fail)?;
    part.persist(path).map_err(fail)?;
    Ok(())
}

/// Checks that `path` can name an output file: not `-` (stdout is not supported), not an
/// existing folder or device, and with `extension` (e.g. `"pdf"`) when one is required.
/// Bad usage (exit 2) otherwise.
pub fn check_output(path: &Path, extension: Option<&str>) -> Result<(), Failure> {
    let shown = path.display();
    if path.as_os_str() == "-" {
        return Err(Failure::input(format!(
            "-o -: writing to stdout is not supported; give a file name{}",
            extension.map_or(String::new(), |ext| format!(" ending in .{ext}"))
        )));
    }
    if let Ok(metadata) = std::fs::metadata(path) {
        if metadata.is_dir() {
            return Err(Failure::input(format!(
                "{shown}: is a folder; the output must be a file"
            )));
        }
        if !metadata.is_file() {
            return Err(Failure::input(format!(
                "{shown}: is a device or other special file; the output must be a regular file"
            )));
        }
    }
    if let Some(wanted) = extension {
        let has = path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| ext.eq_ignore_ascii_case(wanted));
        if !has {
            return Err(Failure::input(format!(
                "{shown}: the output must be a .{wanted} file"
            )));
        }
    }
    Ok(())
}
