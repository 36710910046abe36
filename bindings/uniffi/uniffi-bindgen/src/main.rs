//! `uniffi-bindgen`: generates the Kotlin and Swift bindings from the built `lantero-ffi`
//! library (library mode), e.g.
//! `uniffi-bindgen generate --library liblantero_ffi.so --language kotlin --out-dir out`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
