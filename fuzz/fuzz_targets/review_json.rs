#![no_main]
//! Review files from outside are parsed and validated without panicking; accepted ones round-trip.
use lantero_redact::review::ReviewSession;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|json: &str| {
    if let Ok(session) = ReviewSession::from_json(json, "fuzz.json") {
        let again = session
            .to_json()
            .ok()
            .and_then(|j| ReviewSession::from_json(&j, "again").ok());
        assert_eq!(again.as_ref(), Some(&session));
    }
});
