//! A request of several documents, through the command line as a caseworker runs it:
//! `review A B -o request.json`, `decide`, `redact --review request.json`, `decision`.

mod common;

use common::{arg, lantero, stderr};
use serde_json::Value;

fn read_json(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_request_is_reviewed_decided_released_and_decided_on() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("beslut.txt");
    let b = dir.path().join("utbetalning.txt");
    std::fs::write(
        &a,
        "Beslut om ekonomiskt bistånd\n\nSökande: Karin Lindqvist, konto 8125-8, 318 105 286-1.\n",
    )
    .unwrap();
    // Alone, nothing here would be found: the account has no label and the name no first name.
    std::fs::write(
        &b,
        "Utbetalning\n\nÖverfört till 8125-8, 318 105 286-1 för Lindqvist.\n",
    )
    .unwrap();
    let request = dir.path().join("request.json");
    let out = lantero(&["review", arg(&a), arg(&b), "-o", arg(&request)]);
    assert!(out.status.success(), "{}", stderr(&out));

    let json = read_json(&request);
    assert_eq!(json["schema"], "lantero.request/v1");
    let second = &json["documents"][1]["proposals"];
    let texts: Vec<&str> = second
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"8125-8, 318 105 286-1"), "{texts:?}");
    assert!(texts.contains(&"Lindqvist"), "{texts:?}");
    assert!(second[0]["reason"].as_str().unwrap().contains("beslut.txt"));

    // Release the first proposal of b, mask the rest, each with who decided.
    let first_b = second[0]["id"].as_str().unwrap().to_owned();
    let out = lantero(&[
        "decide",
        arg(&request),
        "--by",
        "Annika Dahl",
        "--reject",
        &first_b,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = lantero(&[
        "decide",
        arg(&request),
        "--by",
        "Annika Dahl",
        "--accept-pending",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = read_json(&request);
    for document in json["documents"].as_array().unwrap() {
        for p in document["proposals"].as_array().unwrap() {
            assert_ne!(p["decision"], "pending");
            assert_eq!(p["history"][0]["by"], "Annika Dahl");
        }
    }

    // Each document is released with its own session out of the request.
    for (input, name) in [(&a, "a.pdf"), (&b, "b.pdf")] {
        let pdf = dir.path().join(name);
        let out = lantero(&[
            "redact",
            arg(input),
            "-o",
            arg(&pdf),
            "--review",
            arg(&request),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let stranger = dir.path().join("annat.txt");
    std::fs::write(&stranger, "Något annat.").unwrap();
    let out = lantero(&[
        "redact",
        arg(&stranger),
        "-o",
        arg(&dir.path().join("x.pdf")),
        "--review",
        arg(&request),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not one of the 2 documents"),
        "{}",
        stderr(&out)
    );

    let beslut = dir.path().join("beslut.pdf");
    let markdown = dir.path().join("beslut.md");
    let out = lantero(&[
        "decision",
        arg(&request),
        "-o",
        arg(&beslut),
        "--markdown",
        arg(&markdown),
        "--authority",
        "Älvstrands kommun, socialnämnden",
        "--decision-maker",
        "Annika Dahl",
        "--diary-number",
        "SN 2026/123",
        "--date",
        "2026-12-03",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&beslut).unwrap().starts_with(b"%PDF-"));
    let text = std::fs::read_to_string(&markdown).unwrap();
    assert!(text.contains("utbetalning.txt lämnas ut med"), "{text}");
    assert!(
        !text.contains(&dir.path().display().to_string()),
        "a path in: {text}"
    );
    assert!(!stderr(&out).contains("no record"), "{}", stderr(&out));

    // A decision typed into the file by hand is flagged.
    let edited = std::fs::read_to_string(&request).unwrap().replacen(
        "\"decision\": \"rejected\"",
        "\"decision\": \"accepted\"",
        1,
    );
    std::fs::write(&request, edited).unwrap();
    let out = lantero(&[
        "decision",
        arg(&request),
        "-o",
        arg(&beslut),
        "--authority",
        "Älvstrands kommun",
        "--decision-maker",
        "Annika Dahl",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(&first_b), "{}", stderr(&out));
}

#[test]
fn the_built_in_template_can_be_printed_to_start_from() {
    let out = lantero(&["decision", "--print-template"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("{{ details.authority }}"));
    let out = lantero(&["decision", "request.json", "-o", "b.pdf"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "missing --authority is bad usage"
    );
}
