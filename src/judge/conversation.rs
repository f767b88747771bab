//! Conversation monitoring: per-turn facts (the customer's reading, a review of each agent reply), named
//! trajectory features, and a calibrated logistic model that turns them into the risk that the customer escalates.

use serde::Serialize;

use super::rank::{CaseView, Fault, Ranker, ReplyJudgement};
use super::{Classification, Role, Turn};
use crate::labels::{Emotion, Polarity};
use crate::wordlist::{self, Columns};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Improving,
    Stable,
    Worsening,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskReason {
    RisingAnger,
    RepeatedContact,
    PublicComplaintThreat,
    RegulatorThreat,
    MoneyAnxiety,
    BrokenPromise,
    PersistentNegativity,
    AsksForSupervisor,
    ChurnThreat,
    ChargeDispute,
    ColdWithdrawal,
    PoorAgentReply,
}

impl RiskReason {
    pub fn name(self) -> &'static str {
        match self {
            RiskReason::RisingAnger => "rising_anger",
            RiskReason::RepeatedContact => "repeated_contact",
            RiskReason::PublicComplaintThreat => "public_complaint_threat",
            RiskReason::RegulatorThreat => "regulator_threat",
            RiskReason::MoneyAnxiety => "money_anxiety",
            RiskReason::BrokenPromise => "broken_promise",
            RiskReason::PersistentNegativity => "persistent_negativity",
            RiskReason::AsksForSupervisor => "asks_for_supervisor",
            RiskReason::ChurnThreat => "churn_threat",
            RiskReason::ChargeDispute => "charge_dispute",
            RiskReason::ColdWithdrawal => "cold_withdrawal",
            RiskReason::PoorAgentReply => "poor_agent_reply",
        }
    }

    /// Reasons that name a way out of the conversation (complaint, regulator, public, churn, bank dispute).
    fn is_threat(self) -> bool {
        matches!(
            self,
            RiskReason::PublicComplaintThreat
                | RiskReason::RegulatorThreat
                | RiskReason::AsksForSupervisor
                | RiskReason::ChurnThreat
                | RiskReason::ChargeDispute
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NextMove {
    AcknowledgeFirst,
    OwnAndAct,
    EscalateToSupervisor,
    ConfirmAndClose,
    Answer,
}

impl NextMove {
    pub fn suggestion(self) -> &'static str {
        match self {
            NextMove::AcknowledgeFirst => "先点明并接住客户的情绪，再谈解决办法，避免套话式道歉",
            NextMove::OwnAndAct => "主动承担责任，给出具体的下一步和完成时间，并确认客户是否接受",
            NextMove::EscalateToSupervisor => "风险较高：先真诚致歉并安抚，随即转交主管或专人跟进，告知对方姓名和回复时间",
            NextMove::ConfirmAndClose => "确认问题已解决、客户满意，用个性化的方式结束对话",
            NextMove::Answer => "直接、准确地回答客户的问题，并确认是否还有其他需要",
        }
    }
}

/// A term in the conversation that triggered a risk reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskEvidence {
    pub term: String,
    pub reason: RiskReason,
    /// Index of the turn it was found in.
    pub turn: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConversationReading {
    /// The customer's turns: index into the request's turns, and the reading.
    pub turns: Vec<(usize, Classification)>,
    pub trend: Trend,
    /// Probability that the conversation escalates, from the fitted risk model.
    pub escalation_risk: f32,
    pub reasons: Vec<RiskReason>,
    pub next_move: NextMove,
    pub suggestion: String,
    pub evidence: Vec<RiskEvidence>,
}

/// What the cue lists found in one customer turn.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TurnCues {
    /// Threats and other risk reasons meant in earnest (hypothetical threats are left out).
    pub found: Vec<RiskEvidence>,
    /// A threat word framed as hypothetical, past or withdrawn, or said in a positive turn.
    pub hypothetical_threat: bool,
    pub withdrawal: bool,
    pub resolved: bool,
    /// Goes along with the agent's plan, even while grumbling.
    pub accepts: bool,
    /// Asks something (a question mark or a question particle).
    pub asks: bool,
}

/// What is known about one turn once it has been read; the risk is a function of these facts only, so the
/// stream and the unary call agree whenever they hold the same turns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum TurnFacts {
    Customer { reading: Classification, cues: TurnCues },
    Agent { review: ReplyJudgement },
}

/// One turn and its facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurnFact {
    /// Index of the turn in its conversation.
    pub index: usize,
    pub facts: TurnFacts,
}

/// Cue lists from `models/conversation/`.
pub struct RiskCues {
    reasons: Vec<(RiskReason, Vec<String>)>,
    hypothetical: Vec<String>,
    withdrawal: Vec<String>,
    resolved: Vec<String>,
    accepts: Vec<String>,
}

/// Every conversation list is plain entries, matched as substrings of a customer turn.
pub(crate) const LIST_COLUMNS: Columns = Columns::EntryOnly;

/// A list compiled into the binary; the test that loads every list under `models/` keeps these valid.
fn compiled_in(list: &str, text: &str) -> Vec<String> {
    match wordlist::parse(list, text, LIST_COLUMNS) {
        Ok(entries) => entries.into_iter().map(|e| e.entry.to_string()).collect(),
        Err(e) => panic!("compiled-in conversation list: {e}"),
    }
}

macro_rules! list {
    ($name:literal) => {
        compiled_in(
            concat!("conversation/", $name, ".txt"),
            include_str!(concat!("../../models/conversation/", $name, ".txt")),
        )
    };
}

fn any_of<'a>(list: &'a [String], text: &str) -> Option<&'a String> {
    list.iter().find(|t| text.contains(t.as_str()))
}

impl RiskCues {
    pub fn embedded() -> RiskCues {
        RiskCues {
            reasons: vec![
                (RiskReason::PublicComplaintThreat, list!("public_complaint")),
                (RiskReason::RegulatorThreat, list!("regulator")),
                (RiskReason::AsksForSupervisor, list!("supervisor")),
                (RiskReason::ChurnThreat, list!("churn")),
                (RiskReason::ChargeDispute, list!("dispute")),
                (RiskReason::RepeatedContact, list!("repeated_contact")),
                (RiskReason::MoneyAnxiety, list!("money")),
                (RiskReason::BrokenPromise, list!("broken_promise")),
            ],
            hypothetical: list!("hypothetical"),
            withdrawal: list!("withdrawal"),
            resolved: list!("resolved"),
            accepts: list!("accepts"),
        }
    }

    /// Reads one customer turn's cues; the reading decides whether money talk and threats are meant.
    pub fn read_turn(&self, text: &str, index: usize, reading: &Classification) -> TurnCues {
        let mut found = Vec::new();
        for (reason, list) in &self.reasons {
            if let Some(term) = any_of(list, text) {
                found.push(RiskEvidence { term: term.clone(), reason: *reason, turn: index });
            }
        }
        let negative = reading.polarity == Polarity::Negative;
        // Money only signals risk when the customer is upset about it, not in a plain question.
        found.retain(|e| e.reason != RiskReason::MoneyAnxiety || negative);
        let positive = reading.polarity_scores[Polarity::Positive.index()]
            > reading.polarity_scores[Polarity::Negative.index()];
        let framed = any_of(&self.hypothetical, text).is_some();
        let resolved = any_of(&self.resolved, text).is_some();
        // A positive reading alone does not disarm a threat: a sarcastic or coldly polite threat ("行，我理解，
        // ...") reads positive too. It takes a framing word, or a happy turn that says the problem is solved.
        let mut hypothetical_threat = false;
        if framed || (positive && resolved) {
            let before = found.len();
            found.retain(|e| !e.reason.is_threat());
            hypothetical_threat = found.len() < before;
        }
        TurnCues {
            found,
            hypothetical_threat,
            withdrawal: any_of(&self.withdrawal, text).is_some(),
            resolved,
            accepts: any_of(&self.accepts, text).is_some(),
            asks: text.contains('？') || text.contains('?') || text.trim_end().ends_with('吗'),
        }
    }
}

/// The one call into the ranking machinery: reviews an agent `reply` against the turns before it, as the
/// answer to the latest customer turn there: its faults include the conversation conflicts (asking again for
/// what was given, ignoring a broken promise, ...).
pub fn review_reply(ranker: &Ranker, before: &[Turn], reply: &str, reading: Option<&Classification>) -> ReplyJudgement {
    let last_customer = before.iter().rposition(|t| t.role == Role::Customer);
    let (customer, context) = match last_customer {
        Some(i) => (before[i].text.as_str(), &before[..i]),
        None => ("", before),
    };
    let candidates = [reply.to_string()];
    let judged = ranker.rank_case(&CaseView {
        customer,
        context,
        candidates: &candidates,
        emotion: reading.map(|r| (r.emotion, r.emotion_intensity)),
        negative: reading.map(|r| r.polarity == Polarity::Negative),
        pair: None,
    });
    judged.into_iter().next().unwrap_or(ReplyJudgement {
        index: 0,
        score: 0.5,
        components: Default::default(),
        missing: Vec::new(),
        faults: Vec::new(),
        conflicts: Vec::new(),
        reason: String::new(),
    })
}

/// How much a fault in an agent reply counts: scripted formulas half, anything that contradicts, blames or
/// dismisses in full (faults added to the ranker later count in full too).
fn fault_weight(fault: Fault) -> f32 {
    match fault {
        Fault::FormulaicApology | Fault::ScriptedClosing | Fault::Parroting => 0.5,
        _ => 1.0,
    }
}

/// How upset one reading is, 0..1: negative probability, raised by intensity and by anger.
fn distress(c: &Classification) -> f32 {
    let negative = c.polarity_scores[Polarity::Negative.index()];
    let anger = if c.emotion == Emotion::Anger { 0.15 } else { 0.0 };
    (negative * (0.6 + 0.4 * c.emotion_intensity) + anger).clamp(0.0, 1.0)
}

/// Least-squares slope of values over their positions.
fn slope(values: &[f32]) -> f32 {
    let n = values.len() as f32;
    if values.len() < 2 {
        return 0.0;
    }
    let mean_x = (n - 1.0) / 2.0;
    let mean_y = values.iter().sum::<f32>() / n;
    let (mut num, mut den) = (0.0, 0.0);
    for (i, y) in values.iter().enumerate() {
        let dx = i as f32 - mean_x;
        num += dx * (y - mean_y);
        den += dx * dx;
    }
    num / den
}

/// Distress change per customer turn beyond which the trend counts as moving.
const TREND_STEP: f32 = 0.08;

/// Names of the trajectory features, in the order [`features`] returns them and `risk_model.json` stores them.
pub const FEATURES: [&str; 23] = [
    "last_negative",
    "last_positive",
    "peak_distress",
    "calmed",
    "last_anger",
    "threat_now",
    "threat_before",
    "hypothetical_threat",
    "repeated_contact",
    "broken_promise",
    "withdrawal_now",
    "resolved_now",
    "last_reply_quality",
    "reply_faults",
    "calmed_after_good_reply",
    "customer_turns",
    "money_upset",
    "negative_run",
    "last_neutral",
    "accepts_now",
    "asks_now",
    "cool_after_trouble",
    "accepts_good_reply",
];
pub const N_FEATURES: usize = FEATURES.len();

/// The trajectory features of a conversation so far (`facts` oldest first).
pub fn features(facts: &[TurnFact]) -> [f32; N_FEATURES] {
    let customers: Vec<(&Classification, &TurnCues)> = facts
        .iter()
        .filter_map(|f| match &f.facts {
            TurnFacts::Customer { reading, cues } => Some((reading, cues)),
            TurnFacts::Agent { .. } => None,
        })
        .collect();
    let reviews: Vec<&ReplyJudgement> = facts
        .iter()
        .filter_map(|f| match &f.facts {
            TurnFacts::Agent { review } => Some(review),
            TurnFacts::Customer { .. } => None,
        })
        .collect();
    let has = |cues: &TurnCues, pred: &dyn Fn(RiskReason) -> bool| cues.found.iter().any(|e| pred(e.reason));
    let distresses: Vec<f32> = customers.iter().map(|(c, _)| distress(c)).collect();
    let last = customers.last();
    let last_distress = distresses.last().copied().unwrap_or(0.0);
    let peak = distresses.iter().copied().fold(0.0f32, f32::max);
    let count = |pred: &dyn Fn(&TurnCues) -> bool| customers.iter().filter(|(_, cues)| pred(cues)).count() as f32;
    let threat_now = last.is_some_and(|(_, cues)| has(cues, &RiskReason::is_threat));
    let earlier = customers.len().saturating_sub(1);
    let threat_before = customers[..earlier].iter().any(|(_, cues)| has(cues, &RiskReason::is_threat));
    // The latest agent reply, when it came after the latest customer turn or just before it.
    let last_quality = reviews.last().map_or(0.5, |r| r.score);
    let faults: f32 = reviews.iter().map(|r| r.faults.iter().map(|f| fault_weight(*f)).sum::<f32>()).sum();
    let calmed = (peak - last_distress).max(0.0);
    let negative_run = customers.iter().rev().take_while(|(c, _)| c.polarity == Polarity::Negative).count() as f32;
    let repeated = (count(&|c| has(c, &|r| r == RiskReason::RepeatedContact)) / 2.0).min(1.0);
    let broken = (count(&|c| has(c, &|r| r == RiskReason::BrokenPromise)) / 2.0).min(1.0);
    let last_neutral = last.map_or(0.0, |(c, _)| c.polarity_scores[Polarity::Neutral.index()]);
    let accepts = last.is_some_and(|(_, c)| c.accepts);
    // Trouble the customer has been through: coming back, promises broken, poor replies.
    let trouble = repeated.max(broken).max((faults / 2.0).min(1.0));
    [
        last.map_or(0.0, |(c, _)| c.polarity_scores[Polarity::Negative.index()]),
        last.map_or(0.0, |(c, _)| c.polarity_scores[Polarity::Positive.index()]),
        peak,
        calmed,
        last.map_or(0.0, |(c, _)| c.emotion_scores[Emotion::Anger.index()]),
        f32::from(u8::from(threat_now)),
        f32::from(u8::from(threat_before)),
        count(&|c| c.hypothetical_threat).min(1.0),
        repeated,
        broken,
        f32::from(u8::from(last.is_some_and(|(_, c)| c.withdrawal))),
        f32::from(u8::from(last.is_some_and(|(_, c)| c.resolved))),
        last_quality,
        (faults / 2.0).min(1.5),
        calmed * last_quality,
        (customers.len() as f32 / 4.0).min(1.5),
        f32::from(u8::from(customers.iter().any(|(_, c)| has(c, &|r| r == RiskReason::MoneyAnxiety)))),
        (negative_run / 3.0).min(1.0),
        last_neutral,
        f32::from(u8::from(accepts)),
        f32::from(u8::from(last.is_some_and(|(_, c)| c.asks))),
        // A cool, neither-angry-nor-warm last word after trouble is how polite customers say goodbye for good.
        last_neutral * trouble,
        f32::from(u8::from(accepts)) * last_quality,
    ]
}

/// The fitted logistic model over [`FEATURES`] (`models/conversation/risk_model.json`, written by
/// `examples/fit_conversation_risk.rs`): standardised features, coefficients, intercept.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, Serialize)]
pub struct RiskModel {
    pub features: Vec<String>,
    pub mean: Vec<f32>,
    pub scale: Vec<f32>,
    pub coef: Vec<f32>,
    pub bias: f32,
}

#[derive(Debug, thiserror::Error)]
pub enum RiskModelError {
    #[error("risk model is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("risk model has features {found:?}; this build computes {expected:?}: refit it with examples/fit_conversation_risk.rs")]
    Features { found: Vec<String>, expected: Vec<String> },
}

impl RiskModel {
    pub fn from_json(text: &str) -> Result<RiskModel, RiskModelError> {
        let model: RiskModel = serde_json::from_str(text)?;
        let expected: Vec<String> = FEATURES.iter().map(|s| s.to_string()).collect();
        let shaped = [model.mean.len(), model.scale.len(), model.coef.len()].iter().all(|n| *n == N_FEATURES);
        if model.features != expected || !shaped {
            return Err(RiskModelError::Features { found: model.features, expected });
        }
        Ok(model)
    }

    /// The bundled model; a hand-set prior when it does not match this build (logged once at start).
    pub fn embedded() -> RiskModel {
        RiskModel::from_json(include_str!("../../models/conversation/risk_model.json")).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "bundled conversation risk model unusable; using the hand-set prior");
            RiskModel::prior()
        })
    }

    /// Hand-set weights in raw feature units: the starting point before any fit.
    pub fn prior() -> RiskModel {
        let coef = [
            1.5, -1.0, 0.5, -1.0, 0.8, 2.0, 0.5, -0.5, 0.8, 0.8, 1.0, -1.5, -1.0, 0.8, -1.0, 0.3, 0.3, 0.8, 0.0,
            -0.5, -0.3, 1.0, -0.5,
        ];
        RiskModel {
            features: FEATURES.iter().map(|s| s.to_string()).collect(),
            mean: vec![0.0; N_FEATURES],
            scale: vec![1.0; N_FEATURES],
            coef: coef.to_vec(),
            bias: -2.0,
        }
    }

    /// P(escalates | features).
    pub fn probability(&self, x: &[f32; N_FEATURES]) -> f32 {
        let z: f32 = x
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let scale = if self.scale[i].abs() > 1e-6 { self.scale[i] } else { 1.0 };
                self.coef[i] * (v - self.mean[i]) / scale
            })
            .sum::<f32>()
            + self.bias;
        let p = 1.0 / (1.0 + (-z).exp());
        if p.is_finite() {
            p
        } else {
            0.5
        }
    }
}

/// Reads the conversation so far from the facts of its turns, oldest first.
pub fn assess(facts: &[TurnFact], model: &RiskModel) -> ConversationReading {
    let x = features(facts);
    let escalation_risk = model.probability(&x).clamp(0.0, 1.0);
    let readings: Vec<(usize, Classification)> = facts
        .iter()
        .filter_map(|f| match &f.facts {
            TurnFacts::Customer { reading, .. } => Some((f.index, reading.clone())),
            TurnFacts::Agent { .. } => None,
        })
        .collect();
    let distresses: Vec<f32> = readings.iter().map(|(_, c)| distress(c)).collect();
    let trend = match slope(&distresses) {
        s if s > TREND_STEP => Trend::Worsening,
        s if s < -TREND_STEP => Trend::Improving,
        _ => Trend::Stable,
    };
    let mut evidence = Vec::new();
    for fact in facts {
        if let TurnFacts::Customer { cues, .. } = &fact.facts {
            evidence.extend(cues.found.iter().cloned());
        }
    }
    let mut reasons: Vec<RiskReason> = Vec::new();
    let add = |reasons: &mut Vec<RiskReason>, r: RiskReason| {
        if !reasons.contains(&r) {
            reasons.push(r);
        }
    };
    // A customer who has calmed down keeps the history but not the alarm: earlier threats are named only while
    // the customer is still upset.
    let last = readings.last().map(|(_, c)| c);
    let still_upset = last.is_some_and(|c| c.polarity == Polarity::Negative);
    let last_turn = readings.last().map(|(i, _)| *i);
    for e in &evidence {
        if still_upset || Some(e.turn) == last_turn {
            add(&mut reasons, e.reason);
        }
    }
    let angers: Vec<f32> = readings.iter().map(|(_, c)| c.emotion_scores[Emotion::Anger.index()]).collect();
    if angers.len() >= 2 && last.is_some_and(|c| c.emotion == Emotion::Anger) && slope(&angers) > 0.0 && trend != Trend::Improving {
        add(&mut reasons, RiskReason::RisingAnger);
    }
    if x[17] >= 1.0 {
        add(&mut reasons, RiskReason::PersistentNegativity);
    }
    if x[10] > 0.0 && x[11] == 0.0 && (x[8] > 0.0 || x[9] > 0.0 || x[13] > 0.0) {
        add(&mut reasons, RiskReason::ColdWithdrawal);
    }
    if x[13] >= 0.5 && still_upset {
        add(&mut reasons, RiskReason::PoorAgentReply);
    }
    let next_move = match last {
        None => NextMove::Answer,
        Some(_) if escalation_risk >= 0.75 || (still_upset && reasons.iter().any(|r| r.is_threat())) => {
            NextMove::EscalateToSupervisor
        }
        Some(c) if c.polarity == Polarity::Positive => NextMove::ConfirmAndClose,
        Some(c)
            if c.polarity == Polarity::Negative
                && (c.emotion == Emotion::Anger || c.emotion_intensity >= 0.6 || !reasons.is_empty()) =>
        {
            NextMove::AcknowledgeFirst
        }
        Some(c) if c.polarity == Polarity::Negative => NextMove::OwnAndAct,
        Some(_) => NextMove::Answer,
    };
    ConversationReading {
        turns: readings,
        trend,
        escalation_risk,
        reasons,
        next_move,
        suggestion: next_move.suggestion().to_string(),
        evidence,
    }
}

/// Reads the facts of every turn of a conversation given the customer turns' readings (index, reading) in order;
/// agent turns are reviewed against the turns before them.
pub fn facts_of(
    turns: &[Turn],
    readings: Vec<(usize, Classification)>,
    cues: &RiskCues,
    ranker: &Ranker,
) -> Vec<TurnFact> {
    let mut readings = readings.into_iter().peekable();
    let mut facts: Vec<TurnFact> = Vec::with_capacity(turns.len());
    for (index, turn) in turns.iter().enumerate() {
        let fact = match turn.role {
            Role::Customer => {
                let reading = match readings.peek() {
                    Some((i, _)) if *i == index => readings.next().map(|(_, r)| r),
                    _ => None,
                };
                match reading {
                    Some(reading) => customer_fact(index, &turn.text, reading, cues),
                    None => continue,
                }
            }
            Role::Agent => agent_fact(index, &turns[..index], &facts, &turn.text, ranker),
        };
        facts.push(fact);
    }
    facts
}

pub fn customer_fact(index: usize, text: &str, reading: Classification, cues: &RiskCues) -> TurnFact {
    let cues = cues.read_turn(text, index, &reading);
    TurnFact { index, facts: TurnFacts::Customer { reading, cues } }
}

/// `before` are the turns before this one (the same window `facts` describe).
pub fn agent_fact(index: usize, before: &[Turn], facts: &[TurnFact], text: &str, ranker: &Ranker) -> TurnFact {
    let reading = facts.iter().rev().find_map(|f| match &f.facts {
        TurnFacts::Customer { reading, .. } => Some(reading),
        TurnFacts::Agent { .. } => None,
    });
    TurnFact { index, facts: TurnFacts::Agent { review: review_reply(ranker, before, text, reading) } }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::BackendKind;

    fn reading(polarity: Polarity, emotion: Emotion, negative: f32, intensity: f32) -> Classification {
        let positive = if polarity == Polarity::Positive { 1.0 - negative - 0.05 } else { (1.0 - negative) / 2.0 };
        let neutral = 1.0 - negative - positive;
        let mut emotion_scores = [0.0; 7];
        emotion_scores[emotion.index()] = 1.0;
        Classification {
            polarity,
            polarity_scores: [negative, neutral, positive],
            emotion,
            emotion_scores,
            emotion_intensity: intensity,
            backend: BackendKind::Lexicon,
            evidence: Vec::new(),
            truncated: false,
            tokens: 0,
        }
    }

    fn customer(text: &str) -> Turn {
        Turn { role: Role::Customer, text: text.into() }
    }

    fn agent(text: &str) -> Turn {
        Turn { role: Role::Agent, text: text.into() }
    }

    fn read(turns: &[Turn], readings: Vec<(usize, Classification)>) -> ConversationReading {
        let facts = facts_of(turns, readings, &RiskCues::embedded(), &Ranker::load().expect("embedded ranking weights parse"));
        assess(&facts, &RiskModel::embedded())
    }

    #[test]
    fn a_regulator_threat_after_broken_promises_is_riskier_than_a_calmed_customer() {
        let heated_turns = vec![
            customer("我的退款还没到"),
            agent("请耐心等待。"),
            customer("第三次问了，说好的三天到账，还是没到"),
            agent("这是系统原因，我们也没办法。"),
            customer("再不处理我就打12315"),
        ];
        let heated = read(
            &heated_turns,
            vec![
                (0, reading(Polarity::Negative, Emotion::Anxiety, 0.5, 0.3)),
                (2, reading(Polarity::Negative, Emotion::Anger, 0.8, 0.6)),
                (4, reading(Polarity::Negative, Emotion::Anger, 0.95, 0.9)),
            ],
        );
        let calm_turns = vec![
            customer("快递怎么还没到，急死了"),
            agent("让您着急了，这次怪我们。已为您加急，今天下午五点前送到，到了我再联系您，可以吗？"),
            customer("好的，谢谢你"),
        ];
        let calm = read(
            &calm_turns,
            vec![
                (0, reading(Polarity::Negative, Emotion::Anxiety, 0.8, 0.7)),
                (2, reading(Polarity::Positive, Emotion::Gratitude, 0.05, 0.5)),
            ],
        );
        for reason in [RiskReason::RegulatorThreat, RiskReason::RepeatedContact, RiskReason::BrokenPromise] {
            assert!(heated.reasons.contains(&reason), "{reason:?} missing from {:?}", heated.reasons);
        }
        assert!(heated.escalation_risk > 0.6, "{}", heated.escalation_risk);
        assert!(calm.escalation_risk < 0.3, "{}", calm.escalation_risk);
        assert_eq!(heated.next_move, NextMove::EscalateToSupervisor);
        assert_eq!(calm.trend, Trend::Improving);
        assert_eq!(calm.next_move, NextMove::ConfirmAndClose);
        assert!(heated.evidence.iter().any(|e| e.term == "12315" && e.turn == 4));
    }

    #[test]
    fn a_threat_word_in_a_hypothetical_or_happy_turn_is_not_a_threat() {
        let cues = RiskCues::embedded();
        let happy = reading(Polarity::Positive, Emotion::Gratitude, 0.05, 0.5);
        let framed = cues.read_turn("本来想打12315的，现在问题解决了", 0, &happy);
        assert!(framed.hypothetical_threat);
        assert!(framed.found.iter().all(|e| !e.reason.is_threat()), "{:?}", framed.found);
        let angry = reading(Polarity::Negative, Emotion::Anger, 0.9, 0.9);
        let meant = cues.read_turn("我现在就打12315", 0, &angry);
        assert!(!meant.hypothetical_threat);
        assert!(meant.found.iter().any(|e| e.reason == RiskReason::RegulatorThreat));
        // Solved and happy, no framing word: the threat word is history.
        let solved = cues.read_turn("问题解决了，之前说要打12315是气话", 0, &happy);
        assert!(solved.hypothetical_threat, "{solved:?}");
        // Read as positive but meant: polite words around a real threat, nothing solved.
        let polite = cues.read_turn("好的，我理解，我这就把截图发微博", 0, &happy);
        assert!(!polite.hypothetical_threat, "{polite:?}");
        assert!(polite.found.iter().any(|e| e.reason == RiskReason::PublicComplaintThreat), "{polite:?}");
    }

    #[test]
    fn cold_withdrawal_after_repeated_contact_raises_the_risk_without_a_threat_word() {
        let turns = vec![
            customer("上次说的补发到现在还没有消息"),
            agent("请您再耐心等待。"),
            customer("好吧，我知道了，我去找其他渠道解决"),
        ];
        let withdrawn = read(
            &turns,
            vec![
                (0, reading(Polarity::Negative, Emotion::Disappointment, 0.7, 0.5)),
                (2, reading(Polarity::Neutral, Emotion::Neutral, 0.3, 0.2)),
            ],
        );
        let content_turns = vec![customer("上次说的补发到了吗"), agent("已经发出，明天送到。"), customer("好的，谢谢")];
        let content = read(
            &content_turns,
            vec![
                (0, reading(Polarity::Neutral, Emotion::Neutral, 0.3, 0.2)),
                (2, reading(Polarity::Positive, Emotion::Gratitude, 0.05, 0.4)),
            ],
        );
        assert!(withdrawn.reasons.contains(&RiskReason::ColdWithdrawal), "{:?}", withdrawn.reasons);
        assert!(withdrawn.escalation_risk > content.escalation_risk + 0.2, "{} vs {}", withdrawn.escalation_risk, content.escalation_risk);
    }

    #[test]
    fn a_plain_question_needs_only_an_answer() {
        let result = read(&[customer("请问退款一般几天到账？")], vec![(0, reading(Polarity::Neutral, Emotion::Neutral, 0.1, 0.1))]);
        assert!(result.reasons.is_empty(), "money in a calm question is no risk: {:?}", result.reasons);
        assert_eq!(result.next_move, NextMove::Answer);
        // The risk is calibrated on generated chats where half escalate, so a plain question is not near zero, but
        // it stays well under the alert threshold.
        assert!(result.escalation_risk < 0.45, "{}", result.escalation_risk);
    }

    #[test]
    fn no_customer_turns_is_answered_calmly() {
        let result = read(&[agent("您好")], Vec::new());
        assert!(result.escalation_risk < 0.6, "{}", result.escalation_risk);
        assert_eq!(result.trend, Trend::Stable);
        assert_eq!(result.next_move, NextMove::Answer);
    }

    #[test]
    fn the_bundled_risk_model_matches_the_features_and_a_mismatch_is_an_error() {
        let model = RiskModel::from_json(include_str!("../../models/conversation/risk_model.json")).expect("bundled model loads");
        assert_eq!(model.coef.len(), N_FEATURES);
        let mut wrong = serde_json::to_value(&model).unwrap();
        wrong["features"][0] = "something_else".into();
        assert!(matches!(RiskModel::from_json(&wrong.to_string()), Err(RiskModelError::Features { .. })));
        assert!(RiskModel::from_json("{").is_err());
    }

    #[test]
    fn a_blaming_reply_is_reviewed_worse_than_an_owning_one() {
        let ranker = Ranker::load().expect("embedded ranking weights parse");
        let before = [customer("包裹好几天没更新物流，我很着急")];
        let r = reading(Polarity::Negative, Emotion::Anxiety, 0.8, 0.6);
        let blame = review_reply(&ranker, &before, "这是快递公司的事，不归我们管，你自己去问。", Some(&r));
        let own = review_reply(&ranker, &before, "让您着急了，是我们跟进不够。我马上联系快递加急，今天18点前给您回电，可以吗？", Some(&r));
        assert!(own.score > blame.score, "{} vs {}", own.score, blame.score);
        assert!(!blame.faults.is_empty());
    }
}
