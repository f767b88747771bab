//! The packed, unpadded encoder gives the same hidden states as candle-transformers' padded `BertModel`: to f32
//! rounding with f32 weights, and within int8 quantization error (every token's vector points the same way)
//! with int8 weights. Both read their weights from one seeded generator, so no model file is needed.

use std::collections::HashMap;
use std::sync::Mutex;

use candle_core::{DType, Device, Shape, Tensor};
use candle_nn::var_builder::SimpleBackend;
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};

use super::encoder::{Encoder, EncoderConfig};
use super::test_data::Rng;
use super::{Precision, Prepared};

const CONFIG: &str = r#"{
    "vocab_size": 64, "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 4,
    "intermediate_size": 64, "hidden_act": "gelu", "max_position_embeddings": 64, "type_vocab_size": 2,
    "layer_norm_eps": 1e-12, "pad_token_id": 0, "hidden_dropout_prob": 0.0, "attention_probs_dropout_prob": 0.0,
    "initializer_range": 0.02, "position_embedding_type": "absolute"
}"#;

/// Hands out a seeded random tensor for any name and shape asked for, the same one every time it is asked.
#[derive(Default)]
struct SeededWeights {
    made: Mutex<HashMap<String, Tensor>>,
}

impl SeededWeights {
    fn make(name: &str, shape: &Shape) -> Vec<f32> {
        let seed = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        let mut rng = Rng::new(seed);
        let n = shape.elem_count();
        if name.ends_with("LayerNorm.weight") {
            // Layer norm gains near 1 keep the signal; near 0 they would erase it.
            rng.normals(n, 0.1).into_iter().map(|v| v + 1.0).collect()
        } else if name.ends_with("bias") {
            rng.normals(n, 0.1)
        } else if name.contains("embeddings") {
            rng.normals(n, 0.8)
        } else {
            rng.normals(n, 0.3)
        }
    }
}

impl SimpleBackend for SeededWeights {
    fn get(&self, s: Shape, name: &str, _: candle_nn::Init, dtype: DType, dev: &Device) -> candle_core::Result<Tensor> {
        let mut made = self.made.lock().unwrap();
        if let Some(t) = made.get(name) {
            return t.to_dtype(dtype)?.to_device(dev);
        }
        let t = Tensor::from_vec(Self::make(name, &s), s, &Device::Cpu)?;
        made.insert(name.to_string(), t.clone());
        t.to_dtype(dtype)?.to_device(dev)
    }

    fn get_unchecked(&self, name: &str, _: DType, _: &Device) -> candle_core::Result<Tensor> {
        candle_core::bail!("{name}: the seeded weights need a shape")
    }

    /// Nothing is stored ahead of a request, so both loaders, which probe for a `bert` prefix, read the same
    /// unprefixed names.
    fn contains_tensor(&self, _: &str) -> bool {
        false
    }
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let norm = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (norm(a) * norm(b))
}

#[test]
fn packed_encoder_matches_the_padded_reference() {
    // Three texts of different lengths, as token ids (CLS = 2, SEP = 3 by this test's convention).
    let items: Vec<Prepared> = [9usize, 2, 23]
        .iter()
        .enumerate()
        .map(|(i, &len)| {
            let body = (0..len).map(|j| 4 + ((i * 17 + j * 7) % 60) as u32);
            Prepared { text: format!("text {i}"), ids: [2].into_iter().chain(body).chain([3]).collect(), truncated: false }
        })
        .collect();
    let refs: Vec<&Prepared> = items.iter().collect();
    let weights = VarBuilder::from_backend(Box::new(SeededWeights::default()), DType::F32, Device::Cpu);

    let encoder_config: EncoderConfig = serde_json::from_str(CONFIG).unwrap();
    let float_encoder = Encoder::load(weights.clone(), &encoder_config, Precision::F32).unwrap();
    let int8_encoder = Encoder::load(weights.clone(), &encoder_config, Precision::Int8).unwrap();
    assert_eq!(float_encoder.precision(), Precision::F32);
    assert_eq!(int8_encoder.precision(), Precision::Int8);
    let float = float_encoder.forward(&refs).unwrap();
    let int8 = int8_encoder.forward(&refs).unwrap();

    let reference = BertModel::load(weights, &serde_json::from_str::<Config>(CONFIG).unwrap()).unwrap();
    let width = items.iter().map(|i| i.ids.len()).max().unwrap();
    let mut ids = Vec::new();
    let mut mask = Vec::new();
    for item in &items {
        ids.extend(item.ids.iter().copied().chain(std::iter::repeat_n(0, width - item.ids.len())));
        mask.extend((0..width).map(|i| u32::from(i < item.ids.len())));
    }
    let ids = Tensor::from_vec(ids, (items.len(), width), &Device::Cpu).unwrap();
    let mask = Tensor::from_vec(mask, (items.len(), width), &Device::Cpu).unwrap();
    let padded = reference.forward(&ids, &ids.zeros_like().unwrap(), Some(&mask)).unwrap();

    assert_eq!(float.spans, int8.spans);
    let mut worst_cosine = 1f32;
    for (i, &(start, len)) in float.spans.iter().enumerate() {
        let expected = padded.get(i).unwrap().narrow(0, 0, len).unwrap().to_vec2::<f32>().unwrap();
        let f = float.hidden.narrow(0, start, len).unwrap().to_vec2::<f32>().unwrap();
        let q = int8.hidden.narrow(0, start, len).unwrap().to_vec2::<f32>().unwrap();
        for ((row_f, row_q), row_e) in f.iter().zip(&q).zip(&expected) {
            for (x, y) in row_f.iter().zip(row_e) {
                assert!((x - y).abs() < 1e-4, "f32, text {i}: {x} vs {y}");
            }
            worst_cosine = worst_cosine.min(cosine(row_q, row_e));
        }
    }
    assert!(worst_cosine > 0.99, "int8 hidden states drift from the reference: cosine {worst_cosine}");
}
