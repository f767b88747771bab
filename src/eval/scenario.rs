//! Scenarios: a TOML file listing several steps (a data file each, with its own load settings and thresholds).
//!
//! ```toml
//! name = "dev"                 # report title (default: the file name)
//! target = "inprocess"         # used when --target is not given
//! concurrency = 2              # defaults for every step: concurrency, batch_size, warmup, requests,
//! batch_size = 16              # duration ("30s"), kind, format, polarity_classes ("auto", "2", "3"),
//!                              # columns = { text = "content" }, polarity_labels = { "0" = "negative" }
//! [[steps]]
//! name = "utterances"
//! data = "../shared/data/dev/utterances.jsonl"   # relative to the directory gongqing runs in
//! optional = true              # skip with a message when the file is absent (else an error)
//! [steps.thresholds]
//! "polarity.accuracy" = ">= 0.65"                # OP VALUE, OP one of >= <= > < ==
//! "latency.p99_ms" = "<= 500"
//! ```
//!
//! A threshold names a number in the step's report by its JSON path (`polarity.macro_f1`, `emotion.accuracy`,
//! `ranking.ndcg@3`, `ranking.top1`, `latency.p99_ms`, `throughput.items_per_s`, `errors.total`, …). A metric
//! the step did not produce fails its threshold. `gongqing eval` exits with status 2 when a threshold fails.

use std::collections::BTreeMap;

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};

use super::data::{Format, Kind, PolarityClasses};

/// Settings a step can take; unset ones fall back to the scenario's, then the built-in defaults. Flags given
/// on the command line win over both.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StepSettings {
    pub kind: Option<Kind>,
    pub format: Option<Format>,
    pub concurrency: Option<usize>,
    pub batch_size: Option<usize>,
    pub warmup: Option<usize>,
    pub requests: Option<usize>,
    /// e.g. "30s", "2m".
    pub duration: Option<String>,
    pub polarity_classes: Option<PolarityClasses>,
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    #[serde(default)]
    pub polarity_labels: BTreeMap<String, String>,
}

impl StepSettings {
    /// `self` where set, else `fallback`.
    pub fn or(&self, fallback: &StepSettings) -> StepSettings {
        let mut columns = fallback.columns.clone();
        columns.extend(self.columns.clone());
        let mut polarity_labels = fallback.polarity_labels.clone();
        polarity_labels.extend(self.polarity_labels.clone());
        StepSettings {
            kind: self.kind.or(fallback.kind),
            format: self.format.or(fallback.format),
            concurrency: self.concurrency.or(fallback.concurrency),
            batch_size: self.batch_size.or(fallback.batch_size),
            warmup: self.warmup.or(fallback.warmup),
            requests: self.requests.or(fallback.requests),
            duration: self.duration.clone().or_else(|| fallback.duration.clone()),
            polarity_classes: self.polarity_classes.or(fallback.polarity_classes),
            columns,
            polarity_labels,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct StepSpec {
    pub name: Option<String>,
    pub data: String,
    #[serde(default)]
    pub optional: bool,
    #[serde(flatten)]
    pub settings: StepSettings,
    #[serde(default)]
    pub thresholds: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Scenario {
    pub name: Option<String>,
    pub target: Option<String>,
    #[serde(flatten)]
    pub defaults: StepSettings,
    #[serde(default)]
    pub steps: Vec<StepSpec>,
}

impl Scenario {
    pub fn parse(text: &str) -> anyhow::Result<Scenario> {
        let scenario: Scenario = toml::from_str(text).context("not a valid scenario")?;
        if scenario.steps.is_empty() {
            bail!("the scenario has no [[steps]]");
        }
        for step in &scenario.steps {
            for (metric, expr) in &step.thresholds {
                Threshold::parse(metric, expr)?;
            }
        }
        Ok(scenario)
    }
}

/// `metric OP value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub metric: String,
    pub op: String,
    pub value: f64,
}

impl Threshold {
    /// Parses `">= 0.65"` for `metric`; a bare number means `>=`.
    pub fn parse(metric: &str, expr: &str) -> anyhow::Result<Threshold> {
        let expr = expr.trim();
        let (op, rest) = ["<=", ">=", "==", "<", ">"]
            .iter()
            .find_map(|op| expr.strip_prefix(op).map(|rest| (op.to_string(), rest)))
            .unwrap_or((">=".to_string(), expr));
        let value: f64 = rest
            .trim()
            .parse()
            .with_context(|| format!("threshold {metric:?} = {expr:?}: expected OP NUMBER, e.g. \">= 0.65\""))?;
        Ok(Threshold { metric: metric.trim().to_string(), op, value })
    }

    /// Parses `metric>=value` (the `--threshold` flag).
    pub fn parse_flag(flag: &str) -> anyhow::Result<Threshold> {
        let at = flag.find(['<', '>', '=']).with_context(|| {
            format!("--threshold {flag:?}: expected METRIC OP NUMBER, e.g. polarity.accuracy>=0.65")
        })?;
        Threshold::parse(&flag[..at], &flag[at..])
    }

    pub fn holds(&self, actual: f64) -> bool {
        match self.op.as_str() {
            ">=" => actual >= self.value,
            "<=" => actual <= self.value,
            ">" => actual > self.value,
            "<" => actual < self.value,
            _ => (actual - self.value).abs() <= 1e-12,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThresholdResult {
    pub step: String,
    pub metric: String,
    pub op: String,
    pub value: f64,
    /// The measured value; null when the step did not produce the metric (which fails) or was skipped.
    pub actual: Option<f64>,
    pub passed: bool,
    #[serde(default)]
    pub skipped: bool,
}

/// Looks a number up by dotted path in a JSON value.
pub fn lookup(value: &serde_json::Value, path: &str) -> Option<f64> {
    let mut v = value;
    for part in path.split('.') {
        v = v.get(part)?;
    }
    v.as_f64().or_else(|| v.as_bool().map(|b| f64::from(u8::from(b))))
}

/// Checks thresholds against a step's report (serialized as JSON).
pub fn check(step: &str, report: &serde_json::Value, thresholds: &[Threshold], skipped: bool) -> Vec<ThresholdResult> {
    thresholds
        .iter()
        .map(|t| {
            let actual = if skipped { None } else { lookup(report, &t.metric) };
            ThresholdResult {
                step: step.to_string(),
                metric: t.metric.clone(),
                op: t.op.clone(),
                value: t.value,
                actual,
                passed: skipped || actual.is_some_and(|a| t.holds(a)),
                skipped,
            }
        })
        .collect()
}
