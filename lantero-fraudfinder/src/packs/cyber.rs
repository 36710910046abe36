//! Ties the cyber-hygiene pack to the asset register: checklist items the register can
//! answer are answered from it, with the evidence as a comment.

use chrono::NaiveDate;
use lantero_core::assets::{AssetKind, AssetRegister, Finding, Importance};
use lantero_core::framework::{Answer, Assessment, ItemAnswer};
use lantero_core::risk::Treatment;
use serde::{Deserialize, Serialize};

use super::Pack;
use crate::Result;

/// A fact about the asset register that answers a checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetCheck {
    /// The register has assets.
    RegisterExists,
    /// Mobile phones are registered.
    MobilePhonesListed,
    /// Every asset has an owner.
    OwnersAssigned,
    /// Every asset has a KLASSA classification above 0 in some aspect.
    KlassaClassified,
    /// Every asset of high or critical importance has risks recorded.
    RisksAssessed,
    /// Every risk at the matrix's top two levels is treated (not accepted) towards a lower
    /// target level.
    HighRisksTreated,
    /// No asset's review is overdue.
    ReviewsCurrent,
}

/// An answer proposed from the register, with its evidence; the assessor confirms it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestedAnswer {
    /// The checklist item.
    pub item: String,
    /// The proposed answer.
    pub answer: Answer,
    /// What in the register it rests on, in Swedish.
    pub comment: String,
}

impl SuggestedAnswer {
    /// Records the suggestion in `assessment` (evidence: the asset register).
    pub fn apply(&self, pack: &Pack, assessment: &mut Assessment) -> Result<()> {
        let answer = ItemAnswer::from(self.answer)
            .with_comment(self.comment.clone())
            .with_evidence("Tillgångsregistret");
        assessment.answer(&pack.framework, &self.item, answer)?;
        Ok(())
    }
}

/// Answers every item of `pack` that has an [`AssetCheck`] from `register` as of `today`:
/// yes when the whole register meets it, partly when at least half does, otherwise no.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_core::assets::{Asset, AssetKind, AssetRegister};
/// use lantero_core::framework::Answer;
/// use lantero_core::risk::presets;
/// use lantero_fraudfinder::packs::{cyber_hygiene, suggest_answers};
///
/// let pack = cyber_hygiene()?;
/// let mut register = AssetRegister::new(presets::municipal_4x4());
/// register.add(Asset::new("srv-1", "Ekonomisystem", AssetKind::System)?)?;
/// let today = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
/// let answers = suggest_answers(&pack, &register, today)?;
/// let phones = answers.iter().find(|a| a.item == "a-tillgangar-2").unwrap();
/// assert_eq!(phones.answer, Answer::No); // no mobile phones registered
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
pub fn suggest_answers(
    pack: &Pack,
    register: &AssetRegister,
    today: NaiveDate,
) -> Result<Vec<SuggestedAnswer>> {
    pack.asset_checks
        .iter()
        .map(|(item, check)| {
            let (answer, comment) = evaluate(*check, register, today)?;
            Ok(SuggestedAnswer {
                item: item.clone(),
                answer,
                comment,
            })
        })
        .collect()
}

fn share(ok: usize, total: usize) -> Answer {
    if total > 0 && ok == total {
        Answer::Yes
    } else if total > 0 && ok * 2 >= total {
        Answer::Partly
    } else {
        Answer::No
    }
}

fn evaluate(
    check: AssetCheck,
    register: &AssetRegister,
    today: NaiveDate,
) -> Result<(Answer, String)> {
    let assets = register.assets();
    let total = assets.len();
    let findings = register.findings(today);
    let count = |f: &dyn Fn(&Finding) -> bool| findings.iter().filter(|x| f(x)).count();
    Ok(match check {
        AssetCheck::RegisterExists => (
            if total > 0 { Answer::Yes } else { Answer::No },
            format!("Registret har {total} tillgångar."),
        ),
        AssetCheck::MobilePhonesListed => {
            let phones = assets
                .iter()
                .filter(|a| a.kind == AssetKind::MobilePhone)
                .count();
            (
                if phones > 0 { Answer::Yes } else { Answer::No },
                format!("{phones} mobiltelefoner är registrerade."),
            )
        }
        AssetCheck::OwnersAssigned => {
            let missing = count(&|f| matches!(f, Finding::MissingOwner { .. }));
            (
                share(total - missing.min(total), total),
                format!("{missing} av {total} tillgångar saknar ägare."),
            )
        }
        AssetCheck::KlassaClassified => {
            let classified = assets
                .iter()
                .filter(|a| {
                    let k = a.klassa;
                    k.confidentiality.value() + k.integrity.value() + k.availability.value() > 0
                })
                .count();
            (
                share(classified, total),
                format!("{classified} av {total} tillgångar är klassade enligt KLASSA."),
            )
        }
        AssetCheck::RisksAssessed => {
            let important: Vec<_> = assets
                .iter()
                .filter(|a| a.importance >= Importance::High)
                .collect();
            let assessed = important.iter().filter(|a| !a.risks.is_empty()).count();
            (
                share(assessed, important.len()),
                format!(
                    "{assessed} av {} tillgångar med hög eller kritisk betydelse är riskbedömda.",
                    important.len()
                ),
            )
        }
        AssetCheck::HighRisksTreated => {
            let matrix = register.matrix();
            let top = matrix.levels().len().saturating_sub(2) as u8;
            let mut high = 0;
            let mut treated = 0;
            for risk in assets.iter().flat_map(|a| &a.risks) {
                let current = risk.current_score(matrix)?;
                if current.level < top {
                    continue;
                }
                high += 1;
                let target = risk.target_score(matrix)?;
                if risk.treatment != Treatment::Accept && target.level < current.level {
                    treated += 1;
                }
            }
            let answer = if high == 0 {
                Answer::Yes
            } else {
                share(treated, high)
            };
            (
                answer,
                format!("{treated} av {high} höga risker har en behandling mot lägre nivå."),
            )
        }
        AssetCheck::ReviewsCurrent => {
            let overdue = count(&|f| matches!(f, Finding::ReviewOverdue { .. }));
            (
                share(total - overdue.min(total), total),
                format!("{overdue} av {total} tillgångar är försenade i granskningen."),
            )
        }
    })
}
