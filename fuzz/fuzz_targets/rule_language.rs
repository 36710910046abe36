#![no_main]
//! Control rules written by municipalities parse to a rule set or a typed error, never a panic;
//! a parsed rule set exports to SQL.
use lantero_fraudfinder::controls::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    if let Ok(rules) = RuleSet::parse("fuzz", "1", source) {
        let _ = rules.to_sql(lantero_fraudfinder::controls::sql::Dialect::Sqlite);
    }
});
