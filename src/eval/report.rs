//! The report: `report.json` (schema below), `report.md`, SVG charts under `charts/`, and one self-contained
//! `report.html` that inlines them.
//!
//! # report.json, schema `gongqing.eval.report/v1`
//! Fields are only ever added within a schema version.
//! - `schema`, `tool` (`gongqing X.Y.Z`), `created_at` (RFC 3339, UTC), `name`, `input` (the data or scenario file)
//! - `target`: `{kind: "remote"|"inprocess", address}`
//! - `server`: the target's Info (`version`, `backend`, `model`, `fallback_reason`, `labels`, `max_input_tokens`,
//!   `limits`, `model_description`), or null with `server_error`
//! - `polarity`, `emotion` (classification runs): `{mode, n, correct, accuracy, macro_f1, labels,
//!   per_class: {LABEL: {precision, recall, f1, support, predicted}}, confusion: {labels, matrix[gold][pred]},
//!   calibration: {ece, bins: [{lower, upper, count, confidence, accuracy}]}}`; in a multi-step run, those of the
//!   first step that has them, with `step` naming it
//! - `ranking` (ranking runs): `{n, ndcg@1, ndcg@3, top1, mrr, pairwise_accuracy, pairs, acceptance: {candidates,
//!   accept_rate, log_loss, brier, calibration}}`, same rule
//! - `latency` (always): `{requests, min_ms, mean_ms, p50_ms, p90_ms, p99_ms, max_ms, histogram}` over every
//!   measured request of every step
//! - `errors`: `{total, by_code: {CODE: n}, items_failed, examples}`, summed over steps
//! - `thresholds`: `[{step, metric, op, value, actual, passed, skipped}]`; `passed`: all thresholds hold
//! - `steps`: one full report per step: `name`, `skipped`, `data` `{path, kind, items, conversations,
//!   polarity_classes}`, `load` `{concurrency, batch_size, warmup, requests, duration_s}`, the metric objects
//!   above, `throughput` `{wall_s, requests_per_s, items_per_s}`, `errors`, `thresholds`, `passed`,
//!   `items` (per utterance: `id, text, gold_polarity, pred_polarity, service_polarity, polarity_confidence,
//!   polarity_correct, gold_emotion, pred_emotion, emotion_confidence, emotion_correct, error`) and
//!   `cases` (per ranking case: `id, customer, order, grades, scores{ndcg@1, ndcg@3, top1, reciprocal_rank, pairs,
//!   pairs_correct}, error`)
//! - `definitions`: how each metric is computed, in words

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use serde::{Deserialize, Serialize};

use super::charts::{self, esc};
use super::load::Errors;
use super::metrics::{self, ClassificationMetrics, Latency, RankingMetrics};
use super::scenario::ThresholdResult;
use super::step::StepReport;
use crate::proto;

pub const SCHEMA: &str = "gongqing.eval.report/v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetSummary {
    pub kind: String,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerLimits {
    pub max_texts: u32,
    pub max_text_bytes: u32,
    pub max_candidates: u32,
    pub max_context_turns: u32,
}

/// The target's `Info`, so that a report can be traced to a model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerInfo {
    pub version: String,
    pub backend: String,
    pub model: String,
    pub fallback_reason: String,
    pub labels: Vec<String>,
    pub max_input_tokens: u32,
    pub limits: Option<ServerLimits>,
    pub model_description: String,
}

impl From<&proto::InfoResponse> for ServerInfo {
    fn from(info: &proto::InfoResponse) -> Self {
        ServerInfo {
            version: info.version.clone(),
            backend: proto::Backend::try_from(info.backend)
                .map(|b| b.as_str_name().to_string())
                .unwrap_or_else(|_| format!("BACKEND_{}", info.backend)),
            model: info.model.clone(),
            fallback_reason: info.fallback_reason.clone(),
            labels: info.labels.clone(),
            max_input_tokens: info.max_input_tokens,
            limits: info.limits.map(|l| ServerLimits {
                max_texts: l.max_texts,
                max_text_bytes: l.max_text_bytes,
                max_candidates: l.max_candidates,
                max_context_turns: l.max_context_turns,
            }),
            model_description: info.model_description.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub tool: String,
    pub created_at: String,
    pub name: String,
    pub input: String,
    pub target: TargetSummary,
    pub server: Option<ServerInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity: Option<ClassificationMetrics>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotion: Option<ClassificationMetrics>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ranking: Option<RankingMetrics>,
    pub latency: Latency,
    pub errors: Errors,
    pub thresholds: Vec<ThresholdResult>,
    pub passed: bool,
    pub steps: Vec<StepReport>,
    #[serde(default)]
    pub definitions: BTreeMap<String, String>,
}

pub fn definitions() -> BTreeMap<String, String> {
    [
        ("accuracy", "correct / evaluated items; items whose request failed are left out and counted in errors.items_failed"),
        ("macro_f1", "unweighted mean of per-class F1 over the labels present in gold or predictions (scikit-learn average=\"macro\"); a zero denominator gives 0"),
        ("confusion", "matrix[gold][predicted], rows and columns in labels order"),
        ("calibration", "confidence = the probability given to the predicted label; 10 equal-width bins, bin = min(floor(10c), 9); ECE = sum over bins of n_b/N * |accuracy_b - confidence_b|; answers without a probability for their label are left out"),
        ("binary", "on 2-class gold data (no neutral label, or --polarity-classes 2): predicted = positive if P(positive) > P(negative) else negative; confidence = max(P-, P+) / (P- + P+); the service's neutral answer is not used"),
        ("ndcg@k", "DCG@k = sum_{i=1..k} (2^g_i - 1) / log2(i + 1) in the service's order, divided by the DCG@k of the grades sorted best first; all-zero grades score 0"),
        ("top1", "share of cases whose first-ranked candidate has the case's best grade"),
        ("mrr", "mean of 1 / rank of the first candidate with the case's best grade"),
        ("pairwise_accuracy", "over all candidate pairs with different grades, pooled over cases: share ranked with the better one first"),
        ("acceptance", "each ranked candidate's score against accepted = grade >= 2: mean log-loss (scores clamped to [1e-6, 1 - 1e-6]), Brier score, and the calibration bins and ECE with accuracy = share accepted"),
        ("latency", "wall time of each measured request (warm-up excluded, failures included); percentiles by nearest rank: the ceil(p/100 * n)-th smallest"),
        ("throughput", "measured requests and items (texts or ranking cases) divided by the measured wall time"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// Assembles the top-level report from the steps.
#[allow(clippy::too_many_arguments)]
pub fn assemble(
    name: &str,
    input: &str,
    target: TargetSummary,
    server: Result<ServerInfo, String>,
    steps: Vec<StepReport>,
) -> Report {
    let first = |f: &dyn Fn(&StepReport) -> bool| steps.iter().find(|s| f(s));
    let polarity = first(&|s| s.polarity.is_some()).map(|s| {
        let mut m = s.polarity.clone().expect("checked");
        m.step = Some(s.name.clone());
        m
    });
    let emotion = first(&|s| s.emotion.is_some()).map(|s| {
        let mut m = s.emotion.clone().expect("checked");
        m.step = Some(s.name.clone());
        m
    });
    let ranking = first(&|s| s.ranking.is_some()).map(|s| {
        let mut m = s.ranking.clone().expect("checked");
        m.step = Some(s.name.clone());
        m
    });
    let all_ms: Vec<f64> = steps.iter().flat_map(|s| s.latencies_ms.iter().copied()).collect();
    let mut errors = Errors::default();
    for s in &steps {
        errors.total += s.errors.total;
        errors.items_failed += s.errors.items_failed;
        for (code, n) in &s.errors.by_code {
            *errors.by_code.entry(code.clone()).or_insert(0) += n;
        }
        for e in &s.errors.examples {
            if errors.examples.len() < 5 && !errors.examples.contains(e) {
                errors.examples.push(e.clone());
            }
        }
    }
    let thresholds: Vec<ThresholdResult> = steps.iter().flat_map(|s| s.thresholds.clone()).collect();
    let (server, server_error) = match server {
        Ok(info) => (Some(info), None),
        Err(e) => (None, Some(e)),
    };
    Report {
        schema: SCHEMA.into(),
        tool: format!("gongqing {}", env!("CARGO_PKG_VERSION")),
        created_at: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
        name: name.to_string(),
        input: input.to_string(),
        target,
        server,
        server_error,
        polarity,
        emotion,
        ranking,
        latency: metrics::latency(&all_ms),
        errors,
        passed: thresholds.iter().all(|t| t.passed),
        thresholds,
        steps,
        definitions: definitions(),
    }
}

/// A file-name-safe version of a step name.
fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c.to_ascii_lowercase() } else { '-' })
        .collect();
    if s.trim_matches('-').is_empty() {
        "step".into()
    } else {
        s
    }
}

/// Charts of one step: (file name, caption, svg).
pub fn step_charts(step: &StepReport) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let base = slug(&step.name);
    for (task, m) in [("polarity", &step.polarity), ("emotion", &step.emotion)] {
        if let Some(m) = m {
            out.push((
                format!("{base}-{task}-confusion.svg"),
                format!("{task} confusion matrix ({})", m.mode),
                charts::confusion(&m.confusion, &format!("{task} · confusion matrix")),
            ));
            out.push((
                format!("{base}-{task}-reliability.svg"),
                format!("{task} reliability diagram"),
                charts::reliability(&m.calibration, &format!("{task} · reliability")),
            ));
        }
    }
    if let Some(r) = &step.ranking {
        out.push((format!("{base}-ranking.svg"), "ranking metrics".into(), charts::ranking(r, "reply ranking")));
    }
    if let Some(l) = &step.latency {
        out.push((format!("{base}-latency.svg"), "latency histogram".into(), charts::latency(l, "request latency")));
    }
    out
}

/// Writes report.json, report.md, report.html and charts/*.svg into `dir`.
pub fn write(report: &Report, dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir.join("charts")).with_context(|| format!("creating {}", dir.display()))?;
    std::fs::write(dir.join("report.json"), serde_json::to_string_pretty(report)? + "\n")?;
    std::fs::write(dir.join("report.md"), markdown(report))?;
    for step in &report.steps {
        for (file, _, svg) in step_charts(step) {
            std::fs::write(dir.join("charts").join(file), svg)?;
        }
    }
    std::fs::write(dir.join("report.html"), html(report))?;
    Ok(())
}

fn f3(v: f64) -> String {
    format!("{v:.3}")
}

fn opt3(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), f3)
}

/// One line per headline metric, for the terminal.
pub fn summary_lines(report: &Report) -> Vec<String> {
    let mut lines = Vec::new();
    for step in &report.steps {
        if let Some(reason) = &step.skipped {
            lines.push(format!("{}: skipped ({reason})", step.name));
            continue;
        }
        let n = step.data.as_ref().map_or(0, |d| d.items);
        let mut parts = vec![format!("{}: {n} items", step.name)];
        if let Some(m) = &step.polarity {
            parts.push(format!(
                "polarity ({}) accuracy {} macro-F1 {} ECE {}",
                m.mode,
                f3(m.accuracy),
                f3(m.macro_f1),
                f3(m.calibration.ece)
            ));
        }
        if let Some(m) = &step.emotion {
            parts.push(format!("emotion accuracy {} macro-F1 {}", f3(m.accuracy), f3(m.macro_f1)));
        }
        if let Some(r) = &step.ranking {
            parts.push(format!(
                "NDCG@1 {} NDCG@3 {} top-1 {} MRR {} pairwise {}",
                f3(r.ndcg1),
                f3(r.ndcg3),
                f3(r.top1),
                f3(r.mrr),
                f3(r.pairwise_accuracy)
            ));
            if let Some(a) = &r.acceptance {
                parts.push(format!(
                    "score vs accepted (grade >= 2): log-loss {} Brier {} ECE {}",
                    f3(a.log_loss),
                    f3(a.brier),
                    f3(a.calibration.ece)
                ));
            }
        }
        if !step.faults.is_empty() {
            let faults: Vec<String> = step
                .faults
                .iter()
                .map(|(name, t)| format!("{name} {} (best {}, grade-0 {})", t.candidates, t.on_best, t.on_grade0))
                .collect();
            parts.push(format!("faults: {}", faults.join(", ")));
        }
        if let (Some(l), Some(t)) = (&step.latency, &step.throughput) {
            parts.push(format!("latency p50 {:.1} ms p99 {:.1} ms, {:.1} req/s", l.p50_ms, l.p99_ms, t.requests_per_s));
        }
        if step.errors.total > 0 {
            parts.push(format!("{} failed requests {:?}", step.errors.total, step.errors.by_code));
        }
        lines.push(parts.join("; "));
    }
    for t in &report.thresholds {
        lines.push(format!(
            "threshold {}: {} {} {} → {} {}",
            t.step,
            t.metric,
            t.op,
            t.value,
            opt3(t.actual),
            if t.skipped {
                "skipped"
            } else if t.passed {
                "ok"
            } else {
                "FAILED"
            }
        ));
    }
    lines
}

fn md_classification(out: &mut String, task: &str, m: &ClassificationMetrics) {
    let _ = writeln!(
        out,
        "### {task} ({})\n\n{} items, accuracy **{}**, macro-F1 **{}**, ECE {}\n",
        m.mode,
        m.n,
        f3(m.accuracy),
        f3(m.macro_f1),
        f3(m.calibration.ece)
    );
    let _ = writeln!(out, "| class | precision | recall | F1 | support | predicted |\n|---|---|---|---|---|---|");
    for label in &m.labels {
        let c = &m.per_class[label];
        let _ = writeln!(
            out,
            "| {label} | {} | {} | {} | {} | {} |",
            f3(c.precision),
            f3(c.recall),
            f3(c.f1),
            c.support,
            c.predicted
        );
    }
    let _ = writeln!(out, "\nConfusion matrix (rows gold, columns predicted):\n");
    let _ = writeln!(out, "| gold \\ predicted | {} |", m.confusion.labels.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(m.confusion.labels.len()));
    for (label, row) in m.confusion.labels.iter().zip(&m.confusion.matrix) {
        let cells: Vec<String> = row.iter().map(|c| c.to_string()).collect();
        let _ = writeln!(out, "| {label} | {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# gongqing eval: {}\n", report.name);
    let target = if report.target.kind == report.target.address {
        report.target.kind.clone()
    } else {
        format!("{} (`{}`)", report.target.kind, report.target.address)
    };
    let _ = writeln!(out, "- input: `{}`\n- created: {}\n- target: {target}", report.input, report.created_at);
    match &report.server {
        Some(s) => {
            let _ = writeln!(
                out,
                "- server: gongqing {} · {} · model `{}`{}{}",
                s.version,
                s.backend,
                if s.model.is_empty() { "—" } else { &s.model },
                if s.model_description.is_empty() { String::new() } else { format!(" · {}", s.model_description) },
                if s.fallback_reason.is_empty() {
                    String::new()
                } else {
                    format!(" · fallback: {}", s.fallback_reason)
                }
            );
        }
        None => {
            let _ = writeln!(out, "- server: Info failed: {}", report.server_error.as_deref().unwrap_or("?"));
        }
    }
    let _ = writeln!(
        out,
        "- latency (all requests): p50 {:.2} ms · p90 {:.2} ms · p99 {:.2} ms · max {:.2} ms · {} requests",
        report.latency.p50_ms,
        report.latency.p90_ms,
        report.latency.p99_ms,
        report.latency.max_ms,
        report.latency.requests
    );
    let codes: Vec<String> = report.errors.by_code.iter().map(|(code, n)| format!("{code} {n}")).collect();
    let _ = writeln!(
        out,
        "- errors: {} failed requests{}",
        report.errors.total,
        if codes.is_empty() { String::new() } else { format!(" ({})", codes.join(", ")) }
    );
    if !report.thresholds.is_empty() {
        let _ = writeln!(out, "- thresholds: **{}**", if report.passed { "all passed" } else { "FAILED" });
    }
    out.push('\n');
    for step in &report.steps {
        let _ = writeln!(out, "## {}\n", step.name);
        if let Some(reason) = &step.skipped {
            let _ = writeln!(out, "Skipped: {reason}\n");
            continue;
        }
        if let Some(d) = &step.data {
            let _ = writeln!(
                out,
                "`{}` · {} · {} items{} · concurrency {} · batch {} · warm-up {}\n",
                d.path,
                d.kind.name(),
                d.items,
                d.conversations.map_or(String::new(), |c| format!(" in {c} conversations")),
                step.load.concurrency,
                step.load.batch_size,
                step.load.warmup
            );
        }
        if let Some(m) = &step.polarity {
            md_classification(&mut out, "Polarity", m);
        }
        if let Some(m) = &step.emotion {
            md_classification(&mut out, "Emotion", m);
        }
        if let Some(r) = &step.ranking {
            let _ = writeln!(
                out,
                "### Ranking\n\n| cases | NDCG@1 | NDCG@3 | top-1 | MRR | pairwise accuracy (pairs) |\n|---|---|---|---|---|---|\n| {} | {} | {} | {} | {} | {} ({}) |\n",
                r.n,
                f3(r.ndcg1),
                f3(r.ndcg3),
                f3(r.top1),
                f3(r.mrr),
                f3(r.pairwise_accuracy),
                r.pairs
            );
            if let Some(a) = &r.acceptance {
                let _ = writeln!(
                    out,
                    "Score as the probability that a trainer accepts the reply (grade ≥ 2), over {} candidates ({} accepted): log-loss {}, Brier {}, ECE {}.\n",
                    a.candidates,
                    f3(a.accept_rate),
                    f3(a.log_loss),
                    f3(a.brier),
                    f3(a.calibration.ece)
                );
            }
        }
        if !step.faults.is_empty() {
            let _ = writeln!(
                out,
                "### Faults reported\n\n| fault | candidates | on the best-graded | on grade 0 |\n|---|---|---|---|"
            );
            for (name, t) in &step.faults {
                let _ = writeln!(out, "| {name} | {} | {} | {} |", t.candidates, t.on_best, t.on_grade0);
            }
            let _ = writeln!(out);
        }
        if let (Some(l), Some(t)) = (&step.latency, &step.throughput) {
            let _ = writeln!(
                out,
                "### Load\n\n| requests | p50 ms | p90 ms | p99 ms | max ms | req/s | items/s | failed |\n|---|---|---|---|---|---|---|---|\n| {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.1} | {:.1} | {} |\n",
                l.requests, l.p50_ms, l.p90_ms, l.p99_ms, l.max_ms, t.requests_per_s, t.items_per_s, step.errors.total
            );
            for (code, n) in &step.errors.by_code {
                let _ = writeln!(out, "- {code}: {n}");
            }
        }
        if !step.thresholds.is_empty() {
            let _ = writeln!(out, "### Thresholds\n\n| metric | wanted | actual | |\n|---|---|---|---|");
            for t in &step.thresholds {
                let _ = writeln!(
                    out,
                    "| {} | {} {} | {} | {} |",
                    t.metric,
                    t.op,
                    t.value,
                    opt3(t.actual),
                    if t.passed { "✅" } else { "❌" }
                );
            }
            out.push('\n');
        }
        let wrong: Vec<_> = step.items.iter().filter(|i| i.polarity_correct == Some(false)).take(10).collect();
        if !wrong.is_empty() {
            let _ = writeln!(out, "### Polarity errors (first {})\n\n| id | text | gold | predicted | confidence |\n|---|---|---|---|---|", wrong.len());
            for i in wrong {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    md_cell(&i.id),
                    md_cell(&i.text),
                    i.gold_polarity.as_deref().unwrap_or(""),
                    i.pred_polarity.as_deref().unwrap_or(""),
                    opt3(i.polarity_confidence)
                );
            }
            out.push('\n');
        }
    }
    out
}

const CSS: &str = r#"
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; --ok: #1a7f37; --bad: #cf222e; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 24px 48px; }
header { display: flex; align-items: flex-start; justify-content: space-between; gap: 16px; margin-bottom: 18px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 2px; }
h3 { font-size: 15px; margin: 18px 0 8px; }
.sub, .meta { color: var(--muted); margin: 0; }
.badge { display: inline-block; padding: 4px 12px; border-radius: 999px; font-weight: 600; font-size: 13px; white-space: nowrap; }
.badge.ok { background: #dafbe1; color: var(--ok); }
.badge.bad { background: #ffebe9; color: var(--bad); }
.badge.none { background: #eaeef2; color: var(--muted); }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(116px, 1fr)); gap: 8px; margin: 0 0 18px; }
.kpi { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; }
.kpi .v { font-size: 22px; font-weight: 650; white-space: nowrap; }
.kpi .k { color: var(--muted); font-size: 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 18px 20px; margin: 0 0 18px; }
.grid { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure { margin: 0; border: 1px solid #eaeef2; border-radius: 8px; padding: 6px; background: #fff; }
figcaption { color: var(--muted); font-size: 12px; text-align: center; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid #eaeef2; padding: 5px 10px; text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; background: #fafbfc; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: var(--ok); } .bad { color: var(--bad); }
.small { font-size: 12px; color: var(--muted); }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
"#;

fn kpi(out: &mut String, value: &str, key: &str) {
    let _ = write!(
        out,
        "<div class=\"kpi\"><div class=\"v\">{}</div><div class=\"k\">{}</div></div>",
        esc(value),
        esc(key)
    );
}

fn html_classification(out: &mut String, task: &str, m: &ClassificationMetrics, charts: &[(String, String, String)]) {
    let _ = write!(
        out,
        "<h3>{} <span class=\"small\">({}, {} items)</span></h3><p>accuracy <b>{}</b> · macro-F1 <b>{}</b> · ECE <b>{}</b></p><div class=\"grid\">",
        esc(&task[..1].to_uppercase()) + &task[1..],
        esc(&m.mode),
        m.n,
        f3(m.accuracy),
        f3(m.macro_f1),
        f3(m.calibration.ece)
    );
    for (file, caption, svg) in charts.iter().filter(|(f, _, _)| f.contains(&format!("-{task}-"))) {
        let _ = write!(out, "<figure id=\"{}\">{svg}<figcaption>{}</figcaption></figure>", esc(file), esc(caption));
    }
    let _ = write!(out, "<table><thead><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th><th>support</th><th>predicted</th></tr></thead><tbody>");
    for label in &m.labels {
        let c = &m.per_class[label];
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(label),
            f3(c.precision),
            f3(c.recall),
            f3(c.f1),
            c.support,
            c.predicted
        );
    }
    out.push_str("</tbody></table></div>");
}

/// The self-contained HTML page (well-formed XHTML, charts inlined).
pub fn html(report: &Report) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>gongqing eval · {}</title>\
         <style>{CSS}</style></head><body><main>",
        esc(&report.name)
    );
    let badge = if report.thresholds.is_empty() {
        "<span class=\"badge none\">no thresholds</span>".to_string()
    } else if report.passed {
        format!("<span class=\"badge ok\">✓ {} thresholds passed</span>", report.thresholds.len())
    } else {
        let failed = report.thresholds.iter().filter(|t| !t.passed).count();
        format!("<span class=\"badge bad\">✗ {failed} of {} thresholds failed</span>", report.thresholds.len())
    };
    let server = match &report.server {
        Some(s) => format!(
            "gongqing {} · {}{}{}",
            s.version,
            s.backend,
            if s.model.is_empty() { String::new() } else { format!(" · {}", s.model) },
            if s.model_description.is_empty() { String::new() } else { format!(" · {}", s.model_description) }
        ),
        None => format!("Info failed: {}", report.server_error.as_deref().unwrap_or("?")),
    };
    let _ = write!(
        o,
        "<header><div><h1>gongqing eval · {}</h1><p class=\"sub\">{} · target {}</p><p class=\"sub\">server: {}</p></div>{badge}</header>",
        esc(&report.name),
        esc(&report.created_at),
        if report.target.kind == report.target.address {
            esc(&report.target.kind)
        } else {
            format!("{} <code>{}</code>", esc(&report.target.kind), esc(&report.target.address))
        },
        esc(&server)
    );
    o.push_str("<section class=\"kpis\">");
    if let Some(m) = &report.polarity {
        kpi(&mut o, &f3(m.accuracy), &format!("polarity accuracy ({})", m.mode));
        kpi(&mut o, &f3(m.macro_f1), "polarity macro-F1");
    }
    if let Some(m) = &report.emotion {
        kpi(&mut o, &f3(m.accuracy), "emotion accuracy");
        kpi(&mut o, &f3(m.macro_f1), "emotion macro-F1");
    }
    if let Some(r) = &report.ranking {
        kpi(&mut o, &f3(r.ndcg3), "ranking NDCG@3");
        kpi(&mut o, &f3(r.top1), "ranking top-1");
    }
    kpi(&mut o, &format!("{:.1} ms", report.latency.p50_ms), "latency p50");
    kpi(&mut o, &format!("{:.1} ms", report.latency.p99_ms), "latency p99");
    kpi(&mut o, &report.errors.total.to_string(), "failed requests");
    o.push_str("</section>");
    for step in &report.steps {
        let _ = write!(o, "<section class=\"card\"><h2>{}</h2>", esc(&step.name));
        if let Some(reason) = &step.skipped {
            let _ = write!(o, "<p class=\"meta\">Skipped: {}</p></section>", esc(reason));
            continue;
        }
        if let Some(d) = &step.data {
            let _ = write!(
                o,
                "<p class=\"meta\"><code>{}</code> · {} · {} items{} · concurrency {} · batch {} · warm-up {}</p>",
                esc(&d.path),
                d.kind.name(),
                d.items,
                d.conversations.map_or(String::new(), |c| format!(" in {c} conversations")),
                step.load.concurrency,
                step.load.batch_size,
                step.load.warmup
            );
        }
        let charts = step_charts(step);
        if let Some(m) = &step.polarity {
            html_classification(&mut o, "polarity", m, &charts);
        }
        if let Some(m) = &step.emotion {
            html_classification(&mut o, "emotion", m, &charts);
        }
        if let Some(r) = &step.ranking {
            let _ = write!(
                o,
                "<h3>Reply ranking <span class=\"small\">({} cases, {} graded pairs)</span></h3><div class=\"grid\">",
                r.n, r.pairs
            );
            for (file, caption, svg) in charts.iter().filter(|(f, _, _)| f.ends_with("-ranking.svg")) {
                let _ =
                    write!(o, "<figure id=\"{}\">{svg}<figcaption>{}</figcaption></figure>", esc(file), esc(caption));
            }
            let worst: Vec<_> = {
                let mut cases: Vec<_> = step.cases.iter().filter(|c| c.scores.is_some()).collect();
                cases.sort_by(|a, b| {
                    let (a, b) = (a.scores.as_ref().expect("some"), b.scores.as_ref().expect("some"));
                    a.ndcg3.total_cmp(&b.ndcg3)
                });
                cases.into_iter().take(8).collect()
            };
            if !worst.is_empty() {
                o.push_str("<table><thead><tr><th>weakest cases</th><th>NDCG@3</th><th>grades in ranked order</th></tr></thead><tbody>");
                for c in worst {
                    let s = c.scores.as_ref().expect("some");
                    let grades: Vec<String> = c.order.iter().map(|i| format!("{}", c.grades[*i])).collect();
                    let _ = write!(
                        o,
                        "<tr><td>{}<br/><span class=\"small\">{}</span></td><td class=\"n\">{}</td><td>{}</td></tr>",
                        esc(&c.id),
                        esc(&truncate(&c.customer, 60)),
                        f3(s.ndcg3),
                        esc(&grades.join(" › "))
                    );
                }
                o.push_str("</tbody></table>");
            }
            o.push_str("</div>");
        }
        if let (Some(l), Some(t)) = (&step.latency, &step.throughput) {
            o.push_str("<h3>Load and latency</h3><div class=\"grid\">");
            for (file, caption, svg) in charts.iter().filter(|(f, _, _)| f.ends_with("-latency.svg")) {
                let _ =
                    write!(o, "<figure id=\"{}\">{svg}<figcaption>{}</figcaption></figure>", esc(file), esc(caption));
            }
            let _ = write!(
                o,
                "<table><tbody><tr><th>requests</th><td class=\"n\">{}</td></tr><tr><th>p50</th><td class=\"n\">{:.2} ms</td></tr>\
                 <tr><th>p90</th><td class=\"n\">{:.2} ms</td></tr><tr><th>p99</th><td class=\"n\">{:.2} ms</td></tr>\
                 <tr><th>max</th><td class=\"n\">{:.2} ms</td></tr><tr><th>throughput</th><td class=\"n\">{:.1} req/s · {:.1} items/s</td></tr>\
                 <tr><th>failed requests</th><td class=\"n\">{}</td></tr>",
                l.requests, l.p50_ms, l.p90_ms, l.p99_ms, l.max_ms, t.requests_per_s, t.items_per_s, step.errors.total
            );
            for (code, n) in &step.errors.by_code {
                let _ = write!(o, "<tr><th class=\"bad\">{}</th><td class=\"n\">{n}</td></tr>", esc(code));
            }
            o.push_str("</tbody></table></div>");
        }
        if !step.thresholds.is_empty() {
            o.push_str("<h3>Thresholds</h3><table><thead><tr><th>metric</th><th>wanted</th><th>actual</th><th></th></tr></thead><tbody>");
            for t in &step.thresholds {
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td>{} {}</td><td class=\"n\">{}</td><td class=\"{}\">{}</td></tr>",
                    esc(&t.metric),
                    esc(&t.op),
                    t.value,
                    opt3(t.actual),
                    if t.passed { "ok" } else { "bad" },
                    if t.passed { "✓ pass" } else { "✗ fail" }
                );
            }
            o.push_str("</tbody></table>");
        }
        let wrong: Vec<_> = step
            .items
            .iter()
            .filter(|i| i.polarity_correct == Some(false) || i.emotion_correct == Some(false) || i.error.is_some())
            .take(12)
            .collect();
        if !wrong.is_empty() {
            let total_wrong = step
                .items
                .iter()
                .filter(|i| i.polarity_correct == Some(false) || i.emotion_correct == Some(false) || i.error.is_some())
                .count();
            let _ = write!(
                o,
                "<h3>Misread items <span class=\"small\">(first {} of {total_wrong}; all in report.json)</span></h3><table><thead><tr><th>id</th><th>text</th><th>polarity gold → predicted</th><th>emotion gold → predicted</th></tr></thead><tbody>",
                wrong.len()
            );
            for i in wrong {
                let pol = match (&i.gold_polarity, &i.pred_polarity) {
                    (Some(g), Some(p)) => format!("{g} → {p} ({})", opt3(i.polarity_confidence)),
                    _ => i.error.clone().unwrap_or_default(),
                };
                let emo = match (&i.gold_emotion, &i.pred_emotion) {
                    (Some(g), Some(p)) => format!("{g} → {p}"),
                    _ => String::new(),
                };
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td class=\"{}\">{}</td></tr>",
                    esc(&i.id),
                    esc(&truncate(&i.text, 80)),
                    if i.polarity_correct == Some(true) { "ok" } else { "bad" },
                    esc(&pol),
                    if i.emotion_correct == Some(true) { "ok" } else { "bad" },
                    esc(&emo)
                );
            }
            o.push_str("</tbody></table>");
        }
        o.push_str("</section>");
    }
    if let Some(s) = &report.server {
        let _ = write!(
            o,
            "<section class=\"card\"><h2>Server</h2><table><tbody><tr><th>version</th><td>{}</td></tr><tr><th>backend</th><td>{}</td></tr>\
             <tr><th>model</th><td>{}</td></tr><tr><th>model description</th><td>{}</td></tr><tr><th>fallback reason</th><td>{}</td></tr>\
             <tr><th>labels</th><td>{}</td></tr><tr><th>max input tokens</th><td>{}</td></tr><tr><th>limits</th><td>{}</td></tr></tbody></table></section>",
            esc(&s.version),
            esc(&s.backend),
            esc(&s.model),
            esc(&s.model_description),
            esc(&s.fallback_reason),
            esc(&s.labels.join(", ")),
            s.max_input_tokens,
            esc(&s.limits.as_ref().map_or(String::new(), |l| format!(
                "{} texts · {} bytes per text · {} candidates · {} context turns",
                l.max_texts, l.max_text_bytes, l.max_candidates, l.max_context_turns
            )))
        );
    }
    let _ = writeln!(
        o,
        "<footer>{} · schema {} · input <code>{}</code> · metric definitions in report.json → definitions</footer></main></body></html>",
        esc(&report.tool),
        esc(&report.schema),
        esc(&report.input)
    );
    o
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).collect::<String>() + "…"
    }
}
