#![no_main]
//! Customer-supplied secrecy catalogues and frameworks are parsed without panicking.
use lantero_core::framework::Framework;
use lantero_core::secrecy::Catalogue;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|json: &str| {
    if let Ok(extra) = Catalogue::from_json(json, "fuzz.json") {
        let mut catalogue = Catalogue::builtin().clone();
        let _ = catalogue.merge(extra);
    }
    let _ = Framework::from_json(json, "fuzz.json");
});
