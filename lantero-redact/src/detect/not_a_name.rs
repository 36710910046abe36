//! Words that are never a person's name, whatever a model or a name list says: law and agency
//! abbreviations (`LSS`, `SoL`, `OSL`, `GDPR`), other short all-caps acronyms (`MS`, `IFO`) and
//! e-mail addresses (which are `EMAIL`).
//!
//! The named-entity model tags a heading such as "§ 115 Insatser enligt LSS" as a person now
//! and then; masking the law's name hides what the decision is about and is no personal data.

/// Abbreviations of laws, agencies and activities that appear in municipal documents, as
/// written (`SoL` is the law, `Sol` may be a first name); each also matches in all capitals.
pub const ABBREVIATIONS: &[&str] = &[
    "LSS", "SoL", "LVU", "LVM", "OSL", "TF", "YGL", "RF", "GDPR", "DSF", "HVB", "IFO", "HSL",
    "HSLF", "PSL", "PDL", "LOU", "LUF", "SFB", "FB", "PBL", "BrB", "RB", "FL", "KL", "SFS", "SKR",
    "BBIC", "LSO", "LPT", "LRV", "LOV", "AFS", "MBL", "LAS", "SGI", "CSN", "AF", "FK", "SCB",
    "NIS", "NIS2", "EKB", "ADHD", "AST", "ESS", "SIP", "LMA",
];

/// All-caps words this short are taken for acronyms: two-letter surnames exist (Ek, Bo) but
/// are written in capitals only in a name already found in full, which propagation covers.
const MAX_ACRONYM_LETTERS: usize = 4;

/// Whether `text`, proposed as a person's name, cannot be one.
///
/// ```
/// use lantero_redact::detect::not_a_name::is_not_a_name;
///
/// assert!(is_not_a_name("LSS"));
/// assert!(is_not_a_name("SoL"));
/// assert!(is_not_a_name("GDPR"));
/// assert!(is_not_a_name("sara.ek@lillby.se"));
/// assert!(!is_not_a_name("Sara Ek"));
/// assert!(!is_not_a_name("SARA EK"));
/// assert!(!is_not_a_name("Ali"));
/// ```
pub fn is_not_a_name(text: &str) -> bool {
    let word = text.trim_matches(|c: char| !c.is_alphanumeric());
    // A name written with its address (`Anders Nyström <anders@x.se>`) is still a name.
    if word.is_empty() || word.contains(char::is_whitespace) {
        return false;
    }
    if word.contains('@') {
        return true;
    }
    let upper = word.to_uppercase();
    if ABBREVIATIONS
        .iter()
        .any(|a| *a == word || (word == upper && a.to_uppercase() == upper))
    {
        return true;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    all_caps && letters <= MAX_ACRONYM_LETTERS && !word.contains('-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn acronyms_and_laws_are_not_names() {
        for word in [
            "LSS", "LVU", "MS", "HVB", "IFO", "SoL", "BrB", "GDPR", "NIS2", "(LSS)",
        ] {
            assert!(is_not_a_name(word), "{word}");
        }
    }

    #[test]
    fn names_stay_names() {
        for name in [
            "Anders Nyström <anders@x.se>",
            "Sol",
            "Lena",
            "Per-Olof Hägg",
            "KARIN LINDQVIST",
            "Ek",
            "Leila\nAl-Sayed",
            "Ali",
        ] {
            assert!(!is_not_a_name(name), "{name}");
        }
    }

    proptest! {
        /// A name of a capitalised first name and surname is never taken for an acronym.
        #[test]
        fn capitalised_names_are_kept(first in "[A-ZÅÄÖ][a-zåäö]{1,10}", last in "[A-ZÅÄÖ][a-zåäö]{1,12}") {
            let name = format!("{first} {last}");
            prop_assert!(!is_not_a_name(&name));
            prop_assert!(!is_not_a_name(&first));
        }
    }
}
