//! The Tesseract engine: runs the `tesseract` program (Debian `tesseract-ocr`, Swedish data
//! from `tesseract-ocr-swe`, both installed by `make setup`) and reads its TSV output.
//!
//! The program runs as a child process rather than through a C binding: nothing native is
//! linked into Lantero, a crash in the engine cannot take the caller down, and any Tesseract
//! 4 or 5 on the `PATH` works.

use std::io::{Cursor, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use image::{GrayImage, ImageFormat};

use super::{OcrEngine, OcrError, OcrWord, parse_tsv};
use crate::Result;

/// Runs `tesseract stdin stdout -l swe --psm 3 --dpi N tsv` on a page image.
///
/// ```no_run
/// use lantero_redact::ocr::{OcrEngine, OcrText, Tesseract};
///
/// let engine = Tesseract::new();
/// engine.check()?; // says "run `make setup`" when the program or Swedish data is missing
/// let page = image::open("scan.png").map_err(|e| lantero_redact::Error::Input {
///     path: "scan.png".into(),
///     reason: e.to_string(),
/// })?;
/// let words = engine.recognize(&page.to_luma8(), 300.0)?;
/// println!("{}", OcrText::from_words(&words).text);
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Tesseract {
    program: PathBuf,
    language: String,
    page_segmentation: u8,
    /// The outcome of [`Tesseract::check`], run once before the first page: Tesseract reads
    /// on with the languages it has when one of several is missing, which would quietly
    /// lower recall.
    ready: OnceLock<Result<(), OcrError>>,
}

impl Default for Tesseract {
    fn default() -> Self {
        Self::new()
    }
}

impl Tesseract {
    /// The engine's registry name.
    pub const NAME: &'static str = "tesseract";

    /// `tesseract` from the `PATH`, Swedish, automatic page segmentation (mode 3).
    pub fn new() -> Self {
        Self {
            program: PathBuf::from("tesseract"),
            language: "swe".into(),
            page_segmentation: 3,
            ready: OnceLock::new(),
        }
    }

    /// Runs this program instead of `tesseract` from the `PATH`.
    pub fn with_program(mut self, program: impl Into<PathBuf>) -> Self {
        self.program = program.into();
        self.ready = OnceLock::new();
        self
    }

    /// Reads with these languages, Tesseract style: `"swe"`, `"swe+eng"`.
    pub fn with_language(mut self, language: impl Into<String>) -> Self {
        self.language = language.into();
        self.ready = OnceLock::new();
        self
    }

    /// Uses another page segmentation mode (`--psm`), e.g. 6 for one uniform block of text.
    pub fn with_page_segmentation(mut self, mode: u8) -> Self {
        self.page_segmentation = mode;
        self
    }

    /// The languages the installed Tesseract has data for.
    pub fn languages(&self) -> Result<Vec<String>> {
        Ok(self.installed_languages()?)
    }

    /// Checks that the program runs and has data for every language asked for, so that a
    /// missing install is reported before any page is read.
    pub fn check(&self) -> Result<()> {
        Ok(self.readiness()?)
    }

    fn installed_languages(&self) -> Result<Vec<String>, OcrError> {
        let output = self.run(&["--list-langs"], None)?;
        if !output.status.success() {
            return Err(self.failure(&output));
        }
        Ok(parse_language_list(&String::from_utf8_lossy(
            &output.stdout,
        )))
    }

    fn readiness(&self) -> Result<(), OcrError> {
        let available = self.installed_languages()?;
        match self.missing_language(&available) {
            Some(missing) => Err(self.language_missing(missing, available)),
            None => Ok(()),
        }
    }

    /// The first language asked for that is not in `available`.
    fn missing_language(&self, available: &[String]) -> Option<&str> {
        self.language
            .split('+')
            .find(|l| !available.iter().any(|a| a == l))
    }

    fn run(&self, args: &[&str], stdin: Option<&[u8]>) -> Result<Output, OcrError> {
        let missing = |err: std::io::Error| OcrError::EngineMissing {
            engine: Self::NAME.into(),
            program: self.program.clone(),
            reason: err.to_string(),
        };
        // Pages are read in parallel, one process each: Tesseract's own threads would only
        // compete with the other processes for the same cores.
        let mut child = Command::new(&self.program)
            .args(args)
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(missing)?;
        // Feed stdin from another thread while this one drains stdout, so that neither pipe
        // can fill up and stall the child.
        let (output, fed) = std::thread::scope(|scope| {
            let feeder = child
                .stdin
                .take()
                .zip(stdin)
                .map(|(mut pipe, data)| scope.spawn(move || pipe.write_all(data)));
            let output = child.wait_with_output();
            let fed = feeder.map_or(Ok(()), |f| f.join().unwrap_or(Ok(())));
            (output, fed)
        });
        let output = output.map_err(|err| {
            self.failed("unknown", format!("could not wait for the program: {err}"))
        })?;
        if output.status.success() {
            // The engine finished without reading the whole image: its output would be partial.
            fed.map_err(|err| self.failed("0", format!("could not send the image: {err}")))?;
        }
        Ok(output)
    }

    /// Maps a failed run to the most useful error: missing language data, or the engine's
    /// own last words.
    fn failure(&self, output: &Output) -> OcrError {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("Failed loading language") || stderr.contains("Error opening data file")
        {
            let available = self.installed_languages().unwrap_or_default();
            let missing = self.missing_language(&available).unwrap_or(&self.language);
            return self.language_missing(missing, available);
        }
        let status = output
            .status
            .code()
            .map_or_else(|| "killed".into(), |c| c.to_string());
        let message = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no message");
        self.failed(&status, message.trim().to_owned())
    }

    fn failed(&self, status: &str, message: String) -> OcrError {
        OcrError::Failed {
            engine: Self::NAME.into(),
            status: status.into(),
            message,
        }
    }

    fn language_missing(&self, language: &str, available: Vec<String>) -> OcrError {
        OcrError::LanguageMissing {
            engine: Self::NAME.into(),
            language: language.into(),
            available,
        }
    }
}

impl OcrEngine for Tesseract {
    fn name(&self) -> &str {
        Self::NAME
    }

    fn recognize(&self, image: &GrayImage, dpi: f32) -> Result<Vec<OcrWord>> {
        if image.width() == 0 || image.height() == 0 {
            return Err(OcrError::Input(format!(
                "the image is empty ({}×{} px)",
                image.width(),
                image.height()
            ))
            .into());
        }
        if !(dpi.is_finite() && (9.0..=2400.0).contains(&dpi)) {
            return Err(
                OcrError::Input(format!("a resolution of {dpi} dpi is outside 9–2400")).into(),
            );
        }
        self.ready.get_or_init(|| self.readiness()).clone()?;
        let mut png = Cursor::new(Vec::new());
        image
            .write_to(&mut png, ImageFormat::Png)
            .map_err(|err| OcrError::Input(format!("cannot encode the image as PNG: {err}")))?;
        let psm = self.page_segmentation.to_string();
        let resolution = format!("{}", dpi.round());
        let args = [
            "stdin",
            "stdout",
            "-l",
            &self.language,
            "--psm",
            &psm,
            "--dpi",
            &resolution,
            "tsv",
        ];
        let output = self.run(&args, Some(png.get_ref()))?;
        if !output.status.success() {
            return Err(self.failure(&output).into());
        }
        let tsv = String::from_utf8(output.stdout).map_err(|err| OcrError::Output {
            engine: Self::NAME.into(),
            line: 0,
            reason: format!("not UTF-8: {err}"),
        })?;
        parse_tsv(&tsv, dpi)
    }
}

/// The language codes in `tesseract --list-langs` output (after its heading line).
fn parse_language_list(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|line| !line.starts_with("List of available languages"))
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_list_skips_its_heading() {
        let stdout = "List of available languages in \"/usr/share/tesseract-ocr/5/tessdata/\" (3):\neng\nosd\nswe\n";
        assert_eq!(parse_language_list(stdout), ["eng", "osd", "swe"]);
        assert!(parse_language_list("").is_empty());
    }

    #[test]
    fn empty_images_and_absurd_resolutions_are_refused_before_running_anything() {
        let engine = Tesseract::new().with_program("/nonexistent/tesseract");
        let empty = GrayImage::new(0, 10);
        assert!(matches!(
            engine.recognize(&empty, 300.0),
            Err(crate::Error::Ocr(OcrError::Input(_)))
        ));
        let page = GrayImage::new(10, 10);
        for dpi in [0.0, 5000.0, f32::NAN] {
            assert!(matches!(
                engine.recognize(&page, dpi),
                Err(crate::Error::Ocr(OcrError::Input(_)))
            ));
        }
    }
}
