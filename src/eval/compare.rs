//! `gongqing eval compare A.json B.json`: metric differences between two reports, with significance tests on
//! the items both runs scored (paired by item id):
//! - accuracy (polarity, emotion) and ranking top-1: exact two-sided McNemar test on the discordant pairs, and a
//!   paired bootstrap 95% interval of the difference B − A;
//! - ranking NDCG@3: paired bootstrap 95% interval.
//!
//! The bootstrap resamples the paired items with replacement (`--bootstrap` times, seeded ChaCha8, default seed 0,
//! so runs are reproducible) and reports the 2.5th and 97.5th percentiles (nearest rank) of the mean difference.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use rand::{Rng, SeedableRng};
use serde::Serialize;

use super::metrics::{mcnemar_exact, percentile};
use super::report::Report;
use super::scenario::lookup;
use super::step::StepReport;

#[derive(Debug, Clone, Serialize)]
pub struct MetricDelta {
    pub metric: String,
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// b − a.
    pub delta: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairedTest {
    pub metric: String,
    /// Items scored in both runs.
    pub paired: usize,
    pub a: f64,
    pub b: f64,
    /// Mean of b − a over the paired items.
    pub delta: f64,
    /// Binary outcomes only: items only A got right, only B got right, and the exact McNemar p-value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a_only: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b_only: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mcnemar_p: Option<f64>,
    /// Paired bootstrap 95% interval of delta.
    pub ci95: [f64; 2],
}

#[derive(Debug, Clone, Serialize)]
pub struct StepComparison {
    pub step: String,
    pub metrics: Vec<MetricDelta>,
    pub tests: Vec<PairedTest>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub path: String,
    pub name: String,
    pub created_at: String,
    pub server: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub a: Side,
    pub b: Side,
    pub bootstrap: usize,
    pub seed: u64,
    pub steps: Vec<StepComparison>,
}

const METRICS: &[&str] = &[
    "polarity.accuracy",
    "polarity.macro_f1",
    "polarity.calibration.ece",
    "emotion.accuracy",
    "emotion.macro_f1",
    "emotion.calibration.ece",
    "ranking.ndcg@1",
    "ranking.ndcg@3",
    "ranking.top1",
    "ranking.mrr",
    "ranking.pairwise_accuracy",
    "ranking.acceptance.log_loss",
    "ranking.acceptance.calibration.ece",
    "latency.p50_ms",
    "latency.p90_ms",
    "latency.p99_ms",
    "throughput.requests_per_s",
    "errors.total",
];

/// Reads a report from a report.json file or a report directory.
pub fn read(path: &Path) -> anyhow::Result<Report> {
    let file = if path.is_dir() { path.join("report.json") } else { path.to_path_buf() };
    let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not a gongqing eval report", file.display()))
}

fn side(path: &Path, r: &Report) -> Side {
    Side {
        path: path.display().to_string(),
        name: r.name.clone(),
        created_at: r.created_at.clone(),
        server: r.server.as_ref().map_or_else(
            || "Info unavailable".to_string(),
            |s| {
                format!(
                    "gongqing {} · {} · {}",
                    s.version,
                    s.backend,
                    if s.model.is_empty() { "no model" } else { &s.model }
                )
            },
        ),
    }
}

/// Paired bootstrap interval of the mean of `diffs`.
fn bootstrap(diffs: &[f64], resamples: usize, seed: u64) -> [f64; 2] {
    if diffs.is_empty() || resamples == 0 {
        return [0.0, 0.0];
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let n = diffs.len();
    let mut means: Vec<f64> =
        (0..resamples).map(|_| (0..n).map(|_| diffs[rng.random_range(0..n)]).sum::<f64>() / n as f64).collect();
    means.sort_by(f64::total_cmp);
    [percentile(&means, 2.5), percentile(&means, 97.5)]
}

fn binary_test(metric: &str, pairs: &[(bool, bool)], resamples: usize, seed: u64) -> PairedTest {
    let n = pairs.len();
    let a_right = pairs.iter().filter(|(a, _)| *a).count();
    let b_right = pairs.iter().filter(|(_, b)| *b).count();
    let a_only = pairs.iter().filter(|(a, b)| *a && !*b).count();
    let b_only = pairs.iter().filter(|(a, b)| !*a && *b).count();
    let diffs: Vec<f64> = pairs.iter().map(|(a, b)| f64::from(u8::from(*b)) - f64::from(u8::from(*a))).collect();
    let ratio = |k: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    PairedTest {
        metric: metric.to_string(),
        paired: n,
        a: ratio(a_right),
        b: ratio(b_right),
        delta: ratio(b_right) - ratio(a_right),
        a_only: Some(a_only),
        b_only: Some(b_only),
        mcnemar_p: Some(mcnemar_exact(a_only, b_only)),
        ci95: bootstrap(&diffs, resamples, seed),
    }
}

fn compare_steps(name: &str, a: &StepReport, b: &StepReport, resamples: usize, seed: u64) -> StepComparison {
    let ja = serde_json::to_value(a).unwrap_or_default();
    let jb = serde_json::to_value(b).unwrap_or_default();
    let metrics = METRICS
        .iter()
        .filter_map(|m| {
            let (va, vb) = (lookup(&ja, m), lookup(&jb, m));
            (va.is_some() || vb.is_some()).then(|| MetricDelta {
                metric: m.to_string(),
                a: va,
                b: vb,
                delta: va.zip(vb).map(|(x, y)| y - x),
            })
        })
        .collect();
    let mut tests = Vec::new();
    let items_b: BTreeMap<&str, _> = b.items.iter().map(|i| (i.id.as_str(), i)).collect();
    for (metric, get) in [
        (
            "polarity.accuracy",
            (|i: &super::step::ItemRecord| i.polarity_correct) as fn(&super::step::ItemRecord) -> Option<bool>,
        ),
        ("emotion.accuracy", |i| i.emotion_correct),
    ] {
        let pairs: Vec<(bool, bool)> =
            a.items.iter().filter_map(|ia| Some((get(ia)?, get(items_b.get(ia.id.as_str())?)?))).collect();
        if !pairs.is_empty() {
            tests.push(binary_test(metric, &pairs, resamples, seed));
        }
    }
    let cases_b: BTreeMap<&str, _> = b.cases.iter().map(|c| (c.id.as_str(), c)).collect();
    let paired_cases: Vec<_> = a
        .cases
        .iter()
        .filter_map(|ca| Some((ca.scores.as_ref()?, cases_b.get(ca.id.as_str())?.scores.as_ref()?)))
        .collect();
    if !paired_cases.is_empty() {
        let pairs: Vec<(bool, bool)> = paired_cases.iter().map(|(x, y)| (x.top1, y.top1)).collect();
        tests.push(binary_test("ranking.top1", &pairs, resamples, seed));
        let diffs: Vec<f64> = paired_cases.iter().map(|(x, y)| y.ndcg3 - x.ndcg3).collect();
        let n = paired_cases.len() as f64;
        let ma = paired_cases.iter().map(|(x, _)| x.ndcg3).sum::<f64>() / n;
        let mb = paired_cases.iter().map(|(_, y)| y.ndcg3).sum::<f64>() / n;
        tests.push(PairedTest {
            metric: "ranking.ndcg@3".into(),
            paired: paired_cases.len(),
            a: ma,
            b: mb,
            delta: mb - ma,
            a_only: None,
            b_only: None,
            mcnemar_p: None,
            ci95: bootstrap(&diffs, resamples, seed),
        });
    }
    StepComparison { step: name.to_string(), metrics, tests }
}

/// Compares two reports step by step (steps matched by name; two single-step reports are matched regardless).
pub fn compare(path_a: &Path, a: &Report, path_b: &Path, b: &Report, resamples: usize, seed: u64) -> Comparison {
    let mut steps = Vec::new();
    let ran = |r: &Report| r.steps.iter().filter(|s| s.skipped.is_none()).cloned().collect::<Vec<_>>();
    let (sa, sb) = (ran(a), ran(b));
    if sa.len() == 1 && sb.len() == 1 {
        let name =
            if sa[0].name == sb[0].name { sa[0].name.clone() } else { format!("{} ↔ {}", sa[0].name, sb[0].name) };
        steps.push(compare_steps(&name, &sa[0], &sb[0], resamples, seed));
    } else {
        for step_a in &sa {
            if let Some(step_b) = sb.iter().find(|s| s.name == step_a.name) {
                steps.push(compare_steps(&step_a.name, step_a, step_b, resamples, seed));
            }
        }
    }
    Comparison { a: side(path_a, a), b: side(path_b, b), bootstrap: resamples, seed, steps }
}

fn num(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| if v.abs() >= 100.0 { format!("{v:.1}") } else { format!("{v:.4}") })
}

/// The comparison as text for the terminal.
pub fn render(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "A: {} ({}; {}; {})", c.a.path, c.a.name, c.a.server, c.a.created_at);
    let _ = writeln!(out, "B: {} ({}; {}; {})", c.b.path, c.b.name, c.b.server, c.b.created_at);
    if c.steps.is_empty() {
        let _ = writeln!(out, "\nno step in common (steps are matched by name)");
    }
    for step in &c.steps {
        let _ = writeln!(out, "\n[{}]", step.step);
        let _ = writeln!(out, "  {:<28} {:>10} {:>10} {:>10}", "metric", "A", "B", "B−A");
        for m in &step.metrics {
            let delta = m
                .delta
                .map_or_else(|| "—".into(), |d| if d.abs() >= 100.0 { format!("{d:+.1}") } else { format!("{d:+.4}") });
            let _ = writeln!(out, "  {:<28} {:>10} {:>10} {:>10}", m.metric, num(m.a), num(m.b), delta);
        }
        for t in &step.tests {
            let _ = write!(out, "  {}: {} paired, A {:.4} → B {:.4}, Δ {:+.4}", t.metric, t.paired, t.a, t.b, t.delta);
            if let (Some(ao), Some(bo), Some(p)) = (t.a_only, t.b_only, t.mcnemar_p) {
                let _ = write!(out, "; McNemar exact p = {p:.4} (only A right {ao}, only B right {bo})");
            }
            let significant = match t.mcnemar_p {
                Some(p) => p < 0.05,
                None => t.ci95[0] > 0.0 || t.ci95[1] < 0.0,
            };
            let verdict = if significant { "significant" } else { "not significant" };
            let _ = writeln!(
                out,
                "; bootstrap 95% CI of Δ [{:+.4}, {:+.4}] ({} resamples) → {verdict} at 5%",
                t.ci95[0], t.ci95[1], c.bootstrap
            );
        }
    }
    out
}
