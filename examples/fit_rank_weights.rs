//! Fits the reply-ranking weights (`models/ranking/weights.json`) on generated ranking cases
//! (`scripts/gen_rank_cases.py`) and reports held-out ranking and calibration numbers.
//!
//! ```text
//! cargo run --release --example fit_rank_weights -- --data work/rank_cases.jsonl [--write] [--verbose]
//! ```
//!
//! Procedure (documented in `models/ranking/README.md`):
//! 1. Every candidate becomes a feature row through `Ranker::features` (the code the service runs).
//! 2. Cases are split by id: 70 % fit, 15 % calibration, 15 % test (held out from both).
//! 3. On the fit split, minimise  mean pointwise log-loss (label: grade ≥ 2)  +  mean pairwise log-loss over
//!    differently graded pairs of one case  +  λ/2‖θ‖², with sign constraints (strengths ≥ 0, faults ≤ 0), by
//!    accelerated projected gradient descent.
//! 4. On the calibration split, a one-dimensional logistic (Platt) maps the linear score to the probability of
//!    acceptance; its slope and offset are folded into the stored weights and bias.
//! 5. The test split gives the held-out NDCG@3, top-1, pairwise accuracy, log-loss, Brier score and expected
//!    calibration error; `--write` stores weights and these numbers. The dev sets are never read.

use std::fs;

use gongqing::eval::metrics;
use gongqing::fitting::rank::{CaseView, Features, Ranker, Weights, N_FEATURES};
use gongqing::judge::{Role, Turn};

const ITERATIONS: usize = 400;

struct Case {
    id: String,
    family: String,
    x: Vec<[f32; N_FEATURES]>,
    grades: Vec<u8>,
    candidates: Vec<String>,
}

fn load(path: &str, ranker: &Ranker) -> Vec<Case> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
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
            v["candidates"].as_array().expect("candidates").iter().map(|c| c.as_str().unwrap_or("").to_string()).collect();
        let grades: Vec<u8> = v["grades"].as_array().expect("grades").iter().map(|g| g.as_u64().unwrap_or(0) as u8).collect();
        let customer = v["customer"].as_str().unwrap_or("");
        let rows = ranker.features(&CaseView {
            customer,
            context: &context,
            candidates: &candidates,
            emotion: None,
            negative: None,
            relevance: None,
        });
        cases.push(Case {
            id: v["id"].as_str().unwrap_or("?").to_string(),
            family: v["family"].as_str().unwrap_or("").to_string(),
            x: rows.iter().map(|r| r.features.values()).collect(),
            grades,
            candidates,
        });
    }
    cases
}

fn dot(a: &[f32; N_FEATURES], w: &[f64; N_FEATURES]) -> f64 {
    a.iter().zip(w).map(|(x, w)| *x as f64 * w).sum()
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Pointwise + pairwise logistic loss with an L2 penalty and sign constraints. Returns (θ, bias).
fn fit(cases: &[&Case], lambda: f64) -> ([f64; N_FEATURES], f64) {
    let points: Vec<(&[f32; N_FEATURES], f64)> =
        cases.iter().flat_map(|c| c.x.iter().zip(&c.grades).map(|(x, g)| (x, if *g >= 2 { 1.0 } else { 0.0 }))).collect();
    let mut pairs: Vec<[f32; N_FEATURES]> = Vec::new();
    for c in cases {
        for i in 0..c.x.len() {
            for j in 0..c.x.len() {
                if c.grades[i] > c.grades[j] {
                    pairs.push(std::array::from_fn(|k| c.x[i][k] - c.x[j][k]));
                }
            }
        }
    }
    let np = points.len().max(1) as f64;
    let nq = pairs.len().max(1) as f64;
    let norm = |v: &[f32; N_FEATURES]| v.iter().map(|x| (*x as f64).powi(2)).sum::<f64>() + 1.0;
    let lip = 0.25 * points.iter().map(|p| norm(p.0)).fold(0.0, f64::max) + 0.25 * pairs.iter().map(norm).fold(0.0, f64::max) + lambda;
    let step = 1.0 / lip;
    let project = |t: &mut [f64; N_FEATURES]| {
        for (k, w) in t.iter_mut().enumerate() {
            if *w * Features::SIGNS[k] as f64 <= 0.0 {
                *w = 0.0;
            }
        }
    };
    let (mut theta, mut bias) = ([0.0f64; N_FEATURES], 0.0f64);
    let (mut y, mut yb) = (theta, bias);
    let mut t_acc = 1.0f64;
    for _ in 0..ITERATIONS {
        let mut grad = [0.0f64; N_FEATURES];
        let mut gb = 0.0;
        for (x, label) in &points {
            let r = sigmoid(dot(x, &y) + yb) - label;
            for k in 0..N_FEATURES {
                grad[k] += r * x[k] as f64 / np;
            }
            gb += r / np;
        }
        for d in &pairs {
            let s = -sigmoid(-dot(d, &y));
            for k in 0..N_FEATURES {
                grad[k] += s * d[k] as f64 / nq;
            }
        }
        let mut next = [0.0f64; N_FEATURES];
        for k in 0..N_FEATURES {
            next[k] = y[k] - step * (grad[k] + lambda * y[k]);
        }
        let next_b = yb - step * gb;
        project(&mut next);
        let t_next = (1.0 + (1.0 + 4.0 * t_acc * t_acc).sqrt()) / 2.0;
        let mom = (t_acc - 1.0) / t_next;
        for k in 0..N_FEATURES {
            y[k] = next[k] + mom * (next[k] - theta[k]);
        }
        yb = next_b + mom * (next_b - bias);
        theta = next;
        bias = next_b;
        t_acc = t_next;
    }
    (theta, bias)
}

/// Platt scaling: p = σ(a·s + b) fitted by Newton's method on (score, label).
fn platt(scores: &[(f64, f64)]) -> (f64, f64) {
    let (mut a, mut b) = (1.0f64, 0.0f64);
    for _ in 0..50 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-6, 0.0, 1e-6);
        for (s, y) in scores {
            let p = sigmoid(a * s + b);
            let r = p - y;
            let w = p * (1.0 - p);
            ga += r * s;
            gb += r;
            haa += w * s * s;
            hab += w * s;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        a -= (hbb * ga - hab * gb) / det;
        b -= (haa * gb - hab * ga) / det;
    }
    (a.max(0.0), b)
}

#[derive(Default, Clone, Copy, Debug)]
struct Held {
    ndcg3: f64,
    top1: f64,
    pairwise: f64,
    log_loss: f64,
    brier: f64,
    ece: f64,
    accept_rate: f64,
}

fn held_out(cases: &[&Case], theta: &[f64; N_FEATURES], bias: f64) -> Held {
    let mut scored = Vec::new();
    let mut probs: Vec<(f64, f64)> = Vec::new();
    for c in cases {
        let s: Vec<f64> = c.x.iter().map(|x| dot(x, theta) + bias).collect();
        let mut order: Vec<usize> = (0..s.len()).collect();
        order.sort_by(|a, b| s[*b].total_cmp(&s[*a]).then(a.cmp(b)));
        let g: Vec<f64> = order.iter().map(|i| f64::from(c.grades[*i])).collect();
        scored.push(metrics::case_scores(&g));
        for (v, grade) in s.iter().zip(&c.grades) {
            probs.push((sigmoid(*v), if *grade >= 2 { 1.0 } else { 0.0 }));
        }
    }
    let m = metrics::ranking(&scored);
    let n = probs.len().max(1) as f64;
    let log_loss = probs.iter().map(|(p, y)| -(y * p.max(1e-9).ln() + (1.0 - y) * (1.0 - p).max(1e-9).ln())).sum::<f64>() / n;
    let brier = probs.iter().map(|(p, y)| (p - y).powi(2)).sum::<f64>() / n;
    let mut ece = 0.0;
    for bin in 0..10 {
        let lo = bin as f64 / 10.0;
        let in_bin: Vec<&(f64, f64)> = probs.iter().filter(|(p, _)| *p >= lo && (*p < lo + 0.1 || bin == 9)).collect();
        if !in_bin.is_empty() {
            let k = in_bin.len() as f64;
            let conf = in_bin.iter().map(|(p, _)| p).sum::<f64>() / k;
            let acc = in_bin.iter().map(|(_, y)| y).sum::<f64>() / k;
            ece += k / n * (conf - acc).abs();
        }
    }
    let accept_rate = probs.iter().map(|(_, y)| y).sum::<f64>() / n;
    Held { ndcg3: m.ndcg3, top1: m.top1, pairwise: m.pairwise_accuracy, log_loss, brier, ece, accept_rate }
}

fn r4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

fn held_json(h: Held) -> serde_json::Value {
    serde_json::json!({
        "ndcg@3": r4(h.ndcg3), "top1": r4(h.top1), "pairwise_accuracy": r4(h.pairwise),
        "log_loss": r4(h.log_loss), "brier": r4(h.brier), "ece": r4(h.ece), "accept_rate": r4(h.accept_rate),
    })
}

/// Split by a hash of the case id, so a case stays in its split when others are added.
fn split_of(id: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in id.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h % 100
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut data = "work/rank_cases.jsonl".to_string();
    let mut out = "models/ranking/weights.json".to_string();
    let (mut write, mut verbose) = (false, false);
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
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
        i += 1;
    }
    if data.contains("shared/data/dev") {
        eprintln!("refusing to fit on a dev set: the dev sets measure, they never teach");
        std::process::exit(2);
    }
    // Features do not depend on the weights; the embedded ranker only supplies the cue lists.
    let ranker = Ranker::with_weights(Weights { version: "fit".into(), values: [0.0; N_FEATURES], bias: 0.0 });
    let cases = load(&data, &ranker);
    let fit_set: Vec<&Case> = cases.iter().filter(|c| split_of(&c.id) < 70).collect();
    let cal_set: Vec<&Case> = cases.iter().filter(|c| (70..85).contains(&split_of(&c.id))).collect();
    let test_set: Vec<&Case> = cases.iter().filter(|c| split_of(&c.id) >= 85).collect();
    println!("{} cases from {data}: fit {}, calibration {}, test {}", cases.len(), fit_set.len(), cal_set.len(), test_set.len());

    let grid = [0.001, 0.003, 0.01, 0.03];
    let mut best: Option<(f64, f64, [f64; N_FEATURES], f64)> = None;
    for &lambda in &grid {
        let (theta, bias) = fit(&fit_set, lambda);
        let h = held_out(&cal_set, &theta, bias);
        println!("lambda {lambda:<6} calibration split: NDCG@3 {:.4} top-1 {:.4} pairwise {:.4}", h.ndcg3, h.top1, h.pairwise);
        let key = h.ndcg3 + 0.5 * h.top1;
        if best.as_ref().is_none_or(|b| key > b.0 + 1e-9) {
            best = Some((key, lambda, theta, bias));
        }
    }
    let Some((_, lambda, theta, bias)) = best else { return };
    let cal_scores: Vec<(f64, f64)> = cal_set
        .iter()
        .flat_map(|c| c.x.iter().zip(&c.grades).map(|(x, g)| (dot(x, &theta) + bias, if *g >= 2 { 1.0 } else { 0.0 })))
        .collect();
    let (a, b) = platt(&cal_scores);
    let theta_cal: [f64; N_FEATURES] = theta.map(|w| w * a);
    let bias_cal = bias * a + b;
    let before = held_out(&test_set, &theta, bias);
    let test = held_out(&test_set, &theta_cal, bias_cal);
    println!("chosen lambda {lambda}; Platt slope {a:.3} offset {b:.3}");
    println!("test split (held out): NDCG@3 {:.4} top-1 {:.4} pairwise {:.4} | log-loss {:.4} Brier {:.4} ECE {:.4} (before Platt: ECE {:.4})", test.ndcg3, test.top1, test.pairwise, test.log_loss, test.brier, test.ece, before.ece);
    let mut families: Vec<String> = test_set.iter().map(|c| c.family.clone()).collect();
    families.sort();
    families.dedup();
    let mut per_family = serde_json::Map::new();
    for f in &families {
        let sub: Vec<&Case> = test_set.iter().copied().filter(|c| &c.family == f).collect();
        let h = held_out(&sub, &theta_cal, bias_cal);
        println!("  {f:<22} {:>4} cases  top-1 {:.3}  NDCG@3 {:.3}", sub.len(), h.top1, h.ndcg3);
        per_family.insert(f.clone(), serde_json::json!({"cases": sub.len(), "top1": r4(h.top1), "ndcg@3": r4(h.ndcg3)}));
    }
    for (k, name) in Features::NAMES.iter().enumerate() {
        println!("  {name:<24} {:>8.3}", theta_cal[k]);
    }
    if verbose {
        for c in &test_set {
            let s: Vec<f64> = c.x.iter().map(|x| dot(x, &theta_cal) + bias_cal).collect();
            let best_i = (0..s.len()).max_by(|x, y| s[*x].total_cmp(&s[*y]).then(y.cmp(x))).unwrap_or(0);
            if c.grades[best_i] != *c.grades.iter().max().unwrap_or(&0) {
                println!("-- {} ({}) picked grade {}: {}", c.id, c.family, c.grades[best_i], c.candidates[best_i]);
            }
        }
    }
    if write {
        let doc = serde_json::json!({
            "version": "2.0.0",
            "model": "score = sigmoid(bias + Σ weight·feature) = probability that a trainer accepts the reply (grade >= 2)",
            "features": Features::NAMES.to_vec(),
            "weights": theta_cal.iter().map(|w| r4(*w)).collect::<Vec<_>>(),
            "bias": r4(bias_cal),
            "procedure": "pointwise (grade >= 2) + pairwise logistic loss, L2 lambda chosen on the calibration split, sign constraints, accelerated projected gradient descent; then Platt scaling on the calibration split folded into weights and bias. Rerun: scripts/fit_ranking.sh",
            "data": {"path": data, "cases": cases.len(), "fit": fit_set.len(), "calibration": cal_set.len(), "test": test_set.len(), "split": "FNV-1a hash of the case id mod 100: <70 fit, 70..85 calibration, >=85 test"},
            "lambda": lambda,
            "platt": {"slope": r4(a), "offset": r4(b)},
            "held_out_test": held_json(test),
            "held_out_test_per_family": per_family,
        });
        let text = serde_json::to_string_pretty(&doc).expect("json") + "\n";
        fs::write(&out, text).unwrap_or_else(|e| panic!("cannot write {out}: {e}"));
        Weights::from_json(&fs::read_to_string(&out).expect("read back")).expect("written weights parse");
        println!("wrote {out}");
    }
}
