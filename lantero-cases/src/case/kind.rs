//! The three kinds of case and the channels they arrive through.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// What a case is about; each kind has its own status machine, clocks and retention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// A report under the whistleblower act (lag 2021:890), through the internal channel.
    Whistleblowing,
    /// A tip from the public about suspected welfare fraud (tipskanal).
    Tip,
    /// A request for public documents (begäran om allmän handling).
    RecordsRequest,
}

impl CaseKind {
    /// Every kind, in a stable order.
    pub const ALL: [CaseKind; 3] = [Self::Whistleblowing, Self::Tip, Self::RecordsRequest];

    /// The stable machine name, as stored and serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Whistleblowing => "whistleblowing",
            Self::Tip => "tip",
            Self::RecordsRequest => "records_request",
        }
    }

    /// The prefix of the case reference (diarienummer), e.g. `VB` in `VB-2025-0007`.
    pub fn reference_prefix(self) -> &'static str {
        match self {
            Self::Whistleblowing => "VB",
            Self::Tip => "TIPS",
            Self::RecordsRequest => "BAH",
        }
    }

    /// Whether reporters of this kind get a receipt for an anonymous two-way dialogue.
    pub fn has_reporter_dialogue(self) -> bool {
        matches!(self, Self::Whistleblowing | Self::Tip)
    }
}

impl fmt::Display for CaseKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CaseKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                Error::invalid(
                    "case kind",
                    s,
                    "expected whistleblowing, tip or records_request",
                )
            })
    }
}

/// How a case reached the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The web form of the reporting tool.
    Web,
    /// A telephone line or voicemail (recordings only with consent).
    Phone,
    /// A physical meeting, which the whistleblower act requires to be offered.
    Meeting,
    /// Letter post.
    Post,
    /// E-mail (discouraged for whistleblowing: dialogue should stay inside the tool).
    Email,
    /// In person at the registry desk.
    InPerson,
}

impl Channel {
    /// Every channel, in a stable order.
    pub const ALL: [Channel; 6] = [
        Self::Web,
        Self::Phone,
        Self::Meeting,
        Self::Post,
        Self::Email,
        Self::InPerson,
    ];

    /// The stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Web => "web",
            Self::Phone => "phone",
            Self::Meeting => "meeting",
            Self::Post => "post",
            Self::Email => "email",
            Self::InPerson => "in_person",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Channel {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| Error::invalid("channel", s, "unknown channel"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in CaseKind::ALL {
            assert_eq!(k.as_str().parse::<CaseKind>().unwrap(), k);
        }
        for c in Channel::ALL {
            assert_eq!(c.as_str().parse::<Channel>().unwrap(), c);
        }
        assert!("letter".parse::<Channel>().is_err());
    }
}
