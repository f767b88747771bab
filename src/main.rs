//! `gongqing`: the command line. `serve` runs the gRPC service; `classify` and `rank` run the same engine
//! in-process and print JSON, for trying it without a gRPC client.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use gongqing::batch::BatchLimits;
use gongqing::engine::{BackendChoice, Engine, EngineConfig, Limits};
use gongqing::judge::{Role, Turn};
use gongqing::server::{serve, ServeOptions};

#[derive(Parser)]
#[command(name = "gongqing", version, about = "Reads how a Chinese-speaking customer feels and ranks empathetic replies")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the gRPC server.
    Serve(ServeArgs),
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
        let config = EngineConfig {
            model: self.model.clone(),
            hub_cache: self.hub_cache.clone(),
            backend: self.backend,
            lexicon_dir: self.lexicon.clone(),
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
        };
        if let Some(threads) = self.threads {
            // candle sizes its matmul thread pool from this variable; set before any inference runs.
            std::env::set_var("RAYON_NUM_THREADS", threads.to_string());
        }
        Engine::start(&config).context("starting the engine")
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

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("GONGQING_LOG").unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => {
            let engine = gongqing::engine::shared(args.engine.start()?);
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind(args.addr)
                    .await
                    .with_context(|| format!("binding {}", args.addr))?;
                let info = engine.load().info();
                tracing::info!(
                    addr = %listener.local_addr()?,
                    backend = ?info.backend,
                    model = %info.description.summary,
                    "gongqing serving"
                );
                let options = ServeOptions {
                    max_message_bytes: args.max_message_bytes,
                };
                serve(engine, listener, options, shutdown_signal()).await?;
                anyhow::Ok(())
            })?;
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
