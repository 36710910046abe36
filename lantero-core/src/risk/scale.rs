//! Probability and consequence scales.

use serde::{Deserialize, Serialize};

use super::Label;

/// The fewest steps a scale may have (a 3×3 matrix).
pub const MIN_STEPS: usize = 3;
/// The most steps a scale may have (a 6×6 matrix).
pub const MAX_STEPS: usize = 6;

/// Which axis of a risk matrix a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    /// Sannolikhet: how likely the event is.
    Probability,
    /// Konsekvens: how bad it is when it happens.
    Consequence,
}

impl Axis {
    /// The English axis name used in error messages: `"probability"` or `"consequence"`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Probability => "probability",
            Self::Consequence => "consequence",
        }
    }

    /// The Swedish axis name: `"sannolikhet"` or `"konsekvens"`.
    pub fn name_sv(self) -> &'static str {
        match self {
            Self::Probability => "sannolikhet",
            Self::Consequence => "konsekvens",
        }
    }
}

/// One step of a scale, e.g. "3 Sannolik / Likely".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ScaleStep {
    /// The step's name in both languages.
    pub label: Label,
    /// What the step means in practice (e.g. "at least once a year"), if the organisation
    /// has written it down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Label>,
}

impl ScaleStep {
    /// A step with a label and no description.
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            label: Label::new(sv, en),
            description: None,
        }
    }

    /// The same step with a description.
    pub fn with_description(mut self, sv: impl Into<String>, en: impl Into<String>) -> Self {
        self.description = Some(Label::new(sv, en));
        self
    }
}

/// An ordered scale of 3 to 6 steps; the first step has value 1, the last the largest value.
///
/// A scale is checked when it is put into a [`RiskMatrix`](super::RiskMatrix), which knows the
/// matrix name to report a problem against.
///
/// ```
/// use lantero_core::risk::{Scale, ScaleStep};
///
/// let scale = Scale::new(vec![
///     ScaleStep::new("Låg", "Low"),
///     ScaleStep::new("Medel", "Medium"),
///     ScaleStep::new("Hög", "High"),
/// ]);
/// assert_eq!(scale.max(), 3);
/// assert_eq!(scale.step(2).map(|s| s.label.en.as_str()), Some("Medium"));
/// assert!(scale.step(4).is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scale {
    /// The steps from lowest (value 1) to highest.
    pub steps: Vec<ScaleStep>,
}

impl Scale {
    /// A scale of the given steps, lowest first.
    pub fn new(steps: Vec<ScaleStep>) -> Self {
        Self { steps }
    }

    /// The largest value on the scale (its number of steps).
    #[inline]
    pub fn max(&self) -> u32 {
        u32::try_from(self.steps.len()).unwrap_or(u32::MAX)
    }

    /// The step with the given value (1-based), if it is on the scale.
    pub fn step(&self, value: u32) -> Option<&ScaleStep> {
        let index = usize::try_from(value).ok()?.checked_sub(1)?;
        self.steps.get(index)
    }

    /// Why the scale cannot be used, if it cannot: wrong number of steps or a label missing
    /// a language.
    pub(crate) fn problem(&self, axis: Axis) -> Option<String> {
        let n = self.steps.len();
        if !(MIN_STEPS..=MAX_STEPS).contains(&n) {
            return Some(format!(
                "the {} scale has {n} steps; a scale has {MIN_STEPS} to {MAX_STEPS}",
                axis.name()
            ));
        }
        self.steps
            .iter()
            .position(|step| step.label.is_incomplete())
            .map(|i| {
                format!(
                    "step {} of the {} scale lacks a Swedish or English label",
                    i + 1,
                    axis.name()
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(n: usize) -> Scale {
        Scale::new(
            (1..=n)
                .map(|i| ScaleStep::new(format!("S{i}"), format!("E{i}")))
                .collect(),
        )
    }

    #[test]
    fn three_to_six_steps_are_accepted() {
        for n in 0..10 {
            let ok = (MIN_STEPS..=MAX_STEPS).contains(&n);
            assert_eq!(
                steps(n).problem(Axis::Probability).is_none(),
                ok,
                "{n} steps"
            );
        }
    }

    #[test]
    fn missing_label_is_reported_with_its_step() {
        let mut scale = steps(4);
        scale.steps[2].label.en.clear();
        let problem = scale.problem(Axis::Consequence).unwrap();
        assert!(
            problem.contains("step 3 of the consequence scale"),
            "{problem}"
        );
    }

    #[test]
    fn step_zero_and_beyond_max_are_absent() {
        let scale = steps(5);
        assert!(scale.step(0).is_none());
        assert_eq!(scale.step(5).map(|s| s.label.sv.as_str()), Some("S5"));
        assert!(scale.step(6).is_none());
        assert!(scale.step(u32::MAX).is_none());
    }
}
