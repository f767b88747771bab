//! Where one request's time went, stage by stage, as the request flows api → engine → batcher → judge.
//! The engine fills it in (the batcher reports queue wait and inference through its answer) and the API records
//! it: `gongqing_stage_seconds`, fields of the call's tracing span, and a warning for slow requests.

use std::time::Duration;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// Checking the request against the limits.
    pub validation: Duration,
    /// Turning texts into token ids (and the lexicon's scores), on the blocking pool.
    pub tokenization: Duration,
    /// From entering the batcher's queue to the start of the batch that ran the texts.
    pub queue_wait: Duration,
    /// The backend's pass over that batch (shared with the other requests merged into it).
    pub inference: Duration,
    /// Reading emotions, ranking replies or assessing the conversation from the predictions.
    pub judgment: Duration,
}

impl StageTimes {
    /// The stage names as they appear in the `stage` label and in logs.
    pub const NAMES: [&'static str; 5] = ["validation", "tokenization", "queue_wait", "inference", "judgment"];

    /// Each stage with its name, in the order a request passes them.
    pub fn stages(&self) -> [(&'static str, Duration); 5] {
        let [validation, tokenization, queue_wait, inference, judgment] = Self::NAMES;
        [
            (validation, self.validation),
            (tokenization, self.tokenization),
            (queue_wait, self.queue_wait),
            (inference, self.inference),
            (judgment, self.judgment),
        ]
    }

    /// The time spent in the stages together (less than the call's latency: decoding, hand-offs between
    /// threads and encoding the answer are not stages).
    pub fn total(&self) -> Duration {
        self.stages().iter().map(|(_, spent)| *spent).sum()
    }
}
