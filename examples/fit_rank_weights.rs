//! Fits the reply-ranking weights (`models/ranking/weights.json`) by pairwise logistic regression and reports
//! in-sample and cross-validated NDCG@3 / top-1 / pairwise accuracy.
//!
//! ```text
//! cargo run --example fit_rank_weights -- [--data ../shared/data/dev/replies.jsonl] [--write] [--verbose] [--towards-zero]
//! ```
//!
//! Procedure (documented in `models/ranking/README.md`):
//! 1. Every candidate of every case becomes a feature row (`Ranker::features`, the same code the service runs;
//!    no customer reading is given, so the emotion interactions use the customer-text cues only).
//! 2. Every pair (better, worse) of differently graded candidates in one case gives a difference vector
//!    d = x_better − x_worse, weighted by the grade gap.
//! 3. Minimise  Σ w·log(1 + e^(−θ·d)) / Σ w  +  λ/2 · ‖θ − θ_prior‖²  with sign constraints (strength features
//!    ≥ 0, fault features ≤ 0), by accelerated projected gradient descent. θ_prior are the hand-set weights in
//!    `rank.rs` (`PRIOR_WEIGHTS`); a strong λ keeps the fit close to the seed-derived prior.
//! 4. λ is picked from a small grid by leave-one-case-out (LOCO) NDCG@3; LOCO and 5-fold-by-case metrics of
//!    the picked λ are reported next to the in-sample ones and those of the prior alone.
//!    `--write` stores the weights fitted on all cases with that λ.

use std::fs;

use gongqing::eval::metrics;
use gongqing::judge::rank::{
    feature_sign, CaseView, FeatureRow, Ranker, Weights, FEATURES, N_FEATURES,
    PRIOR_WEIGHTS,
};
use gongqing::judge::{Role, Turn};

/// Accelerated projected gradient steps per fit (converged well before this on the dev set).
const ITERATIONS: usize = 500;

struct Case {
    id: String,
    rows: Vec<FeatureRow>,
    grades: Vec<u8>,
    candidates: Vec<String>,
}

fn load(path: &str) -> Vec<Case> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let ranker = Ranker::embedded();
    let mut cases = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let context: Vec<Turn> = v["context"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|t| Turn {
                        role: if t["role"].as_str() == Some("agent") { Role::Agent } else { Role::Customer },
                        text: t["text"].as_str().unwrap_or("").to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let candidates: Vec<String> =
            v["candidates"].as_array().unwrap().iter().map(|c| c.as_str().unwrap_or("").to_string()).collect();
        let grades: Vec<u8> = v["grades"].as_array().unwrap().iter().map(|g| g.as_u64().unwrap_or(0) as u8).collect();
        let customer = v["customer"].as_str().unwrap_or("");
        let rows = ranker.features(&CaseView {
            customer,
            context: &context,
            candidates: &candidates,
            emotion: None,
            negative: None,
            relevance: None,
        });
        cases.push(Case { id: v["id"].as_str().unwrap_or("?").to_string(), rows, grades, candidates });
    }
    cases
}

fn dot(a: &[f32; N_FEATURES], b: &[f64; N_FEATURES]) -> f64 {
    a.iter().zip(b).map(|(x, w)| *x as f64 * w).sum()
}

/// Pairwise logistic regression with an L2 pull towards the prior and sign constraints.
fn fit(cases: &[&Case], lambda: f64, center: &[f64; N_FEATURES]) -> [f64; N_FEATURES] {
    let mut diffs: Vec<([f32; N_FEATURES], f64)> = Vec::new();
    for c in cases {
        for i in 0..c.rows.len() {
            for j in 0..c.rows.len() {
                if c.grades[i] > c.grades[j] {
                    let (a, b) = (&c.rows[i].values, &c.rows[j].values);
                    let d: [f32; N_FEATURES] = std::array::from_fn(|k| a[k] - b[k]);
                    diffs.push((d, (c.grades[i] - c.grades[j]) as f64));
                }
            }
        }
    }
    let prior: [f64; N_FEATURES] = *center;
    let total_w: f64 = diffs.iter().map(|d| d.1).sum::<f64>().max(1e-9);
    let max_norm2 = diffs.iter().map(|(d, _)| d.iter().map(|x| (*x as f64).powi(2)).sum::<f64>()).fold(0.0, f64::max);
    let step = 1.0 / (0.25 * max_norm2 + lambda);
    let project = |t: &mut [f64; N_FEATURES]| {
        for (k, w) in t.iter_mut().enumerate() {
            if *w * feature_sign(k) as f64 <= 0.0 {
                *w = 0.0;
            }
        }
    };
    let mut theta = prior;
    let mut y = theta;
    let mut t_acc = 1.0f64;
    for _ in 0..ITERATIONS {
        let mut grad = [0.0f64; N_FEATURES];
        for (d, w) in &diffs {
            let m = dot(d, &y);
            let s = -1.0 / (1.0 + m.exp()); // d/dm log(1+e^-m)
            for k in 0..N_FEATURES {
                grad[k] += w * s * d[k] as f64;
            }
        }
        let mut next = [0.0f64; N_FEATURES];
        for k in 0..N_FEATURES {
            next[k] = y[k] - step * (grad[k] / total_w + lambda * (y[k] - prior[k]));
        }
        project(&mut next);
        let t_next = (1.0 + (1.0 + 4.0 * t_acc * t_acc).sqrt()) / 2.0;
        for k in 0..N_FEATURES {
            y[k] = next[k] + (t_acc - 1.0) / t_next * (next[k] - theta[k]);
        }
        theta = next;
        t_acc = t_next;
    }
    theta
}

#[derive(Default, Clone, Copy)]
struct Metrics {
    ndcg3: f64,
    top1: f64,
    pairwise: f64,
}

fn ranked_grades(case: &Case, theta: &[f64; N_FEATURES]) -> (Vec<u8>, Vec<f32>) {
    let scores: Vec<f32> = case.rows.iter().map(|r| dot(&r.values, theta) as f32).collect();
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
    (order.iter().map(|i| case.grades[*i]).collect(), scores)
}

/// The evaluator's own ranking metrics (NDCG@3, top-1, pooled pairwise accuracy), so fitting and
/// `gongqing eval` report the same numbers.
fn evaluate<'a>(items: impl Iterator<Item = (&'a Case, [f64; N_FEATURES])>) -> Metrics {
    let cases: Vec<metrics::CaseScores> = items
        .map(|(case, theta)| {
            let (g, _) = ranked_grades(case, &theta);
            metrics::case_scores(&g.iter().map(|&x| f64::from(x)).collect::<Vec<_>>())
        })
        .collect();
    let m = metrics::ranking(&cases);
    Metrics { ndcg3: m.ndcg3, top1: m.top1, pairwise: m.pairwise_accuracy }
}

fn loco(cases: &[Case], lambda: f64, center: &[f64; N_FEATURES]) -> Metrics {
    let fitted: Vec<[f64; N_FEATURES]> = (0..cases.len())
        .map(|hold| {
            let train: Vec<&Case> = cases.iter().enumerate().filter(|(i, _)| *i != hold).map(|(_, c)| c).collect();
            fit(&train, lambda, center)
        })
        .collect();
    evaluate(cases.iter().zip(fitted))
}

fn kfold(cases: &[Case], lambda: f64, k: usize, center: &[f64; N_FEATURES]) -> Metrics {
    let mut thetas = vec![[0.0; N_FEATURES]; cases.len()];
    for fold in 0..k {
        let train: Vec<&Case> = cases.iter().enumerate().filter(|(i, _)| i % k != fold).map(|(_, c)| c).collect();
        let theta = fit(&train, lambda, center);
        for (i, t) in thetas.iter_mut().enumerate() {
            if i % k == fold {
                *t = theta;
            }
        }
    }
    evaluate(cases.iter().zip(thetas))
}

fn json_metrics(m: Metrics) -> serde_json::Value {
    serde_json::json!({
        "ndcg@3": (m.ndcg3 * 10000.0).round() / 10000.0,
        "top1": (m.top1 * 10000.0).round() / 10000.0,
        "pairwise_accuracy": (m.pairwise * 10000.0).round() / 10000.0,
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut data = "../shared/data/dev/replies.jsonl".to_string();
    let mut out = "models/ranking/weights.json".to_string();
    let mut write = false;
    let mut verbose = false;
    let mut towards_zero = false;
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--data" => {
                data = args.get(i + 1).cloned().unwrap_or(data);
                i += 1;
            }
            "--out" => {
                out = args.get(i + 1).cloned().unwrap_or(out);
                i += 1;
            }
            "--write" => write = true,
            "--verbose" => verbose = true,
            "--towards-zero" => towards_zero = true,
            other => panic!("unknown argument {other}"),
        }
        i += 1;
    }
    let cases = load(&data);
    println!("{} cases, {} candidates from {data}", cases.len(), cases.iter().map(|c| c.rows.len()).sum::<usize>());

    let prior: [f64; N_FEATURES] = PRIOR_WEIGHTS.map(|w| w as f64);
    let prior_m = evaluate(cases.iter().map(|c| (c, prior)));
    println!("prior weights (no fit)     NDCG@3 {:.4}  top-1 {:.4}  pairwise {:.4}", prior_m.ndcg3, prior_m.top1, prior_m.pairwise);

    let grid = [0.01, 0.03, 0.1, 0.3, 1.0];
    let mut best = (f64::NEG_INFINITY, grid[0], Metrics::default());
    let mut grid_report = Vec::new();
    for &lambda in &grid {
        let m = loco(&cases, lambda, &prior);
        if towards_zero {
            let z = loco(&cases, lambda, &[0.0; N_FEATURES]);
            println!("lambda {lambda:<5} LOCO      NDCG@3 {:.4}  top-1 {:.4}  pairwise {:.4}   | towards zero instead: NDCG@3 {:.4}  top-1 {:.4}  pairwise {:.4}", m.ndcg3, m.top1, m.pairwise, z.ndcg3, z.top1, z.pairwise);
            grid_report.push(serde_json::json!({"lambda": lambda, "loco": json_metrics(m), "loco_towards_zero": json_metrics(z)}));
        } else {
            println!("lambda {lambda:<5} LOCO      NDCG@3 {:.4}  top-1 {:.4}  pairwise {:.4}", m.ndcg3, m.top1, m.pairwise);
            grid_report.push(serde_json::json!({"lambda": lambda, "loco": json_metrics(m)}));
        }
        if m.ndcg3 + 0.5 * m.top1 > best.0 + 1e-9 {
            best = (m.ndcg3 + 0.5 * m.top1, lambda, m);
        }
    }
    let lambda = best.1;
    let all: Vec<&Case> = cases.iter().collect();
    let theta = fit(&all, lambda, &prior);
    let insample = evaluate(cases.iter().map(|c| (c, theta)));
    let five = kfold(&cases, lambda, 5, &prior);
    println!("chosen lambda {lambda}");
    println!("in-sample                  NDCG@3 {:.4}  top-1 {:.4}  pairwise {:.4}", insample.ndcg3, insample.top1, insample.pairwise);
    println!("leave-one-case-out CV      NDCG@3 {:.4}  top-1 {:.4}  pairwise {:.4}", best.2.ndcg3, best.2.top1, best.2.pairwise);
    println!("5-fold-by-case CV          NDCG@3 {:.4}  top-1 {:.4}  pairwise {:.4}", five.ndcg3, five.top1, five.pairwise);
    for (k, name) in FEATURES.iter().enumerate() {
        println!("  {name:<22} prior {:>6.2}  fitted {:>7.3}", PRIOR_WEIGHTS[k], theta[k]);
    }

    if verbose {
        for case in &cases {
            let (g, scores) = ranked_grades(case, &theta);
            let scored = metrics::case_scores(&g.iter().map(|&x| f64::from(x)).collect::<Vec<_>>());
            if !scored.top1 || scored.ndcg3 < 0.9 {
                println!("-- {} ndcg {:.3} ranked grades {:?}", case.id, scored.ndcg3, g);
                let mut order: Vec<usize> = (0..scores.len()).collect();
                order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
                for i in order {
                    let v = &case.rows[i].values;
                    let s: Vec<String> = v.iter().map(|x| format!("{:.2}", x)).collect();
                    println!("   g{} {:.2} [{}] {:?} {}", case.grades[i], scores[i], s.join(" "), case.rows[i].faults, case.candidates[i]);
                }
            }
        }
    }

    if write {
        let weights: Vec<f64> = theta.iter().map(|w| (w * 10000.0).round() / 10000.0).collect();
        let doc = serde_json::json!({
            "version": "1.0.0",
            "model": "linear score over named components; score = sigmoid(bias + Σ weight·feature)",
            "features": FEATURES,
            "weights": weights,
            "bias": 0.0,
            "prior_weights": PRIOR_WEIGHTS,
            "procedure": "pairwise logistic regression over (better, worse) candidate pairs of the same case, pair weight = grade gap; L2 pull of strength lambda towards the hand-set prior weights; sign constraints (strengths >= 0, faults <= 0); accelerated projected gradient descent, 500 iterations; lambda chosen from the grid by leave-one-case-out NDCG@3 + 0.5*top-1. Rerun: cargo run --example fit_rank_weights -- --write",
            "data": {"path": data, "cases": cases.len(), "candidates": cases.iter().map(|c| c.rows.len()).sum::<usize>(), "customer_reading": "none (emotion interactions use the customer-text cues only)"},
            "lambda": lambda,
            "lambda_grid": grid_report,
            "metrics": {
                "prior_only": json_metrics(prior_m),
                "in_sample": json_metrics(insample),
                "leave_one_case_out": json_metrics(best.2),
                "five_fold_by_case": json_metrics(five),
            },
        });
        let text = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        fs::write(&out, text).unwrap_or_else(|e| panic!("cannot write {out}: {e}"));
        // Sanity check: the written file parses the way the service reads it.
        Weights::from_json(&fs::read_to_string(&out).unwrap()).expect("written weights parse");
        println!("wrote {out}");
    }
}
