//! The engine: picks a backend at start-up (model, or the lexicon as fallback), validates input against the
//! limits, and runs backend → judge for Classify and RankReplies. The gRPC layer and the CLI both call it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::backend::bert::BertClassifier;
use crate::backend::lexicon::LexiconBackend;
use crate::backend::load::{self, LoadError};
use crate::backend::{Backend, BackendDescription, BackendError, BackendKind, DeviceChoice, Precision, Prediction};
use crate::batch::{BatchError, BatchLimits, Batcher, Pending};
use crate::judge::conversation::{self, ConversationReading, RiskCues, RiskModel, TurnFact};
use crate::judge::emotion::{self, Classification};
use crate::judge::rank::{pair_text, RankInput, Ranker, ReplyJudgement};
use crate::judge::{Role, Turn};
use crate::lexicon::{Lexicon, LexiconScore};
use crate::stages::StageTimes;

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
    /// A conversation risk model (`risk_model.json`) to use instead of the one built into the binary.
    pub risk_model: Option<PathBuf>,
    /// Precision of the encoder's dense layers (int8 applies on CPU only).
    pub precision: Precision,
    pub device: DeviceChoice,
    pub limits: Limits,
    pub batch: BatchLimits,
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            model: "models/default".into(),
            hub_cache: None,
            backend: BackendChoice::Auto,
            lexicon_dir: None,
            risk_model: None,
            precision: Precision::default(),
            device: DeviceChoice::default(),
            limits: Limits::default(),
            batch: BatchLimits::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("--backend model was asked for but the model cannot be used: {0}")]
    ModelRequired(LoadError),
    #[error("cannot use the conversation risk model {path}: {reason}")]
    RiskModel { path: String, reason: String },
    #[error("cannot read the lexicon: {0}")]
    Lexicon(#[from] crate::lexicon::LexiconError),
    #[error("{0}")]
    InvalidInput(String),
    #[error(transparent)]
    Backend(#[from] BackendError),
    #[error(transparent)]
    Batch(#[from] BatchError),
    #[error("cannot load the reply ranker: {0}")]
    Ranking(#[from] crate::judge::rank::WeightsError),
    /// The server failed, not the request (a task panicked or was cancelled); the text is for the log.
    #[error("internal error: {0}")]
    Internal(String),
}

/// What `Info` reports.
#[derive(Debug, Clone)]
pub struct EngineInfo {
    pub backend: BackendKind,
    pub description: BackendDescription,
    pub fallback_reason: Option<String>,
    pub limits: Limits,
    pub batch: BatchLimits,
    /// Requests waiting for an inference worker.
    pub queued: usize,
}

/// A request queued for inference, with the stage times measured so far (validation, tokenization).
struct Begun<State> {
    pending: Pending,
    state: State,
    times: StageTimes,
}

/// Waits for a queued request's predictions and adds the batcher's queue wait and inference to its times.
async fn predictions_of(pending: Pending, times: &mut StageTimes) -> Result<Vec<Prediction>, EngineError> {
    let answer = pending.await.map_err(|_| BatchError::Closed)??;
    times.queue_wait = answer.queue_wait;
    times.inference = answer.inference;
    Ok(answer.predictions)
}

/// `predictions_of` for callers outside an async runtime, which do not keep stage times.
fn blocking_predictions_of(pending: Pending) -> Result<Vec<Prediction>, EngineError> {
    Ok(pending.blocking_recv().map_err(|_| BatchError::Closed)??.predictions)
}

/// Runs `stage` and returns its result with the time it took.
fn timed<T>(stage: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = stage();
    (value, started.elapsed())
}

/// The outcome of ranking: the customer's own reading and the candidates, best first.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Ranking {
    pub customer: Classification,
    pub ranked: Vec<ReplyJudgement>,
}

/// The engine in service; an operator's reload swaps it atomically while requests in flight finish on the old one.
pub type SharedEngine = Arc<arc_swap::ArcSwap<Engine>>;

pub fn shared(engine: Engine) -> SharedEngine {
    Arc::new(arc_swap::ArcSwap::from_pointee(engine))
}

pub struct Engine {
    backend: Arc<dyn Backend>,
    batcher: Batcher,
    lexicon: Arc<Lexicon>,
    ranker: Ranker,
    risk_cues: RiskCues,
    risk_model: RiskModel,
    limits: Limits,
    fallback_reason: Option<String>,
}

/// What a RankReplies request keeps while its texts are in the batcher.
struct RankState {
    customer: String,
    context: Vec<Turn>,
    candidates: Vec<String>,
    customer_lexicon: LexiconScore,
}

impl Engine {
    /// Loads the backend the config asks for. Only `BackendChoice::Model` can fail on the model.
    pub fn start(config: &EngineConfig) -> Result<Engine, EngineError> {
        let lexicon = load_lexicon(config)?;
        let risk_model = load_risk_model(config)?;
        let lexicon_source =
            config.lexicon_dir.as_ref().map_or_else(|| "built-in".to_string(), |d| d.display().to_string());
        let lexicon_backend = || Arc::new(LexiconBackend::new(lexicon.clone(), lexicon_source.clone()));
        let (backend, fallback_reason): (Arc<dyn Backend>, Option<String>) = match config.backend {
            BackendChoice::Lexicon => (lexicon_backend(), None),
            choice => match load_model(config) {
                Ok(model) => {
                    tracing::info!(model = %config.model, summary = %model.describe().summary, "model loaded");
                    (Arc::new(model), None)
                }
                Err(e) if choice == BackendChoice::Model => return Err(EngineError::ModelRequired(e)),
                Err(e) => {
                    let reason = format!("{}: {e}", config.model);
                    tracing::warn!("no usable model ({reason}); serving with the lexicon backend");
                    (lexicon_backend(), Some(reason))
                }
            },
        };
        Engine::assemble(backend, lexicon, risk_model, config, fallback_reason)
    }

    /// An engine on a given backend (tests, fault injection); the lexicon still comes from the config.
    pub fn with_backend(backend: Arc<dyn Backend>, config: &EngineConfig) -> Result<Engine, EngineError> {
        Engine::assemble(backend, load_lexicon(config)?, load_risk_model(config)?, config, None)
    }

    fn assemble(
        backend: Arc<dyn Backend>,
        lexicon: Arc<Lexicon>,
        risk_model: RiskModel,
        config: &EngineConfig,
        fallback_reason: Option<String>,
    ) -> Result<Engine, EngineError> {
        Ok(Engine {
            batcher: Batcher::start(backend.clone(), config.batch),
            backend,
            lexicon,
            ranker: Ranker::load()?,
            risk_cues: RiskCues::embedded(),
            risk_model,
            limits: config.limits,
            fallback_reason,
        })
    }

    pub fn info(&self) -> EngineInfo {
        EngineInfo {
            backend: self.backend.kind(),
            description: self.backend.describe(),
            fallback_reason: self.fallback_reason.clone(),
            limits: self.limits,
            batch: self.batcher.limits(),
            queued: self.batcher.queued(),
        }
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

    /// Checks an AnalyzeConversation request against the limits without running it.
    pub fn validate_conversation(&self, turns: &[Turn]) -> Result<(), EngineError> {
        if turns.is_empty() {
            return Err(EngineError::InvalidInput("turns is empty; send the conversation, oldest turn first".into()));
        }
        if turns.len() > self.limits.max_context_turns {
            return Err(EngineError::InvalidInput(format!(
                "{} turns sent; the limit is {} (max_context_turns): send the most recent ones",
                turns.len(),
                self.limits.max_context_turns
            )));
        }
        for (i, turn) in turns.iter().enumerate() {
            self.check_text(&format!("turns[{i}].text"), &turn.text)?;
        }
        Ok(())
    }

    /// The customer's turns of a conversation: their indices and texts.
    fn customer_turns(turns: &[Turn]) -> (Vec<usize>, Vec<&str>) {
        turns.iter().enumerate().filter(|(_, t)| t.role == Role::Customer).map(|(i, t)| (i, t.text.as_str())).unzip()
    }

    fn finish_conversation(
        &self,
        turns: &[Turn],
        indices: Vec<usize>,
        readings: Vec<Classification>,
    ) -> ConversationReading {
        let facts = self.facts_from(turns, indices, readings);
        self.assess(&facts)
    }

    fn facts_from(&self, turns: &[Turn], indices: Vec<usize>, readings: Vec<Classification>) -> Vec<TurnFact> {
        conversation::facts_of(turns, indices.into_iter().zip(readings).collect(), &self.risk_cues, &self.ranker)
    }

    /// The conversation reading (risk, reasons, next move) from the facts of its turns (oldest first). The stream and the unary
    /// call both end here, so they agree on the same turns.
    pub fn assess(&self, facts: &[TurnFact]) -> ConversationReading {
        conversation::assess(facts, &self.risk_model)
    }

    /// Replaces the conversation risk model (refits, experiments).
    pub fn set_risk_model(&mut self, model: RiskModel) {
        self.risk_model = model;
    }

    /// The facts of every turn (customer readings, agent reviews), for callers outside an async runtime.
    pub fn conversation_facts_blocking(&self, turns: &[Turn]) -> Result<Vec<TurnFact>, EngineError> {
        self.validate_conversation(turns)?;
        let (indices, texts) = Self::customer_turns(turns);
        let readings = if texts.is_empty() { Vec::new() } else { self.classify_blocking(&texts)? };
        Ok(self.facts_from(turns, indices, readings))
    }

    /// Reads one new turn of a monitored conversation. `before` are the turns kept before it and `facts` theirs;
    /// a customer turn goes through the batcher like a Classify call.
    pub async fn read_turn(
        self: Arc<Self>,
        index: usize,
        before: &[Turn],
        facts: &[TurnFact],
        turn: &Turn,
        deadline: Option<Instant>,
    ) -> Result<TurnFact, EngineError> {
        self.check_text("turn.text", &turn.text)?;
        Ok(match turn.role {
            Role::Customer => {
                let reading = self.clone().classify(vec![turn.text.clone()], deadline).await?.into_iter().next().ok_or_else(
                    || EngineError::Backend(BackendError::Inference("no prediction for the turn".into())),
                )?;
                conversation::customer_fact(index, &turn.text, reading, &self.risk_cues)
            }
            Role::Agent => conversation::agent_fact(index, before, facts, &turn.text, &self.ranker),
        })
    }

    /// Reads a conversation: the customer's emotion per turn, the trend, escalation risk and next move.
    pub async fn analyze_conversation(
        self: Arc<Self>,
        turns: Vec<Turn>,
        deadline: Option<Instant>,
    ) -> Result<ConversationReading, EngineError> {
        Ok(self.analyze_conversation_timed(turns, deadline).await?.0)
    }

    /// `analyze_conversation`, with where the time went.
    pub async fn analyze_conversation_timed(
        self: Arc<Self>,
        turns: Vec<Turn>,
        deadline: Option<Instant>,
    ) -> Result<(ConversationReading, StageTimes), EngineError> {
        let (valid, validation) = timed(|| self.validate_conversation(&turns));
        valid?;
        let (indices, texts) = Self::customer_turns(&turns);
        let texts: Vec<String> = texts.into_iter().map(str::to_string).collect();
        let (readings, mut times) = if texts.is_empty() {
            (Vec::new(), StageTimes::default())
        } else {
            self.clone().classify_timed(texts, deadline).await?
        };
        times.validation += validation;
        let (reading, judgment) = timed(|| self.finish_conversation(&turns, indices, readings));
        times.judgment += judgment;
        Ok((reading, times))
    }

    /// `analyze_conversation` for callers outside an async runtime.
    pub fn analyze_conversation_blocking(&self, turns: &[Turn]) -> Result<ConversationReading, EngineError> {
        self.validate_conversation(turns)?;
        let (indices, texts) = Self::customer_turns(turns);
        let readings = if texts.is_empty() { Vec::new() } else { self.classify_blocking(&texts)? };
        Ok(self.finish_conversation(turns, indices, readings))
    }

    /// Validates, tokenizes and scores with the lexicon on the caller's thread, then queues for inference.
    fn begin_classify<S: AsRef<str>>(
        &self,
        texts: &[S],
        deadline: Option<Instant>,
    ) -> Result<Begun<Vec<LexiconScore>>, EngineError> {
        let mut times = StageTimes::default();
        let (valid, validation) = timed(|| self.validate_texts(texts));
        times.validation = validation;
        valid?;
        let texts: Vec<&str> = texts.iter().map(|t| t.as_ref()).collect();
        let (prepared, tokenization) = timed(|| {
            let prepared = self.backend.prepare(&texts)?;
            let lexicon: Vec<LexiconScore> = texts.iter().map(|t| self.lexicon.score(t)).collect();
            Ok::<_, EngineError>((prepared, lexicon))
        });
        times.tokenization = tokenization;
        let (prepared, lexicon) = prepared?;
        Ok(Begun { pending: self.batcher.submit(prepared, deadline)?, state: lexicon, times })
    }

    fn finish_classify(&self, lexicon: Vec<LexiconScore>, predictions: Vec<Prediction>) -> Vec<Classification> {
        let (kind, weight) = (self.backend.kind(), self.backend.lexicon_weight());
        predictions.iter().zip(lexicon).map(|(p, lexicon)| emotion::read(p, lexicon, kind, weight)).collect()
    }

    fn begin_rank<S: AsRef<str>>(
        &self,
        customer: &str,
        context: &[Turn],
        candidates: &[S],
        deadline: Option<Instant>,
    ) -> Result<Begun<RankState>, EngineError> {
        let mut times = StageTimes::default();
        let (valid, validation) = timed(|| self.validate_ranking(customer, context, candidates));
        times.validation = validation;
        valid?;
        let candidates: Vec<String> = candidates.iter().map(|c| c.as_ref().to_string()).collect();
        // With a pair head, each candidate is also read together with the conversation, in the same batch.
        let pair_texts: Vec<String> = if self.backend.has_pair_head() {
            candidates.iter().map(|reply| pair_text(customer, context, reply)).collect()
        } else {
            Vec::new()
        };
        // The bare candidates are not encoded: the ranker reads them with its lists, and the encoder's view of a
        // reply only counts together with the conversation (the pair texts).
        let mut texts: Vec<&str> = vec![customer];
        texts.extend(pair_texts.iter().map(String::as_str));
        let (prepared, tokenization) = timed(|| {
            let prepared = self.backend.prepare(&texts)?;
            Ok::<_, EngineError>((prepared, self.lexicon.score(customer)))
        });
        times.tokenization = tokenization;
        let (prepared, customer_lexicon) = prepared?;
        let state =
            RankState { customer: customer.to_string(), context: context.to_vec(), candidates, customer_lexicon };
        Ok(Begun { pending: self.batcher.submit(prepared, deadline)?, state, times })
    }

    fn finish_rank(&self, job: RankState, predictions: Vec<Prediction>) -> Result<Ranking, EngineError> {
        let (customer_prediction, pairs) = predictions.split_first().ok_or_else(|| {
            EngineError::Backend(BackendError::Inference("no prediction for the customer message".into()))
        })?;
        let reading = emotion::read(
            customer_prediction,
            job.customer_lexicon,
            self.backend.kind(),
            self.backend.lexicon_weight(),
        );
        // Every candidate's pair log-odds, or none (no head: no pair texts were sent).
        let pair: Option<Vec<f32>> =
            pairs.iter().map(|p| p.pair_logit).collect::<Option<Vec<f32>>>().filter(|p| p.len() == job.candidates.len());
        let ranked = self.ranker.rank(&RankInput {
            customer: &job.customer,
            context: &job.context,
            candidates: &job.candidates,
            reading: &reading,
            pair: pair.as_deref(),
        });
        Ok(Ranking { customer: reading, ranked })
    }

    /// Reads polarity and emotion of each text, in order. Tokenization runs on the blocking pool, inference on
    /// the batcher's workers, so the async runtime is never blocked.
    pub async fn classify(
        self: Arc<Self>,
        texts: Vec<String>,
        deadline: Option<Instant>,
    ) -> Result<Vec<Classification>, EngineError> {
        Ok(self.classify_timed(texts, deadline).await?.0)
    }

    /// `classify`, with where the time went.
    pub async fn classify_timed(
        self: Arc<Self>,
        texts: Vec<String>,
        deadline: Option<Instant>,
    ) -> Result<(Vec<Classification>, StageTimes), EngineError> {
        let engine = self.clone();
        let Begun { pending, state: lexicon, mut times } =
            tokio::task::spawn_blocking(move || engine.begin_classify(&texts, deadline))
                .await
                .map_err(|e| EngineError::Internal(crate::failure::task_failure("tokenization", e)))??;
        let predictions = predictions_of(pending, &mut times).await?;
        let (results, judgment) = timed(|| self.finish_classify(lexicon, predictions));
        times.judgment = judgment;
        Ok((results, times))
    }

    /// `classify` for callers outside an async runtime (the CLI); must not be called from async code.
    pub fn classify_blocking<S: AsRef<str>>(&self, texts: &[S]) -> Result<Vec<Classification>, EngineError> {
        let Begun { pending, state: lexicon, .. } = self.begin_classify(texts, None)?;
        Ok(self.finish_classify(lexicon, blocking_predictions_of(pending)?))
    }

    /// What the model reads from each text, before any judging: its unit-length embedding (empty on the lexicon)
    /// and its pair-head log-odds. For the fitting programs; must not be called from async code.
    pub fn encode_blocking<S: AsRef<str>>(&self, texts: &[S]) -> Result<Vec<Prediction>, EngineError> {
        let Begun { pending, .. } = self.begin_classify(texts, None)?;
        blocking_predictions_of(pending)
    }

    /// Ranks candidate replies to the customer's message, best first.
    pub async fn rank(
        self: Arc<Self>,
        customer: String,
        context: Vec<Turn>,
        candidates: Vec<String>,
        deadline: Option<Instant>,
    ) -> Result<Ranking, EngineError> {
        Ok(self.rank_timed(customer, context, candidates, deadline).await?.0)
    }

    /// `rank`, with where the time went.
    pub async fn rank_timed(
        self: Arc<Self>,
        customer: String,
        context: Vec<Turn>,
        candidates: Vec<String>,
        deadline: Option<Instant>,
    ) -> Result<(Ranking, StageTimes), EngineError> {
        let engine = self.clone();
        let Begun { pending, state, mut times } =
            tokio::task::spawn_blocking(move || engine.begin_rank(&customer, &context, &candidates, deadline))
                .await
                .map_err(|e| EngineError::Internal(crate::failure::task_failure("tokenization", e)))??;
        let predictions = predictions_of(pending, &mut times).await?;
        let (ranking, judgment) = timed(|| self.finish_rank(state, predictions));
        times.judgment = judgment;
        Ok((ranking?, times))
    }

    /// `rank` for callers outside an async runtime (the CLI); must not be called from async code.
    pub fn rank_blocking<S: AsRef<str>>(
        &self,
        customer: &str,
        context: &[Turn],
        candidates: &[S],
    ) -> Result<Ranking, EngineError> {
        let Begun { pending, state, .. } = self.begin_rank(customer, context, candidates, None)?;
        self.finish_rank(state, blocking_predictions_of(pending)?)
    }
}

/// The configured risk model file, else the bundled one.
fn load_risk_model(config: &EngineConfig) -> Result<RiskModel, EngineError> {
    let Some(path) = &config.risk_model else { return Ok(RiskModel::embedded()) };
    let error = |reason: String| EngineError::RiskModel { path: path.display().to_string(), reason };
    let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
    RiskModel::from_json(&text).map_err(|e| error(e.to_string()))
}

fn load_lexicon(config: &EngineConfig) -> Result<Arc<Lexicon>, EngineError> {
    Ok(Arc::new(match &config.lexicon_dir {
        Some(dir) => Lexicon::from_dir(dir)?,
        None => Lexicon::embedded(),
    }))
}

fn load_model(config: &EngineConfig) -> Result<BertClassifier, LoadError> {
    let files = load::resolve(&config.model, config.hub_cache.as_deref())?;
    BertClassifier::load(&files, config.precision, config.device)
}
