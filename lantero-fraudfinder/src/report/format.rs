//! Swedish number formats and escaping shared by the report writers.

/// `1234567` → `1 234 567` (Swedish thousands separator, a narrow no-break space is
/// avoided so the text copies cleanly).
pub(crate) fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// An amount in SEK: `240 000 kr`.
pub(crate) fn sek(n: i64) -> String {
    format!("{} kr", thousands(n))
}

/// A share 0–1 as a whole percentage: `45 %`, or `–` when missing.
pub(crate) fn percent(share: Option<f64>) -> String {
    match share {
        Some(s) => format!("{:.0} %", s * 100.0),
        None => "–".to_owned(),
    }
}

/// A change in percentage points with sign: `+12 p.e.`.
pub(crate) fn points(delta: Option<f64>) -> String {
    match delta {
        Some(d) => format!("{:+.0} p.e.", d * 100.0),
        None => "–".to_owned(),
    }
}

/// Escapes text for HTML and SVG.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes the characters that would break a Markdown table cell.
pub(crate) fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_formats() {
        assert_eq!(sek(240_000), "240 000 kr");
        assert_eq!(thousands(-1_234_567), "-1 234 567");
        assert_eq!(thousands(999), "999");
        assert_eq!(percent(Some(0.456)), "46 %");
        assert_eq!(points(Some(0.12)), "+12 p.e.");
        assert_eq!(escape("<a & 'b'>"), "&lt;a &amp; &#39;b&#39;&gt;");
    }
}
