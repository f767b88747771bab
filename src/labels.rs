//! The label sets the product speaks in: polarity and emotion, independent of any backend.
//! Model label names are mapped onto these here, so every backend reports the same vocabulary.

use serde::Serialize;

/// Three-way polarity; `index()` is the position in a `[negative, neutral, positive]` score array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Negative,
    Neutral,
    Positive,
}

impl Polarity {
    pub const ALL: [Polarity; 3] = [Polarity::Negative, Polarity::Neutral, Polarity::Positive];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        match self {
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }

    /// Maps a model's label name (`negative`, `NEG`, `消极`, `LABEL_0`-style names are not guessed) onto a polarity.
    pub fn from_label(label: &str) -> Option<Polarity> {
        let l = label.trim().to_lowercase();
        match l.as_str() {
            "negative" | "neg" | "消极" | "负面" | "差评" | "bad" => Some(Polarity::Negative),
            "neutral" | "neu" | "中性" | "中立" | "none" => Some(Polarity::Neutral),
            "positive" | "pos" | "积极" | "正面" | "好评" | "good" => Some(Polarity::Positive),
            _ => None,
        }
    }

    /// The most probable polarity of a `[negative, neutral, positive]` distribution.
    pub fn argmax(scores: &[f32; 3]) -> Polarity {
        Polarity::ALL[argmax(scores)]
    }
}

/// The seven customer emotions; `index()` is the position in an emotion score array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Emotion {
    Anger,
    Anxiety,
    Disappointment,
    Confusion,
    Gratitude,
    Satisfaction,
    Neutral,
}

impl Emotion {
    pub const ALL: [Emotion; 7] = [
        Emotion::Anger,
        Emotion::Anxiety,
        Emotion::Disappointment,
        Emotion::Confusion,
        Emotion::Gratitude,
        Emotion::Satisfaction,
        Emotion::Neutral,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        match self {
            Emotion::Anger => "anger",
            Emotion::Anxiety => "anxiety",
            Emotion::Disappointment => "disappointment",
            Emotion::Confusion => "confusion",
            Emotion::Gratitude => "gratitude",
            Emotion::Satisfaction => "satisfaction",
            Emotion::Neutral => "neutral",
        }
    }

    pub fn from_name(name: &str) -> Option<Emotion> {
        Emotion::ALL.into_iter().find(|e| e.name() == name.trim().to_lowercase())
    }

    /// The polarity an emotion implies; confusion carries none of its own.
    pub fn polarity(self) -> Option<Polarity> {
        match self {
            Emotion::Anger | Emotion::Anxiety | Emotion::Disappointment => Some(Polarity::Negative),
            Emotion::Gratitude | Emotion::Satisfaction => Some(Polarity::Positive),
            Emotion::Neutral => Some(Polarity::Neutral),
            Emotion::Confusion => None,
        }
    }

    /// Chinese name used in human-readable reasons.
    pub fn chinese(self) -> &'static str {
        match self {
            Emotion::Anger => "愤怒",
            Emotion::Anxiety => "焦虑",
            Emotion::Disappointment => "失望",
            Emotion::Confusion => "困惑",
            Emotion::Gratitude => "感激",
            Emotion::Satisfaction => "满意",
            Emotion::Neutral => "平静",
        }
    }
}

/// Index of the largest value; the first one wins ties.
pub fn argmax(values: &[f32]) -> usize {
    let mut best = 0;
    for (i, v) in values.iter().enumerate() {
        if *v > values[best] {
            best = i;
        }
    }
    best
}

/// Softmax that stays finite for any finite input.
pub fn softmax(logits: &[f32]) -> Vec<f32> {
    let max = logits.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = logits.iter().map(|l| (l - max).exp()).collect();
    let sum: f32 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}
