//! Throughput and latency of gongqing, side by side in one run: gRPC with N concurrent single-text clients,
//! batching on and off, in-process, one client one text at a time, a short text's latency, the lexicon, and
//! RankReplies latency (5 candidates, 3 context turns) on the model and on the lexicon.
//! Run through `scripts/bench`, which adds the Python reference; prints a Markdown table and writes JSON.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use gongqing::backend::Precision;
use gongqing::batch::BatchLimits;
use gongqing::engine::{shared, BackendChoice, Engine, EngineConfig};
use gongqing::proto::empathy_client::EmpathyClient;
use gongqing::proto::{ClassifyRequest, RankRepliesRequest, Role, Turn};
use gongqing::server::{serve, ServeError, ServeOptions};

#[derive(Parser)]
struct Args {
    /// Model folder.
    #[arg(long, default_value = "models/default")]
    model: String,
    /// JSONL file with a `text` field; the first `--limit` lines are used.
    #[arg(long, default_value = "../shared/data/train/reviews.jsonl")]
    texts: PathBuf,
    #[arg(long, default_value_t = 2000)]
    limit: usize,
    /// Precision of the dense layers for every model run but the f32 comparison row.
    #[arg(long, value_enum, default_value_t = Precision::default())]
    precision: Precision,
    /// Concurrent gRPC clients.
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
    /// Where to write the JSON results.
    #[arg(long, default_value = "target/bench/gongqing.json")]
    out: PathBuf,
    /// Only the rows a length sweep compares (gRPC with concurrent clients, one client one text): what
    /// `scripts/bench_sweep` runs once per text length.
    #[arg(long)]
    sweep: bool,
    /// Accept cargo bench's own flag.
    #[arg(long, hide = true)]
    bench: bool,
}

#[derive(serde::Serialize)]
struct Run {
    name: String,
    texts: usize,
    seconds: f64,
    texts_per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn summarize(name: &str, texts: usize, elapsed: Duration, mut latencies: Vec<f64>) -> Run {
    latencies.sort_by(|a, b| a.total_cmp(b));
    let run = Run {
        name: name.to_string(),
        texts,
        seconds: elapsed.as_secs_f64(),
        texts_per_second: texts as f64 / elapsed.as_secs_f64(),
        p50_ms: percentile(&latencies, 0.5),
        p99_ms: percentile(&latencies, 0.99),
    };
    eprintln!(
        "{:<44} {:>8.1} texts/s  p50 {:>8.1} ms  p99 {:>8.1} ms",
        run.name, run.texts_per_second, run.p50_ms, run.p99_ms
    );
    run
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

/// The model folder without `pair_head.json` (links to its other files in a temporary folder), so one run shows what
/// the pair scorer costs; None when the model has no pair head.
fn without_pair_head(model: &str) -> Option<PathBuf> {
    let source = std::fs::canonicalize(model).ok()?;
    if !source.join("pair_head.json").is_file() {
        return None;
    }
    let dir = std::env::temp_dir().join(format!("gongqing-bench-no-pair-head-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    for name in ["config.json", "tokenizer.json", "model.safetensors"] {
        let link = dir.join(name);
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(source.join(name), &link).ok()?;
    }
    Some(dir)
}

fn engine(model: &str, backend: BackendChoice, batch: BatchLimits, precision: Precision) -> Engine {
    let config = EngineConfig { model: model.into(), backend, batch, precision, ..EngineConfig::default() };
    Engine::start(&config).expect("engine starts")
}

/// The gRPC server on a free local port, a channel to it, and what stops it.
struct BenchServer {
    channel: tonic::transport::Channel,
    stop: tokio::sync::oneshot::Sender<()>,
    handle: tokio::task::JoinHandle<Result<(), ServeError>>,
}

impl BenchServer {
    async fn start(engine: Engine) -> BenchServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let handle = tokio::spawn(serve(shared(engine), listener, ServeOptions::default(), async {
            let _ = stopped.await;
        }));
        let channel =
            tonic::transport::Channel::from_shared(format!("http://{addr}")).unwrap().connect().await.unwrap();
        BenchServer { channel, stop, handle }
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.handle.await;
    }
}

/// `concurrency` gRPC clients, each sending one text per call, until every text is done.
async fn grpc_run(name: &str, engine: Engine, texts: &[String], concurrency: usize) -> Run {
    let server = BenchServer::start(engine).await;
    let channel = server.channel.clone();
    let queue = Arc::new(std::sync::Mutex::new(texts.iter().cloned().enumerate().collect::<Vec<_>>()));
    // Warm-up: one call.
    EmpathyClient::new(channel.clone()).classify(ClassifyRequest { texts: vec![texts[0].clone()] }).await.unwrap();
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let queue = queue.clone();
            let mut client = EmpathyClient::new(channel.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                loop {
                    let next = queue.lock().unwrap().pop();
                    let Some((_, text)) = next else { break };
                    let t = Instant::now();
                    client.classify(ClassifyRequest { texts: vec![text] }).await.expect("classify");
                    latencies.push(t.elapsed().as_secs_f64() * 1e3);
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await.unwrap());
    }
    let run = summarize(name, texts.len(), started.elapsed(), latencies);
    server.stop().await;
    run
}

/// One RankReplies call as a chatbot backend makes it: three earlier turns, the customer's message and five
/// candidate replies of ordinary length (written for this bench).
fn rank_request() -> RankRepliesRequest {
    let turn = |role: Role, text: &str| Turn { role: role as i32, text: text.to_string() };
    RankRepliesRequest {
        customer_message: "洗衣机装好第二天就漏水，地板都泡了，这事谁来负责？".to_string(),
        context: vec![
            turn(Role::Customer, "上周在你们店买的滚筒洗衣机，师傅周六来装的"),
            turn(Role::Agent, "您好，请问机器现在有什么问题呢？"),
            turn(Role::Customer, "订单号我发给你了，视频也拍了，下面一直在滴水"),
        ],
        candidates: vec![
            "请您耐心等待，我们会尽快处理。".to_string(),
            "地板被泡了肯定很糟心，这是我们安装没做好，我们来负责。我现在就派维修师傅，今天下午四点前上门，地板的损失也由我们来赔。".to_string(),
            "可能是您自己使用不当，建议先看看说明书。".to_string(),
            "抱歉让您久等，麻烦您提供一下订单号和照片。".to_string(),
            "您别急，我已经看到您发的视频了，先关掉进水阀，我马上安排师傅明天上午过来检修，有进展我第一时间打给您。".to_string(),
        ],
    }
}

/// One client calling RankReplies `calls` times in a row; a "text" here is one call.
async fn rank_run(name: &str, engine: Engine, calls: usize) -> Run {
    let server = BenchServer::start(engine).await;
    let channel = server.channel.clone();
    let mut client = EmpathyClient::new(channel);
    client.rank_replies(rank_request()).await.expect("warm-up rank");
    let started = Instant::now();
    let mut latencies = Vec::with_capacity(calls);
    for _ in 0..calls {
        let t = Instant::now();
        client.rank_replies(rank_request()).await.expect("rank");
        latencies.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let run = summarize(name, calls, started.elapsed(), latencies);
    server.stop().await;
    run
}

/// The engine called directly with batches of `batch` texts, one call at a time.
async fn in_process_run(name: &str, engine: Engine, texts: &[String], batch: usize) -> Run {
    let engine = Arc::new(engine);
    engine.clone().classify(vec![texts[0].clone()], None).await.unwrap();
    let started = Instant::now();
    let mut latencies = Vec::new();
    for chunk in texts.chunks(batch) {
        let t = Instant::now();
        engine.clone().classify(chunk.to_vec(), None).await.unwrap();
        latencies.push(t.elapsed().as_secs_f64() * 1e3 / chunk.len() as f64);
    }
    summarize(name, texts.len(), started.elapsed(), latencies)
}

fn main() {
    let args = Args::parse();
    gongqing::allocator::keep_freed_memory();
    let texts: Vec<String> = std::fs::read_to_string(&args.texts)
        .unwrap_or_else(|e| panic!("reading {}: {e}", args.texts.display()))
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?.get("text")?.as_str().map(str::to_string))
        .take(args.limit)
        .collect();
    let threads = gongqing::batch::compute_threads();
    eprintln!("{} texts from {}; {} compute threads; model {}", texts.len(), args.texts.display(), threads, args.model);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let batching = BatchLimits::default();
    let no_batching = BatchLimits { max_batch_texts: 1, ..BatchLimits::default() };
    let short = vec!["快递怎么还没到".to_string(); 200];
    let runs = runtime.block_on(async {
        let mut runs = Vec::new();
        let model = |b| engine(&args.model, BackendChoice::Model, b, args.precision);
        let c = args.concurrency;
        runs.push(
            grpc_run(&format!("grpc c={c} batching {}", args.precision.name()), model(batching), &texts, c).await,
        );
        if args.sweep {
            runs.push(grpc_run("grpc c=1 one text per call", model(batching), &texts, 1).await);
            runs.push(rank_run("grpc RankReplies 5 candidates 3 turns", model(batching), 100).await);
            return runs;
        }
        runs.push(grpc_run(&format!("grpc c={c} no batching"), model(no_batching), &texts, c).await);
        runs.push(grpc_run("grpc c=1 one text per call", model(batching), &texts, 1).await);
        runs.push(in_process_run("in-process batch 8", model(batching), &texts, 8).await);
        runs.push(grpc_run("grpc c=1 short text latency", model(batching), &short, 1).await);
        if args.precision != Precision::F32 {
            let f32_model = engine(&args.model, BackendChoice::Model, batching, Precision::F32);
            runs.push(grpc_run(&format!("grpc c={c} batching f32 (for comparison)"), f32_model, &texts, c).await);
        }
        runs.push(rank_run("grpc RankReplies 5 candidates 3 turns", model(batching), 100).await);
        if let Some(dir) = without_pair_head(&args.model) {
            let plain = engine(&dir.to_string_lossy(), BackendChoice::Model, batching, args.precision);
            runs.push(rank_run("grpc RankReplies 5 candidates 3 turns, model without its pair head", plain, 100).await);
        }
        let lexicon = || engine(&args.model, BackendChoice::Lexicon, batching, args.precision);
        runs.push(rank_run("grpc RankReplies 5 candidates 3 turns, lexicon", lexicon(), 100).await);
        runs.push(in_process_run("lexicon in-process batch 64", lexicon(), &texts, 64).await);
        runs
    });
    let rss = peak_rss_mib();
    let lexicon_per_core = runs.last().map_or(0.0, |r| r.texts_per_second / threads as f64);
    println!("| run | texts/s | p50 ms | p99 ms |\n|---|---:|---:|---:|");
    for run in &runs {
        println!("| {} | {:.1} | {:.1} | {:.1} |", run.name, run.texts_per_second, run.p50_ms, run.p99_ms);
    }
    println!("\npeak RSS of the bench process: {rss:.0} MiB; lexicon texts/s per core: {lexicon_per_core:.0}");
    if !args.sweep {
        let ratio = runs[0].texts_per_second / runs[2].texts_per_second;
        println!("grpc c={} batching vs one client one text: {ratio:.2}x", args.concurrency);
        println!(
            "batching on vs off at c={}: {:.2}x",
            args.concurrency,
            runs[0].texts_per_second / runs[1].texts_per_second
        );
    }
    if let Some(f32_run) = runs.iter().find(|r| r.name.contains("f32 (for comparison)")) {
        println!(
            "{} vs f32 weights at c={}: {:.2}x",
            args.precision.name(),
            args.concurrency,
            runs[0].texts_per_second / f32_run.texts_per_second
        );
    }
    if let Some(dir) = args.out.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    let json = serde_json::json!({ "threads": threads, "peak_rss_mib": rss, "runs": runs });
    std::fs::write(&args.out, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}
