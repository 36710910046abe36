//! Assessments: a framework answered at a date by an assessor.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Framework;
use crate::{Error, Result};

/// The `schema` string of an assessment file.
pub const ASSESSMENT_SCHEMA: &str = "lantero.assessment/v1";

/// The answer to one checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// In place: counts 1.
    Yes,
    /// Partly in place: counts 0.5.
    Partly,
    /// Not in place: counts 0.
    No,
    /// Does not apply here: left out of the score.
    NotApplicable,
}

impl Answer {
    /// The points the answer is worth; `None` for [`Answer::NotApplicable`].
    pub fn points(self) -> Option<f64> {
        match self {
            Self::Yes => Some(1.0),
            Self::Partly => Some(0.5),
            Self::No => Some(0.0),
            Self::NotApplicable => None,
        }
    }
}

/// An answer with the assessor's comment and the evidence it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemAnswer {
    /// The answer.
    pub answer: Answer,
    /// Free-text comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// What shows it, e.g. the name of a routine document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

impl ItemAnswer {
    /// The same answer with a comment.
    pub fn with_comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// The same answer with evidence.
    pub fn with_evidence(mut self, evidence: impl Into<String>) -> Self {
        self.evidence = Some(evidence.into());
        self
    }
}

impl From<Answer> for ItemAnswer {
    fn from(answer: Answer) -> Self {
        Self {
            answer,
            comment: None,
            evidence: None,
        }
    }
}

/// Where an activity stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    /// Not started (the status of every activity until set).
    #[default]
    NotStarted,
    /// Started, not finished.
    InProgress,
    /// Done.
    Done,
}

/// A self-assessment (självskattning) of one framework at a date: checklist answers,
/// a maturity level per area and a status per activity. Every change is checked against the
/// framework, so an assessment never refers to items the framework does not have.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_core::framework::{ActivityStatus, Answer, Assessment, Framework, ItemAnswer};
///
/// # let fw = Framework::from_json(r#"{"schema": "lantero.framework/v1", "id": "vk",
/// #   "version": "1", "title": "VK", "language": "sv", "areas": [{"id": "eb",
/// #   "title": "Ekonomiskt bistånd", "activities": [{"id": "eb-kontroll", "title": "Kontroll",
/// #   "checklist": [{"id": "eb-1", "text": "Rutin?"}, {"id": "eb-2", "text": "Stickprov?"}]}]}]}"#,
/// #   "vk.json")?;
/// let date = NaiveDate::from_ymd_opt(2025, 5, 14).unwrap();
/// let mut a = Assessment::new(&fw, date, "samordnare@kommun.se");
/// a.answer(&fw, "eb-1", ItemAnswer::from(Answer::Yes).with_evidence("Rutin 2025-03"))?;
/// a.answer(&fw, "eb-2", Answer::Partly)?;
/// a.set_maturity(&fw, "eb", 2)?;
/// a.set_status(&fw, "eb-kontroll", ActivityStatus::InProgress)?;
/// assert!(a.answer(&fw, "no-such-item", Answer::Yes).is_err());
///
/// let score = a.score(&fw)?;
/// assert_eq!(score.overall.completion, Some(0.75));
/// assert_eq!(score.areas[0].maturity_level, Some(2));
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AssessmentFile", into = "AssessmentFile")]
pub struct Assessment {
    framework_id: String,
    framework_version: String,
    date: NaiveDate,
    assessor: String,
    answers: BTreeMap<String, ItemAnswer>,
    maturity: BTreeMap<String, u8>,
    statuses: BTreeMap<String, ActivityStatus>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessmentFile {
    schema: String,
    framework_id: String,
    framework_version: String,
    date: NaiveDate,
    assessor: String,
    #[serde(default)]
    answers: BTreeMap<String, ItemAnswer>,
    #[serde(default)]
    maturity: BTreeMap<String, u8>,
    #[serde(default)]
    statuses: BTreeMap<String, ActivityStatus>,
}

impl Assessment {
    /// An empty assessment of `framework` on `date` by `assessor`.
    pub fn new(framework: &Framework, date: NaiveDate, assessor: impl Into<String>) -> Self {
        Self {
            framework_id: framework.id.clone(),
            framework_version: framework.version.clone(),
            date,
            assessor: assessor.into(),
            answers: BTreeMap::new(),
            maturity: BTreeMap::new(),
            statuses: BTreeMap::new(),
        }
    }

    /// Reads an assessment and checks it against `framework`.
    pub fn from_json(json: &str, source_name: &str, framework: &Framework) -> Result<Self> {
        let assessment: Assessment = serde_json::from_str(json).map_err(|e| Error::Json {
            source_name: source_name.to_owned(),
            reason: e.to_string(),
        })?;
        assessment.validate(framework)?;
        Ok(assessment)
    }

    /// The assessment as pretty-printed JSON.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| Error::Json {
            source_name: format!("assessment of {}", self.framework_id),
            reason: e.to_string(),
        })
    }

    /// The id of the framework assessed.
    pub fn framework_id(&self) -> &str {
        &self.framework_id
    }

    /// The framework version the assessment was started on.
    pub fn framework_version(&self) -> &str {
        &self.framework_version
    }

    /// The date of the assessment.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Who made the assessment.
    pub fn assessor(&self) -> &str {
        &self.assessor
    }

    /// Answers checklist item `item_id`, replacing an earlier answer.
    pub fn answer(
        &mut self,
        framework: &Framework,
        item_id: &str,
        answer: impl Into<ItemAnswer>,
    ) -> Result<()> {
        self.check_framework(framework)?;
        if framework.item(item_id).is_none() {
            return Err(unknown(framework, "checklist item", item_id));
        }
        self.answers.insert(item_id.to_owned(), answer.into());
        Ok(())
    }

    /// Removes the answer to `item_id`, returning it.
    pub fn clear_answer(&mut self, item_id: &str) -> Option<ItemAnswer> {
        self.answers.remove(item_id)
    }

    /// Sets the maturity level of area `area_id`; the level must be on the framework's scale.
    pub fn set_maturity(&mut self, framework: &Framework, area_id: &str, level: u8) -> Result<()> {
        self.check_framework(framework)?;
        if framework.area(area_id).is_none() {
            return Err(unknown(framework, "area", area_id));
        }
        check_level(framework, area_id, level)?;
        self.maturity.insert(area_id.to_owned(), level);
        Ok(())
    }

    /// Sets the status of activity `activity_id`.
    pub fn set_status(
        &mut self,
        framework: &Framework,
        activity_id: &str,
        status: ActivityStatus,
    ) -> Result<()> {
        self.check_framework(framework)?;
        if framework.activity(activity_id).is_none() {
            return Err(unknown(framework, "activity", activity_id));
        }
        self.statuses.insert(activity_id.to_owned(), status);
        Ok(())
    }

    /// The answer to `item_id`, if answered.
    pub fn answer_for(&self, item_id: &str) -> Option<&ItemAnswer> {
        self.answers.get(item_id)
    }

    /// The maturity level set for `area_id`, if set.
    pub fn maturity_for(&self, area_id: &str) -> Option<u8> {
        self.maturity.get(area_id).copied()
    }

    /// The status of `activity_id` ([`ActivityStatus::NotStarted`] until set).
    pub fn status_for(&self, activity_id: &str) -> ActivityStatus {
        self.statuses.get(activity_id).copied().unwrap_or_default()
    }

    /// All answers by item id.
    pub fn answers(&self) -> impl Iterator<Item = (&str, &ItemAnswer)> {
        self.answers.iter().map(|(id, a)| (id.as_str(), a))
    }

    /// Checks that the assessment is of `framework` and refers only to its items, areas,
    /// activities and maturity levels; needed after reading one from storage. A newer version
    /// of the same framework is accepted as long as everything still resolves.
    pub fn validate(&self, framework: &Framework) -> Result<()> {
        self.check_framework(framework)?;
        if let Some(id) = self.answers.keys().find(|id| framework.item(id).is_none()) {
            return Err(unknown(framework, "checklist item", id));
        }
        if let Some(id) = self
            .statuses
            .keys()
            .find(|id| framework.activity(id).is_none())
        {
            return Err(unknown(framework, "activity", id));
        }
        for (area, level) in &self.maturity {
            if framework.area(area).is_none() {
                return Err(unknown(framework, "area", area));
            }
            check_level(framework, area, *level)?;
        }
        Ok(())
    }

    fn check_framework(&self, framework: &Framework) -> Result<()> {
        if self.framework_id == framework.id {
            Ok(())
        } else {
            Err(Error::InvalidFramework {
                framework: framework.id.clone(),
                reason: format!(
                    "the assessment is of framework {:?}, not this one",
                    self.framework_id
                ),
            })
        }
    }
}

fn unknown(framework: &Framework, kind: &str, id: &str) -> Error {
    Error::InvalidFramework {
        framework: framework.id.clone(),
        reason: format!("the assessment refers to {kind} {id:?}, which the framework lacks"),
    }
}

fn check_level(framework: &Framework, area_id: &str, level: u8) -> Result<()> {
    if framework.maturity_scale.get(level).is_some() {
        return Ok(());
    }
    Err(Error::InvalidFramework {
        framework: framework.id.clone(),
        reason: format!(
            "maturity level {level} for area {area_id:?} is not on the scale {}..={}",
            framework.maturity_scale.min().unwrap_or_default(),
            framework.maturity_scale.max().unwrap_or_default()
        ),
    })
}

impl TryFrom<AssessmentFile> for Assessment {
    type Error = Error;

    fn try_from(file: AssessmentFile) -> Result<Self> {
        if file.schema != ASSESSMENT_SCHEMA {
            return Err(Error::InvalidValue {
                field: "assessment schema",
                value: file.schema,
                reason: format!("expected {ASSESSMENT_SCHEMA:?}"),
            });
        }
        Ok(Self {
            framework_id: file.framework_id,
            framework_version: file.framework_version,
            date: file.date,
            assessor: file.assessor,
            answers: file.answers,
            maturity: file.maturity,
            statuses: file.statuses,
        })
    }
}

impl From<Assessment> for AssessmentFile {
    fn from(a: Assessment) -> Self {
        Self {
            schema: ASSESSMENT_SCHEMA.to_owned(),
            framework_id: a.framework_id,
            framework_version: a.framework_version,
            date: a.date,
            assessor: a.assessor,
            answers: a.answers,
            maturity: a.maturity,
            statuses: a.statuses,
        }
    }
}
