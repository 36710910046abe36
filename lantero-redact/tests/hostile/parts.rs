//! Taking a writer output apart and putting it back together with an exact cross-reference
//! table, and the hostile pieces the fixtures put into it.

use std::io::Write;

use flate2::{Compress, Compression, FlushCompress};

pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), Compression::default());
    z.write_all(data).unwrap();
    z.finish().unwrap()
}

/// A zlib stream of `mib` MiB of zeros, a few hundred bytes per MiB: one MiB compressed as
/// a self-contained, byte-aligned deflate block, repeated, then a final empty block and the
/// checksum (Adler-32 of n zeros is `n mod 65521` in its high half, 1 in its low half).
pub fn flate_bomb(mib: usize) -> Vec<u8> {
    let mut block = Vec::with_capacity(1 << 20);
    Compress::new(Compression::best(), false)
        .compress_vec(&vec![0u8; 1 << 20], &mut block, FlushCompress::Sync)
        .unwrap();
    let mut bomb = vec![0x78, 0xDA];
    for _ in 0..mib {
        bomb.extend_from_slice(&block);
    }
    bomb.extend_from_slice(&[0x03, 0x00]);
    let adler = (((mib << 20) % 65521) as u32) << 16 | 1;
    bomb.extend_from_slice(&adler.to_be_bytes());
    bomb
}

/// A writer output taken apart into its header and objects, to be changed and put back
/// together with an exact cross-reference table, so that a fixture breaks only the rule it is
/// about. A part that does not start with `N G obj` is written as it is.
pub struct Parts {
    pub header: Vec<u8>,
    pub parts: Vec<Vec<u8>>,
}

impl Parts {
    pub fn of(pdf: &[u8]) -> Self {
        let start = find(pdf, b"1 0 obj").unwrap();
        let end = pdf.windows(6).rposition(|w| w == b"\nxref\n").unwrap() + 1;
        let mut parts = Vec::new();
        let mut at = start;
        while at < end {
            let next = at + find(&pdf[at..end], b"endobj\n").unwrap() + 7;
            parts.push(pdf[at..next].to_vec());
            at = next;
        }
        Self {
            header: pdf[..start].to_vec(),
            parts,
        }
    }

    /// The part holding object `id`.
    pub fn object(&mut self, id: u32) -> &mut Vec<u8> {
        let prefix = format!("{id} 0 obj");
        self.parts
            .iter_mut()
            .find(|p| p.starts_with(prefix.as_bytes()))
            .unwrap()
    }

    /// Replaces `from` with `to` in object `id`.
    pub fn replace(&mut self, id: u32, from: &str, to: &[u8]) {
        let part = self.object(id);
        let at = find(part, from.as_bytes()).unwrap_or_else(|| panic!("{from} in object {id}"));
        part.splice(at..at + from.len(), to.iter().copied());
    }

    /// Puts the file together; `offset(id, at)` may move where the table says an object is.
    pub fn assemble_with(&self, offset: impl Fn(u32, usize) -> usize) -> Vec<u8> {
        let mut out = self.header.clone();
        let mut offsets = Vec::new();
        for part in &self.parts {
            let text = String::from_utf8_lossy(&part[..part.len().min(24)]).into_owned();
            let words: Vec<&str> = text.split_whitespace().collect();
            if let [id, _, "obj", ..] = words.as_slice()
                && let Ok(id) = id.parse::<u32>()
            {
                offsets.push((id, offset(id, out.len())));
            }
            out.extend_from_slice(part);
        }
        offsets.sort_unstable();
        let xref = out.len();
        let size = offsets.len() + 1;
        let mut table = format!("xref\n0 {size}\n0000000000 65535 f \n");
        for (_, at) in &offsets {
            table.push_str(&format!("{at:010} 00000 n \n"));
        }
        table.push_str(&format!(
            "trailer\n<< /Size {size} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n"
        ));
        out.extend_from_slice(table.as_bytes());
        out
    }

    pub fn assemble(&self) -> Vec<u8> {
        self.assemble_with(|_, at| at)
    }
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// An object `id` holding a stream of `data`.
pub fn stream(id: u32, entries: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "{id} 0 obj\n<< {entries} /Length {} >>\nstream\n",
        data.len()
    )
    .into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    out
}

/// `segment` (marker and payload) put into a JPEG after its JFIF header.
pub fn with_segment(jpeg: &[u8], marker: u8, payload: &[u8]) -> Vec<u8> {
    let len = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
    let mut out = jpeg[..20].to_vec();
    out.extend_from_slice(&[0xFF, marker, len[0], len[1]]);
    out.extend_from_slice(payload);
    out.extend_from_slice(&jpeg[20..]);
    out
}
