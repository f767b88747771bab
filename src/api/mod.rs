//! The gRPC transport: the `gongqing.v1.Empathy` service. It validates requests, hands the work to the engine
//! on a blocking thread, and converts the answers; it holds no scoring logic of its own.

pub mod convert;

use std::sync::Arc;

use tokio::sync::Semaphore;
use tonic::{Request, Response, Status};

use crate::engine::Engine;
use crate::proto;
use crate::proto::empathy_server::Empathy;

/// The service. Inference runs on blocking threads, at most `inference_slots` at a time, so the async runtime
/// stays free; requests beyond `max_waiting` are refused with RESOURCE_EXHAUSTED rather than queued forever.
pub struct EmpathyService {
    engine: Arc<Engine>,
    inference: Arc<Semaphore>,
    waiting: Arc<Semaphore>,
    max_waiting: usize,
}

impl EmpathyService {
    pub fn new(engine: Arc<Engine>, inference_slots: usize, max_waiting: usize) -> Self {
        Self {
            engine,
            inference: Arc::new(Semaphore::new(inference_slots.max(1))),
            waiting: Arc::new(Semaphore::new(max_waiting.max(1))),
            max_waiting: max_waiting.max(1),
        }
    }

    /// Runs `work` on a blocking thread once an inference slot is free. A panic inside becomes INTERNAL.
    async fn run<T, F>(&self, work: F) -> Result<T, Status>
    where
        T: Send + 'static,
        F: FnOnce(&Engine) -> Result<T, Status> + Send + 'static,
    {
        let _queued = self.waiting.clone().try_acquire_owned().map_err(|_| {
            Status::resource_exhausted(format!(
                "server busy: {} requests already waiting (max_concurrent_requests); retry with backoff",
                self.max_waiting
            ))
        })?;
        let _slot = self
            .inference
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Status::unavailable("server is shutting down"))?;
        let engine = self.engine.clone();
        tokio::task::spawn_blocking(move || work(&engine))
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "inference task failed");
                Status::internal("inference failed unexpectedly; the request was dropped, the server keeps serving")
            })?
    }
}

#[tonic::async_trait]
impl Empathy for EmpathyService {
    async fn classify(
        &self,
        request: Request<proto::ClassifyRequest>,
    ) -> Result<Response<proto::ClassifyResponse>, Status> {
        let texts = request.into_inner().texts;
        self.engine.validate_texts(&texts).map_err(convert::status)?;
        let results = self.run(move |engine| engine.classify(&texts).map_err(convert::status)).await?;
        Ok(Response::new(proto::ClassifyResponse {
            results: results.iter().map(convert::classification).collect(),
            backend: convert::backend(self.engine.info().backend) as i32,
        }))
    }

    async fn rank_replies(
        &self,
        request: Request<proto::RankRepliesRequest>,
    ) -> Result<Response<proto::RankRepliesResponse>, Status> {
        let request = request.into_inner();
        let context = convert::turns(request.context)?;
        let customer = request.customer_message;
        let candidates = request.candidates;
        self.engine.validate_ranking(&customer, &context, &candidates).map_err(convert::status)?;
        let (ranking, candidates) = self
            .run(move |engine| {
                let ranking = engine.rank(&customer, &context, &candidates).map_err(convert::status)?;
                Ok((ranking, candidates))
            })
            .await?;
        Ok(Response::new(proto::RankRepliesResponse {
            ranked: ranking.ranked.iter().map(|j| convert::ranked_reply(j, &candidates)).collect(),
            customer: Some(convert::classification(&ranking.customer)),
        }))
    }

    async fn info(&self, _request: Request<proto::InfoRequest>) -> Result<Response<proto::InfoResponse>, Status> {
        let info = self.engine.info();
        Ok(Response::new(proto::InfoResponse {
            version: env!("CARGO_PKG_VERSION").to_string(),
            backend: convert::backend(info.backend) as i32,
            model: info.description.model,
            fallback_reason: info.fallback_reason.unwrap_or_default(),
            labels: info.description.labels,
            max_input_tokens: info.description.max_input_tokens,
            limits: Some(proto::Limits {
                max_texts: info.limits.max_texts as u32,
                max_text_bytes: info.limits.max_text_bytes as u32,
                max_candidates: info.limits.max_candidates as u32,
                max_context_turns: info.limits.max_context_turns as u32,
            }),
            model_description: info.description.summary,
        }))
    }
}
