//! Test fixtures: a tiny random BERT classifier written to a folder (real config.json, tokenizer.json and
//! safetensors, so the real loader runs), and a server started on 127.0.0.1 port 0.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use gongqing::engine::{BackendChoice, Engine, EngineConfig, SharedEngine};
use gongqing::proto::empathy_client::EmpathyClient;
use gongqing::server::{serve, ServeOptions};
use tonic::transport::Channel;

pub const HIDDEN: usize = 32;
pub const LAYERS: usize = 2;
pub const HEADS: usize = 4;
pub const INTERMEDIATE: usize = 64;
/// Small on purpose, so that truncation is easy to trigger.
pub const MAX_POSITIONS: usize = 40;

const CHARS: &str = "我的快递怎么还没到太差了非常满意谢谢你们好不是很失望退款客服请问订单号码一直在等着急生气问题解决感谢服务态度真棒呢吗啊了吧";

#[derive(Clone, Copy)]
pub struct TinyBert {
    pub dtype: DType,
    /// Mean pooling (gongqing's own config key) instead of CLS + pooler.
    pub mean_pooling: bool,
    pub emotion_head: bool,
}

impl Default for TinyBert {
    fn default() -> Self {
        Self { dtype: DType::F32, mean_pooling: false, emotion_head: false }
    }
}

fn vocab() -> Vec<String> {
    let mut vocab: Vec<String> = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"].iter().map(|s| s.to_string()).collect();
    for c in CHARS.chars() {
        let token = c.to_string();
        if !vocab.contains(&token) {
            vocab.push(token);
        }
    }
    vocab
}

/// Deterministic pseudo-random values in [-scale, scale].
struct Lcg(u64);

impl Lcg {
    fn values(&mut self, n: usize, scale: f32) -> Vec<f32> {
        (0..n)
            .map(|_| {
                self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((self.0 >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * scale
            })
            .collect()
    }
}

impl TinyBert {
    /// Writes config.json, tokenizer.json and model.safetensors into `dir`.
    pub fn write(&self, dir: &Path) {
        std::fs::create_dir_all(dir).unwrap();
        let vocab = vocab();
        let mut gongqing = serde_json::json!({});
        if self.mean_pooling {
            gongqing["pooling"] = "mean".into();
        }
        if self.emotion_head {
            gongqing["emotion_id2label"] = serde_json::json!({
                "0": "anger", "1": "anxiety", "2": "disappointment", "3": "confusion",
                "4": "gratitude", "5": "satisfaction", "6": "neutral"
            });
        }
        let config = serde_json::json!({
            "architectures": ["BertForSequenceClassification"],
            "model_type": "bert",
            "vocab_size": vocab.len(),
            "hidden_size": HIDDEN,
            "num_hidden_layers": LAYERS,
            "num_attention_heads": HEADS,
            "intermediate_size": INTERMEDIATE,
            "hidden_act": "gelu",
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": MAX_POSITIONS,
            "type_vocab_size": 2,
            "initializer_range": 0.02,
            "layer_norm_eps": 1e-12,
            "pad_token_id": 0,
            "position_embedding_type": "absolute",
            "use_cache": true,
            "classifier_dropout": null,
            "id2label": {"0": "negative", "1": "neutral", "2": "positive"},
            "label2id": {"negative": 0, "neutral": 1, "positive": 2},
            "gongqing": gongqing,
        });
        std::fs::write(dir.join("config.json"), serde_json::to_string_pretty(&config).unwrap()).unwrap();
        std::fs::write(dir.join("tokenizer.json"), tokenizer_json(&vocab)).unwrap();
        self.write_weights(&dir.join("model.safetensors"), vocab.len());
    }

    fn write_weights(&self, path: &Path, vocab_size: usize) {
        /// Stores one random tensor: name, shape, scale of its values.
        type PutTensor<'a> = dyn FnMut(String, &[usize], f32, &mut Lcg) + 'a;
        let mut rng = Lcg(42);
        let mut tensors: HashMap<String, Tensor> = HashMap::new();
        let mut put = |name: String, shape: &[usize], scale: f32, rng: &mut Lcg| {
            let n: usize = shape.iter().product();
            let t = Tensor::from_vec(rng.values(n, scale), shape, &Device::Cpu).unwrap().to_dtype(self.dtype).unwrap();
            tensors.insert(name, t);
        };
        let norm = |prefix: String, rng: &mut Lcg, put: &mut PutTensor| {
            put(format!("{prefix}.weight"), &[HIDDEN], 0.0, rng);
            put(format!("{prefix}.bias"), &[HIDDEN], 0.1, rng);
        };
        put("bert.embeddings.word_embeddings.weight".into(), &[vocab_size, HIDDEN], 1.0, &mut rng);
        put("bert.embeddings.position_embeddings.weight".into(), &[MAX_POSITIONS, HIDDEN], 0.5, &mut rng);
        put("bert.embeddings.token_type_embeddings.weight".into(), &[2, HIDDEN], 0.5, &mut rng);
        norm("bert.embeddings.LayerNorm".into(), &mut rng, &mut put);
        for layer in 0..LAYERS {
            let p = format!("bert.encoder.layer.{layer}");
            for part in ["query", "key", "value"] {
                put(format!("{p}.attention.self.{part}.weight"), &[HIDDEN, HIDDEN], 0.3, &mut rng);
                put(format!("{p}.attention.self.{part}.bias"), &[HIDDEN], 0.1, &mut rng);
            }
            put(format!("{p}.attention.output.dense.weight"), &[HIDDEN, HIDDEN], 0.3, &mut rng);
            put(format!("{p}.attention.output.dense.bias"), &[HIDDEN], 0.1, &mut rng);
            norm(format!("{p}.attention.output.LayerNorm"), &mut rng, &mut put);
            put(format!("{p}.intermediate.dense.weight"), &[INTERMEDIATE, HIDDEN], 0.3, &mut rng);
            put(format!("{p}.intermediate.dense.bias"), &[INTERMEDIATE], 0.1, &mut rng);
            put(format!("{p}.output.dense.weight"), &[HIDDEN, INTERMEDIATE], 0.3, &mut rng);
            put(format!("{p}.output.dense.bias"), &[HIDDEN], 0.1, &mut rng);
            norm(format!("{p}.output.LayerNorm"), &mut rng, &mut put);
        }
        if !self.mean_pooling {
            put("bert.pooler.dense.weight".into(), &[HIDDEN, HIDDEN], 0.3, &mut rng);
            put("bert.pooler.dense.bias".into(), &[HIDDEN], 0.1, &mut rng);
        }
        put("classifier.weight".into(), &[3, HIDDEN], 1.0, &mut rng);
        put("classifier.bias".into(), &[3], 0.2, &mut rng);
        if self.emotion_head {
            put("emotion_classifier.weight".into(), &[7, HIDDEN], 1.0, &mut rng);
            put("emotion_classifier.bias".into(), &[7], 0.2, &mut rng);
        }
        // LayerNorm weights of 0 would erase the signal: make them 1 + noise.
        for (name, t) in tensors.iter_mut() {
            if name.ends_with("LayerNorm.weight") {
                *t = (t.to_dtype(DType::F32).unwrap() + 1.0).unwrap().to_dtype(self.dtype).unwrap();
            }
        }
        candle_core::safetensors::save(&tensors, path).unwrap();
    }
}

/// A BERT-style WordPiece tokenizer over single characters, as the `tokenizers` JSON format stores it.
fn tokenizer_json(vocab: &[String]) -> String {
    let vocab_map: serde_json::Map<String, serde_json::Value> =
        vocab.iter().enumerate().map(|(i, t)| (t.clone(), serde_json::json!(i))).collect();
    let special = |id: usize, content: &str| {
        serde_json::json!({"id": id, "content": content, "single_word": false, "lstrip": false,
            "rstrip": false, "normalized": false, "special": true})
    };
    serde_json::json!({
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": [special(0, "[PAD]"), special(1, "[UNK]"), special(2, "[CLS]"), special(3, "[SEP]")],
        "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
            "strip_accents": null, "lowercase": true},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}
            }
        },
        "decoder": null,
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
            "max_input_chars_per_word": 100, "vocab": vocab_map}
    })
    .to_string()
}

/// Lays out `model_dir` as the hub cache would hold model `id`, returning the cache root.
pub fn hub_cache_with(model_dir: &Path, cache_root: &Path, id: &str) -> PathBuf {
    let repo = cache_root.join(format!("models--{}", id.replace('/', "--")));
    let commit = "0123456789abcdef0123456789abcdef01234567";
    let snapshot = repo.join("snapshots").join(commit);
    std::fs::create_dir_all(&snapshot).unwrap();
    std::fs::create_dir_all(repo.join("refs")).unwrap();
    std::fs::write(repo.join("refs").join("main"), commit).unwrap();
    for file in ["config.json", "tokenizer.json", "model.safetensors"] {
        std::fs::copy(model_dir.join(file), snapshot.join(file)).unwrap();
    }
    cache_root.to_path_buf()
}

pub fn engine_config(model: &str, backend: BackendChoice) -> EngineConfig {
    EngineConfig { model: model.to_string(), backend, ..EngineConfig::default() }
}

pub struct TestServer {
    pub addr: std::net::SocketAddr,
    pub engine: SharedEngine,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<()>>,
}

impl TestServer {
    pub async fn start(config: EngineConfig) -> TestServer {
        Self::start_with(config, ServeOptions::default()).await
    }

    pub async fn start_with(config: EngineConfig, options: ServeOptions) -> TestServer {
        let engine = gongqing::engine::shared(Engine::start(&config).expect("engine starts"));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let served = engine.clone();
        let handle = tokio::spawn(async move {
            serve(served, listener, options, async {
                let _ = rx.await;
            })
            .await
            .expect("server runs");
        });
        TestServer { addr, engine, shutdown: Some(tx), handle: Some(handle) }
    }

    pub async fn channel(&self) -> Channel {
        let url = format!("http://{}", self.addr);
        for _ in 0..50 {
            if let Ok(channel) = Channel::from_shared(url.clone()).unwrap().connect().await {
                return channel;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("server at {url} did not come up");
    }

    pub async fn client(&self) -> EmpathyClient<Channel> {
        EmpathyClient::new(self.channel().await)
    }

    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(handle) = self.handle.take() {
            handle.await.unwrap();
        }
    }
}

/// A backend that takes `delay` per batch and scores a text by its length, so answers can be checked
/// and a queue can be made to fill up.
pub struct SlowBackend {
    pub delay: std::time::Duration,
}

impl SlowBackend {
    pub fn expected(text: &str) -> [f32; 3] {
        let negative = (text.chars().count() % 10) as f32 / 10.0;
        [negative, 1.0 - negative, 0.0]
    }
}

impl gongqing::backend::Backend for SlowBackend {
    fn kind(&self) -> gongqing::backend::BackendKind {
        gongqing::backend::BackendKind::Model
    }
    fn describe(&self) -> gongqing::backend::BackendDescription {
        gongqing::backend::BackendDescription { summary: "slow test backend".into(), ..Default::default() }
    }
    fn prepare(&self, texts: &[&str]) -> Result<Vec<gongqing::backend::Prepared>, gongqing::backend::BackendError> {
        Ok(texts
            .iter()
            .map(|t| gongqing::backend::Prepared { text: t.to_string(), ids: vec![1; t.chars().count() + 2], truncated: false })
            .collect())
    }
    fn predict(
        &self,
        items: &[&gongqing::backend::Prepared],
    ) -> Result<Vec<gongqing::backend::Prediction>, gongqing::backend::BackendError> {
        std::thread::sleep(self.delay);
        Ok(items
            .iter()
            .map(|item| gongqing::backend::Prediction {
                polarity: Self::expected(&item.text),
                emotion: None,
                embedding: Vec::new(),
                pair_logit: None,
                tokens: item.ids.len() as u32,
                truncated: false,
            })
            .collect())
    }
}

impl TestServer {
    /// A server on an engine built around `backend`.
    pub async fn start_on(backend: std::sync::Arc<dyn gongqing::backend::Backend>, config: EngineConfig) -> TestServer {
        let engine = gongqing::engine::shared(Engine::with_backend(backend, &config).expect("engine starts"));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let served = engine.clone();
        let handle = tokio::spawn(async move {
            serve(served, listener, ServeOptions::default(), async {
                let _ = rx.await;
            })
            .await
            .expect("server runs");
        });
        TestServer { addr, engine, shutdown: Some(tx), handle: Some(handle) }
    }
}

/// The text of `/metrics` on a metrics listener, fetched with a bare HTTP/1.1 GET.
pub async fn scrape(addr: std::net::SocketAddr) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(b"GET /metrics HTTP/1.1\r\nHost: test\r\n\r\n").await.unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).await.unwrap();
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    out
}

/// The value of one series (`name{labels}` exactly as exported), 0 when absent.
pub fn sample(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.trim().parse().ok())
        .unwrap_or(0.0)
}
