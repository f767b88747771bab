//! The engine: picks a backend at start-up (model, or the lexicon as fallback), validates input against the
//! limits, and runs backend → judge for Classify and RankReplies. The gRPC layer and the CLI both call it.

use std::path::PathBuf;
use std::sync::Arc;

use crate::backend::bert::BertClassifier;
use crate::backend::lexicon::LexiconBackend;
use crate::backend::load::{self, LoadError};
use crate::backend::{Backend, BackendDescription, BackendError, BackendKind};
use crate::judge::emotion::{self, Classification};
use crate::judge::rank::{RankInput, Ranker, ReplyJudgement};
use crate::judge::Turn;
use crate::lexicon::Lexicon;

/// Which backend the operator wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum BackendChoice {
    /// The model when it loads, else the lexicon (with a warning).
    #[default]
    Auto,
    /// The model or nothing: a model that does not load is a start-up error.
    Model,
    /// The lexicon only; no model is read.
    Lexicon,
}

/// Request limits; every one is reported by `Info` and named in the error when exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_texts: usize,
    pub max_text_bytes: usize,
    pub max_candidates: usize,
    pub max_context_turns: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_texts: 128, max_text_bytes: 16 * 1024, max_candidates: 32, max_context_turns: 64 }
    }
}

#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// A model folder or a hub id (`owner/name[@revision]`) in the local hub cache.
    pub model: String,
    pub hub_cache: Option<PathBuf>,
    pub backend: BackendChoice,
    /// Word lists to use instead of the ones built into the binary.
    pub lexicon_dir: Option<PathBuf>,
    pub limits: Limits,
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            model: "models/default".into(),
            hub_cache: None,
            backend: BackendChoice::Auto,
            lexicon_dir: None,
            limits: Limits::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("--backend model was asked for but the model cannot be used: {0}")]
    ModelRequired(LoadError),
    #[error("cannot read the lexicon: {0}")]
    Lexicon(#[from] crate::lexicon::LexiconError),
    #[error("{0}")]
    InvalidInput(String),
    #[error(transparent)]
    Backend(#[from] BackendError),
}

/// What `Info` reports.
#[derive(Debug, Clone)]
pub struct EngineInfo {
    pub backend: BackendKind,
    pub description: BackendDescription,
    pub fallback_reason: Option<String>,
    pub limits: Limits,
}

/// The outcome of ranking: the customer's own reading and the candidates, best first.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Ranking {
    pub customer: Classification,
    pub ranked: Vec<ReplyJudgement>,
}

pub struct Engine {
    backend: Box<dyn Backend>,
    lexicon: Arc<Lexicon>,
    ranker: Ranker,
    limits: Limits,
    fallback_reason: Option<String>,
}

impl Engine {
    /// Loads the backend the config asks for. Only `BackendChoice::Model` can fail on the model.
    pub fn start(config: &EngineConfig) -> Result<Engine, EngineError> {
        let lexicon = Arc::new(match &config.lexicon_dir {
            Some(dir) => Lexicon::from_dir(dir)?,
            None => Lexicon::embedded(),
        });
        let lexicon_source = config
            .lexicon_dir
            .as_ref()
            .map_or_else(|| "built-in".to_string(), |d| d.display().to_string());
        let lexicon_backend = || Box::new(LexiconBackend::new(lexicon.clone(), lexicon_source.clone()));
        let (backend, fallback_reason): (Box<dyn Backend>, Option<String>) = match config.backend {
            BackendChoice::Lexicon => (lexicon_backend(), None),
            choice => match load_model(config) {
                Ok(model) => {
                    tracing::info!(model = %config.model, summary = %model.describe().summary, "model loaded");
                    (Box::new(model), None)
                }
                Err(e) if choice == BackendChoice::Model => return Err(EngineError::ModelRequired(e)),
                Err(e) => {
                    let reason = format!("{}: {e}", config.model);
                    tracing::warn!("no usable model ({reason}); serving with the lexicon backend");
                    (lexicon_backend(), Some(reason))
                }
            },
        };
        Ok(Engine { backend, lexicon, ranker: Ranker::embedded(), limits: config.limits, fallback_reason })
    }

    pub fn info(&self) -> EngineInfo {
        EngineInfo {
            backend: self.backend.kind(),
            description: self.backend.describe(),
            fallback_reason: self.fallback_reason.clone(),
            limits: self.limits,
        }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    fn check_text(&self, what: &str, text: &str) -> Result<(), EngineError> {
        if text.len() > self.limits.max_text_bytes {
            return Err(EngineError::InvalidInput(format!(
                "{what} is {} bytes; the limit is {} bytes (max_text_bytes)",
                text.len(),
                self.limits.max_text_bytes
            )));
        }
        Ok(())
    }

    /// Checks a Classify request against the limits without running it.
    pub fn validate_texts<S: AsRef<str>>(&self, texts: &[S]) -> Result<(), EngineError> {
        if texts.is_empty() {
            return Err(EngineError::InvalidInput("texts is empty; send at least one text".into()));
        }
        if texts.len() > self.limits.max_texts {
            return Err(EngineError::InvalidInput(format!(
                "{} texts sent; the limit is {} per request (max_texts): split the batch",
                texts.len(),
                self.limits.max_texts
            )));
        }
        for (i, text) in texts.iter().enumerate() {
            self.check_text(&format!("texts[{i}]"), text.as_ref())?;
        }
        Ok(())
    }

    /// Checks a RankReplies request against the limits without running it.
    pub fn validate_ranking<S: AsRef<str>>(
        &self,
        customer: &str,
        context: &[Turn],
        candidates: &[S],
    ) -> Result<(), EngineError> {
        if candidates.is_empty() {
            return Err(EngineError::InvalidInput("candidates is empty; send at least one reply to rank".into()));
        }
        if candidates.len() > self.limits.max_candidates {
            return Err(EngineError::InvalidInput(format!(
                "{} candidates sent; the limit is {} (max_candidates)",
                candidates.len(),
                self.limits.max_candidates
            )));
        }
        if context.len() > self.limits.max_context_turns {
            return Err(EngineError::InvalidInput(format!(
                "{} context turns sent; the limit is {} (max_context_turns): send the most recent ones",
                context.len(),
                self.limits.max_context_turns
            )));
        }
        self.check_text("customer_message", customer)?;
        for (i, turn) in context.iter().enumerate() {
            self.check_text(&format!("context[{i}].text"), &turn.text)?;
        }
        for (i, candidate) in candidates.iter().enumerate() {
            self.check_text(&format!("candidates[{i}]"), candidate.as_ref())?;
        }
        Ok(())
    }

    /// Reads polarity and emotion of each text, in order.
    pub fn classify<S: AsRef<str>>(&self, texts: &[S]) -> Result<Vec<Classification>, EngineError> {
        self.validate_texts(texts)?;
        let texts: Vec<&str> = texts.iter().map(|t| t.as_ref()).collect();
        self.read(&texts)
    }

    fn read(&self, texts: &[&str]) -> Result<Vec<Classification>, EngineError> {
        let predictions = self.backend.predict(texts)?;
        let kind = self.backend.kind();
        Ok(predictions
            .iter()
            .zip(texts)
            .map(|(prediction, text)| emotion::read(prediction, self.lexicon.score(text), kind))
            .collect())
    }

    /// Ranks candidate replies to the customer's message, best first.
    pub fn rank<S: AsRef<str>>(
        &self,
        customer: &str,
        context: &[Turn],
        candidates: &[S],
    ) -> Result<Ranking, EngineError> {
        self.validate_ranking(customer, context, candidates)?;
        let candidates: Vec<String> = candidates.iter().map(|c| c.as_ref().to_string()).collect();
        let reading = self.read(&[customer])?.pop().ok_or_else(|| {
            EngineError::Backend(BackendError::Inference("no reading for the customer message".into()))
        })?;
        let mut texts: Vec<&str> = vec![customer];
        texts.extend(candidates.iter().map(String::as_str));
        let relevance: Option<Vec<f32>> = self.backend.embed(&texts)?.and_then(|vectors| {
            let (query, replies) = vectors.split_first()?;
            Some(replies.iter().map(|reply| reply.iter().zip(query).map(|(a, b)| a * b).sum()).collect())
        });
        let ranked = self.ranker.rank(&RankInput {
            customer,
            context,
            candidates: &candidates,
            reading: &reading,
            relevance: relevance.as_deref(),
        });
        Ok(Ranking { customer: reading, ranked })
    }
}

fn load_model(config: &EngineConfig) -> Result<BertClassifier, LoadError> {
    let files = load::resolve(&config.model, config.hub_cache.as_deref())?;
    BertClassifier::load(&files)
}
