//! Prometheus metrics, exposed as text on `--metrics-addr` at `/metrics`.
//!
//! A small hand-written registry (atomics and a mutex-guarded map) keeps the dependency tree as it is.
//! Until `install` is called every recording function is a cheap no-op (one atomic load), so library code
//! (the batcher, the engine) can call them unconditionally.
//!
//! Names follow Prometheus conventions: `gongqing_` prefix, base units (seconds), `_total` on counters.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

const LATENCY_BUCKETS: &[f64] = &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
const COUNT_BUCKETS: &[f64] = &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0];
const TOKEN_BUCKETS: &[f64] = &[16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0];

struct Histogram {
    bounds: &'static [f64],
    counts: Vec<u64>,
    sum: f64,
    count: u64,
}

impl Histogram {
    fn new(bounds: &'static [f64]) -> Self {
        Self { bounds, counts: vec![0; bounds.len()], sum: 0.0, count: 0 }
    }
    fn observe(&mut self, v: f64) {
        for (i, b) in self.bounds.iter().enumerate() {
            if v <= *b {
                self.counts[i] += 1;
            }
        }
        self.sum += v;
        self.count += 1;
    }
    fn render(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        for (b, c) in self.bounds.iter().zip(&self.counts) {
            let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"{b}\"}} {c}");
        }
        let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {}", self.count);
        let braces = if labels.is_empty() { String::new() } else { format!("{{{labels}}}") };
        let _ = writeln!(out, "{name}_sum{braces} {}", self.sum);
        let _ = writeln!(out, "{name}_count{braces} {}", self.count);
    }
}

#[derive(Default)]
struct Tables {
    /// (rpc, grpc code name) → count
    requests: BTreeMap<(String, &'static str), u64>,
    /// rpc → latency histogram
    latency: BTreeMap<String, Histogram>,
    /// rpc → texts-per-request histogram
    texts: BTreeMap<String, Histogram>,
    batch_texts: Option<Histogram>,
    batch_tokens: Option<Histogram>,
    /// reason → count
    fallbacks: BTreeMap<String, u64>,
    /// outcome ("ok" / "error") → count
    reloads: BTreeMap<&'static str, u64>,
    backend: String,
    model_load_seconds: Option<f64>,
}

struct Registry {
    tables: Mutex<Tables>,
    queue_depth: AtomicI64,
    in_flight: AtomicI64,
    panics: AtomicU64,
    alerts: AtomicU64,
    active_conversations: AtomicI64,
}

static REGISTRY: OnceLock<Registry> = OnceLock::new();

/// Turns metrics on for this process (idempotent). Called by `serve` when `--metrics-addr` is set.
pub fn install() {
    REGISTRY.get_or_init(|| Registry {
        tables: Mutex::new(Tables::default()),
        queue_depth: AtomicI64::new(0),
        in_flight: AtomicI64::new(0),
        panics: AtomicU64::new(0),
        alerts: AtomicU64::new(0),
        active_conversations: AtomicI64::new(0),
    });
}

pub fn enabled() -> bool {
    REGISTRY.get().is_some()
}

fn with_tables(f: impl FnOnce(&mut Tables)) {
    if let Some(r) = REGISTRY.get() {
        f(&mut r.tables.lock().unwrap_or_else(|e| e.into_inner()));
    }
}

/// One finished gRPC call: `rpc` is the method path (`/gongqing.v1.Empathy/Classify`), `code` its gRPC code name.
pub fn observe_request(rpc: &str, code: &'static str, elapsed: Duration) {
    with_tables(|t| {
        *t.requests.entry((rpc.to_string(), code)).or_default() += 1;
        t.latency.entry(rpc.to_string()).or_insert_with(|| Histogram::new(LATENCY_BUCKETS)).observe(elapsed.as_secs_f64());
    });
}

/// Texts carried by one request (Classify texts, RankReplies candidates + 1, conversation turns).
pub fn observe_request_texts(rpc: &str, texts: usize) {
    with_tables(|t| {
        t.texts.entry(rpc.to_string()).or_insert_with(|| Histogram::new(COUNT_BUCKETS)).observe(texts as f64);
    });
}

/// One batch handed to a backend: how many texts and how many (padded) tokens.
pub fn observe_batch(texts: usize, tokens: usize) {
    with_tables(|t| {
        t.batch_texts.get_or_insert_with(|| Histogram::new(COUNT_BUCKETS)).observe(texts as f64);
        t.batch_tokens.get_or_insert_with(|| Histogram::new(TOKEN_BUCKETS)).observe(tokens as f64);
    });
}

/// Texts waiting in the batcher's queue.
pub fn set_queue_depth(n: usize) {
    if let Some(r) = REGISTRY.get() {
        r.queue_depth.store(n as i64, Ordering::Relaxed);
    }
}

pub(crate) fn in_flight_add(delta: i64) {
    if let Some(r) = REGISTRY.get() {
        r.in_flight.fetch_add(delta, Ordering::Relaxed);
    }
}

/// A handler panicked (caught, answered INTERNAL).
pub fn observe_panic() {
    if let Some(r) = REGISTRY.get() {
        r.panics.fetch_add(1, Ordering::Relaxed);
    }
}

/// MonitorConversation raised an alert (the risk crossed the alert threshold).
pub fn observe_alert() {
    if let Some(r) = REGISTRY.get() {
        r.alerts.fetch_add(1, Ordering::Relaxed);
    }
}

/// Conversations followed by MonitorConversation streams, across all streams.
pub fn active_conversations_add(delta: i64) {
    if let Some(r) = REGISTRY.get() {
        r.active_conversations.fetch_add(delta, Ordering::Relaxed);
    }
}

/// The current values of `gongqing_active_conversations` and `gongqing_alerts_total` (0 before `install`).
pub fn monitor_values() -> (i64, u64) {
    REGISTRY.get().map_or((0, 0), |r| (r.active_conversations.load(Ordering::Relaxed), r.alerts.load(Ordering::Relaxed)))
}

/// The backend now serving ("model" or "lexicon").
pub fn set_backend(kind: &str) {
    with_tables(|t| t.backend = kind.to_string());
}

/// The server fell back from the model to the lexicon (`reason` is a short class, not free text).
pub fn observe_fallback(reason: &str) {
    with_tables(|t| *t.fallbacks.entry(reason.to_string()).or_default() += 1);
}

pub fn observe_model_load(elapsed: Duration) {
    with_tables(|t| t.model_load_seconds = Some(elapsed.as_secs_f64()));
}

pub fn observe_reload(ok: bool) {
    with_tables(|t| *t.reloads.entry(if ok { "ok" } else { "error" }).or_default() += 1);
}

fn escape(v: &str) -> String {
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// The text exposition format (version 0.0.4).
pub fn render() -> String {
    let mut out = String::new();
    let Some(r) = REGISTRY.get() else { return out };
    let t = r.tables.lock().unwrap_or_else(|e| e.into_inner());

    out.push_str("# HELP gongqing_build_info Build information; the value is always 1.\n# TYPE gongqing_build_info gauge\n");
    let _ = writeln!(out, "gongqing_build_info{{version=\"{}\"}} 1", env!("CARGO_PKG_VERSION"));

    out.push_str("# HELP gongqing_requests_total gRPC calls finished, by method and status code.\n# TYPE gongqing_requests_total counter\n");
    for ((rpc, code), n) in &t.requests {
        let _ = writeln!(out, "gongqing_requests_total{{rpc=\"{}\",code=\"{code}\"}} {n}", escape(rpc));
    }
    out.push_str("# HELP gongqing_request_duration_seconds gRPC call latency, headers in to response headers out.\n# TYPE gongqing_request_duration_seconds histogram\n");
    for (rpc, h) in &t.latency {
        h.render(&mut out, "gongqing_request_duration_seconds", &format!("rpc=\"{}\"", escape(rpc)));
    }
    out.push_str("# HELP gongqing_request_texts Texts carried by one request.\n# TYPE gongqing_request_texts histogram\n");
    for (rpc, h) in &t.texts {
        h.render(&mut out, "gongqing_request_texts", &format!("rpc=\"{}\"", escape(rpc)));
    }
    out.push_str("# HELP gongqing_batch_texts Texts per inference batch.\n# TYPE gongqing_batch_texts histogram\n");
    if let Some(h) = &t.batch_texts {
        h.render(&mut out, "gongqing_batch_texts", "");
    }
    out.push_str("# HELP gongqing_batch_tokens Padded tokens per inference batch.\n# TYPE gongqing_batch_tokens histogram\n");
    if let Some(h) = &t.batch_tokens {
        h.render(&mut out, "gongqing_batch_tokens", "");
    }
    out.push_str("# HELP gongqing_queue_depth Texts waiting for an inference worker.\n# TYPE gongqing_queue_depth gauge\n");
    let _ = writeln!(out, "gongqing_queue_depth {}", r.queue_depth.load(Ordering::Relaxed));
    out.push_str("# HELP gongqing_requests_in_flight gRPC calls being served now.\n# TYPE gongqing_requests_in_flight gauge\n");
    let _ = writeln!(out, "gongqing_requests_in_flight {}", r.in_flight.load(Ordering::Relaxed));
    out.push_str("# HELP gongqing_handler_panics_total Panics caught while serving a call (answered INTERNAL).\n# TYPE gongqing_handler_panics_total counter\n");
    let _ = writeln!(out, "gongqing_handler_panics_total {}", r.panics.load(Ordering::Relaxed));
    out.push_str("# HELP gongqing_alerts_total Escalation alerts raised by MonitorConversation.\n# TYPE gongqing_alerts_total counter\n");
    let _ = writeln!(out, "gongqing_alerts_total {}", r.alerts.load(Ordering::Relaxed));
    out.push_str("# HELP gongqing_active_conversations Conversations followed by MonitorConversation streams now.\n# TYPE gongqing_active_conversations gauge\n");
    let _ = writeln!(out, "gongqing_active_conversations {}", r.active_conversations.load(Ordering::Relaxed));
    out.push_str("# HELP gongqing_backend_info The backend answering requests (value 1 on the active one).\n# TYPE gongqing_backend_info gauge\n");
    for kind in ["model", "lexicon"] {
        let _ = writeln!(out, "gongqing_backend_info{{backend=\"{kind}\"}} {}", u8::from(t.backend == kind));
    }
    out.push_str("# HELP gongqing_fallback_events_total Times the model was unusable and the lexicon took over.\n# TYPE gongqing_fallback_events_total counter\n");
    for (reason, n) in &t.fallbacks {
        let _ = writeln!(out, "gongqing_fallback_events_total{{reason=\"{}\"}} {n}", escape(reason));
    }
    out.push_str("# HELP gongqing_model_reloads_total Model reload attempts by outcome.\n# TYPE gongqing_model_reloads_total counter\n");
    for (outcome, n) in &t.reloads {
        let _ = writeln!(out, "gongqing_model_reloads_total{{outcome=\"{outcome}\"}} {n}");
    }
    if let Some(s) = t.model_load_seconds {
        out.push_str("# HELP gongqing_model_load_seconds Time the last engine start or reload took.\n# TYPE gongqing_model_load_seconds gauge\n");
        let _ = writeln!(out, "gongqing_model_load_seconds {s}");
    }
    out
}

/// Serves `GET /metrics` over plain HTTP/1.1 on `listener` until the task is dropped. Deliberately tiny:
/// one request per connection, no keep-alive, anything else is 404.
pub async fn serve_http(listener: tokio::net::TcpListener) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    install();
    loop {
        let Ok((mut stream, _)) = listener.accept().await else { continue };
        tokio::spawn(async move {
            let mut buf = Vec::with_capacity(1024);
            let mut chunk = [0u8; 1024];
            // Read the request head (bounded, with a timeout so idle sockets do not pile up).
            let read = tokio::time::timeout(Duration::from_secs(5), async {
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 8192 {
                    match stream.read(&mut chunk).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                }
            })
            .await;
            if read.is_err() {
                return;
            }
            let head = String::from_utf8_lossy(&buf);
            let mut parts = head.split_whitespace();
            let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let response = if method == "GET" && (path == "/metrics" || path.starts_with("/metrics?")) {
                let body = render();
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                )
            } else {
                "HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\nConnection: close\r\n\r\nnot found\n".to_string()
            };
            let _ = stream.write_all(response.as_bytes()).await;
            let _ = stream.shutdown().await;
        });
    }
}
