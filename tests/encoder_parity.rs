//! The packed, unpadded encoder gives the same hidden states as candle-transformers' padded `BertModel`: to f32
//! rounding with f32 weights, and within int8 quantization error (every token's vector points the same way)
//! with int8 weights.

mod common;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use common::TinyBert;
use gongqing::backend::encoder::{Encoder, EncoderConfig};
use gongqing::backend::{Precision, Prepared};

#[test]
fn packed_encoder_matches_the_padded_reference() {
    let dir = tempfile::tempdir().unwrap();
    TinyBert { mean_pooling: true, ..TinyBert::default() }.write(dir.path());
    let config_text = std::fs::read_to_string(dir.path().join("config.json")).unwrap();
    let tokenizer = tokenizers::Tokenizer::from_file(dir.path().join("tokenizer.json")).unwrap();
    let texts = ["我的快递怎么还没到", "谢谢", "太差了非常失望不是很满意请问订单号码"];
    let items: Vec<Prepared> = texts
        .iter()
        .map(|t| Prepared {
            text: t.to_string(),
            ids: tokenizer.encode(*t, true).unwrap().get_ids().to_vec(),
            truncated: false,
        })
        .collect();
    let refs: Vec<&Prepared> = items.iter().collect();

    let bytes = std::fs::read(dir.path().join("model.safetensors")).unwrap();
    let vb = VarBuilder::from_buffered_safetensors(bytes, DType::F32, &Device::Cpu).unwrap();
    let encoder_config = serde_json::from_str::<EncoderConfig>(&config_text).unwrap();
    let float_encoder = Encoder::load(vb.clone(), &encoder_config, Precision::F32).unwrap();
    let int8_encoder = Encoder::load(vb.clone(), &encoder_config, Precision::Int8).unwrap();
    assert_eq!(float_encoder.precision(), Precision::F32);
    assert_eq!(int8_encoder.precision(), Precision::Int8);
    let float = float_encoder.forward(&refs).unwrap();
    let int8 = int8_encoder.forward(&refs).unwrap();

    let reference = BertModel::load(vb, &serde_json::from_str::<Config>(&config_text).unwrap()).unwrap();
    let width = items.iter().map(|i| i.ids.len()).max().unwrap();
    let mut ids = Vec::new();
    let mut mask = Vec::new();
    for item in &items {
        ids.extend(item.ids.iter().copied().chain(std::iter::repeat(0).take(width - item.ids.len())));
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

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let norm = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (norm(a) * norm(b))
}
