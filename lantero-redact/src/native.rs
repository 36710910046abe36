//! Finding the native runtimes (PDFium, ONNX Runtime) at run time, in one place.
//!
//! Both libraries come from PyPI wheels (`pypdfium2`, `onnxruntime`); nothing is downloaded from
//! anywhere else. The search order is the same for both:
//!
//! 1. the environment variable (`LANTERO_PDFIUM_LIB`, `ORT_DYLIB_PATH`), which must name the file;
//! 2. a `.native/` folder (filled by `make setup`) in `LANTERO_NATIVE_DIR`, the current directory
//!    or any ancestor of it, or next to the running executable or any ancestor of its folder;
//! 3. the installed Python package (`pypdfium2_raw`, `onnxruntime`), asked of `python3`;
//! 4. the system library folders.
//!
//! ```no_run
//! use lantero_redact::native::{locate, NativeLibrary};
//!
//! match locate(NativeLibrary::Pdfium) {
//!     Ok(path) => println!("PDFium: {}", path.display()),
//!     Err(err) => eprintln!("{err}"), // names every place searched and says to run `make setup`
//! }
//! ```

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Error, Result};

/// A native runtime that Lantero loads at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NativeLibrary {
    /// PDFium, for reading and rasterising PDFs.
    Pdfium,
    /// ONNX Runtime, for the named-entity model.
    OnnxRuntime,
}

impl NativeLibrary {
    /// Human name with the file name, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pdfium => "PDFium (libpdfium.so)",
            Self::OnnxRuntime => "ONNX Runtime (libonnxruntime.so)",
        }
    }

    /// The environment variable that names the library file directly.
    pub fn env_var(self) -> &'static str {
        match self {
            Self::Pdfium => "LANTERO_PDFIUM_LIB",
            Self::OnnxRuntime => "ORT_DYLIB_PATH",
        }
    }

    /// Whether `file_name` is this library (ONNX Runtime carries its version in the name).
    fn matches(self, file_name: &str) -> bool {
        match self {
            Self::Pdfium => file_name == "libpdfium.so",
            Self::OnnxRuntime => {
                file_name == "libonnxruntime.so" || file_name.starts_with("libonnxruntime.so.")
            }
        }
    }

    /// Python code that prints the folder of the library inside the installed wheel.
    fn python_probe(self) -> &'static str {
        match self {
            Self::Pdfium => {
                "import os, pypdfium2_raw; print(os.path.dirname(pypdfium2_raw.__file__))"
            }
            Self::OnnxRuntime => {
                "import os, onnxruntime; print(os.path.join(os.path.dirname(onnxruntime.__file__), 'capi'))"
            }
        }
    }

    /// The Python package the probe imports.
    fn python_package(self) -> &'static str {
        match self {
            Self::Pdfium => "pypdfium2",
            Self::OnnxRuntime => "onnxruntime",
        }
    }
}

/// Finds `library`, or explains where it looked.
pub fn locate(library: NativeLibrary) -> Result<PathBuf> {
    let mut searched = Vec::new();

    let var = library.env_var();
    match env::var_os(var) {
        Some(value) if !value.is_empty() => {
            let path = PathBuf::from(value);
            if path.is_file() {
                return Ok(path);
            }
            // An explicit setting that points nowhere is a mistake to report, not to paper over.
            return Err(Error::NativeLibraryNotFound {
                library: library.label().into(),
                env_var: var.into(),
                searched: vec![format!("{var}={} (no such file)", path.display())],
            });
        }
        _ => searched.push(format!("{var} (unset)")),
    }

    for dir in native_dirs() {
        if let Some(found) = find_in(library, &dir) {
            return Ok(found);
        }
        searched.push(dir.display().to_string());
    }

    match python_dir(library) {
        Some(dir) => {
            if let Some(found) = find_in(library, &dir) {
                return Ok(found);
            }
            searched.push(format!("{} ({})", library.python_package(), dir.display()));
        }
        None => searched.push(format!(
            "Python package {} (not installed)",
            library.python_package()
        )),
    }

    for dir in system_dirs() {
        if let Some(found) = find_in(library, &dir) {
            return Ok(found);
        }
    }
    searched.push("system library folders".into());

    Err(Error::NativeLibraryNotFound {
        library: library.label().into(),
        env_var: var.into(),
        searched,
    })
}

/// Candidate `.native/` folders, nearest first, without duplicates.
fn native_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(dir) = env::var_os("LANTERO_NATIVE_DIR") {
        dirs.push(PathBuf::from(dir));
    }
    let mut roots = Vec::new();
    if let Ok(cwd) = env::current_dir() {
        roots.push(cwd);
    }
    if let Some(exe_dir) = env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    {
        roots.push(exe_dir);
    }
    for root in roots {
        for ancestor in root.ancestors() {
            let candidate = ancestor.join(".native");
            if candidate.is_dir() && !dirs.contains(&candidate) {
                dirs.push(candidate);
            }
        }
    }
    dirs
}

/// Asks `python3` where the wheel put the library; `None` when Python or the package is absent.
fn python_dir(library: NativeLibrary) -> Option<PathBuf> {
    let python = env::var_os("PYTHON").unwrap_or_else(|| "python3".into());
    let output = Command::new(python)
        .args(["-c", library.python_probe()])
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let dir = String::from_utf8(output.stdout).ok()?;
    let dir = PathBuf::from(dir.trim());
    dir.is_dir().then_some(dir)
}

/// The folders the dynamic loader searches by default on Debian, plus `LD_LIBRARY_PATH`.
fn system_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = env::var_os("LD_LIBRARY_PATH")
        .map(|paths| env::split_paths(&paths).collect())
        .unwrap_or_default();
    for dir in [
        "/usr/local/lib",
        "/usr/lib/x86_64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu",
        "/usr/lib",
        "/lib",
    ] {
        dirs.push(PathBuf::from(dir));
    }
    dirs
}

/// The library file in `dir`, if there is one (the highest version when several match).
fn find_in(library: NativeLibrary, dir: &Path) -> Option<PathBuf> {
    let mut matches: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            entry
                .file_name()
                .to_str()
                .is_some_and(|name| library.matches(name))
        })
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    matches.sort();
    matches.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_only_the_right_files() {
        assert!(NativeLibrary::Pdfium.matches("libpdfium.so"));
        assert!(!NativeLibrary::Pdfium.matches("libpdfium.so.bak2"));
        assert!(NativeLibrary::OnnxRuntime.matches("libonnxruntime.so.1.32.0"));
        assert!(!NativeLibrary::OnnxRuntime.matches("libonnxruntime_providers_shared.so"));
    }

    #[test]
    fn finds_the_highest_version_in_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "libonnxruntime.so.1.31.0",
            "libonnxruntime.so.1.32.0",
            "other.so",
        ] {
            std::fs::write(dir.path().join(name), b"").unwrap();
        }
        let found = find_in(NativeLibrary::OnnxRuntime, dir.path()).unwrap();
        assert!(found.ends_with("libonnxruntime.so.1.32.0"));
        assert_eq!(find_in(NativeLibrary::Pdfium, dir.path()), None);
    }
}
