//! `gongqing`: the command line. `serve` runs the gRPC service; `classify` and `rank` run the same engine
//! in-process and print JSON, for trying it without a gRPC client.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use gongqing::backend::{DeviceChoice, Precision};
use gongqing::batch::BatchLimits;
use gongqing::engine::{BackendChoice, Engine, EngineConfig, Limits};
use gongqing::judge::{Role, Turn};
use gongqing::server::{serve, ServeOptions};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

#[derive(Parser)]
#[command(
    name = "gongqing",
    version,
    about = "Reads how a Chinese-speaking customer feels and ranks empathetic replies"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the gRPC server.
    Serve(Box<ServeArgs>),
    /// Classify texts in-process and print JSON.
    Classify {
        #[command(flatten)]
        engine: EngineArgs,
        /// Texts to classify.
        #[arg(required = true)]
        texts: Vec<String>,
    },
    /// Rank candidate replies in-process and print JSON.
    Rank {
        #[command(flatten)]
        engine: EngineArgs,
        /// The customer's message.
        #[arg(long)]
        customer: String,
        /// Earlier turns, oldest first, each `customer:TEXT` or `agent:TEXT`.
        #[arg(long = "turn")]
        turns: Vec<String>,
        /// Candidate replies.
        #[arg(required = true)]
        candidates: Vec<String>,
    },
    /// Evaluate the service on a data file or a TOML scenario: quality, latency, reports
    /// (report.json, report.md, report.html); `gongqing eval compare A.json B.json` compares two runs.
    #[command(subcommand_negates_reqs = true)]
    Eval {
        #[command(flatten)]
        args: Box<gongqing::eval::cli::EvalArgs>,
        #[command(flatten, next_help_heading = "In-process engine (--target inprocess)")]
        engine: EngineArgs,
        #[command(subcommand)]
        action: Option<gongqing::eval::cli::EvalAction>,
    },
}

#[derive(Args, Clone)]
struct EngineArgs {
    /// Model folder (config.json, tokenizer.json, model.safetensors) or hub id owner/name[@revision] in the local hub cache.
    #[arg(long, env = "GONGQING_MODEL", default_value = "models/default")]
    model: String,
    /// auto: the model, or the lexicon if the model cannot be used; model: fail without it; lexicon: never load it.
    #[arg(long, env = "GONGQING_BACKEND", value_enum, default_value_t = BackendChoice::Auto)]
    backend: BackendChoice,
    /// Hub cache folder for hub ids (default: HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub).
    #[arg(long, env = "GONGQING_HUB_CACHE")]
    hub_cache: Option<PathBuf>,
    /// Folder of lexicon word lists to use instead of the built-in ones.
    #[arg(long, env = "GONGQING_LEXICON")]
    lexicon: Option<PathBuf>,
    /// Conversation risk model (risk_model.json from examples/fit_conversation_risk) instead of the built-in one.
    #[arg(long, env = "GONGQING_RISK_MODEL")]
    risk_model: Option<PathBuf>,
    /// Precision of the encoder's dense layers: int8 (quantized at load, VNNI products) or f32.
    #[arg(long, env = "GONGQING_PRECISION", value_enum, default_value_t = Precision::default())]
    precision: Precision,
    /// Where the model runs: cpu, or cuda / cuda:N in a build with `--features cuda`.
    #[arg(long, env = "GONGQING_DEVICE", default_value_t = DeviceChoice::Cpu)]
    device: DeviceChoice,
    /// Most texts in one Classify request.
    #[arg(long, env = "GONGQING_MAX_TEXTS", default_value_t = Limits::default().max_texts)]
    max_texts: usize,
    /// Longest text accepted, in bytes of UTF-8.
    #[arg(long, env = "GONGQING_MAX_TEXT_BYTES", default_value_t = Limits::default().max_text_bytes)]
    max_text_bytes: usize,
    /// Most candidates in one RankReplies request.
    #[arg(long, env = "GONGQING_MAX_CANDIDATES", default_value_t = Limits::default().max_candidates)]
    max_candidates: usize,
    /// Most context turns in one RankReplies request.
    #[arg(long, env = "GONGQING_MAX_CONTEXT_TURNS", default_value_t = Limits::default().max_context_turns)]
    max_context_turns: usize,
    /// Padded tokens merged into one inference batch (a larger single request still runs, alone).
    #[arg(long, env = "GONGQING_MAX_BATCH_TOKENS", default_value_t = BatchLimits::default().max_batch_tokens)]
    max_batch_tokens: usize,
    /// Texts merged into one inference batch.
    #[arg(long, env = "GONGQING_MAX_BATCH_TEXTS", default_value_t = BatchLimits::default().max_batch_texts)]
    max_batch_texts: usize,
    /// Requests allowed to wait for inference; beyond that callers get RESOURCE_EXHAUSTED.
    #[arg(long, env = "GONGQING_MAX_CONCURRENT_REQUESTS", default_value_t = BatchLimits::default().max_queued_requests)]
    max_concurrent_requests: usize,
    /// Inference worker threads taking batches from the queue.
    #[arg(long, env = "GONGQING_INFERENCE_WORKERS", default_value_t = BatchLimits::default().workers)]
    inference_workers: usize,
    /// Threads one matrix multiplication may use (default: all cores).
    #[arg(long, env = "GONGQING_THREADS")]
    threads: Option<usize>,
}

impl EngineArgs {
    fn start(&self) -> anyhow::Result<Engine> {
        self.start_with(&self.config())
    }

    fn config(&self) -> EngineConfig {
        EngineConfig {
            model: self.model.clone(),
            hub_cache: self.hub_cache.clone(),
            backend: self.backend,
            lexicon_dir: self.lexicon.clone(),
            risk_model: self.risk_model.clone(),
            precision: self.precision,
            device: self.device,
            limits: Limits {
                max_texts: self.max_texts,
                max_text_bytes: self.max_text_bytes,
                max_candidates: self.max_candidates,
                max_context_turns: self.max_context_turns,
            },
            batch: BatchLimits {
                max_batch_tokens: self.max_batch_tokens,
                max_batch_texts: self.max_batch_texts,
                max_queued_requests: self.max_concurrent_requests,
                workers: self.inference_workers,
            },
        }
    }

    fn start_with(&self, config: &EngineConfig) -> anyhow::Result<Engine> {
        if let Some(threads) = self.threads {
            // candle sizes its matmul thread pool from this variable; set before any inference runs.
            std::env::set_var("RAYON_NUM_THREADS", threads.to_string());
        }
        Engine::start(config).context("starting the engine")
    }
}

#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    engine: EngineArgs,
    /// Address to listen on.
    #[arg(long, env = "GONGQING_ADDR", default_value = "127.0.0.1:50051")]
    addr: SocketAddr,
    /// Largest request message, in bytes.
    #[arg(long, env = "GONGQING_MAX_MESSAGE_BYTES", default_value_t = ServeOptions::default().max_message_bytes)]
    max_message_bytes: usize,
    /// TLS certificate chain (PEM). With --tls-key, the gRPC port speaks TLS only.
    #[arg(long, env = "GONGQING_TLS_CERT", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// TLS private key (PEM, PKCS#8 / RSA / SEC1).
    #[arg(long, env = "GONGQING_TLS_KEY", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// CA certificate (PEM) that client certificates must chain to: turns on mutual TLS.
    #[arg(long, env = "GONGQING_TLS_CLIENT_CA", requires = "tls_cert")]
    tls_client_ca: Option<PathBuf>,
    /// File of accepted bearer tokens, one per line ('#' comments); re-read on SIGHUP. Without it, no auth.
    #[arg(long, env = "GONGQING_AUTH_TOKEN_FILE")]
    auth_token_file: Option<PathBuf>,
    /// Require a token for server reflection too (health always stays open).
    #[arg(long, env = "GONGQING_CLOSE_REFLECTION")]
    close_reflection: bool,
    /// Serve Prometheus metrics over HTTP at http://ADDR/metrics (off when not set).
    #[arg(long, env = "GONGQING_METRICS_ADDR")]
    metrics_addr: Option<SocketAddr>,
    /// Serve the gongqing.v1.Admin service (ReloadModel). Needs a token when auth is on.
    #[arg(long, env = "GONGQING_ADMIN", default_value_t = true, action = clap::ArgAction::Set)]
    admin: bool,
    /// HTTP/2 keepalive ping interval (0s: no pings).
    #[arg(long, env = "GONGQING_KEEPALIVE_INTERVAL", default_value = "30s", value_parser = humantime::parse_duration)]
    keepalive_interval: std::time::Duration,
    /// How long to wait for a keepalive ping's ack before closing the connection.
    #[arg(long, env = "GONGQING_KEEPALIVE_TIMEOUT", default_value = "10s", value_parser = humantime::parse_duration)]
    keepalive_timeout: std::time::Duration,
    /// HTTP/2 concurrent streams per connection.
    #[arg(long, env = "GONGQING_MAX_CONCURRENT_STREAMS", default_value_t = ServeOptions::default().max_concurrent_streams)]
    max_concurrent_streams: u32,
    /// Deadline for calls that send no grpc-timeout (0s: none).
    #[arg(long, env = "GONGQING_DEFAULT_TIMEOUT", default_value = "30s", value_parser = humantime::parse_duration)]
    default_timeout: std::time::Duration,
    /// After SIGTERM/SIGINT, how long calls in flight may run before the process exits anyway.
    #[arg(long, env = "GONGQING_SHUTDOWN_GRACE", default_value = "20s", value_parser = humantime::parse_duration)]
    shutdown_grace: std::time::Duration,
    /// MonitorConversation raises `alert` when the escalation risk reaches this (re-armed below it minus 0.15).
    #[arg(long, env = "GONGQING_ALERT_THRESHOLD", default_value_t = 0.6, value_parser = parse_probability)]
    alert_threshold: f32,
    /// Conversations one MonitorConversation stream may follow at once (more: RESOURCE_EXHAUSTED).
    #[arg(long, env = "GONGQING_MONITOR_MAX_CONVERSATIONS", default_value_t = 64)]
    monitor_max_conversations: usize,
    /// A monitored conversation without a new turn for this long is forgotten.
    #[arg(long, env = "GONGQING_MONITOR_IDLE_TIMEOUT", default_value = "30m", value_parser = humantime::parse_duration)]
    monitor_idle_timeout: std::time::Duration,
    /// Plaintext port serving only grpc.health.v1.Health, for probes that cannot speak TLS (kubelet).
    #[arg(long, env = "GONGQING_HEALTH_ADDR")]
    health_addr: Option<SocketAddr>,
    /// Log format: text (human) or json (one JSON object per line).
    #[arg(long, env = "GONGQING_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    log_format: String,
    /// Calls slower than this many milliseconds log their stage breakdown (validation, tokenization, queue wait,
    /// inference, judgment) at WARN; 0 turns it off.
    #[arg(long, env = "GONGQING_SLOW_REQUEST_MS", default_value_t = 1000)]
    slow_request_ms: u64,
    /// OpenTelemetry collector (OTLP over gRPC, e.g. http://127.0.0.1:4317) that receives one span per call, with
    /// its stage times (off when not set).
    #[cfg(feature = "otel")]
    #[arg(long, env = "GONGQING_OTLP_ENDPOINT")]
    otlp_endpoint: Option<String>,
}

/// Trace export to an OpenTelemetry collector (feature `otel`).
#[cfg(feature = "otel")]
mod otel {
    use anyhow::Context;
    use opentelemetry_otlp::WithExportConfig;
    use opentelemetry_sdk::trace::SdkTracerProvider;

    /// Spans go to the collector at `endpoint` in batches, from a thread of their own. The exporter's gRPC channel
    /// runs on `runtime`, which must outlive the provider.
    pub fn provider(endpoint: &str, runtime: &tokio::runtime::Runtime) -> anyhow::Result<SdkTracerProvider> {
        let _inside = runtime.enter();
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_tonic()
            .with_endpoint(endpoint)
            .build()
            .with_context(|| format!("OTLP exporter for {endpoint}"))?;
        let resource = opentelemetry_sdk::Resource::builder().with_service_name("gongqing").build();
        Ok(SdkTracerProvider::builder().with_batch_exporter(exporter).with_resource(resource).build())
    }
}

fn parse_probability(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("{s:?} is not a probability between 0 and 1")),
    }
}

fn parse_turn(raw: &str) -> anyhow::Result<Turn> {
    let (role, text) = raw.split_once(':').context("a --turn is ROLE:TEXT, e.g. customer:我的快递呢")?;
    let role = match role.trim() {
        "customer" => Role::Customer,
        "agent" => Role::Agent,
        other => anyhow::bail!("unknown role {other:?}: use customer or agent"),
    };
    Ok(Turn { role, text: text.to_string() })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}

/// SIGHUP re-reads the token file and reloads the model; a failure of either keeps what is in force.
fn spawn_sighup(
    engine: gongqing::engine::SharedEngine,
    config: EngineConfig,
    auth: Option<gongqing::auth::TokenStore>,
) {
    #[cfg(unix)]
    tokio::spawn(async move {
        let Ok(mut hup) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) else {
            return;
        };
        while hup.recv().await.is_some() {
            tracing::info!("SIGHUP: reloading tokens and model");
            if let Some(auth) = &auth {
                match auth.reload() {
                    Ok(n) => tracing::info!(tokens = n, "token file reloaded"),
                    Err(e) => {
                        tracing::warn!(error = %e, "token file reload failed; previous tokens stay in force")
                    }
                }
            }
            if let Err(e) = gongqing::admin::reload(engine.clone(), config.clone()).await {
                tracing::warn!(error = %e, "model reload failed; previous engine keeps serving");
            }
        }
    });
    #[cfg(not(unix))]
    let _ = (engine, config, auth);
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    gongqing::allocator::keep_freed_memory();
    // Made before logging starts so that trace export (feature `otel`) can run its channel on it.
    let runtime = matches!(cli.command, Command::Serve(_)).then(tokio::runtime::Runtime::new).transpose()?;
    let filter = tracing_subscriber::EnvFilter::try_from_env("GONGQING_LOG").unwrap_or_else(|_| "info".into());
    let json = matches!(&cli.command, Command::Serve(args) if args.log_format == "json");
    // Colour only for a person at a terminal: in a file, a pipe or a log collector the codes are noise.
    let colour = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let text_logs = (!json).then(|| tracing_subscriber::fmt::layer().with_writer(std::io::stderr).with_ansi(colour));
    let json_logs = json.then(|| tracing_subscriber::fmt::layer().json().with_writer(std::io::stderr));
    let logging = tracing_subscriber::registry().with(filter).with(text_logs).with(json_logs);
    #[cfg(feature = "otel")]
    let (logging, traces) = {
        use opentelemetry::trace::TracerProvider as _;
        let endpoint = match &cli.command {
            Command::Serve(args) => args.otlp_endpoint.as_deref(),
            _ => None,
        };
        let traces = match (endpoint, &runtime) {
            (Some(endpoint), Some(runtime)) => Some(otel::provider(endpoint, runtime)?),
            _ => None,
        };
        let layer = traces.as_ref().map(|provider| tracing_opentelemetry::layer().with_tracer(provider.tracer("gongqing")));
        (logging.with(layer), traces)
    };
    logging.init();
    match cli.command {
        Command::Serve(args) => {
            let config = args.engine.config();
            let started = std::time::Instant::now();
            let engine = gongqing::engine::shared(args.engine.start_with(&config)?);
            let load_time = started.elapsed();
            let auth = args
                .auth_token_file
                .as_ref()
                .map(gongqing::auth::TokenStore::load)
                .transpose()
                .context("--auth-token-file")?;
            let tls = match (&args.tls_cert, &args.tls_key) {
                (Some(cert), Some(key)) => {
                    Some(gongqing::server::read_tls(cert, key, args.tls_client_ca.as_deref()).context("TLS files")?)
                }
                _ => None,
            };
            let runtime = match runtime {
                Some(runtime) => runtime,
                None => tokio::runtime::Runtime::new()?,
            };
            runtime.block_on(async move {
                if let Some(addr) = args.metrics_addr {
                    gongqing::metrics::install();
                    gongqing::metrics::observe_model_load(load_time);
                    if engine.load().info().fallback_reason.is_some() {
                        gongqing::metrics::observe_fallback(gongqing::metrics::FALLBACK_AT_START);
                    }
                    let metrics = tokio::net::TcpListener::bind(addr)
                        .await
                        .with_context(|| format!("binding the metrics address {addr}"))?;
                    tracing::info!(addr = %metrics.local_addr()?, "metrics at /metrics");
                    tokio::spawn(gongqing::metrics::serve_http(metrics));
                }
                let listener =
                    tokio::net::TcpListener::bind(args.addr).await.with_context(|| format!("binding {}", args.addr))?;
                let info = engine.load().info();
                tracing::info!(
                    addr = %listener.local_addr()?,
                    backend = ?info.backend,
                    model = %info.description.summary,
                    tls = tls.is_some(),
                    mutual_tls = tls.as_ref().is_some_and(|t| t.client_ca_pem.is_some()),
                    auth_tokens = auth.as_ref().map_or(0, |a| a.len()),
                    "gongqing serving"
                );
                spawn_sighup(engine.clone(), config.clone(), auth.clone());
                let nonzero = |d: std::time::Duration| (!d.is_zero()).then_some(d);
                let options = ServeOptions {
                    max_message_bytes: args.max_message_bytes,
                    tls,
                    auth,
                    close_reflection: args.close_reflection,
                    keepalive_interval: nonzero(args.keepalive_interval),
                    keepalive_timeout: args.keepalive_timeout,
                    max_concurrent_streams: args.max_concurrent_streams,
                    default_timeout: nonzero(args.default_timeout),
                    shutdown_grace: args.shutdown_grace,
                    admin: args.admin.then_some(config),
                    health_addr: args.health_addr,
                    slow_request: (args.slow_request_ms > 0)
                        .then(|| std::time::Duration::from_millis(args.slow_request_ms)),
                    monitor: gongqing::monitor::MonitorLimits {
                        alert_threshold: args.alert_threshold,
                        max_conversations: args.monitor_max_conversations,
                        max_turns: args.engine.max_context_turns,
                        idle_timeout: args.monitor_idle_timeout,
                        ..Default::default()
                    },
                };
                serve(engine, listener, options, shutdown_signal()).await?;
                tracing::info!("stopped");
                anyhow::Ok(())
            })?;
            #[cfg(feature = "otel")]
            if let Some(traces) = traces {
                // Sends the spans still buffered (the exporter's channel still has its runtime here), but waits only
                // briefly for an unreachable collector: the orchestrator's kill deadline is near after the grace period.
                if let Err(error) = traces.shutdown_with_timeout(std::time::Duration::from_secs(3)) {
                    tracing::warn!(%error, "flushing traces at exit failed");
                }
            }
        }
        Command::Classify { engine, texts } => {
            let engine = engine.start()?;
            let results = engine.classify_blocking(&texts)?;
            let out: Vec<_> = texts
                .iter()
                .zip(&results)
                .map(|(text, result)| serde_json::json!({ "text": text, "classification": result }))
                .collect();
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        Command::Rank { engine, customer, turns, candidates } => {
            let engine = engine.start()?;
            let context = turns.iter().map(|t| parse_turn(t)).collect::<anyhow::Result<Vec<_>>>()?;
            let ranking = engine.rank_blocking(&customer, &context, &candidates)?;
            println!("{}", serde_json::to_string_pretty(&ranking)?);
        }
        Command::Eval { engine, args, action } => {
            let code = gongqing::eval::cli::run(*args, action, move || engine.start())?;
            if code != 0 {
                std::process::exit(code);
            }
        }
    }
    Ok(())
}
