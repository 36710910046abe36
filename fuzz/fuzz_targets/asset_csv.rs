#![no_main]
//! Asset-register CSV import (Excel files from users) never panics.
use lantero_core::assets::AssetRegister;
use lantero_core::risk::presets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = AssetRegister::read_csv(presets::municipal_4x4(), bytes, "fuzz.csv");
    if let Ok(json) = std::str::from_utf8(bytes) {
        let _ = AssetRegister::from_json(json, "fuzz.json");
    }
});
