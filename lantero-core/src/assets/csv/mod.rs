//! CSV import and export that Excel opens as it is: UTF-8 with a byte-order mark, `;` as
//! separator (Excel's default where `,` is the decimal mark, as in Sweden), Swedish headers,
//! CRLF line ends, one row per asset. Risks are not in the CSV; use JSON for them.
//!
//! | column | content |
//! |---|---|
//! | `id` | the asset id (required) |
//! | `namn` | name (required) |
//! | `typ` | hårdvara, mobiltelefon, databas, system, informationstillgång, tjänst, lokal (required) |
//! | `ägare` | owner; empty for none |
//! | `plats` | location |
//! | `betydelse` | låg, medel, hög, kritisk (or 1–4); empty for medel |
//! | `konfidentialitet`, `riktighet`, `tillgänglighet` | KLASSA 0–4; empty for 0 |
//! | `senast granskad` | date of the last review, `YYYY-MM-DD`; empty for never |
//! | `granskningsintervall (månader)` | months between reviews; empty for 12 |
//! | `beror på` | ids this asset depends on, separated by `,` |
//!
//! On import the columns may come in any order and all but the first three may be left
//! out; header case does not matter, an unknown header is an error.
//!
//! Text cells that Excel would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
//! CR) are written with a leading `'`, and that `'` is removed again on import, so export
//! and import round-trip exactly while a name like `=HYPERLINK(…)` stays inert in Excel.

use std::io::{Read, Write};

use chrono::NaiveDate;

use super::{
    Asset, AssetKind, AssetRegister, DEFAULT_REVIEW_INTERVAL_MONTHS, Importance, KlassaLevel,
};
use crate::risk::RiskMatrix;
use crate::{Error, Result};

mod excel;

use excel::{BOM, SkipBom, guard_formula, unguard_formula};

/// The columns, in export order.
const COLUMNS: [&str; 12] = [
    "id",
    "namn",
    "typ",
    "ägare",
    "plats",
    "betydelse",
    "konfidentialitet",
    "riktighet",
    "tillgänglighet",
    "senast granskad",
    "granskningsintervall (månader)",
    "beror på",
];
const ID: usize = 0;
const NAME: usize = 1;
const KIND: usize = 2;
const OWNER: usize = 3;
const LOCATION: usize = 4;
const IMPORTANCE: usize = 5;
const CONFIDENTIALITY: usize = 6;
const INTEGRITY: usize = 7;
const AVAILABILITY: usize = 8;
const LAST_REVIEWED: usize = 9;
const INTERVAL: usize = 10;
const DEPENDS_ON: usize = 11;
const REQUIRED: [usize; 3] = [ID, NAME, KIND];

impl AssetRegister {
    /// Writes every asset as one CSV row to `writer`, BOM first.
    ///
    /// ```
    /// use lantero_core::assets::{Asset, AssetKind, AssetRegister};
    /// use lantero_core::risk::presets;
    ///
    /// let mut register = AssetRegister::new(presets::municipal_4x4());
    /// register.add(Asset::new("mob-1", "Telefon; växeln", AssetKind::MobilePhone)?)?;
    /// let mut csv = Vec::new();
    /// register.write_csv(&mut csv)?;
    /// assert!(csv.starts_with(b"\xEF\xBB\xBFid;namn;typ;"));
    ///
    /// let back = AssetRegister::read_csv(presets::municipal_4x4(), csv.as_slice(), "tillgångar.csv")?;
    /// assert_eq!(back, register);
    /// # Ok::<(), lantero_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Csv`] (source `"CSV export"`, line 0) if the writer fails.
    pub fn write_csv<W: Write>(&self, mut writer: W) -> Result<()> {
        writer
            .write_all(BOM)
            .map_err(|e| write_error("the byte-order mark", &e))?;
        let mut out = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(writer);
        out.write_record(COLUMNS)
            .map_err(|e| write_error("the header", &e))?;
        for (node, asset) in self.assets.iter().enumerate() {
            let dependencies: Vec<&str> = self
                .graph
                .depends_on(node)
                .iter()
                .map(|&n| self.id_at(n))
                .collect();
            let row = [
                guard_formula(asset.id()),
                guard_formula(&asset.name),
                asset.kind.label_sv().to_owned(),
                guard_formula(asset.owner.as_deref().unwrap_or_default()),
                guard_formula(&asset.location),
                asset.importance.label_sv().to_owned(),
                asset.klassa.confidentiality.value().to_string(),
                asset.klassa.integrity.value().to_string(),
                asset.klassa.availability.value().to_string(),
                asset
                    .last_reviewed
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                asset.review_interval_months.to_string(),
                guard_formula(&dependencies.join(",")),
            ];
            out.write_record(&row)
                .map_err(|e| write_error(&format!("asset {:?}", asset.id()), &e))?;
        }
        out.flush()
            .map_err(|e| write_error("the end of the file", &e))
    }

    /// Reads a register from CSV written by [`AssetRegister::write_csv`] or by Excel, with
    /// or without BOM, streaming from `reader`. The register scores risks on `matrix`;
    /// `source_name` names the input in errors.
    ///
    /// # Errors
    /// [`Error::Csv`] with the 1-based line of the first bad row (a missing or unknown
    /// column is line 1; a row with a quoted line break counts all its lines): an unknown
    /// kind, a KLASSA level outside 0–4, a bad date or number, a duplicate or unusable id,
    /// a dependency on an id not in the file. [`Error::DependencyCycle`] if the
    /// dependencies form a cycle.
    pub fn read_csv<R: Read>(matrix: RiskMatrix, reader: R, source_name: &str) -> Result<Self> {
        let mut rows = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(true)
            .from_reader(SkipBom::new(reader));
        let at = |line: u64, reason: String| Error::Csv {
            source_name: source_name.to_owned(),
            line,
            reason,
        };
        let headers = rows
            .headers()
            .map_err(|e| at(error_line(&e), describe(&e)))?;
        let positions = column_positions(headers).map_err(|reason| at(1, reason))?;

        let mut register = Self::new(matrix);
        // (line, dependent, dependency ids): resolved once every row is in, so a row may
        // depend on an asset further down.
        let mut pending = Vec::new();
        let mut record = ::csv::StringRecord::new();
        while rows
            .read_record(&mut record)
            .map_err(|e| at(error_line(&e), describe(&e)))?
        {
            let line = record.position().map_or(0, ::csv::Position::line);
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue; // Excel leaves rows of empty cells behind
            }
            let cell = |column: usize| {
                positions[column]
                    .and_then(|i| record.get(i))
                    .unwrap_or_default()
            };
            let (asset, dependencies) = parse_row(&cell).map_err(|reason| at(line, reason))?;
            let id = asset.id().to_owned();
            register.add(asset).map_err(|e| at(line, e.to_string()))?;
            pending.push((line, id, dependencies));
        }
        for (line, _, dependencies) in &pending {
            if let Some(unknown) = dependencies.iter().find(|d| register.position(d).is_none()) {
                return Err(at(
                    *line,
                    format!("column \"beror på\": unknown asset {unknown:?}"),
                ));
            }
        }
        let edges = pending.iter().flat_map(|(_, id, dependencies)| {
            dependencies.iter().map(move |d| (id.as_str(), d.as_str()))
        });
        register.add_dependencies(edges)?;
        Ok(register)
    }
}

/// Maps each known column to its position in the file.
fn column_positions(
    headers: &::csv::StringRecord,
) -> std::result::Result<[Option<usize>; 12], String> {
    let mut positions = [None; 12];
    for (i, header) in headers.iter().enumerate() {
        let name = header.trim_start_matches('\u{feff}').trim().to_lowercase();
        let column = COLUMNS
            .iter()
            .position(|&c| c == name)
            .ok_or_else(|| format!("unknown column {header:?}; expected {}", COLUMNS.join(";")))?;
        if positions[column].replace(i).is_some() {
            return Err(format!("column {name:?} appears twice"));
        }
    }
    match REQUIRED.iter().find(|&&c| positions[c].is_none()) {
        Some(&missing) => Err(format!("missing column {:?}", COLUMNS[missing])),
        None => Ok(positions),
    }
}

/// One row to an asset and its dependency ids, or the reason it is bad.
fn parse_row<'r>(
    cell: &dyn Fn(usize) -> &'r str,
) -> std::result::Result<(Asset, Vec<String>), String> {
    let in_column = |column: usize| move |e: Error| format!("column {:?}: {e}", COLUMNS[column]);
    let mut asset = Asset::new(
        unguard_formula(cell(ID).trim()),
        unguard_formula(cell(NAME)),
        cell(KIND).parse::<AssetKind>().map_err(in_column(KIND))?,
    )
    .map_err(|e| e.to_string())?;
    let owner = unguard_formula(cell(OWNER));
    asset.owner = (!owner.trim().is_empty()).then_some(owner);
    asset.location = unguard_formula(cell(LOCATION));
    if !cell(IMPORTANCE).trim().is_empty() {
        asset.importance = cell(IMPORTANCE)
            .parse::<Importance>()
            .map_err(in_column(IMPORTANCE))?;
    }
    for (column, level) in [
        (CONFIDENTIALITY, &mut asset.klassa.confidentiality),
        (INTEGRITY, &mut asset.klassa.integrity),
        (AVAILABILITY, &mut asset.klassa.availability),
    ] {
        *level = parse_klassa(cell(column))
            .map_err(|reason| format!("column {:?}: {reason}", COLUMNS[column]))?;
    }
    let date = cell(LAST_REVIEWED).trim();
    if !date.is_empty() {
        let parsed = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
            format!("column \"senast granskad\": {date:?} is not a date YYYY-MM-DD")
        })?;
        asset.last_reviewed = Some(parsed);
    }
    let interval = cell(INTERVAL).trim();
    asset.review_interval_months = if interval.is_empty() {
        DEFAULT_REVIEW_INTERVAL_MONTHS
    } else {
        interval.parse().map_err(|_| {
            format!(
                "column {:?}: {interval:?} is not a whole number of months",
                COLUMNS[INTERVAL]
            )
        })?
    };
    let dependencies = unguard_formula(cell(DEPENDS_ON))
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect();
    Ok((asset, dependencies))
}

fn parse_klassa(cell: &str) -> std::result::Result<KlassaLevel, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(KlassaLevel::NONE);
    }
    cell.parse::<u8>()
        .ok()
        .and_then(|n| KlassaLevel::new(n).ok())
        .ok_or_else(|| format!("{cell:?} is not a KLASSA level 0–4"))
}

fn error_line(error: &::csv::Error) -> u64 {
    error.position().map_or(0, ::csv::Position::line)
}

fn describe(error: &::csv::Error) -> String {
    match error.kind() {
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("{len} cells where the header has {expected_len}")
        }
        ::csv::ErrorKind::Utf8 { .. } => {
            "not valid UTF-8; save the file as \"CSV UTF-8\"".to_owned()
        }
        ::csv::ErrorKind::Io(e) => format!("read error: {e}"),
        _ => error.to_string(),
    }
}

/// A failed write; the line is unknown (0) because names may span lines.
fn write_error(what: &str, error: &dyn std::fmt::Display) -> Error {
    Error::Csv {
        source_name: "CSV export".to_owned(),
        line: 0,
        reason: format!("writing {what} failed: {error}"),
    }
}
