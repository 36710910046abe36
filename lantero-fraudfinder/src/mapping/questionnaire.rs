//! Questionnaires per area, answered in interviews or surveys and consolidated into a
//! self-assessment.

use std::collections::BTreeMap;

use lantero_core::framework::{Answer, Assessment, Framework, ItemAnswer};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// One question: a checklist item with its activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The checklist item id.
    pub item: String,
    /// The activity it belongs to.
    pub activity: String,
    /// The activity's title, as a heading.
    pub activity_title: String,
    /// The question.
    pub text: String,
    /// How to judge the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
}

/// The questions of one area, for an interview or a survey.
///
/// ```
/// use lantero_core::framework::Answer;
/// use lantero_fraudfinder::mapping::{Questionnaire, Response};
/// use lantero_fraudfinder::packs;
///
/// let pack = packs::welfare_crime()?;
/// let q = Questionnaire::for_area(&pack.framework, "bisysslor")?;
/// assert!(q.questions.len() >= 4);
/// let mut a = Response::new("Enhetschef HR");
/// let mut b = Response::new("Upphandlare");
/// a.answers.insert(q.questions[0].item.clone(), Answer::Yes);
/// b.answers.insert(q.questions[0].item.clone(), Answer::No);
/// // Disagreement is consolidated cautiously: yes and no give partly.
/// assert_eq!(q.consolidate(&[a, b])[&q.questions[0].item], Answer::Partly);
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questionnaire {
    /// The framework.
    pub framework: String,
    /// The area.
    pub area: String,
    /// The area's title.
    pub title: String,
    /// The area's description, as an introduction.
    pub introduction: String,
    /// The questions, in framework order.
    pub questions: Vec<Question>,
}

/// One respondent's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// Who answered (role, not necessarily a name).
    pub respondent: String,
    /// Answers by item id.
    pub answers: BTreeMap<String, Answer>,
    /// Comments by item id.
    #[serde(default)]
    pub comments: BTreeMap<String, String>,
}

impl Response {
    /// An empty response from `respondent`.
    pub fn new(respondent: impl Into<String>) -> Self {
        Self {
            respondent: respondent.into(),
            answers: BTreeMap::new(),
            comments: BTreeMap::new(),
        }
    }
}

impl Questionnaire {
    /// The questionnaire of area `area` of `framework`.
    pub fn for_area(framework: &Framework, area: &str) -> Result<Self> {
        let found = framework.area(area).ok_or_else(|| Error::NotFound {
            what: "area",
            id: area.to_owned(),
        })?;
        let questions = found
            .activities
            .iter()
            .flat_map(|activity| {
                activity.checklist.iter().map(move |item| Question {
                    item: item.id.clone(),
                    activity: activity.id.clone(),
                    activity_title: activity.title.clone(),
                    text: item.text.clone(),
                    guidance: item.guidance.clone(),
                })
            })
            .collect();
        Ok(Self {
            framework: framework.id.clone(),
            area: found.id.clone(),
            title: found.title.clone(),
            introduction: found.description.clone(),
            questions,
        })
    }

    /// One questionnaire per area.
    pub fn all(framework: &Framework) -> Vec<Self> {
        framework
            .areas
            .iter()
            .filter_map(|a| Self::for_area(framework, &a.id).ok())
            .collect()
    }

    /// Consolidates several respondents into one answer per question: the median of the
    /// points (yes 1, partly ½, no 0), rounded down to an answer, so that a practice counts
    /// as in place only when most respondents say so. Not-applicable answers count only
    /// when every respondent gave one; unanswered questions are left out.
    pub fn consolidate(&self, responses: &[Response]) -> BTreeMap<String, Answer> {
        let mut out = BTreeMap::new();
        for q in &self.questions {
            let given: Vec<Answer> = responses
                .iter()
                .filter_map(|r| r.answers.get(&q.item).copied())
                .collect();
            if given.is_empty() {
                continue;
            }
            let mut points: Vec<f64> = given.iter().filter_map(|a| a.points()).collect();
            if points.is_empty() {
                out.insert(q.item.clone(), Answer::NotApplicable);
                continue;
            }
            points.sort_by(f64::total_cmp);
            let mid = points.len() / 2;
            let median = if points.len() % 2 == 0 {
                (points[mid - 1] + points[mid]) / 2.0
            } else {
                points[mid]
            };
            let answer = if median >= 1.0 {
                Answer::Yes
            } else if median >= 0.5 {
                Answer::Partly
            } else {
                Answer::No
            };
            out.insert(q.item.clone(), answer);
        }
        out
    }

    /// Records the consolidated answers in `assessment`, noting the respondents.
    pub fn apply(
        &self,
        framework: &Framework,
        responses: &[Response],
        assessment: &mut Assessment,
    ) -> Result<()> {
        let who: Vec<&str> = responses.iter().map(|r| r.respondent.as_str()).collect();
        for (item, answer) in self.consolidate(responses) {
            let comments: Vec<String> = responses
                .iter()
                .filter_map(|r| {
                    r.comments
                        .get(&item)
                        .map(|c| format!("{}: {c}", r.respondent))
                })
                .collect();
            let mut entry =
                ItemAnswer::from(answer).with_evidence(format!("Svar från {}", who.join(", ")));
            if !comments.is_empty() {
                entry = entry.with_comment(comments.join(" | "));
            }
            assessment.answer(framework, &item, entry)?;
        }
        Ok(())
    }
}
