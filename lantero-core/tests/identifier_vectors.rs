//! The shared personnummer test vectors (`tests/data/personnummer-testdata/`, MIT, from the
//! personnummer project's `meta/testdata`), checked field by field.
//!
//! The vectors come from libraries that infer the century from today's date. Here the
//! reference dates are fixed, chosen inside the range where every separated short form in
//! the files means what its long form says: from 2021-07-31 (the youngest person's birth)
//! up to 2041 (the last year the people born in 1942 write `-`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use lantero_core::Error;
use lantero_core::identifiers::{
    IdentifierProblem, OrganisationId, Organisationsnummer, ParseOptions, Personnummer, Sex,
    is_valid_organisationsnummer, is_valid_personnummer_at, luhn,
};
use serde::Deserialize;

const REFERENCES: [(i32, u32, u32); 3] = [(2021, 7, 31), (2025, 1, 1), (2041, 12, 31)];

fn references() -> impl Iterator<Item = NaiveDate> {
    REFERENCES
        .iter()
        .map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/personnummer-testdata")
}

fn read<T: for<'de> Deserialize<'de>>(file: &str) -> T {
    let text = fs::read_to_string(data_dir().join(file)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// One entry of `list.json` or `interim.json`. Unknown fields fail the test, so that a field
/// added upstream cannot go unchecked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vector {
    integer: u64,
    long_format: String,
    short_format: String,
    separated_format: String,
    separated_long: String,
    valid: bool,
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "isMale")]
    is_male: bool,
    #[serde(rename = "isFemale")]
    is_female: bool,
}

impl Vector {
    fn forms(&self) -> [&str; 4] {
        [
            &self.long_format,
            &self.short_format,
            &self.separated_format,
            &self.separated_long,
        ]
    }

    fn expected_sex(&self) -> Sex {
        assert_ne!(self.is_male, self.is_female, "{self:?}");
        if self.is_male { Sex::Male } else { Sex::Female }
    }
}

/// One entry of `orgnumber.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgVector {
    integer: u64,
    short_format: String,
    separated_format: String,
    /// Whether the number is a valid *personnummer*; the comments say every entry is a
    /// valid organisationsnummer.
    valid: bool,
    #[serde(rename = "type")]
    kind: String,
    /// Free text, e.g. "Valid Organisationsnummer (AP fond) - invalid Personnummer".
    comment: String,
}

/// `structured.json`: numbers by type, as integers and strings, valid or not.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Structured {
    ssn: Group,
    con: Group,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    integer: Split<u64>,
    string: Split<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Split<T> {
    invalid: Vec<T>,
    valid: Vec<T>,
}

fn interim_options() -> ParseOptions {
    ParseOptions {
        allow_interim: true,
        ..ParseOptions::default()
    }
}

fn problem(result: lantero_core::Result<Personnummer>, input: &str) -> IdentifierProblem {
    match result {
        Err(Error::InvalidPersonnummer {
            input: named,
            reason,
        }) => {
            assert_eq!(named, input, "the error names the input");
            reason
        }
        other => panic!("{input:?} should be refused, got {other:?}"),
    }
}

/// The number with the check digit the other nine digits call for.
fn with_corrected_check(number: &str) -> String {
    let (payload, _) = number.split_at(number.len() - 1);
    let digits: Vec<u8> = payload.bytes().filter(u8::is_ascii_digit).collect();
    let check = luhn::check_digit(&digits[digits.len() - 9..]).unwrap();
    format!("{payload}{check}")
}

fn assert_kind(pnr: &Personnummer, kind: &str, context: &str) {
    match kind {
        "ssn" => assert!(
            !pnr.is_samordningsnummer() && !pnr.is_interim(),
            "{context}"
        ),
        "con" => assert!(pnr.is_samordningsnummer() && !pnr.is_interim(), "{context}"),
        "interim" => assert!(pnr.is_interim() && !pnr.is_samordningsnummer(), "{context}"),
        other => panic!("unknown type {other:?} in {context}"),
    }
}

/// Checks one vector at one reference date, parsing with `options`.
fn check_vector(vector: &Vector, reference: NaiveDate, options: ParseOptions) {
    let context = format!("{vector:?} at {reference}");
    let parse = |form: &str| Personnummer::parse_with(form, reference, options);

    for form in vector.forms() {
        assert_eq!(parse(form).is_ok(), vector.valid, "{form:?} in {context}");
        if !options.allow_interim {
            assert_eq!(
                is_valid_personnummer_at(form, reference),
                vector.valid,
                "{form:?}"
            );
        }
    }
    if !vector.valid {
        for form in vector.forms() {
            let reason = problem(parse(form), form);
            // A wrong check digit alone: with the right one the number is valid and shows
            // the type and sex the vector gives.
            if reason == IdentifierProblem::Checksum {
                let corrected = parse(&with_corrected_check(form)).unwrap();
                assert_kind(&corrected, &vector.kind, &context);
                assert_eq!(corrected.sex(), vector.expected_sex(), "{context}");
            }
        }
        let integer = vector.integer.to_string();
        assert!(parse(&integer).is_err(), "integer {integer} in {context}");
        return;
    }

    let pnr = parse(&vector.long_format).unwrap();
    assert_eq!(parse(&vector.separated_format).unwrap(), pnr, "{context}");
    assert_eq!(parse(&vector.separated_long).unwrap(), pnr, "{context}");
    if vector.integer != 0 {
        assert_eq!(
            parse(&vector.integer.to_string()).unwrap(),
            pnr,
            "{context}"
        );
    }
    // Without a separator the short form cannot carry '+', so it reads as under 100.
    let short = parse(&vector.short_format).unwrap();
    assert_eq!(short.short_digits(), vector.short_format, "{context}");
    assert_eq!(
        short == pnr,
        reference.year() - pnr.birth_date().year() < 100,
        "{context}"
    );

    assert_eq!(pnr.digits(), vector.long_format, "{context}");
    assert_eq!(pnr.short_digits(), vector.short_format, "{context}");
    assert_eq!(
        pnr.format_short_at(reference),
        vector.separated_format,
        "{context}"
    );
    // The long form writes the century, so Lantero always separates it with '-'; the vectors
    // also spell centenarians' long forms with '+', which reads back as the same number.
    assert_eq!(
        pnr.format_long(),
        vector.separated_long.replace('+', "-"),
        "{context}"
    );
    assert_eq!(pnr.to_string(), pnr.format_long());

    assert_kind(&pnr, &vector.kind, &context);
    assert_eq!(pnr.sex(), vector.expected_sex(), "{context}");
}

#[test]
fn copies_match_the_shared_vectors() {
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/personnummer-testdata");
    if !shared.is_dir() {
        eprintln!(
            "{} not present; the copies are checked where it is",
            shared.display()
        );
        return;
    }
    let names = |dir: &Path| -> BTreeSet<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect()
    };
    assert_eq!(names(&shared), names(&data_dir()));
    for name in names(&shared) {
        let original = fs::read(shared.join(&name)).unwrap();
        let copy = fs::read(data_dir().join(&name)).unwrap();
        assert!(original == copy, "{name} differs from {}", shared.display());
    }
}

#[test]
fn list_vectors() {
    let vectors: Vec<Vector> = read("list.json");
    assert!(!vectors.is_empty());
    for reference in references() {
        for vector in &vectors {
            check_vector(vector, reference, ParseOptions::default());
        }
    }
}

#[test]
fn list_vectors_with_whitespace_are_read_by_the_lenient_parser() {
    let vectors: Vec<Vector> = read("list.json");
    let lenient = ParseOptions {
        ignore_whitespace: true,
        ..ParseOptions::default()
    };
    let mut seen = 0;
    for reference in references() {
        for vector in vectors.iter().filter(|v| v.long_format.contains(' ')) {
            seen += 1;
            for form in vector.forms() {
                let strict = Personnummer::parse_at(form, reference);
                assert_eq!(problem(strict, form), IdentifierProblem::Format);
                let pnr = Personnummer::parse_with(form, reference, lenient).unwrap();
                let without_spaces = form.replace(' ', "");
                assert_eq!(
                    pnr,
                    Personnummer::parse_at(&without_spaces, reference).unwrap()
                );
                assert_eq!(pnr.sex(), vector.expected_sex());
            }
        }
    }
    assert!(seen > 0, "list.json has numbers written with a space");
}

#[test]
fn interim_vectors_are_refused_by_default() {
    let vectors: Vec<Vector> = read("interim.json");
    assert!(!vectors.is_empty());
    for reference in references() {
        for vector in &vectors {
            for form in vector.forms() {
                let reason = problem(Personnummer::parse_at(form, reference), form);
                let expected = if vector.valid {
                    IdentifierProblem::Interim
                } else {
                    IdentifierProblem::Format
                };
                assert_eq!(reason, expected, "{form:?}");
                assert!(!is_valid_personnummer_at(form, reference));
            }
        }
    }
}

#[test]
fn interim_vectors_with_interim_allowed() {
    let vectors: Vec<Vector> = read("interim.json");
    for reference in references() {
        for vector in &vectors {
            check_vector(vector, reference, interim_options());
        }
    }
}

#[test]
fn orgnumber_vectors() {
    let vectors: Vec<OrgVector> = read("orgnumber.json");
    assert!(!vectors.is_empty());
    for vector in &vectors {
        assert_eq!(vector.kind, "org", "{vector:?}");
        assert!(vector.comment.contains("Organisationsnummer"), "{vector:?}");
        let integer = vector.integer.to_string();
        let forms = [&vector.short_format, &vector.separated_format, &integer];
        for reference in references() {
            for form in forms {
                let as_person = Personnummer::parse_at(form, reference);
                assert_eq!(as_person.is_ok(), vector.valid, "{form:?}");
                assert_eq!(is_valid_personnummer_at(form, reference), vector.valid);
                let id = OrganisationId::parse_at(form, reference).unwrap();
                assert!(matches!(id, OrganisationId::LegalEntity(_)), "{form:?}");
            }
        }
        let org = Organisationsnummer::parse(&vector.separated_format).unwrap();
        for form in forms {
            assert_eq!(Organisationsnummer::parse(form).unwrap(), org, "{form:?}");
            assert!(is_valid_organisationsnummer(form));
        }
        assert_eq!(org.to_string(), vector.separated_format);
        assert_eq!(org.digits(), vector.short_format);
        assert_eq!(org.digits(), integer);
    }
}

#[test]
fn personnummer_vectors_are_not_organisationsnummer() {
    let vectors: Vec<Vector> = read("list.json");
    for vector in vectors.iter().filter(|v| v.valid) {
        for form in [&vector.short_format, &vector.separated_format] {
            assert!(Organisationsnummer::parse(form).is_err(), "{form:?}");
            for reference in references() {
                let id = OrganisationId::parse_at(form, reference).unwrap();
                assert!(id.is_enskild_firma(), "{form:?}");
            }
        }
    }
}

#[test]
fn structured_vectors() {
    let structured: Structured = read("structured.json");
    for (kind, group) in [("ssn", &structured.ssn), ("con", &structured.con)] {
        let valid_strings = group.string.valid.iter().cloned();
        let valid_integers = group.integer.valid.iter().map(u64::to_string);
        let invalid_strings = group.string.invalid.iter().cloned();
        let invalid_integers = group.integer.invalid.iter().map(u64::to_string);
        for reference in references() {
            for input in valid_strings.clone().chain(valid_integers.clone()) {
                let pnr = Personnummer::parse_at(&input, reference)
                    .unwrap_or_else(|e| panic!("{kind} {input:?}: {e}"));
                assert_kind(&pnr, kind, &input);
                assert!(is_valid_personnummer_at(&input, reference));
            }
            for input in invalid_strings.clone().chain(invalid_integers.clone()) {
                assert!(
                    Personnummer::parse_at(&input, reference).is_err(),
                    "{input:?}"
                );
                assert!(!is_valid_personnummer_at(&input, reference));
            }
        }
        assert!(!group.string.valid.is_empty() && !group.integer.invalid.is_empty());
    }
}
