//! `lantero doctor`: where the native runtimes are found, or why not.

use lantero_redact::native::{NativeLibrary, locate};

use crate::failure::{CommandResult, Failure};

/// Prints one line per native runtime; fails (exit 1) when any is missing.
pub fn run() -> CommandResult {
    let mut missing = Vec::new();
    for library in [NativeLibrary::Pdfium, NativeLibrary::OnnxRuntime] {
        match locate(library) {
            Ok(path) => crate::stdout::outln!("{}: {}", library.label(), path.display()),
            Err(err) => missing.push(err.to_string()),
        }
    }
    match missing.is_empty() {
        true => Ok(()),
        false => Err(Failure::processing(missing.join(" | "))),
    }
}
