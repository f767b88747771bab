//! `gongqing eval`: metrics on small fixtures computed by hand (a fake server answers with canned predictions
//! from tests/fixtures/eval/predictions.json), the report schema and files, thresholds → exit code, compare,
//! data loading, and a run against the real server on the lexicon whose metrics are recomputed from raw
//! Classify / RankReplies responses.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use gongqing::engine::BackendChoice;
use gongqing::eval::{data, metrics, scenario};
use gongqing::proto;
use gongqing::proto::empathy_server::{Empathy, EmpathyServer};
use serde_json::Value;
use tonic::{Request, Response, Status};

const FIXTURES: &str = "tests/fixtures/eval";
const EPS: f64 = 1e-5;

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn close(actual: f64, expected: f64, what: &str) {
    assert!((actual - expected).abs() < EPS, "{what}: got {actual}, expected {expected}");
}

fn num(v: &Value, path: &str) -> f64 {
    scenario::lookup(v, path).unwrap_or_else(|| panic!("{path} missing in {v:#}"))
}

// ---------------------------------------------------------------------------------------------------------------
// A fake server with canned answers, so that every metric can be computed by hand.

struct Fake {
    classify: HashMap<String, Value>,
    rank: HashMap<String, Vec<u32>>,
}

fn fake() -> Fake {
    let raw: Value = serde_json::from_str(&std::fs::read_to_string(fixture("predictions.json")).unwrap()).unwrap();
    let classify = raw["classify"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let rank = raw["rank"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_array().unwrap().iter().map(|i| i.as_u64().unwrap() as u32).collect()))
        .collect();
    Fake { classify, rank }
}

fn polarity_enum(name: &str) -> proto::Polarity {
    match name {
        "negative" => proto::Polarity::Negative,
        "neutral" => proto::Polarity::Neutral,
        "positive" => proto::Polarity::Positive,
        _ => proto::Polarity::Unspecified,
    }
}

fn emotion_enum(name: &str) -> proto::Emotion {
    match name {
        "anger" => proto::Emotion::Anger,
        "anxiety" => proto::Emotion::Anxiety,
        "disappointment" => proto::Emotion::Disappointment,
        "confusion" => proto::Emotion::Confusion,
        "gratitude" => proto::Emotion::Gratitude,
        "satisfaction" => proto::Emotion::Satisfaction,
        "neutral" => proto::Emotion::Neutral,
        _ => proto::Emotion::Unspecified,
    }
}

#[tonic::async_trait]
impl Empathy for Fake {
    async fn classify(
        &self,
        request: Request<proto::ClassifyRequest>,
    ) -> Result<Response<proto::ClassifyResponse>, Status> {
        let mut results = Vec::new();
        for text in request.into_inner().texts {
            if text == "BOOM" {
                return Err(Status::invalid_argument("BOOM is not a text"));
            }
            let p =
                self.classify.get(&text).ok_or_else(|| Status::not_found(format!("no canned answer for {text}")))?;
            let s: Vec<f32> = p["scores"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap() as f32).collect();
            let emotion = emotion_enum(p["emotion"].as_str().unwrap());
            results.push(proto::Classification {
                polarity: polarity_enum(p["polarity"].as_str().unwrap()) as i32,
                polarity_scores: Some(proto::PolarityScores { negative: s[0], neutral: s[1], positive: s[2] }),
                emotion: emotion as i32,
                emotion_scores: vec![proto::EmotionScore {
                    emotion: emotion as i32,
                    score: p["emotion_score"].as_f64().unwrap() as f32,
                }],
                backend: proto::Backend::Lexicon as i32,
                ..Default::default()
            });
        }
        Ok(Response::new(proto::ClassifyResponse { results, backend: proto::Backend::Lexicon as i32 }))
    }

    async fn rank_replies(
        &self,
        request: Request<proto::RankRepliesRequest>,
    ) -> Result<Response<proto::RankRepliesResponse>, Status> {
        let request = request.into_inner();
        let order = self.rank.get(&request.customer_message).ok_or_else(|| Status::not_found("no canned order"))?;
        let n = order.len() as f32;
        Ok(Response::new(proto::RankRepliesResponse {
            ranked: order
                .iter()
                .enumerate()
                .map(|(rank, index)| proto::RankedReply {
                    index: *index,
                    score: (n - rank as f32) / (n + 1.0),
                    ..Default::default()
                })
                .collect(),
            customer: None,
        }))
    }

    async fn analyze_conversation(
        &self,
        _request: Request<proto::AnalyzeConversationRequest>,
    ) -> Result<Response<proto::AnalyzeConversationResponse>, Status> {
        Err(Status::unimplemented("the fixture server does not analyze conversations"))
    }

    type MonitorConversationStream =
        tokio_stream::Iter<std::vec::IntoIter<Result<proto::MonitorUpdate, Status>>>;

    async fn monitor_conversation(
        &self,
        _request: Request<tonic::Streaming<proto::MonitorRequest>>,
    ) -> Result<Response<Self::MonitorConversationStream>, Status> {
        Err(Status::unimplemented("the fake server does not monitor"))
    }

    async fn info(&self, _request: Request<proto::InfoRequest>) -> Result<Response<proto::InfoResponse>, Status> {
        Ok(Response::new(proto::InfoResponse {
            version: "fake-1".into(),
            backend: proto::Backend::Lexicon as i32,
            model: "fixture-model".into(),
            limits: Some(proto::Limits {
                max_texts: 128,
                max_text_bytes: 16384,
                max_candidates: 32,
                max_context_turns: 64,
                ..Default::default()
            }),
            ..Default::default()
        }))
    }
}

/// Starts the fake server on port 0 in a thread of its own; returns its URL.
fn start_fake() -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            tonic::transport::Server::builder()
                .add_service(EmpathyServer::new(fake()))
                .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener))
                .await
                .unwrap();
        });
    });
    format!("http://{}", rx.recv().unwrap())
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    dir: PathBuf,
    report: Value,
}

fn eval(input: &str, target: &str, extra: &[&str]) -> (Run, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("report");
    let out = Command::new(env!("CARGO_BIN_EXE_gongqing"))
        .args(["eval", input, "--target", target, "--report-dir"])
        .arg(&dir)
        .args(["--quiet", "--backend", "lexicon"])
        .args(extra)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let report = std::fs::read_to_string(dir.join("report.json"))
        .map(|s| serde_json::from_str(&s).unwrap())
        .unwrap_or(Value::Null);
    (Run { code: out.status.code().unwrap_or(-1), stdout, stderr, dir, report }, tmp)
}

// ---------------------------------------------------------------------------------------------------------------

/// utterances.jsonl against the canned answers (gold → predicted, confidence = probability of the predicted label):
///
/// | id | gold polarity | pred | conf | gold emotion | pred emotion | conf |
/// |----|---------------|------|------|--------------|--------------|------|
/// | u1 | negative | negative ✓ | 0.85 | anger        | anger ✓          | 0.85 |
/// | u2 | negative | negative ✓ | 0.65 | anxiety      | anger ✗          | 0.55 |
/// | u3 | neutral  | negative ✗ | 0.45 | neutral      | disappointment ✗ | 0.45 |
/// | u4 | neutral  | neutral ✓  | 0.75 | neutral      | neutral ✓        | 0.75 |
/// | u5 | positive | positive ✓ | 0.95 | gratitude    | gratitude ✓      | 0.95 |
/// | u6 | positive | neutral ✗  | 0.55 | satisfaction | neutral ✗        | 0.65 |
#[test]
fn classification_metrics_match_hand_computation() {
    let url = start_fake();
    let (run, _tmp) = eval(&fixture("utterances.jsonl"), &url, &["--batch-size", "4", "--concurrency", "2"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let r = &run.report;
    let p = &r["polarity"];
    // Gold has neutral → 3-class.
    assert_eq!(p["mode"], "3-class");
    assert_eq!(p["n"], 6);
    // accuracy = 4 correct (u1 u2 u4 u5) / 6 = 0.666667
    close(num(p, "accuracy"), 4.0 / 6.0, "polarity accuracy");
    // confusion rows gold, columns predicted [negative, neutral, positive]:
    //   negative [2 0 0]; neutral [1 1 0]; positive [0 1 1]
    assert_eq!(p["confusion"]["labels"], serde_json::json!(["negative", "neutral", "positive"]));
    assert_eq!(p["confusion"]["matrix"], serde_json::json!([[2, 0, 0], [1, 1, 0], [0, 1, 1]]));
    // negative: TP 2, predicted 3, support 2 → P 2/3, R 1, F1 = 2·(2/3)·1/(2/3+1) = 0.8
    close(num(p, "per_class.negative.precision"), 2.0 / 3.0, "P(neg)");
    close(num(p, "per_class.negative.recall"), 1.0, "R(neg)");
    close(num(p, "per_class.negative.f1"), 0.8, "F1(neg)");
    // neutral: TP 1, predicted 2, support 2 → P 0.5, R 0.5, F1 0.5
    close(num(p, "per_class.neutral.f1"), 0.5, "F1(neu)");
    // positive: TP 1, predicted 1, support 2 → P 1, R 0.5, F1 = 2·0.5/1.5 = 2/3
    close(num(p, "per_class.positive.precision"), 1.0, "P(pos)");
    close(num(p, "per_class.positive.recall"), 0.5, "R(pos)");
    close(num(p, "per_class.positive.f1"), 2.0 / 3.0, "F1(pos)");
    assert_eq!(p["per_class"]["positive"]["support"], 2);
    assert_eq!(p["per_class"]["negative"]["predicted"], 3);
    // macro-F1 = (0.8 + 0.5 + 2/3) / 3 = 59/90 = 0.655556
    close(num(p, "macro_f1"), 59.0 / 90.0, "polarity macro-F1");
    // ECE: every item sits alone in its bin (0.85→8, 0.65→6, 0.45→4, 0.75→7, 0.95→9, 0.55→5), so
    // ECE = (|1−.85| + |1−.65| + |0−.45| + |1−.75| + |1−.95| + |0−.55|) / 6 = 1.8 / 6 = 0.30
    close(num(p, "calibration.ece"), 0.30, "polarity ECE");
    let bins = p["calibration"]["bins"].as_array().unwrap();
    assert_eq!(bins.len(), 10);
    assert_eq!(bins[4]["count"], 1);
    close(num(&bins[4], "accuracy"), 0.0, "bin 4 accuracy");
    close(num(&bins[4], "confidence"), 0.45, "bin 4 confidence");
    assert_eq!(bins[0]["count"], 0);
    assert!(bins[0]["accuracy"].is_null());

    let e = &r["emotion"];
    // accuracy = 3 (u1 u4 u5) / 6 = 0.5
    close(num(e, "accuracy"), 0.5, "emotion accuracy");
    // labels in gold or predicted: anger, anxiety, disappointment, gratitude, satisfaction, neutral (6; confusion
    // is in neither and is left out of the mean). F1: anger P 1/2 R 1 → 2/3; anxiety 0; disappointment 0;
    // gratitude 1; satisfaction 0; neutral P 1/2 R 1/2 → 1/2. macro = (2/3 + 1 + 1/2) / 6 = 13/36 = 0.361111
    close(num(e, "per_class.anger.f1"), 2.0 / 3.0, "F1(anger)");
    close(num(e, "per_class.neutral.f1"), 0.5, "F1(neutral emotion)");
    close(num(e, "macro_f1"), 13.0 / 36.0, "emotion macro-F1");
    assert_eq!(e["per_class"]["confusion"]["support"], 0);
    assert_eq!(e["per_class"]["confusion"]["predicted"], 0);
    // ECE: confidences 0.85 ✓, 0.55 ✗, 0.45 ✗, 0.75 ✓, 0.95 ✓, 0.65 ✗ each alone in a bin:
    // (.15 + .55 + .45 + .25 + .05 + .65) / 6 = 2.1 / 6 = 0.35
    close(num(e, "calibration.ece"), 0.35, "emotion ECE");

    // Latency: 6 items in batches of 4 → 2 measured requests.
    assert_eq!(r["latency"]["requests"], 2);
    assert!(num(r, "latency.p50_ms") > 0.0 && num(r, "latency.p99_ms") >= num(r, "latency.p50_ms"));
    // Per-item correctness is kept (for compare).
    let items = r["steps"][0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    assert_eq!(items[2]["id"], "u3");
    assert_eq!(items[2]["polarity_correct"], false);
    assert_eq!(items[2]["pred_polarity"], "negative");
    // The server's Info is in the report.
    assert_eq!(r["server"]["version"], "fake-1");
    assert_eq!(r["server"]["model"], "fixture-model");
    assert_eq!(r["server"]["backend"], "BACKEND_LEXICON");
}

/// binary.csv (columns sid, content, label 0/1) read through --column and --polarity-label; no neutral gold
/// label → binary: predicted = negative if P(neg) ≥ P(pos) else positive, confidence = max / (P(neg) + P(pos)).
///
/// | id | gold | P(neg) | P(pos) | pred | conf |
/// |----|------|--------|--------|------|------|
/// | b1 | negative | 0.85 | 0.05 | negative ✓ | .85/.90 = 0.944444 |
/// | b2 | positive | 0.10 | 0.35 | positive ✓ (the service said neutral) | .35/.45 = 0.777778 |
/// | b3 | positive | 0.45 | 0.20 | negative ✗ | .45/.65 = 0.692308 |
/// | b4 | positive | 0.02 | 0.95 | positive ✓ | .95/.97 = 0.979381 |
#[test]
fn binary_polarity_on_two_class_csv() {
    let url = start_fake();
    let (run, _tmp) = eval(
        &fixture("binary.csv"),
        &url,
        &[
            "--column",
            "id=sid",
            "--column",
            "text=content",
            "--column",
            "polarity=label",
            "--polarity-label",
            "0=negative",
            "--polarity-label",
            "1=positive",
        ],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let p = &run.report["polarity"];
    assert_eq!(p["mode"], "binary");
    assert_eq!(run.report["steps"][0]["data"]["polarity_classes"], 2);
    // accuracy 3/4
    close(num(p, "accuracy"), 0.75, "binary accuracy");
    // confusion [negative, positive]: negative [1 0]; positive [1 2]
    assert_eq!(p["confusion"]["matrix"], serde_json::json!([[1, 0], [1, 2]]));
    // negative: P 1/2, R 1 → F1 2/3; positive: P 2/2, R 2/3 → F1 0.8; macro = (2/3 + 0.8)/2 = 22/30
    close(num(p, "macro_f1"), 22.0 / 30.0, "binary macro-F1");
    // ECE: bin 9 holds b1 and b4 (both right): 2/4·|1 − (0.944444+0.979381)/2| = 0.019044;
    // bin 7 b2 (right): 1/4·|1 − 0.777778| = 0.055556; bin 6 b3 (wrong): 1/4·0.692308 = 0.173077;
    // ECE = 0.247676
    let expected = 0.5 * (1.0 - (0.85 / 0.90 + 0.95 / 0.97) / 2.0) + 0.25 * (1.0 - 0.35 / 0.45) + 0.25 * (0.45 / 0.65);
    close(expected, 0.247676, "hand arithmetic");
    close(num(p, "calibration.ece"), expected, "binary ECE");
    let items = run.report["steps"][0]["items"].as_array().unwrap();
    assert_eq!(items[1]["id"], "b2");
    assert_eq!(items[1]["service_polarity"], "neutral");
    assert_eq!(items[1]["pred_polarity"], "positive");
}

/// replies.jsonl; the fake server ranks r1 as [2, 0, 3, 1] and r2 as [1, 0, 2].
/// r1 grades [3, 0, 2, 1] → in ranked order [2, 3, 1, 0]:
///   DCG@3 = (2²−1)/log2 2 + (2³−1)/log2 3 + (2¹−1)/log2 4 = 3 + 4.416508 + 0.5 = 7.916508
///   IDCG@3 (order [3, 2, 1, 0]) = 7 + 3/1.584963 + 0.5 = 9.392789 → NDCG@3 = 0.842829
///   NDCG@1 = 3/7 = 0.428571; top-1 no (2 ≠ 3); reciprocal rank 1/2; pairs 6, right 5 (only 2-before-3 is wrong)
/// r2 grades [1, 3, 1] → in ranked order [3, 1, 1]: NDCG@3 = NDCG@1 = 1, top-1 yes, RR 1; pairs with different
///   grades 2, both right (the 1–1 tie is not a pair)
/// Means: NDCG@3 = (0.842829 + 1)/2 = 0.921414; NDCG@1 = (3/7 + 1)/2 = 0.714286; top-1 = 0.5; MRR = 0.75;
/// pairwise accuracy pooled = (5 + 2)/(6 + 2) = 0.875
/// Scores (n − rank)/(n + 1): r1 0.8, 0.6, 0.4, 0.2 on grades 2, 3, 1, 0; r2 0.75, 0.5, 0.25 on grades 3, 1, 1.
/// Accepted (grade ≥ 2): 3 of 7. Brier = (0.04 + 0.16 + 0.16 + 0.04 + 0.0625 + 0.25 + 0.0625)/7 = 0.110714;
/// ECE: one candidate in each of bins 8, 6, 4, 7, 5 (gaps 0.2, 0.4, 0.4, 0.25, 0.5), bin 2 holds 0.2 and 0.25,
/// neither accepted (gap 0.225, weight 2) → 2.2/7 = 0.314286.
#[test]
fn ranking_metrics_match_hand_computation() {
    let url = start_fake();
    let (run, _tmp) = eval(&fixture("replies.jsonl"), &url, &[]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let r = &run.report["ranking"];
    let ndcg3_r1 = (3.0 + 7.0 / 3f64.log2() + 0.5) / (7.0 + 3.0 / 3f64.log2() + 0.5);
    close(ndcg3_r1, 0.842829, "hand arithmetic");
    close(num(r, "ndcg@3"), (ndcg3_r1 + 1.0) / 2.0, "NDCG@3");
    close(num(r, "ndcg@3"), 0.921414, "NDCG@3 (rounded)");
    close(num(r, "ndcg@1"), (3.0 / 7.0 + 1.0) / 2.0, "NDCG@1");
    close(num(r, "top1"), 0.5, "top-1");
    close(num(r, "mrr"), 0.75, "MRR");
    close(num(r, "pairwise_accuracy"), 0.875, "pairwise");
    assert_eq!(r["pairs"], 8);
    assert_eq!(r["n"], 2);
    assert_eq!(r["acceptance"]["candidates"], 7);
    close(num(r, "acceptance.accept_rate"), 3.0 / 7.0, "accept rate");
    close(num(r, "acceptance.brier"), 0.775 / 7.0, "Brier");
    let log_loss = -[0.8f64, 0.6, 0.6, 0.8, 0.75, 0.5, 0.75].iter().map(|p| p.ln()).sum::<f64>() / 7.0;
    close(num(r, "acceptance.log_loss"), log_loss, "log-loss");
    close(num(r, "acceptance.calibration.ece"), 2.2 / 7.0, "acceptance ECE");
    let cases = run.report["steps"][0]["cases"].as_array().unwrap();
    assert_eq!(cases[0]["order"], serde_json::json!([2, 0, 3, 1]));
    assert_eq!(cases[0]["scores"]["top1"], false);
    close(num(&cases[0], "scores.reciprocal_rank"), 0.5, "RR r1");
    assert!(run.report.get("polarity").is_none());
    assert!(num(&run.report, "latency.p99_ms") > 0.0);
}

/// conversations.jsonl: one conversation, turns 0 (negative/anger) and 2 (positive/gratitude) are labelled; the
/// agent turn 1 is not scored. No neutral gold → binary; both right: accuracy 1, emotion accuracy 1.
#[test]
fn conversations_score_labelled_turns() {
    let url = start_fake();
    let (run, _tmp) = eval(&fixture("conversations.jsonl"), &url, &[]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let step = &run.report["steps"][0];
    assert_eq!(step["data"]["kind"], "conversations");
    assert_eq!(step["data"]["conversations"], 1);
    assert_eq!(step["data"]["items"], 2);
    assert_eq!(step["items"][1]["id"], "c1#2");
    close(num(&run.report, "polarity.accuracy"), 1.0, "accuracy");
    close(num(&run.report, "emotion.accuracy"), 1.0, "emotion accuracy");
    // Macro-F1 over anger and gratitude (both F1 1) = 1.
    close(num(&run.report, "emotion.macro_f1"), 1.0, "emotion macro-F1");
}

/// with_error.jsonl at batch size 1: the BOOM request fails with INVALID_ARGUMENT, is counted, and the other two
/// items are still scored (both right → accuracy 2/2).
#[test]
fn errors_are_counted_by_status_code_and_the_run_goes_on() {
    let url = start_fake();
    let (run, _tmp) = eval(&fixture("with_error.jsonl"), &url, &["--batch-size", "1", "--warmup", "0"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let r = &run.report;
    assert_eq!(r["errors"]["total"], 1);
    assert_eq!(r["errors"]["by_code"]["INVALID_ARGUMENT"], 1);
    assert_eq!(r["errors"]["items_failed"], 1);
    assert_eq!(r["polarity"]["n"], 2);
    close(num(r, "polarity.accuracy"), 1.0, "accuracy without the failed item");
    assert_eq!(r["latency"]["requests"], 3);
    let failed = &r["steps"][0]["items"][1];
    assert!(failed["error"].as_str().unwrap().starts_with("INVALID_ARGUMENT"));
    // --requests 7 cycles over the 3 items: 7 measured requests; the quality is still from the first pass.
    let (run, _tmp) =
        eval(&fixture("with_error.jsonl"), &url, &["--batch-size", "1", "--requests", "7", "--concurrency", "3"]);
    assert_eq!(run.report["latency"]["requests"], 7);
    // Request k sends item k % 3; item 1 is BOOM → requests 1 and 4 fail.
    assert_eq!(run.report["errors"]["by_code"]["INVALID_ARGUMENT"], 2);
    assert_eq!(run.report["polarity"]["n"], 2);
}

fn parse_xml(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    roxmltree::Document::parse_with_options(&text, roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() })
        .unwrap_or_else(|e| panic!("{} is not well-formed: {e}", path.display()));
    text
}

/// The report files: report.json has the documented schema; every SVG and report.html parse as XML;
/// the HTML inlines the charts and references no outside resource.
#[test]
fn report_schema_and_files() {
    let url = start_fake();
    let tmp = tempfile::tempdir().unwrap();
    let scenario = tmp.path().join("both.toml");
    std::fs::write(
        &scenario,
        format!(
            "name = \"both\"\nconcurrency = 2\n[[steps]]\nname = \"utterances\"\ndata = \"{}\"\n[[steps]]\nname = \"replies\"\ndata = \"{}\"\n",
            fixture("utterances.jsonl"),
            fixture("replies.jsonl")
        ),
    )
    .unwrap();
    let (run, _tmp) = eval(scenario.to_str().unwrap(), &url, &[]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let r = &run.report;
    assert_eq!(r["schema"], "gongqing.eval.report/v1");
    for key in [
        "tool",
        "created_at",
        "name",
        "input",
        "target",
        "server",
        "latency",
        "errors",
        "thresholds",
        "passed",
        "steps",
        "definitions",
    ] {
        assert!(r.get(key).is_some(), "report.json lacks {key}");
    }
    assert_eq!(r["target"]["kind"], "remote");
    assert_eq!(r["target"]["address"], url.as_str());
    // The fixed interface: polarity/emotion with accuracy and macro_f1, ranking with ndcg@3 and top1, latency with
    // p50_ms and p99_ms.
    for path in [
        "polarity.accuracy",
        "polarity.macro_f1",
        "emotion.accuracy",
        "emotion.macro_f1",
        "ranking.ndcg@3",
        "ranking.top1",
        "latency.p50_ms",
        "latency.p99_ms",
        "latency.p90_ms",
        "latency.max_ms",
    ] {
        num(r, path);
    }
    assert_eq!(r["polarity"]["step"], "utterances");
    assert_eq!(r["ranking"]["step"], "replies");
    // Same numbers as the single-file runs above.
    close(num(r, "polarity.macro_f1"), 59.0 / 90.0, "macro-F1");
    close(num(r, "ranking.top1"), 0.5, "top-1");
    // Combined latency: 1 Classify request (6 texts, batch 16) + 2 RankReplies requests = 3.
    assert_eq!(r["latency"]["requests"], 3);
    let steps = r["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2);
    for step in steps {
        for key in ["name", "data", "load", "latency", "throughput", "errors", "passed"] {
            assert!(step.get(key).is_some(), "step lacks {key}");
        }
        num(step, "throughput.requests_per_s");
        num(step, "load.concurrency");
    }
    // Files.
    let md = std::fs::read_to_string(run.dir.join("report.md")).unwrap();
    assert!(md.contains("# gongqing eval: both") && md.contains("| negative |") && md.contains("NDCG@3"));
    let charts: Vec<PathBuf> = std::fs::read_dir(run.dir.join("charts")).unwrap().map(|e| e.unwrap().path()).collect();
    let names: Vec<String> = charts.iter().map(|p| p.file_name().unwrap().to_string_lossy().to_string()).collect();
    for expected in [
        "utterances-polarity-confusion.svg",
        "utterances-polarity-reliability.svg",
        "utterances-emotion-confusion.svg",
        "utterances-latency.svg",
        "replies-ranking.svg",
        "replies-latency.svg",
    ] {
        assert!(names.contains(&expected.to_string()), "{expected} missing from {names:?}");
    }
    for chart in &charts {
        let text = parse_xml(chart);
        let doc = roxmltree::Document::parse(&text).unwrap();
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert_eq!(doc.root_element().tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    }
    let html = parse_xml(&run.dir.join("report.html"));
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() },
    )
    .unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "html");
    let svgs = doc.descendants().filter(|n| n.tag_name().name() == "svg").count();
    assert_eq!(svgs, charts.len(), "every chart is inlined once");
    for node in doc.descendants() {
        for attr in ["src", "href"] {
            assert!(node.attribute(attr).is_none(), "report.html references an outside resource: {node:?}");
        }
    }
    assert!(html.contains("fixture-model"), "the server's Info is shown");
}

/// Thresholds: all hold → 0; one fails → 2 (reports still written); an optional step whose file is absent is
/// skipped with a message and its thresholds are not counted; a missing required file → 1.
#[test]
fn scenario_thresholds_set_the_exit_code() {
    let url = start_fake();
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, body: String| {
        let path = tmp.path().join(name);
        std::fs::write(&path, body).unwrap();
        path.to_string_lossy().to_string()
    };
    let utterances = fixture("utterances.jsonl");
    let replies = fixture("replies.jsonl");
    // polarity accuracy is 0.666667, top-1 0.5.
    let pass = write(
        "pass.toml",
        format!(
            "[[steps]]\ndata = \"{utterances}\"\n[steps.thresholds]\n\"polarity.accuracy\" = \">= 0.66\"\n\"errors.total\" = \"<= 0\"\n\
             [[steps]]\ndata = \"{replies}\"\nthresholds = {{ \"ranking.top1\" = \">= 0.5\", \"latency.p99_ms\" = \"< 60000\" }}\n\
             [[steps]]\nname = \"absent\"\ndata = \"does/not/exist.jsonl\"\noptional = true\nthresholds = {{ \"polarity.accuracy\" = \">= 0.99\" }}\n"
        ),
    );
    let (run, _t) = eval(&pass, &url, &[]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(run.report["passed"], true);
    assert_eq!(run.report["thresholds"].as_array().unwrap().len(), 5);
    assert_eq!(run.report["steps"][2]["skipped"], "does/not/exist.jsonl not found (optional step)");
    assert!(run.stderr.contains("absent: skipped"), "{}", run.stderr);

    let fail = write(
        "fail.toml",
        format!("[[steps]]\ndata = \"{replies}\"\n[steps.thresholds]\n\"ranking.top1\" = \">= 0.9\"\n\"ranking.ndcg@3\" = \">= 0.9\"\n"),
    );
    let (run, _t) = eval(&fail, &url, &[]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(run.report["passed"], false);
    let t = &run.report["thresholds"];
    // BTreeMap order: ranking.ndcg@3 (0.921 ≥ 0.9 holds), ranking.top1 (0.5 < 0.9 fails).
    assert_eq!(t[0]["metric"], "ranking.ndcg@3");
    assert_eq!(t[0]["passed"], true);
    assert_eq!(t[1]["passed"], false);
    close(num(&t[1], "actual"), 0.5, "actual top-1");
    assert!(run.dir.join("report.html").exists());

    // --threshold on a data file; a metric the run does not produce fails.
    let (run, _t) =
        eval(&utterances, &url, &["--threshold", "polarity.macro_f1>=0.6", "--threshold", "ranking.top1>=0.1"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.report["thresholds"][0]["passed"], true);
    assert_eq!(run.report["thresholds"][1]["passed"], false);
    assert!(run.report["thresholds"][1]["actual"].is_null());

    let missing = write("missing.toml", "[[steps]]\ndata = \"does/not/exist.jsonl\"\n".into());
    let (run, _t) = eval(&missing, &url, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("not found"));
}

/// compare: B is A with u3 and u6 (wrong in A) right and u1 (right in A) wrong:
/// only A right b = 1, only B right c = 2 → McNemar exact p = 2·P(X ≤ 1 | n = 3, ½) = 2·(1 + 3)/8 = 1.0;
/// accuracy A 4/6, B 5/6, Δ = +1/6 = +0.1667.
#[test]
fn compare_prints_differences_and_significance() {
    let url = start_fake();
    let (run, tmp) = eval(&fixture("utterances.jsonl"), &url, &[]);
    assert_eq!(run.code, 0);
    let mut b = run.report.clone();
    for (i, correct) in [(0usize, false), (2, true), (5, true)] {
        b["steps"][0]["items"][i]["polarity_correct"] = Value::Bool(correct);
    }
    b["steps"][0]["polarity"]["accuracy"] = serde_json::json!(5.0 / 6.0);
    let a_path = run.dir.join("report.json");
    let b_path = tmp.path().join("b.json");
    std::fs::write(&b_path, serde_json::to_string(&b).unwrap()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gongqing"))
        .args(["eval", "compare"])
        .arg(&a_path)
        .arg(&b_path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("polarity.accuracy"), "{text}");
    assert!(text.contains("+0.1667"), "{text}");
    assert!(text.contains("McNemar exact p = 1.0000 (only A right 1, only B right 2)"), "{text}");
    let out = Command::new(env!("CARGO_BIN_EXE_gongqing"))
        .args(["eval", "compare", "--json"])
        .arg(&a_path)
        .arg(&b_path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let test = json["steps"][0]["tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["metric"] == "polarity.accuracy")
        .unwrap()
        .clone();
    assert_eq!(test["paired"], 6);
    assert_eq!(test["a_only"], 1);
    assert_eq!(test["b_only"], 2);
    close(num(&test, "mcnemar_p"), 1.0, "McNemar p");
    close(num(&test, "delta"), 1.0 / 6.0, "paired delta");
    let ci = test["ci95"].as_array().unwrap();
    assert!(ci[0].as_f64().unwrap() <= 1.0 / 6.0 && ci[1].as_f64().unwrap() >= 1.0 / 6.0);
}

/// Metric functions on hand-checked values.
#[test]
fn metric_functions() {
    // McNemar exact: b = 0, c = 5 → 2·(1/32) = 0.0625; b = 1, c = 3 → 2·(1 + 4)/16 = 0.625; b = c = 0 → 1.
    close(metrics::mcnemar_exact(0, 5), 0.0625, "mcnemar 0/5");
    close(metrics::mcnemar_exact(1, 3), 0.625, "mcnemar 1/3");
    close(metrics::mcnemar_exact(0, 0), 1.0, "mcnemar 0/0");
    // b = 10, c = 30, n = 40: 2·Σ_{i≤10} C(40,i)/2^40 = 0.0022 (scipy.stats.binomtest(10, 40).pvalue = 0.002221)
    assert!((metrics::mcnemar_exact(10, 30) - 0.002221).abs() < 1e-5);
    // Nearest-rank percentiles of 1..=10 ms: p50 → 5th = 5, p90 → 9th = 9, p99 → ⌈9.9⌉ = 10th = 10.
    let l = metrics::latency(&(1..=10).rev().map(f64::from).collect::<Vec<_>>());
    close(l.p50_ms, 5.0, "p50");
    close(l.p90_ms, 9.0, "p90");
    close(l.p99_ms, 10.0, "p99");
    close(l.max_ms, 10.0, "max");
    close(l.mean_ms, 5.5, "mean");
    assert_eq!(l.histogram.counts.iter().sum::<usize>(), 10);
    // NDCG of an all-zero case is 0; a perfect order is 1.
    close(metrics::ndcg_at(&[0.0, 0.0], 3), 0.0, "all zero");
    close(metrics::ndcg_at(&[3.0, 2.0, 0.0, 0.0], 3), 1.0, "perfect");
    // Binary reading: ties go to negative; confidence renormalised.
    assert_eq!(metrics::binary_polarity([0.3, 0.4, 0.3]), (false, 0.5));
    let (pos, conf) = metrics::binary_polarity([0.1, 0.5, 0.4]);
    assert!(pos);
    close(conf, 0.8, "binary confidence");
}

/// CSV/TSV loading: kinds detected from the columns, long formats grouped, renamed columns.
#[test]
fn data_files_in_csv_and_tsv() {
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| {
        let p = tmp.path().join(name);
        std::fs::write(&p, body).unwrap();
        p
    };
    let options = data::DataOptions::default();
    let tsv = write("u.tsv", "id\ttext\tpolarity\temotion\na\t好评\tpositive\tsatisfaction\nb\t差\tNEG\t\n");
    match data::load(&tsv, &options).unwrap() {
        data::Dataset::Classification { kind, items, .. } => {
            assert_eq!(kind, data::Kind::Utterances);
            assert_eq!(items.len(), 2);
            assert_eq!(items[1].polarity, Some(gongqing::labels::Polarity::Negative));
            assert_eq!(items[1].emotion, None);
        }
        other => panic!("{other:?}"),
    }
    let long = write(
        "r.csv",
        "id,customer,context,candidate,grade\nx,快递呢,customer:我买了鞋|agent:您好,好的,1\nx,快递呢,,马上查，今天到,3\ny,退款,,不知道,0\n",
    );
    match data::load(&long, &options).unwrap() {
        data::Dataset::Ranking(cases) => {
            assert_eq!(cases.len(), 2);
            assert_eq!(cases[0].candidates, vec!["好的", "马上查，今天到"]);
            assert_eq!(cases[0].grades, vec![1.0, 3.0]);
            assert_eq!(cases[0].context.len(), 2);
            assert_eq!(cases[1].candidates.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    let wide = write("w.csv", "id,customer,candidates,grades\nz,在吗,\"[\"\"在\"\",\"\"您好，请讲\"\"]\",\"[1,2]\"\n");
    match data::load(&wide, &options).unwrap() {
        data::Dataset::Ranking(cases) => assert_eq!(cases[0].grades, vec![1.0, 2.0]),
        other => panic!("{other:?}"),
    }
    let conv = write(
        "c.csv",
        "conversation,role,text,polarity\nk,customer,太慢了,negative\nk,agent,抱歉,\nm,customer,谢谢,positive\n",
    );
    match data::load(&conv, &options).unwrap() {
        data::Dataset::Classification { kind, items, conversations } => {
            assert_eq!(kind, data::Kind::Conversations);
            assert_eq!(conversations, 2);
            assert_eq!(items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), vec!["k#0", "m#0"]);
        }
        other => panic!("{other:?}"),
    }
    let bad = write("bad.jsonl", "{\"id\": 1, \"text\": \"x\", \"polarity\": \"meh\"}\n");
    let err = format!("{:#}", data::load(&bad, &options).unwrap_err());
    assert!(err.contains("--polarity-label"), "{err}");
    let unknown = write("unknown.jsonl", "{\"content\": \"x\"}\n");
    let err = format!("{:#}", data::load(&unknown, &options).unwrap_err());
    assert!(err.contains("--column"), "{err}");
}

// ---------------------------------------------------------------------------------------------------------------
// Against the real server (lexicon backend), recomputing the metrics from raw responses with our own client.

fn independent_accuracy_and_macro_f1(pairs: &[(String, String)]) -> (f64, f64) {
    let correct = pairs.iter().filter(|(g, p)| g == p).count() as f64;
    let mut labels: Vec<&String> = pairs.iter().flat_map(|(g, p)| [g, p]).collect();
    labels.sort();
    labels.dedup();
    let mut f1s = Vec::new();
    for label in labels {
        let tp = pairs.iter().filter(|(g, p)| g == label && p == label).count() as f64;
        let fp = pairs.iter().filter(|(g, p)| g != label && p == label).count() as f64;
        let fn_ = pairs.iter().filter(|(g, p)| g == label && p != label).count() as f64;
        // F1 = 2TP / (2TP + FP + FN)
        f1s.push(if tp == 0.0 { 0.0 } else { 2.0 * tp / (2.0 * tp + fp + fn_) });
    }
    (correct / pairs.len() as f64, f1s.iter().sum::<f64>() / f1s.len() as f64)
}

fn polarity_label(v: i32) -> String {
    proto::Polarity::try_from(v).unwrap().as_str_name().trim_start_matches("POLARITY_").to_lowercase()
}

fn emotion_label(v: i32) -> String {
    proto::Emotion::try_from(v).unwrap().as_str_name().trim_start_matches("EMOTION_").to_lowercase()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_server_metrics_equal_those_recomputed_from_raw_responses() {
    let server = common::TestServer::start(common::engine_config("models/absent", BackendChoice::Lexicon)).await;
    let url = format!("http://{}", server.addr);
    let mut client = server.client().await;
    // A bigger, mixed set: the fixtures plus the dev utterances when they are there.
    let mut inputs = vec![fixture("utterances.jsonl")];
    let dev = "../shared/data/dev/utterances.jsonl";
    if Path::new(dev).exists() {
        inputs.push(dev.to_string());
    }
    for input in inputs {
        let (run_url, input2) = (url.clone(), input.clone());
        let (run, _tmp) =
            tokio::task::spawn_blocking(move || eval(&input2, &run_url, &["--batch-size", "7", "--concurrency", "3"]))
                .await
                .unwrap();
        assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
        assert_eq!(run.report["server"]["backend"], "BACKEND_LEXICON");
        // Our own pass: every text alone, through the generated client.
        let rows: Vec<Value> = std::fs::read_to_string(&input)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let mut polarity = Vec::new();
        let mut emotion = Vec::new();
        for row in &rows {
            let text = row["text"].as_str().unwrap().to_string();
            let c = client
                .classify(proto::ClassifyRequest { texts: vec![text] })
                .await
                .unwrap()
                .into_inner()
                .results
                .remove(0);
            polarity.push((row["polarity"].as_str().unwrap().to_string(), polarity_label(c.polarity)));
            emotion.push((row["emotion"].as_str().unwrap().to_string(), emotion_label(c.emotion)));
        }
        let (acc, f1) = independent_accuracy_and_macro_f1(&polarity);
        assert!((num(&run.report, "polarity.accuracy") - acc).abs() < 1e-9, "{input}: polarity accuracy {acc}");
        assert!((num(&run.report, "polarity.macro_f1") - f1).abs() < 1e-9, "{input}: polarity macro-F1 {f1}");
        let (acc, f1) = independent_accuracy_and_macro_f1(&emotion);
        assert!((num(&run.report, "emotion.accuracy") - acc).abs() < 1e-9, "{input}: emotion accuracy {acc}");
        assert!((num(&run.report, "emotion.macro_f1") - f1).abs() < 1e-9, "{input}: emotion macro-F1 {f1}");
        assert_eq!(run.report["polarity"]["n"].as_u64().unwrap() as usize, rows.len());
    }

    // Ranking.
    let input = fixture("replies.jsonl");
    let (run_url, input2) = (url.clone(), input.clone());
    let (run, _tmp) = tokio::task::spawn_blocking(move || eval(&input2, &run_url, &[])).await.unwrap();
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let mut ndcg3 = Vec::new();
    let mut top1 = Vec::new();
    for line in std::fs::read_to_string(&input).unwrap().lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let grades: Vec<f64> = case["grades"].as_array().unwrap().iter().map(|g| g.as_f64().unwrap()).collect();
        let context = case["context"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| proto::Turn {
                role: if t["role"] == "agent" { proto::Role::Agent as i32 } else { proto::Role::Customer as i32 },
                text: t["text"].as_str().unwrap().to_string(),
            })
            .collect();
        let response = client
            .rank_replies(proto::RankRepliesRequest {
                customer_message: case["customer"].as_str().unwrap().to_string(),
                context,
                candidates: case["candidates"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap().to_string())
                    .collect(),
            })
            .await
            .unwrap()
            .into_inner();
        let in_order: Vec<f64> = response.ranked.iter().map(|r| grades[r.index as usize]).collect();
        let dcg = |g: &[f64]| {
            g.iter().take(3).enumerate().map(|(i, g)| (2f64.powf(*g) - 1.0) / ((i + 2) as f64).log2()).sum::<f64>()
        };
        let mut ideal = grades.clone();
        ideal.sort_by(|a, b| b.partial_cmp(a).unwrap());
        ndcg3.push(dcg(&in_order) / dcg(&ideal));
        let best = ideal[0];
        top1.push(if in_order[0] == best { 1.0 } else { 0.0 });
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    assert!((num(&run.report, "ranking.ndcg@3") - mean(&ndcg3)).abs() < 1e-9);
    assert!((num(&run.report, "ranking.top1") - mean(&top1)).abs() < 1e-9);
    server.stop().await;
}

/// The in-process target runs the server's handlers with the engine flags, and reports the same Info.
#[test]
fn inprocess_target() {
    let (run, _tmp) = eval(&fixture("utterances.jsonl"), "inprocess", &[]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(run.report["target"]["kind"], "inprocess");
    assert_eq!(run.report["server"]["backend"], "BACKEND_LEXICON");
    assert!(run.stdout.contains("polarity"), "{}", run.stdout);
}

/// --duration keeps sending (at least one pass) until the time is up; quality still comes from the first pass.
#[test]
fn duration_keeps_sending_until_the_time_is_up() {
    let url = start_fake();
    let (run, _tmp) =
        eval(&fixture("utterances.jsonl"), &url, &["--duration", "400ms", "--batch-size", "1", "--concurrency", "2"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let step = &run.report["steps"][0];
    assert!(num(step, "throughput.wall_s") >= 0.4);
    assert!(run.report["latency"]["requests"].as_u64().unwrap() > 6);
    assert_eq!(run.report["polarity"]["n"], 6);
    close(num(&run.report, "polarity.accuracy"), 4.0 / 6.0, "accuracy from the first pass");
    assert_eq!(step["load"]["duration_s"], 0.4);
}
