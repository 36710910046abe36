//! The DuckDB peer of `fraudfinder_controls`: `benches/peers/duckdb_controls.py` kept running
//! beside the bench, so that its tables are loaded once and each measurement only runs the
//! rules. Its Python comes from `LANTERO_PEER_PYTHON` or `benches/peers/.venv` (`make
//! bench-peers`).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

use lantero_fraudfinder::controls::{Dialect, RuleSet};
use lantero_fraudfinder::sample::Scenario;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The peer's Python: `LANTERO_PEER_PYTHON`, else the venv `make bench-peers` makes.
pub fn python() -> Option<PathBuf> {
    let path = std::env::var_os("LANTERO_PEER_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("peers/.venv/bin/python"));
    path.exists().then_some(path)
}

/// A running peer with the data sets loaded.
pub struct Peer {
    child: Child,
    input: Option<ChildStdin>,
    output: BufReader<ChildStdout>,
    /// Records loaded.
    pub rows: u64,
    /// Seconds DuckDB took to load them (not part of the measurement).
    pub load_seconds: f64,
    /// The records each rule flagged, by rule name.
    pub counts: Vec<(String, usize)>,
}

impl Peer {
    /// Writes `datasets` as CSV and the rules as DuckDB SQL into `dir`, starts the peer and
    /// waits until it has loaded them.
    pub fn start(
        python: &Path,
        dir: &Path,
        scenario: &Scenario,
        datasets: &[&str],
        rules: &RuleSet,
    ) -> Result<Self, String> {
        let sql = rules.to_sql(Dialect::Duckdb).map_err(|e| e.to_string())?;
        let rule_file = dir.join("rules.sql");
        std::fs::write(&rule_file, sql).map_err(|e| e.to_string())?;
        let mut command = Command::new(python);
        command
            .arg(manifest_dir().join("peers/duckdb_controls.py"))
            .arg(&rule_file);
        for name in datasets {
            let file = scenario.file(name).ok_or(format!("no data set {name}"))?;
            let csv = dir.join(format!("{name}.csv"));
            std::fs::write(&csv, &file.csv).map_err(|e| e.to_string())?;
            let columns: Vec<String> = file
                .schema
                .fields()
                .iter()
                .map(|f| format!("{}:{}", f.name, f.column_type.name()))
                .collect();
            command.arg(format!("{name}={}={}", csv.display(), columns.join(",")));
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
        let input = child.stdin.take().ok_or("no stdin")?;
        let output = BufReader::new(child.stdout.take().ok_or("no stdout")?);
        let mut peer = Peer {
            child,
            input: Some(input),
            output,
            rows: 0,
            load_seconds: 0.0,
            counts: Vec::new(),
        };
        loop {
            let line = peer.line()?;
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["loaded", rows, seconds] => {
                    peer.rows = rows.parse().map_err(|_| line.clone())?;
                    peer.load_seconds = seconds.parse().map_err(|_| line.clone())?;
                }
                ["count", name, n] => peer
                    .counts
                    .push(((*name).to_owned(), n.parse().map_err(|_| line.clone())?)),
                ["ready"] => return Ok(peer),
                _ => return Err(format!("peer said {line:?}")),
            }
        }
    }

    fn line(&mut self) -> Result<String, String> {
        let mut line = String::new();
        match self.output.read_line(&mut line) {
            Ok(0) => Err("the peer ended early (see its stderr above)".into()),
            Ok(_) => Ok(line.trim_end().to_owned()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Runs every rule `iterations` times; the time DuckDB reports for them.
    pub fn run(&mut self, iterations: u64) -> Result<Duration, String> {
        let input = self.input.as_mut().ok_or("the peer was stopped")?;
        writeln!(input, "run {iterations}").map_err(|e| e.to_string())?;
        let line = self.line()?;
        let seconds = line
            .strip_prefix("seconds ")
            .and_then(|s| s.parse::<f64>().ok())
            .ok_or(format!("peer said {line:?}"))?;
        Ok(Duration::from_secs_f64(seconds))
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        // Closing stdin ends the peer's loop; wait so that no process is left behind.
        drop(self.input.take());
        let _ = self.child.wait();
    }
}
