//! Content packs as versioned data: the welfare-crime method pack and the cyber-hygiene
//! pack ship with the crate (`data/packs/*.json`); municipalities adapt them, export their
//! own versions and import each other's good examples.
//!
//! ```
//! use chrono::NaiveDate;
//! use lantero_fraudfinder::packs;
//!
//! let lantero = packs::welfare_crime()?;
//! let mut ours = lantero.adapt("Exempelby kommun", "2025.1-exempelby", NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
//! ours.examples.clear();
//! assert_eq!(ours.import_examples(&lantero), lantero.examples.len());
//! assert_eq!(ours.metadata.based_on.as_ref().map(|b| b.id.as_str()), Some("lantero-valfardsbrott"));
//! # Ok::<(), lantero_fraudfinder::Error>(())
//! ```

mod cyber;
mod pack;

pub use cyber::{AssetCheck, SuggestedAnswer, suggest_answers};
pub use pack::{Author, GoodExample, PACK_SCHEMA, Pack, PackKind, PackMetadata, PackRef};

use crate::Result;

const WELFARE_CRIME: &str = include_str!("../../data/packs/valfardsbrott.json");
const CYBER_HYGIENE: &str = include_str!("../../data/packs/cyberhygien.json");

/// The shipped welfare-crime pack: 16 areas from ekonomiskt bistånd to åtgärdsplan.
pub fn welfare_crime() -> Result<Pack> {
    Pack::from_json(WELFARE_CRIME, "data/packs/valfardsbrott.json")
}

/// The shipped cyber-hygiene pack: NIS2 article 21(2)(a)–(j) as concrete activities.
pub fn cyber_hygiene() -> Result<Pack> {
    Pack::from_json(CYBER_HYGIENE, "data/packs/cyberhygien.json")
}

/// Every shipped pack.
pub fn shipped() -> Result<Vec<Pack>> {
    Ok(vec![welfare_crime()?, cyber_hygiene()?])
}
