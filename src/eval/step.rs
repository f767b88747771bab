//! One evaluation step: a data file sent to the target under a load plan, the answers scored against the gold
//! labels. The per-item outcomes are kept in the report (so that `compare` can pair them).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::data::{Dataset, Kind, PolarityClasses, RankingCase, Utterance};
use super::load::{self, Answer, Call, Errors, Failure, LoadPlan, Throughput};
use super::metrics::{self, CaseScores, ClassificationMetrics, Latency, RankingMetrics};
use super::scenario::ThresholdResult;
use super::target::Target;
use crate::judge::Role;
use crate::labels::{Emotion, Polarity};
use crate::proto;

/// What was evaluated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataSummary {
    pub path: String,
    pub kind: Kind,
    /// Utterances / labelled turns, or ranking cases.
    pub items: usize,
    /// Conversations (kind conversations only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversations: Option<usize>,
    /// 2 or 3 (classification with polarity labels only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity_classes: Option<u8>,
}

/// The outcome for one utterance (or labelled conversation turn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemRecord {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gold_polarity: Option<String>,
    /// The prediction as evaluated (the binary reading on 2-class data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pred_polarity: Option<String>,
    /// The service's own 3-class label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_polarity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity_confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity_correct: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gold_emotion: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pred_emotion: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotion_confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotion_correct: Option<bool>,
    /// `CODE: message` when the request failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The outcome for one ranking case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseRecord {
    pub id: String,
    pub customer: String,
    /// Candidate indices, best first, as the service ranked them.
    pub order: Vec<usize>,
    pub grades: Vec<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<CaseScores>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// How often one fault was reported on the candidates of a ranking run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FaultTally {
    /// Candidates it was reported on.
    pub candidates: usize,
    /// Of those, candidates with their case's best grade (a fault there is likely a false alarm).
    pub on_best: usize,
    /// Of those, candidates graded 0.
    pub on_grade0: usize,
}

/// Everything one step measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepReport {
    pub name: String,
    /// Why the step did not run (its data file is absent and the step is optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
    #[serde(default)]
    pub data: Option<DataSummary>,
    pub load: LoadPlan,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity: Option<ClassificationMetrics>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotion: Option<ClassificationMetrics>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ranking: Option<RankingMetrics>,
    /// Ranking runs: how often each fault was reported, by the grade of the candidate it was reported on.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub faults: BTreeMap<String, FaultTally>,
    #[serde(default)]
    pub latency: Option<Latency>,
    #[serde(default)]
    pub throughput: Option<Throughput>,
    #[serde(default)]
    pub errors: Errors,
    #[serde(default)]
    pub items: Vec<ItemRecord>,
    #[serde(default)]
    pub cases: Vec<CaseRecord>,
    #[serde(default)]
    pub thresholds: Vec<ThresholdResult>,
    pub passed: bool,
    /// Raw request latencies in ms, for the combined latency of a multi-step run; not written.
    #[serde(skip)]
    pub latencies_ms: Vec<f64>,
}

impl StepReport {
    pub fn skipped(name: &str, reason: String, load: LoadPlan) -> StepReport {
        StepReport {
            name: name.to_string(),
            skipped: Some(reason),
            data: None,
            load,
            polarity: None,
            emotion: None,
            ranking: None,
            faults: BTreeMap::new(),
            latency: None,
            throughput: None,
            errors: Errors::default(),
            items: Vec::new(),
            cases: Vec::new(),
            thresholds: Vec::new(),
            passed: true,
            latencies_ms: Vec::new(),
        }
    }
}

pub fn polarity_name(value: i32) -> String {
    match proto::Polarity::try_from(value) {
        Ok(proto::Polarity::Negative) => "negative".into(),
        Ok(proto::Polarity::Neutral) => "neutral".into(),
        Ok(proto::Polarity::Positive) => "positive".into(),
        _ => "unspecified".into(),
    }
}

pub fn emotion_name(value: i32) -> String {
    match proto::Emotion::try_from(value) {
        Ok(proto::Emotion::Anger) => Emotion::Anger.name().into(),
        Ok(proto::Emotion::Anxiety) => Emotion::Anxiety.name().into(),
        Ok(proto::Emotion::Disappointment) => Emotion::Disappointment.name().into(),
        Ok(proto::Emotion::Confusion) => Emotion::Confusion.name().into(),
        Ok(proto::Emotion::Gratitude) => Emotion::Gratitude.name().into(),
        Ok(proto::Emotion::Satisfaction) => Emotion::Satisfaction.name().into(),
        Ok(proto::Emotion::Neutral) => Emotion::Neutral.name().into(),
        _ => "unspecified".into(),
    }
}

/// The scores `[negative, neutral, positive]` of a response.
fn polarity_scores(c: &proto::Classification) -> [f64; 3] {
    c.polarity_scores.map_or([0.0; 3], |s| [s.negative as f64, s.neutral as f64, s.positive as f64])
}

/// Reads one Classify result into the item's record (the scoring rules are in `metrics`' docs).
pub fn score_item(item: &Utterance, result: Result<&proto::Classification, &Failure>, binary: bool) -> ItemRecord {
    let mut record = ItemRecord {
        id: item.id.clone(),
        text: item.text.clone(),
        gold_polarity: item.polarity.map(|p| p.name().to_string()),
        pred_polarity: None,
        service_polarity: None,
        polarity_confidence: None,
        polarity_correct: None,
        gold_emotion: item.emotion.map(|e| e.name().to_string()),
        pred_emotion: None,
        emotion_confidence: None,
        emotion_correct: None,
        error: None,
    };
    let c = match result {
        Ok(c) => c,
        Err(failure) => {
            record.error = Some(format!("{}: {}", failure.code, failure.message));
            return record;
        }
    };
    let scores = polarity_scores(c);
    let service = polarity_name(c.polarity);
    record.service_polarity = Some(service.clone());
    if item.polarity.is_some() {
        let (pred, confidence) = if binary {
            let (positive, confidence) = metrics::binary_polarity(scores);
            (if positive { "positive" } else { "negative" }.to_string(), confidence)
        } else {
            let confidence = match service.as_str() {
                "negative" => scores[0],
                "neutral" => scores[1],
                "positive" => scores[2],
                _ => 0.0,
            };
            (service, confidence)
        };
        record.polarity_correct = Some(record.gold_polarity.as_deref() == Some(pred.as_str()));
        record.pred_polarity = Some(pred);
        record.polarity_confidence = Some(confidence);
    }
    if item.emotion.is_some() {
        let pred = emotion_name(c.emotion);
        record.emotion_confidence = c.emotion_scores.iter().find(|s| s.emotion == c.emotion).map(|s| s.score as f64);
        record.emotion_correct = Some(record.gold_emotion.as_deref() == Some(pred.as_str()));
        record.pred_emotion = Some(pred);
    }
    record
}

/// Polarity and emotion metrics over item records.
pub fn classification_metrics(
    records: &[ItemRecord],
    binary: bool,
) -> (Option<ClassificationMetrics>, Option<ClassificationMetrics>) {
    let polarity_order: &[&str] = if binary { &["negative", "positive"] } else { &["negative", "neutral", "positive"] };
    let emotion_order: Vec<&str> = Emotion::ALL.iter().map(|e| e.name()).collect();
    let collect = |gold: fn(&ItemRecord) -> Option<&String>,
                   pred: fn(&ItemRecord) -> Option<&String>,
                   conf: fn(&ItemRecord) -> Option<f64>| {
        let mut g = Vec::new();
        let mut p = Vec::new();
        let mut c = Vec::new();
        for r in records {
            if let (Some(gold), Some(pred)) = (gold(r), pred(r)) {
                g.push(gold.clone());
                p.push(pred.clone());
                c.push(conf(r));
            }
        }
        (g, p, c)
    };
    let has_polarity = records.iter().any(|r| r.gold_polarity.is_some());
    let has_emotion = records.iter().any(|r| r.gold_emotion.is_some());
    let polarity = has_polarity.then(|| {
        let (g, p, c) = collect(|r| r.gold_polarity.as_ref(), |r| r.pred_polarity.as_ref(), |r| r.polarity_confidence);
        metrics::classification(&g, &p, &c, polarity_order, if binary { "binary" } else { "3-class" })
    });
    let emotion = has_emotion.then(|| {
        let (g, p, c) = collect(|r| r.gold_emotion.as_ref(), |r| r.pred_emotion.as_ref(), |r| r.emotion_confidence);
        metrics::classification(&g, &p, &c, &emotion_order, "7-class")
    });
    (polarity, emotion)
}

/// Whether polarity is read as binary for these items.
pub fn is_binary(items: &[Utterance], classes: PolarityClasses) -> bool {
    match classes {
        PolarityClasses::Two => true,
        PolarityClasses::Three => false,
        PolarityClasses::Auto => {
            let labelled: Vec<Polarity> = items.iter().filter_map(|i| i.polarity).collect();
            !labelled.is_empty() && !labelled.contains(&Polarity::Neutral)
        }
    }
}

/// The service's order as candidate indices: out-of-range and repeated indices are dropped, candidates the
/// answer left out are appended in input order.
pub fn order_of(response: &proto::RankRepliesResponse, candidates: usize) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(candidates);
    for reply in &response.ranked {
        let i = reply.index as usize;
        if i < candidates && !order.contains(&i) {
            order.push(i);
        }
    }
    for i in 0..candidates {
        if !order.contains(&i) {
            order.push(i);
        }
    }
    order
}

pub fn rank_request(case: &RankingCase) -> proto::RankRepliesRequest {
    proto::RankRepliesRequest {
        customer_message: case.customer.clone(),
        context: case
            .context
            .iter()
            .map(|t| proto::Turn {
                role: match t.role {
                    Role::Customer => proto::Role::Customer as i32,
                    Role::Agent => proto::Role::Agent as i32,
                },
                text: t.text.clone(),
            })
            .collect(),
        candidates: case.candidates.clone(),
    }
}

/// Runs one step.
pub async fn run(
    name: &str,
    path: &str,
    dataset: &Dataset,
    target: Arc<dyn Target>,
    plan: &LoadPlan,
    classes: PolarityClasses,
    progress: bool,
) -> StepReport {
    let mut report = StepReport::skipped(name, String::new(), plan.clone());
    report.skipped = None;
    match dataset {
        Dataset::Classification { kind, items, conversations } => {
            let binary = is_binary(items, classes);
            let batch = plan.batch_size.max(1);
            let units: Vec<Call> = items
                .chunks(batch)
                .map(|chunk| Call::Classify(chunk.iter().map(|i| i.text.clone()).collect()))
                .collect();
            let outcome = load::run(target, units, plan, name, progress).await;
            for (k, result) in outcome.first_pass.iter().enumerate() {
                let chunk = &items[k * batch..((k + 1) * batch).min(items.len())];
                for (j, item) in chunk.iter().enumerate() {
                    let record = match result {
                        Ok(Answer::Classify(response)) => match response.results.get(j) {
                            Some(c) if response.results.len() == chunk.len() => score_item(item, Ok(c), binary),
                            _ => score_item(
                                item,
                                Err(&Failure {
                                    code: "BAD_RESPONSE".into(),
                                    message: format!("{} results for {} texts", response.results.len(), chunk.len()),
                                }),
                                binary,
                            ),
                        },
                        Ok(Answer::Rank(_)) => unreachable!("classify units get classify answers"),
                        Err(failure) => score_item(item, Err(failure), binary),
                    };
                    report.items.push(record);
                }
            }
            let (polarity, emotion) = classification_metrics(&report.items, binary);
            let has_polarity = polarity.is_some();
            report.polarity = polarity;
            report.emotion = emotion;
            report.data = Some(DataSummary {
                path: path.to_string(),
                kind: *kind,
                items: items.len(),
                conversations: (*kind == Kind::Conversations).then_some(*conversations),
                polarity_classes: has_polarity.then_some(if binary { 2 } else { 3 }),
            });
            finish(&mut report, outcome);
        }
        Dataset::Ranking(cases) => {
            let units: Vec<Call> = cases.iter().map(|case| Call::Rank(rank_request(case))).collect();
            let outcome = load::run(target, units, plan, name, progress).await;
            let mut scores = Vec::new();
            let (mut acceptance_scores, mut accepted) = (Vec::new(), Vec::new());
            for (case, result) in cases.iter().zip(&outcome.first_pass) {
                let mut record = CaseRecord {
                    id: case.id.clone(),
                    customer: case.customer.clone(),
                    order: Vec::new(),
                    grades: case.grades.clone(),
                    scores: None,
                    error: None,
                };
                match result {
                    Ok(Answer::Rank(response)) => {
                        let best = case.grades.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                        for reply in &response.ranked {
                            let Some(grade) = case.grades.get(reply.index as usize).copied() else { continue };
                            acceptance_scores.push(f64::from(reply.score));
                            accepted.push(grade >= 2.0);
                            for f in &reply.faults {
                                let name = proto::Fault::try_from(*f)
                                    .map(|f| f.as_str_name().trim_start_matches("FAULT_").to_ascii_lowercase())
                                    .unwrap_or_else(|_| format!("fault_{f}"));
                                let tally = report.faults.entry(name).or_default();
                                tally.candidates += 1;
                                tally.on_best += usize::from(grade == best);
                                tally.on_grade0 += usize::from(grade == 0.0);
                            }
                        }
                        record.order = order_of(response, case.candidates.len());
                        let in_order: Vec<f64> = record.order.iter().map(|i| case.grades[*i]).collect();
                        let s = metrics::case_scores(&in_order);
                        scores.push(s.clone());
                        record.scores = Some(s);
                    }
                    Ok(Answer::Classify(_)) => unreachable!("rank units get rank answers"),
                    Err(failure) => record.error = Some(format!("{}: {}", failure.code, failure.message)),
                }
                report.cases.push(record);
            }
            let acceptance = Some(metrics::acceptance(&acceptance_scores, &accepted));
            report.ranking = Some(metrics::RankingMetrics { acceptance, ..metrics::ranking(&scores) });
            report.data = Some(DataSummary {
                path: path.to_string(),
                kind: Kind::Replies,
                items: cases.len(),
                conversations: None,
                polarity_classes: None,
            });
            finish(&mut report, outcome);
        }
    }
    report
}

fn finish(report: &mut StepReport, outcome: load::LoadOutcome) {
    report.latency = Some(metrics::latency(&outcome.latencies_ms));
    report.throughput = Some(outcome.throughput);
    report.errors = outcome.errors;
    report.latencies_ms = outcome.latencies_ms;
}
