//! Fits the reply-ranking weights (`models/ranking/weights.json`) on generated ranking cases
//! (`scripts/gen_rank_cases.py`) and reports held-out ranking and calibration numbers.
//!
//! ```text
//! cargo run --release --example fit_rank_weights -- --data work/rank_cases.jsonl [--write] [--verbose]
//!     [--pair-model models/default]       # then fit that model's pair head (pair_head.json) on these cases
//!     [--pair-hands b=CASES_B,c=CASES_C]  # and those of other generators (the gate leaves one hand out in turn)
//!     [--pair-cache DIR]                  # keep the pair texts' embeddings there between runs
//!     [--keep-weights]                    # rules from the stored weights (--out), no refit: only the pair head
//! cargo run --release --example fit_rank_weights -- --data CASES --pair-texts OUT.jsonl   # texts for training
//! ```
//!
//! Procedure (documented in `models/ranking/README.md`):
//! 1. Every candidate becomes a feature row through `Ranker::features` (the code the service runs).
//! 2. Cases are split by id: 70 % fit, 15 % calibration, 15 % test (held out from both).
//! 3. On the fit split, minimise  mean pointwise log-loss (label: grade ≥ 2)  +  mean pairwise log-loss over
//!    differently graded pairs of one case  +  λ/2‖θ‖², with sign constraints (strengths ≥ 0, faults ≤ 0, conflicts
//!    with the conversation ≤ −1), by
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
    customer: String,
    context: Vec<Turn>,
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
            pair: None,
        });
        cases.push(Case {
            id: v["id"].as_str().unwrap_or("?").to_string(),
            family: v["family"].as_str().unwrap_or("").to_string(),
            customer: customer.to_string(),
            context: context.clone(),
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

/// The faults that say a reply contradicts the conversation. Each is a reason a trainer rejects the reply, whatever
/// one generator's cases say: the first generator's fit left `unanswered_question` at 0 (its other features carried
/// those cases), and cases written by other hands showed the fault then changed no ranking at all.
const CONFLICT_FAULTS: [&str; 8] = [
    "asks_for_given_info",
    "repeats_failed_step",
    "ignores_preference",
    "misses_deadline",
    "wrong_fact",
    "unanswered_question",
    "impossible_promise",
    "ignores_broken_promise",
];
/// Least magnitude of a conflict fault's weight before Platt scaling (about a third of the smallest the fit gives the
/// others unconstrained).
const CONFLICT_FLOOR: f64 = 1.0;

/// Pointwise + pairwise logistic loss with an L2 penalty and sign constraints (conflict faults at most
/// −`CONFLICT_FLOOR`). Returns (θ, bias).
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
    let conflict = |k: usize| CONFLICT_FAULTS.contains(&Features::NAMES[k]);
    let project = |t: &mut [f64; N_FEATURES]| {
        for (k, w) in t.iter_mut().enumerate() {
            if conflict(k) {
                *w = w.min(-CONFLICT_FLOOR);
            } else if *w * Features::SIGNS[k] as f64 <= 0.0 {
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
    let points: Vec<(f64, f64, f64)> = scores.iter().map(|(s, y)| (0.0, *s, *y)).collect();
    platt_offset(&points)
}

/// Platt scaling of a correction `z` on top of a fixed offset `r`: p = σ(r + a·z + b), by Newton's method on
/// (r, z, label).
fn platt_offset(points: &[(f64, f64, f64)]) -> (f64, f64) {
    let (mut a, mut b) = (1.0f64, 0.0f64);
    for _ in 0..50 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-6, 0.0, 1e-6);
        for (r, z, y) in points {
            let p = sigmoid(r + a * z + b);
            let (res, w) = (p - y, p * (1.0 - p));
            ga += res * z;
            gb += res;
            haa += w * z * z;
            hab += w * z;
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
    let scores: Vec<Vec<f64>> = cases.iter().map(|c| c.x.iter().map(|x| dot(x, theta) + bias).collect()).collect();
    let grades: Vec<&[u8]> = cases.iter().map(|c| c.grades.as_slice()).collect();
    evaluate(&scores, &grades)
}

/// Ranking and calibration numbers for log-odds `scores` of each case's candidates.
fn evaluate(scores: &[Vec<f64>], grades: &[&[u8]]) -> Held {
    let mut scored = Vec::new();
    let (mut probs, mut accepted) = (Vec::new(), Vec::new());
    for (s, c_grades) in scores.iter().zip(grades) {
        let mut order: Vec<usize> = (0..s.len()).collect();
        order.sort_by(|a, b| s[*b].total_cmp(&s[*a]).then(a.cmp(b)));
        let g: Vec<f64> = order.iter().map(|i| f64::from(c_grades[*i])).collect();
        scored.push(metrics::case_scores(&g));
        probs.extend(s.iter().map(|v| sigmoid(*v)));
        accepted.extend(c_grades.iter().map(|g| *g >= 2));
    }
    let m = metrics::ranking(&scored);
    // The evaluator's definitions, so a number here and one `gongqing eval` prints mean the same.
    let a = metrics::acceptance(&probs, &accepted);
    Held {
        ndcg3: m.ndcg3,
        top1: m.top1,
        pairwise: m.pairwise_accuracy,
        log_loss: a.log_loss,
        brier: a.brier,
        ece: a.calibration.ece,
        accept_rate: a.accept_rate,
    }
}

/// `NAME=CASES,NAME=CASES,...` of a hands option; exits with a usage message otherwise.
fn parse_hands(option: &str, list: Option<&String>) -> Vec<(String, String)> {
    let mut hands = Vec::new();
    for item in list.map(String::as_str).unwrap_or("").split(',').filter(|s| !s.is_empty()) {
        let Some((name, path)) = item.split_once('=') else {
            eprintln!("{option} takes NAME=CASES,NAME=CASES,...; got {item}");
            std::process::exit(2);
        };
        hands.push((name.to_string(), path.to_string()));
    }
    hands
}

fn write_weights(out: &str, doc: &serde_json::Value) {
    let text = serde_json::to_string_pretty(doc).expect("json") + "\n";
    fs::write(out, text).unwrap_or_else(|e| panic!("cannot write {out}: {e}"));
    Weights::from_json(&fs::read_to_string(out).expect("read back")).expect("written weights parse");
    println!("wrote {out}");
}

/// The log-odds of every candidate of `cases` with their acceptance labels (grade ≥ 2).
fn labelled_scores<'a>(cases: impl IntoIterator<Item = &'a Case>, theta: &[f64; N_FEATURES], bias: f64) -> Vec<(f64, f64)> {
    cases
        .into_iter()
        .flat_map(|c| c.x.iter().zip(&c.grades).map(|(x, g)| (dot(x, theta) + bias, if *g >= 2 { 1.0 } else { 0.0 })))
        .collect()
}

/// A second Platt scaling, on the first generator's calibration split together with every case of other hands'
/// generators. Fitted on one generator alone the score is overconfident on text written by anyone else (warm replies
/// whose conflict the rules miss still score 0.95+), so the calibration a caller can threshold on is the one that
/// has seen how often the rules miss on a new hand.
struct CrossHand {
    slope: f64,
    offset: f64,
    hands: Vec<String>,
    candidates: usize,
    /// Each calibration hand left out in turn: its numbers before and after a scaling fitted without it.
    left_out: Vec<(String, Held, Held)>,
}

impl CrossHand {
    fn fit(own: &[&Case], hands: &[(String, Vec<Case>)], theta: &[f64; N_FEATURES], bias: f64) -> Option<CrossHand> {
        if hands.is_empty() {
            return None;
        }
        let scores_of = |skip: Option<usize>| -> Vec<(f64, f64)> {
            let mut points = labelled_scores(own.iter().copied(), theta, bias);
            for (k, (_, cases)) in hands.iter().enumerate() {
                if Some(k) != skip {
                    points.extend(labelled_scores(cases, theta, bias));
                }
            }
            points
        };
        let mut left_out = Vec::new();
        for (k, (name, cases)) in hands.iter().enumerate() {
            let (a, b) = platt(&scores_of(Some(k)));
            let refs: Vec<&Case> = cases.iter().collect();
            let before = held_out(&refs, theta, bias);
            let after = held_out(&refs, &theta.map(|w| w * a), bias * a + b);
            println!(
                "cross-hand calibration, hand {name} left out: log-loss {:.4} -> {:.4}, Brier {:.4} -> {:.4}, ECE {:.4} -> {:.4}",
                before.log_loss, after.log_loss, before.brier, after.brier, before.ece, after.ece
            );
            left_out.push((name.clone(), before, after));
        }
        let points = scores_of(None);
        let (slope, offset) = platt(&points);
        println!("cross-hand calibration on {} candidates: slope {slope:.3} offset {offset:.3}", points.len());
        Some(CrossHand { slope, offset, hands: hands.iter().map(|(n, _)| n.clone()).collect(), candidates: points.len(), left_out })
    }

    fn apply(&self, theta: &[f64; N_FEATURES], bias: f64) -> ([f64; N_FEATURES], f64) {
        (theta.map(|w| w * self.slope), bias * self.slope + self.offset)
    }

    /// Hands never used for anything, before and after the scaling.
    fn check(&self, hands: &[(String, Vec<Case>)], theta: &[f64; N_FEATURES], bias: f64) -> Vec<(String, Held, Held)> {
        let (theta_after, bias_after) = self.apply(theta, bias);
        hands
            .iter()
            .map(|(name, cases)| {
                let refs: Vec<&Case> = cases.iter().collect();
                let (before, after) = (held_out(&refs, theta, bias), held_out(&refs, &theta_after, bias_after));
                println!(
                    "never-fitted hand {name}: NDCG@3 {:.4} top-1 {:.4} | log-loss {:.4} -> {:.4}, Brier {:.4} -> {:.4}, ECE {:.4} -> {:.4}",
                    after.ndcg3, after.top1, before.log_loss, after.log_loss, before.brier, after.brier, before.ece, after.ece
                );
                (name.clone(), before, after)
            })
            .collect()
    }

    fn json(&self, checks: &[(String, Held, Held)]) -> serde_json::Value {
        let calibration = |h: &Held| serde_json::json!({"log_loss": r4(h.log_loss), "brier": r4(h.brier), "ece": r4(h.ece)});
        let pairs = |rows: &[(String, Held, Held)]| -> serde_json::Value {
            rows.iter()
                .map(|(n, b, a)| {
                    let row = serde_json::json!({"accept_rate": r4(a.accept_rate), "ndcg@3": r4(a.ndcg3), "top1": r4(a.top1), "before": calibration(b), "after": calibration(a)});
                    (n.clone(), row)
                })
                .collect()
        };
        serde_json::json!({
            "slope": r4(self.slope), "offset": r4(self.offset), "hands": self.hands, "candidates": self.candidates,
            "each_hand_left_out": pairs(&self.left_out),
            "never_fitted_hands": pairs(checks),
        })
    }
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

/// FNV-1a over bytes: a stable hash, the same on every machine and run.
fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf29ce484222325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

/// Split by a hash of the case id, so a case stays in its split when others are added.
fn split_of(id: &str) -> u64 {
    fnv1a(id.bytes()) % 100
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut data = "work/rank_cases.jsonl".to_string();
    let mut out = "models/ranking/weights.json".to_string();
    let (mut write, mut verbose) = (false, false);
    let mut pair_model: Option<String> = None;
    let mut pair_texts: Option<String> = None;
    let mut pair_hands: Vec<(String, String)> = Vec::new();
    let mut calibrate_hands: Vec<(String, String)> = Vec::new();
    let mut check_hands: Vec<(String, String)> = Vec::new();
    let mut pair_cache: Option<String> = None;
    let mut keep_weights = false;
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
            "--pair-model" => {
                pair_model = args.get(i + 1).cloned();
                i += 1;
            }
            "--pair-texts" => {
                pair_texts = args.get(i + 1).cloned();
                i += 1;
            }
            "--pair-hands" => {
                pair_hands = parse_hands("--pair-hands", args.get(i + 1));
                i += 1;
            }
            "--calibrate-hands" => {
                calibrate_hands = parse_hands("--calibrate-hands", args.get(i + 1));
                i += 1;
            }
            "--check-hands" => {
                check_hands = parse_hands("--check-hands", args.get(i + 1));
                i += 1;
            }
            "--pair-cache" => {
                pair_cache = args.get(i + 1).cloned();
                i += 1;
            }
            "--keep-weights" => keep_weights = true,
            "--write" => write = true,
            "--verbose" => verbose = true,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
        i += 1;
    }
    let hand_paths = pair_hands.iter().chain(&calibrate_hands).chain(&check_hands).map(|(_, p)| p);
    if std::iter::once(&data).chain(hand_paths).any(|p| p.contains("shared/data/dev")) {
        eprintln!("refusing to fit on a dev set: the dev sets measure, they never teach");
        std::process::exit(2);
    }
    // Features do not depend on the weights; the embedded ranker only supplies the cue lists.
    let ranker = Ranker::with_weights(Weights { version: "fit".into(), values: [0.0; N_FEATURES], bias: 0.0 });
    let cases = load(&data, &ranker);
    if let Some(path) = pair_texts {
        let fitted = fs::read_to_string(&out).ok().and_then(|t| Weights::from_json(&t).ok());
        pair::write_texts(&cases, &path, fitted.as_ref());
        return;
    }
    let load_hands = |list: &[(String, String)]| -> Vec<(String, Vec<Case>)> {
        list.iter().map(|(name, path)| (name.clone(), load(path, &ranker))).collect()
    };
    let other_hands = load_hands(&pair_hands);
    let calibrate = load_hands(&calibrate_hands);
    let check = load_hands(&check_hands);
    let fit_pair_head = |theta: &[f64; N_FEATURES], bias: f64| {
        let Some(dir) = &pair_model else { return };
        let rules = |c: &Case| -> Vec<f64> { c.x.iter().map(|x| dot(x, theta) + bias).collect() };
        let mut hands = vec![pair::Hand { name: "a".into(), cases: cases.iter().collect() }];
        hands.extend(other_hands.iter().map(|(name, cases)| pair::Hand { name: name.clone(), cases: cases.iter().collect() }));
        pair::fit_and_write(dir, &hands, &rules, pair_cache.as_deref(), write);
    };
    let fit_set: Vec<&Case> = cases.iter().filter(|c| split_of(&c.id) < 70).collect();
    let cal_set: Vec<&Case> = cases.iter().filter(|c| (70..85).contains(&split_of(&c.id))).collect();
    let test_set: Vec<&Case> = cases.iter().filter(|c| split_of(&c.id) >= 85).collect();
    if keep_weights {
        let text = fs::read_to_string(&out).unwrap_or_else(|e| panic!("cannot read {out}: {e}"));
        let kept = Weights::from_json(&text).unwrap_or_else(|e| panic!("{out} does not parse: {e}"));
        let mut doc: serde_json::Value = serde_json::from_str(&text).expect("weights.json parsed above");
        // A stored cross-hand scaling is undone first, so a rerun fits the same one again instead of stacking another.
        let stored = &doc["cross_hand_calibration"];
        let (slope, offset) = (stored["slope"].as_f64().unwrap_or(1.0), stored["offset"].as_f64().unwrap_or(0.0));
        let (theta, bias) = (kept.values.map(|w| f64::from(w) / slope), (f64::from(kept.bias) - offset) / slope);
        let Some(cross) = CrossHand::fit(&cal_set, &calibrate, &theta, bias) else {
            fit_pair_head(&theta, bias);
            return;
        };
        let checks = cross.check(&check, &theta, bias);
        let (theta, bias) = cross.apply(&theta, bias);
        let test = held_out(&test_set, &theta, bias);
        if write {
            if let Some(ws) = doc["weights"].as_array_mut() {
                for w in ws.iter_mut() {
                    *w = serde_json::json!(r4(w.as_f64().unwrap_or(0.0) / slope * cross.slope));
                }
            }
            doc["bias"] = serde_json::json!(r4(bias));
            doc["held_out_test"] = held_json(test);
            doc["cross_hand_calibration"] = cross.json(&checks);
            write_weights(&out, &doc);
        }
        fit_pair_head(&theta, bias);
        return;
    }
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
    let (a, b) = platt(&labelled_scores(cal_set.iter().copied(), &theta, bias));
    let (theta_cal, bias_cal) = (theta.map(|w| w * a), bias * a + b);
    let cross = CrossHand::fit(&cal_set, &calibrate, &theta_cal, bias_cal);
    let checks = cross.as_ref().map(|c| c.check(&check, &theta_cal, bias_cal)).unwrap_or_default();
    let (theta_cal, bias_cal) = match &cross {
        Some(c) => c.apply(&theta_cal, bias_cal),
        None => (theta_cal, bias_cal),
    };
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
            "procedure": "pointwise (grade >= 2) + pairwise logistic loss, L2 lambda chosen on the calibration split, sign constraints, accelerated projected gradient descent; then Platt scaling on the calibration split folded into weights and bias, and a second one on that split with every case of the other generators' hands (cross_hand_calibration). Rerun: scripts/fit_ranking.sh",
            "data": {"path": data, "cases": cases.len(), "fit": fit_set.len(), "calibration": cal_set.len(), "test": test_set.len(), "split": "FNV-1a hash of the case id mod 100: <70 fit, 70..85 calibration, >=85 test"},
            "lambda": lambda,
            "platt": {"slope": r4(a), "offset": r4(b)},
            "held_out_test": held_json(test),
            "held_out_test_per_family": per_family,
        });
        let mut doc = doc;
        if let Some(c) = &cross {
            doc["cross_hand_calibration"] = c.json(&checks);
        }
        write_weights(&out, &doc);
    }
    fit_pair_head(&theta_cal, bias_cal);
}

/// The pair head (`pair_head.json` in the model folder): a linear scorer of the encoder's embedding of
/// `pair_text(customer, context, reply)`, learned from the pair text alone on the cases of several generators written
/// by different hands, then added to the rules' log-odds with one mixing weight.
mod pair {
    use super::{evaluate, fnv1a, held_json, r4, sigmoid, split_of, Case, Held};
    use gongqing::engine::{BackendChoice, Engine, EngineConfig};
    use gongqing::fitting::rank::pair_text;

    const ITERATIONS: usize = 2000;
    const CHUNK: usize = 32;
    const LAMBDAS: [f64; 3] = [0.01, 0.001, 0.0001];
    /// Mixing weights of the text scorer tried on the calibration split; 0 is the rules alone.
    const ALPHAS: [f64; 10] = [0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0];

    /// The cases of one generator (one hand) and its name in the report.
    pub(super) struct Hand<'a> {
        pub(super) name: String,
        pub(super) cases: Vec<&'a Case>,
    }

    /// One case: the rules' log-odds, the embedding of each candidate's pair text, the grades and the split.
    struct Encoded<'a> {
        case: &'a Case,
        split: u64,
        rules: Vec<f64>,
        embeddings: Vec<Vec<f32>>,
    }

    /// A learned text scorer `w·e + b` and the weight that adds it to the rules.
    #[derive(Clone)]
    struct Scorer {
        weight: Vec<f32>,
        bias: f64,
        alpha: f64,
        lambda: f64,
    }

    impl Scorer {
        fn text_logit(&self, e: &[f32]) -> f64 {
            dot32(&self.weight, e) + self.bias
        }
    }

    /// `w·e` in f32, as the service computes the head's log-odds.
    fn dot32(w: &[f32], e: &[f32]) -> f64 {
        f64::from(w.iter().zip(e).map(|(w, x)| w * x).sum::<f32>())
    }

    /// Every candidate's embedding, read back from `cache` when it holds the embeddings of exactly these texts
    /// by this model (a hash of both heads the file), else encoded by the service's own engine and stored there.
    fn embeddings(engine: &mut Option<Engine>, dir: &str, texts: &[String], cache: Option<&std::path::Path>) -> Vec<Vec<f32>> {
        let hash = fnv1a(std::iter::once(dir).chain(texts.iter().map(String::as_str)).flat_map(|t| t.bytes().chain([0])));
        if let Some(bytes) = cache.and_then(|p| std::fs::read(p).ok()) {
            let word = |k: usize| bytes.get(8 * k..8 * k + 8).map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")));
            if let (Some(h), Some(n), Some(dim)) = (word(0), word(1), word(2)) {
                let (n, dim) = (n as usize, dim as usize);
                if h == hash && n == texts.len() && bytes.len() == 24 + 4 * n * dim {
                    let values: Vec<f32> =
                        bytes[24..].chunks_exact(4).map(|b| f32::from_le_bytes(b.try_into().expect("4 bytes"))).collect();
                    return values.chunks(dim.max(1)).map(<[f32]>::to_vec).collect();
                }
            }
        }
        let engine = engine.get_or_insert_with(|| {
            let config = EngineConfig { model: dir.to_string(), backend: BackendChoice::Model, ..EngineConfig::default() };
            Engine::start(&config).unwrap_or_else(|e| panic!("cannot load the model {dir}: {e}"))
        });
        let mut out = Vec::with_capacity(texts.len());
        for chunk in texts.chunks(CHUNK) {
            let predictions = engine.encode_blocking(chunk).unwrap_or_else(|e| panic!("encoding failed: {e}"));
            out.extend(predictions.into_iter().map(|p| p.embedding));
        }
        if let Some(path) = cache {
            let dim = out.first().map_or(0, Vec::len);
            let mut bytes: Vec<u8> = [hash, out.len() as u64, dim as u64].iter().flat_map(|w| w.to_le_bytes()).collect();
            bytes.extend(out.iter().flatten().flat_map(|x| x.to_le_bytes()));
            std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        }
        out
    }

    fn encode<'a>(
        engine: &mut Option<Engine>,
        dir: &str,
        cases: &[&'a Case],
        rules: &dyn Fn(&Case) -> Vec<f64>,
        cache: Option<&std::path::Path>,
    ) -> Vec<Encoded<'a>> {
        let texts: Vec<String> = cases
            .iter()
            .flat_map(|c| c.candidates.iter().map(|reply| pair_text(&c.customer, &c.context, reply)))
            .collect();
        let mut rest = embeddings(engine, dir, &texts, cache).into_iter();
        cases
            .iter()
            .map(|c| Encoded {
                case: c,
                split: split_of(&c.id),
                rules: rules(c),
                embeddings: rest.by_ref().take(c.candidates.len()).collect(),
            })
            .collect()
    }

    /// Writes every candidate's pair text with its grade, case, family, split and (with the fitted weights) the
    /// rules' log-odds as JSON lines, for training a pair scorer outside this program
    /// (`scripts/model/pair_cross_hand.py`): the one place pair texts are built is the service's own `pair_text`.
    pub(super) fn write_texts(cases: &[Case], path: &str, fitted: Option<&super::Weights>) {
        let mut out = String::new();
        for c in cases {
            for ((reply, grade), x) in c.candidates.iter().zip(&c.grades).zip(&c.x) {
                let rules = fitted.map(|w| w.values.iter().zip(x).map(|(w, x)| w * x).sum::<f32>() + w.bias);
                let row = serde_json::json!({
                    "text": pair_text(&c.customer, &c.context, reply), "grade": grade, "case": c.id, "family": c.family,
                    "split": split_of(&c.id), "rules": rules,
                });
                out.push_str(&row.to_string());
                out.push('\n');
            }
        }
        std::fs::write(path, out).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
        println!("wrote the pair texts of {} cases to {path}", cases.len());
    }

    /// Pointwise (grade >= 2) + pairwise logistic loss of the text scorer `w·e + b` alone (the rules are not an
    /// offset: a correction fitted on top of them learned each generator's blind spots, which did not carry to other
    /// hands), L2 on w, accelerated gradient descent. The pairwise gradient is gathered per candidate, so no
    /// difference vectors are stored.
    fn fit(cases: &[&Encoded], dim: usize, lambda: f64) -> (Vec<f32>, f64) {
        let raw: Vec<(&[f32], f64)> = cases
            .iter()
            .flat_map(|c| c.embeddings.iter().zip(&c.case.grades).map(|(e, g)| (e.as_slice(), if *g >= 2 { 1.0 } else { 0.0 })))
            .collect();
        // Standardised coordinates: the embeddings of pair texts are close to one another (one conversation, five
        // replies), so in raw coordinates gradient descent barely moves along the directions that tell them apart.
        let np = raw.len().max(1) as f64;
        let mean: Vec<f64> = (0..dim).map(|k| raw.iter().map(|(e, _)| f64::from(e[k])).sum::<f64>() / np).collect();
        let scale: Vec<f64> = (0..dim)
            .map(|k| {
                let var = raw.iter().map(|(e, _)| (f64::from(e[k]) - mean[k]).powi(2)).sum::<f64>() / np;
                1.0 / var.sqrt().max(1e-6)
            })
            .collect();
        let x: Vec<Vec<f32>> =
            raw.iter().map(|(e, _)| (0..dim).map(|k| ((f64::from(e[k]) - mean[k]) * scale[k]) as f32).collect()).collect();
        let labels: Vec<f64> = raw.iter().map(|(_, y)| *y).collect();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut first = 0;
        for c in cases {
            let g = &c.case.grades;
            for i in 0..g.len() {
                for j in 0..g.len() {
                    if g[i] > g[j] {
                        pairs.push((first + i, first + j));
                    }
                }
            }
            first += g.len();
        }
        let nq = pairs.len().max(1) as f64;
        // Gathers Σ coef_i · x_i, the gradient of any loss whose derivative by candidate i's logit is coef_i.
        let gather = |coef: &[f64]| -> Vec<f64> {
            let mut g = vec![0.0f64; dim];
            for (e, c) in x.iter().zip(coef) {
                for (g, v) in g.iter_mut().zip(e) {
                    *g += c * f64::from(*v);
                }
            }
            g
        };
        // The step is 1 / L, with L bounded by the largest eigenvalues of the points' and the pairs' second moments
        // (power iteration) times 1/4, the logistic loss's largest curvature.
        let curvature = |pairwise: bool| -> f64 {
            let mut v = vec![1.0f64 / (dim as f64).sqrt(); dim];
            let mut top = 0.0;
            for _ in 0..30 {
                let v32: Vec<f32> = v.iter().map(|a| *a as f32).collect();
                let z: Vec<f64> = x.iter().map(|e| dot32(&v32, e)).collect();
                let coef: Vec<f64> = if pairwise {
                    let mut c = vec![0.0; x.len()];
                    for (i, j) in &pairs {
                        let d = (z[*i] - z[*j]) / nq;
                        c[*i] += d;
                        c[*j] -= d;
                    }
                    c
                } else {
                    z.iter().map(|z| z / np).collect()
                };
                let next = gather(&coef);
                top = next.iter().map(|a| a * a).sum::<f64>().sqrt();
                v = next.iter().map(|a| a / top.max(1e-12)).collect();
            }
            top
        };
        let step = 1.0 / (0.25 * (curvature(false) + curvature(true)) * 1.1 + 0.25 + lambda);
        let (mut w, mut b) = (vec![0.0f64; dim], 0.0f64);
        let (mut yw, mut yb) = (w.clone(), b);
        let mut t_acc = 1.0f64;
        let mut coef = vec![0.0f64; x.len()];
        for _ in 0..ITERATIONS {
            let yw32: Vec<f32> = yw.iter().map(|a| *a as f32).collect();
            let z: Vec<f64> = x.iter().map(|e| dot32(&yw32, e) + yb).collect();
            for (k, label) in labels.iter().enumerate() {
                coef[k] = (sigmoid(z[k]) - label) / np;
            }
            let gb: f64 = coef.iter().sum();
            for (i, j) in &pairs {
                let g = sigmoid(-(z[*i] - z[*j])) / nq;
                coef[*i] -= g;
                coef[*j] += g;
            }
            let gw = gather(&coef);
            let next_w: Vec<f64> = yw.iter().zip(&gw).map(|(y, g)| y - step * (g + lambda * y)).collect();
            let next_b = yb - step * gb;
            let t_next = (1.0 + (1.0 + 4.0 * t_acc * t_acc).sqrt()) / 2.0;
            let mom = (t_acc - 1.0) / t_next;
            yw = next_w.iter().zip(&w).map(|(n, o)| n + mom * (n - o)).collect();
            yb = next_b + mom * (next_b - b);
            w = next_w;
            b = next_b;
            t_acc = t_next;
        }
        // Back to raw coordinates: w·((e − mean)·scale) + b = (w·scale)·e + b − Σ w·scale·mean.
        let raw_w: Vec<f64> = w.iter().zip(&scale).map(|(w, s)| w * s).collect();
        let raw_b = b - raw_w.iter().zip(&mean).map(|(w, m)| w * m).sum::<f64>();
        (raw_w.iter().map(|a| *a as f32).collect(), raw_b)
    }

    /// Ranking and calibration of `rules + alpha · (w·e + b) + offset` (the rules alone without a scorer).
    fn scores(cases: &[&Encoded], scorer: Option<&Scorer>, offset: f64) -> Held {
        let s: Vec<Vec<f64>> = cases
            .iter()
            .map(|c| {
                c.rules
                    .iter()
                    .zip(&c.embeddings)
                    .map(|(r, e)| r + scorer.map_or(0.0, |s| s.alpha * s.text_logit(e) + offset))
                    .collect()
            })
            .collect();
        let g: Vec<&[u8]> = cases.iter().map(|c| c.case.grades.as_slice()).collect();
        evaluate(&s, &g)
    }

    fn key(h: Held) -> f64 {
        h.ndcg3 + 0.5 * h.top1
    }

    /// Fits the text scorer on the fit split of `cases` for each λ and picks λ and the mixing weight on their
    /// calibration split, by NDCG@3 + top-1/2 of the rules plus the scorer.
    fn choose(cases: &[&Encoded], dim: usize) -> Scorer {
        let fit_set: Vec<&Encoded> = cases.iter().copied().filter(|c| c.split < 70).collect();
        let cal_set: Vec<&Encoded> = cases.iter().copied().filter(|c| (70..85).contains(&c.split)).collect();
        let fitted: Vec<(f64, (Vec<f32>, f64))> = std::thread::scope(|scope| {
            let fit_set = &fit_set;
            let jobs: Vec<_> = LAMBDAS.iter().map(|&l| (l, scope.spawn(move || fit(fit_set, dim, l)))).collect();
            jobs.into_iter().map(|(l, j)| (l, j.join().expect("fit thread"))).collect()
        });
        let mut best: Option<(f64, Scorer)> = None;
        for (lambda, (weight, bias)) in fitted {
            for alpha in ALPHAS {
                let scorer = Scorer { weight: weight.clone(), bias, alpha, lambda };
                let k = key(scores(&cal_set, Some(&scorer), 0.0));
                if best.as_ref().is_none_or(|b| k > b.0 + 1e-9) {
                    best = Some((k, scorer));
                }
            }
        }
        best.expect("at least one lambda").1
    }

    /// The offset that minimises the log-loss of `rules + z + offset` (Newton's method), so the sum stays calibrated.
    fn calibrating_offset(points: &[(f64, f64)]) -> f64 {
        let mut b = 0.0f64;
        for _ in 0..50 {
            let (mut g, mut h) = (0.0, 1e-9);
            for (s, y) in points {
                let p = sigmoid(s + b);
                g += p - y;
                h += p * (1.0 - p);
            }
            b -= g / h;
        }
        b
    }

    /// Encodes every hand's pair texts, runs the leave-one-hand-out gate, and writes `pair_head.json` (or removes a
    /// stale one) when a scorer trained on the other hands helps on the hand it never saw.
    pub(super) fn fit_and_write(dir: &str, hands: &[Hand], rules: &dyn Fn(&Case) -> Vec<f64>, cache: Option<&str>, write: bool) {
        let started = std::time::Instant::now();
        let mut engine = None;
        let encoded: Vec<Vec<Encoded>> = hands
            .iter()
            .map(|h| {
                let path = cache.map(|c| std::path::Path::new(c).join(format!("{}.embeddings", h.name)));
                encode(&mut engine, dir, &h.cases, rules, path.as_deref())
            })
            .collect();
        let dim = encoded.iter().flatten().flat_map(|c| c.embeddings.first()).next().map_or(0, Vec::len);
        assert!(dim > 0, "the model gave no embeddings: a pair head needs an encoder");
        let texts: usize = encoded.iter().flatten().map(|c| c.rules.len()).sum();
        println!("pair head: encoded {texts} pair texts of {} hands with {dir} in {:.0} s (dim {dim})", hands.len(), started.elapsed().as_secs_f64());
        let all: Vec<&Encoded> = encoded.iter().flatten().collect();

        // The gate: a scorer trained on the other hands, with λ and mixing weight chosen on their calibration
        // cases, must help on the hand it never saw, for every hand in turn. A scorer that only learned how one
        // generator writes helps on that generator's held-out cases and nowhere else; one that helps on average
        // but lowers some hand's ranking lowered the dev sets too when it was tried (stop 25).
        let mut gain = 0.0;
        let mut hurts: Vec<&str> = Vec::new();
        let mut left_out = serde_json::Map::new();
        for (k, hand) in hands.iter().enumerate() {
            let train: Vec<&Encoded> = encoded.iter().enumerate().filter(|(j, _)| *j != k).flat_map(|(_, e)| e.iter()).collect();
            let held: Vec<&Encoded> = encoded[k].iter().collect();
            let scorer = choose(&train, dim);
            let (before, after) = (scores(&held, None, 0.0), scores(&held, Some(&scorer), 0.0));
            gain += key(after) - key(before);
            if key(after) < key(before) {
                hurts.push(&hand.name);
            }
            println!(
                "pair head: {} left out ({} cases): rules NDCG@3 {:.4} top-1 {:.4} -> with scorer {:.4} {:.4} (lambda {} alpha {})",
                hand.name, held.len(), before.ndcg3, before.top1, after.ndcg3, after.top1, scorer.lambda, scorer.alpha
            );
            left_out.insert(hand.name.clone(), serde_json::json!({
                "cases": held.len(), "rules_only": {"ndcg@3": r4(before.ndcg3), "top1": r4(before.top1)},
                "rules_and_pair_head": {"ndcg@3": r4(after.ndcg3), "top1": r4(after.top1)}, "alpha": scorer.alpha,
            }));
        }
        let gain = gain / hands.len().max(1) as f64;
        println!("pair head: mean gain on the hand left out, NDCG@3 + top-1/2: {gain:+.4}");
        let no_head = |why: &str| {
            println!("pair head: {why}; the model gets no pair head");
            let stale = std::path::Path::new(dir).join("pair_head.json");
            if write && stale.exists() {
                std::fs::remove_file(&stale).unwrap_or_else(|e| panic!("cannot remove {}: {e}", stale.display()));
                println!("removed {}", stale.display());
            }
        };
        if gain <= 0.0 || !hurts.is_empty() {
            no_head(&format!("a scorer trained on the other hands does not help on every hand left out (lowers: {})", hurts.join(", ")));
            return;
        }
        let scorer = choose(&all, dim);
        if scorer.alpha == 0.0 {
            no_head("the calibration split prefers the rules alone");
            return;
        }
        let cal_points: Vec<(f64, f64)> = all
            .iter()
            .filter(|c| (70..85).contains(&c.split))
            .flat_map(|c| {
                c.rules.iter().zip(&c.embeddings).zip(&c.case.grades).map(|((r, e), g)| {
                    (r + scorer.alpha * scorer.text_logit(e), if *g >= 2 { 1.0 } else { 0.0 })
                })
            })
            .collect();
        let offset = calibrating_offset(&cal_points);
        let test_set: Vec<&Encoded> = all.iter().copied().filter(|c| c.split >= 85).collect();
        let (before, after) = (scores(&test_set, None, 0.0), scores(&test_set, Some(&scorer), offset));
        println!("pair head: all hands, lambda {} alpha {} offset {offset:.3}", scorer.lambda, scorer.alpha);
        for (name, h) in [("rules only", before), ("rules + pair head", after)] {
            println!("pair head: test splits, {name:<17}: NDCG@3 {:.4} top-1 {:.4} pairwise {:.4} | log-loss {:.4} ECE {:.4}", h.ndcg3, h.top1, h.pairwise, h.log_loss, h.ece);
        }
        // Second gate, on the held-out test cases of every hand: a head that lowers the ranking there would rank
        // worse for callers, whatever it does to the probabilities.
        if after.top1 < before.top1 || after.ndcg3 < before.ndcg3 {
            no_head("the head lowers top-1 or NDCG@3 on the held-out test splits");
            return;
        }
        if write {
            let path = std::path::Path::new(dir).join("pair_head.json");
            let doc = serde_json::json!({
                "version": "2.0.0",
                "model": "ranker score = sigmoid(rules log-odds + bias + weight · embedding), where embedding is the encoder's unit-length mean-pooled vector of pair_text(customer, context, reply) (src/judge/rank/pair.rs)",
                "hidden": dim,
                "weight": scorer.weight.iter().map(|x| (f64::from(*x) * scorer.alpha) as f32).collect::<Vec<f32>>(),
                "bias": (scorer.alpha * scorer.bias + offset) as f32,
                "procedure": "a text scorer w·e + b fitted on the pair text alone (pointwise grade >= 2 + pairwise logistic loss, L2 lambda) on the fit split of every hand's cases; lambda and the mixing weight alpha chosen on their calibration split by NDCG@3 + top-1/2 of rules + alpha·scorer; an offset on the calibration split keeps the sum calibrated; stored weight = alpha·w, bias = alpha·b + offset. Gate: trained on all hands but one, it must help on the one left out, on average. Encoded by the service's own engine (int8). Rerun: scripts/fit_ranking.sh",
                "hands": hands.iter().map(|h| serde_json::json!({"name": h.name, "cases": h.cases.len()})).collect::<Vec<_>>(),
                "lambda": scorer.lambda,
                "alpha": scorer.alpha,
                "calibration_offset": r4(offset),
                "hand_left_out": left_out,
                "held_out_test": {"rules_only": held_json(before), "rules_and_pair_head": held_json(after)},
            });
            std::fs::write(&path, serde_json::to_string(&doc).expect("json") + "\n")
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            println!("wrote {}", path.display());
        }
    }
}

