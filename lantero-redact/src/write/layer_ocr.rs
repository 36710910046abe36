//! OCR of the redacted page images for the text layer, on a pool of workers.
//!
//! The page writer paints and encodes a page, hands its grey pixels to the pool and goes on
//! with the next page; a page is written once its words are back, in page order. At most
//! [`OcrPool::window`] pages wait at a time, so memory stays bounded however long the
//! document is.

use std::collections::HashMap;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::Scope;

use image::GrayImage;
use image::imageops::{FilterType, resize};

use crate::document::Page;
use crate::ocr::{OcrEngine, OcrWord};
use crate::render::{Mask, Raster, RenderOptions};
use crate::{Error, Result};

/// Tesseract reads 300 dpi best; a page image of less is enlarged for OCR by a whole factor
/// (150 dpi, the default, twice), which costs time but finds words a 150 dpi reading loses.
const OCR_DPI: f32 = 300.0;

/// A page's pixels for the pool and how to map what is read back onto the page.
pub(crate) struct OcrImage {
    image: GrayImage,
    /// Resolution the image is read at, horizontally.
    dpi: f32,
    /// Factor from OCR's vertical points (which assume square pixels) to the page's.
    y_factor: f32,
}

impl OcrImage {
    /// The grey pixels of a painted page raster with its masks turned white, enlarged towards
    /// 300 dpi. The masks were painted black first, so nothing under them is left to read;
    /// white, they are gaps in the text to Tesseract, where black boxes and their labels make
    /// it take whole lines for pictures and drop them.
    pub(crate) fn of<'a>(
        raster: &Raster,
        page: &Page,
        masks: impl IntoIterator<Item = &'a Mask>,
        options: &RenderOptions,
    ) -> Option<Self> {
        let mut grey = raster.to_image()?.to_luma8();
        for rect in crate::render::painted_rects(page, masks, options) {
            let [x0, y0, x1, y1] = raster.pixel_rect(&rect);
            for y in y0..y1.min(grey.height()) {
                for x in x0..x1.min(grey.width()) {
                    grey.put_pixel(x, y, image::Luma([255]));
                }
            }
        }
        let (sx, sy) = raster.scale();
        let dpi = sx * 72.0;
        let factor = (OCR_DPI / dpi).floor().clamp(1.0, 4.0) as u32;
        let image = if factor > 1 {
            resize(
                &grey,
                grey.width() * factor,
                grey.height() * factor,
                FilterType::Triangle,
            )
        } else {
            grey
        };
        Some(Self {
            image,
            dpi: dpi * factor as f32,
            y_factor: sx / sy,
        })
    }
}

/// The workers and what they have read so far.
pub(crate) struct OcrPool {
    jobs: Option<SyncSender<(u32, OcrImage)>>,
    done: Receiver<(u32, Result<Vec<OcrWord>>)>,
    read: HashMap<u32, Result<Vec<OcrWord>>>,
    window: usize,
}

impl OcrPool {
    /// Starts as many workers as the machine has cores (at most `pages`) in `scope`.
    pub(crate) fn start<'scope>(
        scope: &'scope Scope<'scope, '_>,
        engine: Arc<dyn OcrEngine>,
        pages: usize,
    ) -> Self {
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, pages.max(1));
        let (jobs, queue) = mpsc::sync_channel::<(u32, OcrImage)>(workers);
        let queue = Arc::new(Mutex::new(queue));
        let (done_tx, done) = mpsc::channel();
        for _ in 0..workers {
            let (queue, done_tx, engine) = (Arc::clone(&queue), done_tx.clone(), engine.clone());
            scope.spawn(move || {
                loop {
                    let next = queue.lock().ok().and_then(|rx| rx.recv().ok());
                    let Some((page, job)) = next else { break };
                    let words = engine.recognize(&job.image, job.dpi).map(|mut words| {
                        for word in &mut words {
                            word.rect[1] *= job.y_factor;
                            word.rect[3] *= job.y_factor;
                        }
                        words
                    });
                    if done_tx.send((page, words)).is_err() {
                        break;
                    }
                }
            });
        }
        Self {
            jobs: Some(jobs),
            done,
            read: HashMap::new(),
            window: workers + 1,
        }
    }

    /// Pages that may wait for their words before the writer must write the oldest.
    pub(crate) fn window(&self) -> usize {
        self.window
    }

    /// Queues page `page` for reading; waits while every worker is busy and the queue full.
    pub(crate) fn submit(&self, page: u32, image: OcrImage) -> Result<()> {
        self.jobs
            .as_ref()
            .and_then(|jobs| jobs.send((page, image)).ok())
            .ok_or_else(|| stopped(page))
    }

    /// The words of page `page`, waiting for them if need be.
    pub(crate) fn words(&mut self, page: u32) -> Result<Vec<OcrWord>> {
        while !self.read.contains_key(&page) {
            let (number, words) = self.done.recv().map_err(|_| stopped(page))?;
            self.read.insert(number, words);
        }
        self.read
            .remove(&page)
            .unwrap_or_else(|| Err(stopped(page)))
    }

    /// Lets the workers finish: no more pages come.
    pub(crate) fn close(&mut self) {
        self.jobs = None;
    }
}

impl Drop for OcrPool {
    fn drop(&mut self) {
        self.close();
    }
}

fn stopped(page: u32) -> Error {
    Error::Internal {
        path: format!("page {page}").into(),
        reason: "the OCR workers for the text layer stopped".into(),
    }
}
