//! Writing output files so that a failure never leaves a partial file behind.

use std::io::Write;
use std::path::Path;

use crate::failure::Failure;

/// Writes `bytes` to a temporary file beside `path` and renames it into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |err: std::io::Error| Failure::processing(format!("{}: {err}", path.display()));
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(folder).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    // Temporary files are private (0600); the result is an ordinary file like any other output.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::Permissions::from_mode(0o644);
        temp.as_file().set_permissions(permissions).map_err(fail)?;
    }
    temp.persist(path).map_err(|err| fail(err.error))?;
    Ok(())
}
