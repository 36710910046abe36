//! What is public: the authority's own details (its [`OrganisationProfile`]), officials in their
//! role, and strings on an allow list are released by default, with the reason; strings on a
//! deny list are masked wherever they occur.
//!
//! ```
//! use lantero_redact::detect::{Detector, Entity};
//! use lantero_redact::profile::OrganisationProfile;
//! use lantero_redact::resolve::{PageLayout, PublicRules, Resolver};
//!
//! let profile = OrganisationProfile::from_toml_str(
//!     "[organisation]\nname = \"Lillby kommun\"\nmail_domains = [\"lillby.se\"]\n",
//!     "lillby.toml",
//! )?;
//! let rules = PublicRules::new().with_profile(profile).deny(["Tallbacken"]);
//! let text = "Sökande: Karin Lindqvist, Tallbacken\nHandläggare\n\
//!             Johan Bergström, socialsekreterare\njohan.bergstrom@lillby.se";
//! let mut findings = Detector::builtin().detect_pages(&[text])?;
//! findings.extend(rules.deny_findings(&[text]));
//! let mut findings = Resolver::default().resolve(&[text], findings);
//! rules.mark(&[PageLayout::text(text)], &mut findings);
//!
//! let public: Vec<&str> = findings.iter().filter(|f| f.public.is_some()).map(|f| f.text.as_str()).collect();
//! assert_eq!(public, ["Johan Bergström", "johan.bergstrom@lillby.se"]);
//! assert_eq!(findings.iter().find(|f| f.text == "Johan Bergström").unwrap().entity, Entity::PublicRole);
//! let masked: Vec<&str> = findings.iter().filter(|f| f.public.is_none()).map(|f| f.text.as_str()).collect();
//! assert_eq!(masked, ["Karin Lindqvist", "Tallbacken"]);
//! # Ok::<(), lantero_redact::Error>(())
//! ```

use std::collections::BTreeMap;

use super::cells::cells;
use super::roles::official_reason;
use crate::detect::{Entity, Finding, Rect};
use crate::profile::{OrganisationProfile, name_key};
use text::{mail_spells_name, occurrences, value_entity};

mod text;

/// Entities never released by a rule, whatever list or profile names them: a caseworker
/// releases such a proposal in review, one at a time.
const NEVER_RELEASED: &[Entity] = &[
    Entity::Personnummer,
    Entity::DateOfBirth,
    Entity::Health,
    Entity::PaymentCard,
    Entity::BankAccount,
    Entity::Iban,
    Entity::Custom,
];

/// Entities a profile's names, bodies and addresses release when they lie inside one.
const PHRASE_ENTITIES: &[Entity] = &[
    Entity::Person,
    Entity::Organization,
    Entity::Location,
    Entity::Address,
    Entity::Url,
    Entity::Email,
];

/// A page's text and, for PDF and image pages, one box per char (as
/// [`Page::boxes`](crate::document::Page::boxes)); the boxes tell columns apart.
#[derive(Debug, Clone, Copy)]
pub struct PageLayout<'a> {
    /// The page text the findings' offsets index.
    pub text: &'a str,
    /// One box per char, or empty for plain text.
    pub boxes: &'a [Option<Rect>],
}

impl<'a> PageLayout<'a> {
    /// A page of plain text, without boxes.
    pub fn text(text: &'a str) -> Self {
        Self { text, boxes: &[] }
    }
}

/// The rules for what is public and what is always masked. The default recognises officials
/// in role and has no profile and no lists.
#[derive(Debug, Clone)]
pub struct PublicRules {
    profile: Option<OrganisationProfile>,
    allow: Vec<String>,
    deny: Vec<String>,
    officials: bool,
}

impl Default for PublicRules {
    fn default() -> Self {
        Self::new()
    }
}

impl PublicRules {
    /// Officials in role released; no profile, no lists.
    pub fn new() -> Self {
        Self {
            profile: None,
            allow: Vec::new(),
            deny: Vec::new(),
            officials: true,
        }
    }

    /// Releases the authority's own details and staff, and applies the profile's lists.
    pub fn with_profile(mut self, profile: OrganisationProfile) -> Self {
        self.allow.extend(profile.allow.iter().cloned());
        self.deny.extend(profile.deny.iter().cloned());
        self.profile = Some(profile);
        self
    }

    /// Adds strings always released (compared without case; a finding wholly inside one is
    /// released).
    pub fn allow<S: Into<String>>(mut self, texts: impl IntoIterator<Item = S>) -> Self {
        self.allow.extend(clean(texts));
        self
    }

    /// Adds strings always masked: every occurrence becomes a `CUSTOM` finding, and nothing
    /// overlapping one is released.
    pub fn deny<S: Into<String>>(mut self, texts: impl IntoIterator<Item = S>) -> Self {
        self.deny.extend(clean(texts));
        self
    }

    /// Whether officials in role are recognised and released (default `true`).
    pub fn with_officials(mut self, officials: bool) -> Self {
        self.officials = officials;
        self
    }

    /// The profile, if any.
    pub fn profile(&self) -> Option<&OrganisationProfile> {
        self.profile.as_ref()
    }

    /// The strings always released, the profile's included.
    pub fn allowed(&self) -> &[String] {
        &self.allow
    }

    /// The strings always masked, the profile's included.
    pub fn denied(&self) -> &[String] {
        &self.deny
    }

    /// A `CUSTOM` finding for every occurrence of a deny-list string in `pages`.
    pub fn deny_findings<S: AsRef<str>>(&self, pages: &[S]) -> Vec<Finding> {
        let mut out = Vec::new();
        for (index, text) in pages.iter().enumerate() {
            let text = text.as_ref();
            let page = u32::try_from(index + 1).unwrap_or(u32::MAX);
            for (entry, (start, end)) in occurrences(text, &self.deny, false) {
                out.push(Finding {
                    id: String::new(),
                    entity: Entity::Custom,
                    text: text.chars().skip(start).take(end - start).collect(),
                    page,
                    start,
                    end,
                    boxes: Vec::new(),
                    score: 1.0,
                    recognizer: "deny-list".into(),
                    reason: format!("på listan över uppgifter som alltid maskeras: '{entry}'"),
                    provisions: Vec::new(),
                    public: None,
                });
            }
        }
        out
    }

    /// Sets [`Finding::public`] on every finding these rules release, and makes officials'
    /// names [`Entity::PublicRole`]. `pages[i]` is page `i + 1`.
    pub fn mark(&self, pages: &[PageLayout<'_>], findings: &mut [Finding]) {
        let phrases: Vec<&str> = self
            .profile
            .iter()
            .flat_map(|p| p.phrases())
            .map(|(t, _)| t)
            .collect();
        let per_page: Vec<PageRules> = pages
            .iter()
            .map(|p| PageRules {
                chars: p.text.chars().collect(),
                cells: cells(p.text, p.boxes),
                deny: occurrences(p.text, &self.deny, false)
                    .into_iter()
                    .map(|(_, r)| r)
                    .collect(),
                allow: occurrences(p.text, &self.allow, false),
                phrases: occurrences(p.text, &phrases, true),
            })
            .collect();
        for finding in findings.iter_mut() {
            let Some(page) = page_of(&per_page, finding.page) else {
                continue;
            };
            if finding.public.is_some()
                || NEVER_RELEASED.contains(&finding.entity)
                || page
                    .deny
                    .iter()
                    .any(|&(s, e)| s < finding.end && finding.start < e)
            {
                continue;
            }
            if let Some((reason, official)) = self.reason(page, finding) {
                if official {
                    finding.entity = Entity::PublicRole;
                }
                finding.public = Some(reason);
            }
        }
        self.same_official_elsewhere(&per_page, findings);
    }

    /// Why `f` is public, and whether it names an official. A finding over several cells (a
    /// name merged with the e-mail address under it, two signatures side by side) is public
    /// only when its part in each cell is.
    fn reason(&self, page: &PageRules, f: &Finding) -> Option<(String, bool)> {
        let cells = page
            .cells
            .iter()
            .filter(|c| c.start < f.end && f.start < c.end)
            .count();
        if cells > 1 {
            return self.reason_per_cell(page, f);
        }
        let inside = |(s, e): (usize, usize)| s <= f.start && f.end <= e;
        if let Some((entry, _)) = page.allow.iter().find(|(_, r)| inside(*r)) {
            return Some((
                format!("på listan över uppgifter som lämnas ut: '{entry}'"),
                false,
            ));
        }
        if let Some(profile) = &self.profile {
            if let Some(why) = profile.own_detail(value_entity(f), &f.text) {
                return Some((format!("myndighetens egen uppgift: {why}"), false));
            }
            if PHRASE_ENTITIES.contains(&f.entity) {
                if let Some((phrase, _)) = page.phrases.iter().find(|(_, r)| inside(*r)) {
                    return Some((format!("myndighetens egen uppgift: '{phrase}'"), false));
                }
            }
            if f.entity == Entity::Person {
                if let Some(title) = profile.staff_title(&f.text) {
                    let title = if title.is_empty() {
                        String::new()
                    } else {
                        format!(", {title}")
                    };
                    return Some((
                        format!(
                            "tjänsteperson i organisationsprofilen: {}{title}",
                            f.text.trim()
                        ),
                        true,
                    ));
                }
            }
        }
        if self.officials && f.entity == Entity::Person {
            let units: Vec<&str> = self
                .profile
                .iter()
                .flat_map(|p| p.bodies.iter().map(String::as_str))
                .collect();
            return official_reason(&page.chars, &page.cells, (f.start, f.end), &units)
                .map(|r| (r, true));
        }
        None
    }

    fn reason_per_cell(&self, page: &PageRules, f: &Finding) -> Option<(String, bool)> {
        let (mut reasons, mut official) = (Vec::new(), false);
        for cell in page
            .cells
            .iter()
            .filter(|c| c.start < f.end && f.start < c.end)
        {
            let (start, end) = (cell.start.max(f.start), cell.end.min(f.end));
            let text: String = page.chars[start..end].iter().collect();
            let part = Finding {
                text: text.clone(),
                start,
                end,
                ..f.clone()
            };
            let (why, is_official) = self.reason(page, &part)?;
            reasons.push(format!("'{text}': {why}"));
            official |= is_official;
        }
        (!reasons.is_empty()).then(|| (reasons.join("; "), official))
    }

    /// An official's full name is public wherever it stands in the document, and so is an
    /// e-mail address spelled from it within a few lines of the name.
    fn same_official_elsewhere(&self, pages: &[PageRules], findings: &mut [Finding]) {
        let mut officials: BTreeMap<String, (u32, usize, String)> = BTreeMap::new();
        for f in findings.iter().filter(|f| f.entity == Entity::PublicRole) {
            officials
                .entry(name_key(&f.text))
                .or_insert((f.page, f.start, f.text.clone()));
        }
        let places: Vec<(u32, usize, String)> = findings
            .iter()
            .filter(|f| f.entity == Entity::PublicRole)
            .map(|f| (f.page, line_of(pages, f.page, f.start), f.text.clone()))
            .collect();
        for f in findings.iter_mut().filter(|f| f.public.is_none()) {
            let Some(page) = page_of(pages, f.page) else {
                continue;
            };
            if page.deny.iter().any(|&(s, e)| s < f.end && f.start < e) {
                continue;
            }
            let key = name_key(&f.text);
            let genitive = key.strip_suffix('s').unwrap_or(&key).to_owned();
            if f.entity == Entity::Person && key.contains(' ') {
                if let Some((p, _, name)) = officials.get(&key).or_else(|| officials.get(&genitive))
                {
                    f.public = Some(format!(
                        "samma namn som tjänstepersonen '{name}' (sida {p})"
                    ));
                    f.entity = Entity::PublicRole;
                }
            } else if value_entity(f) == Entity::Email {
                let line = line_of(pages, f.page, f.start);
                let near = places.iter().find(|(p, l, name)| {
                    *p == f.page && l.abs_diff(line) <= 3 && mail_spells_name(&f.text, name)
                });
                if let Some((_, _, name)) = near {
                    f.public = Some(format!("e-postadress till tjänstepersonen '{name}'"));
                }
            }
        }
    }
}

struct PageRules {
    chars: Vec<char>,
    cells: Vec<super::cells::Cell>,
    deny: Vec<(usize, usize)>,
    allow: Vec<(String, (usize, usize))>,
    phrases: Vec<(String, (usize, usize))>,
}

fn page_of(pages: &[PageRules], page: u32) -> Option<&PageRules> {
    pages.get(usize::try_from(page).ok()?.checked_sub(1)?)
}

fn line_of(pages: &[PageRules], page: u32, offset: usize) -> usize {
    page_of(pages, page).map_or(0, |p| {
        p.chars.iter().take(offset).filter(|&&c| c == '\n').count()
    })
}

fn clean<S: Into<String>>(texts: impl IntoIterator<Item = S>) -> impl Iterator<Item = String> {
    texts
        .into_iter()
        .map(|t| t.into().trim().to_owned())
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests;
