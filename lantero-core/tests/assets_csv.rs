//! CSV import/export of the asset register, and random registers through CSV and JSON.

use chrono::NaiveDate;
use lantero_core::Error;
use lantero_core::assets::{Asset, AssetKind, AssetRegister, Importance, Klassa};
use lantero_core::risk::{Estimate, Risk, Treatment, presets};
use proptest::prelude::*;

const HEADER: &str = "id;namn;typ;ägare;plats;betydelse;konfidentialitet;riktighet;tillgänglighet;senast granskad;granskningsintervall (månader);beror på";

fn read(text: &str) -> Result<AssetRegister, Error> {
    AssetRegister::read_csv(presets::municipal_4x4(), text.as_bytes(), "test.csv")
}

fn csv_error(text: &str) -> (u64, String) {
    match read(text) {
        Err(Error::Csv {
            source_name,
            line,
            reason,
        }) => {
            assert_eq!(source_name, "test.csv");
            (line, reason)
        }
        other => panic!("expected a CSV error, got {other:?}"),
    }
}

fn export(register: &AssetRegister) -> Vec<u8> {
    let mut out = Vec::new();
    register.write_csv(&mut out).unwrap();
    out
}

fn sample() -> AssetRegister {
    let mut r = AssetRegister::new(presets::municipal_4x4());
    let mut case_system = Asset::new(
        "sys-1",
        "Ärendesystem \"Procapita\"; socialtjänst",
        AssetKind::System,
    )
    .unwrap();
    case_system.owner = Some("Socialchef".into());
    case_system.location = "Driftcenter, hall B".into();
    case_system.importance = Importance::Critical;
    case_system.klassa = Klassa::new(4, 3, 3).unwrap();
    case_system.last_reviewed = NaiveDate::from_ymd_opt(2025, 3, 14);
    case_system.review_interval_months = 6;
    r.add(case_system).unwrap();
    let mut phone = Asset::new("mob-1", "Jourtelefon\nrad två", AssetKind::MobilePhone).unwrap();
    phone.location = "=HYPERLINK(\"http://example.invalid\")".into();
    r.add(phone).unwrap();
    r.add(Asset::new("db-1", "Databas, SQL", AssetKind::Database).unwrap())
        .unwrap();
    r.add_dependencies([("sys-1", "db-1"), ("sys-1", "mob-1")])
        .unwrap();
    r
}

#[test]
fn export_opens_in_excel_and_reads_back() {
    let register = sample();
    let bytes = export(&register);
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.starts_with(&format!("\u{feff}{HEADER}\r\n")));
    assert!(
        text.contains("\"Ärendesystem \"\"Procapita\"\"; socialtjänst\""),
        "{text}"
    );
    assert!(
        text.contains(";\"db-1,mob-1\"\r\n") || text.contains(";db-1,mob-1\r\n"),
        "{text}"
    );
    // The formula is inert in Excel: it starts with an apostrophe.
    assert!(text.contains("\"'=HYPERLINK("), "{text}");
    assert_eq!(
        AssetRegister::read_csv(presets::municipal_4x4(), bytes.as_slice(), "x.csv").unwrap(),
        register
    );
}

#[test]
fn import_accepts_files_without_bom_and_with_columns_reordered() {
    let text =
        "Namn;ID;Typ;Beror på;Konfidentialitet\nServer;srv;hårdvara;;2\nE-post;mail;Tjänst;srv;\n";
    let r = read(text).unwrap();
    assert_eq!(r.len(), 2);
    let mail = r.get("mail").unwrap();
    assert_eq!(
        (mail.kind, mail.importance),
        (AssetKind::Service, Importance::Medium)
    );
    assert_eq!(mail.review_interval_months, 12);
    assert_eq!(r.get("srv").unwrap().klassa, Klassa::new(2, 0, 0).unwrap());
    assert_eq!(r.dependencies("mail").unwrap(), ["srv"]);
}

#[test]
fn rows_of_empty_cells_are_skipped() {
    let text = format!("{HEADER}\r\na;A;lokal;;;;;;;;;\r\n;;;;;;;;;;;\r\n");
    assert_eq!(read(&text).unwrap().len(), 1);
}

#[test]
fn bad_rows_are_reported_with_their_line() {
    // Line 2 holds a name over two lines, so the bad row starts on line 4.
    let prefix = format!("\u{feff}{HEADER}\n\"ok\";\"Namn\nmed radbrytning\";system;;;;;;;;;\n");
    let cases = [
        ("x;X;skrivare;;;;;;;;;", "column \"typ\""),
        ("x;X;system;;;;5;;;;;", "\"5\" is not a KLASSA level 0–4"),
        ("x;X;system;;;;;-1;;;;", "column \"riktighet\""),
        ("x;X;system;;;;;;;2025-02-30;;", "not a date"),
        ("x;X;system;;;;;;;;tolv;", "not a whole number of months"),
        ("x;X;system;;;extrem;;;;;;", "column \"betydelse\""),
        ("ok;X;system;;;;;;;;;", "duplicate asset id \"ok\""),
        ("a,b;X;system;;;;;;;;;", "asset id"),
        ("x;;system;;;;;;;;;", "needs a name"),
        ("x;X;system;;;;;;;;;saknas", "unknown asset \"saknas\""),
        ("x;X;system", "3 cells where the header has 12"),
    ];
    for (row, expected) in cases {
        let (line, reason) = csv_error(&format!("{prefix}{row}\n"));
        assert_eq!(line, 4, "{row}: {reason}");
        assert!(reason.contains(expected), "{row}: {reason}");
    }
}

#[test]
fn header_problems_are_on_line_one() {
    for (header, expected) in [
        ("id;namn", "missing column \"typ\""),
        ("id;namn;typ;agare", "unknown column \"agare\""),
        ("id;namn;typ;ID", "column \"id\" appears twice"),
    ] {
        let (line, reason) = csv_error(&format!("{header}\n"));
        assert_eq!(line, 1, "{header}");
        assert!(reason.contains(expected), "{header}: {reason}");
    }
}

#[test]
fn text_that_is_not_utf8_is_refused_with_advice() {
    // "hårdvara" in Windows-1252, as older Excel versions save it.
    let mut bytes = b"id;namn;typ\nx;X;h".to_vec();
    bytes.push(0xE5);
    bytes.extend_from_slice(b"rdvara\n");
    let err = AssetRegister::read_csv(presets::municipal_4x4(), bytes.as_slice(), "ansi.csv")
        .unwrap_err();
    assert!(
        matches!(&err, Error::Csv { line: 2, reason, .. } if reason.contains("CSV UTF-8")),
        "{err}"
    );
}

#[test]
fn dependency_cycle_in_a_file_is_reported_as_a_cycle() {
    let text = "id;namn;typ;beror på\na;A;system;b\nb;B;system;c\nc;C;system;a\n";
    match read(text) {
        Err(Error::DependencyCycle(path)) => {
            assert_eq!(path.len(), 4);
            assert_eq!(path.first(), path.last());
        }
        other => panic!("expected a cycle, got {other:?}"),
    }
    let self_loop = "id;namn;typ;beror på\na;A;system;a\n";
    assert_eq!(
        read(self_loop),
        Err(Error::DependencyCycle(vec!["a".into(), "a".into()]))
    );
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!(
        "[a-zA-ZåäöÅÄÖ0-9 ;,\"'=+@\\-\\n\\r\\t]{{0,{max}}}"
    ))
    .unwrap()
}

fn non_blank(max: usize) -> impl Strategy<Value = String> {
    (text(max), "[a-zA-Zåäö0-9]").prop_map(|(t, end)| t + &end)
}

fn asset(i: usize) -> impl Strategy<Value = Asset> {
    let id = proptest::string::string_regex("[a-zA-Z;\"'=+@\\- ]{0,4}")
        .unwrap()
        .prop_map(move |prefix| format!("{}{i}", prefix.trim_start()));
    (
        (
            id,
            non_blank(16),
            0usize..7,
            proptest::option::of(non_blank(8)),
            text(8),
        ),
        (0usize..4, (0u8..=4, 0u8..=4, 0u8..=4)),
        (proptest::option::of(0i64..20_000), 0u32..=120),
        proptest::collection::vec(
            (1u32..=4, 1u32..=4, 1u32..=4, 1u32..=4, 0usize..4, text(10)),
            0..3,
        ),
    )
        .prop_map(
            |(
                (id, name, kind, owner, location),
                (importance, (c, i, a)),
                (reviewed, interval),
                risks,
            )| {
                let mut asset = Asset::new(id, name, AssetKind::ALL[kind]).unwrap();
                asset.owner = owner;
                asset.location = location;
                asset.importance = Importance::ALL[importance];
                asset.klassa = Klassa::new(c, i, a).unwrap();
                asset.last_reviewed = reviewed.and_then(|d| {
                    NaiveDate::from_ymd_opt(2000, 1, 1)?
                        .checked_add_days(chrono::Days::new(d as u64))
                });
                asset.review_interval_months = interval;
                asset.risks = risks
                    .into_iter()
                    .map(|(p, c, tp, tc, t, description)| {
                        Risk::new(
                            description,
                            "Riskägare",
                            Estimate::new(p, c),
                            Estimate::new(tp, tc),
                            Treatment::ALL[t],
                        )
                    })
                    .collect();
                asset
            },
        )
}

/// Random registers: up to 12 assets, each depending on some earlier ones (so never a cycle).
fn register() -> impl Strategy<Value = AssetRegister> {
    (0usize..12)
        .prop_flat_map(|n| {
            let assets: Vec<_> = (0..n).map(asset).collect();
            (
                assets,
                proptest::collection::vec(proptest::collection::vec(any::<bool>(), n), n),
            )
        })
        .prop_map(|(assets, links)| {
            let ids: Vec<String> = assets.iter().map(|a| a.id().to_owned()).collect();
            let mut r = AssetRegister::new(presets::municipal_4x4());
            for asset in assets {
                r.add(asset).unwrap();
            }
            for (i, row) in links.iter().enumerate() {
                for j in (0..i).filter(|&j| row[j]) {
                    r.add_dependency(&ids[i], &ids[j]).unwrap();
                }
            }
            r
        })
}

proptest! {
    #[test]
    fn random_registers_survive_csv(mut r in register()) {
        for id in r.assets().iter().map(|a| a.id().to_owned()).collect::<Vec<_>>() {
            r.get_mut(&id).unwrap().risks.clear(); // risks are not in the CSV
        }
        let bytes = export(&r);
        let back = AssetRegister::read_csv(presets::municipal_4x4(), bytes.as_slice(), "p.csv").unwrap();
        prop_assert_eq!(back, r);
    }

    #[test]
    fn random_registers_survive_json(r in register()) {
        let json = r.to_json().unwrap();
        prop_assert_eq!(AssetRegister::from_json(&json, "p.json").unwrap(), r.clone());
        let mut bytes = Vec::new();
        r.write_json(&mut bytes).unwrap();
        prop_assert_eq!(AssetRegister::read_json(bytes.as_slice(), "p.json").unwrap(), r);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_importer(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let mut input = format!("{HEADER}\n").into_bytes();
        input.extend(bytes);
        let _ = AssetRegister::read_csv(presets::municipal_4x4(), input.as_slice(), "fuzz.csv");
    }
}

/// A writer whose disk is always full.
struct Full;

impl std::io::Write for Full {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk full"))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failing_writer_is_an_error_not_a_panic() {
    let err = sample().write_csv(Full).unwrap_err();
    assert!(
        matches!(&err, Error::Csv { source_name, line: 0, reason } if source_name == "CSV export" && reason.contains("disk full")),
        "{err}"
    );
}
