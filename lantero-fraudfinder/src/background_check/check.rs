//! One background check and its steps.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// How much a position needs protecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProtectionValue {
    /// Ordinary position: no background check.
    Normal,
    /// High protection value (högt skyddsvärde): decides on payments, appointments or
    /// procurement.
    High,
}

/// A position recruited to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Its protection value.
    pub protection_value: ProtectionValue,
    /// Why, e.g. `"Beslutar om utbetalningar"`.
    pub reason: String,
}

/// A check in the routine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// Identifiering.
    Identity,
    /// Kontroll av medborgarskap och arbetstillstånd.
    WorkPermit,
    /// Referenstagning.
    References,
    /// Utdrag ur Polisens belastningsregister: only the outcome is stored.
    CriminalRecord,
    /// Kontroll av sociala medier.
    SocialMedia,
}

impl CheckKind {
    /// Every check, in the routine's order.
    pub const ALL: [Self; 5] = [
        Self::Identity,
        Self::WorkPermit,
        Self::References,
        Self::CriminalRecord,
        Self::SocialMedia,
    ];

    /// Swedish label.
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Identity => "Identifiering",
            Self::WorkPermit => "Medborgarskap och arbetstillstånd",
            Self::References => "Referenstagning",
            Self::CriminalRecord => "Utdrag ur belastningsregistret",
            Self::SocialMedia => "Sociala medier",
        }
    }
}

/// The candidate's consent, after being informed of the checks and how data is handled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// When consent was given.
    pub given: NaiveDate,
    /// Who informed the candidate.
    pub informed_by: String,
    /// The checks consented to.
    pub scope: Vec<CheckKind>,
}

/// The outcome of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    /// Nothing to remark.
    NoRemarks,
    /// Something to weigh in the decision.
    Remarks,
    /// Could not be performed.
    NotPerformed,
}

/// A recorded check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckStep {
    /// Which check.
    pub kind: CheckKind,
    /// When.
    pub date: NaiveDate,
    /// Who performed it.
    pub performed_by: String,
    /// Its outcome.
    pub outcome: StepOutcome,
    /// Documentation; never for the criminal-record extract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The recruiting manager's conclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    /// Go on with the recruitment.
    Proceed,
    /// Do not employ.
    DoNotProceed,
}

/// Where a check stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Waiting for the candidate's consent.
    AwaitingConsent,
    /// Checks under way.
    InProgress,
    /// Decided.
    Completed,
    /// The candidate withdrew.
    Withdrawn,
}

/// A background check of one candidate for one position.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_fraudfinder::background_check::*;
///
/// let day = NaiveDate::from_ymd_opt(2025, 8, 14).unwrap();
/// let position = Position { id: "p1".into(), title: "Enhetschef försörjningsstöd".into(),
///     protection_value: ProtectionValue::High, reason: "Beslutar om utbetalningar".into() };
/// let mut check = BackgroundCheck::start("bk-1", position, "Ansökan 2025/118")?;
/// let step = |kind| CheckStep { kind, date: day, performed_by: "HR".into(), outcome: StepOutcome::NoRemarks, note: None };
/// assert!(check.record(step(CheckKind::Identity)).is_err()); // no consent yet
/// check.consent(Consent { given: day, informed_by: "HR-konsult".into(), scope: CheckKind::ALL.to_vec() })?;
/// for kind in CheckKind::ALL {
///     check.record(step(kind))?;
/// }
/// // The extract must be returned or destroyed before the check can be closed.
/// assert!(check.decide(Recommendation::Proceed, day, "Förvaltningschef").is_err());
/// check.extract_destroyed(day)?;
/// check.decide(Recommendation::Proceed, day, "Förvaltningschef")?;
/// assert_eq!(check.status(), Status::Completed);
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackgroundCheck {
    id: String,
    position: Position,
    candidate: String,
    consent: Option<Consent>,
    steps: Vec<CheckStep>,
    extract_destroyed: Option<NaiveDate>,
    decision: Option<(Recommendation, NaiveDate, String)>,
    withdrawn: Option<NaiveDate>,
}

impl BackgroundCheck {
    /// Opens a check of `candidate` (an application reference, not an identity number) for
    /// `position`, which must have high protection value.
    pub fn start(
        id: impl Into<String>,
        position: Position,
        candidate: impl Into<String>,
    ) -> Result<Self> {
        let id = id.into();
        if position.protection_value != ProtectionValue::High {
            return Err(Error::NotAllowed {
                what: "background check",
                id,
                reason: format!(
                    "{} does not have high protection value; background checks are for positions that decide on payments, appointments or procurement",
                    position.title
                ),
            });
        }
        Ok(Self {
            id,
            position,
            candidate: candidate.into(),
            consent: None,
            steps: Vec::new(),
            extract_destroyed: None,
            decision: None,
            withdrawn: None,
        })
    }

    fn refuse(&self, reason: impl Into<String>) -> Error {
        Error::NotAllowed {
            what: "background check",
            id: self.id.clone(),
            reason: reason.into(),
        }
    }

    fn check_open(&self) -> Result<()> {
        match self.status() {
            Status::Completed => Err(self.refuse("the check is completed")),
            Status::Withdrawn => Err(self.refuse("the candidate has withdrawn")),
            _ => Ok(()),
        }
    }

    /// Records the candidate's informed consent.
    pub fn consent(&mut self, consent: Consent) -> Result<()> {
        self.check_open()?;
        if consent.scope.is_empty() {
            return Err(self.refuse("consent must name at least one check"));
        }
        self.consent = Some(consent);
        Ok(())
    }

    /// Records a check: it must be within the consent and not done before; the
    /// criminal-record step takes no note, so its content cannot be stored.
    pub fn record(&mut self, step: CheckStep) -> Result<()> {
        self.check_open()?;
        let Some(consent) = &self.consent else {
            return Err(
                self.refuse("no consent recorded; inform the candidate and obtain consent first")
            );
        };
        if !consent.scope.contains(&step.kind) {
            return Err(self.refuse(format!(
                "the consent does not cover {}",
                step.kind.label_sv()
            )));
        }
        if step.date < consent.given {
            return Err(self.refuse("a check cannot be dated before the consent"));
        }
        if self.steps.iter().any(|s| s.kind == step.kind) {
            return Err(self.refuse(format!("{} is already recorded", step.kind.label_sv())));
        }
        if step.kind == CheckKind::CriminalRecord && step.note.is_some() {
            return Err(self.refuse(
                "record only the outcome of the criminal-record extract, never its content",
            ));
        }
        self.steps.push(step);
        self.steps.sort_by_key(|s| s.kind);
        Ok(())
    }

    /// Records that the criminal-record extract was returned or destroyed.
    pub fn extract_destroyed(&mut self, date: NaiveDate) -> Result<()> {
        if !self
            .steps
            .iter()
            .any(|s| s.kind == CheckKind::CriminalRecord)
        {
            return Err(self.refuse("no criminal-record extract has been recorded"));
        }
        self.extract_destroyed = Some(date);
        Ok(())
    }

    /// Closes the check with a decision: every consented check must be recorded and any
    /// criminal-record extract returned or destroyed.
    pub fn decide(
        &mut self,
        recommendation: Recommendation,
        date: NaiveDate,
        by: impl Into<String>,
    ) -> Result<()> {
        self.check_open()?;
        let Some(consent) = &self.consent else {
            return Err(self.refuse("no consent recorded"));
        };
        if let Some(missing) = consent
            .scope
            .iter()
            .find(|k| !self.steps.iter().any(|s| s.kind == **k))
        {
            return Err(self.refuse(format!("{} is not recorded yet", missing.label_sv())));
        }
        let has_extract = self
            .steps
            .iter()
            .any(|s| s.kind == CheckKind::CriminalRecord);
        if has_extract && self.extract_destroyed.is_none() {
            return Err(
                self.refuse("the criminal-record extract must be returned or destroyed first")
            );
        }
        self.decision = Some((recommendation, date, by.into()));
        Ok(())
    }

    /// The candidate withdraws; nothing more is recorded.
    pub fn withdraw(&mut self, date: NaiveDate) -> Result<()> {
        self.check_open()?;
        self.withdrawn = Some(date);
        Ok(())
    }

    /// Where the check stands.
    pub fn status(&self) -> Status {
        if self.withdrawn.is_some() {
            Status::Withdrawn
        } else if self.decision.is_some() {
            Status::Completed
        } else if self.consent.is_some() {
            Status::InProgress
        } else {
            Status::AwaitingConsent
        }
    }

    /// The id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The position.
    pub fn position(&self) -> &Position {
        &self.position
    }

    /// The recorded steps, in routine order.
    pub fn steps(&self) -> &[CheckStep] {
        &self.steps
    }

    /// The decision, if made.
    pub fn decision(&self) -> Option<Recommendation> {
        self.decision.as_ref().map(|(r, _, _)| *r)
    }

    /// The documentation of the check, one Swedish line per event.
    pub fn documentation(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "Bakgrundskontroll {} för {} ({}), kandidat {}.",
            self.id, self.position.title, self.position.reason, self.candidate
        )];
        if let Some(c) = &self.consent {
            let scope: Vec<&str> = c.scope.iter().map(|k| k.label_sv()).collect();
            lines.push(format!(
                "{}: samtycke efter information av {} till: {}.",
                c.given,
                c.informed_by,
                scope.join(", ")
            ));
        }
        for s in &self.steps {
            let outcome = match s.outcome {
                StepOutcome::NoRemarks => "utan anmärkning",
                StepOutcome::Remarks => "med anmärkning",
                StepOutcome::NotPerformed => "kunde inte genomföras",
            };
            let mut line = format!(
                "{}: {} {outcome} ({}).",
                s.date,
                s.kind.label_sv(),
                s.performed_by
            );
            if let Some(note) = &s.note {
                line.push(' ');
                line.push_str(note);
            }
            lines.push(line);
        }
        if let Some(d) = self.extract_destroyed {
            lines.push(format!("{d}: registerutdraget återlämnat eller förstört."));
        }
        if let Some((r, d, by)) = &self.decision {
            let text = match r {
                Recommendation::Proceed => "rekryteringen fortsätter",
                Recommendation::DoNotProceed => "kandidaten anställs inte",
            };
            lines.push(format!("{d}: beslut av {by}: {text}."));
        }
        if let Some(d) = self.withdrawn {
            lines.push(format!("{d}: kandidaten har återkallat sitt samtycke."));
        }
        lines
    }
}
