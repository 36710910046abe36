//! Column types and schemas of the data sets rules run over.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    /// A number (64-bit float; whole numbers up to 2^53 are exact).
    Number,
    /// A text, stored as an id in the run's [`Interner`](super::Interner).
    Text,
    /// A calendar date, `YYYY-MM-DD` in files.
    Date,
    /// Yes or no: `true`/`false`, `ja`/`nej`, `1`/`0` in files.
    Bool,
}

impl ColumnType {
    /// The name in schema strings: `number`, `text`, `date`, `bool`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Text => "text",
            Self::Date => "date",
            Self::Bool => "bool",
        }
    }
}

impl fmt::Display for ColumnType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ColumnType {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "number" | "tal" => Ok(Self::Number),
            "text" | "string" | "text_id" => Ok(Self::Text),
            "date" | "datum" => Ok(Self::Date),
            "bool" | "boolean" => Ok(Self::Bool),
            other => Err(Error::InvalidValue {
                field: "column type",
                value: other.to_owned(),
                reason: "expected number, text, date or bool".into(),
            }),
        }
    }
}

/// A named, typed column.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Field {
    /// Column name, as in the file header and in rules.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub column_type: ColumnType,
}

/// The columns of a data set, and which one identifies a record.
///
/// ```
/// use lantero_fraudfinder::controls::data::{ColumnType, Schema};
///
/// let schema: Schema = "id:text, applicant_id:text, amount:number, paid:date".parse()?;
/// assert_eq!(schema.index_of("amount"), Some(2));
/// assert_eq!(schema.fields()[3].column_type, ColumnType::Date);
/// assert_eq!(schema.id_column(), Some(0)); // a column named `id` identifies records
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Schema {
    fields: Vec<Field>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
}

impl Schema {
    /// A schema of `fields`; names must be unique and usable in rules.
    pub fn new(fields: Vec<Field>) -> Result<Self> {
        for (i, field) in fields.iter().enumerate() {
            let usable = field
                .name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && field
                    .name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !usable {
                return Err(Error::InvalidValue {
                    field: "column name",
                    value: field.name.clone(),
                    reason: "use ASCII letters, digits and _ (not first a digit)".into(),
                });
            }
            if fields[..i].iter().any(|f| f.name == field.name) {
                return Err(Error::Duplicate {
                    what: "column",
                    id: field.name.clone(),
                });
            }
        }
        let id = fields.iter().any(|f| f.name == "id").then(|| "id".into());
        Ok(Self { fields, id })
    }

    /// The same schema with `column` as the record id, shown in flags and review queues.
    pub fn with_id(mut self, column: &str) -> Result<Self> {
        if self.index_of(column).is_none() {
            return Err(Error::NotFound {
                what: "column",
                id: column.to_owned(),
            });
        }
        self.id = Some(column.to_owned());
        Ok(self)
    }

    /// The fields, in file order.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// Position of the column `name`.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }

    /// Position of the record-id column, if the schema has one.
    pub fn id_column(&self) -> Option<usize> {
        self.id.as_deref().and_then(|id| self.index_of(id))
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether there are no columns.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

impl FromStr for Schema {
    type Err = Error;

    /// Reads `name:type` pairs separated by commas.
    fn from_str(s: &str) -> Result<Self> {
        let fields = s
            .split(',')
            .map(|part| {
                let (name, ty) = part.split_once(':').ok_or_else(|| Error::InvalidValue {
                    field: "schema",
                    value: part.trim().to_owned(),
                    reason: "expected name:type".into(),
                })?;
                Ok(Field {
                    name: name.trim().to_owned(),
                    column_type: ty.parse()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Self::new(fields)
    }
}
