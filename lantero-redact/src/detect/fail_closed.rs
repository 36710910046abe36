//! Failing closed: a number shaped like a personal identifier, next to a word for one or right
//! after a person's name, is proposed even when it does not validate.
//!
//! A typo in a check digit, a serial number 000 (never issued, but written on forms and in test
//! letters) or a mistyped month still leaves a number that points at one person, and a leaked
//! personnummer costs more than the click that rejects a wrong proposal. Such a number is proposed
//! with a low score and a reason that says what is wrong with it, so the caseworker sees why.
//!
//! Recognizers rescue numbers after their own context words with [`after_word`]; numbers they
//! drop for lack of context they hand over through
//! [`Recognizer::unvalidated`](super::Recognizer::unvalidated), and the
//! [`Detector`](super::Detector) proposes those that follow a person's name found on the same
//! line ([`beside_names`]).

use super::{Candidate, Entity};

/// Score of an identifier-shaped number that does not validate, right after a person's name.
pub const SCORE_BESIDE_NAME: f32 = 0.45;

/// How many characters may stand between a name and the number it is taken to belong to
/// (`Elsa Lindqvist, född `).
pub const MAX_GAP_CHARS: usize = 16;

/// The reason for a number that does not validate but follows a context word.
///
/// ```
/// use lantero_redact::detect::fail_closed::after_word;
///
/// assert_eq!(
///     after_word("personnummer", "check digit does not match", "pnr"),
///     "personnummer-shaped after 'pnr', but check digit does not match"
/// );
/// ```
pub fn after_word(shape: &str, problem: &str, word: &str) -> String {
    format!("{shape}-shaped after '{word}', but {problem}")
}

/// The reason a recognizer gives an unvalidated number it hands to the detector.
///
/// ```
/// use lantero_redact::detect::fail_closed::unvalidated;
///
/// assert_eq!(unvalidated("card number", "Luhn check fails"), "card number-shaped, but Luhn check fails");
/// ```
pub fn unvalidated(shape: &str, problem: &str) -> String {
    format!("{shape}-shaped, but {problem}")
}

/// The unvalidated numbers in `shapes` that follow a `PERSON` in `found` on the same line, with
/// at most [`MAX_GAP_CHARS`] characters and no digit between, and that no finding of another
/// entity in `found` overlaps; each is proposed with
/// [`SCORE_BESIDE_NAME`] (or its own score, if higher) and the name in its reason. Offsets are
/// byte offsets into `text`.
///
/// ```
/// use lantero_redact::detect::{Candidate, Entity};
/// use lantero_redact::detect::fail_closed::beside_names;
///
/// let text = "Barnet Elsa Lindqvist, 150916-0006, ingår i hushållet.";
/// let c = |entity, start, end, reason: &str| Candidate {
///     entity, start, end, score: 0.3, reason: reason.into(),
/// };
/// let name = c(Entity::Person, 7, 21, "name");
/// let number = c(Entity::Personnummer, 23, 34, "personnummer-shaped, but serial number 000");
/// let rescued = beside_names(text, vec![number], &[name]);
/// assert_eq!(rescued.len(), 1);
/// assert!(rescued[0].reason.ends_with("after the name 'Elsa Lindqvist'"));
/// ```
pub fn beside_names(text: &str, shapes: Vec<Candidate>, found: &[Candidate]) -> Vec<Candidate> {
    shapes
        .into_iter()
        // A number already proposed as something else (`070…` as a phone) is that.
        .filter(|shape| {
            !found
                .iter()
                .filter(|f| f.entity != Entity::Person && f.entity != shape.entity)
                .any(|f| f.start < shape.end && shape.start < f.end)
        })
        .filter_map(|shape| {
            let name = found
                .iter()
                .filter(|p| p.entity == Entity::Person && p.end <= shape.start)
                .filter(|p| p.start < p.end && text.get(p.start..p.end).is_some())
                .filter(|p| text.get(p.end..shape.start).is_some_and(gap_is_short))
                .max_by_key(|p| p.end)?;
            let name_text = text[name.start..name.end].split_whitespace();
            let name_text = name_text.collect::<Vec<_>>().join(" ");
            Some(Candidate {
                score: shape.score.max(SCORE_BESIDE_NAME),
                reason: format!("{}; after the name '{name_text}'", shape.reason),
                ..shape
            })
        })
        .collect()
}

/// Whether the text between a name and a number joins them: short, on one line (a table row's
/// cells are one line in extracted text), without digits.
fn gap_is_short(gap: &str) -> bool {
    gap.chars().count() <= MAX_GAP_CHARS
        && !gap.contains(['\n', '\r'])
        && !gap.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(entity: Entity, start: usize, end: usize) -> Candidate {
        Candidate {
            entity,
            start,
            end,
            score: 0.2,
            reason: "shape".into(),
        }
    }

    #[test]
    fn a_name_on_the_same_line_and_close_rescues() {
        let text = "Elsa Lindqvist\t150916-0006";
        let found = beside_names(
            text,
            vec![c(Entity::Personnummer, 15, 26)],
            &[c(Entity::Person, 0, 14)],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].score, SCORE_BESIDE_NAME);
    }

    #[test]
    fn a_number_found_as_something_else_is_left_to_it() {
        let text = "Mats Marklund, 0701234564";
        let found = [c(Entity::Person, 0, 13), c(Entity::Phone, 15, 25)];
        assert!(beside_names(text, vec![c(Entity::Personnummer, 15, 25)], &found).is_empty());
    }

    #[test]
    fn a_line_break_a_long_gap_or_a_number_between_does_not() {
        let person = [c(Entity::Person, 0, 4)];
        for text in [
            "Elsa\n150916-0006",
            "Elsa bor sedan länge i 150916-0006",
            "Elsa 12 150916-0006",
        ] {
            let at = text.len() - 11;
            let shape = vec![c(Entity::Personnummer, at, text.len())];
            assert!(beside_names(text, shape, &person).is_empty(), "{text:?}");
        }
        // A number before the name is not "after" it.
        let text = "150916-0006 Elsa";
        let found = beside_names(
            text,
            vec![c(Entity::Personnummer, 0, 11)],
            &[c(Entity::Person, 12, 16)],
        );
        assert!(found.is_empty());
    }

    proptest! {
        /// Whatever the spans, rescuing never panics and never invents spans.
        #[test]
        fn rescue_keeps_spans(text in "\\PC{0,40}", a in 0usize..50, b in 0usize..50, d in 0usize..50, e in 0usize..50) {
            let shape = c(Entity::Personnummer, a.min(b), a.max(b));
            let name = c(Entity::Person, d.min(e), d.max(e));
            for found in beside_names(&text, vec![shape.clone()], &[name]) {
                prop_assert_eq!((found.start, found.end), (shape.start, shape.end));
                prop_assert!(found.score >= SCORE_BESIDE_NAME);
            }
        }
    }
}
