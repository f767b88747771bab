//! MonitorConversation's per-stream state: the turns kept for each conversation, the alert with hysteresis, and
//! the limits (conversations per stream, turns kept, idle eviction) that bound one stream's memory.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::engine::{Engine, EngineError};
use crate::judge::conversation::{ConversationReading, TurnFact};
use crate::judge::Turn;

/// Limits and alert settings of MonitorConversation; `serve` flags set them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonitorLimits {
    /// `alert` becomes true when the risk reaches this.
    pub alert_threshold: f32,
    /// The alert is re-armed only once the risk falls below `alert_threshold - rearm_margin`.
    pub rearm_margin: f32,
    /// Conversations one stream may follow at once; one more is RESOURCE_EXHAUSTED.
    pub max_conversations: usize,
    /// Turns kept per conversation; older turns are dropped from the window the risk reads.
    pub max_turns: usize,
    /// A conversation with no turn for this long is forgotten; its next turn starts it afresh.
    pub idle_timeout: Duration,
    /// Longest `conversation_id`, in bytes.
    pub max_id_bytes: usize,
}

impl Default for MonitorLimits {
    fn default() -> Self {
        Self {
            alert_threshold: 0.6,
            rearm_margin: 0.15,
            max_conversations: 64,
            max_turns: 64,
            idle_timeout: Duration::from_secs(30 * 60),
            max_id_bytes: 128,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MonitorError {
    #[error("conversation_id is empty; give every conversation a stable id")]
    EmptyId,
    #[error("conversation_id is {len} bytes; the limit is {limit} bytes")]
    IdTooLong { len: usize, limit: usize },
    #[error(
        "this stream already follows {limit} conversations (max_conversations_per_stream); end one by sending its \
         conversation_id without a turn, or open another stream"
    )]
    TooManyConversations { limit: usize },
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// What one turn produced: the update for the client.
#[derive(Debug, Clone)]
pub(crate) struct TurnUpdate {
    pub turn_index: usize,
    pub reading: ConversationReading,
    pub alert: bool,
    /// The new turn's own facts (its reading or its review).
    pub fact: TurnFact,
}

/// The alert with hysteresis: fires once when the risk reaches the threshold, re-arms only below the threshold
/// minus the margin, so a risk hovering around the threshold alerts once.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Alarm {
    fired: bool,
}

impl Alarm {
    /// Takes the risk after a turn; true when this update carries the alert.
    pub fn observe(&mut self, risk: f32, limits: &MonitorLimits) -> bool {
        if !self.fired && risk >= limits.alert_threshold {
            self.fired = true;
            return true;
        }
        if self.fired && risk < limits.alert_threshold - limits.rearm_margin {
            self.fired = false;
        }
        false
    }
}

struct Conversation {
    turns: Vec<Turn>,
    facts: Vec<TurnFact>,
    received: usize,
    alarm: Alarm,
    last_seen: Instant,
}

/// The conversations of one stream. Dropping it (the stream ended or the client went away) frees everything.
pub(crate) struct StreamState {
    conversations: HashMap<String, Conversation>,
    limits: MonitorLimits,
}

impl StreamState {
    pub fn new(limits: MonitorLimits) -> Self {
        Self { conversations: HashMap::new(), limits }
    }

    fn check_id(&self, id: &str) -> Result<(), MonitorError> {
        if id.is_empty() {
            return Err(MonitorError::EmptyId);
        }
        if id.len() > self.limits.max_id_bytes {
            return Err(MonitorError::IdTooLong { len: id.len(), limit: self.limits.max_id_bytes });
        }
        Ok(())
    }

    /// Forgets one conversation (the client said it ended). Unknown ids are fine.
    pub fn end(&mut self, id: &str) -> Result<(), MonitorError> {
        self.check_id(id)?;
        if self.conversations.remove(id).is_some() {
            crate::metrics::active_conversations_add(-1);
        }
        Ok(())
    }

    fn evict_idle(&mut self, now: Instant) {
        let idle = self.limits.idle_timeout;
        let before = self.conversations.len();
        self.conversations.retain(|_, c| now.duration_since(c.last_seen) < idle);
        let evicted = before - self.conversations.len();
        if evicted > 0 {
            crate::metrics::active_conversations_add(-(evicted as i64));
        }
    }

    /// Reads one turn of conversation `id` and returns its update. On an error the conversation is unchanged.
    pub async fn turn(&mut self, engine: Arc<Engine>, id: &str, turn: Turn) -> Result<TurnUpdate, MonitorError> {
        self.check_id(id)?;
        let now = Instant::now();
        self.evict_idle(now);
        if !self.conversations.contains_key(id) {
            if self.conversations.len() >= self.limits.max_conversations {
                return Err(MonitorError::TooManyConversations { limit: self.limits.max_conversations });
            }
            self.conversations.insert(
                id.to_string(),
                Conversation { turns: Vec::new(), facts: Vec::new(), received: 0, alarm: Alarm::default(), last_seen: now },
            );
            crate::metrics::active_conversations_add(1);
        }
        let limits = self.limits;
        let Some(conversation) = self.conversations.get_mut(id) else {
            return Err(MonitorError::Engine(EngineError::Internal(format!(
                "conversation {id:?} vanished right after it was added"
            ))));
        };
        let index = conversation.received;
        let fact = engine.clone().read_turn(index, &conversation.turns, &conversation.facts, &turn, None).await?;
        conversation.turns.push(turn);
        conversation.facts.push(fact.clone());
        if conversation.turns.len() > limits.max_turns {
            let excess = conversation.turns.len() - limits.max_turns;
            conversation.turns.drain(..excess);
            conversation.facts.drain(..excess.min(conversation.facts.len()));
        }
        conversation.received += 1;
        conversation.last_seen = Instant::now();
        let reading = engine.assess(&conversation.facts);
        let alert = conversation.alarm.observe(reading.escalation_risk, &limits);
        if alert {
            crate::metrics::observe_alert();
        }
        Ok(TurnUpdate { turn_index: index, reading, alert, fact })
    }
}

impl Drop for StreamState {
    fn drop(&mut self) {
        if !self.conversations.is_empty() {
            crate::metrics::active_conversations_add(-(self.conversations.len() as i64));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alarm_fires_once_per_crossing_and_rearms_only_below_the_margin() {
        let limits = MonitorLimits::default();
        let mut alarm = Alarm::default();
        let risks = [0.3, 0.61, 0.9, 0.5, 0.7, 0.44, 0.59, 0.6, 0.95];
        let fired: Vec<bool> = risks.iter().map(|r| alarm.observe(*r, &limits)).collect();
        // 0.5 is below the threshold but not below 0.45, so 0.7 does not alert again; 0.44 re-arms it.
        assert_eq!(fired, [false, true, false, false, false, false, false, true, false]);
    }
}
