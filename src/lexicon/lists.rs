//! The word-list files under `models/lexicon/`: which files exist, what each one feeds, and the line format
//! (`term`, optionally a tab and a weight, optionally a tab and an extra field; `#` starts a comment).

use crate::labels::Emotion;

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
    /// Whether lines may carry a third, non-numeric field (emoji: an emotion name) or a second one (variants).
    pub extra: bool,
    pub embedded: &'static str,
}

macro_rules! list {
    ($name:literal, $role:expr, $w:expr, $extra:expr) => {
        ListFile {
            name: $name,
            role: $role,
            default_weight: $w,
            extra: $extra,
            embedded: include_str!(concat!("../../models/lexicon/", $name)),
        }
    };
}

pub const LIST_FILES: &[ListFile] = &[
    list!("positive.txt", ListRole::Positive, 1.0, false),
    list!("negative.txt", ListRole::Negative, 1.0, false),
    list!("anger.txt", ListRole::Emotion(Emotion::Anger), 1.0, false),
    list!("anxiety.txt", ListRole::Emotion(Emotion::Anxiety), 1.0, false),
    list!("disappointment.txt", ListRole::Emotion(Emotion::Disappointment), 1.0, false),
    list!("confusion.txt", ListRole::Emotion(Emotion::Confusion), 1.0, false),
    list!("gratitude.txt", ListRole::Emotion(Emotion::Gratitude), 1.0, false),
    list!("satisfaction.txt", ListRole::Emotion(Emotion::Satisfaction), 1.0, false),
    list!("negation.txt", ListRole::Negation, -1.0, false),
    list!("degree.txt", ListRole::Degree, 1.5, false),
    list!("degree_after.txt", ListRole::DegreeAfter, 1.5, false),
    list!("actions.txt", ListRole::Action, 1.0, true),
    list!("reported.txt", ListRole::Reported, 0.0, false),
    list!("contrast.txt", ListRole::Contrast, 0.4, false),
    list!("concession.txt", ListRole::Concession, 0.5, false),
    list!("sarcasm.txt", ListRole::Sarcasm, 1.5, false),
    list!("neutral.txt", ListRole::Neutral, 0.6, false),
    list!("emoji.txt", ListRole::Emoji, 0.0, true),
    list!("traditional.txt", ListRole::Traditional, 0.0, true),
];

/// One parsed line.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub line: usize,
    pub term: &'a str,
    pub weight: Option<f32>,
    pub extra: Option<&'a str>,
}

/// Parses a list file; errors name the file and the 1-based line number.
pub fn parse<'a>(file: &ListFile, text: &'a str) -> Result<Vec<Line<'a>>, LexiconError> {
    let bad = |line: usize, message: String| LexiconError::Malformed { file: file.name.to_string(), line, message };
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let content = raw.trim_end_matches('\r');
        let trimmed = content.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = content.split('\t').map(str::trim).collect();
        let term = fields[0];
        if term.is_empty() {
            return Err(bad(n, "empty term before a tab".into()));
        }
        if term.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad(n, format!("term {term:?} contains whitespace; separate fields with a tab")));
        }
        let (weight, extra) = match file.role {
            ListRole::Traditional => {
                if fields.len() != 2 {
                    return Err(bad(n, "expected `traditional<TAB>simplified`".into()));
                }
                (None, Some(fields[1]))
            }
            _ => {
                let max = if file.extra { 3 } else { 2 };
                if fields.len() > max {
                    return Err(bad(n, format!("expected at most {max} tab-separated fields, found {}", fields.len())));
                }
                let weight = match fields.get(1) {
                    None => None,
                    Some(w) => {
                        let v: f32 = w.parse().map_err(|_| bad(n, format!("weight {w:?} is not a number")))?;
                        if !v.is_finite() || v.abs() > 10.0 {
                            return Err(bad(n, format!("weight {w:?} must be a finite number within ±10")));
                        }
                        Some(v)
                    }
                };
                (weight, fields.get(2).copied().filter(|s| !s.is_empty()))
            }
        };
        out.push(Line { line: n, term, weight, extra });
    }
    Ok(out)
}
