//! Byte offsets (what Rust string search gives) to character offsets (what the contract uses).

/// Maps byte offsets of one text to character offsets, built in one pass.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offset of every char, plus the text length at the end.
    starts: Vec<usize>,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Self { starts }
    }

    /// The character offset of byte offset `byte` (a char boundary; otherwise the next char).
    ///
    /// ```
    /// use lantero_redact::detect::CharOffsets;
    ///
    /// let offsets = CharOffsets::new("åx");
    /// assert_eq!(offsets.char_at(2), 1);
    /// ```
    pub fn char_at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&b| b < byte)
    }

    /// The byte offset of character offset `char_index` (the text length past the end).
    pub fn byte_at(&self, char_index: usize) -> usize {
        self.starts
            .get(char_index)
            .or(self.starts.last())
            .copied()
            .unwrap_or(0)
    }
}
