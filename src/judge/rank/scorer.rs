//! The scorer: a logistic model over the named features whose output is the calibrated probability that a
//! trainer accepts the reply (grade ≥ 2). Weights come from `models/ranking/weights.json`, matched by name.

use super::features::{Features, FeatureRow, N_FEATURES};
use super::text::sigmoid;

/// Why `weights.json` cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum WeightsError {
    #[error("weights.json is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("weights.json: {0}")]
    Shape(String),
    #[error("weights.json names an unknown feature `{0}`")]
    UnknownFeature(String),
    #[error("weights.json: the weight of `{0}` is not a finite number")]
    NotFinite(String),
}

/// Fitted weights by feature name, as stored in `models/ranking/weights.json`.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub version: String,
    pub values: [f32; N_FEATURES],
    pub bias: f32,
}

#[derive(serde::Deserialize)]
struct WeightsFile {
    version: String,
    features: Vec<String>,
    weights: Vec<f64>,
    bias: f64,
}

impl Weights {
    /// Reads `{"version", "features": [...], "weights": [...], "bias"}` (other keys document the fit). Features
    /// the file does not name weigh 0; a name the ranker does not know is an error, so that a renamed feature
    /// cannot silently lose its weight.
    pub fn from_json(text: &str) -> Result<Weights, WeightsError> {
        let file: WeightsFile = serde_json::from_str(text)?;
        if file.features.len() != file.weights.len() {
            return Err(WeightsError::Shape(format!(
                "{} feature names but {} weights",
                file.features.len(),
                file.weights.len()
            )));
        }
        let mut values = [0.0f32; N_FEATURES];
        for (name, w) in file.features.iter().zip(&file.weights) {
            let i = Features::NAMES.iter().position(|f| f == name).ok_or_else(|| WeightsError::UnknownFeature(name.clone()))?;
            if !w.is_finite() {
                return Err(WeightsError::NotFinite(name.clone()));
            }
            values[i] = *w as f32;
        }
        if !file.bias.is_finite() {
            return Err(WeightsError::NotFinite("bias".into()));
        }
        Ok(Weights { version: file.version, values, bias: file.bias as f32 })
    }

    /// The linear score before the sigmoid.
    pub fn linear(&self, features: &Features) -> f32 {
        let s = features.values().iter().zip(self.values.iter()).map(|(x, w)| x * w).sum::<f32>() + self.bias;
        if s.is_finite() {
            s
        } else {
            0.0
        }
    }

    /// Probability that a trainer accepts the reply, with `correction` (the model's pair head, 0 without one)
    /// added to the rules' log-odds.
    pub fn probability(&self, row: &FeatureRow, correction: f32) -> f32 {
        sigmoid(self.linear(&row.features) + correction)
    }

    /// Σ |weight| · fault feature: what the faults and conflicts cost the reply.
    pub fn penalty(&self, features: &Features) -> f32 {
        features
            .values()
            .iter()
            .zip(self.values.iter())
            .zip(Features::SIGNS.iter())
            .filter(|(_, s)| **s < 0.0)
            .map(|((x, w), _)| (-w).max(0.0) * x)
            .sum::<f32>()
            .max(0.0)
    }
}
