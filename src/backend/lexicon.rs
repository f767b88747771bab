//! The lexicon backend: the word-list scorer of `crate::lexicon` behind the `Backend` trait.
//! It is always available, so the service can answer even when no model can be loaded.

use std::sync::Arc;

use super::{Backend, BackendDescription, BackendError, BackendKind, Prediction, Prepared};
use crate::lexicon::Lexicon;

pub struct LexiconBackend {
    lexicon: Arc<Lexicon>,
    source: String,
}

impl LexiconBackend {
    pub fn new(lexicon: Arc<Lexicon>, source: impl Into<String>) -> Self {
        Self { lexicon, source: source.into() }
    }
}

impl Backend for LexiconBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Lexicon
    }

    fn describe(&self) -> BackendDescription {
        BackendDescription {
            model: String::new(),
            labels: crate::labels::Polarity::ALL.iter().map(|p| p.name().to_string()).collect(),
            max_input_tokens: 0,
            summary: format!("lexicon {} ({} terms)", self.source, self.lexicon.term_count()),
            precision: String::new(),
        }
    }

    fn prepare(&self, texts: &[&str]) -> Result<Vec<Prepared>, BackendError> {
        Ok(texts.iter().map(|text| Prepared { text: text.to_string(), ids: Vec::new(), truncated: false }).collect())
    }

    fn predict(&self, items: &[&Prepared]) -> Result<Vec<Prediction>, BackendError> {
        Ok(items
            .iter()
            .map(|item| {
                let score = self.lexicon.score(&item.text);
                Prediction {
                    polarity: score.polarity,
                    emotion: Some(score.emotion),
                    embedding: Vec::new(),
                    pair_logit: None,
                    tokens: 0,
                    truncated: false,
                }
            })
            .collect())
    }
}
