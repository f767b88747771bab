//! Backends turn texts into polarity (and, where the model has a head for it, emotion) probabilities.
//! Two implementations sit behind one trait: the candle BERT classifier and the lexicon scorer.

pub(crate) mod attention;
pub(crate) mod bert;
mod buffer;
pub(crate) mod encoder;
pub(crate) mod int8;
pub(crate) mod kernels;
pub(crate) mod lexicon;
pub(crate) mod load;
pub(crate) mod pair_head;
#[cfg(test)]
mod test_data;
#[cfg(test)]
mod encoder_parity;

use crate::labels::Emotion;

/// How the encoder's dense layers are stored and multiplied on CPU.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Weights quantized per output channel to int8 at load, activations per token at run time; products with
    /// AVX-512 VNNI where the CPU has it.
    #[default]
    Int8,
    /// Weights and products in f32, as the checkpoint's values widen to.
    F32,
}

impl Precision {
    pub fn name(self) -> &'static str {
        match self {
            Precision::Int8 => "int8",
            Precision::F32 => "f32",
        }
    }
}

/// Where the model runs: `cpu`, or `cuda` / `cuda:N` in a build with the `cuda` feature.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DeviceChoice {
    #[default]
    Cpu,
    Cuda(usize),
}

impl std::str::FromStr for DeviceChoice {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "cpu" => Ok(DeviceChoice::Cpu),
            "cuda" => Ok(DeviceChoice::Cuda(0)),
            other => other
                .strip_prefix("cuda:")
                .and_then(|ordinal| ordinal.parse().ok())
                .map(DeviceChoice::Cuda)
                .ok_or_else(|| format!("unknown device {text:?}: use cpu, cuda or cuda:N")),
        }
    }
}

impl std::fmt::Display for DeviceChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeviceChoice::Cpu => f.write_str("cpu"),
            DeviceChoice::Cuda(ordinal) => write!(f, "cuda:{ordinal}"),
        }
    }
}

impl DeviceChoice {
    /// Opens the device; CUDA fails with a clear reason in builds without the `cuda` feature or without a GPU.
    pub fn open(self) -> Result<candle_core::Device, load::LoadError> {
        match self {
            DeviceChoice::Cpu => Ok(candle_core::Device::Cpu),
            DeviceChoice::Cuda(ordinal) => candle_core::Device::new_cuda(ordinal).map_err(|e| {
                load::LoadError::Unsupported(format!(
                    "device cuda:{ordinal} cannot be opened ({e}); CUDA needs a build with `--features cuda`"
                ))
            }),
        }
    }
}

/// Which kind of backend answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BackendKind {
    Model,
    Lexicon,
}

/// A text made ready for a backend before it reaches the inference thread: token ids for the model,
/// the text itself for the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub text: String,
    pub ids: Vec<u32>,
    /// The text was longer than the model's max input and only its start will be read.
    pub truncated: bool,
}

impl Prepared {
    /// Padded-batch cost of this item, in tokens (at least 1, so lexicon items count too).
    pub fn cost(&self) -> usize {
        self.ids.len().max(1)
    }
}

/// What a backend read from one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// Probabilities for `[negative, neutral, positive]`, summing to 1.
    pub polarity: [f32; 3],
    /// Emotion probabilities in `Emotion::ALL` order, when the backend has an emotion head.
    pub emotion: Option<[f32; 7]>,
    /// Unit-length mean-pooled sentence embedding, when the backend has an encoder; empty otherwise.
    pub embedding: Vec<f32>,
    /// The model's pair head on this text (log-odds that a trainer accepts the reply, as a correction of the
    /// ranker's rules), when the model has one; meaningful only for texts built by the ranker's `pair_text`.
    pub pair_logit: Option<f32>,
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
    /// Precision of the encoder's dense layers ("int8", "f32"); empty on the lexicon.
    pub precision: String,
}

#[derive(Debug, Clone, thiserror::Error)]
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

/// One way to score texts. `prepare` runs on request threads (tokenization); `predict` runs on the
/// inference worker, over items merged from many requests.
pub trait Backend: Send + Sync {
    fn kind(&self) -> BackendKind;
    fn describe(&self) -> BackendDescription;
    fn prepare(&self, texts: &[&str]) -> Result<Vec<Prepared>, BackendError>;
    /// Scores a batch; the result has one prediction per item, in order.
    fn predict(&self, items: &[&Prepared]) -> Result<Vec<Prediction>, BackendError>;
    /// How much the lexicon's polarity is blended into this backend's (an exponent in a product of experts);
    /// 0 leaves the backend's own probabilities untouched.
    fn lexicon_weight(&self) -> f32 {
        0.0
    }
    /// Whether `predict` fills `pair_logit`: the ranker then sends one (reply, conversation) text per candidate.
    fn has_pair_head(&self) -> bool {
        false
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

#[cfg(test)]
mod tests {
    use super::DeviceChoice;

    #[test]
    fn device_names_parse_and_print_back() {
        for (text, device) in [("cpu", DeviceChoice::Cpu), ("CUDA", DeviceChoice::Cuda(0)), ("cuda:2", DeviceChoice::Cuda(2))] {
            assert_eq!(text.parse::<DeviceChoice>(), Ok(device));
            assert_eq!(device.to_string().parse::<DeviceChoice>(), Ok(device));
        }
        for bad in ["gpu", "cuda:", "cuda:x", ""] {
            assert!(bad.parse::<DeviceChoice>().unwrap_err().contains("cpu, cuda or cuda:N"));
        }
    }

    #[cfg(not(feature = "cuda"))]
    #[test]
    fn cuda_without_the_feature_is_a_clear_load_error() {
        let err = DeviceChoice::Cuda(0).open().unwrap_err().to_string();
        assert!(err.contains("--features cuda"), "{err}");
    }
}
