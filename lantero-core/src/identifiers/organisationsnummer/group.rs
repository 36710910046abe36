//! The group (legal form) that the first digit of an organisationsnummer shows.

use serde::{Deserialize, Serialize};

/// The kind of legal entity an organisationsnummer was issued to, from its first digit.
///
/// | digit | group |
/// |---|---|
/// | 1 | dödsbon |
/// | 2 | stat, regioner, kommuner, församlingar |
/// | 3 | utländska företag som bedriver näringsverksamhet eller äger fastigheter i Sverige |
/// | 5 | aktiebolag |
/// | 6 | enkla bolag |
/// | 7 | ekonomiska föreningar, bostadsrättsföreningar |
/// | 8 | ideella föreningar och stiftelser |
/// | 9 | handelsbolag, kommanditbolag |
///
/// The digits 0 and 4 have no group; see [`Organisationsnummer::group`](super::Organisationsnummer::group).
///
/// ```
/// use lantero_core::identifiers::OrganisationGroup;
///
/// assert_eq!(OrganisationGroup::from_digit(5), Some(OrganisationGroup::Aktiebolag));
/// assert_eq!(OrganisationGroup::Aktiebolag.label_sv(), "aktiebolag");
/// assert_eq!(OrganisationGroup::from_digit(4), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationGroup {
    /// 1: dödsbon (estates of deceased persons).
    Dodsbo,
    /// 2: the state, regions, municipalities and parishes.
    StatRegionKommun,
    /// 3: foreign companies trading or owning property in Sweden.
    UtlandsktForetag,
    /// 5: aktiebolag (limited companies).
    Aktiebolag,
    /// 6: enkla bolag (simple partnerships).
    EnkeltBolag,
    /// 7: ekonomiska föreningar, including bostadsrättsföreningar.
    EkonomiskForening,
    /// 8: ideella föreningar and stiftelser.
    IdeellForeningStiftelse,
    /// 9: handelsbolag and kommanditbolag.
    HandelsbolagKommanditbolag,
}

/// The table above as data: first digit, group, Swedish label.
const GROUPS: [(u8, OrganisationGroup, &str); 8] = [
    (1, OrganisationGroup::Dodsbo, "dödsbo"),
    (
        2,
        OrganisationGroup::StatRegionKommun,
        "stat, region, kommun eller församling",
    ),
    (3, OrganisationGroup::UtlandsktForetag, "utländskt företag"),
    (5, OrganisationGroup::Aktiebolag, "aktiebolag"),
    (6, OrganisationGroup::EnkeltBolag, "enkelt bolag"),
    (
        7,
        OrganisationGroup::EkonomiskForening,
        "ekonomisk förening eller bostadsrättsförening",
    ),
    (
        8,
        OrganisationGroup::IdeellForeningStiftelse,
        "ideell förening eller stiftelse",
    ),
    (
        9,
        OrganisationGroup::HandelsbolagKommanditbolag,
        "handelsbolag eller kommanditbolag",
    ),
];

impl OrganisationGroup {
    /// The group for a first digit (`0..=9`), if the digit has one.
    pub fn from_digit(digit: u8) -> Option<Self> {
        GROUPS
            .iter()
            .find(|(d, _, _)| *d == digit)
            .map(|(_, group, _)| *group)
    }

    /// The first digit of numbers in this group.
    pub fn digit(self) -> u8 {
        self.entry().0
    }

    /// The Swedish name of the group, for user-facing texts.
    pub fn label_sv(self) -> &'static str {
        self.entry().2
    }

    fn entry(self) -> (u8, Self, &'static str) {
        // GROUPS lists every variant, which the tests check; the fallback is never taken.
        GROUPS
            .iter()
            .copied()
            .find(|(_, group, _)| *group == self)
            .unwrap_or((0, self, ""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_one_row() {
        use OrganisationGroup::*;
        let all = [
            Dodsbo,
            StatRegionKommun,
            UtlandsktForetag,
            Aktiebolag,
            EnkeltBolag,
            EkonomiskForening,
            IdeellForeningStiftelse,
            HandelsbolagKommanditbolag,
        ];
        // Stops compiling when a variant is added without being listed above.
        match Dodsbo {
            Dodsbo
            | StatRegionKommun
            | UtlandsktForetag
            | Aktiebolag
            | EnkeltBolag
            | EkonomiskForening
            | IdeellForeningStiftelse
            | HandelsbolagKommanditbolag => {}
        }
        for group in all {
            assert_eq!(OrganisationGroup::from_digit(group.digit()), Some(group));
            assert!(!group.label_sv().is_empty());
        }
        assert_eq!(GROUPS.len(), all.len());
    }

    #[test]
    fn unassigned_digits_have_no_group() {
        assert_eq!(OrganisationGroup::from_digit(0), None);
        assert_eq!(OrganisationGroup::from_digit(4), None);
        assert_eq!(OrganisationGroup::from_digit(10), None);
    }
}
