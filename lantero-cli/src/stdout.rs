//! Printing without panicking: a closed stdout (`lantero detect … | head`) ends the command
//! quietly, and a closed stderr is ignored.

use std::io::Write;

use crate::failure::{CommandResult, Failure};

/// Writes `text` to stdout. When the reader has gone away the command should stop quietly:
/// that is [`Failure::quiet`] (exit 0, no message); any other write error is a failure.
pub fn print(text: &str) -> CommandResult {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::quiet()),
        Err(err) => Err(Failure::processing(format!("writing to stdout: {err}"))),
    }
}

/// `println!` that returns [`Failure::quiet`] from the command when stdout is closed.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::stdout::print(&format!("{}\n", format_args!($($arg)*)))?
    };
}

/// `eprintln!` that ignores a closed stderr instead of panicking.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub(crate) use {note, outln};
