//! Changes between two versions of a rule set, rule by rule.

use serde::Serialize;

use super::{RuleEntry, RuleSet};

/// How a rule differs between two versions of a rule set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum RuleChange {
    /// New in the later set.
    Added {
        /// The rule.
        rule: String,
    },
    /// Gone from the later set.
    Removed {
        /// The rule.
        rule: String,
    },
    /// Changed, with its version raised.
    Changed {
        /// The rule.
        rule: String,
        /// Earlier version.
        from: u32,
        /// Later version.
        to: u32,
    },
    /// Changed without raising the version: flags from the two sets cannot be told apart.
    ChangedWithoutNewVersion {
        /// The rule.
        rule: String,
        /// The version both carry.
        version: u32,
    },
}

impl RuleSet {
    /// What changed from `earlier` to this set, rule by rule.
    pub fn changes_from(&self, earlier: &RuleSet) -> Vec<RuleChange> {
        let mut changes = Vec::new();
        for rule in &self.rules {
            match earlier.rules.iter().find(|r| r.name() == rule.name()) {
                None => changes.push(RuleChange::Added {
                    rule: rule.name().to_owned(),
                }),
                Some(old) => {
                    let same = match (old, rule) {
                        (RuleEntry::Language(a), RuleEntry::Language(b)) => {
                            a.to_string() == b.to_string()
                        }
                        _ => old.version() == rule.version(),
                    };
                    if same {
                        continue;
                    }
                    changes.push(if old.version() == rule.version() {
                        RuleChange::ChangedWithoutNewVersion {
                            rule: rule.name().to_owned(),
                            version: rule.version(),
                        }
                    } else {
                        RuleChange::Changed {
                            rule: rule.name().to_owned(),
                            from: old.version(),
                            to: rule.version(),
                        }
                    });
                }
            }
        }
        for old in &earlier.rules {
            if !self.rules.iter().any(|r| r.name() == old.name()) {
                changes.push(RuleChange::Removed {
                    rule: old.name().to_owned(),
                });
            }
        }
        changes
    }
}
