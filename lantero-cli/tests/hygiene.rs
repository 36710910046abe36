//! The command line as a well-behaved Unix program: a closed stdout ends it quietly, a signal
//! leaves no partial output behind, outputs follow the umask, `-o` names a real file, and
//! oversized inputs are refused with the flag that raises the limit.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

mod common;

use common::{arg, data, lantero, lantero_with_closed_stdout, stderr};

/// Asserts the contract's failure shape: this exit code, one stderr line naming `needle`.
fn assert_fails(output: &Output, code: i32, needle: &str) {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(code), "{message}");
    assert_eq!(message.trim_end().lines().count(), 1, "{message}");
    assert!(message.contains(needle), "{needle:?} not in {message}");
    assert!(!message.contains("panicked"), "{message}");
}

fn part_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".part"))
        .collect()
}

#[test]
fn a_closed_stdout_ends_every_printing_command_quietly() {
    let sample = data("examples/data/protokoll-socialnamnden.pdf");
    for format in ["text", "json"] {
        let output = lantero_with_closed_stdout(&["detect", arg(&sample), "--format", format]);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{format}: {message}");
        assert!(!message.contains("panicked"), "{format}: {message}");
        assert!(!message.contains("internal error"), "{format}: {message}");
        assert!(!message.contains("Broken pipe"), "{format}: {message}");
    }
}

#[test]
fn sigterm_during_a_redaction_removes_the_part_file() {
    let dir = tempfile::tempdir().unwrap();
    // Forty dense pages at 600 dpi: long enough to be caught while writing.
    let input = dir.path().join("lang.txt");
    let line = "Ärendet gäller ansökan om försörjningsstöd för hushållet, handläggare Eva.\n";
    std::fs::write(&input, line.repeat(60 * 40)).unwrap();
    let out_dir = dir.path().join("ut");
    std::fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("lang.pdf");
    let mut child = Command::new(env!("CARGO_BIN_EXE_lantero"))
        .args([
            "redact",
            arg(&input),
            "-o",
            arg(&out),
            "--accept-all",
            "--dpi",
            "600",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while part_files(&out_dir).is_empty() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("lantero ended ({status}) before it started writing");
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no part file appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(128 + 15), "{message}");
    assert!(message.contains("SIGTERM"), "{message}");
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(part_files(&out_dir), Vec::<String>::new());
    assert!(!out.exists());
}

#[test]
fn stale_part_files_of_killed_runs_are_swept_fresh_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(".lantero-k1ll3d.pdf.part");
    let fresh = dir.path().join(".lantero-running.pdf.part");
    let unrelated = dir.path().join("utkast.pdf.part");
    for path in [&stale, &fresh, &unrelated] {
        std::fs::write(path, b"%PDF-1.7 half a file").unwrap();
    }
    let two_hours_ago = SystemTime::now() - Duration::from_secs(2 * 60 * 60);
    for path in [&stale, &unrelated] {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
    }
    let out = dir.path().join("ut.pdf");
    let input = data("examples/data/tjansteanteckning.pdf");
    let output = lantero(&["redact", arg(&input), "-o", arg(&out), "--accept-all"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stale.exists(), "a killed run's part file is swept");
    assert!(fresh.exists(), "a running one's is not");
    assert!(unrelated.exists(), "nor a file not named like ours");
}

#[cfg(unix)]
#[test]
fn outputs_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = data("examples/data/epost-tips.pdf");
    for (umask, mode) in [("022", 0o644), ("027", 0o640)] {
        let out = dir.path().join(format!("ut-{umask}.pdf"));
        let review = dir.path().join(format!("r-{umask}.json"));
        for args in [
            vec!["review", arg(&input), "-o", arg(&review)],
            vec!["redact", arg(&input), "-o", arg(&out), "--accept-all"],
        ] {
            let output = Command::new("sh")
                .arg("-c")
                .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
                .arg(env!("CARGO_BIN_EXE_lantero"))
                .args(&args)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        }
        for path in [&out, &review] {
            let actual = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(actual, mode, "{} under umask {umask}", path.display());
        }
    }
}

#[test]
fn o_must_name_a_pdf_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = data("examples/data/epost-tips.pdf");
    let run_in_dir = |out: &str| {
        Command::new(env!("CARGO_BIN_EXE_lantero"))
            .current_dir(dir.path())
            .args(["redact", arg(&input), "-o", out, "--accept-all"])
            .output()
            .unwrap()
    };
    assert_fails(&run_in_dir("-"), 2, "-o -");
    assert_fails(&run_in_dir("ut.txt"), 2, "ut.txt");
    assert_fails(&run_in_dir("/dev/null"), 2, "/dev/null");
    std::fs::create_dir(dir.path().join("mapp.pdf")).unwrap();
    assert_fails(&run_in_dir("mapp.pdf"), 2, "mapp.pdf");
    // Only the folder made above: no file named `-` or anything else was written.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1);
    let output = lantero(&["review", arg(&input), "-o", "-"]);
    assert_fails(&output, 2, "-o -");
    // A failure about the output still names the input.
    let missing = dir.path().join("saknas").join("ut.pdf");
    let output = lantero(&["redact", arg(&input), "-o", arg(&missing), "--accept-all"]);
    assert_fails(&output, 1, "epost-tips.pdf");
    assert!(stderr(&output).contains("saknas"), "{}", stderr(&output));
}

/// A sparse file of `len` bytes that starts with `head`.
fn sparse(path: &Path, head: &[u8], len: u64) {
    let mut file = std::fs::File::create(path).unwrap();
    file.write_all(head).unwrap();
    file.set_len(len).unwrap();
}

#[test]
fn oversized_inputs_are_refused_at_once_naming_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    // 1 GiB of something else: refused from its first kilobyte, not read whole.
    let junk = dir.path().join("stor.pdf");
    sparse(&junk, b"PK\x03\x04", 1 << 30);
    let started = Instant::now();
    assert_fails(&lantero(&["detect", arg(&junk)]), 2, "not a PDF");
    assert!(started.elapsed() < Duration::from_secs(5));
    // A PDF over the size limit, and a text file over it, are refused before being read.
    let big_pdf = dir.path().join("stor2.pdf");
    sparse(&big_pdf, b"%PDF-1.7\n", 600 << 20);
    assert_fails(&lantero(&["detect", arg(&big_pdf)]), 2, "--max-input-mb");
    let big_txt = dir.path().join("stor.txt");
    sparse(&big_txt, b"Hej\n", 3 << 20);
    let output = lantero(&["detect", arg(&big_txt), "--max-input-mb", "2"]);
    assert_fails(&output, 2, "stor.txt");
    assert!(stderr(&output).contains("--max-input-mb"));
    let output = lantero(&[
        "review",
        arg(&big_txt),
        "-o",
        arg(&dir.path().join("r.json")),
        "--max-input-mb",
        "2",
    ]);
    assert_fails(&output, 2, "--max-input-mb");
    // Pages: a two-page PDF under --max-pages 1, and text that needs more pages than allowed.
    let two_pages = data("examples/data/protokoll-socialnamnden.pdf");
    let output = lantero(&["detect", arg(&two_pages), "--max-pages", "1"]);
    assert_fails(&output, 2, "--max-pages");
    let long_text = dir.path().join("lang.txt");
    std::fs::write(&long_text, "rad\n".repeat(60 * 5)).unwrap();
    let out = dir.path().join("ut.pdf");
    let output = lantero(&[
        "redact",
        arg(&long_text),
        "-o",
        arg(&out),
        "--accept-all",
        "--max-pages",
        "2",
    ]);
    assert_fails(&output, 2, "--max-pages");
    assert!(!out.exists());
    assert_fails(
        &lantero(&["detect", arg(&two_pages), "--max-pages", "0"]),
        2,
        "--max-pages",
    );
}
