//! Findings and page rectangles as the bindings see them.

use lantero_redact::detect;

use super::RedactError;

/// A rectangle in PDF points, origin at the page's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct Rect {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

impl From<detect::Rect> for Rect {
    fn from([x0, y0, x1, y1]: detect::Rect) -> Self {
        Self { x0, y0, x1, y1 }
    }
}

impl From<Rect> for detect::Rect {
    fn from(r: Rect) -> Self {
        [r.x0, r.y0, r.x1, r.y1]
    }
}

/// Converts rectangles one way or the other.
pub(crate) fn rects<A: Into<B>, B>(rects: Vec<A>) -> Vec<B> {
    rects.into_iter().map(Into::into).collect()
}

/// One piece of sensitive data found, with why it was proposed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Finding {
    /// Stable id within the document, `f-000001` …
    pub id: String,
    /// What was found, e.g. `PERSONNUMMER`, `PERSON`, `EMAIL`.
    pub entity: String,
    /// The text found, exactly as on the page.
    pub text: String,
    /// 1-based page number.
    pub page: u32,
    /// Offset of the first character in the page text (Unicode scalar values).
    pub start: u64,
    /// Offset one past the last character.
    pub end: u64,
    /// Where on the page, for PDF and image input; empty for text input.
    pub boxes: Vec<Rect>,
    /// Confidence in 0.0–1.0.
    pub score: f32,
    /// The recognizer that proposed it.
    pub recognizer: String,
    /// Why it was proposed, in a few words.
    pub reason: String,
    /// Candidate secrecy provisions, e.g. `OSL 26:1`.
    pub provisions: Vec<String>,
    /// Why it is public and released in advance (the authority's own detail, an official in
    /// role, an allowed string); `None` when it is proposed for masking.
    pub public: Option<String>,
}

impl From<detect::Finding> for Finding {
    fn from(f: detect::Finding) -> Self {
        Self {
            id: f.id,
            entity: f.entity.as_str().to_owned(),
            text: f.text,
            page: f.page,
            start: f.start as u64,
            end: f.end as u64,
            boxes: rects(f.boxes),
            score: f.score,
            recognizer: f.recognizer,
            reason: f.reason,
            provisions: f.provisions,
            public: f.public,
        }
    }
}

impl TryFrom<Finding> for detect::Finding {
    type Error = RedactError;
    fn try_from(f: Finding) -> Result<Self, RedactError> {
        let offset = |value: u64, what: &str| {
            usize::try_from(value).map_err(|_| {
                RedactError::Review(format!(
                    "finding {}: {what} offset {value} is too large",
                    f.id
                ))
            })
        };
        Ok(Self {
            entity: f.entity.parse()?,
            start: offset(f.start, "start")?,
            end: offset(f.end, "end")?,
            id: f.id,
            text: f.text,
            page: f.page,
            boxes: rects(f.boxes),
            score: f.score,
            recognizer: f.recognizer,
            reason: f.reason,
            provisions: f.provisions,
            public: f.public,
        })
    }
}

/// Converts findings one way or the other.
pub(crate) fn convert<A, B: TryFrom<A>>(items: Vec<A>) -> Result<Vec<B>, B::Error> {
    items.into_iter().map(B::try_from).collect()
}
