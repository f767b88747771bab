//! The one format of every word list under `models/` (lexicon, ranking, conversation) and its one loader.
//!
//! A list is UTF-8 text that opens with a header: one or more `#` comment lines saying what the list is for.
//! After it comes one entry per line:
//!
//! ```text
//! entry[<TAB>weight][<TAB>extra]
//! ```
//!
//! The weight is a finite number; what it means, and its default, belong to the list's consumer. Which fields
//! a list may have is declared by the consumer with [`Columns`]. Blank lines and lines starting with `#` are
//! ignored. An entry holds no whitespace and appears once per list. Anything else is an error naming the list
//! and the line: a list that loads says exactly what its file says.

use std::collections::HashMap;

/// The fields a list has after its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Columns {
    /// `entry` alone.
    EntryOnly,
    /// `entry`, optionally `<TAB>weight`.
    Weighted,
    /// `entry`, optionally `<TAB>weight`, optionally `<TAB>extra` (a name the consumer interprets).
    WeightedWithExtra,
    /// `entry<TAB>extra`, the second field required and not a weight (a mapping such as traditional → simplified).
    Mapping,
}

impl Columns {
    fn max_fields(self) -> usize {
        match self {
            Columns::EntryOnly => 1,
            Columns::Weighted | Columns::Mapping => 2,
            Columns::WeightedWithExtra => 3,
        }
    }
}

/// One entry of a list, borrowing from the list's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ListEntry<'a> {
    /// 1-based line number, for the consumer's own errors.
    pub(crate) line: usize,
    pub(crate) entry: &'a str,
    pub(crate) weight: Option<f32>,
    /// The extra field of `WeightedWithExtra` (absent when empty) or the second field of `Mapping`.
    pub(crate) extra: Option<&'a str>,
}

/// A list that does not follow the format: which list, which line, what is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{list}:{line}: {problem}")]
pub(crate) struct WordListError {
    pub(crate) list: String,
    pub(crate) line: usize,
    pub(crate) problem: Problem,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub(crate) enum Problem {
    #[error("the list must open with a `#` comment saying what it is for")]
    MissingHeader,
    #[error("empty entry before a tab")]
    EmptyEntry,
    #[error("entry {0:?} contains whitespace; separate fields with a tab")]
    WhitespaceInEntry(String),
    #[error("expected at most {allowed} tab-separated fields, found {found}")]
    TooManyFields { allowed: usize, found: usize },
    #[error("weight {0:?} is not a finite number")]
    BadWeight(String),
    #[error("expected `entry<TAB>value`")]
    MissingValue,
    #[error("entry {entry:?} already appears on line {first_line}")]
    Duplicate { entry: String, first_line: usize },
}

/// Parses one list; `list` names it in errors (a file name or a path under `models/`).
pub(crate) fn parse<'a>(list: &str, text: &'a str, columns: Columns) -> Result<Vec<ListEntry<'a>>, WordListError> {
    let error = |line: usize, problem: Problem| WordListError { list: list.to_string(), line, problem };
    if !has_header(text) {
        return Err(error(1, Problem::MissingHeader));
    }
    let mut entries = Vec::new();
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let content = raw.trim_end_matches('\r');
        let trimmed = content.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = content.split('\t').map(str::trim).collect();
        let parsed = parse_fields(&fields, columns).map_err(|problem| error(line, problem))?;
        if let Some(&first_line) = first_seen.get(parsed.entry) {
            return Err(error(line, Problem::Duplicate { entry: parsed.entry.to_string(), first_line }));
        }
        first_seen.insert(parsed.entry, line);
        entries.push(ListEntry { line, entry: parsed.entry, weight: parsed.weight, extra: parsed.extra });
    }
    Ok(entries)
}

/// The fields of one line, before it is known whether the entry is new.
struct Fields<'a> {
    entry: &'a str,
    weight: Option<f32>,
    extra: Option<&'a str>,
}

fn parse_fields<'a>(fields: &[&'a str], columns: Columns) -> Result<Fields<'a>, Problem> {
    let entry = fields[0];
    if entry.is_empty() {
        return Err(Problem::EmptyEntry);
    }
    if entry.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Problem::WhitespaceInEntry(entry.to_string()));
    }
    if columns == Columns::Mapping {
        return match fields {
            [_, value] if !value.is_empty() => Ok(Fields { entry, weight: None, extra: Some(value) }),
            _ => Err(Problem::MissingValue),
        };
    }
    let allowed = columns.max_fields();
    if fields.len() > allowed {
        return Err(Problem::TooManyFields { allowed, found: fields.len() });
    }
    let weight = fields.get(1).copied().map(parse_weight).transpose()?;
    let extra = fields.get(2).copied().filter(|s| !s.is_empty());
    Ok(Fields { entry, weight, extra })
}

fn parse_weight(field: &str) -> Result<f32, Problem> {
    match field.parse::<f32>() {
        Ok(weight) if weight.is_finite() => Ok(weight),
        _ => Err(Problem::BadWeight(field.to_string())),
    }
}

/// Whether the first line is a comment with something to say.
fn has_header(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("").trim();
    first.strip_prefix('#').is_some_and(|rest| !rest.trim().is_empty())
}

#[cfg(test)]
mod tests;
