//! Evaluation data: JSONL, CSV or TSV files of one of three kinds, detected from the fields.
//!
//! - **utterances**: `text` plus `polarity` and/or `emotion` (polarity 2- or 3-class).
//! - **replies** (reply-ranking cases): `customer`, optional `context` (`[{role, text}]`), `candidates`, `grades`.
//! - **conversations**: `turns` (`[{role, text, polarity?, emotion?}]`); every labelled turn is scored.
//!
//! CSV/TSV take the same field names as columns. Replies come either one case per row (`candidates` and `grades`
//! hold JSON arrays) or one candidate per row (`candidate`, `grade`, rows of a case share its `id`).
//! Conversations come one turn per row (`conversation`, `role`, `text`, labels). Every field name can be renamed
//! (`--column text=content`). Polarity labels are read by name (`negative`, `neg`, `消极`, …) or through a
//! user map (`--polarity-label 0=negative`).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context};
use serde_json::Value;

use crate::judge::{Role, Turn};
use crate::labels::{Emotion, Polarity};

/// How to read polarity: `auto` = binary when the gold labels hold no neutral, else 3-class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum PolarityClasses {
    #[default]
    Auto,
    #[value(name = "2")]
    #[serde(rename = "2")]
    Two,
    #[value(name = "3")]
    #[serde(rename = "3")]
    Three,
}

/// The kind of evaluation data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Utterances,
    Replies,
    Conversations,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Utterances => "utterances",
            Kind::Replies => "replies",
            Kind::Conversations => "conversations",
        }
    }
}

/// File format; detected from the extension when not given (`.csv`, `.tsv`, anything else JSONL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jsonl,
    Csv,
    Tsv,
}

impl Format {
    pub fn detect(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref() {
            Some("csv") => Format::Csv,
            Some("tsv") | Some("tab") => Format::Tsv,
            _ => Format::Jsonl,
        }
    }
}

/// Field (column) names, each overridable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub id: String,
    pub text: String,
    pub polarity: String,
    pub emotion: String,
    pub customer: String,
    pub context: String,
    pub candidates: String,
    pub grades: String,
    pub candidate: String,
    pub grade: String,
    pub turns: String,
    pub conversation: String,
    pub role: String,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            id: "id".into(),
            text: "text".into(),
            polarity: "polarity".into(),
            emotion: "emotion".into(),
            customer: "customer".into(),
            context: "context".into(),
            candidates: "candidates".into(),
            grades: "grades".into(),
            candidate: "candidate".into(),
            grade: "grade".into(),
            turns: "turns".into(),
            conversation: "conversation".into(),
            role: "role".into(),
        }
    }
}

impl Columns {
    /// Applies `field=name` overrides, e.g. `text=content`.
    pub fn apply(&mut self, overrides: &BTreeMap<String, String>) -> anyhow::Result<()> {
        for (field, name) in overrides {
            let slot = match field.as_str() {
                "id" => &mut self.id,
                "text" => &mut self.text,
                "polarity" => &mut self.polarity,
                "emotion" => &mut self.emotion,
                "customer" => &mut self.customer,
                "context" => &mut self.context,
                "candidates" => &mut self.candidates,
                "grades" => &mut self.grades,
                "candidate" => &mut self.candidate,
                "grade" => &mut self.grade,
                "turns" => &mut self.turns,
                "conversation" => &mut self.conversation,
                "role" => &mut self.role,
                other => bail!(
                    "unknown column field {other:?}; known: id, text, polarity, emotion, customer, context, \
                     candidates, grades, candidate, grade, turns, conversation, role"
                ),
            };
            *slot = name.clone();
        }
        Ok(())
    }
}

/// How to read a data file.
#[derive(Debug, Clone, Default)]
pub struct DataOptions {
    pub format: Option<Format>,
    pub kind: Option<Kind>,
    pub columns: Columns,
    /// Extra polarity label names, e.g. `"0" → negative`, checked before the built-in names.
    pub polarity_labels: BTreeMap<String, Polarity>,
}

/// One labelled text.
#[derive(Debug, Clone, PartialEq)]
pub struct Utterance {
    pub id: String,
    pub text: String,
    pub polarity: Option<Polarity>,
    pub emotion: Option<Emotion>,
}

/// One reply-ranking case: grades are per candidate, higher is better.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingCase {
    pub id: String,
    pub customer: String,
    pub context: Vec<Turn>,
    pub candidates: Vec<String>,
    pub grades: Vec<f64>,
}

/// A loaded data file.
#[derive(Debug, Clone, PartialEq)]
pub enum Dataset {
    /// Utterances; for conversations, their labelled turns (ids `CONVERSATION#TURN`, turn numbers from 0).
    Classification {
        kind: Kind,
        items: Vec<Utterance>,
        conversations: usize,
    },
    Ranking(Vec<RankingCase>),
}

impl Dataset {
    pub fn kind(&self) -> Kind {
        match self {
            Dataset::Classification { kind, .. } => *kind,
            Dataset::Ranking(_) => Kind::Replies,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Dataset::Classification { items, .. } => items.len(),
            Dataset::Ranking(cases) => cases.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Reads a data file.
pub fn load(path: &Path, options: &DataOptions) -> anyhow::Result<Dataset> {
    let raw = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let format = options.format.unwrap_or_else(|| Format::detect(path));
    let records = match format {
        Format::Jsonl => parse_jsonl(&raw)?,
        Format::Csv => parse_delimited(&raw, b',')?,
        Format::Tsv => parse_delimited(&raw, b'\t')?,
    };
    let dataset = from_records(&records, format, options).with_context(|| format!("reading {}", path.display()))?;
    if dataset.is_empty() {
        bail!("{} holds no labelled items", path.display());
    }
    Ok(dataset)
}

/// One record: a JSON object (JSONL) or a row as strings (CSV/TSV), with its line number.
type Record = (usize, serde_json::Map<String, Value>);

fn parse_jsonl(raw: &str) -> anyhow::Result<Vec<Record>> {
    let mut records = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let value: Value = serde_json::from_str(line).with_context(|| format!("line {}: not JSON", i + 1))?;
        match value {
            Value::Object(map) => records.push((i + 1, map)),
            _ => bail!("line {}: expected a JSON object", i + 1),
        }
    }
    Ok(records)
}

fn parse_delimited(raw: &str, delimiter: u8) -> anyhow::Result<Vec<Record>> {
    let raw = raw.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(raw.as_bytes());
    let headers: Vec<String> = reader.headers()?.iter().map(|h| h.trim().to_string()).collect();
    let mut records = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.with_context(|| format!("row {}", i + 2))?;
        let mut map = serde_json::Map::new();
        for (name, value) in headers.iter().zip(row.iter()) {
            map.insert(name.clone(), Value::String(value.to_string()));
        }
        records.push((i + 2, map));
    }
    Ok(records)
}

fn detect_kind(records: &[Record], c: &Columns) -> Option<Kind> {
    let (_, first) = records.first()?;
    let has = |name: &str| first.contains_key(name);
    if (has(&c.candidates) && has(&c.grades)) || (has(&c.candidate) && has(&c.grade)) {
        Some(Kind::Replies)
    } else if has(&c.turns) || (has(&c.conversation) && has(&c.role)) {
        Some(Kind::Conversations)
    } else if has(&c.text) {
        Some(Kind::Utterances)
    } else {
        None
    }
}

fn from_records(records: &[Record], format: Format, options: &DataOptions) -> anyhow::Result<Dataset> {
    let c = &options.columns;
    let kind = match options.kind.or_else(|| detect_kind(records, c)) {
        Some(kind) => kind,
        None if records.is_empty() => bail!("no records"),
        None => bail!(
            "cannot tell the data kind from the fields {:?}: utterances need {:?}, replies {:?}+{:?} (or {:?}+{:?}), \
             conversations {:?} (or {:?}+{:?}); rename with --column FIELD=NAME or set --kind",
            records[0].1.keys().collect::<Vec<_>>(),
            c.text,
            c.candidates,
            c.grades,
            c.candidate,
            c.grade,
            c.turns,
            c.conversation,
            c.role
        ),
    };
    match kind {
        Kind::Utterances => {
            let mut items = Vec::new();
            for (line, record) in records {
                let id = id_of(record, &c.id).unwrap_or_else(|| format!("line-{line}"));
                let text = string_field(record, &c.text).with_context(|| format!("line {line}: no {:?}", c.text))?;
                let polarity = polarity_field(record, &c.polarity, options).with_context(|| format!("line {line}"))?;
                let emotion = emotion_field(record, &c.emotion).with_context(|| format!("line {line}"))?;
                if polarity.is_none() && emotion.is_none() {
                    continue;
                }
                items.push(Utterance { id, text, polarity, emotion });
            }
            Ok(Dataset::Classification { kind, items, conversations: 0 })
        }
        Kind::Conversations => conversations(records, format, options),
        Kind::Replies => ranking_cases(records, options).map(Dataset::Ranking),
    }
}

fn conversations(records: &[Record], format: Format, options: &DataOptions) -> anyhow::Result<Dataset> {
    let c = &options.columns;
    let mut items = Vec::new();
    let nested = records.first().is_some_and(|(_, r)| r.contains_key(&c.turns));
    if nested {
        for (line, record) in records {
            let id = id_of(record, &c.id).unwrap_or_else(|| format!("line-{line}"));
            let turns = json_field(record, &c.turns, format).with_context(|| format!("line {line}"))?;
            let Some(turns) = turns.as_ref().and_then(Value::as_array) else {
                bail!("line {line}: {:?} is not an array of turns", c.turns);
            };
            for (t, turn) in turns.iter().enumerate() {
                let Some(turn) = turn.as_object() else { bail!("line {line}: turn {t} is not an object") };
                let text = string_field(turn, &c.text).with_context(|| format!("line {line}: turn {t} has no text"))?;
                let polarity = polarity_field(turn, &c.polarity, options).with_context(|| format!("line {line}"))?;
                let emotion = emotion_field(turn, &c.emotion).with_context(|| format!("line {line}"))?;
                if polarity.is_some() || emotion.is_some() {
                    items.push(Utterance { id: format!("{id}#{t}"), text, polarity, emotion });
                }
            }
        }
        return Ok(Dataset::Classification { kind: Kind::Conversations, items, conversations: records.len() });
    }
    // One turn per row, grouped by the conversation column, turns numbered in file order.
    let mut turn_numbers: BTreeMap<String, usize> = BTreeMap::new();
    for (line, record) in records {
        let conversation =
            id_of(record, &c.conversation).with_context(|| format!("line {line}: no {:?}", c.conversation))?;
        let number = turn_numbers.entry(conversation.clone()).or_insert(0);
        let t = *number;
        *number += 1;
        let text = string_field(record, &c.text).with_context(|| format!("line {line}: no {:?}", c.text))?;
        let polarity = polarity_field(record, &c.polarity, options).with_context(|| format!("line {line}"))?;
        let emotion = emotion_field(record, &c.emotion).with_context(|| format!("line {line}"))?;
        if polarity.is_some() || emotion.is_some() {
            items.push(Utterance { id: format!("{conversation}#{t}"), text, polarity, emotion });
        }
    }
    Ok(Dataset::Classification { kind: Kind::Conversations, items, conversations: turn_numbers.len() })
}

fn ranking_cases(records: &[Record], options: &DataOptions) -> anyhow::Result<Vec<RankingCase>> {
    let c = &options.columns;
    let wide = records.first().is_some_and(|(_, r)| r.contains_key(&c.candidates));
    let mut cases: Vec<RankingCase> = Vec::new();
    for (line, record) in records {
        let at = || format!("line {line}");
        let id = id_of(record, &c.id).unwrap_or_else(|| format!("line-{line}"));
        if wide {
            let customer =
                string_field(record, &c.customer).with_context(|| format!("line {line}: no {:?}", c.customer))?;
            let candidates: Vec<String> = array_field(record, &c.candidates)
                .with_context(at)?
                .iter()
                .map(|v| v.as_str().map(str::to_string).context("a candidate is not a string"))
                .collect::<anyhow::Result<_>>()
                .with_context(at)?;
            let grades: Vec<f64> = array_field(record, &c.grades)
                .with_context(at)?
                .iter()
                .map(number)
                .collect::<anyhow::Result<_>>()
                .with_context(at)?;
            if candidates.len() != grades.len() {
                bail!("line {line}: {} candidates but {} grades", candidates.len(), grades.len());
            }
            let context = context_field(record, &c.context).with_context(at)?;
            cases.push(RankingCase { id, customer, context, candidates, grades });
        } else {
            let candidate =
                string_field(record, &c.candidate).with_context(|| format!("line {line}: no {:?}", c.candidate))?;
            let grade = record
                .get(&c.grade)
                .map(number)
                .transpose()
                .with_context(at)?
                .context(format!("line {line}: no grade"))?;
            match cases.last_mut().filter(|case| case.id == id) {
                Some(case) => {
                    case.candidates.push(candidate);
                    case.grades.push(grade);
                }
                None => {
                    let customer = string_field(record, &c.customer)
                        .with_context(|| format!("line {line}: no {:?}", c.customer))?;
                    let context = context_field(record, &c.context).with_context(at)?;
                    cases.push(RankingCase { id, customer, context, candidates: vec![candidate], grades: vec![grade] });
                }
            }
        }
    }
    Ok(cases)
}

fn id_of(record: &serde_json::Map<String, Value>, field: &str) -> Option<String> {
    match record.get(field)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn string_field(record: &serde_json::Map<String, Value>, field: &str) -> Option<String> {
    record.get(field)?.as_str().map(str::to_string)
}

/// A field holding JSON: a value in JSONL, a JSON string in CSV/TSV.
fn json_field(record: &serde_json::Map<String, Value>, field: &str, _format: Format) -> anyhow::Result<Option<Value>> {
    match record.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(serde_json::from_str(s).with_context(|| format!("{field:?} is not JSON"))?)),
        Some(other) => Ok(Some(other.clone())),
    }
}

fn array_field(record: &serde_json::Map<String, Value>, field: &str) -> anyhow::Result<Vec<Value>> {
    match json_field(record, field, Format::Jsonl)? {
        Some(Value::Array(values)) => Ok(values),
        _ => bail!("{field:?} is not an array"),
    }
}

fn number(value: &Value) -> anyhow::Result<f64> {
    match value {
        Value::Number(n) => n.as_f64().context("grade out of range"),
        Value::String(s) => s.trim().parse().with_context(|| format!("grade {s:?} is not a number")),
        other => bail!("grade {other} is not a number"),
    }
}

/// Context turns: a JSON array of `{role, text}`, or in CSV also `customer:TEXT|agent:TEXT`.
fn context_field(record: &serde_json::Map<String, Value>, field: &str) -> anyhow::Result<Vec<Turn>> {
    let value = match record.get(field) {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::String(s)) if s.trim().is_empty() => return Ok(Vec::new()),
        Some(Value::String(s)) if !s.trim_start().starts_with('[') => {
            return s
                .split('|')
                .map(|part| {
                    let (role, text) = part.split_once(':').context("a context turn is ROLE:TEXT")?;
                    Ok(Turn { role: role_of(role)?, text: text.to_string() })
                })
                .collect();
        }
        Some(Value::String(s)) => serde_json::from_str(s).context("context is not JSON")?,
        Some(other) => other.clone(),
    };
    let Value::Array(turns) = value else { bail!("{field:?} is not an array of turns") };
    turns
        .iter()
        .map(|turn| {
            let role = turn.get("role").and_then(Value::as_str).context("a context turn has no role")?;
            let text = turn.get("text").and_then(Value::as_str).context("a context turn has no text")?;
            Ok(Turn { role: role_of(role)?, text: text.to_string() })
        })
        .collect()
}

fn role_of(raw: &str) -> anyhow::Result<Role> {
    match raw.trim().to_lowercase().as_str() {
        "customer" | "user" | "客户" | "顾客" | "role_customer" => Ok(Role::Customer),
        "agent" | "assistant" | "客服" | "role_agent" => Ok(Role::Agent),
        other => bail!("unknown role {other:?}: use customer or agent"),
    }
}

fn label_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn polarity_field(
    record: &serde_json::Map<String, Value>,
    field: &str,
    options: &DataOptions,
) -> anyhow::Result<Option<Polarity>> {
    let Some(raw) = label_text(record.get(field)) else { return Ok(None) };
    if let Some(p) = options.polarity_labels.get(&raw) {
        return Ok(Some(*p));
    }
    let stripped = raw.trim_start_matches("POLARITY_").trim_start_matches("polarity_");
    match Polarity::from_label(stripped) {
        Some(p) => Ok(Some(p)),
        None => bail!("unknown polarity label {raw:?}; map it with --polarity-label {raw}=negative|neutral|positive"),
    }
}

fn emotion_field(record: &serde_json::Map<String, Value>, field: &str) -> anyhow::Result<Option<Emotion>> {
    let Some(raw) = label_text(record.get(field)) else { return Ok(None) };
    let stripped = raw.trim_start_matches("EMOTION_").trim_start_matches("emotion_");
    match Emotion::from_name(stripped) {
        Some(e) => Ok(Some(e)),
        None => bail!(
            "unknown emotion label {raw:?}; known: anger, anxiety, disappointment, confusion, gratitude, \
             satisfaction, neutral"
        ),
    }
}

/// Parses `KEY=VALUE` pairs (`--column text=content`).
pub fn key_values(pairs: &[String]) -> anyhow::Result<BTreeMap<String, String>> {
    pairs
        .iter()
        .map(|pair| {
            let (k, v) = pair.split_once('=').with_context(|| format!("{pair:?} is not KEY=VALUE"))?;
            Ok((k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

/// Parses polarity label maps (`0=negative`).
pub fn polarity_map(pairs: &BTreeMap<String, String>) -> anyhow::Result<BTreeMap<String, Polarity>> {
    pairs
        .iter()
        .map(|(raw, name)| {
            let p = Polarity::from_label(name)
                .with_context(|| format!("--polarity-label {raw}={name}: use negative, neutral or positive"))?;
            Ok((raw.clone(), p))
        })
        .collect()
}
