//! `/metrics` scraped over plain HTTP after real calls: the stage histograms move for every stage, and the
//! queue gauge counts the texts waiting while inference is held.

mod common;

use std::net::SocketAddr;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use common::{engine_config, sample, scrape, SlowBackend, TestServer};
use gongqing::backend::{Backend, BackendDescription, BackendError, BackendKind, Prediction, Prepared};
use gongqing::engine::BackendChoice;
use gongqing::proto::{self, ClassifyRequest, RankRepliesRequest};
use gongqing::server::ServeOptions;
use gongqing::stages::StageTimes;

/// The tests in this file share the process's recorder and read the global queue gauge exactly, so they run
/// one at a time.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Turns metrics on (once per process) and serves them on a fresh port.
async fn metrics_endpoint() -> SocketAddr {
    gongqing::metrics::install();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(gongqing::metrics::serve_http(listener));
    addr
}


fn stage_count(text: &str, rpc: &str, stage: &str) -> f64 {
    sample(text, &format!(r#"gongqing_stage_seconds_count{{rpc="{rpc}",stage="{stage}"}}"#))
}

fn queue_depth(text: &str) -> f64 {
    sample(text, "gongqing_queue_depth")
}

/// Scrapes until `check` holds, for up to 20 seconds (generous: the machine may be busy); the last scrape comes
/// back either way so a failure can show it.
async fn scrape_until(addr: SocketAddr, check: impl Fn(&str) -> bool) -> String {
    let mut last = String::new();
    for _ in 0..400 {
        last = scrape(addr).await;
        if check(&last) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    last
}

fn classify(texts: &[&str]) -> ClassifyRequest {
    ClassifyRequest { texts: texts.iter().map(|t| t.to_string()).collect() }
}

fn rank(customer: &str, candidates: &[&str]) -> RankRepliesRequest {
    RankRepliesRequest {
        customer_message: customer.into(),
        context: vec![],
        candidates: candidates.iter().map(|c| c.to_string()).collect(),
    }
}

#[tokio::test]
async fn stage_histograms_move_for_every_stage_of_every_call() {
    let _serial = ONE_AT_A_TIME.lock().await;
    let metrics = metrics_endpoint().await;
    let server = TestServer::start(engine_config("unused", BackendChoice::Lexicon)).await;
    let mut client = server.client().await;
    let before = scrape(metrics).await;

    client.classify(classify(&["太差了", "谢谢"])).await.unwrap();
    client.classify(classify(&["你好"])).await.unwrap();
    client.rank_replies(rank("东西坏了", &["马上给您换", "不知道"])).await.unwrap();
    let turn = |role: proto::Role, text: &str| proto::Turn { role: role as i32, text: text.into() };
    client
        .analyze_conversation(proto::AnalyzeConversationRequest {
            turns: vec![turn(proto::Role::Customer, "太慢了"), turn(proto::Role::Agent, "抱歉")],
        })
        .await
        .unwrap();
    // A refused call has no stages to report.
    client.classify(classify(&[])).await.unwrap_err();

    let after = scrape(metrics).await;
    assert!(after.contains("# TYPE gongqing_stage_seconds histogram"), "{after}");
    for (rpc, calls) in [("Classify", 2.0), ("RankReplies", 1.0), ("AnalyzeConversation", 1.0)] {
        for stage in StageTimes::NAMES {
            let moved = stage_count(&after, rpc, stage) - stage_count(&before, rpc, stage);
            assert!(moved >= calls, "{rpc} {stage}: count moved by {moved}, expected {calls}\n{after}");
        }
    }
    server.stop().await;
}

/// Scores like `SlowBackend`, but each batch waits until the test opens the gate, and says when it started.
struct GatedBackend {
    open: Mutex<bool>,
    opened: Condvar,
    started: tokio::sync::mpsc::UnboundedSender<usize>,
}

impl GatedBackend {
    fn open(&self) {
        *self.open.lock().unwrap() = true;
        self.opened.notify_all();
    }
}

impl Backend for GatedBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Model
    }
    fn describe(&self) -> BackendDescription {
        BackendDescription { summary: "gated test backend".into(), ..Default::default() }
    }
    fn prepare(&self, texts: &[&str]) -> Result<Vec<Prepared>, BackendError> {
        SlowBackend { delay: Duration::ZERO }.prepare(texts)
    }
    fn predict(&self, items: &[&Prepared]) -> Result<Vec<Prediction>, BackendError> {
        let _ = self.started.send(items.len());
        let mut open = self.open.lock().unwrap();
        while !*open {
            open = self.opened.wait(open).unwrap();
        }
        drop(open);
        SlowBackend { delay: Duration::ZERO }.predict(items)
    }
}

#[tokio::test]
async fn queue_depth_counts_the_texts_waiting_while_inference_is_held() {
    let _serial = ONE_AT_A_TIME.lock().await;
    let metrics = metrics_endpoint().await;
    let (started_tx, mut started) = tokio::sync::mpsc::unbounded_channel();
    let backend = Arc::new(GatedBackend { open: Mutex::new(false), opened: Condvar::new(), started: started_tx });
    let server = TestServer::start_on(backend.clone(), engine_config("unused", BackendChoice::Auto)).await;
    let baseline = queue_depth(&scrape(metrics).await);

    // The first call's batch reaches the backend and stays there, so the worker takes nothing more.
    let mut client = server.client().await;
    let first = tokio::spawn(async move { client.classify(classify(&["一"])).await });
    assert_eq!(started.recv().await, Some(1), "the first batch reaches the backend");

    // Two more calls queue behind it: 2 texts, and the customer message of a ranking call (its candidates are read
    // by the ranker's lists; without a pair head nothing else of it is encoded).
    let mut client = server.client().await;
    let second = tokio::spawn(async move { client.classify(classify(&["二", "三"])).await });
    let mut client = server.client().await;
    let third = tokio::spawn(async move { client.rank_replies(rank("四", &["五", "六"])).await });
    let held = scrape_until(metrics, |text| queue_depth(text) - baseline >= 3.0).await;
    assert_eq!(queue_depth(&held) - baseline, 3.0, "3 texts wait (in 2 requests)\n{held}");
    let info = server.engine.load().info();
    assert_eq!(info.queued, 2, "the engine counts the same queue in requests");

    backend.open();
    first.await.unwrap().expect("the held call is answered");
    second.await.unwrap().expect("the second call is answered");
    third.await.unwrap().expect("the third call is answered");
    let drained = scrape_until(metrics, |text| queue_depth(text) == baseline).await;
    assert_eq!(queue_depth(&drained), baseline, "nothing waits once the batches ran\n{drained}");
    server.stop().await;
}

/// Log output kept in memory, to read back what the server logged.
#[derive(Clone, Default)]
struct CapturedLog(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for CapturedLog {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_call_over_the_slow_request_threshold_logs_its_stage_breakdown() {
    let _serial = ONE_AT_A_TIME.lock().await;
    let log = CapturedLog::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .finish();
    // The test runtime has one thread, and the handler runs on it, so a thread-local subscriber sees its logs.
    let _logging = tracing::subscriber::set_default(subscriber);
    // A zero threshold makes every call slow.
    let options = ServeOptions { slow_request: Some(Duration::ZERO), ..ServeOptions::default() };
    let server = TestServer::start_with(engine_config("unused", BackendChoice::Lexicon), options).await;
    server.client().await.classify(classify(&["你好"])).await.unwrap();
    server.stop().await;

    let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    let line = text.lines().find(|l| l.contains("slow request")).unwrap_or_else(|| panic!("no slow-request line in\n{text}"));
    assert!(line.contains("WARN"), "{line}");
    // The call's span (info level, like the default filter) names the request.
    assert!(line.contains("request_id=gq-"), "{line}");
    for field in ["total_ms", "validation_ms", "tokenization_ms", "queue_wait_ms", "inference_ms", "judgment_ms"] {
        assert!(line.contains(&format!("{field}=")), "{field} missing: {line}");
    }
}
