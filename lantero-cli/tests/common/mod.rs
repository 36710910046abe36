//! Running the `lantero` binary from the integration tests, shared by every test file.
#![allow(dead_code)] // each test file uses its own subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs `lantero` with `args` and waits for it.
pub fn lantero(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lantero"))
        .args(args)
        .output()
        .expect("lantero runs")
}

/// A path in the repository, e.g. `data("examples/data/epost-tips.pdf")`.
pub fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// The command's stderr as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A path as a command-line argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// Runs `lantero` with `args` while its reader goes away before anything is printed, as
/// `| head -0` would, and waits for it.
pub fn lantero_with_closed_stdout(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lantero"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lantero starts");
    drop(child.stdout.take());
    child.wait_with_output().expect("lantero runs")
}
