//! Hand-written SVG charts: no script, no external assets, readable without colour (every
//! coloured mark also carries its number).

use std::fmt::Write;

use lantero_core::risk::{HeatMap, RiskMatrix};

use super::format::escape;

/// Level colours from low to very high; matrices with other level counts pick evenly.
const LEVEL_COLOURS: [&str; 4] = ["#8fd18f", "#f5e17a", "#f5a05a", "#e0584f"];

fn level_colour(level: usize, levels: usize) -> &'static str {
    if levels <= 1 {
        return LEVEL_COLOURS[0];
    }
    let index = level * (LEVEL_COLOURS.len() - 1) / (levels - 1);
    LEVEL_COLOURS[index.min(LEVEL_COLOURS.len() - 1)]
}

/// A risk heat map: probability upwards, consequence to the right, each cell coloured by
/// its level and labelled with its count.
pub fn heat_map(matrix: &RiskMatrix, map: &HeatMap) -> String {
    let p_steps = matrix.probability().max() as usize;
    let c_steps = matrix.consequence().max() as usize;
    let (cell, left, top) = (96usize, 130usize, 20usize);
    let width = left + c_steps * cell + 20;
    let height = top + p_steps * cell + 80;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Riskmatris\">"
    );
    let rows: Vec<&[u64]> = map.rows().collect();
    for p in 1..=p_steps {
        let y = top + (p_steps - p) * cell;
        let label = matrix
            .probability()
            .step(p as u32)
            .map(|s| s.label.sv.as_str())
            .unwrap_or("");
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{} {}</text>",
            left - 6,
            y + cell / 2 + 4,
            p,
            escape(label)
        );
        for c in 1..=c_steps {
            let x = left + (c - 1) * cell;
            let level = matrix
                .score(p as u32, c as u32)
                .map(|s| s.level as usize)
                .unwrap_or(0);
            let count = rows
                .get(p - 1)
                .and_then(|r| r.get(c - 1))
                .copied()
                .unwrap_or(0);
            let _ = write!(
                svg,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"2\"/>",
                level_colour(level, matrix.levels().len())
            );
            if count > 0 {
                let _ = write!(
                    svg,
                    "<text x=\"{}\" y=\"{}\" font-size=\"18\" font-weight=\"bold\" text-anchor=\"middle\">{count}</text>",
                    x + cell / 2,
                    y + cell / 2 + 6
                );
            }
        }
    }
    for c in 1..=c_steps {
        let label = matrix
            .consequence()
            .step(c as u32)
            .map(|s| s.label.sv.as_str())
            .unwrap_or("");
        let x = left + (c - 1) * cell + cell / 2;
        let y = top + p_steps * cell;
        let _ = write!(
            svg,
            "<text x=\"{x}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{c}</text>\
             <text x=\"{x}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{}</text>",
            y + 15,
            y + 28,
            escape(label)
        );
    }
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">Konsekvens →</text>\
         <text x=\"12\" y=\"{}\" font-size=\"12\" transform=\"rotate(-90 12 {})\" text-anchor=\"middle\">Sannolikhet →</text></svg>",
        left + c_steps * cell / 2,
        top + p_steps * cell + 50,
        top + p_steps * cell / 2,
        top + p_steps * cell / 2
    );
    svg
}

/// One bar of a bar chart.
pub struct Bar {
    /// Label left of the bar.
    pub label: String,
    /// Length, as a share 0–1 of the full width (or of the largest value).
    pub value: f64,
    /// Text right of the bar.
    pub text: String,
}

/// Horizontal bars, each labelled with its value; `max` is the value of a full bar.
pub fn bars(title: &str, bars: &[Bar], max: f64, colour: &str) -> String {
    let (row, left, bar_width) = (26usize, 260usize, 300.0f64);
    let height = 30 + bars.len() * row + 10;
    let width = left + bar_width as usize + 230;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">\
         <text x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{}</text>",
        escape(title),
        escape(title)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = 28 + i * row;
        let length = if max > 0.0 {
            (bar.value / max).clamp(0.0, 1.0) * bar_width
        } else {
            0.0
        };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>\
             <rect x=\"{left}\" y=\"{y}\" width=\"{bar_width}\" height=\"16\" fill=\"#eeeeee\"/>\
             <rect x=\"{left}\" y=\"{y}\" width=\"{length:.1}\" height=\"16\" fill=\"{colour}\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>",
            left - 8,
            y + 12,
            escape(&bar.label),
            left as f64 + bar_width + 8.0,
            y + 12,
            escape(&bar.text)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One segment of a stacked bar.
pub struct Segment {
    /// Legend label.
    pub label: String,
    /// Count.
    pub count: usize,
    /// Fill colour.
    pub colour: &'static str,
}

/// A single stacked bar with a legend, e.g. the action plan's activities by status.
pub fn stacked(title: &str, segments: &[Segment]) -> String {
    let total: usize = segments.iter().map(|s| s.count).sum();
    let (width, bar_width) = (560usize, 540.0f64);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} 90\" width=\"{width}\" height=\"90\" role=\"img\" aria-label=\"{}\">\
         <text x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{}</text>",
        escape(title),
        escape(title)
    );
    let mut x = 0.0;
    let mut legend_x = 0usize;
    for s in segments {
        let w = if total > 0 {
            s.count as f64 / total as f64 * bar_width
        } else {
            0.0
        };
        if w > 0.0 {
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"26\" width=\"{w:.1}\" height=\"24\" fill=\"{}\"/>",
                s.colour
            );
        }
        x += w;
        let _ = write!(
            svg,
            "<rect x=\"{legend_x}\" y=\"62\" width=\"12\" height=\"12\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"72\" font-size=\"11\">{} {}</text>",
            s.colour,
            legend_x + 16,
            escape(&s.label),
            s.count
        );
        legend_x += 135;
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use lantero_core::risk::presets;

    #[test]
    fn heat_map_has_a_cell_per_step_and_counts() {
        let matrix = presets::municipal_4x4();
        let mut map = HeatMap::new(&matrix);
        map.record(matrix.score(4, 4).unwrap()).unwrap();
        map.record(matrix.score(4, 4).unwrap()).unwrap();
        let svg = heat_map(&matrix, &map);
        assert_eq!(svg.matches("<rect").count(), 16);
        assert!(svg.contains(">2</text>"));
        assert!(svg.contains("#e0584f"));
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn bars_escape_labels_and_clamp() {
        let svg = bars(
            "T",
            &[Bar {
                label: "A & B".into(),
                value: 2.0,
                text: "200 %".into(),
            }],
            1.0,
            "#336699",
        );
        assert!(svg.contains("A &amp; B"));
        assert!(svg.contains("width=\"300.0\""));
    }
}
