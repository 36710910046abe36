//! A minimal PDF serialiser: numbered objects written in order, then one cross-reference table
//! and one trailer. It knows nothing of pages; [`super::ImagePdfWriter`] builds on it, and tests
//! use it to hand-make the hostile files the verifier must reject.

use std::io::{self, Write};

/// Writes a PDF object by object.
///
/// ```
/// use lantero_redact::write::PdfBuilder;
///
/// let mut pdf = PdfBuilder::new(Vec::new())?;
/// let (catalog, pages) = (pdf.reserve(), pdf.reserve());
/// pdf.object(catalog, &format!("<< /Type /Catalog /Pages {pages} 0 R >>"))?;
/// pdf.object(pages, "<< /Type /Pages /Kids [] /Count 0 >>")?;
/// let bytes = pdf.finish(&format!("/Root {catalog} 0 R"))?;
/// assert!(bytes.starts_with(b"%PDF-1.7") && bytes.ends_with(b"%%EOF\n"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct PdfBuilder<W: Write> {
    out: W,
    written: u64,
    /// Byte offset of each object, by object number - 1.
    offsets: Vec<Option<u64>>,
}

impl<W: Write> PdfBuilder<W> {
    /// Starts a PDF 1.7 file: header and a binary comment, so transfers treat it as binary.
    pub fn new(out: W) -> io::Result<Self> {
        let mut builder = Self {
            out,
            written: 0,
            offsets: Vec::new(),
        };
        builder.raw(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")?;
        Ok(builder)
    }

    /// Allocates the next object number.
    pub fn reserve(&mut self) -> u32 {
        self.offsets.push(None);
        self.offsets.len() as u32
    }

    /// Writes object `id` with `body` (any PDF object, typically a dictionary).
    pub fn object(&mut self, id: u32, body: &str) -> io::Result<()> {
        self.begin(id)?;
        self.raw(body.as_bytes())?;
        self.raw(b"\nendobj\n")
    }

    /// Writes object `id` as a stream: a dictionary of `entries` plus `/Length`, then `data`.
    pub fn stream(&mut self, id: u32, entries: &str, data: &[u8]) -> io::Result<()> {
        self.begin(id)?;
        self.raw(format!("<< {entries} /Length {} >>\nstream\n", data.len()).as_bytes())?;
        self.raw(data)?;
        self.raw(b"\nendstream\nendobj\n")
    }

    /// Appends bytes as they are (the header, or hand-made syntax in tests).
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }

    /// Bytes written so far.
    pub fn len(&self) -> u64 {
        self.written
    }

    /// Whether nothing was written (never true after [`Self::new`]).
    pub fn is_empty(&self) -> bool {
        self.written == 0
    }

    fn begin(&mut self, id: u32) -> io::Result<()> {
        let slot = id
            .checked_sub(1)
            .and_then(|i| self.offsets.get_mut(i as usize))
            .ok_or_else(|| io::Error::other(format!("object {id} was not reserved")))?;
        if slot.is_some() {
            return Err(io::Error::other(format!("object {id} written twice")));
        }
        *slot = Some(self.written);
        self.raw(format!("{id} 0 obj\n").as_bytes())
    }

    /// Writes the cross-reference table and the trailer (`/Size` plus `entries`, which must
    /// name `/Root`), and returns the output. Every reserved object must have been written.
    pub fn finish(mut self, entries: &str) -> io::Result<W> {
        let xref = self.written;
        let size = self.offsets.len() + 1;
        let mut table = format!("xref\n0 {size}\n0000000000 65535 f \n");
        for (index, offset) in self.offsets.iter().enumerate() {
            let offset = offset
                .ok_or_else(|| io::Error::other(format!("object {} never written", index + 1)))?;
            table.push_str(&format!("{offset:010} 00000 n \n"));
        }
        table.push_str(&format!(
            "trailer\n<< /Size {size} {entries} >>\nstartxref\n{xref}\n%%EOF\n"
        ));
        self.raw(table.as_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A number as PDF syntax: at most three decimals, no trailing zeros, never exponent notation.
pub(crate) fn number(value: f32) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_plain() {
        assert_eq!(number(595.0), "595");
        assert_eq!(number(841.89), "841.89");
        assert_eq!(number(-0.0001), "0");
        assert_eq!(number(f32::NAN), "0");
        assert_eq!(number(1e20), "100000002004087734272");
    }

    #[test]
    fn offsets_point_at_their_objects() {
        let mut pdf = PdfBuilder::new(Vec::new()).unwrap();
        let a = pdf.reserve();
        let b = pdf.reserve();
        pdf.stream(b, "/Filter /FlateDecode", b"xyz").unwrap();
        pdf.object(a, "<< /Type /Catalog >>").unwrap();
        let bytes = pdf.finish("/Root 1 0 R").unwrap();
        let xref = bytes.windows(5).position(|w| w == b"xref\n").unwrap();
        let text = String::from_utf8_lossy(&bytes[xref..]);
        let table: Vec<usize> = text
            .lines()
            .skip_while(|l| *l != "xref")
            .skip(3)
            .take(2)
            .map(|l| l[..10].parse().unwrap())
            .collect();
        assert!(bytes[table[0]..].starts_with(b"1 0 obj\n<< /Type /Catalog >>"));
        assert!(
            bytes[table[1]..]
                .starts_with(b"2 0 obj\n<< /Filter /FlateDecode /Length 3 >>\nstream\nxyz\n")
        );
    }

    #[test]
    fn unreserved_duplicate_and_missing_objects_are_errors() {
        let mut pdf = PdfBuilder::new(Vec::new()).unwrap();
        assert!(pdf.object(1, "null").is_err());
        let id = pdf.reserve();
        pdf.object(id, "null").unwrap();
        assert!(pdf.object(id, "null").is_err());
        pdf.reserve();
        assert!(pdf.finish("/Root 1 0 R").is_err());
    }
}
