//! A BERT-family sequence classifier on candle: the Hugging Face `BertForSequenceClassification` layout
//! (CLS + pooler, or mean pooling) with an optional emotion head, loaded from f32 or f16 safetensors.
//! The encoder itself (`encoder.rs`) runs on packed, unpadded tokens.

use std::collections::BTreeMap;

use candle_core::{Module, Tensor, D};
use candle_nn::{Linear, VarBuilder};
use serde::Deserialize;
use tokenizers::{Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy};

use super::encoder::{Encoder, EncoderConfig, COMPUTE_DTYPE};
use super::load::{LoadError, ModelFiles};
use super::pair_head::PairHead;
use super::{emotion_array, Backend, BackendDescription, BackendError, BackendKind, DeviceChoice, Precision, Prediction, Prepared};
use crate::labels::{softmax, Emotion, Polarity};

/// Tokens per forward pass within one call; longer lists are split. Small enough that a pass's
/// activations stay near the cores (2,048 tokens × the 1,536-wide layer are 12 MiB of f32, 8,192 were
/// 48): on the length sweep 2,048 against 8,192 gave 21.0 against 18.1 texts/s on ~480-token texts and
/// 49.5 against 45.3 on ~250-token ones (three alternating runs each); shorter texts' batches are
/// under either bound.
const MAX_PASS_TOKENS: usize = 2048;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Pooling {
    /// First token, through the pooler (dense + tanh) when the checkpoint has one: the HF default.
    #[default]
    Cls,
    /// Mean of the last hidden states over real (unpadded) tokens.
    Mean,
}

/// gongqing's own keys in `config.json` under `"gongqing"`; all optional, so stock HF checkpoints load.
#[derive(Debug, Clone, Deserialize, Default)]
struct Extras {
    #[serde(default)]
    pooling: Pooling,
    #[serde(default)]
    text_prefix: String,
    max_length: Option<usize>,
    emotion_id2label: Option<BTreeMap<String, String>>,
    /// Exponent of the lexicon's polarity in the product with the model's, tuned with the model.
    #[serde(default)]
    lexicon_weight: f32,
}

#[derive(Debug, Deserialize)]
struct HeadConfig {
    id2label: Option<BTreeMap<String, String>>,
    model_type: Option<String>,
    #[serde(default)]
    gongqing: Extras,
}

pub struct BertClassifier {
    encoder: Encoder,
    pooler: Option<Linear>,
    classifier: Linear,
    /// Polarity of each classifier output, in the model's label order.
    label_polarity: Vec<Polarity>,
    labels: Vec<String>,
    /// Emotion of each emotion-head output, when the checkpoint has that head.
    emotion_head: Option<(Linear, Vec<Emotion>)>,
    /// The reply-ranking head on the unit-length embedding, when the folder has `pair_head.json`.
    pair_head: Option<PairHead>,
    tokenizer: Tokenizer,
    pooling: Pooling,
    text_prefix: String,
    max_tokens: usize,
    pad_id: u32,
    lexicon_weight: f32,
    summary: String,
    precision: Precision,
    source: String,
}

fn parse_labels(map: &BTreeMap<String, String>) -> Result<Vec<(usize, String)>, LoadError> {
    let mut labels = map
        .iter()
        .map(|(k, v)| {
            k.parse::<usize>()
                .map(|i| (i, v.clone()))
                .map_err(|_| LoadError::Corrupt(format!("label id {k:?} is not a number")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    labels.sort();
    if labels.iter().enumerate().any(|(i, (id, _))| i != *id) {
        return Err(LoadError::Corrupt("label ids are not 0..n".into()));
    }
    Ok(labels)
}

fn read_linear(vb: &VarBuilder, name: &str, inputs: usize) -> Result<Option<Linear>, LoadError> {
    let weight_name = format!("{name}.weight");
    if !vb.contains_tensor(&weight_name) {
        return Ok(None);
    }
    let corrupt = |e: candle_core::Error| LoadError::Corrupt(format!("{name}: {e}"));
    let weight = vb.get_unchecked(&weight_name).map_err(corrupt)?;
    let (outputs, width) = weight.dims2().map_err(corrupt)?;
    if width != inputs {
        return Err(LoadError::Unsupported(format!("{name}.weight has {width} inputs, the encoder gives {inputs}")));
    }
    let bias = vb.get(outputs, &format!("{name}.bias")).map_err(corrupt)?;
    Ok(Some(Linear::new(weight, Some(bias))))
}

impl BertClassifier {
    pub fn load(files: &ModelFiles, precision: Precision, placement: DeviceChoice) -> Result<Self, LoadError> {
        let device = placement.open()?;
        let config_text = std::fs::read_to_string(&files.config)
            .map_err(|e| LoadError::Missing(format!("{}: {e}", files.config.display())))?;
        let head: HeadConfig = serde_json::from_str(&config_text)
            .map_err(|e| LoadError::Corrupt(format!("{}: {e}", files.config.display())))?;
        if let Some(model_type) = &head.model_type {
            if model_type != "bert" {
                return Err(LoadError::Unsupported(format!(
                    "model_type {model_type:?}: only BERT-family checkpoints with model_type \"bert\" are supported"
                )));
            }
        }
        let config: EncoderConfig = serde_json::from_str(&config_text).map_err(|e| {
            LoadError::Unsupported(format!("{} is not a usable BERT config: {e}", files.config.display()))
        })?;

        let labels =
            parse_labels(head.id2label.as_ref().ok_or_else(|| {
                LoadError::Unsupported("config.json has no id2label: not a sequence classifier".into())
            })?)?;
        let label_polarity = labels
            .iter()
            .map(|(_, name)| {
                Polarity::from_label(name).ok_or_else(|| {
                    LoadError::Unsupported(format!(
                        "label {name:?} does not name a polarity (negative / neutral / positive)"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;

        let mut tokenizer = Tokenizer::from_file(&files.tokenizer)
            .map_err(|e| LoadError::Corrupt(format!("{}: {e}", files.tokenizer.display())))?;
        let max_tokens =
            head.gongqing.max_length.unwrap_or(config.max_position_embeddings).min(config.max_position_embeddings);
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: max_tokens,
                strategy: TruncationStrategy::LongestFirst,
                direction: TruncationDirection::Right,
                stride: 0,
            }))
            .map_err(|e| LoadError::Unsupported(format!("tokenizer truncation: {e}")))?;
        let pad_id =
            u32::try_from(config.pad_token_id).map_err(|_| LoadError::Corrupt("pad_token_id out of range".into()))?;
        if tokenizer.get_vocab_size(true) > config.vocab_size {
            return Err(LoadError::Unsupported(format!(
                "tokenizer has {} tokens but the model only {} embeddings",
                tokenizer.get_vocab_size(true),
                config.vocab_size
            )));
        }

        // Read the file into memory rather than mmap it: a file replaced while serving must not crash the server.
        let bytes = std::fs::read(&files.weights)
            .map_err(|e| LoadError::Missing(format!("{}: {e}", files.weights.display())))?;
        let vb = VarBuilder::from_buffered_safetensors(bytes, COMPUTE_DTYPE, &device)
            .map_err(|e| LoadError::Corrupt(format!("{}: {e}", files.weights.display())))?;
        let encoder = Encoder::load(vb.clone(), &config, precision)?;
        // What was asked for may not apply (int8 is CPU code): Info reports what runs.
        let precision = encoder.precision();
        let hidden = config.hidden_size;
        let pooler = match head.gongqing.pooling {
            Pooling::Cls => read_linear(&vb, "bert.pooler.dense", hidden)?,
            Pooling::Mean => None,
        };
        let classifier = read_linear(&vb, "classifier", hidden)?
            .ok_or_else(|| LoadError::Unsupported("no classifier.weight: not a sequence classifier".into()))?;
        let classifier_outputs = classifier.weight().dim(0).map_err(|e| LoadError::Corrupt(e.to_string()))?;
        if classifier_outputs != labels.len() {
            return Err(LoadError::Corrupt(format!(
                "classifier has {classifier_outputs} outputs but id2label names {}",
                labels.len()
            )));
        }
        let emotion_head = match (&head.gongqing.emotion_id2label, read_linear(&vb, "emotion_classifier", hidden)?) {
            (Some(names), Some(linear)) => {
                let emotions = parse_labels(names)?
                    .into_iter()
                    .map(|(_, name)| {
                        Emotion::from_name(&name)
                            .ok_or_else(|| LoadError::Unsupported(format!("unknown emotion label {name:?}")))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let outputs = linear.weight().dim(0).map_err(|e| LoadError::Corrupt(e.to_string()))?;
                if outputs != emotions.len() {
                    return Err(LoadError::Corrupt("emotion head size differs from emotion_id2label".into()));
                }
                Some((linear, emotions))
            }
            _ => None,
        };

        let pair_head = files.pair_head.as_deref().map(|path| PairHead::load(path, hidden)).transpose()?;
        let summary = format!(
            "bert {}x{} vocab={} pooling={:?} labels={} emotion_head={} pair_head={} lexicon_weight={} precision={} device={}",
            config.num_hidden_layers,
            hidden,
            config.vocab_size,
            head.gongqing.pooling,
            labels.len(),
            emotion_head.is_some(),
            pair_head.is_some(),
            head.gongqing.lexicon_weight,
            precision.name(),
            placement
        )
        .to_lowercase();
        Ok(Self {
            encoder,
            pooler,
            classifier,
            label_polarity,
            labels: labels.into_iter().map(|(_, name)| name).collect(),
            emotion_head,
            pair_head,
            tokenizer,
            pooling: head.gongqing.pooling,
            text_prefix: head.gongqing.text_prefix,
            max_tokens,
            pad_id,
            lexicon_weight: head.gongqing.lexicon_weight.clamp(0.0, 4.0),
            summary,
            precision,
            source: files.source.clone(),
        })
    }

    /// Pooled sentence vectors `[batch, hidden]` for the classifier, and unit-length mean-pooled embeddings.
    fn forward(&self, items: &[&Prepared]) -> Result<(Tensor, Tensor), BackendError> {
        let packed = self.encoder.forward(items)?;
        let mean = packed.mean()?;
        let norms = mean.sqr()?.sum_keepdim(D::Minus1)?.sqrt()?.clamp(1e-12, f32::MAX)?;
        let embedding = mean.broadcast_div(&norms)?;
        let pooled = match self.pooling {
            Pooling::Mean => mean,
            Pooling::Cls => {
                let first = packed.first()?;
                match &self.pooler {
                    Some(pooler) => pooler.forward(&first)?.tanh()?,
                    None => first,
                }
            }
        };
        Ok((pooled, embedding))
    }

    /// Splits items (by index, in order) into forward passes under the token budget.
    fn passes(items: &[&Prepared]) -> Vec<Vec<usize>> {
        let mut passes: Vec<Vec<usize>> = Vec::new();
        let mut current: Vec<usize> = Vec::new();
        let mut tokens = 0;
        for (i, item) in items.iter().enumerate() {
            if !current.is_empty() && tokens + item.ids.len() > MAX_PASS_TOKENS {
                passes.push(std::mem::take(&mut current));
                tokens = 0;
            }
            current.push(i);
            tokens += item.ids.len();
        }
        if !current.is_empty() {
            passes.push(current);
        }
        passes
    }

    fn probabilities(linear: &Linear, pooled: &Tensor) -> Result<Vec<Vec<f32>>, BackendError> {
        let logits = linear.forward(pooled)?.to_vec2::<f32>()?;
        Ok(logits.iter().map(|row| softmax(row)).collect())
    }
}

impl Backend for BertClassifier {
    fn kind(&self) -> BackendKind {
        BackendKind::Model
    }

    fn describe(&self) -> BackendDescription {
        BackendDescription {
            model: self.source.clone(),
            labels: self.labels.clone(),
            max_input_tokens: self.max_tokens as u32,
            summary: self.summary.clone(),
            precision: self.precision.name().into(),
        }
    }

    fn lexicon_weight(&self) -> f32 {
        self.lexicon_weight
    }

    fn has_pair_head(&self) -> bool {
        self.pair_head.is_some()
    }

    fn prepare(&self, texts: &[&str]) -> Result<Vec<Prepared>, BackendError> {
        // One text at a time on the caller's thread: `encode_batch` would queue on the rayon pool that the
        // inference worker's matrix products keep busy, and tokenization would wait behind inference.
        let encodings = texts
            .iter()
            .map(|t| self.tokenizer.encode(format!("{}{}", self.text_prefix, t), true))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| BackendError::Tokenization(e.to_string()))?;
        Ok(texts
            .iter()
            .zip(encodings)
            .map(|(text, encoding)| {
                let mut ids = encoding.get_ids().to_vec();
                if ids.is_empty() {
                    // A tokenizer without special tokens gives nothing for an empty text; the encoder needs a token.
                    ids.push(self.pad_id);
                }
                Prepared { text: text.to_string(), truncated: !encoding.get_overflowing().is_empty(), ids }
            })
            .collect())
    }

    fn predict(&self, items: &[&Prepared]) -> Result<Vec<Prediction>, BackendError> {
        let mut out: Vec<Option<Prediction>> = vec![None; items.len()];
        for batch in Self::passes(items) {
            let members: Vec<&Prepared> = batch.iter().map(|&i| items[i]).collect();
            let (pooled, embedding) = self.forward(&members)?;
            let embeddings = embedding.to_vec2::<f32>()?;
            let polarity_rows = Self::probabilities(&self.classifier, &pooled)?;
            let emotion_rows = match &self.emotion_head {
                Some((linear, _)) => Some(Self::probabilities(linear, &pooled)?),
                None => None,
            };
            for (row, (&i, embedding)) in batch.iter().zip(embeddings).enumerate() {
                let mut polarity = [0.0f32; 3];
                for (p, label) in polarity_rows[row].iter().zip(&self.label_polarity) {
                    polarity[label.index()] += p;
                }
                let emotion = match (&emotion_rows, &self.emotion_head) {
                    (Some(rows), Some((_, names))) => {
                        let mut scores = [0.0f32; 7];
                        for (p, emotion) in rows[row].iter().zip(names) {
                            scores[emotion.index()] += p;
                        }
                        emotion_array(&scores)
                    }
                    _ => None,
                };
                let pair_logit = self.pair_head.as_ref().map(|head| head.logit(&embedding));
                out[i] = Some(Prediction {
                    polarity,
                    emotion,
                    pair_logit,
                    embedding,
                    tokens: items[i].ids.len() as u32,
                    truncated: items[i].truncated,
                });
            }
        }
        out.into_iter().map(|p| p.ok_or_else(|| BackendError::Inference("a text got no prediction".into()))).collect()
    }
}
