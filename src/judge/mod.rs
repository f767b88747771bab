//! Judgments built on top of backend predictions: the customer's emotion, reply ranking, conversation trends.
//! Everything here is pure computation over already-scored inputs; no I/O, no model calls.

pub mod conversation;
pub mod emotion;
pub mod rank;

pub use emotion::Classification;

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
