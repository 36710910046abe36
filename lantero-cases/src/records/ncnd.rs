//! Neither confirm nor deny (NCND) for requests about the whistleblowing register.
//!
//! When someone asks whether reports about a named person or a topic exist, confirming or
//! denying could reveal a whistleblower indirectly; the authority refuses and neither confirms
//! nor denies (OSL 30 kap. 4 b §; Kammarrätten i Stockholm, mål 1188-23, seed 003).
//!
//! The answer is produced by [`answer_register_query`], which by construction is never given
//! the register: it cannot depend on whether a match exists, and it takes the same time either
//! way. The service that calls it does not search the register either.
//!
//! The person or topic asked about is itself sensitive (asking about a colleague hints at a
//! suspicion), so it is kept only in the request's sealed text: the decision says *that* a
//! named person or a topic was asked about, never which, and the request's document list in
//! the clear says only [`NCND_DOCUMENT`]. The decision is stored in the clear on the case.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::decision::{DECISION_SCHEMA, DecisionDocument, appeal_notice, cite_provision};
use crate::Result;
use crate::case::Reference;

/// The provision relied on: the identity of whistleblowers (*verify*: 30 kap. 4 b § for an
/// internal channel; an external channel at a supervisory authority may rely on 32 kap. 3 b §).
const NCND_PROVISION: &str = "OSL 30:4 b";

/// The description of what a register query asks for, as kept in the clear in the request's
/// document list (the person or topic is in the request's sealed text only).
pub const NCND_DOCUMENT: &str = "Uppgifter i visselblåsarsystemet (NCND)";

/// What the request asks about. `Debug` shows which kind, not the name or topic.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum QuerySubject {
    /// Reports about a named person.
    Person(String),
    /// Reports containing a word or about a topic.
    Topic(String),
}

/// A request that asks whether the whistleblowing register holds something. `Debug` shows no
/// name, topic or period.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterQuery {
    /// What is asked about.
    pub subject: QuerySubject,
    /// The period asked about, as the requester put it (e.g. `"januari–mars 2025"`), if any.
    pub period: Option<String>,
}

/// The decision on a register query: a refusal that neither confirms nor denies.
///
/// Its inputs are the authority, the reference and date of the request's own case, and the
/// query as asked: nothing about the register. The text names the kind of subject (a person, a
/// topic) and the period, not the person or topic, since it is kept in the clear.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_cases::case::{CaseKind, Reference};
/// use lantero_cases::records::{answer_register_query, QuerySubject, RegisterQuery};
///
/// let q = RegisterQuery { subject: QuerySubject::Person("Per Persson".into()), period: None };
/// let r = Reference::new(CaseKind::RecordsRequest, 2025, 3);
/// let d = NaiveDate::from_ymd_opt(2025, 6, 2).unwrap();
/// let doc = answer_register_query("Ånge kommun", r, d, &q)?;
/// assert!(doc.text.contains("varken bekräftar eller förnekar"));
/// assert_eq!(doc.provisions, ["OSL 30:4 b"]);
/// assert!(!doc.text.contains("Per Persson"));
/// # Ok::<(), lantero_cases::Error>(())
/// ```
pub fn answer_register_query(
    authority: &str,
    reference: Reference,
    date: NaiveDate,
    query: &RegisterQuery,
) -> Result<DecisionDocument> {
    let citation = cite_provision(NCND_PROVISION)?;
    let asked = match &query.subject {
        QuerySubject::Person(_) => "eventuella rapporter som rör en namngiven person",
        QuerySubject::Topic(_) => "eventuella rapporter som innehåller eller rör ett angivet ämne",
    };
    let period = query
        .period
        .as_deref()
        .map(|p| format!(" under perioden {p}"))
        .unwrap_or_default();
    let text = format!(
        "BESLUT\n{authority}\nDiarienummer: {reference}\nDatum: {date}\n\n\
         Begäran om att ta del av allmänna handlingar\n\n\
         Ni har begärt att få ta del av {asked}{period} i {authority}s system för \
         visselblåsning.\n\n\
         Beslut\n{authority} avslår begäran. {authority} varken bekräftar eller förnekar att \
         uppgifter av det slag som begäran avser finns.\n\n\
         Skäl för beslutet\n\
         Uppgifter som kan avslöja identiteten hos den som har rapporterat om missförhållanden \
         omfattas av sekretess enligt {citation}, utan skaderekvisit. Redan ett besked om att \
         sådana uppgifter finns eller inte finns kan, tillsammans med annan information, \
         indirekt röja en rapporterande persons identitet (jfr Kammarrätten i Stockholm, \
         mål nr 1188-23). Därför lämnas inget sådant besked, oavsett vad registret innehåller.\n\n\
         {}\n",
        appeal_notice(authority)
    );
    Ok(DecisionDocument {
        schema: DECISION_SCHEMA.to_owned(),
        reference: reference.to_string(),
        date,
        provisions: vec![NCND_PROVISION.to_owned()],
        text,
    })
}
