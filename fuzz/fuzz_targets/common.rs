//! What the file-reading fuzz targets share.

use std::path::PathBuf;

/// Writes `bytes` to a file named `name` in this process's scratch folder, for readers that
/// take a path (and choose by its extension); `None` when the file cannot be written.
pub fn as_file(bytes: &[u8], name: &str) -> Option<PathBuf> {
    let dir = std::env::temp_dir().join(format!("lantero-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(name);
    std::fs::write(&path, bytes).ok()?;
    Some(path)
}
