//! OCR of what a document's text layer does not hold: whole pages without text, and the
//! regions of text pages that an image or an untrusted font draws (see
//! [`Page::ocr_regions`]).
//!
//! PDFium renders one page at a time (it serialises its calls), so pages are rasterised on the
//! calling thread and handed to a pool of OCR workers, one Tesseract process each; the pool is
//! as wide as the machine. The channel between them is bounded, so at most a few 300 dpi pages
//! wait in memory however long the document is. An image that recurs pixel for pixel (the
//! crest in a letterhead on every page) is read once.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use image::GrayImage;
use image::imageops::crop_imm;

use crate::document::Rect;
use crate::document::{Document, Page};
use crate::ocr::{OcrEngine, OcrText, OcrWord};
use crate::render::rasterise;
use crate::{Error, Result};

/// Resolution pages are rasterised at for OCR: Tesseract reads 300 dpi best.
pub const OCR_DPI: f32 = 300.0;

/// Margin around a region, in points: Tesseract needs some white around the ink it reads.
const REGION_MARGIN: f32 = 6.0;

/// Share of the page above which the regions are read as one page rather than one by one.
const WHOLE_PAGE_SHARE: f32 = 0.6;

/// One image for a worker: which page, where on it (the crop's top-left in points), and what
/// to do with the words.
struct Job {
    page: u32,
    origin: (f32, f32),
    image: GrayImage,
    replace: bool,
}

/// What a worker read for a job: words in points relative to the image's top-left corner.
#[derive(Clone)]
struct Reading {
    page: u32,
    order: usize,
    origin: (f32, f32),
    replace: bool,
    words: Vec<OcrWord>,
}

/// Reads by OCR every page of `document` that needs it, and every OCR region of the others,
/// and adds what was read to the pages' text.
pub(crate) fn read_pages(
    document: &mut Document,
    engine: &Arc<dyn OcrEngine>,
    cache: &OcrCache,
) -> Result<()> {
    let plans: Vec<(u32, Plan)> = document
        .pages()
        .iter()
        .filter_map(|page| plan(page).map(|plan| (page.number(), plan)))
        .collect();
    if plans.is_empty() {
        return Ok(());
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(plans.len().max(2));
    let readings = std::thread::scope(|scope| -> Result<Vec<Reading>> {
        let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Job)>(workers);
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (done_tx, done_rx) = mpsc::channel::<Result<Reading>>();
        for _ in 0..workers {
            let (job_rx, done_tx, engine) = (Arc::clone(&job_rx), done_tx.clone(), engine);
            scope.spawn(move || {
                loop {
                    let next = job_rx.lock().ok().and_then(|rx| rx.recv().ok());
                    let Some((order, job)) = next else { break };
                    let read = recognise(engine.as_ref(), job, order);
                    if done_tx.send(read).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut order = 0;
        let mut sent = Ok(());
        // The same picture on every page (a letterhead's crest) is read once, and once per
        // batch of documents through the cache.
        let mut first_of: HashMap<u64, usize> = HashMap::new();
        let mut copies: Vec<(usize, Reading)> = Vec::new();
        let mut cached: Vec<Reading> = Vec::new();
        for (number, plan) in &plans {
            let jobs = match jobs_for(document, *number, plan) {
                Ok(jobs) => jobs,
                Err(err) => {
                    sent = Err(err);
                    break;
                }
            };
            for job in jobs {
                let key = fingerprint(&job.image);
                if let Some(words) = cache.get(key) {
                    cached.push(Reading {
                        words,
                        ..placeholder(&job, order)
                    });
                } else if let Some(&original) = first_of.get(&key) {
                    copies.push((original, placeholder(&job, order)));
                } else {
                    first_of.insert(key, order);
                    if job_tx.send((order, job)).is_err() {
                        break;
                    }
                }
                order += 1;
            }
        }
        drop(job_tx);
        let mut readings: Vec<Reading> = done_rx.iter().collect::<Result<_>>()?;
        sent?;
        for (key, order) in &first_of {
            if let Some(read) = readings.iter().find(|r| r.order == *order) {
                cache.put(*key, &read.words);
            }
        }
        readings.extend(cached);
        for (original, mut copy) in copies {
            if let Some(read) = readings.iter().find(|r| r.order == original) {
                copy.words = read.words.clone();
                readings.push(copy);
            }
        }
        Ok(readings)
    })?;
    apply(document, readings)
}

/// What OCR read from images already seen, by their pixels: a letterhead's crest is read once
/// for a whole batch of documents, not once per document. Shared by clones of a `Redactor`.
#[derive(Default)]
pub(crate) struct OcrCache {
    entries: Mutex<HashMap<u64, Vec<OcrWord>>>,
}

/// Images remembered at most: enough for the letterheads of a batch, small in memory (words,
/// not pixels).
const CACHE_ENTRIES: usize = 256;

impl OcrCache {
    fn get(&self, key: u64) -> Option<Vec<OcrWord>> {
        self.entries.lock().ok()?.get(&key).cloned()
    }

    fn put(&self, key: u64, words: &[OcrWord]) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CACHE_ENTRIES {
                entries.clear();
            }
            entries.insert(key, words.to_vec());
        }
    }
}

/// How much of a page to read.
enum Plan {
    /// The whole page; its text replaces the (empty) text layer.
    Whole,
    /// The whole page; its text is added after the text layer.
    WholeAdded,
    /// These regions; their text is added after the text layer.
    Regions(Vec<Rect>),
}

fn plan(page: &Page) -> Option<Plan> {
    if page.needs_ocr() {
        return Some(Plan::Whole);
    }
    let regions = merge(page.ocr_regions().iter().map(|r| r.rect).collect());
    if regions.is_empty() {
        return None;
    }
    let area: f32 = regions.iter().map(area).sum();
    let page_area = page.width() * page.height();
    if page_area > 0.0 && area / page_area > WHOLE_PAGE_SHARE {
        return Some(Plan::WholeAdded);
    }
    Some(Plan::Regions(regions))
}

/// Renders page `number` and cuts it into the images `plan` asks for.
fn jobs_for(document: &Document, number: u32, plan: &Plan) -> Result<Vec<Job>> {
    let raster = rasterise(document, number, OCR_DPI)?;
    let grey = raster
        .to_image()
        .map(|image| image.to_luma8())
        .ok_or_else(|| Error::Pdf {
            path: document.path().into(),
            reason: format!("page {number}: the rendered page has no pixels"),
        })?;
    let (sx, sy) = raster.scale();
    let whole = |replace| Job {
        page: number,
        origin: (0.0, 0.0),
        image: grey.clone(),
        replace,
    };
    Ok(match plan {
        Plan::Whole => vec![whole(true)],
        Plan::WholeAdded => vec![whole(false)],
        Plan::Regions(regions) => regions
            .iter()
            .filter_map(|rect| {
                let [x0, y0, x1, y1] = raster.pixel_rect(rect);
                (x1 > x0 && y1 > y0).then(|| Job {
                    page: number,
                    origin: (x0 as f32 / sx, y0 as f32 / sy),
                    image: crop_imm(&grey, x0, y0, x1 - x0, y1 - y0).to_image(),
                    replace: false,
                })
            })
            .collect(),
    })
}

fn recognise(engine: &dyn OcrEngine, job: Job, order: usize) -> Result<Reading> {
    let words = engine.recognize(&job.image, OCR_DPI)?;
    Ok(Reading {
        words,
        ..placeholder(&job, order)
    })
}

/// The reading of `job` before its words are known.
fn placeholder(job: &Job, order: usize) -> Reading {
    Reading {
        page: job.page,
        order,
        origin: job.origin,
        replace: job.replace,
        words: Vec::new(),
    }
}

/// Identifies an image by its size and pixels.
fn fingerprint(image: &GrayImage) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    (image.width(), image.height(), image.as_raw()).hash(&mut hasher);
    hasher.finish()
}

/// Puts what was read on the pages, in page and region order, so the text (and the findings'
/// offsets) do not depend on which worker finished first.
fn apply(document: &mut Document, mut readings: Vec<Reading>) -> Result<()> {
    readings.sort_by_key(|r| r.order);
    for reading in readings {
        let (dx, dy) = reading.origin;
        let words: Vec<OcrWord> = reading
            .words
            .into_iter()
            .map(|mut word| {
                word.rect = [
                    word.rect[0] + dx,
                    word.rect[1] + dy,
                    word.rect[2] + dx,
                    word.rect[3] + dy,
                ];
                word
            })
            .collect();
        let text = OcrText::from_words(&words);
        let Some(page) = document.pages_mut().get_mut(reading.page as usize - 1) else {
            continue;
        };
        if reading.replace {
            page.set_text_layer(text.text, text.boxes)?;
        } else if !text.text.is_empty() {
            page.append_text_layer(&text.text, text.boxes)?;
        }
    }
    Ok(())
}

/// Pads each region by the margin and merges those that then overlap, so a paragraph drawn
/// run by run in an untrusted font is read as one block, not line by line.
fn merge(regions: Vec<Rect>) -> Vec<Rect> {
    let mut merged: Vec<Rect> = Vec::new();
    for rect in regions {
        let mut rect = [
            rect[0] - REGION_MARGIN,
            rect[1] - REGION_MARGIN,
            rect[2] + REGION_MARGIN,
            rect[3] + REGION_MARGIN,
        ];
        // A union can reach a region merged earlier: repeat until nothing overlaps.
        while let Some(index) = merged.iter().position(|m| overlaps(m, &rect)) {
            let other = merged.swap_remove(index);
            rect = [
                rect[0].min(other[0]),
                rect[1].min(other[1]),
                rect[2].max(other[2]),
                rect[3].max(other[3]),
            ];
        }
        merged.push(rect);
    }
    merged.sort_by(|a, b| a[1].total_cmp(&b[1]).then(a[0].total_cmp(&b[0])));
    merged
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn area(rect: &Rect) -> f32 {
    (rect[2] - rect[0]).max(0.0) * (rect[3] - rect[1]).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_that_touch_after_padding_are_read_as_one() {
        let lines = vec![
            [72.0, 100.0, 300.0, 112.0],
            [72.0, 114.0, 280.0, 126.0],
            [72.0, 500.0, 200.0, 600.0],
        ];
        let merged = merge(lines);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0], [66.0, 94.0, 306.0, 132.0]);
        assert_eq!(merged[1], [66.0, 494.0, 206.0, 606.0]);
    }

    #[test]
    fn a_chain_of_overlaps_collapses_to_one_region() {
        let merged = merge(vec![
            [0.0, 0.0, 10.0, 10.0],
            [100.0, 0.0, 110.0, 10.0],
            [5.0, 0.0, 105.0, 10.0],
        ]);
        assert_eq!(merged, vec![[-6.0, -6.0, 116.0, 16.0]]);
    }
}
