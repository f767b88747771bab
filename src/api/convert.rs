//! Conversions between the engine's types and the generated protobuf messages.

use crate::backend::BackendKind;
use crate::batch::BatchError;
use crate::engine::EngineError;
use crate::judge::rank::{Fault, Missing, ReplyJudgement};
use crate::judge::conversation::{ConversationReading, NextMove, RiskReason, Trend, TurnFacts};
use crate::monitor::{MonitorError, TurnUpdate};
use crate::judge::{Classification, Role, Turn};
use crate::labels::{Emotion, Polarity};
use crate::proto;

pub fn polarity(p: Polarity) -> proto::Polarity {
    match p {
        Polarity::Negative => proto::Polarity::Negative,
        Polarity::Neutral => proto::Polarity::Neutral,
        Polarity::Positive => proto::Polarity::Positive,
    }
}

pub fn emotion(e: Emotion) -> proto::Emotion {
    match e {
        Emotion::Anger => proto::Emotion::Anger,
        Emotion::Anxiety => proto::Emotion::Anxiety,
        Emotion::Disappointment => proto::Emotion::Disappointment,
        Emotion::Confusion => proto::Emotion::Confusion,
        Emotion::Gratitude => proto::Emotion::Gratitude,
        Emotion::Satisfaction => proto::Emotion::Satisfaction,
        Emotion::Neutral => proto::Emotion::Neutral,
    }
}

pub fn backend(kind: BackendKind) -> proto::Backend {
    match kind {
        BackendKind::Model => proto::Backend::Model,
        BackendKind::Lexicon => proto::Backend::Lexicon,
    }
}

fn missing(m: Missing) -> proto::Missing {
    match m {
        Missing::Acknowledgement => proto::Missing::Acknowledgement,
        Missing::Ownership => proto::Missing::Ownership,
        Missing::NextStep => proto::Missing::NextStep,
        Missing::TimeFrame => proto::Missing::TimeFrame,
        Missing::AgreementCheck => proto::Missing::AgreementCheck,
        Missing::PersonalClosing => proto::Missing::PersonalClosing,
        Missing::Relevance => proto::Missing::Relevance,
    }
}

fn fault(f: Fault) -> proto::Fault {
    match f {
        Fault::FormulaicApology => proto::Fault::FormulaicApology,
        Fault::ScriptedClosing => proto::Fault::ScriptedClosing,
        Fault::Blame => proto::Fault::Blame,
        Fault::Dismissive => proto::Fault::Dismissive,
        Fault::OverPromise => proto::Fault::OverPromise,
        Fault::Parroting => proto::Fault::Parroting,
        Fault::OffTopic => proto::Fault::OffTopic,
        Fault::Rude => proto::Fault::Rude,
        Fault::AsksForGivenInfo => proto::Fault::AsksForGivenInfo,
        Fault::RepeatsFailedStep => proto::Fault::RepeatsFailedStep,
        Fault::IgnoresPreference => proto::Fault::IgnoresPreference,
        Fault::MissesDeadline => proto::Fault::MissesDeadline,
        Fault::WrongFact => proto::Fault::WrongFact,
        Fault::UnansweredQuestion => proto::Fault::UnansweredQuestion,
        Fault::ImpossiblePromise => proto::Fault::ImpossiblePromise,
        Fault::IgnoresBrokenPromise => proto::Fault::IgnoresBrokenPromise,
    }
}

pub fn classification(c: &Classification) -> proto::Classification {
    proto::Classification {
        polarity: polarity(c.polarity) as i32,
        polarity_scores: Some(proto::PolarityScores {
            negative: c.polarity_scores[Polarity::Negative.index()],
            neutral: c.polarity_scores[Polarity::Neutral.index()],
            positive: c.polarity_scores[Polarity::Positive.index()],
        }),
        emotion: emotion(c.emotion) as i32,
        emotion_intensity: c.emotion_intensity,
        backend: backend(c.backend) as i32,
        evidence: c
            .evidence
            .iter()
            .map(|cue| proto::Evidence { term: cue.term.clone(), kind: cue.kind.name(), weight: cue.weight })
            .collect(),
        truncated: c.truncated,
        tokens: c.tokens,
        emotion_scores: Emotion::ALL
            .iter()
            .map(|e| proto::EmotionScore { emotion: emotion(*e) as i32, score: c.emotion_scores[e.index()] })
            .collect(),
    }
}

pub fn ranked_reply(judgement: &ReplyJudgement, candidates: &[String]) -> proto::RankedReply {
    let c = &judgement.components;
    proto::RankedReply {
        index: judgement.index as u32,
        score: judgement.score,
        components: Some(proto::ComponentScores {
            acknowledgement: c.acknowledgement,
            ownership: c.ownership,
            next_step: c.next_step,
            time_frame: c.time_frame,
            agreement_check: c.agreement_check,
            personal_closing: c.personal_closing,
            relevance: c.relevance,
            tone: c.tone,
            penalty: c.penalty,
        }),
        reason: judgement.reason.clone(),
        missing: judgement.missing.iter().map(|m| missing(*m) as i32).collect(),
        faults: judgement.faults.iter().map(|f| fault(*f) as i32).collect(),
        text: candidates.get(judgement.index).cloned().unwrap_or_default(),
        conflicts: judgement
            .conflicts
            .iter()
            .map(|c| proto::Conflict {
                fault: fault(c.fault) as i32,
                reply_span: c.reply_span.clone(),
                context_turn: c.context_turn,
                context_span: c.context_span.clone(),
            })
            .collect(),
    }
}

/// Reads request turns; an unspecified or unknown role is a caller error naming `field`.
pub fn turns(turns: Vec<proto::Turn>, field: &str) -> Result<Vec<Turn>, tonic::Status> {
    turns
        .into_iter()
        .enumerate()
        .map(|(i, turn)| {
            let role = match proto::Role::try_from(turn.role) {
                Ok(proto::Role::Customer) => Role::Customer,
                Ok(proto::Role::Agent) => Role::Agent,
                _ => {
                    return Err(tonic::Status::invalid_argument(format!(
                        "{field}[{i}].role must be ROLE_CUSTOMER or ROLE_AGENT"
                    )))
                }
            };
            Ok(Turn { role, text: turn.text })
        })
        .collect()
}

/// The status a caller can act on: the request's own faults name what to fix, overload and deadlines say to back
/// off or allow more time, and everything else is the server's failure: INTERNAL, with the details only in the log.
pub fn status(error: EngineError) -> tonic::Status {
    match error {
        EngineError::InvalidInput(message) => tonic::Status::invalid_argument(message),
        EngineError::Batch(e @ BatchError::QueueFull(_)) => tonic::Status::resource_exhausted(e.to_string()),
        EngineError::Batch(e @ BatchError::DeadlineExceeded) => tonic::Status::deadline_exceeded(e.to_string()),
        EngineError::Batch(e @ BatchError::Closed) => tonic::Status::unavailable(e.to_string()),
        EngineError::Internal(detail) => crate::failure::internal_status(&detail),
        other @ (EngineError::Backend(_)
        | EngineError::Batch(BatchError::Backend(_))
        | EngineError::ModelRequired(_)
        | EngineError::RiskModel { .. }
        | EngineError::Lexicon(_)
        | EngineError::Ranking(_)) => crate::failure::internal_status(&other.to_string()),
    }
}

fn risk_reason(r: RiskReason) -> proto::RiskReason {
    match r {
        RiskReason::RisingAnger => proto::RiskReason::RisingAnger,
        RiskReason::RepeatedContact => proto::RiskReason::RepeatedContact,
        RiskReason::PublicComplaintThreat => proto::RiskReason::PublicComplaintThreat,
        RiskReason::RegulatorThreat => proto::RiskReason::RegulatorThreat,
        RiskReason::MoneyAnxiety => proto::RiskReason::MoneyAnxiety,
        RiskReason::BrokenPromise => proto::RiskReason::BrokenPromise,
        RiskReason::PersistentNegativity => proto::RiskReason::PersistentNegativity,
        RiskReason::AsksForSupervisor => proto::RiskReason::AsksForSupervisor,
        RiskReason::ChurnThreat => proto::RiskReason::ChurnThreat,
        RiskReason::ChargeDispute => proto::RiskReason::ChargeDispute,
        RiskReason::ColdWithdrawal => proto::RiskReason::ColdWithdrawal,
        RiskReason::PoorAgentReply => proto::RiskReason::PoorAgentReply,
    }
}

fn trend(t: Trend) -> proto::Trend {
    match t {
        Trend::Improving => proto::Trend::Improving,
        Trend::Stable => proto::Trend::Stable,
        Trend::Worsening => proto::Trend::Worsening,
    }
}

/// One MonitorConversation update.
pub fn monitor_update(conversation_id: &str, update: &TurnUpdate, text: &str) -> proto::MonitorUpdate {
    let (reading, agent_review) = match &update.fact.facts {
        TurnFacts::Customer { reading, .. } => (Some(classification(reading)), None),
        TurnFacts::Agent { review } => (None, Some(ranked_reply(review, &[text.to_string()]))),
    };
    proto::MonitorUpdate {
        conversation_id: conversation_id.to_string(),
        turn_index: u32::try_from(update.turn_index).unwrap_or(u32::MAX),
        escalation_risk: update.reading.escalation_risk,
        alert: update.alert,
        reasons: update.reading.reasons.iter().map(|r| risk_reason(*r) as i32).collect(),
        trend: trend(update.reading.trend) as i32,
        suggestion: update.reading.suggestion.clone(),
        reading,
        agent_review,
    }
}

pub fn monitor_status(error: MonitorError) -> tonic::Status {
    match error {
        MonitorError::Engine(e) => status(e),
        e @ MonitorError::TooManyConversations { .. } => tonic::Status::resource_exhausted(e.to_string()),
        e @ (MonitorError::EmptyId | MonitorError::IdTooLong { .. }) => tonic::Status::invalid_argument(e.to_string()),
    }
}

pub fn conversation(reading: &ConversationReading) -> proto::AnalyzeConversationResponse {
    proto::AnalyzeConversationResponse {
        turns: reading
            .turns
            .iter()
            .map(|(index, c)| proto::TurnReading { index: *index as u32, classification: Some(classification(c)) })
            .collect(),
        trend: trend(reading.trend) as i32,
        escalation_risk: reading.escalation_risk,
        reasons: reading.reasons.iter().map(|r| risk_reason(*r) as i32).collect(),
        next_move: match reading.next_move {
            NextMove::AcknowledgeFirst => proto::NextMove::AcknowledgeFirst,
            NextMove::OwnAndAct => proto::NextMove::OwnAndAct,
            NextMove::EscalateToSupervisor => proto::NextMove::EscalateToSupervisor,
            NextMove::ConfirmAndClose => proto::NextMove::ConfirmAndClose,
            NextMove::Answer => proto::NextMove::Answer,
        } as i32,
        suggestion: reading.suggestion.clone(),
        risk_evidence: reading
            .evidence
            .iter()
            .map(|e| proto::Evidence {
                term: e.term.clone(),
                kind: format!("risk:{}", e.reason.name()),
                weight: 0.0,
            })
            .collect(),
    }
}

/// The canonical gRPC name of a status code, e.g. `INVALID_ARGUMENT`.
pub fn code_name(code: tonic::Code) -> &'static str {
    use tonic::Code::*;
    match code {
        Ok => "OK",
        Cancelled => "CANCELLED",
        Unknown => "UNKNOWN",
        InvalidArgument => "INVALID_ARGUMENT",
        DeadlineExceeded => "DEADLINE_EXCEEDED",
        NotFound => "NOT_FOUND",
        AlreadyExists => "ALREADY_EXISTS",
        PermissionDenied => "PERMISSION_DENIED",
        ResourceExhausted => "RESOURCE_EXHAUSTED",
        FailedPrecondition => "FAILED_PRECONDITION",
        Aborted => "ABORTED",
        OutOfRange => "OUT_OF_RANGE",
        Unimplemented => "UNIMPLEMENTED",
        Internal => "INTERNAL",
        Unavailable => "UNAVAILABLE",
        DataLoss => "DATA_LOSS",
        Unauthenticated => "UNAUTHENTICATED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::BackendError;

    #[test]
    fn caller_errors_keep_their_codes_and_server_failures_are_internal_without_details() {
        let code = |e: EngineError| status(e).code();
        assert_eq!(code(EngineError::InvalidInput("texts is empty".into())), tonic::Code::InvalidArgument);
        assert_eq!(code(EngineError::Batch(BatchError::QueueFull(4))), tonic::Code::ResourceExhausted);
        assert_eq!(code(EngineError::Batch(BatchError::DeadlineExceeded)), tonic::Code::DeadlineExceeded);
        assert_eq!(code(EngineError::Batch(BatchError::Closed)), tonic::Code::Unavailable);
        for failure in [
            EngineError::Internal("tokenization panicked: index out of bounds".into()),
            EngineError::Backend(BackendError::Tokenization("the tokenizer choked".into())),
            EngineError::Batch(BatchError::Backend(BackendError::Inference("inference panicked: boom".into()))),
        ] {
            let answer = status(failure);
            assert_eq!(answer.code(), tonic::Code::Internal);
            assert_eq!(answer.message(), crate::failure::INTERNAL_MESSAGE);
        }
    }
}
