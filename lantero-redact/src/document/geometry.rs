//! Page geometry: from PDF user space (origin bottom-left, before `/Rotate`) to the page as it
//! is displayed and rendered (origin top-left, after `/Rotate`), the space of every
//! [`Rect`] in this crate.

use serde::{Deserialize, Serialize};

/// A rectangle in PDF points, origin at the page's top-left corner: `[x0, y0, x1, y1]`.
pub type Rect = [f32; 4];

/// Clockwise rotation of a page as displayed, from the PDF's `/Rotate` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Rotation {
    /// Upright.
    #[default]
    None,
    /// A quarter turn clockwise.
    Clockwise90,
    /// Upside down.
    Clockwise180,
    /// Three quarter turns clockwise (a quarter turn counter-clockwise).
    Clockwise270,
}

impl Rotation {
    /// The rotation in degrees, clockwise.
    pub fn degrees(self) -> u16 {
        match self {
            Self::None => 0,
            Self::Clockwise90 => 90,
            Self::Clockwise180 => 180,
            Self::Clockwise270 => 270,
        }
    }

    /// Whether width and height swap when the page is displayed.
    pub fn is_quarter_turn(self) -> bool {
        matches!(self, Self::Clockwise90 | Self::Clockwise270)
    }
}

/// Maps points of one page from user space to display space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PageGeometry {
    /// The visible box in user space: `[left, bottom, right, top]`.
    pub(crate) visible: [f32; 4],
    pub(crate) rotation: Rotation,
}

impl PageGeometry {
    /// Page width and height in points as displayed.
    pub(crate) fn display_size(&self) -> (f32, f32) {
        let [left, bottom, right, top] = self.visible;
        let (width, height) = (right - left, top - bottom);
        if self.rotation.is_quarter_turn() {
            (height, width)
        } else {
            (width, height)
        }
    }

    /// One user-space point in display space.
    fn point(&self, x: f32, y: f32) -> (f32, f32) {
        let [left, bottom, right, top] = self.visible;
        match self.rotation {
            Rotation::None => (x - left, top - y),
            // A quarter turn clockwise puts the original bottom edge on the left.
            Rotation::Clockwise90 => (y - bottom, x - left),
            Rotation::Clockwise180 => (right - x, y - bottom),
            Rotation::Clockwise270 => (top - y, right - x),
        }
    }

    /// A user-space rectangle `[left, bottom, right, top]` in display space.
    pub(crate) fn rect(&self, [left, bottom, right, top]: [f32; 4]) -> Rect {
        let (ax, ay) = self.point(left, bottom);
        let (bx, by) = self.point(right, top);
        [ax.min(bx), ay.min(by), ax.max(bx), ay.max(by)]
    }
}

/// The smallest rectangle holding both.
pub(crate) fn union(a: Rect, b: Rect) -> Rect {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// Whether a rectangle encloses some area (zero-width boxes of spaces do not).
pub(crate) fn has_area(rect: &Rect) -> bool {
    rect[2] > rect[0] && rect[3] > rect[1] && rect.iter().all(|v| v.is_finite())
}

/// Length shared by the intervals `a0..a1` and `b0..b1` (negative when they are apart).
pub(crate) fn overlap(a0: f32, a1: f32, b0: f32, b1: f32) -> f32 {
    a1.min(b1) - a0.max(b0)
}

/// Distance between the intervals `a0..a1` and `b0..b1` (negative when they overlap).
pub(crate) fn gap(a0: f32, a1: f32, b0: f32, b1: f32) -> f32 {
    (b0 - a1).max(a0 - b1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A4: [f32; 4] = [0.0, 0.0, 595.0, 842.0];

    fn geometry(rotation: Rotation) -> PageGeometry {
        PageGeometry {
            visible: A4,
            rotation,
        }
    }

    #[test]
    fn upright_pages_flip_the_y_axis() {
        let rect = geometry(Rotation::None).rect([72.0, 760.0, 172.0, 772.0]);
        assert_eq!(rect, [72.0, 70.0, 172.0, 82.0]);
    }

    #[test]
    fn quarter_turns_swap_the_page_size() {
        assert_eq!(
            geometry(Rotation::Clockwise90).display_size(),
            (842.0, 595.0)
        );
        assert_eq!(
            geometry(Rotation::Clockwise180).display_size(),
            (595.0, 842.0)
        );
    }

    #[test]
    fn corners_land_where_a_turned_sheet_puts_them() {
        // The user-space top-left corner of an upright sheet, as a 1 pt box inside the page.
        let top_left = [0.0, 841.0, 1.0, 842.0];
        assert_eq!(
            geometry(Rotation::Clockwise90).rect(top_left),
            [841.0, 0.0, 842.0, 1.0]
        );
        assert_eq!(
            geometry(Rotation::Clockwise180).rect(top_left),
            [594.0, 841.0, 595.0, 842.0]
        );
        assert_eq!(
            geometry(Rotation::Clockwise270).rect(top_left),
            [0.0, 594.0, 1.0, 595.0]
        );
    }

    #[test]
    fn a_crop_box_moves_the_origin() {
        let cropped = PageGeometry {
            visible: [50.0, 100.0, 545.0, 842.0],
            rotation: Rotation::None,
        };
        assert_eq!(cropped.display_size(), (495.0, 742.0));
        assert_eq!(
            cropped.rect([50.0, 832.0, 60.0, 842.0]),
            [0.0, 0.0, 10.0, 10.0]
        );
    }
}
