//! The kind of document, classified once from its whole text: which activity it comes from
//! (social services, LSS, health care, school, HR, whistleblowing, procurement) and what form it
//! has (minutes, a tip).
//!
//! Secrecy depends on the activity, not on words scattered through the text: social-services
//! minutes that mention a diagnosis are still social services (OSL 26:1, not 25:1), and a tip
//! about assistance fraud is about LSS whether or not the registry's received-stamp is on it.
//! So the activity is chosen once: the authority the document names decides first (a
//! `socialnämnd`, a `barn- och utbildningsnämnd`); without one, the activity whose catalogue
//! keywords occur most. The kind's catalogue contexts then choose the provisions.

use std::sync::LazyLock;

use lantero_core::secrecy::{Catalogue, Context};

/// What kind of document a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DocumentKind {
    /// Socialtjänst: economic assistance, child and family, elderly care.
    SocialServices,
    /// Stöd och service till vissa funktionshindrade (LSS), e.g. personal assistance.
    Lss,
    /// Hälso- och sjukvård.
    HealthCare,
    /// Förskola and skola.
    School,
    /// Personnel administration (HR).
    Hr,
    /// A whistleblowing report or follow-up case.
    Whistleblowing,
    /// Procurement and business relations.
    Procurement,
    /// A tip (from the public) about some activity.
    Tip,
    /// Minutes of a board or committee meeting.
    Minutes,
    /// None of the above.
    Other,
}

impl DocumentKind {
    /// The Swedish name, as a caseworker calls it.
    pub fn label(self) -> &'static str {
        match self {
            Self::SocialServices => "socialtjänst",
            Self::Lss => "LSS",
            Self::HealthCare => "hälso- och sjukvård",
            Self::School => "förskola och skola",
            Self::Hr => "personaladministration",
            Self::Whistleblowing => "visselblåsning",
            Self::Procurement => "upphandling",
            Self::Tip => "tips",
            Self::Minutes => "protokoll",
            Self::Other => "annan verksamhet",
        }
    }
}

/// A document's kind, the catalogue contexts it selects and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// The kind (for minutes and tips, their form; the activity is in `area`).
    pub kind: DocumentKind,
    /// The activity the document belongs to or concerns, if one was recognised.
    pub area: Option<DocumentKind>,
    /// The catalogue context ids that choose its provisions.
    pub contexts: Vec<String>,
    /// Why, in Swedish: the words that decided.
    pub reason: String,
}

/// An activity: its kind, its catalogue context, and the authorities that run it.
struct Area {
    kind: DocumentKind,
    context: &'static str,
    authorities: &'static [&'static str],
}

const AREAS: &[Area] = &[
    Area {
        kind: DocumentKind::Whistleblowing,
        context: "visselblasning",
        authorities: &["visselblås*", "rapporteringskanal*", "whistleblow*"],
    },
    Area {
        kind: DocumentKind::SocialServices,
        context: "socialtjanst",
        authorities: &[
            "socialnämnd*",
            "socialförvaltning*",
            "socialtjänst*",
            "individ- och familjeomsorg*",
            "IFO",
            "vård- och omsorgsnämnd*",
        ],
    },
    Area {
        kind: DocumentKind::Lss,
        context: "lss",
        authorities: &["omsorgsnämnd*", "LSS-handläggning*", "LSS-handläggare*"],
    },
    Area {
        kind: DocumentKind::HealthCare,
        context: "halso_och_sjukvard",
        authorities: &[
            "hälso- och sjukvårdsnämnd*",
            "hälso- och sjukvårdsförvaltning*",
            "patientjournal*",
            "journalanteckning*",
        ],
    },
    Area {
        kind: DocumentKind::School,
        context: "skola",
        authorities: &[
            "barn- och utbildningsnämnd*",
            "utbildningsnämnd*",
            "barn- och utbildningsförvaltning*",
            "skolförvaltning*",
            "elevhälsa*",
        ],
    },
    Area {
        kind: DocumentKind::Hr,
        context: "personal",
        authorities: &[
            "personalavdelning*",
            "HR-avdelning*",
            "personalenhet*",
            "HR-enhet*",
        ],
    },
    Area {
        kind: DocumentKind::Procurement,
        context: "upphandling",
        authorities: &[
            "upphandlingsenhet*",
            "upphandlingsavdelning*",
            "upphandlingsfunktion*",
        ],
    },
];

/// Authorities whose documents belong to none of the areas: a keyword such as `vårdcentral` in
/// a building board's parking permit does not make it health care.
const OTHER_AUTHORITIES: &[&str] = &[
    "miljö- och byggnämnd*",
    "byggnadsnämnd*",
    "samhällsbyggnadsnämnd*",
    "tekniska nämnd*",
    "kultur- och fritidsnämnd*",
    "överförmyndar*",
];

/// Words of minutes; two of them make a document minutes.
const MINUTES: &[&str] = &[
    "protokoll",
    "protokollet",
    "protokollsutdrag*",
    "sammanträde*",
    "justerare",
    "justering*",
    "beslutande",
];

/// Words of a tip from the public.
const TIP: &[&str] = &[
    "tipskanal*",
    "tipsa*",
    "misstänkt fusk*",
    "misstänkt felaktig*",
    "felaktiga utbetalningar",
    "anonymt tips",
];

/// Catalogue contexts that mark a person rather than an activity: added whenever they occur.
const MARKERS: &[&str] = &["skyddad_identitet"];

/// A set of keywords matched with the catalogue's rules (case, line breaks, `*` endings).
fn words(id: &str, keywords: &[&str]) -> Context {
    Context {
        id: id.to_owned(),
        label: id.to_owned(),
        description: None,
        keywords: keywords.iter().map(|&k| k.to_owned()).collect(),
    }
}

static AUTHORITIES: LazyLock<Vec<Context>> = LazyLock::new(|| {
    AREAS
        .iter()
        .map(|a| words(a.context, a.authorities))
        .collect()
});
static OTHER: LazyLock<Context> = LazyLock::new(|| words("other", OTHER_AUTHORITIES));
static MINUTES_WORDS: LazyLock<Context> = LazyLock::new(|| words("minutes", MINUTES));
static TIP_WORDS: LazyLock<Context> = LazyLock::new(|| words("tip", TIP));

/// Classifies `text` (the whole document) with the activities' keywords in `catalogue`.
///
/// ```
/// use lantero_core::secrecy::Catalogue;
/// use lantero_redact::resolve::{DocumentKind, classify};
///
/// let minutes = "PROTOKOLL\nSocialnämndens individutskott\nJusterare\n\
///                § 115 Insatser enligt LSS. Hon har diagnosen multipel skleros.";
/// let c = classify(Catalogue::builtin(), minutes);
/// assert_eq!(c.kind, DocumentKind::Minutes);
/// assert_eq!(c.area, Some(DocumentKind::SocialServices));
/// assert_eq!(c.contexts, ["socialtjanst"]);
/// assert!(c.reason.contains("socialnämnd*"));
/// ```
pub fn classify(catalogue: &Catalogue, text: &str) -> Classification {
    let normalized_authorities: Vec<Vec<&str>> = AUTHORITIES
        .iter()
        .map(|a| a.matched_keywords(text))
        .collect();
    let keyword_hits: Vec<Vec<&str>> = AREAS
        .iter()
        .map(|a| {
            catalogue
                .context(a.context)
                .map(|c| c.matched_keywords(text))
                .unwrap_or_default()
        })
        .collect();
    let other_authority = OTHER.matched_keywords(text);

    // The authority decides; without one, the most keywords (ties in the order of AREAS).
    let by_authority = best(&normalized_authorities);
    let area = match by_authority {
        Some(i) => Some((i, &normalized_authorities[i])),
        None if other_authority.is_empty() => best(&keyword_hits).map(|i| (i, &keyword_hits[i])),
        None => None,
    };
    let minutes = MINUTES_WORDS.matched_keywords(text);
    let tip = TIP_WORDS.matched_keywords(text);
    let area_kind = area.map(|(i, _)| AREAS[i].kind);
    let kind = match area_kind {
        Some(DocumentKind::Whistleblowing) => DocumentKind::Whistleblowing,
        _ if minutes.len() >= 2 => DocumentKind::Minutes,
        _ if !tip.is_empty() => DocumentKind::Tip,
        Some(kind) => kind,
        None => DocumentKind::Other,
    };

    let mut contexts: Vec<String> = area
        .map(|(i, _)| AREAS[i].context.to_owned())
        .into_iter()
        .collect();
    let mut markers = Vec::new();
    for &marker in MARKERS {
        if let Some(c) = catalogue.context(marker) {
            let found = c.matched_keywords(text);
            if !found.is_empty() {
                contexts.push(marker.to_owned());
                markers.push(format!("{} ({})", c.label, found.join(", ")));
            }
        }
    }

    let mut reason = match kind {
        DocumentKind::Minutes => format!("protokoll ({})", minutes.join(", ")),
        DocumentKind::Tip => format!("tips ({})", tip.join(", ")),
        _ => String::new(),
    };
    let area_reason = match area {
        Some((i, found)) => {
            let how = if by_authority.is_some() {
                "myndighet/verksamhet"
            } else {
                "nyckelord"
            };
            format!("{} ({how}: {})", AREAS[i].kind.label(), found.join(", "))
        }
        None if !other_authority.is_empty() => format!(
            "ingen sekretessreglerad verksamhet (myndighet: {})",
            other_authority.join(", ")
        ),
        None => "ingen särskild verksamhet känd".to_owned(),
    };
    if reason.is_empty() {
        reason = area_reason;
    } else {
        reason = format!("{reason} om {area_reason}");
    }
    for marker in markers {
        reason = format!("{reason}; {marker}");
    }
    Classification {
        kind,
        area: area_kind,
        contexts,
        reason,
    }
}

/// The index of the longest non-empty list, the first among equals.
fn best(hits: &[Vec<&str>]) -> Option<usize> {
    let (index, most) = hits.iter().enumerate().rev().max_by_key(|(_, h)| h.len())?;
    (!most.is_empty()).then_some(index)
}

#[cfg(test)]
mod tests;
