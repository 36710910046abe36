//! Checks of the searchable profile: each page's text layer has exactly the shape the writer
//! makes (see [`super::profile`]), in exactly the one font it writes, and PDFium reads from the
//! file exactly the layer's chars, all invisible.

use super::Findings;
use super::lexer::Lexer;
use super::profile::{INVISIBLE, LAYER_FONT, layer_font_dict, layer_text};
use super::streams::{MAX_STREAM, decoded};
use super::syntax::{Dict, File, Object, Op, content};

/// Chars one layer word may hold: far more than any word, far less than a hidden paragraph.
const MAX_WORD: usize = 64;

/// The first four operators of a page are its image placement; what follows is its layer.
pub(crate) const PLACEMENT_OPS: usize = 4;

/// The words of each page's layer, in page order, as text.
pub(crate) type Layers = Vec<Vec<String>>;

/// Every page's content is one stream whose operators after the image placement are one
/// `BT 3 Tr (Tf Tz Tm Tj)+ ET` block of the profile's shape, or nothing. Returns the words.
pub(crate) fn text_layer_exact(file: &File, bytes: &[u8], out: &mut Findings) -> Layers {
    let mut layers = Layers::new();
    for object in &file.objects {
        let Some(page) = object.dict().filter(|d| d.name("Type") == Some(b"Page")) else {
            continue;
        };
        let id = object.id;
        let stream = match page.get("Contents") {
            Some(Object::Ref(target, _)) => file
                .object(*target)
                .and_then(|o| Some((o.dict()?, o.stream.clone()?))),
            _ => None,
        };
        let Some((dict, range)) = stream else {
            out.push(format!("page object {id}: /Contents is not one stream"));
            continue;
        };
        let ops = match content(&decoded(dict, &bytes[range], MAX_STREAM)) {
            Ok(read) => read.ops,
            Err(_) => {
                out.push(format!("page object {id}: content unreadable"));
                continue;
            }
        };
        let size = media_box(page);
        match read_layer(ops.get(PLACEMENT_OPS..).unwrap_or_default(), size) {
            Ok(words) => layers.push(words),
            Err(problem) => out.push(format!("page object {id}: {problem}")),
        }
    }
    layers
}

fn media_box(page: &Dict) -> (f64, f64) {
    match page.get("MediaBox") {
        Some(Object::Array(b)) => match b.as_slice() {
            [_, _, Object::Number(w), Object::Number(h)] => (*w, *h),
            _ => (0.0, 0.0),
        },
        _ => (0.0, 0.0),
    }
}

/// The words of one layer, or what breaks its shape. Never quotes the layer's text.
fn read_layer(ops: &[Op], (width, height): (f64, f64)) -> Result<Vec<String>, String> {
    let Some((first, rest)) = ops.split_first() else {
        return Ok(Vec::new());
    };
    let bare = |op: &Op, name: &str| op.operator == name && op.operands.is_empty();
    let number = |object: &Object| match object {
        Object::Number(n) => Some(*n),
        _ => None,
    };
    let shape = || "the text after the image is not one invisible layer of the profile's shape";
    if !bare(first, "BT") {
        return Err(shape().into());
    }
    match rest {
        [mode, words @ .., last]
            if mode.operator == "Tr"
                && mode.operands == [Object::Number(INVISIBLE)]
                && bare(last, "ET")
                && !words.is_empty()
                && words.len() % 4 == 0 =>
        {
            words
                .chunks_exact(4)
                .map(|word| {
                    let [tf, tz, tm, tj] = word else {
                        return Err(shape().into());
                    };
                    let size = match (tf.operator.as_str(), tf.operands.as_slice()) {
                        ("Tf", [Object::Name(font), Object::Number(size)])
                            if font == LAYER_FONT.as_bytes() =>
                        {
                            *size
                        }
                        _ => return Err(format!("{}: a word not set in /{LAYER_FONT}", shape())),
                    };
                    let scale = match (tz.operator.as_str(), tz.operands.as_slice()) {
                        ("Tz", [Object::Number(scale)]) => *scale,
                        _ => return Err(shape().into()),
                    };
                    let at: Vec<Option<f64>> = tm.operands.iter().map(number).collect();
                    let (x, y) = match (tm.operator.as_str(), at.as_slice()) {
                        ("Tm", [Some(1.0), Some(0.0), Some(0.0), Some(1.0), Some(x), Some(y)]) => {
                            (*x, *y)
                        }
                        _ => return Err(format!("{}: a word not placed upright", shape())),
                    };
                    let within = (0.0..=width).contains(&x)
                        && (0.0..=height).contains(&y)
                        && size >= 1.0
                        && size <= height.max(1.0)
                        && (1.0..=1000.0).contains(&scale);
                    if !within {
                        return Err(
                            "a layer word is placed, sized or scaled outside the page".into()
                        );
                    }
                    match (tj.operator.as_str(), tj.operands.as_slice()) {
                        ("Tj", [Object::String(text)])
                            if !text.is_empty() && text.len() <= MAX_WORD =>
                        {
                            layer_text(text).ok_or_else(|| {
                                "a layer word holds a byte the layer never writes".into()
                            })
                        }
                        _ => Err(format!("{}: a word is not one short string", shape())),
                    }
                })
                .collect()
        }
        _ => Err(shape().into()),
    }
}

/// The file holds one font, the layer font exactly as the profile writes it, and every page
/// names it, and only it, as `/F1`.
pub(crate) fn only_layer_font(file: &File, out: &mut Findings) {
    let expected = Lexer::new(layer_font_dict().as_bytes()).object(0).ok();
    let fonts: Vec<u32> = file
        .objects
        .iter()
        .filter(|o| o.dict().and_then(|d| d.name("Type")) == Some(b"Font"))
        .map(|o| o.id)
        .collect();
    let font = match fonts.as_slice() {
        [id] => *id,
        ids => {
            out.push(format!("{} font objects, not one", ids.len()));
            return;
        }
    };
    if let Some(object) = file.object(font)
        && (Some(&object.value) != expected.as_ref() || object.stream.is_some())
    {
        out.push(format!(
            "object {font}: the font is not the profile's Helvetica"
        ));
    }
    for object in &file.objects {
        if object.id != font && nested_font(&object.value, true) {
            out.push(format!("object {}: a font dictionary", object.id));
        }
        let Some(page) = object.dict().filter(|d| d.name("Type") == Some(b"Page")) else {
            continue;
        };
        let fonts = match page.get("Resources").and_then(|r| file.resolve(r)) {
            Some(Object::Dict(resources)) => resources.get("Font").and_then(|f| file.resolve(f)),
            _ => None,
        };
        let named = matches!(fonts, Some(Object::Dict(Dict(entries)))
            if matches!(entries.as_slice(), [(name, Object::Ref(id, 0))]
                if name == LAYER_FONT.as_bytes() && *id == font));
        if !named {
            out.push(format!(
                "page object {}: its fonts are not /{LAYER_FONT} alone",
                object.id
            ));
        }
    }
}

/// Whether `object` holds a dictionary of `/Type /Font` (below the top level when `skip_top`).
fn nested_font(object: &Object, top: bool) -> bool {
    match object {
        Object::Dict(dict) => {
            (!top && dict.name("Type") == Some(b"Font"))
                || dict.0.iter().any(|(_, value)| nested_font(value, false))
        }
        Object::Array(items) => items.iter().any(|item| nested_font(item, false)),
        _ => false,
    }
}

/// PDFium reads exactly the layer's chars (whitespace aside, in any order: readers add spaces
/// and line breaks of their own), in one text object per word, every one invisible.
pub(crate) fn extractable_text_is_layer(
    layers: &Layers,
    pdfium_text: &[String],
    text_objects: &[(usize, usize)],
    out: &mut Findings,
) {
    let sorted = |text: &mut dyn Iterator<Item = char>| {
        let mut chars: Vec<char> = text.filter(|c| !c.is_whitespace()).collect();
        chars.sort_unstable();
        chars
    };
    if layers.len() != pdfium_text.len() {
        out.push(format!(
            "PDFium read {} pages, the layer check {}",
            pdfium_text.len(),
            layers.len()
        ));
        return;
    }
    for (index, (words, read)) in layers.iter().zip(pdfium_text).enumerate() {
        let number = index + 1;
        let layer = sorted(&mut words.iter().flat_map(|w| w.chars()));
        // PDFium marks a hyphen that ends a line as U+0002.
        let pdf = sorted(&mut read.chars().map(|c| if c == '\u{2}' { '-' } else { c }));
        if layer != pdf {
            out.push(format!(
                "page {number}: PDFium extracts text that is not the layer's"
            ));
        }
        let (objects, visible) = text_objects.get(index).copied().unwrap_or_default();
        if visible > 0 {
            out.push(format!("page {number}: {visible} visible text objects"));
        }
        if objects != words.len() {
            out.push(format!(
                "page {number}: {objects} text objects for {} layer words",
                words.len()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn layer(stream: &str) -> Result<Vec<String>, String> {
        let ops = content(stream.as_bytes()).unwrap().ops;
        read_layer(&ops, (595.0, 842.0))
    }

    #[test]
    fn the_writers_shape_is_read_and_anything_else_refused() {
        let word = "/F1 12 Tf 90 Tz 1 0 0 1 72 700 Tm <C57361> Tj";
        assert_eq!(
            layer(&format!("BT 3 Tr {word} {word} ET")).unwrap(),
            ["Åsa", "Åsa"]
        );
        assert_eq!(layer("").unwrap(), Vec::<String>::new());
        for bad in [
            format!("BT 0 Tr {word} ET"),
            format!("BT 3 Tr {word}"),
            "BT 3 Tr ET".into(),
            format!("BT 3 Tr {word} ET BT 3 Tr {word} ET"),
            format!("BT 3 Tr {} ET", word.replace("/F1", "/F2")),
            format!("BT 3 Tr {} ET", word.replace("1 0 0 1", "0 1 -1 0")),
            format!("BT 3 Tr {} ET", word.replace("72 700", "72 9000")),
            format!("BT 3 Tr {} ET", word.replace("<C57361>", "<0A41>")),
            format!("BT 3 Tr {} ET", word.replace("<C57361>", "()")),
            format!("BT 3 Tr {} ET", word.replace("Tj", "' 2 Tr")),
            format!("BT 3 Tr {word} 0 0 Td ET"),
            format!("q BT 3 Tr {word} ET Q"),
        ] {
            assert!(layer(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pdfium_must_read_the_layer_and_see_it_invisible() {
        let layers = vec![vec!["Åsa".to_string(), "bor".into()]];
        let check = |text: &str, objects: (usize, usize)| {
            let mut out = Findings::new();
            extractable_text_is_layer(&layers, &[text.into()], &[objects], &mut out);
            out
        };
        assert!(check("Åsa bor", (2, 0)).is_empty());
        assert!(check("Åsa\r\nbor", (2, 0)).is_empty());
        let layers = vec![vec!["Ny-".to_string(), "bor".into()]];
        let mut out = Findings::new();
        extractable_text_is_layer(&layers, &["Ny\u{2}\r\nbor".into()], &[(2, 0)], &mut out);
        assert!(out.is_empty());
        assert_eq!(check("Åsa bor x", (2, 0)).len(), 1);
        assert_eq!(check("Åsa bor", (2, 1)).len(), 1);
        assert_eq!(check("Åsa bor", (3, 0)).len(), 1);
    }

    proptest! {
        #[test]
        fn any_content_is_read_or_refused_without_panicking(
            text in "(BT|ET|3|0|1|Tr|Tf|Tz|Tm|Tj|TJ|/F1|/F2|<41C5>|\\(a\\)|\\[|\\]|12|-5|9e9| )*"
        ) {
            if let Ok(read) = content(text.as_bytes()) {
                let _ = read_layer(&read.ops, (595.0, 842.0));
            }
        }
    }
}
