//! Reads the customer's emotion from a backend prediction and the lexicon's cues.
//! The emotion always agrees with the polarity the backend gave (anger/anxiety/disappointment are negative).

use serde::Serialize;

use crate::backend::{BackendKind, Prediction};
use crate::labels::{Emotion, Polarity};
use crate::lexicon::{Cue, LexiconScore};

/// The full reading of one customer text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    pub polarity: Polarity,
    /// `[negative, neutral, positive]`, summing to 1.
    pub polarity_scores: [f32; 3],
    pub emotion: Emotion,
    /// In `Emotion::ALL` order, summing to 1.
    pub emotion_scores: [f32; 7],
    pub emotion_intensity: f32,
    pub backend: BackendKind,
    #[serde(serialize_with = "serialize_cues")]
    pub evidence: Vec<Cue>,
    pub truncated: bool,
    pub tokens: u32,
}

fn serialize_cues<S: serde::Serializer>(cues: &[Cue], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(cues.len()))?;
    for cue in cues {
        seq.serialize_element(&serde_json::json!({
            "term": cue.term,
            "kind": cue.kind.name(),
            "weight": cue.weight,
        }))?;
    }
    seq.end()
}

/// How much each emotion is expected when the polarity is known but the text names no emotion.
fn prior(emotion: Emotion) -> f32 {
    match emotion {
        Emotion::Anger => 0.30,
        Emotion::Anxiety => 0.25,
        Emotion::Disappointment => 0.35,
        Emotion::Confusion => 0.10,
        Emotion::Gratitude => 0.45,
        Emotion::Satisfaction => 0.55,
        Emotion::Neutral => 0.80,
    }
}

/// Emotions a text of this polarity can carry; confusion fits a neutral question and a frustrated complaint.
fn compatible(emotion: Emotion, polarity: Polarity) -> bool {
    match emotion.polarity() {
        Some(p) => p == polarity,
        None => polarity != Polarity::Positive,
    }
}

/// Share of the backend's emotion distribution kept when the lexicon also has a view (model emotion head only).
const MODEL_EMOTION_WEIGHT: f32 = 0.7;

/// The model's polarity times the lexicon's raised to `weight`, renormalised (a product of experts).
fn blend(model: [f32; 3], lexicon: [f32; 3], weight: f32) -> [f32; 3] {
    if weight <= 0.0 {
        return model;
    }
    let product: [f32; 3] = std::array::from_fn(|i| model[i] * lexicon[i].max(1e-6).powf(weight));
    let total: f32 = product.iter().sum();
    if total > 0.0 && total.is_finite() {
        product.map(|x| x / total)
    } else {
        model
    }
}

/// Combines a backend prediction with the lexicon's reading of the same text; `lexicon_weight` blends the
/// lexicon's polarity into a model's (see `Backend::lexicon_weight`).
pub fn read(prediction: &Prediction, lexicon: LexiconScore, backend: BackendKind, lexicon_weight: f32) -> Classification {
    let p = match backend {
        BackendKind::Model => blend(prediction.polarity, lexicon.polarity, lexicon_weight),
        BackendKind::Lexicon => prediction.polarity,
    };
    let polarity = Polarity::argmax(&p);
    let observed: [f32; 7] = match (backend, prediction.emotion) {
        (BackendKind::Model, Some(model)) => {
            std::array::from_fn(|i| MODEL_EMOTION_WEIGHT * model[i] + (1.0 - MODEL_EMOTION_WEIGHT) * lexicon.emotion[i])
        }
        (_, Some(scores)) => scores,
        (_, None) => lexicon.emotion,
    };
    // Weight each emotion by how likely its polarity is, so emotion and polarity never disagree.
    let mut scores: [f32; 7] = std::array::from_fn(|i| {
        let emotion = Emotion::ALL[i];
        let polarity_weight = match emotion.polarity() {
            Some(pol) => p[pol.index()],
            None => p[Polarity::Neutral.index()] + p[Polarity::Negative.index()],
        };
        (observed[i] + 0.05 * prior(emotion)) * polarity_weight
    });
    let total: f32 = scores.iter().sum();
    if total > 0.0 && total.is_finite() {
        scores.iter_mut().for_each(|s| *s /= total);
    } else {
        scores = [0.0; 7];
        scores[Emotion::Neutral.index()] = 1.0;
    }
    let emotion = Emotion::ALL
        .into_iter()
        .filter(|e| compatible(*e, polarity))
        .max_by(|a, b| scores[a.index()].total_cmp(&scores[b.index()]).then(b.index().cmp(&a.index())))
        .unwrap_or(Emotion::Neutral);
    let emotion_intensity = match emotion {
        Emotion::Neutral => 0.3 * lexicon.intensity,
        _ => {
            // With an emotion head, how sure the model is of this very emotion; otherwise of its polarity.
            let confidence = match (backend, prediction.emotion) {
                (BackendKind::Model, Some(_)) => scores[emotion.index()],
                _ => emotion.polarity().map_or(1.0 - p[Polarity::Positive.index()], |pol| p[pol.index()]),
            };
            0.6 * lexicon.intensity + 0.4 * confidence
        }
    }
    .clamp(0.0, 1.0);
    Classification {
        polarity,
        polarity_scores: p,
        emotion,
        emotion_scores: scores,
        emotion_intensity,
        backend,
        evidence: lexicon.cues,
        truncated: prediction.truncated,
        tokens: prediction.tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blending_keeps_a_distribution_and_leans_towards_the_lexicon_only_with_weight() {
        let model = [0.3, 0.4, 0.3];
        let lexicon = [0.8, 0.15, 0.05];
        assert_eq!(blend(model, lexicon, 0.0), model);
        let blended = blend(model, lexicon, 1.0);
        assert!((blended.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        assert_eq!(Polarity::argmax(&blended), Polarity::Negative);
        let half = blend(model, lexicon, 0.5);
        assert!(half[0] > model[0] && half[0] < blended[0], "{half:?}");
        // A confident model is not overturned by a mild lexicon view at half weight.
        let confident = blend([0.02, 0.03, 0.95], [0.5, 0.3, 0.2], 0.5);
        assert_eq!(Polarity::argmax(&confident), Polarity::Positive);
    }
}
