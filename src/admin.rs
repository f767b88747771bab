//! Model reload without restart: the `gongqing.v1.Admin` service and the function SIGHUP calls.
//!
//! A reload starts a complete new engine from the serving configuration beside the old one, then swaps it in
//! with one atomic store. Requests already in flight hold an `Arc` to the old engine and finish on it. If the
//! new engine cannot start, nothing changes and the error goes back to the caller.

use std::time::{Duration, Instant};

use tonic::{Request, Response, Status};

use crate::backend::BackendKind;
use crate::engine::{BackendChoice, Engine, EngineConfig, EngineError, SharedEngine};
use crate::proto;

/// What a successful reload put in service.
#[derive(Debug, Clone)]
pub struct Reloaded {
    pub backend: BackendKind,
    pub summary: String,
    pub elapsed: Duration,
}

/// Loads a new engine and swaps it in. Blocking (it reads the model): call from a blocking thread.
/// Unless the server was started with `--backend lexicon`, the reload insists on the model
/// (`BackendChoice::Model`), so a broken model file is reported instead of silently swapping in the lexicon.
pub fn reload_blocking(engine: &SharedEngine, config: &EngineConfig) -> Result<Reloaded, EngineError> {
    let mut config = config.clone();
    if config.backend != BackendChoice::Lexicon {
        config.backend = BackendChoice::Model;
    }
    let started = Instant::now();
    let result = Engine::start(&config);
    let elapsed = started.elapsed();
    crate::metrics::observe_reload(result.is_ok());
    let fresh = match result {
        Ok(fresh) => fresh,
        Err(e) => {
            tracing::warn!(error = %e, "model reload failed; the engine in service keeps serving");
            return Err(e);
        }
    };
    let info = fresh.info();
    engine.store(std::sync::Arc::new(fresh));
    crate::metrics::observe_model_load(elapsed);
    crate::metrics::set_backend(kind_name(info.backend));
    tracing::info!(backend = ?info.backend, model = %info.description.summary, seconds = elapsed.as_secs_f64(), "model reloaded");
    Ok(Reloaded { backend: info.backend, summary: info.description.summary, elapsed })
}

/// Async wrapper that serialises reloads (one at a time) and runs the load off the async threads.
pub async fn reload(engine: SharedEngine, config: EngineConfig) -> Result<Reloaded, EngineError> {
    static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let _guard = ONE_AT_A_TIME.lock().await;
    match tokio::task::spawn_blocking(move || reload_blocking(&engine, &config)).await {
        Ok(result) => result,
        Err(join) => Err(EngineError::Internal(crate::failure::task_failure("model reload", join))),
    }
}

pub fn kind_name(kind: BackendKind) -> &'static str {
    match kind {
        BackendKind::Model => "model",
        BackendKind::Lexicon => "lexicon",
    }
}

pub struct AdminService {
    engine: SharedEngine,
    config: EngineConfig,
}

impl AdminService {
    pub fn new(engine: SharedEngine, config: EngineConfig) -> Self {
        Self { engine, config }
    }
}

#[tonic::async_trait]
impl proto::admin_server::Admin for AdminService {
    async fn reload_model(
        &self,
        _request: Request<proto::ReloadModelRequest>,
    ) -> Result<Response<proto::ReloadModelResponse>, Status> {
        match reload(self.engine.clone(), self.config.clone()).await {
            Ok(r) => Ok(Response::new(proto::ReloadModelResponse {
                backend: kind_name(r.backend).to_string(),
                model: r.summary,
                load_seconds: r.elapsed.as_secs_f64(),
            })),
            // The reload itself failed: the server's fault, not the operator's model.
            Err(EngineError::Internal(detail)) => Err(crate::failure::internal_status(&detail)),
            // The new engine did not start (a broken or mismatched model): fix the files and reload again.
            Err(e) => Err(Status::failed_precondition(format!("reload refused, the previous engine keeps serving: {e}"))),
        }
    }
}
