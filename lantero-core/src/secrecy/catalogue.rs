//! The catalogue: provisions and contexts, loaded from JSON and queried by the pipeline.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::context::GENERAL_CONTEXT;
use super::{Context, Provision, ProvisionId};
use crate::{Error, Result};

/// The `schema` string of a catalogue file.
pub const SCHEMA: &str = "lantero.secrecy-catalogue/v1";

/// The catalogue shipped in the crate (`data/secrecy/osl.json`).
const BUILTIN_JSON: &str = include_str!("../../data/secrecy/osl.json");
const BUILTIN_NAME: &str = "data/secrecy/osl.json";

/// A catalogue of secrecy provisions (OSL) and the document contexts they apply in.
///
/// The shipped catalogue is a starting point seeded from the provisions a municipality applies
/// most; a customer's lawyer corrects or extends it with [`Catalogue::merge`].
///
/// ```
/// use lantero_core::secrecy::Catalogue;
///
/// let osl = Catalogue::builtin();
/// assert_eq!(osl.get("26 kap. 1 § OSL")?.title, "Socialtjänst");
///
/// let contexts = osl.contexts_in("Beslut om ekonomiskt bistånd från socialnämnden");
/// assert_eq!(contexts[0].id, "socialtjanst");
///
/// let ids: Vec<String> = osl
///     .candidates("PERSONNUMMER", &contexts)
///     .iter()
///     .map(|p| p.id.to_string())
///     .collect();
/// assert_eq!(ids[0], "OSL 26:1");
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CatalogueFile", into = "CatalogueFile")]
pub struct Catalogue {
    name: String,
    law: String,
    notice: String,
    contexts: Vec<Context>,
    provisions: BTreeMap<ProvisionId, Provision>,
}

/// The file form of a catalogue. Every field but `schema` may be left out, so that a customer
/// file with a few corrected entries is a valid catalogue to merge.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    schema: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    law: String,
    #[serde(default)]
    notice: String,
    #[serde(default)]
    contexts: Vec<Context>,
    #[serde(default)]
    provisions: Vec<Provision>,
}

impl Catalogue {
    /// The shipped catalogue, parsed once.
    ///
    /// A shipped file that does not parse is a bug that the crate's tests catch; should it
    /// happen anyway, this returns an empty catalogue rather than panicking, and
    /// [`Catalogue::load_builtin`] tells what is wrong.
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: OnceLock<Catalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| Self::load_builtin().unwrap_or_else(|_| Self::empty()))
    }

    /// Parses and validates the shipped catalogue.
    pub fn load_builtin() -> Result<Catalogue> {
        let catalogue = Self::from_json(BUILTIN_JSON, BUILTIN_NAME)?;
        catalogue.validate()?;
        Ok(catalogue)
    }

    /// A catalogue with no contexts and no provisions.
    pub fn empty() -> Catalogue {
        Catalogue {
            name: String::new(),
            law: String::new(),
            notice: String::new(),
            contexts: Vec::new(),
            provisions: BTreeMap::new(),
        }
    }

    /// Reads a catalogue from JSON; `source_name` (a file name) appears in error messages.
    ///
    /// Checks the schema, the form of every id, entity and keyword, and that no id occurs
    /// twice. A partial file meant for [`Catalogue::merge`] may use contexts it does not
    /// define; [`Catalogue::validate`] checks that a standalone catalogue defines them all.
    pub fn from_json(json: &str, source_name: &str) -> Result<Catalogue> {
        let file: CatalogueFile = serde_json::from_str(json).map_err(|e| Error::Json {
            source_name: source_name.to_owned(),
            reason: e.to_string(),
        })?;
        Self::from_file(file).map_err(|reason| Error::Json {
            source_name: source_name.to_owned(),
            reason,
        })
    }

    /// As [`Catalogue::from_json`], reading from `reader`.
    pub fn from_reader(mut reader: impl Read, source_name: &str) -> Result<Catalogue> {
        let mut json = String::new();
        reader.read_to_string(&mut json).map_err(|e| Error::Json {
            source_name: source_name.to_owned(),
            reason: e.to_string(),
        })?;
        Self::from_json(&json, source_name)
    }

    /// The catalogue as pretty-printed JSON in the file format.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| Error::Json {
            source_name: self.name.clone(),
            reason: e.to_string(),
        })
    }

    /// Checks that every context a provision lists is defined in the catalogue.
    pub fn validate(&self) -> Result<()> {
        for provision in self.provisions.values() {
            for context in &provision.contexts {
                if self.context(context).is_none() {
                    return Err(Error::InvalidValue {
                        field: "secrecy provision context",
                        value: context.clone(),
                        reason: format!(
                            "{} lists a context the catalogue does not define",
                            provision.id
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    /// The catalogue's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The law the provisions belong to.
    pub fn law(&self) -> &str {
        &self.law
    }

    /// The notice to show users (the catalogue is a starting point; lawyers must review it).
    pub fn notice(&self) -> &str {
        &self.notice
    }

    /// The provision with `id` in any written form (`"OSL 26:1"`, `"26 kap. 1 §"`, `"26:1"`).
    ///
    /// A malformed id is [`Error::InvalidValue`]; a well-formed one that is not in the
    /// catalogue is [`Error::UnknownProvision`].
    pub fn get(&self, id: &str) -> Result<&Provision> {
        let id: ProvisionId = id.parse()?;
        self.provision(&id)
            .ok_or_else(|| Error::UnknownProvision(id.to_string()))
    }

    /// The provision with this exact id, if present.
    pub fn provision(&self, id: &ProvisionId) -> Option<&Provision> {
        self.provisions.get(id)
    }

    /// All provisions, in the order of the law.
    pub fn provisions(&self) -> impl Iterator<Item = &Provision> {
        self.provisions.values()
    }

    /// The number of provisions.
    pub fn len(&self) -> usize {
        self.provisions.len()
    }

    /// Whether the catalogue holds no provisions.
    pub fn is_empty(&self) -> bool {
        self.provisions.is_empty()
    }

    /// All contexts, in catalogue order.
    pub fn contexts(&self) -> &[Context] {
        &self.contexts
    }

    /// The context with `id`, if defined.
    pub fn context(&self, id: &str) -> Option<&Context> {
        self.contexts.iter().find(|c| c.id == id)
    }

    /// The provisions that list the context `context_id`, in the order of the law; empty for
    /// an unknown context. `by_context("allman")` gives the provisions that apply everywhere.
    pub fn by_context(&self, context_id: &str) -> Vec<&Provision> {
        self.provisions()
            .filter(|p| p.applies_in(context_id))
            .collect()
    }

    fn from_file(file: CatalogueFile) -> std::result::Result<Catalogue, String> {
        if file.schema != SCHEMA {
            return Err(format!(
                "schema {:?} is not supported (expected {SCHEMA:?})",
                file.schema
            ));
        }
        let mut contexts: Vec<Context> = Vec::with_capacity(file.contexts.len());
        for context in file.contexts {
            check_context(&context)?;
            if contexts.iter().any(|c| c.id == context.id) {
                return Err(format!("context {:?} is defined twice", context.id));
            }
            contexts.push(context);
        }
        let mut provisions = BTreeMap::new();
        for provision in file.provisions {
            check_provision(&provision)?;
            let id = provision.id;
            if provisions.insert(id, provision).is_some() {
                return Err(format!("provision {id} is defined twice"));
            }
        }
        Ok(Catalogue {
            name: file.name,
            law: file.law,
            notice: file.notice,
            contexts,
            provisions,
        })
    }

    /// Adds or replaces provisions and contexts; used by [`Catalogue::merge`].
    pub(super) fn parts_mut(
        &mut self,
    ) -> (&mut Vec<Context>, &mut BTreeMap<ProvisionId, Provision>) {
        (&mut self.contexts, &mut self.provisions)
    }

    /// Takes the provisions and contexts out; used by [`Catalogue::merge`].
    pub(super) fn into_parts(self) -> (Vec<Context>, BTreeMap<ProvisionId, Provision>) {
        (self.contexts, self.provisions)
    }
}

impl TryFrom<CatalogueFile> for Catalogue {
    type Error = String;

    fn try_from(file: CatalogueFile) -> std::result::Result<Self, String> {
        Catalogue::from_file(file)
    }
}

impl From<Catalogue> for CatalogueFile {
    fn from(c: Catalogue) -> Self {
        CatalogueFile {
            schema: SCHEMA.to_owned(),
            name: c.name,
            law: c.law,
            notice: c.notice,
            contexts: c.contexts,
            provisions: c.provisions.into_values().collect(),
        }
    }
}

fn check_context(context: &Context) -> std::result::Result<(), String> {
    let valid_id = !context.id.is_empty()
        && context
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid_id {
        return Err(format!(
            "context id {:?} must be lower-case a-z, 0-9 and '_'",
            context.id
        ));
    }
    if context.label.trim().is_empty() {
        return Err(format!("context {:?} has an empty label", context.id));
    }
    for keyword in &context.keywords {
        let stem = keyword.strip_suffix('*').unwrap_or(keyword);
        if stem.trim().is_empty() || stem.contains('*') {
            return Err(format!(
                "context {:?} has keyword {keyword:?}: keywords must be non-empty and may \
                 have '*' only at the end",
                context.id
            ));
        }
    }
    Ok(())
}

fn check_provision(p: &Provision) -> std::result::Result<(), String> {
    for (field, value) in [
        ("title", &p.title),
        ("subject", &p.subject),
        ("source", &p.source),
    ] {
        if value.trim().is_empty() {
            return Err(format!("provision {} has an empty {field}", p.id));
        }
    }
    for entity in &p.entities {
        let valid = !entity.is_empty()
            && entity
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(format!(
                "provision {} has entity {entity:?}: entity names are upper-case A-Z, 0-9 and '_'",
                p.id
            ));
        }
    }
    if p.contexts.is_empty() {
        return Err(format!(
            "provision {} lists no context (use \"{GENERAL_CONTEXT}\" for every activity)",
            p.id
        ));
    }
    if p.qualified_damage_test && p.damage_test != super::DamageTest::Rakt {
        return Err(format!(
            "provision {}: only a rakt damage test can be qualified",
            p.id
        ));
    }
    Ok(())
}
