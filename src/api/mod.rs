//! The gRPC transport: the `gongqing.v1.Empathy` service. It reads requests and deadlines, hands the work to
//! the engine (which batches it onto inference workers), and converts the answers; no scoring logic lives here.

pub(crate) mod convert;

use std::pin::Pin;
use std::time::{Duration, Instant};

use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::Stream;
use tonic::{Request, Response, Status};

use crate::engine::SharedEngine;
use crate::monitor::{MonitorLimits, StreamState};
use crate::proto;
use crate::proto::empathy_server::Empathy;
use crate::stages::StageTimes;

pub struct EmpathyService {
    engine: SharedEngine,
    monitor: MonitorLimits,
    slow_request: Option<Duration>,
}

impl EmpathyService {
    pub fn new(engine: SharedEngine) -> Self {
        Self { engine, monitor: MonitorLimits::default(), slow_request: None }
    }

    /// With MonitorConversation limits other than the defaults.
    pub fn with_monitor(engine: SharedEngine, monitor: MonitorLimits) -> Self {
        Self { engine, monitor, slow_request: None }
    }

    /// Calls slower than `threshold` log their stage breakdown (`None`: never).
    pub fn with_slow_request(mut self, threshold: Option<Duration>) -> Self {
        self.slow_request = threshold;
        self
    }

    /// Reports where a successful call's time went: `gongqing_stage_seconds`, the fields of the call's span (opened
    /// by the server layer), and one warning with the breakdown when the call took longer than `--slow-request-ms`.
    fn report_stages(&self, rpc: &'static str, times: &StageTimes, elapsed: Duration) {
        crate::metrics::observe_stages(rpc, times);
        // Milliseconds to the microsecond: finer digits are noise in a log line.
        let ms = |d: Duration| (d.as_secs_f64() * 1e6).round() / 1e3;
        let span = tracing::Span::current();
        span.record("validation_ms", ms(times.validation));
        span.record("tokenization_ms", ms(times.tokenization));
        span.record("queue_wait_ms", ms(times.queue_wait));
        span.record("inference_ms", ms(times.inference));
        span.record("judgment_ms", ms(times.judgment));
        if self.slow_request.is_some_and(|threshold| elapsed > threshold) {
            tracing::warn!(
                rpc,
                total_ms = ms(elapsed),
                validation_ms = ms(times.validation),
                tokenization_ms = ms(times.tokenization),
                queue_wait_ms = ms(times.queue_wait),
                inference_ms = ms(times.inference),
                judgment_ms = ms(times.judgment),
                "slow request"
            );
        }
    }
}

/// Updates sent ahead of a slow client before reading its next turn waits.
const MONITOR_BUFFER: usize = 16;

/// Handles one MonitorConversation request: `Ok(None)` when it only ended a conversation.
async fn monitor_step(
    state: &mut StreamState,
    engine: &SharedEngine,
    request: proto::MonitorRequest,
) -> Result<Option<proto::MonitorUpdate>, Status> {
    let id = request.conversation_id;
    let Some(turn) = request.turn else {
        state.end(&id).map_err(convert::monitor_status)?;
        return Ok(None);
    };
    let mut turns = convert::turns(vec![turn], "turn").map_err(|_| {
        Status::invalid_argument(format!("conversation {id:?}: turn.role must be ROLE_CUSTOMER or ROLE_AGENT"))
    })?;
    let Some(turn) = turns.pop() else { return Ok(None) };
    let text = turn.text.clone();
    let update = state.turn(engine.load_full(), &id, turn).await.map_err(convert::monitor_status)?;
    Ok(Some(convert::monitor_update(&id, &update, &text)))
}

/// The caller's deadline from the `grpc-timeout` header (e.g. `250m`, `5S`), as an instant.
pub fn deadline<T>(request: &Request<T>) -> Option<Instant> {
    let raw = request.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (value, unit) = raw.split_at(raw.len().checked_sub(1)?);
    let value: u64 = value.parse().ok()?;
    let timeout = match unit {
        "H" => Duration::from_secs(value.saturating_mul(3600)),
        "M" => Duration::from_secs(value.saturating_mul(60)),
        "S" => Duration::from_secs(value),
        "m" => Duration::from_millis(value),
        "u" => Duration::from_micros(value),
        "n" => Duration::from_nanos(value),
        _ => return None,
    };
    Instant::now().checked_add(timeout)
}

#[tonic::async_trait]
impl Empathy for EmpathyService {
    async fn classify(
        &self,
        request: Request<proto::ClassifyRequest>,
    ) -> Result<Response<proto::ClassifyResponse>, Status> {
        let started = Instant::now();
        let deadline = deadline(&request);
        let texts = request.into_inner().texts;
        crate::metrics::observe_request_texts("Classify", texts.len());
        let engine = self.engine.load_full();
        let backend = engine.info().backend;
        let (results, times) = engine.classify_timed(texts, deadline).await.map_err(convert::status)?;
        self.report_stages("Classify", &times, started.elapsed());
        Ok(Response::new(proto::ClassifyResponse {
            results: results.iter().map(convert::classification).collect(),
            backend: convert::backend(backend) as i32,
        }))
    }

    async fn rank_replies(
        &self,
        request: Request<proto::RankRepliesRequest>,
    ) -> Result<Response<proto::RankRepliesResponse>, Status> {
        let started = Instant::now();
        let deadline = deadline(&request);
        let request = request.into_inner();
        let context = convert::turns(request.context, "context")?;
        let candidates = request.candidates;
        crate::metrics::observe_request_texts("RankReplies", candidates.len() + 1);
        let engine = self.engine.load_full();
        let (ranking, times) = engine
            .rank_timed(request.customer_message, context, candidates.clone(), deadline)
            .await
            .map_err(convert::status)?;
        self.report_stages("RankReplies", &times, started.elapsed());
        Ok(Response::new(proto::RankRepliesResponse {
            ranked: ranking.ranked.iter().map(|j| convert::ranked_reply(j, &candidates)).collect(),
            customer: Some(convert::classification(&ranking.customer)),
        }))
    }

    async fn analyze_conversation(
        &self,
        request: Request<proto::AnalyzeConversationRequest>,
    ) -> Result<Response<proto::AnalyzeConversationResponse>, Status> {
        let started = Instant::now();
        let deadline = deadline(&request);
        let turns = convert::turns(request.into_inner().turns, "turns")?;
        let engine = self.engine.load_full();
        let (reading, times) = engine.analyze_conversation_timed(turns, deadline).await.map_err(convert::status)?;
        self.report_stages("AnalyzeConversation", &times, started.elapsed());
        Ok(Response::new(convert::conversation(&reading)))
    }

    type MonitorConversationStream = Pin<Box<dyn Stream<Item = Result<proto::MonitorUpdate, Status>> + Send + 'static>>;

    async fn monitor_conversation(
        &self,
        request: Request<tonic::Streaming<proto::MonitorRequest>>,
    ) -> Result<Response<Self::MonitorConversationStream>, Status> {
        let mut inbound = request.into_inner();
        let (tx, rx) = tokio::sync::mpsc::channel(MONITOR_BUFFER);
        let engine = self.engine.clone();
        let limits = self.monitor;
        // Turns are read one at a time, so updates leave in the order turns arrived; the state lives only in
        // this task and is dropped (freed, gauge lowered) when the client ends the stream or goes away.
        tokio::spawn(async move {
            let mut state = StreamState::new(limits);
            loop {
                let next = tokio::select! {
                    message = inbound.message() => message,
                    _ = tx.closed() => break,
                };
                let request = match next {
                    Ok(Some(request)) => request,
                    Ok(None) => break,
                    Err(status) => {
                        tracing::debug!(code = ?status.code(), "monitor stream ended by the client");
                        break;
                    }
                };
                match monitor_step(&mut state, &engine, request).await {
                    Ok(Some(update)) => {
                        if tx.send(Ok(update)).await.is_err() {
                            break;
                        }
                    }
                    Ok(None) => {}
                    Err(status) => {
                        let _ = tx.send(Err(status)).await;
                        break;
                    }
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn info(&self, _request: Request<proto::InfoRequest>) -> Result<Response<proto::InfoResponse>, Status> {
        let info = self.engine.load().info();
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
                max_batch_tokens: info.batch.max_batch_tokens as u32,
                max_batch_texts: info.batch.max_batch_texts as u32,
                max_concurrent_requests: info.batch.max_queued_requests as u32,
            }),
            model_description: info.description.summary,
            inference_workers: info.batch.workers as u32,
            inference_threads: crate::batch::compute_threads() as u32,
            weight_precision: info.description.precision,
        }))
    }
}
