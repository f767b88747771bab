//! Prometheus metrics, exposed as text on `--metrics-addr` at `/metrics`.
//!
//! Recording goes through the `metrics` facade; `metrics-exporter-prometheus` keeps the values and renders the
//! text format, and a small hyper server answers `GET /metrics`. Until `install` is called the facade's recorder
//! is a no-op, so library code (the batcher, the engine) calls the recording functions unconditionally.
//!
//! Names follow Prometheus conventions: `gongqing_` prefix, base units (seconds), `_total` on counters.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram, Unit};
use metrics_exporter_prometheus::{BuildError, Matcher, PrometheusBuilder, PrometheusHandle};

use crate::stages::StageTimes;

const LATENCY_BUCKETS: &[f64] = &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
/// Stages are shorter than whole calls (validation takes microseconds), so the buckets start lower.
const STAGE_BUCKETS: &[f64] =
    &[0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
const COUNT_BUCKETS: &[f64] = &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0];
const TOKEN_BUCKETS: &[f64] = &[16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0];

const BUILD_INFO: &str = "gongqing_build_info";
const REQUESTS: &str = "gongqing_requests_total";
const REQUEST_DURATION: &str = "gongqing_request_duration_seconds";
const REQUEST_TEXTS: &str = "gongqing_request_texts";
const STAGE_SECONDS: &str = "gongqing_stage_seconds";
const BATCH_TEXTS: &str = "gongqing_batch_texts";
const BATCH_TOKENS: &str = "gongqing_batch_tokens";
const QUEUE_DEPTH: &str = "gongqing_queue_depth";
const IN_FLIGHT: &str = "gongqing_requests_in_flight";
const HANDLER_PANICS: &str = "gongqing_handler_panics_total";
const ALERTS: &str = "gongqing_alerts_total";
const ACTIVE_CONVERSATIONS: &str = "gongqing_active_conversations";
const BACKEND_INFO: &str = "gongqing_backend_info";
const FALLBACKS: &str = "gongqing_fallback_events_total";
const MODEL_RELOADS: &str = "gongqing_model_reloads_total";
const MODEL_LOAD_SECONDS: &str = "gongqing_model_load_seconds";

/// How often histogram samples are folded into their buckets when nobody scrapes (a scrape folds them too);
/// without it the raw samples of an unscraped server would pile up.
const UPKEEP_INTERVAL: Duration = Duration::from_secs(5);

/// The exporter's handle once `install` succeeded; `Some(None)` when installing failed (metrics stay off).
static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// MonitorConversation reads these two back (`monitor_values`), which the facade cannot do, so they are
/// also kept here. Both move only after `install`, like the exported series.
static ACTIVE_CONVERSATIONS_NOW: AtomicI64 = AtomicI64::new(0);
static ALERTS_RAISED: AtomicU64 = AtomicU64::new(0);

/// Turns metrics on for this process. Idempotent, and safe to call from many tests in one process: the first call
/// installs the global recorder, later calls do nothing.
pub fn install() {
    HANDLE.get_or_init(|| match install_recorder() {
        Ok(handle) => Some(handle),
        Err(error) => {
            tracing::error!(%error, "metrics could not be turned on; /metrics will be empty");
            None
        }
    });
}

fn install_recorder() -> Result<PrometheusHandle, BuildError> {
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(REQUEST_DURATION.into()), LATENCY_BUCKETS)?
        .set_buckets_for_metric(Matcher::Full(STAGE_SECONDS.into()), STAGE_BUCKETS)?
        .set_buckets_for_metric(Matcher::Full(REQUEST_TEXTS.into()), COUNT_BUCKETS)?
        .set_buckets_for_metric(Matcher::Full(BATCH_TEXTS.into()), COUNT_BUCKETS)?
        .set_buckets_for_metric(Matcher::Full(BATCH_TOKENS.into()), TOKEN_BUCKETS)?
        .install_recorder()?;
    let upkeep = handle.clone();
    let spawned = std::thread::Builder::new().name("gongqing-metrics-upkeep".into()).spawn(move || loop {
        std::thread::sleep(UPKEEP_INTERVAL);
        upkeep.run_upkeep();
    });
    if let Err(error) = spawned {
        // Scrapes still fold the samples; only an unscraped server grows.
        tracing::warn!(%error, "no metrics upkeep thread; histogram samples are folded only when scraped");
    }
    describe();
    // Series without labels (and the fixed label sets) exist from the start, so dashboards and alerts see 0
    // instead of no data.
    gauge!(BUILD_INFO, "version" => env!("CARGO_PKG_VERSION")).set(1.0);
    gauge!(QUEUE_DEPTH).increment(0.0);
    gauge!(IN_FLIGHT).increment(0.0);
    counter!(HANDLER_PANICS).increment(0);
    counter!(ALERTS).increment(0);
    gauge!(ACTIVE_CONVERSATIONS).increment(0.0);
    for kind in ["model", "lexicon"] {
        gauge!(BACKEND_INFO, "backend" => kind).increment(0.0);
    }
    for outcome in ["ok", "error"] {
        counter!(MODEL_RELOADS, "outcome" => outcome).increment(0);
    }
    counter!(FALLBACKS, "reason" => FALLBACK_AT_START).increment(0);
    Ok(handle)
}

fn describe() {
    describe_gauge!(BUILD_INFO, "Build information; the value is always 1.");
    describe_counter!(REQUESTS, "gRPC calls finished, by method and status code.");
    describe_histogram!(REQUEST_DURATION, Unit::Seconds, "gRPC call latency, headers in to response headers out.");
    describe_histogram!(REQUEST_TEXTS, "Texts carried by one request.");
    describe_histogram!(
        STAGE_SECONDS,
        Unit::Seconds,
        "Time one request spent in each stage: validation, tokenization, queue_wait, inference, judgment."
    );
    describe_histogram!(BATCH_TEXTS, "Texts per inference batch.");
    describe_histogram!(BATCH_TOKENS, "Padded tokens per inference batch.");
    describe_gauge!(QUEUE_DEPTH, "Texts waiting for an inference worker.");
    describe_gauge!(IN_FLIGHT, "gRPC calls being served now.");
    describe_counter!(HANDLER_PANICS, "Panics caught while serving a call (answered INTERNAL).");
    describe_counter!(ALERTS, "Escalation alerts raised by MonitorConversation.");
    describe_gauge!(ACTIVE_CONVERSATIONS, "Conversations followed by MonitorConversation streams now.");
    describe_gauge!(BACKEND_INFO, "The backend answering requests (value 1 on the active one).");
    describe_counter!(FALLBACKS, "Times the model was unusable and the lexicon took over.");
    describe_counter!(MODEL_RELOADS, "Model reload attempts by outcome.");
    describe_gauge!(MODEL_LOAD_SECONDS, Unit::Seconds, "Time the last engine start or reload took.");
}

fn handle() -> Option<&'static PrometheusHandle> {
    HANDLE.get().and_then(Option::as_ref)
}

pub fn enabled() -> bool {
    handle().is_some()
}

/// One finished gRPC call: `rpc` is the method path (`/gongqing.v1.Empathy/Classify`), `code` its gRPC code name.
pub fn observe_request(rpc: &str, code: &'static str, elapsed: Duration) {
    counter!(REQUESTS, "rpc" => rpc.to_string(), "code" => code).increment(1);
    histogram!(REQUEST_DURATION, "rpc" => rpc.to_string()).record(elapsed.as_secs_f64());
}

/// Texts carried by one request (Classify texts, RankReplies candidates + 1, conversation turns).
pub fn observe_request_texts(rpc: &'static str, texts: usize) {
    histogram!(REQUEST_TEXTS, "rpc" => rpc).record(texts as f64);
}

/// Where one request's time went, one sample per stage (`rpc` as in `observe_request_texts`: `Classify`, ...).
pub fn observe_stages(rpc: &'static str, times: &StageTimes) {
    for (stage, spent) in times.stages() {
        histogram!(STAGE_SECONDS, "rpc" => rpc, "stage" => stage).record(spent.as_secs_f64());
    }
}

/// One batch handed to a backend: how many texts and how many (padded) tokens.
pub fn observe_batch(texts: usize, tokens: usize) {
    histogram!(BATCH_TEXTS).record(texts as f64);
    histogram!(BATCH_TOKENS).record(tokens as f64);
}

/// Texts entered (positive) or left (negative) the batcher's queue; `gongqing_queue_depth` is the running sum.
pub fn queue_depth_add(texts: i64) {
    gauge!(QUEUE_DEPTH).increment(texts as f64);
}

pub(crate) fn in_flight_add(delta: i64) {
    gauge!(IN_FLIGHT).increment(delta as f64);
}

/// A panic was caught while serving (the call is answered INTERNAL).
pub fn observe_panic() {
    counter!(HANDLER_PANICS).increment(1);
}

/// MonitorConversation raised an alert (the risk crossed the alert threshold).
pub fn observe_alert() {
    if enabled() {
        ALERTS_RAISED.fetch_add(1, Ordering::Relaxed);
        counter!(ALERTS).increment(1);
    }
}

/// Conversations followed by MonitorConversation streams, across all streams.
pub fn active_conversations_add(delta: i64) {
    if enabled() {
        ACTIVE_CONVERSATIONS_NOW.fetch_add(delta, Ordering::Relaxed);
        gauge!(ACTIVE_CONVERSATIONS).increment(delta as f64);
    }
}

/// The current values of `gongqing_active_conversations` and `gongqing_alerts_total` (0 before `install`).
pub fn monitor_values() -> (i64, u64) {
    (ACTIVE_CONVERSATIONS_NOW.load(Ordering::Relaxed), ALERTS_RAISED.load(Ordering::Relaxed))
}

/// The backend now serving ("model" or "lexicon").
pub fn set_backend(kind: &str) {
    for known in ["model", "lexicon"] {
        gauge!(BACKEND_INFO, "backend" => known).set(if kind == known { 1.0 } else { 0.0 });
    }
}

/// The `reason` of `gongqing_fallback_events_total` when the model could not be used at start-up.
pub const FALLBACK_AT_START: &str = "model_unusable_at_start";

/// The server fell back from the model to the lexicon (`reason` is a short class, not free text).
pub fn observe_fallback(reason: &str) {
    counter!(FALLBACKS, "reason" => reason.to_string()).increment(1);
}

pub fn observe_model_load(elapsed: Duration) {
    gauge!(MODEL_LOAD_SECONDS).set(elapsed.as_secs_f64());
}

pub fn observe_reload(ok: bool) {
    counter!(MODEL_RELOADS, "outcome" => if ok { "ok" } else { "error" }).increment(1);
}

/// The text exposition format (version 0.0.4); empty before `install`.
pub fn render() -> String {
    handle().map(PrometheusHandle::render).unwrap_or_default()
}

/// Serves `GET /metrics` over HTTP/1.1 on `listener` until the task is dropped; any other path is 404.
pub async fn serve_http(listener: tokio::net::TcpListener) {
    install();
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(error) => {
                // Usually out of file descriptors; pause instead of spinning on the error.
                tracing::warn!(%error, "metrics listener could not accept a connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        tokio::spawn(async move {
            let service =
                hyper::service::service_fn(|request| async move { Ok::<_, std::convert::Infallible>(answer(&request)) });
            // One request per connection (as Prometheus scrapes): the answer ends with the connection, so a
            // plain client reading to EOF is done too. The read timeout keeps idle sockets from piling up.
            let connection = hyper::server::conn::http1::Builder::new()
                .keep_alive(false)
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(Duration::from_secs(5))
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            if let Err(error) = connection.await {
                tracing::debug!(%error, "metrics connection ended with an error");
            }
        });
    }
}

fn answer<B>(request: &hyper::Request<B>) -> hyper::Response<http_body_util::Full<hyper::body::Bytes>> {
    use hyper::header::{HeaderValue, CONTENT_TYPE};
    let (status, content_type, body) = if request.method() == hyper::Method::GET && request.uri().path() == "/metrics" {
        (hyper::StatusCode::OK, "text/plain; version=0.0.4; charset=utf-8", render())
    } else {
        (hyper::StatusCode::NOT_FOUND, "text/plain; charset=utf-8", "not found\n".to_string())
    };
    let mut response = hyper::Response::new(http_body_util::Full::new(hyper::body::Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}
