//! Assembles the tonic server: the Empathy service, the Admin service, standard gRPC health and server
//! reflection, behind one tower layer (`Gate`) that gives every call a request id, checks the bearer token,
//! catches panics, records metrics and logs one line per call.
//! `serve` takes a bound listener, so tests can use port 0 and the CLI a fixed address.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::net::TcpListener;
use tonic::transport::server::TcpIncoming;
use tonic::codegen::http;
use tonic::transport::{Certificate, Identity, ServerTlsConfig};

use crate::admin::AdminService;
use crate::api::convert::code_name;
use crate::api::EmpathyService;
use crate::auth::TokenStore;
use crate::engine::{EngineConfig, SharedEngine};
use crate::proto;
use crate::proto::admin_server::AdminServer;
use crate::proto::empathy_server::EmpathyServer;

/// PEM material for TLS; `client_ca` turns on mutual TLS (clients must present a certificate it signed).
#[derive(Clone)]
pub struct TlsFiles {
    pub cert_pem: Vec<u8>,
    pub key_pem: Vec<u8>,
    pub client_ca_pem: Option<Vec<u8>>,
}

impl std::fmt::Debug for TlsFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsFiles").field("mutual", &self.client_ca_pem.is_some()).finish_non_exhaustive()
    }
}

#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Largest request message accepted, in bytes.
    pub max_message_bytes: usize,
    /// TLS on the gRPC port (plaintext when `None`).
    pub tls: Option<TlsFiles>,
    /// Bearer-token check on every call except health (and reflection unless `close_reflection`).
    pub auth: Option<TokenStore>,
    /// Reflection also needs a token (when auth is on) instead of staying open.
    pub close_reflection: bool,
    /// HTTP/2 keepalive ping interval (`None`: no pings) and how long to wait for the ack.
    pub keepalive_interval: Option<Duration>,
    pub keepalive_timeout: Duration,
    /// HTTP/2 concurrent streams per connection.
    pub max_concurrent_streams: u32,
    /// Deadline for calls that bring no `grpc-timeout` of their own; a shorter client deadline wins.
    pub default_timeout: Option<Duration>,
    /// After the shutdown signal, how long calls in flight may take before the server stops anyway.
    pub shutdown_grace: Duration,
    /// Serves `gongqing.v1.Admin` (model reload) when set; the config is the one the engine started from.
    pub admin: Option<EngineConfig>,
    /// A second, plaintext port serving only `grpc.health.v1.Health` (for kubelet gRPC probes, which cannot
    /// speak TLS). Same statuses as the main port.
    pub health_addr: Option<std::net::SocketAddr>,
    /// MonitorConversation: alert threshold and per-stream limits.
    pub monitor: crate::monitor::MonitorLimits,
    /// Calls slower than this log their stage breakdown at WARN (`None`: never).
    pub slow_request: Option<Duration>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            max_message_bytes: 4 * 1024 * 1024,
            tls: None,
            auth: None,
            close_reflection: false,
            keepalive_interval: Some(Duration::from_secs(30)),
            keepalive_timeout: Duration::from_secs(10),
            max_concurrent_streams: 256,
            default_timeout: Some(Duration::from_secs(30)),
            shutdown_grace: Duration::from_secs(20),
            admin: None,
            health_addr: None,
            monitor: crate::monitor::MonitorLimits::default(),
            slow_request: Some(Duration::from_secs(1)),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("reflection setup failed: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    #[error("transport failed: {0}")]
    Transport(#[from] tonic::transport::Error),
    #[error("binding the health address: {0}")]
    HealthBind(std::io::Error),
}

/// Serves until `shutdown` resolves. Health reports SERVING from the start because the engine is ready
/// (a backend was loaded) before this is called, and NOT_SERVING the moment shutdown begins. Then no new
/// connection is accepted, calls in flight finish (up to `shutdown_grace`), and this returns `Ok`.
pub async fn serve(
    engine: SharedEngine,
    listener: TcpListener,
    options: ServeOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let (health, health_service) = tonic_health::server::health_reporter();
    health.set_serving::<EmpathyServer<EmpathyService>>().await;
    health.set_service_status("", tonic_health::ServingStatus::Serving).await;
    crate::metrics::set_backend(crate::admin::kind_name(engine.load().info().backend));

    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let reflection_alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?;

    let service = EmpathyServer::new(
        EmpathyService::with_monitor(engine.clone(), options.monitor).with_slow_request(options.slow_request),
    )
    .max_decoding_message_size(options.max_message_bytes);
    let admin = options.admin.clone().map(|config| AdminServer::new(AdminService::new(engine.clone(), config)));

    let (gone_tx, gone_rx) = tokio::sync::oneshot::channel::<()>();
    let (health_stop_tx, health_stop_rx) = tokio::sync::oneshot::channel::<()>();
    if let Some(addr) = options.health_addr {
        let listener = TcpListener::bind(addr).await.map_err(ServeError::HealthBind)?;
        tracing::info!(addr = %listener.local_addr().map_err(ServeError::HealthBind)?, "plaintext health port");
        let health_only = tonic::transport::Server::builder().add_service(health_service.clone());
        tokio::spawn(async move {
            let stop = async {
                let _ = health_stop_rx.await;
            };
            if let Err(e) = health_only.serve_with_incoming_shutdown(no_delay(listener), stop).await {
                tracing::warn!(error = %e, "health port failed");
            }
        });
    }
    let going_down = {
        let health = health.clone();
        async move {
            shutdown.await;
            health.set_not_serving::<EmpathyServer<EmpathyService>>().await;
            health.set_service_status("", tonic_health::ServingStatus::NotServing).await;
            tracing::info!("shutting down: health NOT_SERVING, no new connections, finishing calls in flight");
            let _ = gone_tx.send(());
        }
    };

    let gate = GateLayer {
        auth: options.auth.clone(),
        reflection_open: !options.close_reflection,
        default_timeout: options.default_timeout,
    };
    let mut builder = tonic::transport::Server::builder();
    if let Some(tls) = &options.tls {
        let mut config = ServerTlsConfig::new().identity(Identity::from_pem(&tls.cert_pem, &tls.key_pem));
        if let Some(ca) = &tls.client_ca_pem {
            config = config.client_ca_root(Certificate::from_pem(ca));
        }
        builder = builder.tls_config(config)?;
    }
    if let Some(timeout) = options.default_timeout {
        // Enforced by tonic around the whole call; a shorter client grpc-timeout wins.
        builder = builder.timeout(timeout);
    }
    let router = builder
        .http2_keepalive_interval(options.keepalive_interval)
        .http2_keepalive_timeout(Some(options.keepalive_timeout))
        .max_concurrent_streams(options.max_concurrent_streams)
        .layer(gate)
        .add_service(health_service)
        .add_service(reflection)
        .add_service(reflection_alpha)
        .add_service(service)
        .add_optional_service(admin);

    let serving = router.serve_with_incoming_shutdown(no_delay(listener), going_down);
    let grace = options.shutdown_grace;
    let deadline = async move {
        if gone_rx.await.is_err() {
            std::future::pending::<()>().await;
        }
        tokio::time::sleep(grace).await;
    };
    let _health_stop = health_stop_tx; // dropped on return: the health port closes with the server
    tokio::select! {
        result = serving => result?,
        _ = deadline => {
            tracing::warn!(grace_seconds = grace.as_secs_f64(), "shutdown grace period over; stopping with calls still in flight");
        }
    }
    Ok(())
}

/// Reads the PEM files named on the command line.
pub fn read_tls(cert: &std::path::Path, key: &std::path::Path, client_ca: Option<&std::path::Path>) -> std::io::Result<TlsFiles> {
    let read = |p: &std::path::Path| {
        std::fs::read(p).map_err(|e| std::io::Error::new(e.kind(), format!("reading {}: {e}", p.display())))
    };
    Ok(TlsFiles { cert_pem: read(cert)?, key_pem: read(key)?, client_ca_pem: client_ca.map(read).transpose()? })
}

/// The tower layer in front of every gRPC service.
#[derive(Clone)]
pub struct GateLayer {
    auth: Option<TokenStore>,
    reflection_open: bool,
    default_timeout: Option<Duration>,
}

impl<S> tower_layer::Layer<S> for GateLayer {
    type Service = Gate<S>;
    fn layer(&self, inner: S) -> Gate<S> {
        Gate { inner, config: Arc::new(self.clone()) }
    }
}

#[derive(Clone)]
pub struct Gate<S> {
    inner: S,
    config: Arc<GateLayer>,
}

static NEXT_REQUEST: AtomicU64 = AtomicU64::new(1);

fn request_id<B>(req: &http::Request<B>) -> String {
    // A caller's own id (printable, short) is kept so logs join up across services.
    if let Some(v) = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()) {
        if !v.is_empty() && v.len() <= 128 {
            return v.to_string();
        }
    }
    format!("gq-{:x}-{}", std::process::id(), NEXT_REQUEST.fetch_add(1, Ordering::Relaxed))
}


/// Counts a call as in flight until dropped, and records it as CANCELLED if the future is dropped before
/// it finished (the client went away).
struct Flight {
    rpc: String,
    id: String,
    started: Instant,
    done: bool,
}

impl Drop for Flight {
    fn drop(&mut self) {
        crate::metrics::in_flight_add(-1);
        if !self.done {
            crate::metrics::observe_request(&self.rpc, "CANCELLED", self.started.elapsed());
            tracing::debug!(request_id = %self.id, rpc = %self.rpc, "call cancelled by the client");
        }
    }
}

impl<S, B> tonic::codegen::Service<http::Request<B>> for Gate<S>
where
    S: tonic::codegen::Service<http::Request<B>, Response = http::Response<tonic::body::Body>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    B: Send + 'static,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let config = self.config.clone();
        let rpc = req.uri().path().to_string();
        let id = request_id(&req);
        let started = Instant::now();

        if let Some(auth) = &config.auth {
            if !crate::auth::is_open_path(&rpc, config.reflection_open) {
                let presented = req.headers().get(http::header::AUTHORIZATION).map(|v| v.as_bytes());
                if !auth.check_header(presented) {
                    crate::metrics::observe_request(&rpc, "UNAUTHENTICATED", started.elapsed());
                    tracing::debug!(request_id = %id, rpc = %rpc, "call refused: missing or unknown bearer token");
                    let mut response = tonic::Status::unauthenticated("missing or invalid bearer token").into_http();
                    if let Ok(v) = http::HeaderValue::from_str(&id) {
                        response.headers_mut().insert("x-request-id", v);
                    }
                    return Box::pin(async move { Ok(response) });
                }
            }
        }
        // The default deadline: only when the caller sent none, so the API's deadline handling sees it.
        if let Some(timeout) = config.default_timeout {
            if !req.headers().contains_key("grpc-timeout") {
                let millis = timeout.as_millis().clamp(1, 99_999_999);
                if let Ok(v) = http::HeaderValue::from_str(&format!("{millis}m")) {
                    req.headers_mut().insert("grpc-timeout", v);
                }
            }
        }
        if let Ok(v) = http::HeaderValue::from_str(&id) {
            req.headers_mut().insert("x-request-id", v);
        }
        crate::metrics::in_flight_add(1);
        // The handler runs inside this span; the API fills in the stage fields once the engine reports them.
        let span = tracing::info_span!(
            "call",
            request_id = %id,
            rpc = %rpc,
            validation_ms = tracing::field::Empty,
            tokenization_ms = tracing::field::Empty,
            queue_wait_ms = tracing::field::Empty,
            inference_ms = tracing::field::Empty,
            judgment_ms = tracing::field::Empty,
        );
        let mut flight = Flight { rpc, id, started, done: false };
        let call = tracing::Instrument::instrument(inner.call(req), span.clone());
        Box::pin(async move {
            let outcome = CatchUnwind(Box::pin(call)).await;
            let elapsed = flight.started.elapsed();
            flight.done = true;
            let mut response = match outcome {
                Ok(result) => result?,
                Err(panic) => {
                    let what = crate::failure::caught_panic(&*panic);
                    span.in_scope(|| crate::failure::internal_status(&format!("handler panicked: {what}"))).into_http()
                }
            };
            // Errors raised by a handler come back "trailers-only": the status is in the headers. A response
            // without it carries the status in trailers, which for unary calls here means OK.
            let code = response
                .headers()
                .get("grpc-status")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<i32>().ok())
                .map(tonic::Code::from_i32)
                .unwrap_or(tonic::Code::Ok);
            let name = code_name(code);
            crate::metrics::observe_request(&flight.rpc, name, elapsed);
            let ms = elapsed.as_secs_f64() * 1e3;
            match code {
                tonic::Code::Internal | tonic::Code::Unknown | tonic::Code::DataLoss | tonic::Code::Unavailable => {
                    tracing::warn!(request_id = %flight.id, rpc = %flight.rpc, code = name, ms, "call failed")
                }
                _ => tracing::debug!(request_id = %flight.id, rpc = %flight.rpc, code = name, ms, "call"),
            }
            if let Ok(v) = http::HeaderValue::from_str(&flight.id) {
                response.headers_mut().insert("x-request-id", v);
            }
            Ok(response)
        })
    }
}

/// Turns a panic while polling the inner future into an `Err` instead of tearing down the connection.
struct CatchUnwind<F>(Pin<Box<F>>);

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn std::any::Any + Send>>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match std::panic::catch_unwind(AssertUnwindSafe(move || inner.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

/// Accepted connections with Nagle's algorithm off: a reply goes out as several small HTTP/2 frames, and holding the
/// last ones back until the client acknowledges the first (which it may delay) cost about 20 ms per call.
fn no_delay(listener: TcpListener) -> TcpIncoming {
    TcpIncoming::from(listener).with_nodelay(Some(true))
}
