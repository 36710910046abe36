//! Writing the pages: rendered on the calling thread, masked, encoded and written on another,
//! one page apart; for a searchable output a pool of OCR workers reads the painted pages in
//! the meantime.

use std::collections::VecDeque;
use std::sync::{Arc, mpsc};

use super::layer_ocr::{OcrImage, OcrPool};
use super::{ImagePdfWriter, PageReport, TextLayer};
use crate::document::{Document, Page};
use crate::ocr::OcrEngine;
use crate::render::{
    Capture, EncodedImage, Mask, RenderOptions, capture, encode, paint, short_bitmap,
};
use crate::verify::Profile;
use crate::{Error, Result};

/// Where pages go: the part file, and for a searchable output the OCR engine of the layer
/// and the strings it must not hold.
pub(super) struct Target<'a> {
    pub(super) file: &'a std::fs::File,
    pub(super) layer: Option<Arc<dyn OcrEngine>>,
    pub(super) masked_strings: &'a [String],
}

/// A page painted and encoded, waiting for its text layer.
struct Painted<'a> {
    page: &'a Page,
    image: EncodedImage,
    masks: usize,
}

/// Renders on this thread and masks, encodes and writes on another, one page apart; for a
/// searchable output a pool of workers reads the painted pages meanwhile, and pages are
/// written in order as their words come back.
pub(super) fn write_pages(
    document: &Document,
    masks: &[Mask],
    options: &RenderOptions,
    target: &Target,
) -> Result<Vec<PageReport>> {
    let path = document.path();
    let count = document.pages().len() as u32;
    let (sender, receiver) = mpsc::sync_channel::<Capture>(1);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<Vec<PageReport>> {
            let io = |err: std::io::Error| Error::Pdf {
                path: path.into(),
                reason: format!("writing the redacted PDF failed: {err}"),
            };
            let profile = match target.layer {
                Some(_) => Profile::Searchable,
                None => Profile::ImageOnly,
            };
            let mut pdf =
                ImagePdfWriter::with_profile(std::io::BufWriter::new(target.file), count, profile)
                    .map_err(io)?;
            let mut pool = target
                .layer
                .clone()
                .map(|engine| OcrPool::start(scope, engine, count as usize));
            let mut waiting: VecDeque<Painted> = VecDeque::new();
            let mut reports = Vec::with_capacity(count as usize);
            let mut write_oldest =
                |pool: &mut Option<OcrPool>, waiting: &mut VecDeque<Painted>| -> Result<()> {
                    let Some(painted) = waiting.pop_front() else {
                        return Ok(());
                    };
                    let page = painted.page;
                    let layer = match pool {
                        Some(pool) => TextLayer::from_words(
                            &pool.words(page.number())?,
                            (page.width(), page.height()),
                            target.masked_strings,
                        ),
                        None => TextLayer::default(),
                    };
                    pdf.add_page_with_layer((page.width(), page.height()), &painted.image, &layer)
                        .map_err(io)?;
                    reports.push(PageReport {
                        number: page.number(),
                        width_px: painted.image.width,
                        height_px: painted.image.height,
                        encoding: painted.image.encoding,
                        bytes: painted.image.data.len(),
                        masks: painted.masks,
                        layer_words: layer.len(),
                        withheld_words: layer.withheld(),
                    });
                    Ok(())
                };
            for (page, captured) in document.pages().iter().zip(receiver.iter()) {
                let mut raster = captured
                    .into_raster(Some(options.colour_rule()))
                    .ok_or_else(|| short_bitmap(document, page.number()))?;
                let painted = paint(
                    &mut raster,
                    page,
                    masks.iter().filter(|m| m.page == page.number()),
                    options,
                );
                let image = encode(&raster, options).map_err(io)?;
                if let Some(pool) = &pool {
                    // Read off the painted pixels: what is masked is black before OCR sees it.
                    let on_page = masks.iter().filter(|m| m.page == page.number());
                    let pixels = OcrImage::of(&raster, page, on_page, options)
                        .ok_or_else(|| short_bitmap(document, page.number()))?;
                    drop(raster);
                    pool.submit(page.number(), pixels)?;
                }
                waiting.push_back(Painted {
                    page,
                    image,
                    masks: painted,
                });
                let window = pool.as_ref().map_or(0, OcrPool::window);
                while waiting.len() > window {
                    write_oldest(&mut pool, &mut waiting)?;
                }
            }
            if let Some(pool) = &mut pool {
                pool.close();
            }
            while !waiting.is_empty() {
                write_oldest(&mut pool, &mut waiting)?;
            }
            pdf.finish().map_err(io)?;
            Ok(reports)
        });
        let mut rendered = Ok(());
        for number in 1..=count {
            match capture(document, number, options.dpi) {
                // A closed channel means the writer stopped with an error, reported below.
                Ok(captured) => {
                    if sender.send(captured).is_err() {
                        break;
                    }
                }
                Err(err) => {
                    rendered = Err(err);
                    break;
                }
            }
        }
        drop(sender);
        let written = writer.join().unwrap_or_else(|_| {
            Err(Error::Pdf {
                path: path.into(),
                reason: "the page writer stopped unexpectedly".into(),
            })
        });
        rendered.and(written)
    })
}
