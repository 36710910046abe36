//! Temporary output files: written beside the output as `.lantero-XXXXXX.<ext>.part` and
//! renamed into place when complete.
//!
//! Every part file this process has open is listed, so that a program stopped by a signal can
//! remove them ([`remove_live_parts`]); part files left by a process that was killed outright
//! are removed when a later one writes to the same folder ([`sweep_stale_parts`]). Part files
//! are created with mode 0666 less the umask, as any output, so the renamed result has the
//! permissions the user expects.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// How every part file's name starts.
pub const PART_PREFIX: &str = ".lantero-";
/// How every part file's name ends.
pub const PART_SUFFIX: &str = ".part";
/// Part files older than this are taken to be left by a killed run and are removed.
pub const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// The part files this process has open; once `closing`, no more are created.
struct Live {
    paths: Vec<PathBuf>,
    closing: bool,
}

static LIVE: Mutex<Live> = Mutex::new(Live {
    paths: Vec::new(),
    closing: false,
});

fn live() -> MutexGuard<'static, Live> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A temporary output file beside its destination; deleted when dropped unless persisted.
#[derive(Debug)]
pub struct PartFile {
    temp: Option<NamedTempFile>,
    path: PathBuf,
}

impl PartFile {
    /// Creates `.lantero-XXXXXX.<extension>.part` in the folder of `out`, after removing stale
    /// part files there.
    pub fn create_beside(out: &Path, extension: &str) -> io::Result<PartFile> {
        let folder = folder_of(out);
        sweep_stale_parts(folder, STALE_AFTER);
        let suffix = format!(".{extension}{PART_SUFFIX}");
        let mut builder = tempfile::Builder::new();
        builder.prefix(PART_PREFIX).suffix(&suffix);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // As any program's output: 0666 less the umask (tempfile's own default is 0600).
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        // Created while the list is held, so a signal handler never misses a file.
        let mut live = live();
        if live.closing {
            return Err(io::Error::new(
                io::ErrorKind::Interrupted,
                "the program is stopping",
            ));
        }
        let temp = builder.tempfile_in(folder)?;
        let path = temp.path().to_path_buf();
        live.paths.push(path.clone());
        Ok(PartFile {
            temp: Some(temp),
            path,
        })
    }

    /// The open file.
    pub fn as_file(&self) -> &File {
        match &self.temp {
            Some(temp) => temp.as_file(),
            None => unreachable!("a part file is open until it is persisted or dropped"),
        }
    }

    /// Where the part file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the part file to `out`. On failure it stays a part file (deleted when dropped).
    pub fn persist(mut self, out: &Path) -> io::Result<()> {
        let mut live = live();
        let Some(temp) = self.temp.take() else {
            return Err(io::Error::other("the part file is gone"));
        };
        match temp.persist(out) {
            Ok(_) => {
                live.paths.retain(|p| p != &self.path);
                Ok(())
            }
            Err(err) => {
                self.temp = Some(err.file);
                Err(err.error)
            }
        }
    }
}

impl Drop for PartFile {
    fn drop(&mut self) {
        let mut live = live();
        drop(self.temp.take()); // deletes the file
        live.paths.retain(|p| p != &self.path);
    }
}

/// Removes every part file this process has open and refuses to create more: for a signal
/// handler, just before the process exits. Returns how many were removed.
pub fn remove_live_parts() -> usize {
    let mut live = live();
    live.closing = true;
    let mut removed = 0;
    for path in live.paths.drain(..) {
        if std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Removes part files (`.lantero-*.part`, regular files) in `folder` last modified more than
/// `older_than` ago: what runs killed before they could clean up left. Errors are ignored.
/// Returns how many were removed.
pub fn sweep_stale_parts(folder: &Path, older_than: Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_part_name(name) {
            continue;
        }
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let stale = metadata
            .modified()
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > older_than);
        if metadata.is_file() && stale && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether `name` is how this module names part files.
pub fn is_part_name(name: &str) -> bool {
    name.len() > PART_PREFIX.len() + PART_SUFFIX.len()
        && name.starts_with(PART_PREFIX)
        && name.ends_with(PART_SUFFIX)
}

fn folder_of(out: &Path) -> &Path {
    match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_files_are_named_recognisably_and_removed_unless_persisted() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.pdf");
        let part = PartFile::create_beside(&out, "pdf").unwrap();
        let name = part
            .path()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(is_part_name(&name) && name.ends_with(".pdf.part"), "{name}");
        let path = part.path().to_path_buf();
        drop(part);
        assert!(!path.exists());
        let part = PartFile::create_beside(&out, "pdf").unwrap();
        part.persist(&out).unwrap();
        assert!(out.is_file());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn only_old_part_files_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".lantero-abc123.pdf.part");
        let fresh = dir.path().join(".lantero-def456.pdf.part");
        let other = dir.path().join("notes.part");
        for path in [&old, &fresh, &other] {
            std::fs::write(path, b"x").unwrap();
        }
        let two_hours_ago = SystemTime::now() - Duration::from_secs(2 * 60 * 60);
        for path in [&old, &other] {
            File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
        assert_eq!(sweep_stale_parts(dir.path(), STALE_AFTER), 1);
        assert!(!old.exists() && fresh.exists() && other.exists());
    }

    #[cfg(unix)]
    #[test]
    fn part_files_follow_the_umask_not_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let part = PartFile::create_beside(&dir.path().join("o.pdf"), "pdf").unwrap();
        let mode = part.as_file().metadata().unwrap().permissions().mode() & 0o777;
        // Whatever the test runner's umask, group/other bits are not all cleared by us.
        assert_ne!(mode & 0o600, 0);
        assert!(mode & 0o111 == 0, "{mode:o}");
    }
}
