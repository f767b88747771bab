//! Quality and latency metrics, as pure functions over gold labels, predictions and timings.
//!
//! Definitions (the report's numbers follow them exactly; `docs` in report.json repeats them):
//! - **accuracy**: correct / evaluated items.
//! - **per-class precision, recall, F1**: precision = TP / predicted, recall = TP / support, F1 their harmonic mean;
//!   a zero denominator gives 0 (as scikit-learn's `zero_division=0`).
//! - **macro-F1**: the unweighted mean of per-class F1 over every label that occurs in the gold labels or the
//!   predictions (scikit-learn's `f1_score(average="macro")` default label set).
//! - **confusion matrix**: `matrix[gold][predicted]`, rows and columns in `labels` order.
//! - **calibration**: confidence = the probability the service gave its predicted label. 10 equal-width bins,
//!   bin = min(⌊confidence × 10⌋, 9). ECE = Σ_b (n_b / N) · |accuracy_b − mean confidence_b|. An answer without a
//!   probability for its label (no `emotion_scores` entry) is left out of calibration only.
//! - **binary evaluation** of the 3-class output on 2-class gold data (no neutral gold label): predicted =
//!   negative if P(negative) ≥ P(positive), else positive; confidence = the winner's probability renormalised over
//!   the two, max(P−, P+) / (P− + P+) (0.5 when both are 0). The service's own neutral answer is not used.
//! - **NDCG@k**: DCG@k = Σ_{i=1..k} (2^{g_i} − 1) / log2(i + 1) over the service's order; divided by the DCG@k of
//!   the grades sorted best first; a case whose grades are all 0 scores 0 (as scikit-learn). k larger than the
//!   number of candidates uses all of them.
//! - **top-1**: the first-ranked candidate has the case's best grade (ties with it count).
//! - **MRR**: mean of 1 / rank of the first candidate with the case's best grade.
//! - **acceptance**: each candidate's score against accepted = grade ≥ 2 (what the score claims to be the
//!   probability of): mean log-loss, Brier score, and the calibration bins and ECE above with accuracy = share
//!   accepted.
//! - **pairwise accuracy**: over every pair of candidates with different grades in every case (pooled), the share
//!   ranked with the better-graded one first.
//! - **latency percentiles**: nearest rank: p-th = the ⌈p/100 · n⌉-th smallest request latency.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Precision, recall and F1 of one class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold items of this class.
    pub support: usize,
    /// Items predicted as this class.
    pub predicted: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confusion {
    /// Row and column labels.
    pub labels: Vec<String>,
    /// `matrix[gold][predicted]` counts.
    pub matrix: Vec<Vec<usize>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationBin {
    pub lower: f64,
    pub upper: f64,
    pub count: usize,
    /// Mean confidence of the bin's items (null when empty).
    pub confidence: Option<f64>,
    /// Accuracy of the bin's items (null when empty).
    pub accuracy: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    pub ece: f64,
    pub bins: Vec<CalibrationBin>,
}

/// Classification quality of one task (polarity or emotion).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassificationMetrics {
    /// The step whose numbers these are (top level of a multi-step report only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// How predictions were read: "3-class" (the service's label), "binary" (P(negative) vs P(positive)),
    /// "7-class" (emotion).
    pub mode: String,
    /// Items evaluated (gold label present and the request succeeded).
    pub n: usize,
    pub correct: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    /// Labels in display order.
    pub labels: Vec<String>,
    pub per_class: BTreeMap<String, ClassScores>,
    pub confusion: Confusion,
    pub calibration: Calibration,
}

/// Accuracy, per-class scores, macro-F1 and the confusion matrix. `order` gives the display order of labels;
/// labels outside it are appended in the order first seen.
pub fn classification(
    gold: &[String],
    pred: &[String],
    confidence: &[Option<f64>],
    order: &[&str],
    mode: &str,
) -> ClassificationMetrics {
    assert_eq!(gold.len(), pred.len());
    let n = gold.len();
    let mut labels: Vec<String> = order.iter().map(|s| s.to_string()).collect();
    for label in gold.iter().chain(pred) {
        if !labels.contains(label) {
            labels.push(label.clone());
        }
    }
    let index = |label: &String| labels.iter().position(|l| l == label).expect("label listed");
    let mut matrix = vec![vec![0usize; labels.len()]; labels.len()];
    for (g, p) in gold.iter().zip(pred) {
        matrix[index(g)][index(p)] += 1;
    }
    let correct = gold.iter().zip(pred).filter(|(g, p)| g == p).count();
    let mut per_class = BTreeMap::new();
    let mut f1_sum = 0.0;
    let mut present = 0usize;
    for (i, label) in labels.iter().enumerate() {
        let tp = matrix[i][i];
        let support: usize = matrix[i].iter().sum();
        let predicted: usize = matrix.iter().map(|row| row[i]).sum();
        let precision = ratio(tp, predicted);
        let recall = ratio(tp, support);
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        if support > 0 || predicted > 0 {
            f1_sum += f1;
            present += 1;
        }
        per_class.insert(label.clone(), ClassScores { precision, recall, f1, support, predicted });
    }
    ClassificationMetrics {
        step: None,
        mode: mode.to_string(),
        n,
        correct,
        accuracy: ratio(correct, n),
        macro_f1: if present > 0 { f1_sum / present as f64 } else { 0.0 },
        labels: labels.clone(),
        per_class,
        confusion: Confusion { labels, matrix },
        calibration: {
            // Items whose answer carried no probability for the predicted label are left out of calibration.
            let (conf, right): (Vec<f64>, Vec<bool>) =
                confidence.iter().zip(gold.iter().zip(pred)).filter_map(|(c, (g, p))| c.map(|c| (c, g == p))).unzip();
            calibration(&conf, &right, 10)
        },
    }
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Expected calibration error over `bins` equal-width bins (see the module docs).
pub fn calibration(confidence: &[f64], correct: &[bool], bins: usize) -> Calibration {
    let mut count = vec![0usize; bins];
    let mut conf_sum = vec![0.0f64; bins];
    let mut right = vec![0usize; bins];
    for (c, ok) in confidence.iter().zip(correct) {
        let c = c.clamp(0.0, 1.0);
        let b = ((c * bins as f64).floor() as usize).min(bins - 1);
        count[b] += 1;
        conf_sum[b] += c;
        right[b] += usize::from(*ok);
    }
    let n: usize = count.iter().sum();
    let mut ece = 0.0;
    let bins = (0..bins)
        .map(|b| {
            let (confidence, accuracy) = if count[b] > 0 {
                let mc = conf_sum[b] / count[b] as f64;
                let acc = right[b] as f64 / count[b] as f64;
                ece += count[b] as f64 / n as f64 * (acc - mc).abs();
                (Some(mc), Some(acc))
            } else {
                (None, None)
            };
            CalibrationBin {
                lower: b as f64 / bins as f64,
                upper: (b + 1) as f64 / bins as f64,
                count: count[b],
                confidence,
                accuracy,
            }
        })
        .collect();
    Calibration { ece, bins }
}

/// Binary reading of a `[negative, neutral, positive]` distribution: (is_positive, confidence).
pub fn binary_polarity(scores: [f64; 3]) -> (bool, f64) {
    let (neg, pos) = (scores[0].max(0.0), scores[2].max(0.0));
    let positive = pos > neg;
    let total = neg + pos;
    let confidence = if total > 0.0 { neg.max(pos) / total } else { 0.5 };
    (positive, confidence)
}

/// DCG@k of grades in ranked order, gain 2^g − 1, discount log2(rank + 1).
pub fn dcg_at(grades_in_order: &[f64], k: usize) -> f64 {
    grades_in_order.iter().take(k).enumerate().map(|(i, g)| (2f64.powf(*g) - 1.0) / ((i + 2) as f64).log2()).sum()
}

/// NDCG@k (see the module docs).
pub fn ndcg_at(grades_in_order: &[f64], k: usize) -> f64 {
    let mut ideal = grades_in_order.to_vec();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let idcg = dcg_at(&ideal, k);
    if idcg <= 0.0 {
        0.0
    } else {
        dcg_at(grades_in_order, k) / idcg
    }
}

/// Per-case ranking scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseScores {
    #[serde(rename = "ndcg@1")]
    pub ndcg1: f64,
    #[serde(rename = "ndcg@3")]
    pub ndcg3: f64,
    pub top1: bool,
    pub reciprocal_rank: f64,
    /// Pairs with different grades, and those in the right order.
    pub pairs: usize,
    pub pairs_correct: usize,
}

pub fn case_scores(grades_in_order: &[f64]) -> CaseScores {
    let best = grades_in_order.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let first_best = grades_in_order.iter().position(|g| *g == best).unwrap_or(0);
    let mut pairs = 0;
    let mut pairs_correct = 0;
    for i in 0..grades_in_order.len() {
        for j in i + 1..grades_in_order.len() {
            if grades_in_order[i] != grades_in_order[j] {
                pairs += 1;
                pairs_correct += usize::from(grades_in_order[i] > grades_in_order[j]);
            }
        }
    }
    CaseScores {
        ndcg1: ndcg_at(grades_in_order, 1),
        ndcg3: ndcg_at(grades_in_order, 3),
        top1: grades_in_order.first().is_some_and(|g| *g == best),
        reciprocal_rank: 1.0 / (first_best + 1) as f64,
        pairs,
        pairs_correct,
    }
}

/// Ranking quality over all evaluated cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankingMetrics {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// Cases evaluated (the request succeeded).
    pub n: usize,
    #[serde(rename = "ndcg@1")]
    pub ndcg1: f64,
    #[serde(rename = "ndcg@3")]
    pub ndcg3: f64,
    pub top1: f64,
    pub mrr: f64,
    /// Pooled over all pairs with different grades.
    pub pairwise_accuracy: f64,
    pub pairs: usize,
    /// How well each candidate's score predicts that a trainer accepts it (grade ≥ 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<Acceptance>,
}

/// The ranking score read as the probability that a trainer accepts the reply (grade ≥ 2), over every candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acceptance {
    pub candidates: usize,
    /// Share of candidates graded 2 or more.
    pub accept_rate: f64,
    pub log_loss: f64,
    pub brier: f64,
    /// Bins of the score, accuracy = share accepted.
    pub calibration: Calibration,
}

/// Acceptance numbers of (score, accepted) pairs; scores are clamped to [1e-6, 1 − 1e-6] for the log-loss.
pub fn acceptance(scores: &[f64], accepted: &[bool]) -> Acceptance {
    let n = scores.len().min(accepted.len());
    let mean = |f: &dyn Fn(f64, f64) -> f64| {
        if n == 0 {
            0.0
        } else {
            scores.iter().zip(accepted).map(|(s, a)| f(s.clamp(1e-6, 1.0 - 1e-6), f64::from(u8::from(*a)))).sum::<f64>() / n as f64
        }
    };
    Acceptance {
        candidates: n,
        accept_rate: mean(&|_, y| y),
        log_loss: mean(&|p, y| -(y * p.ln() + (1.0 - y) * (1.0 - p).ln())),
        brier: mean(&|p, y| (p - y).powi(2)),
        calibration: calibration(&scores[..n], &accepted[..n], 10),
    }
}

pub fn ranking(cases: &[CaseScores]) -> RankingMetrics {
    let n = cases.len();
    let mean = |f: &dyn Fn(&CaseScores) -> f64| if n == 0 { 0.0 } else { cases.iter().map(f).sum::<f64>() / n as f64 };
    let pairs: usize = cases.iter().map(|c| c.pairs).sum();
    let pairs_correct: usize = cases.iter().map(|c| c.pairs_correct).sum();
    RankingMetrics {
        step: None,
        n,
        ndcg1: mean(&|c| c.ndcg1),
        ndcg3: mean(&|c| c.ndcg3),
        top1: mean(&|c| f64::from(u8::from(c.top1))),
        mrr: mean(&|c| c.reciprocal_rank),
        pairwise_accuracy: ratio(pairs_correct, pairs),
        pairs,
        acceptance: None,
    }
}

/// Nearest-rank percentile of ascending-sorted values (0 when empty).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// Bin edges in ms, one more than `counts`.
    pub edges_ms: Vec<f64>,
    pub counts: Vec<usize>,
    /// "linear" or "log".
    pub scale: String,
}

/// Request latency over the measured requests (failed ones included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Latency {
    pub requests: usize,
    pub min_ms: f64,
    pub mean_ms: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub histogram: Histogram,
}

pub fn latency(samples_ms: &[f64]) -> Latency {
    let mut sorted = samples_ms.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let min = sorted.first().copied().unwrap_or(0.0);
    let max = sorted.last().copied().unwrap_or(0.0);
    Latency {
        requests: n,
        min_ms: min,
        mean_ms: if n == 0 { 0.0 } else { sorted.iter().sum::<f64>() / n as f64 },
        p50_ms: percentile(&sorted, 50.0),
        p90_ms: percentile(&sorted, 90.0),
        p99_ms: percentile(&sorted, 99.0),
        max_ms: max,
        histogram: histogram(&sorted, 24),
    }
}

/// Histogram of sorted samples: log-spaced bins when the spread is wide (max/min > 20), else linear.
pub fn histogram(sorted: &[f64], bins: usize) -> Histogram {
    if sorted.is_empty() {
        return Histogram { edges_ms: vec![0.0, 1.0], counts: vec![0], scale: "linear".into() };
    }
    let min = sorted[0];
    let max = sorted[sorted.len() - 1];
    let log = min > 0.0 && max / min > 20.0;
    let (lo, hi) = if max > min { (min, max) } else { (min * 0.9, min * 1.1 + 1e-3) };
    let edges: Vec<f64> = (0..=bins)
        .map(|i| {
            let t = i as f64 / bins as f64;
            if log {
                (lo.ln() + t * (hi.ln() - lo.ln())).exp()
            } else {
                lo + t * (hi - lo)
            }
        })
        .collect();
    let mut counts = vec![0usize; bins];
    for v in sorted {
        let b = edges[1..].iter().position(|e| v <= e).unwrap_or(bins - 1);
        counts[b] += 1;
    }
    Histogram { edges_ms: edges, counts, scale: if log { "log" } else { "linear" }.into() }
}

/// Exact two-sided McNemar test on paired outcomes: `b` = only A right, `c` = only B right.
/// p = min(1, 2 · P(X ≤ min(b, c))) with X ~ Binomial(b + c, 1/2); 1 when b + c = 0.
pub fn mcnemar_exact(b: usize, c: usize) -> f64 {
    let n = b + c;
    if n == 0 {
        return 1.0;
    }
    let k = b.min(c);
    // log C(n, i) − n·ln 2, summed in probability space.
    let ln2 = std::f64::consts::LN_2;
    let mut log_choose = 0.0f64; // ln C(n, 0)
    let mut tail = 0.0f64;
    for i in 0..=k {
        if i > 0 {
            log_choose += ((n - i + 1) as f64).ln() - (i as f64).ln();
        }
        tail += (log_choose - n as f64 * ln2).exp();
    }
    (2.0 * tail).min(1.0)
}
