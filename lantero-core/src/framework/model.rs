//! Frameworks as data: framework → areas → activities → checklist items, with templates.

use serde::{Deserialize, Serialize};

use super::MaturityScale;
use crate::{Error, Result};

/// The `schema` string of a framework file.
pub const SCHEMA: &str = "lantero.framework/v1";

/// A framework of concrete activities, e.g. a welfare-crime method pack or a cyber-hygiene
/// baseline. Every level has a stable string id, unique across the whole framework, so that
/// assessments and action plans can refer to it across versions.
///
/// Deserialising checks the schema and [validates](Framework::validate) the content.
///
/// ```
/// use lantero_core::framework::Framework;
///
/// let fw = Framework::from_json(r#"{
///   "schema": "lantero.framework/v1",
///   "id": "vk", "version": "1.0", "title": "Välfärdsbrott", "language": "sv",
///   "templates": [{"id": "mall-rutin", "title": "Mall för rutin", "kind": "mall",
///                  "reference": "mallar/rutin.docx"}],
///   "areas": [{"id": "eb", "title": "Ekonomiskt bistånd", "activities": [
///     {"id": "eb-kontroll", "title": "Kontroll vid ansökan", "templates": ["mall-rutin"],
///      "checklist": [{"id": "eb-kontroll-1", "text": "Finns en beslutad kontrollrutin?"}]}
///   ]}]
/// }"#, "vk.json")?;
/// let (area, activity, item) = fw.item("eb-kontroll-1").unwrap();
/// assert_eq!((area.id.as_str(), activity.id.as_str()), ("eb", "eb-kontroll"));
/// assert_eq!(fw.templates_of(activity)[0].kind, "mall");
/// assert_eq!(Framework::from_json(&fw.to_json()?, "export.json")?, fw);
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "FrameworkFile", into = "FrameworkFile")]
pub struct Framework {
    /// Stable id.
    pub id: String,
    /// Version of the content, e.g. `"2025.1"`.
    pub version: String,
    /// Title.
    pub title: String,
    /// Language of the texts, e.g. `"sv"`.
    pub language: String,
    /// What the framework is for.
    pub description: String,
    /// The scale areas are rated on; the default 0–4 scale unless the framework ships one.
    pub maturity_scale: MaturityScale,
    /// Templates, checklists and guides that activities refer to by id.
    pub templates: Vec<Template>,
    /// The areas, in reading order.
    pub areas: Vec<Area>,
}

/// An area of a framework, e.g. *Ekonomiskt bistånd*; rated on the maturity scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What the area covers.
    #[serde(default)]
    pub description: String,
    /// The activities, in reading order.
    #[serde(default)]
    pub activities: Vec<Activity>,
}

/// A concrete activity, e.g. *Kontroll vid ansökan*; tracked as not started, in progress or
/// done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What the activity is.
    #[serde(default)]
    pub description: String,
    /// How to carry it out: practical advice, pitfalls, examples from other municipalities.
    #[serde(default)]
    pub guidance: String,
    /// Ids of the framework's [`Template`]s that support the activity.
    #[serde(default)]
    pub templates: Vec<String>,
    /// The checklist that shows whether the activity is in place.
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
}

/// One checklist question, answered yes / partly / no / not applicable in an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable id.
    pub id: String,
    /// The question or requirement.
    pub text: String,
    /// How to judge the answer, or what evidence to look for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
}

/// A template, checklist or guide shipped with the framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Stable id that activities refer to.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind, e.g. `"mall"`, `"checklista"`, `"vägledning"`, `"exempel"`.
    pub kind: String,
    /// Relative path of the file inside the content pack. Never a URL: frameworks must work
    /// offline and in closed networks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// The file form of a framework: the framework plus its schema string.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameworkFile {
    schema: String,
    id: String,
    version: String,
    title: String,
    language: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    maturity_scale: MaturityScale,
    #[serde(default)]
    templates: Vec<Template>,
    areas: Vec<Area>,
}

impl Framework {
    /// Reads and validates a framework; `source_name` (a file name) appears in JSON errors.
    pub fn from_json(json: &str, source_name: &str) -> Result<Framework> {
        let file: FrameworkFile = serde_json::from_str(json).map_err(|e| Error::Json {
            source_name: source_name.to_owned(),
            reason: e.to_string(),
        })?;
        Framework::try_from(file)
    }

    /// The framework as pretty-printed JSON; [`Framework::from_json`] reads it back exactly.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| Error::InvalidFramework {
            framework: self.id.clone(),
            reason: e.to_string(),
        })
    }

    /// The area with `id`.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The activity with `id` and the area it belongs to.
    pub fn activity(&self, id: &str) -> Option<(&Area, &Activity)> {
        self.activities().find(|(_, activity)| activity.id == id)
    }

    /// The checklist item with `id`, with its area and activity.
    pub fn item(&self, id: &str) -> Option<(&Area, &Activity, &ChecklistItem)> {
        self.items().find(|(_, _, item)| item.id == id)
    }

    /// The template with `id`.
    pub fn template(&self, id: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.id == id)
    }

    /// The templates an activity refers to, in its order; ids that do not resolve (only
    /// possible in a framework that fails validation) are skipped.
    pub fn templates_of(&self, activity: &Activity) -> Vec<&Template> {
        activity
            .templates
            .iter()
            .filter_map(|id| self.template(id))
            .collect()
    }

    /// Every activity with its area, in reading order.
    pub fn activities(&self) -> impl Iterator<Item = (&Area, &Activity)> {
        self.areas
            .iter()
            .flat_map(|area| area.activities.iter().map(move |activity| (area, activity)))
    }

    /// Every checklist item with its area and activity, in reading order.
    pub fn items(&self) -> impl Iterator<Item = (&Area, &Activity, &ChecklistItem)> {
        self.activities().flat_map(|(area, activity)| {
            activity
                .checklist
                .iter()
                .map(move |item| (area, activity, item))
        })
    }
}

impl TryFrom<FrameworkFile> for Framework {
    type Error = Error;

    fn try_from(file: FrameworkFile) -> Result<Self> {
        if file.schema != SCHEMA {
            return Err(Error::InvalidFramework {
                framework: file.id,
                reason: format!(
                    "schema {:?} is not supported (expected {SCHEMA:?})",
                    file.schema
                ),
            });
        }
        let framework = Framework {
            id: file.id,
            version: file.version,
            title: file.title,
            language: file.language,
            description: file.description,
            maturity_scale: file.maturity_scale,
            templates: file.templates,
            areas: file.areas,
        };
        framework.validate()?;
        Ok(framework)
    }
}

impl From<Framework> for FrameworkFile {
    fn from(f: Framework) -> Self {
        FrameworkFile {
            schema: SCHEMA.to_owned(),
            id: f.id,
            version: f.version,
            title: f.title,
            language: f.language,
            description: f.description,
            maturity_scale: f.maturity_scale,
            templates: f.templates,
            areas: f.areas,
        }
    }
}
