//! Judgments built on top of backend predictions: the customer's emotion, reply ranking, conversation trends.
//! Everything here is pure computation over already-scored inputs; no I/O, no model calls.

pub(crate) mod conversation;
pub(crate) mod emotion;
pub(crate) mod rank;

pub use conversation::{ConversationReading, NextMove, RiskEvidence, RiskModel, RiskReason, Trend, TurnFact};
pub use emotion::Classification;
pub use rank::{Components, Conflict, Fault, Missing, ReplyJudgement};

/// Who spoke a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Customer,
    Agent,
}

/// One earlier turn of a conversation.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Turn {
    pub role: Role,
    pub text: String,
}
