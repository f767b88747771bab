//! Dynamic batching: requests put prepared (tokenized) texts on a bounded queue; inference worker threads
//! merge what is waiting into batches under a token budget, run the backend once, and send each caller its share.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, TrySendError};
use tokio::sync::oneshot;

use crate::backend::{Backend, BackendError, Prediction, Prepared};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchLimits {
    /// Padded tokens merged into one backend call (a single larger request still runs, alone).
    pub max_batch_tokens: usize,
    /// Texts merged into one backend call.
    pub max_batch_texts: usize,
    /// Requests waiting in the queue; beyond that callers are refused.
    pub max_queued_requests: usize,
    /// Inference worker threads.
    pub workers: usize,
}

impl Default for BatchLimits {
    fn default() -> Self {
        Self { max_batch_tokens: 16384, max_batch_texts: 64, max_queued_requests: 256, workers: 1 }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum BatchError {
    #[error("server busy: {0} requests already queued (max_concurrent_requests); retry with backoff")]
    QueueFull(usize),
    #[error("the request's deadline passed before inference started")]
    DeadlineExceeded,
    #[error("inference workers are gone")]
    Closed,
    #[error(transparent)]
    Backend(#[from] BackendError),
}

/// Threads one matrix multiplication may use (candle reads `RAYON_NUM_THREADS`, else all cores).
pub fn compute_threads() -> usize {
    candle_core::utils::get_num_threads()
}

/// A job's answer: its predictions and where its time went inside the batcher, so the caller can report the
/// stages without the batcher calling up into the API.
#[derive(Debug, Clone)]
pub(crate) struct Batched {
    pub predictions: Vec<Prediction>,
    /// From `submit` to the start of the batch that ran the job.
    pub queue_wait: Duration,
    /// The backend's pass over that batch.
    pub inference: Duration,
}

type Reply = oneshot::Sender<Result<Batched, BatchError>>;

struct Job {
    items: Vec<Prepared>,
    deadline: Option<Instant>,
    reply: Reply,
    queued_at: Instant,
}

impl Job {
    fn cost(&self) -> usize {
        self.items.iter().map(Prepared::cost).sum()
    }
}

/// A waiting answer; resolves once the job's batch has run.
pub(crate) type Pending = oneshot::Receiver<Result<Batched, BatchError>>;

/// The queue and its workers. Dropping the batcher lets the workers finish what is queued and exit.
pub(crate) struct Batcher {
    sender: Sender<Job>,
    queued: Arc<AtomicUsize>,
    limits: BatchLimits,
}

impl Batcher {
    pub fn start(backend: Arc<dyn Backend>, limits: BatchLimits) -> Batcher {
        let (sender, receiver) = crossbeam_channel::bounded::<Job>(limits.max_queued_requests.max(1));
        let queued = Arc::new(AtomicUsize::new(0));
        for n in 0..limits.workers.max(1) {
            let worker = Worker {
                backend: backend.clone(),
                receiver: receiver.clone(),
                queued: queued.clone(),
                limits,
                carried: None,
            };
            std::thread::Builder::new()
                .name(format!("gongqing-infer-{n}"))
                .spawn(move || worker.run())
                .expect("spawning an inference thread at start-up");
        }
        Batcher { sender, queued, limits }
    }

    pub fn limits(&self) -> BatchLimits {
        self.limits
    }

    /// Requests waiting for a worker right now.
    pub fn queued(&self) -> usize {
        self.queued.load(Ordering::Relaxed)
    }

    /// Queues `items`; never blocks. A full queue is refused at once.
    pub fn submit(&self, items: Vec<Prepared>, deadline: Option<Instant>) -> Result<Pending, BatchError> {
        let (reply, pending) = oneshot::channel();
        let texts = items.len() as i64;
        // Counted before the job is visible to a worker, so the worker's decrement never comes first.
        self.queued.fetch_add(1, Ordering::Relaxed);
        crate::metrics::queue_depth_add(texts);
        match self.sender.try_send(Job { items, deadline, reply, queued_at: Instant::now() }) {
            Ok(()) => Ok(pending),
            Err(e) => {
                self.queued.fetch_sub(1, Ordering::Relaxed);
                crate::metrics::queue_depth_add(-texts);
                Err(match e {
                    TrySendError::Full(_) => BatchError::QueueFull(self.limits.max_queued_requests),
                    TrySendError::Disconnected(_) => BatchError::Closed,
                })
            }
        }
    }
}

struct Worker {
    backend: Arc<dyn Backend>,
    receiver: Receiver<Job>,
    queued: Arc<AtomicUsize>,
    limits: BatchLimits,
    /// A job taken from the queue that did not fit the previous batch; it opens the next one.
    carried: Option<Job>,
}

impl Worker {
    /// A job leaves the queue: it no longer counts as waiting, in requests or in texts.
    fn take(&self, job: Job) -> Job {
        self.queued.fetch_sub(1, Ordering::Relaxed);
        crate::metrics::queue_depth_add(-(job.items.len() as i64));
        job
    }

    fn run(mut self) {
        loop {
            let first = match self.carried.take() {
                Some(job) => job,
                None => match self.receiver.recv() {
                    Ok(job) => self.take(job),
                    Err(_) => return,
                },
            };
            let mut jobs = vec![first];
            let mut tokens = jobs[0].cost();
            let mut texts = jobs[0].items.len();
            while let Ok(job) = self.receiver.try_recv() {
                let job = self.take(job);
                if tokens + job.cost() > self.limits.max_batch_tokens
                    || texts + job.items.len() > self.limits.max_batch_texts
                {
                    self.carried = Some(job);
                    break;
                }
                tokens += job.cost();
                texts += job.items.len();
                jobs.push(job);
            }
            self.run_batch(jobs);
        }
    }

    fn run_batch(&self, jobs: Vec<Job>) {
        let now = Instant::now();
        let mut live = Vec::with_capacity(jobs.len());
        for job in jobs {
            if job.reply.is_closed() {
                tracing::debug!("caller went away before inference; dropping its texts");
            } else if job.deadline.is_some_and(|d| d <= now) {
                let _ = job.reply.send(Err(BatchError::DeadlineExceeded));
            } else {
                live.push(job);
            }
        }
        if live.is_empty() {
            return;
        }
        let items: Vec<&Prepared> = live.iter().flat_map(|job| job.items.iter()).collect();
        crate::metrics::observe_batch(items.len(), items.iter().map(|i| i.cost()).sum());
        let started = Instant::now();
        // A panic inside the backend must cost only this batch, never the worker or the server. The pass runs on a
        // thread of the compute pool, so the kernels' many short parallel steps start from inside the pool instead
        // of each waking it from outside and waiting for it.
        let run = || rayon::scope(|_| self.backend.predict(&items));
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
            .unwrap_or_else(|panic| {
                let message = crate::failure::caught_panic(&*panic);
                tracing::error!(%message, "inference panicked; the batch is answered with an error");
                Err(BackendError::Inference(format!("inference panicked: {message}")))
            });
        let inference = started.elapsed();
        tracing::debug!(
            requests = live.len(),
            texts = items.len(),
            elapsed_ms = inference.as_secs_f64() * 1e3,
            "batch done"
        );
        match outcome {
            Ok(predictions) if predictions.len() == items.len() => {
                let mut predictions = predictions.into_iter();
                for job in live {
                    let share: Vec<Prediction> = predictions.by_ref().take(job.items.len()).collect();
                    let queue_wait = now.saturating_duration_since(job.queued_at);
                    let _ = job.reply.send(Ok(Batched { predictions: share, queue_wait, inference }));
                }
            }
            Ok(predictions) => {
                let error = BackendError::Inference(format!(
                    "backend returned {} predictions for {} texts",
                    predictions.len(),
                    items.len()
                ));
                for job in live {
                    let _ = job.reply.send(Err(error.clone().into()));
                }
            }
            Err(error) => {
                for job in live {
                    let _ = job.reply.send(Err(error.clone().into()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::{BackendDescription, BackendKind};
    use std::sync::Mutex;

    /// Records the size of every batch; scores each text by its length so answers can be checked.
    struct Recorder {
        batches: Mutex<Vec<usize>>,
        gate: Mutex<()>,
    }

    impl Backend for Recorder {
        fn kind(&self) -> BackendKind {
            BackendKind::Lexicon
        }
        fn describe(&self) -> BackendDescription {
            BackendDescription::default()
        }
        fn prepare(&self, texts: &[&str]) -> Result<Vec<Prepared>, BackendError> {
            Ok(texts
                .iter()
                .map(|t| Prepared { text: t.to_string(), ids: vec![0; t.chars().count()], truncated: false })
                .collect())
        }
        fn predict(&self, items: &[&Prepared]) -> Result<Vec<Prediction>, BackendError> {
            if items.iter().any(|i| i.text == "panic") {
                panic!("boom");
            }
            let _held = self.gate.lock().unwrap();
            self.batches.lock().unwrap().push(items.len());
            Ok(items
                .iter()
                .map(|i| Prediction {
                    polarity: [i.ids.len() as f32, 0.0, 0.0],
                    emotion: None,
                    embedding: Vec::new(),
                    pair_logit: None,
                    tokens: i.ids.len() as u32,
                    truncated: false,
                })
                .collect())
        }
    }

    fn recorder() -> Arc<Recorder> {
        Arc::new(Recorder { batches: Mutex::new(Vec::new()), gate: Mutex::new(()) })
    }

    fn prepared(backend: &Recorder, texts: &[&str]) -> Vec<Prepared> {
        backend.prepare(texts).unwrap()
    }

    #[tokio::test]
    async fn waiting_requests_are_merged_and_answered_in_their_own_order() {
        let backend = recorder();
        let batcher = Batcher::start(backend.clone(), BatchLimits::default());
        // Hold the backend so the next requests pile up in the queue.
        let gate = backend.gate.lock().unwrap();
        let first = batcher.submit(prepared(&backend, &["a"]), None).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(50));
        let second = batcher.submit(prepared(&backend, &["bb", "ccc"]), None).unwrap();
        let third = batcher.submit(prepared(&backend, &["dddd"]), None).unwrap();
        drop(gate);
        let lengths = |r: Vec<Prediction>| r.iter().map(|p| p.polarity[0] as usize).collect::<Vec<_>>();
        assert_eq!(lengths(first.await.unwrap().unwrap().predictions), vec![1]);
        assert_eq!(lengths(second.await.unwrap().unwrap().predictions), vec![2, 3]);
        assert_eq!(lengths(third.await.unwrap().unwrap().predictions), vec![4]);
        assert_eq!(*backend.batches.lock().unwrap(), vec![1, 3], "the two waiting requests ran as one batch");
    }

    #[tokio::test]
    async fn token_budget_splits_batches() {
        let backend = recorder();
        let limits = BatchLimits { max_batch_tokens: 5, ..BatchLimits::default() };
        let batcher = Batcher::start(backend.clone(), limits);
        let gate = backend.gate.lock().unwrap();
        let first = batcher.submit(prepared(&backend, &["x"]), None).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(50));
        let a = batcher.submit(prepared(&backend, &["aaa"]), None).unwrap();
        let b = batcher.submit(prepared(&backend, &["bbb"]), None).unwrap();
        drop(gate);
        for pending in [first, a, b] {
            pending.await.unwrap().unwrap();
        }
        assert_eq!(*backend.batches.lock().unwrap(), vec![1, 1, 1]);
    }

    #[tokio::test]
    async fn full_queue_is_refused_and_expired_or_abandoned_requests_skip_inference() {
        let backend = recorder();
        let limits = BatchLimits { max_queued_requests: 2, ..BatchLimits::default() };
        let batcher = Batcher::start(backend.clone(), limits);
        let gate = backend.gate.lock().unwrap();
        let running = batcher.submit(prepared(&backend, &["run"]), None).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(50));
        let expired = batcher.submit(prepared(&backend, &["late"]), Some(Instant::now())).unwrap();
        let abandoned = batcher.submit(prepared(&backend, &["gone"]), None).unwrap();
        assert!(matches!(
            batcher.submit(prepared(&backend, &["more"]), None),
            Err(BatchError::QueueFull(2))
        ));
        drop(abandoned);
        drop(gate);
        running.await.unwrap().unwrap();
        assert!(matches!(expired.await.unwrap(), Err(BatchError::DeadlineExceeded)));
        assert_eq!(*backend.batches.lock().unwrap(), vec![1], "only the live request reached the backend");
    }

    #[tokio::test]
    async fn a_panicking_batch_fails_alone_and_the_worker_goes_on() {
        let backend = recorder();
        let batcher = Batcher::start(backend.clone(), BatchLimits::default());
        let bad = batcher.submit(prepared(&backend, &["panic"]), None).unwrap();
        assert!(matches!(bad.await.unwrap(), Err(BatchError::Backend(BackendError::Inference(m))) if m.contains("boom")));
        let good = batcher.submit(prepared(&backend, &["ok"]), None).unwrap();
        assert_eq!(good.await.unwrap().unwrap().predictions.len(), 1);
    }
}
