//! The id of a secrecy provision: chapter, section, letter and stycke.
//!
//! Caseworkers, lawyers and earlier systems write the same provision as `26 kap. 1 § OSL`,
//! `OSL 26:1`, `26:1` or `26 kap 1 § offentlighets- och sekretesslagen (2009:400)`. All of them
//! parse (see the `citation` module) to one [`ProvisionId`], whose display form is the short one
//! (`OSL 26:1`) that the CLI contract and the decision records use.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::citation::{self, ORDINALS, invalid};
use crate::{Error, Result};
/// The id of a provision in offentlighets- och sekretesslagen (2009:400): chapter, section
/// (paragraf) with an optional letter suffix, and an optional stycke.
///
/// Ids order by their place in the law, so a sorted list reads like the statute book.
///
/// ```
/// use lantero_core::secrecy::ProvisionId;
///
/// let id: ProvisionId = "30 kap. 4 b § OSL".parse()?;
/// assert_eq!(id.to_string(), "OSL 30:4 b");
/// assert_eq!(id, "osl 30:4b".parse()?);
/// assert_eq!(id.citation(), "30 kap. 4 b § OSL");
///
/// let anbud: ProvisionId = "19 kap. 3 § andra stycket OSL".parse()?;
/// assert_eq!(anbud.to_string(), "OSL 19:3 st. 2");
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProvisionId {
    chapter: u16,
    section: u16,
    letter: Option<char>,
    paragraph: Option<u8>,
}

impl ProvisionId {
    /// The id of `chapter` kap. `section` §; both must be at least 1.
    pub fn new(chapter: u16, section: u16) -> Result<Self> {
        if chapter == 0 || section == 0 {
            return Err(invalid(
                &format!("{chapter}:{section}"),
                "chapter and section start at 1",
            ));
        }
        Ok(Self {
            chapter,
            section,
            letter: None,
            paragraph: None,
        })
    }

    /// The same id with a letter suffix on the section (`4 b §`); `letter` must be `a`–`z`.
    pub fn with_letter(self, letter: char) -> Result<Self> {
        let letter = letter.to_ascii_lowercase();
        if !letter.is_ascii_lowercase() {
            return Err(invalid(
                &format!("{self} {letter}"),
                "a section letter must be a-z",
            ));
        }
        Ok(Self {
            letter: Some(letter),
            ..self
        })
    }

    /// The same id narrowed to one stycke (1-based).
    pub fn with_paragraph(self, paragraph: u8) -> Result<Self> {
        if paragraph == 0 {
            return Err(invalid(&format!("{self} st. 0"), "stycken start at 1"));
        }
        Ok(Self {
            paragraph: Some(paragraph),
            ..self
        })
    }

    /// The chapter (kapitel).
    pub fn chapter(&self) -> u16 {
        self.chapter
    }

    /// The section number (paragraf), without its letter.
    pub fn section(&self) -> u16 {
        self.section
    }

    /// The letter suffix of the section (`b` in `4 b §`), if any.
    pub fn letter(&self) -> Option<char> {
        self.letter
    }

    /// The stycke this id is narrowed to, if any.
    pub fn paragraph(&self) -> Option<u8> {
        self.paragraph
    }

    /// The same id without its stycke: the whole section.
    pub fn without_paragraph(self) -> Self {
        Self {
            paragraph: None,
            ..self
        }
    }

    /// The long form used in written decisions: `26 kap. 1 § OSL`,
    /// `19 kap. 3 § andra stycket OSL`.
    pub fn citation(&self) -> String {
        let mut out = format!("{} kap. {}", self.chapter, self.section);
        if let Some(letter) = self.letter {
            out.push(' ');
            out.push(letter);
        }
        out.push_str(" §");
        if let Some(p) = self.paragraph {
            match usize::from(p).checked_sub(1).and_then(|i| ORDINALS.get(i)) {
                Some(word) => out.push_str(&format!(" {word} stycket")),
                None => out.push_str(&format!(" {p} st.")),
            }
        }
        out.push_str(" OSL");
        out
    }
}

impl fmt::Display for ProvisionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OSL {}:{}", self.chapter, self.section)?;
        if let Some(letter) = self.letter {
            write!(f, " {letter}")?;
        }
        if let Some(p) = self.paragraph {
            write!(f, " st. {p}")?;
        }
        Ok(())
    }
}

impl FromStr for ProvisionId {
    type Err = Error;

    fn from_str(input: &str) -> Result<Self> {
        citation::parse(input)
    }
}

impl TryFrom<String> for ProvisionId {
    type Error = Error;

    fn try_from(value: String) -> Result<Self> {
        value.parse()
    }
}

impl From<ProvisionId> for String {
    fn from(id: ProvisionId) -> Self {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> ProvisionId {
        s.parse().unwrap()
    }

    #[test]
    fn displays_short_and_long_forms() {
        assert_eq!(id("26 kap. 1 §").to_string(), "OSL 26:1");
        assert_eq!(id("17:3 b").to_string(), "OSL 17:3 b");
        assert_eq!(id("26:1").citation(), "26 kap. 1 § OSL");
        assert_eq!(id("19:3 st. 2").citation(), "19 kap. 3 § andra stycket OSL");
        assert_eq!(id("19:3 st. 12").citation(), "19 kap. 3 § 12 st. OSL");
    }

    #[test]
    fn orders_like_the_statute_book() {
        let mut ids = [
            id("26:1"),
            id("21:3"),
            id("21:1"),
            id("19:3 st. 2"),
            id("19:3"),
        ];
        ids.sort();
        let shown: Vec<String> = ids.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "OSL 19:3",
                "OSL 19:3 st. 2",
                "OSL 21:1",
                "OSL 21:3",
                "OSL 26:1"
            ]
        );
    }

    #[test]
    fn serialises_as_its_display_form() {
        let json = serde_json::to_string(&id("30 kap. 4 b §")).unwrap();
        assert_eq!(json, "\"OSL 30:4 b\"");
        let back: ProvisionId = serde_json::from_str("\"30 kap. 4 b § OSL\"").unwrap();
        assert_eq!(back, id("OSL 30:4 b"));
        assert!(serde_json::from_str::<ProvisionId>("\"nonsense\"").is_err());
    }
}
