//! The load runner: sends the requests of a step with a given concurrency, after an optional warm-up, for one
//! pass over the data or longer (`requests`, `duration`), timing each one. A failing request is counted under its
//! gRPC status code and the run goes on; it never aborts.
//!
//! Quality is read from the first pass only (each data item once); extra passes only add timings.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};

use super::target::Target;
use crate::api::convert::code_name;
use crate::proto;

/// One request.
#[derive(Debug, Clone)]
pub enum Call {
    Classify(Vec<String>),
    Rank(proto::RankRepliesRequest),
}

impl Call {
    /// Data items the request carries: texts for Classify, 1 case for RankReplies.
    pub fn items(&self) -> usize {
        match self {
            Call::Classify(texts) => texts.len(),
            Call::Rank(_) => 1,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Answer {
    Classify(proto::ClassifyResponse),
    Rank(proto::RankRepliesResponse),
}

/// A failed request: its status code name (`INVALID_ARGUMENT`, `UNAVAILABLE`, …) and message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    pub code: String,
    pub message: String,
}

/// How hard and how long to drive the target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadPlan {
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Texts per Classify request.
    pub batch_size: usize,
    /// Requests sent (and not measured) before the run.
    pub warmup: usize,
    /// Measured requests at least (cycling over the data); default one pass.
    pub requests: Option<usize>,
    /// Keep sending for this long (at least one pass), in seconds.
    pub duration_s: Option<f64>,
}

impl Default for LoadPlan {
    fn default() -> Self {
        LoadPlan { concurrency: 4, batch_size: 16, warmup: 2, requests: None, duration_s: None }
    }
}

/// Errors of the measured requests.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Errors {
    /// Failed requests.
    pub total: usize,
    /// Failed requests per gRPC status code name.
    pub by_code: BTreeMap<String, usize>,
    /// Data items (texts or cases) of the first pass whose request failed; they are left out of the quality
    /// metrics.
    pub items_failed: usize,
    /// Up to 5 distinct messages, for diagnosis.
    pub examples: Vec<Failure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Throughput {
    /// Measured wall time, warm-up excluded.
    pub wall_s: f64,
    pub requests_per_s: f64,
    /// Texts (Classify) or cases (RankReplies) per second.
    pub items_per_s: f64,
}

pub struct LoadOutcome {
    /// The first pass: one answer per unit, in unit order.
    pub first_pass: Vec<Result<Answer, Failure>>,
    pub latencies_ms: Vec<f64>,
    pub errors: Errors,
    pub throughput: Throughput,
}

async fn call(target: &dyn Target, unit: &Call) -> Result<Answer, Failure> {
    let result = match unit.clone() {
        Call::Classify(texts) => target.classify(texts).await.map(Answer::Classify),
        Call::Rank(request) => target.rank(request).await.map(Answer::Rank),
    };
    result
        .map_err(|status| Failure { code: code_name(status.code()).to_string(), message: status.message().to_string() })
}

struct Shared {
    first_pass: Vec<Option<Result<Answer, Failure>>>,
    latencies_ms: Vec<f64>,
    errors: Errors,
    items: usize,
}

/// Runs `units` against `target` as `plan` says. `label` names the step on the progress bar.
pub async fn run(
    target: Arc<dyn Target>,
    units: Vec<Call>,
    plan: &LoadPlan,
    label: &str,
    progress: bool,
) -> LoadOutcome {
    let units = Arc::new(units);
    let n = units.len();
    if n > 0 {
        for k in 0..plan.warmup {
            let _ = call(target.as_ref(), &units[k % n]).await;
        }
    }
    let duration = plan.duration_s.map(Duration::from_secs_f64);
    let fixed_total = n.max(plan.requests.unwrap_or(0));
    let bar = if !progress {
        ProgressBar::hidden()
    } else if duration.is_some() {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner:.green} {msg} {pos} requests, {per_sec}, {elapsed_precise}")
                .expect("valid template"),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    } else {
        let bar = ProgressBar::new(fixed_total as u64);
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:32.cyan/blue}] {pos}/{len} requests, {per_sec}, eta {eta}")
                .expect("valid template")
                .progress_chars("=> "),
        );
        bar
    };
    bar.set_message(label.to_string());
    let shared = Arc::new(Mutex::new(Shared {
        first_pass: (0..n).map(|_| None).collect(),
        latencies_ms: Vec::new(),
        errors: Errors::default(),
        items: 0,
    }));
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = duration.map(|d| started + d);
    let requests_cap = plan.requests;
    let mut workers = Vec::new();
    for _ in 0..plan.concurrency.max(1) {
        let (target, units, shared, next, bar) =
            (target.clone(), units.clone(), shared.clone(), next.clone(), bar.clone());
        workers.push(tokio::spawn(async move {
            loop {
                let k = next.fetch_add(1, Ordering::SeqCst);
                let go_on = match deadline {
                    _ if n == 0 => false,
                    Some(deadline) => k < n || (Instant::now() < deadline && requests_cap.is_none_or(|r| k < r)),
                    None => k < fixed_total,
                };
                if !go_on {
                    break;
                }
                let unit = &units[k % n];
                let t0 = Instant::now();
                let result = call(target.as_ref(), unit).await;
                let ms = t0.elapsed().as_secs_f64() * 1000.0;
                let mut s = shared.lock().expect("not poisoned");
                s.latencies_ms.push(ms);
                s.items += unit.items();
                if let Err(failure) = &result {
                    s.errors.total += 1;
                    *s.errors.by_code.entry(failure.code.clone()).or_insert(0) += 1;
                    if k < n {
                        s.errors.items_failed += unit.items();
                    }
                    if s.errors.examples.len() < 5 && !s.errors.examples.contains(failure) {
                        s.errors.examples.push(failure.clone());
                    }
                }
                if k < n {
                    s.first_pass[k] = Some(result);
                }
                drop(s);
                bar.inc(1);
            }
        }));
    }
    for worker in workers {
        let _ = worker.await;
    }
    let wall = started.elapsed().as_secs_f64();
    bar.finish_and_clear();
    let shared = Arc::try_unwrap(shared).ok().expect("workers done").into_inner().expect("not poisoned");
    let requests = shared.latencies_ms.len();
    LoadOutcome {
        first_pass: shared
            .first_pass
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Err(Failure { code: "CANCELLED".into(), message: "not sent".into() })))
            .collect(),
        latencies_ms: shared.latencies_ms,
        errors: shared.errors,
        throughput: Throughput {
            wall_s: wall,
            requests_per_s: if wall > 0.0 { requests as f64 / wall } else { 0.0 },
            items_per_s: if wall > 0.0 { shared.items as f64 / wall } else { 0.0 },
        },
    }
}
