//! Validation of a framework: well-formed ids, unique ids, references that resolve.

use std::collections::BTreeSet;

use super::{Framework, Template};
use crate::{Error, Result};

/// Longest id accepted; ids are references, not texts.
const MAX_ID_LEN: usize = 64;

impl Framework {
    /// Checks the framework:
    /// - id, version, title and language are set; the language is a tag such as `sv`;
    /// - every id (area, activity, checklist item, template) is 1–64 characters of
    ///   `A-Z a-z 0-9 . _ -` and unique across the whole framework;
    /// - every template an activity lists exists, and is listed once;
    /// - template references are relative paths inside the content pack, not URLs;
    /// - the maturity scale has consecutive levels.
    ///
    /// Errors are [`Error::InvalidFramework`] naming the framework and the offending id.
    pub fn validate(&self) -> Result<()> {
        self.check().map_err(|reason| Error::InvalidFramework {
            framework: self.id.clone(),
            reason,
        })
    }

    fn check(&self) -> std::result::Result<(), String> {
        check_id("framework", &self.id)?;
        for (field, value) in [("version", &self.version), ("title", &self.title)] {
            if value.trim().is_empty() {
                return Err(format!("the framework {field} is empty"));
            }
        }
        let language_ok = !self.language.is_empty()
            && self
                .language
                .split('-')
                .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()));
        if !language_ok {
            return Err(format!(
                "language {:?} is not a language tag such as \"sv\"",
                self.language
            ));
        }
        if let Some(problem) = self.maturity_scale.problem() {
            return Err(problem);
        }
        if self.areas.is_empty() {
            return Err("the framework has no areas".into());
        }

        let mut seen = BTreeSet::new();
        let mut claim = |kind: &str, id: &str| -> std::result::Result<(), String> {
            check_id(kind, id)?;
            if !seen.insert(id.to_owned()) {
                return Err(format!("{kind} id {id:?} is used twice in the framework"));
            }
            Ok(())
        };
        for template in &self.templates {
            claim("template", &template.id)?;
            check_template(template)?;
        }
        for area in &self.areas {
            claim("area", &area.id)?;
            non_empty("area", &area.id, &area.title)?;
            for activity in &area.activities {
                claim("activity", &activity.id)?;
                non_empty("activity", &activity.id, &activity.title)?;
                let mut listed = BTreeSet::new();
                for template in &activity.templates {
                    if self.template(template).is_none() {
                        return Err(format!(
                            "activity {:?} refers to template {template:?}, which is not defined",
                            activity.id
                        ));
                    }
                    if !listed.insert(template) {
                        return Err(format!(
                            "activity {:?} lists template {template:?} twice",
                            activity.id
                        ));
                    }
                }
                for item in &activity.checklist {
                    claim("checklist item", &item.id)?;
                    non_empty("checklist item", &item.id, &item.text)?;
                }
            }
        }
        Ok(())
    }
}

fn check_id(kind: &str, id: &str) -> std::result::Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{kind} id {id:?} must be 1-{MAX_ID_LEN} characters of A-Z, a-z, 0-9, '.', '_', '-'"
        ))
    }
}

fn non_empty(kind: &str, id: &str, text: &str) -> std::result::Result<(), String> {
    if text.trim().is_empty() {
        Err(format!("{kind} {id:?} has no text"))
    } else {
        Ok(())
    }
}

fn check_template(template: &Template) -> std::result::Result<(), String> {
    non_empty("template", &template.id, &template.title)?;
    if template.kind.trim().is_empty() {
        return Err(format!("template {:?} has no kind", template.id));
    }
    if let Some(reference) = &template.reference {
        let escapes = reference.split(['/', '\\']).any(|part| part == "..");
        let absolute = reference.starts_with(['/', '\\']) || reference.contains(':');
        if reference.trim().is_empty() || escapes || absolute {
            return Err(format!(
                "template {:?} has reference {reference:?}: it must be a relative path inside \
                 the content pack, not a URL or an absolute path",
                template.id
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::{Activity, Area, ChecklistItem, MaturityScale};

    fn framework() -> Framework {
        Framework {
            id: "fw".into(),
            version: "1".into(),
            title: "Test".into(),
            language: "sv".into(),
            description: String::new(),
            maturity_scale: MaturityScale::default(),
            templates: vec![Template {
                id: "t1".into(),
                title: "Mall".into(),
                kind: "mall".into(),
                reference: Some("mallar/rutin.docx".into()),
            }],
            areas: vec![Area {
                id: "a1".into(),
                title: "Område".into(),
                description: String::new(),
                activities: vec![Activity {
                    id: "act1".into(),
                    title: "Aktivitet".into(),
                    description: String::new(),
                    guidance: String::new(),
                    templates: vec!["t1".into()],
                    checklist: vec![ChecklistItem {
                        id: "i1".into(),
                        text: "Fråga?".into(),
                        guidance: None,
                    }],
                }],
            }],
        }
    }

    fn reason(fw: &Framework) -> String {
        match fw.validate() {
            Err(Error::InvalidFramework { framework, reason }) => {
                assert_eq!(framework, fw.id);
                reason
            }
            other => panic!("expected InvalidFramework, got {other:?}"),
        }
    }

    #[test]
    fn a_well_formed_framework_validates() {
        framework().validate().unwrap();
    }

    #[test]
    fn ids_must_be_unique_across_levels() {
        let mut fw = framework();
        fw.areas[0].activities[0].checklist[0].id = "a1".into();
        assert!(reason(&fw).contains("\"a1\" is used twice"));
    }

    #[test]
    fn template_references_must_resolve_and_stay_inside_the_pack() {
        let mut fw = framework();
        fw.areas[0].activities[0].templates = vec!["t2".into()];
        assert!(reason(&fw).contains("\"t2\", which is not defined"));

        for bad in [
            "https://example.org/mall.docx",
            "/etc/passwd",
            "../utanfor.docx",
            "C:\\x",
        ] {
            let mut fw = framework();
            fw.templates[0].reference = Some(bad.into());
            assert!(reason(&fw).contains("relative path"), "{bad}");
        }
    }

    #[test]
    fn malformed_ids_and_empty_texts_are_rejected() {
        let mut fw = framework();
        fw.areas[0].id = "med mellanslag".into();
        assert!(reason(&fw).contains("area id"));
        let mut fw = framework();
        fw.areas[0].activities[0].checklist[0].text = " ".into();
        assert!(reason(&fw).contains("no text"));
        let mut fw = framework();
        fw.language = "svenska!".into();
        assert!(reason(&fw).contains("language"));
        let mut fw = framework();
        fw.areas.clear();
        assert!(reason(&fw).contains("no areas"));
    }
}
