//! A BERT encoder on candle tensors that runs on packed, unpadded tokens: every text of a batch is laid end to
//! end, so the dense layers (nearly all the work) run as one large matrix product and no padding is computed.
//! Attention, the only step that needs sequence boundaries, runs per text. On CPU the dense layers can run in
//! int8 (`int8.rs`) and attention, layer norm and GELU run in this crate's kernels (`kernels.rs`).

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use serde::Deserialize;

use super::int8::{QuantizedLinear, MAX_IN_FEATURES};
use super::kernels::{self, Fused, NormWeights};
use super::load::LoadError;
use super::{Precision, Prepared};

/// The Hugging Face `BertConfig` fields the encoder needs.
#[derive(Debug, Clone, Deserialize)]
pub struct EncoderConfig {
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    #[serde(default = "default_act")]
    pub hidden_act: String,
    pub max_position_embeddings: usize,
    #[serde(default = "default_type_vocab")]
    pub type_vocab_size: usize,
    #[serde(default = "default_eps")]
    pub layer_norm_eps: f64,
    #[serde(default)]
    pub pad_token_id: usize,
    pub position_embedding_type: Option<String>,
}

fn default_act() -> String {
    "gelu".into()
}
fn default_type_vocab() -> usize {
    2
}
fn default_eps() -> f64 {
    1e-12
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Activation {
    /// Exact erf GELU, what BERT checkpoints call "gelu".
    Gelu,
    /// tanh-approximated GELU.
    GeluTanh,
    Relu,
}

impl EncoderConfig {
    fn activation(&self) -> Result<Activation, LoadError> {
        match self.hidden_act.as_str() {
            "gelu" => Ok(Activation::Gelu),
            "gelu_new" | "gelu_pytorch_tanh" | "gelu_fast" => Ok(Activation::GeluTanh),
            "relu" => Ok(Activation::Relu),
            other => Err(LoadError::Unsupported(format!("hidden_act {other:?}"))),
        }
    }

    fn check(&self) -> Result<(), LoadError> {
        if let Some(kind) = &self.position_embedding_type {
            if kind != "absolute" {
                return Err(LoadError::Unsupported(format!("position_embedding_type {kind:?}")));
            }
        }
        if self.num_attention_heads == 0 || !self.hidden_size.is_multiple_of(self.num_attention_heads) {
            return Err(LoadError::Corrupt(format!(
                "hidden_size {} is not a multiple of num_attention_heads {}",
                self.hidden_size, self.num_attention_heads
            )));
        }
        Ok(())
    }
}

/// A linear layer `x · Wᵀ + b`, in the precision chosen at load.
enum Dense {
    /// W stored transposed and contiguous, so candle's product reads it row by row.
    Float { weight_t: Tensor, bias: Tensor },
    /// W quantized per output channel; CPU only.
    Int8(QuantizedLinear),
}

impl Dense {
    /// Several HF linears (e.g. query, key, value) as one product over their concatenated outputs.
    fn load(vbs: &[VarBuilder], inputs: usize, outputs: usize, precision: Precision) -> candle_core::Result<Dense> {
        let mut weights = Vec::with_capacity(vbs.len());
        let mut biases = Vec::with_capacity(vbs.len());
        for vb in vbs {
            weights.push(vb.get((outputs, inputs), "weight")?);
            biases.push(vb.get(outputs, "bias")?);
        }
        let weight = Tensor::cat(&weights, 0)?;
        let bias = Tensor::cat(&biases, 0)?;
        let rows = weight.dim(0)?;
        // The int8 kernel is CPU code and its i32 accumulators bound the input width; other layers stay f32.
        let quantizable = weight.device().is_cpu() && rows > 0 && (1..=MAX_IN_FEATURES).contains(&inputs);
        Ok(match precision {
            Precision::Int8 if quantizable => {
                let flat = weight.flatten_all()?.to_vec1::<f32>()?;
                Dense::Int8(QuantizedLinear::new(&flat, &bias.to_vec1::<f32>()?, rows, inputs))
            }
            _ => Dense::Float { weight_t: weight.t()?.contiguous()?, bias },
        })
    }

    /// The product with bias, then what `fused` asks for.
    fn forward(&self, x: &Tensor, fused: Fused<'_>) -> candle_core::Result<Tensor> {
        match self {
            Dense::Int8(linear) => kernels::int8_linear(linear, x, fused),
            Dense::Float { weight_t, bias } => {
                let y = x.matmul(weight_t)?.broadcast_add(bias)?;
                match fused {
                    Fused::None => Ok(y),
                    Fused::Gelu => kernels::gelu(&y),
                    Fused::ResidualNorm(residual, norm) => kernels::layer_norm(&(y + residual)?, norm),
                }
            }
        }
    }
}

fn load_norm(vb: VarBuilder, size: usize, eps: f64) -> candle_core::Result<NormWeights> {
    // Old TF-converted checkpoints name them gamma/beta.
    let (weight, bias) = match (vb.get(size, "weight"), vb.get(size, "bias")) {
        (Ok(w), Ok(b)) => (w, b),
        _ => (vb.get(size, "gamma")?, vb.get(size, "beta")?),
    };
    NormWeights::new(weight, bias, eps as f32)
}

struct Layer {
    qkv: Dense,
    attention_out: Dense,
    attention_norm: NormWeights,
    intermediate: Dense,
    output: Dense,
    output_norm: NormWeights,
}

pub struct Encoder {
    word: Tensor,
    position: Tensor,
    token_type: Tensor,
    embedding_norm: NormWeights,
    layers: Vec<Layer>,
    heads: usize,
    activation: Activation,
    device: Device,
}

/// Last hidden states of a batch, packed: `hidden` is `[total tokens, hidden]`, text `i` owns rows
/// `spans[i].0 .. spans[i].0 + spans[i].1`.
pub struct Packed {
    pub hidden: Tensor,
    pub spans: Vec<(usize, usize)>,
}

impl Encoder {
    /// Loads `[bert.]embeddings.*` and `[bert.]encoder.layer.N.*` in the Hugging Face BERT layout.
    pub fn load(vb: VarBuilder, config: &EncoderConfig, precision: Precision) -> Result<Encoder, LoadError> {
        config.check()?;
        let activation = config.activation()?;
        let vb = if vb.contains_tensor("bert.embeddings.word_embeddings.weight") { vb.pp("bert") } else { vb };
        let corrupt = |e: candle_core::Error| LoadError::Corrupt(format!("encoder weights: {e}"));
        let h = config.hidden_size;
        let emb = vb.pp("embeddings");
        let word = emb.get((config.vocab_size, h), "word_embeddings.weight").map_err(corrupt)?;
        let position = emb.get((config.max_position_embeddings, h), "position_embeddings.weight").map_err(corrupt)?;
        let token_type = emb
            .get((config.type_vocab_size, h), "token_type_embeddings.weight")
            .and_then(|t| t.get(0))
            .map_err(corrupt)?;
        let embedding_norm = load_norm(emb.pp("LayerNorm"), h, config.layer_norm_eps).map_err(corrupt)?;
        let layers = (0..config.num_hidden_layers)
            .map(|i| {
                let l = vb.pp(format!("encoder.layer.{i}"));
                let attention = l.pp("attention");
                let own = attention.pp("self");
                let qkv = [own.pp("query"), own.pp("key"), own.pp("value")];
                let dense = |vb: VarBuilder, inputs, outputs| Dense::load(&[vb], inputs, outputs, precision);
                Ok(Layer {
                    qkv: Dense::load(&qkv, h, h, precision)?,
                    attention_out: dense(attention.pp("output").pp("dense"), h, h)?,
                    attention_norm: load_norm(attention.pp("output").pp("LayerNorm"), h, config.layer_norm_eps)?,
                    intermediate: dense(l.pp("intermediate").pp("dense"), h, config.intermediate_size)?,
                    output: dense(l.pp("output").pp("dense"), config.intermediate_size, h)?,
                    output_norm: load_norm(l.pp("output").pp("LayerNorm"), h, config.layer_norm_eps)?,
                })
            })
            .collect::<candle_core::Result<Vec<_>>>()
            .map_err(corrupt)?;
        Ok(Encoder {
            word,
            position,
            token_type,
            embedding_norm,
            layers,
            heads: config.num_attention_heads,
            activation,
            device: vb.device().clone(),
        })
    }

    /// The precision the dense layers actually run in: int8 only when every one of them was quantized (on CPU,
    /// with `Precision::Int8` asked for).
    pub fn precision(&self) -> Precision {
        let layers = self.layers.iter().flat_map(|l| [&l.qkv, &l.attention_out, &l.intermediate, &l.output]);
        let mut dense = layers.peekable();
        if dense.peek().is_some() && dense.all(|d| matches!(d, Dense::Int8(_))) {
            Precision::Int8
        } else {
            Precision::F32
        }
    }

    /// Runs the texts' token ids (each already truncated to the position limit) through the encoder.
    pub fn forward(&self, items: &[&Prepared]) -> candle_core::Result<Packed> {
        let total: usize = items.iter().map(|i| i.ids.len()).sum();
        let mut ids = Vec::with_capacity(total);
        let mut positions = Vec::with_capacity(total);
        let mut spans = Vec::with_capacity(items.len());
        for item in items {
            spans.push((ids.len(), item.ids.len()));
            ids.extend_from_slice(&item.ids);
            positions.extend(0..item.ids.len() as u32);
        }
        let ids = Tensor::from_vec(ids, total, &self.device)?;
        let positions = Tensor::from_vec(positions, total, &self.device)?;
        let embedded = self
            .word
            .index_select(&ids, 0)?
            .add(&self.position.index_select(&positions, 0)?)?
            .broadcast_add(&self.token_type)?;
        let mut x = kernels::layer_norm(&embedded, &self.embedding_norm)?;
        for layer in &self.layers {
            x = self.layer(layer, &x, &spans)?;
        }
        Ok(Packed { hidden: x, spans })
    }

    fn layer(&self, layer: &Layer, x: &Tensor, spans: &[(usize, usize)]) -> candle_core::Result<Tensor> {
        let qkv = layer.qkv.forward(x, Fused::None)?;
        let context = kernels::attention(&qkv, spans, self.heads)?;
        let x = layer.attention_out.forward(&context, Fused::ResidualNorm(x, &layer.attention_norm))?;
        let inner = match self.activation {
            Activation::Gelu => layer.intermediate.forward(&x, Fused::Gelu)?,
            Activation::GeluTanh => layer.intermediate.forward(&x, Fused::None)?.gelu()?,
            Activation::Relu => layer.intermediate.forward(&x, Fused::None)?.relu()?,
        };
        layer.output.forward(&inner, Fused::ResidualNorm(&x, &layer.output_norm))
    }
}

impl Packed {
    /// Mean of each text's hidden states, `[texts, hidden]`.
    pub fn mean(&self) -> candle_core::Result<Tensor> {
        let rows = self
            .spans
            .iter()
            .map(|&(start, len)| self.hidden.narrow(0, start, len)?.mean_keepdim(0))
            .collect::<candle_core::Result<Vec<_>>>()?;
        Tensor::cat(&rows, 0)
    }

    /// Each text's first token, `[texts, hidden]`.
    pub fn first(&self) -> candle_core::Result<Tensor> {
        let rows = self
            .spans
            .iter()
            .map(|&(start, _)| self.hidden.narrow(0, start, 1))
            .collect::<candle_core::Result<Vec<_>>>()?;
        Tensor::cat(&rows, 0)
    }
}

/// The dtype weights are computed in: f16 checkpoints are widened on load (candle's f16 CPU path is slow and
/// was seen to produce NaN).
pub const COMPUTE_DTYPE: DType = DType::F32;
