//! Backends turn texts into polarity (and, where the model has a head for it, emotion) probabilities.
//! Two implementations sit behind one trait: the candle BERT classifier and the lexicon scorer.

pub mod bert;
pub mod lexicon;
pub mod load;

use crate::labels::Emotion;

/// Which kind of backend answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BackendKind {
    Model,
    Lexicon,
}

/// What a backend read from one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// Probabilities for `[negative, neutral, positive]`, summing to 1.
    pub polarity: [f32; 3],
    /// Emotion probabilities in `Emotion::ALL` order, when the backend has an emotion head.
    pub emotion: Option<[f32; 7]>,
    /// Model tokens read (0 for the lexicon).
    pub tokens: u32,
    /// The text was longer than the model's max input and only its start was read.
    pub truncated: bool,
}

/// What a backend tells `Info` about itself.
#[derive(Debug, Clone, Default)]
pub struct BackendDescription {
    pub model: String,
    pub labels: Vec<String>,
    pub max_input_tokens: u32,
    pub summary: String,
}

#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error("model inference failed: {0}")]
    Inference(String),
    #[error("tokenization failed: {0}")]
    Tokenization(String),
}

impl From<candle_core::Error> for BackendError {
    fn from(e: candle_core::Error) -> Self {
        BackendError::Inference(e.to_string())
    }
}

/// One way to score texts. Implementations are called from blocking worker threads, never on the async runtime.
pub trait Backend: Send + Sync {
    fn kind(&self) -> BackendKind;
    fn describe(&self) -> BackendDescription;
    /// Scores a batch; the result has one prediction per text, in order.
    fn predict(&self, texts: &[&str]) -> Result<Vec<Prediction>, BackendError>;
    /// Mean-pooled sentence embeddings for relevance, when the backend has an encoder.
    fn embed(&self, _texts: &[&str]) -> Result<Option<Vec<Vec<f32>>>, BackendError> {
        Ok(None)
    }
}

/// Emotion probabilities in `Emotion::ALL` order as a fixed array.
pub fn emotion_array(values: &[f32]) -> Option<[f32; 7]> {
    (values.len() == Emotion::ALL.len()).then(|| {
        let mut out = [0.0; 7];
        out.copy_from_slice(values);
        out
    })
}
