//! The word-list files under `models/lexicon/`: which files exist, what each one feeds, and which fields their
//! lines have. The format itself, and its loader, are those of every list: `crate::wordlist`.

use crate::labels::Emotion;
use crate::wordlist::{self, Columns, ListEntry};

use super::LexiconError;

/// What a list file contributes to the scorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRole {
    Positive,
    Negative,
    Emotion(Emotion),
    Negation,
    Degree,
    DegreeAfter,
    Reported,
    Action,
    Contrast,
    Concession,
    Sarcasm,
    Neutral,
    Emoji,
    Traditional,
}

/// One list file: its name in `models/lexicon/`, its role, the weight used when a line has none, and its text
/// as compiled into the binary.
#[derive(Debug, Clone, Copy)]
pub struct ListFile {
    pub name: &'static str,
    pub role: ListRole,
    pub default_weight: f32,
    /// The fields after the term: a weight; for emoji and actions also an emotion name; for variants the
    /// simplified character instead of a weight.
    pub(crate) columns: Columns,
    pub embedded: &'static str,
}

macro_rules! list {
    ($name:literal, $role:expr, $w:expr, $columns:expr) => {
        ListFile {
            name: $name,
            role: $role,
            default_weight: $w,
            columns: $columns,
            embedded: include_str!(concat!("../../models/lexicon/", $name)),
        }
    };
}

pub const LIST_FILES: &[ListFile] = &[
    list!("positive.txt", ListRole::Positive, 1.0, Columns::Weighted),
    list!("negative.txt", ListRole::Negative, 1.0, Columns::Weighted),
    list!("anger.txt", ListRole::Emotion(Emotion::Anger), 1.0, Columns::Weighted),
    list!("anxiety.txt", ListRole::Emotion(Emotion::Anxiety), 1.0, Columns::Weighted),
    list!("disappointment.txt", ListRole::Emotion(Emotion::Disappointment), 1.0, Columns::Weighted),
    list!("confusion.txt", ListRole::Emotion(Emotion::Confusion), 1.0, Columns::Weighted),
    list!("gratitude.txt", ListRole::Emotion(Emotion::Gratitude), 1.0, Columns::Weighted),
    list!("satisfaction.txt", ListRole::Emotion(Emotion::Satisfaction), 1.0, Columns::Weighted),
    list!("negation.txt", ListRole::Negation, -1.0, Columns::Weighted),
    list!("degree.txt", ListRole::Degree, 1.5, Columns::Weighted),
    list!("degree_after.txt", ListRole::DegreeAfter, 1.5, Columns::Weighted),
    list!("actions.txt", ListRole::Action, 1.0, Columns::WeightedWithExtra),
    list!("reported.txt", ListRole::Reported, 0.0, Columns::Weighted),
    list!("contrast.txt", ListRole::Contrast, 0.4, Columns::Weighted),
    list!("concession.txt", ListRole::Concession, 0.5, Columns::Weighted),
    list!("sarcasm.txt", ListRole::Sarcasm, 1.5, Columns::Weighted),
    list!("neutral.txt", ListRole::Neutral, 0.6, Columns::Weighted),
    list!("emoji.txt", ListRole::Emoji, 0.0, Columns::WeightedWithExtra),
    list!("traditional.txt", ListRole::Traditional, 0.0, Columns::Mapping),
];

/// Largest weight magnitude a lexicon list may give: weights are strengths and multipliers on a scale that tops out
/// around 2, so anything beyond this is a slip of the keyboard.
const MAX_WEIGHT: f32 = 10.0;

/// Parses a list file with the one word-list loader; errors name the file and the 1-based line number.
pub(crate) fn parse<'a>(file: &ListFile, text: &'a str) -> Result<Vec<ListEntry<'a>>, LexiconError> {
    let entries = wordlist::parse(file.name, text, file.columns)?;
    if let Some(out_of_range) = entries.iter().find(|e| e.weight.is_some_and(|w| w.abs() > MAX_WEIGHT)) {
        return Err(LexiconError::Malformed {
            file: file.name.to_string(),
            line: out_of_range.line,
            message: format!("weight must be within ±{MAX_WEIGHT}"),
        });
    }
    Ok(entries)
}
