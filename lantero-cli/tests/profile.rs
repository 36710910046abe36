//! `--profile`, `--allow`, `--deny`, `--mask-officials`: what is public and what is always masked.

mod common;

use common::{arg, data, lantero, stderr};
use serde_json::Value;

const LETTER: &str = "examples/data/beslut-ekonomiskt-bistand.txt";
const PROFILE: &str = "examples/profile/lillby.toml";

fn detect(extra: &[&str]) -> Vec<Value> {
    let (letter, profile) = (data(LETTER), data(PROFILE));
    let mut args = vec![
        "detect",
        arg(&letter),
        "--format",
        "json",
        "--profile",
        arg(&profile),
    ];
    args.extend_from_slice(extra);
    let out = lantero(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["findings"].as_array().unwrap().clone()
}

fn find<'a>(findings: &'a [Value], text: &str) -> &'a Value {
    findings
        .iter()
        .find(|f| f["text"] == text)
        .unwrap_or_else(|| panic!("{text} not found in {findings:#?}"))
}

#[test]
fn the_profile_releases_the_municipality_and_its_officials_with_the_reason() {
    let findings = detect(&["--deny", "Swedbank"]);
    let official = find(&findings, "Johan Bergström");
    assert_eq!(official["entity"], "PUBLIC_ROLE");
    assert!(
        official["public"]
            .as_str()
            .unwrap()
            .contains("socialsekreterare")
    );
    for own in ["212000-1124", "johan.bergstrom@lillby.se", "0480-45 67 89"] {
        assert!(find(&findings, own)["public"].is_string(), "{own}");
    }
    for private in ["Karin Lindqvist", "811218-9876", "070-123 45 67"] {
        assert!(
            find(&findings, private).get("public").is_none(),
            "{private}"
        );
    }
    assert_eq!(find(&findings, "Swedbank")["entity"], "CUSTOM");
    let masked = detect(&["--mask-officials"]);
    assert!(find(&masked, "Johan Bergström").get("public").is_none());
}

#[test]
fn review_releases_public_proposals_in_advance_and_redact_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let (letter, profile) = (data(LETTER), data(PROFILE));
    let review = dir.path().join("r.json");
    let out = lantero(&[
        "review",
        arg(&letter),
        "-o",
        arg(&review),
        "--profile",
        arg(&profile),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let session: Value = serde_json::from_slice(&std::fs::read(&review).unwrap()).unwrap();
    let proposals = session["proposals"].as_array().unwrap();
    let public: Vec<&Value> = proposals
        .iter()
        .filter(|p| p["public"].is_string())
        .collect();
    assert!(!public.is_empty());
    for p in &public {
        assert_eq!(p["decision"], "rejected");
        assert_eq!(p["history"][0]["by"], "lantero");
        assert_eq!(p["history"][0]["reason"], p["public"]);
    }
    let pdf = dir.path().join("ut.pdf");
    let record = dir.path().join("rec.json");
    let out = lantero(&[
        "redact",
        arg(&letter),
        "-o",
        arg(&pdf),
        "--accept-all",
        "--profile",
        arg(&profile),
        "--record-json",
        arg(&record),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let record: Value = serde_json::from_slice(&std::fs::read(&record).unwrap()).unwrap();
    assert_eq!(
        record["masks"].as_u64().unwrap() as usize,
        proposals.len() - public.len()
    );
}

#[test]
fn a_bad_profile_is_bad_input_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("kommun.toml");
    std::fs::write(
        &profile,
        "[organisation]\nname = \"X kommun\"\nphone = [\"1\"]\n",
    )
    .unwrap();
    let letter = data(LETTER);
    let out = lantero(&["detect", arg(&letter), "--profile", arg(&profile)]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert_eq!(message.trim().lines().count(), 1, "{message}");
    assert!(message.contains("kommun.toml:3: "), "{message}");
}
