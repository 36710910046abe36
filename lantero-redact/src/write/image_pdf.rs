//! The image-only PDF: each page holds exactly one image, drawn over the whole page, and the
//! file holds nothing else except `/Producer (Lantero)`.
//!
//! Objects: 1 catalog, 2 page tree, 3 document information, then for page `k` (from 0) the
//! page `4 + 3k`, its content stream `5 + 3k` and its image `6 + 3k`; a
//! [searchable](Profile::Searchable) output adds the layer font as the last object,
//! `4 + 3n` for `n` pages, and each page's content draws its [`TextLayer`] after the image.
//! Pages are streamed to the output as they arrive, so memory holds one page at a time.

use std::io::{self, Write};

use flate2::Compression;
use flate2::write::ZlibEncoder;

use super::TextLayer;
use super::builder::{PdfBuilder, number};
use crate::render::EncodedImage;
use crate::verify::profile::{LAYER_FONT, layer_font_dict};
use crate::verify::{PRODUCER, Profile};

/// Writes an image-only PDF page by page.
///
/// ```
/// use lantero_redact::render::{EncodedImage, Encoding};
/// use lantero_redact::write::ImagePdfWriter;
///
/// // One white page of 8×8 pixels in 8-bit grey.
/// let pixels = vec![255u8; 64];
/// let data = {
///     use std::io::Write;
///     let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
///     z.write_all(&pixels)?;
///     z.finish()?
/// };
/// let image = EncodedImage { width: 8, height: 8, encoding: Encoding::Grey8Flate, data };
/// let mut pdf = ImagePdfWriter::new(Vec::new(), 1)?;
/// pdf.add_page((595.0, 842.0), &image)?;
/// let bytes = pdf.finish()?;
/// assert!(String::from_utf8_lossy(&bytes).contains("/Producer (Lantero)"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct ImagePdfWriter<W: Write> {
    pdf: PdfBuilder<W>,
    pages: u32,
    written: u32,
    /// The layer font's object, in a searchable output.
    font: Option<u32>,
}

impl<W: Write> ImagePdfWriter<W> {
    /// Starts an image-only PDF of `pages` pages and writes its catalog, page tree and
    /// information.
    pub fn new(out: W, pages: u32) -> io::Result<Self> {
        Self::with_profile(out, pages, Profile::ImageOnly)
    }

    /// Starts a PDF of `pages` pages in `profile`: with [`Profile::Searchable`] the layer font
    /// is written too, and pages may carry a text layer ([`Self::add_page_with_layer`]).
    pub fn with_profile(out: W, pages: u32, profile: Profile) -> io::Result<Self> {
        if pages == 0 {
            return Err(io::Error::other("a PDF needs at least one page"));
        }
        let mut pdf = PdfBuilder::new(out)?;
        for _ in 0..3 + 3 * pages {
            pdf.reserve();
        }
        let font = match profile {
            Profile::ImageOnly => None,
            Profile::Searchable => Some(pdf.reserve()),
        };
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>")?;
        let kids: Vec<String> = (0..pages).map(|k| format!("{} 0 R", 4 + 3 * k)).collect();
        pdf.object(
            2,
            &format!(
                "<< /Type /Pages /Kids [{}] /Count {pages} >>",
                kids.join(" ")
            ),
        )?;
        pdf.object(3, &format!("<< /Producer ({PRODUCER}) >>"))?;
        if let Some(font) = font {
            pdf.object(font, &layer_font_dict())?;
        }
        Ok(Self {
            pdf,
            pages,
            written: 0,
            font,
        })
    }

    /// Adds the next page: `size` in points (width, height), filled by `image`.
    pub fn add_page(&mut self, size: (f32, f32), image: &EncodedImage) -> io::Result<()> {
        self.add_page_with_layer(size, image, &TextLayer::default())
    }

    /// Adds the next page with `layer` drawn invisibly over its image. Only a searchable
    /// output takes a layer that holds words.
    pub fn add_page_with_layer(
        &mut self,
        (width, height): (f32, f32),
        image: &EncodedImage,
        layer: &TextLayer,
    ) -> io::Result<()> {
        if self.font.is_none() && !layer.is_empty() {
            return Err(io::Error::other(
                "an image-only PDF cannot hold a text layer",
            ));
        }
        if self.written == self.pages {
            return Err(io::Error::other(format!(
                "only {} pages were announced",
                self.pages
            )));
        }
        let (page, content, xobject) = (
            4 + 3 * self.written,
            5 + 3 * self.written,
            6 + 3 * self.written,
        );
        let (w, h) = (number(width), number(height));
        let fonts = self
            .font
            .map(|font| format!(" /Font << /{LAYER_FONT} {font} 0 R >>"))
            .unwrap_or_default();
        self.pdf.object(
            page,
            &format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] \
                 /Resources << /XObject << /Im0 {xobject} 0 R >>{fonts} >> /Contents {content} 0 R >>"
            ),
        )?;
        let placement = format!("q {w} 0 0 {h} 0 0 cm /Im0 Do Q");
        if layer.is_empty() {
            self.pdf.stream(content, "", placement.as_bytes())?;
        } else {
            let mut zlib = ZlibEncoder::new(Vec::new(), Compression::default());
            zlib.write_all(format!("{placement}\n{}", layer.content()).as_bytes())?;
            self.pdf
                .stream(content, "/Filter /FlateDecode", &zlib.finish()?)?;
        }
        let colour_space = if image.encoding.components() == 1 {
            "DeviceGray"
        } else {
            "DeviceRGB"
        };
        self.pdf.stream(
            xobject,
            &format!(
                "/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /{colour_space} \
                 /BitsPerComponent {} /Filter /{}",
                image.width,
                image.height,
                image.encoding.bits_per_component(),
                image.encoding.filter()
            ),
            &image.data,
        )?;
        self.written += 1;
        Ok(())
    }

    /// Bytes written so far.
    pub fn len(&self) -> u64 {
        self.pdf.len()
    }

    /// Whether nothing was written (never true: the header is written at once).
    pub fn is_empty(&self) -> bool {
        self.pdf.is_empty()
    }

    /// Writes the cross-reference table and trailer; every announced page must have been added.
    pub fn finish(self) -> io::Result<W> {
        if self.written != self.pages {
            return Err(io::Error::other(format!(
                "{} of {} pages were written",
                self.written, self.pages
            )));
        }
        self.pdf.finish("/Root 1 0 R /Info 3 0 R")
    }
}
