//! Conversation monitoring: from the customer's per-turn readings, the emotional trend, the risk that the
//! conversation escalates (with its reasons), and the agent's best next move.

use serde::Serialize;

use super::{Classification, Role, Turn};
use crate::labels::{Emotion, Polarity};

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
        }
    }

    /// Each reason's own chance of escalation, combined as a noisy-OR. Hand-set from the seeds' emphasis
    /// (threats to go outside weigh most); no labelled escalation data exists to fit them.
    fn weight(self) -> f32 {
        match self {
            RiskReason::RegulatorThreat => 0.45,
            RiskReason::PublicComplaintThreat => 0.40,
            RiskReason::AsksForSupervisor => 0.30,
            RiskReason::BrokenPromise => 0.25,
            RiskReason::RisingAnger => 0.25,
            RiskReason::RepeatedContact => 0.20,
            RiskReason::PersistentNegativity => 0.15,
            RiskReason::MoneyAnxiety => 0.12,
        }
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
    pub escalation_risk: f32,
    pub reasons: Vec<RiskReason>,
    pub next_move: NextMove,
    pub suggestion: String,
    pub evidence: Vec<RiskEvidence>,
}

/// Risk cue lists from `models/conversation/`.
pub struct RiskCues {
    lists: Vec<(RiskReason, Vec<String>)>,
}

fn terms(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

impl RiskCues {
    pub fn embedded() -> RiskCues {
        RiskCues {
            lists: vec![
                (RiskReason::PublicComplaintThreat, terms(include_str!("../../models/conversation/public_complaint.txt"))),
                (RiskReason::RegulatorThreat, terms(include_str!("../../models/conversation/regulator.txt"))),
                (RiskReason::RepeatedContact, terms(include_str!("../../models/conversation/repeated_contact.txt"))),
                (RiskReason::MoneyAnxiety, terms(include_str!("../../models/conversation/money.txt"))),
                (RiskReason::BrokenPromise, terms(include_str!("../../models/conversation/broken_promise.txt"))),
                (RiskReason::AsksForSupervisor, terms(include_str!("../../models/conversation/supervisor.txt"))),
            ],
        }
    }

    fn find(&self, text: &str, turn: usize, out: &mut Vec<RiskEvidence>) {
        for (reason, terms) in &self.lists {
            if let Some(term) = terms.iter().find(|t| text.contains(t.as_str())) {
                out.push(RiskEvidence { term: term.clone(), reason: *reason, turn });
            }
        }
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

/// Reads the conversation. `readings` are the customer's turns (index into `turns`, reading), in order.
pub fn analyze(turns: &[Turn], readings: Vec<(usize, Classification)>, cues: &RiskCues) -> ConversationReading {
    let distresses: Vec<f32> = readings.iter().map(|(_, c)| distress(c)).collect();
    let trend = match slope(&distresses) {
        s if s > TREND_STEP => Trend::Worsening,
        s if s < -TREND_STEP => Trend::Improving,
        _ => Trend::Stable,
    };

    let mut evidence = Vec::new();
    for (index, reading) in &readings {
        let text = &turns[*index].text;
        let mut found = Vec::new();
        cues.find(text, *index, &mut found);
        // Money only signals risk when the customer is upset about it, not in a plain question.
        found.retain(|e| e.reason != RiskReason::MoneyAnxiety || reading.polarity == Polarity::Negative);
        evidence.extend(found);
    }
    let mut reasons: Vec<RiskReason> = Vec::new();
    for e in &evidence {
        if !reasons.contains(&e.reason) {
            reasons.push(e.reason);
        }
    }
    let angers: Vec<f32> = readings.iter().map(|(_, c)| c.emotion_scores[Emotion::Anger.index()]).collect();
    let last = readings.last().map(|(_, c)| c);
    if angers.len() >= 2
        && last.is_some_and(|c| c.emotion == Emotion::Anger)
        && slope(&angers) > 0.0
        && trend != Trend::Improving
    {
        reasons.push(RiskReason::RisingAnger);
    }
    let negative_run = readings.iter().rev().take_while(|(_, c)| c.polarity == Polarity::Negative).count();
    if negative_run >= 3 {
        reasons.push(RiskReason::PersistentNegativity);
    }
    // An agent's promise earlier in the conversation followed by a customer complaint is a broken promise too.
    let agent_promised = turns.iter().any(|t| t.role == Role::Agent && ["会", "保证", "一定", "马上"].iter().any(|w| t.text.contains(w)));
    if agent_promised
        && last.is_some_and(|c| c.polarity == Polarity::Negative)
        && reasons.contains(&RiskReason::RepeatedContact)
        && !reasons.contains(&RiskReason::BrokenPromise)
    {
        reasons.push(RiskReason::BrokenPromise);
    }

    let last_distress = distresses.last().copied().unwrap_or(0.0);
    let calm = 1.0 - 0.6 * last_distress;
    let escalation_risk =
        (1.0 - reasons.iter().fold(calm, |keep, reason| keep * (1.0 - reason.weight()))).clamp(0.0, 1.0);

    let next_move = match last {
        None => NextMove::Answer,
        Some(_) if escalation_risk >= 0.75
            || reasons.iter().any(|r| matches!(r, RiskReason::RegulatorThreat | RiskReason::AsksForSupervisor)) =>
        {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::BackendKind;

    fn reading(polarity: Polarity, emotion: Emotion, negative: f32, intensity: f32) -> Classification {
        let rest = (1.0 - negative) / 2.0;
        let mut emotion_scores = [0.0; 7];
        emotion_scores[emotion.index()] = 1.0;
        Classification {
            polarity,
            polarity_scores: [negative, rest, rest],
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

    #[test]
    fn rising_anger_with_a_regulator_threat_is_high_risk_and_goes_to_a_supervisor() {
        let turns = vec![
            customer("我的退款还没到"),
            agent("我们会在今天处理"),
            customer("第三次问了，还是没到账"),
            agent("请再等等"),
            customer("再不处理我就打12315投诉你们"),
        ];
        let readings = vec![
            (0, reading(Polarity::Negative, Emotion::Anxiety, 0.5, 0.3)),
            (2, reading(Polarity::Negative, Emotion::Anger, 0.8, 0.6)),
            (4, reading(Polarity::Negative, Emotion::Anger, 0.95, 0.9)),
        ];
        let result = analyze(&turns, readings, &RiskCues::embedded());
        assert_eq!(result.trend, Trend::Worsening);
        for reason in [
            RiskReason::RegulatorThreat,
            RiskReason::RepeatedContact,
            RiskReason::RisingAnger,
            RiskReason::PersistentNegativity,
            RiskReason::BrokenPromise,
        ] {
            assert!(result.reasons.contains(&reason), "{reason:?} missing from {:?}", result.reasons);
        }
        assert!(result.escalation_risk > 0.9, "{}", result.escalation_risk);
        assert_eq!(result.next_move, NextMove::EscalateToSupervisor);
        assert!(result.evidence.iter().any(|e| e.term == "12315" && e.turn == 4));
    }

    #[test]
    fn a_customer_calming_down_is_low_risk_and_the_agent_should_close() {
        let turns = vec![customer("快递怎么还没到，急死了"), agent("已为您加急，今天下午送达"), customer("好的，谢谢你")];
        let readings = vec![
            (0, reading(Polarity::Negative, Emotion::Anxiety, 0.8, 0.7)),
            (2, reading(Polarity::Positive, Emotion::Gratitude, 0.05, 0.5)),
        ];
        let result = analyze(&turns, readings, &RiskCues::embedded());
        assert_eq!(result.trend, Trend::Improving);
        assert!(result.escalation_risk < 0.2, "{}", result.escalation_risk);
        assert_eq!(result.next_move, NextMove::ConfirmAndClose);
    }

    #[test]
    fn a_plain_question_needs_only_an_answer() {
        let turns = vec![customer("请问退款一般几天到账？")];
        let readings = vec![(0, reading(Polarity::Neutral, Emotion::Neutral, 0.1, 0.1))];
        let result = analyze(&turns, readings, &RiskCues::embedded());
        assert!(result.reasons.is_empty(), "money in a calm question is no risk: {:?}", result.reasons);
        assert_eq!(result.next_move, NextMove::Answer);
        assert!(result.escalation_risk < 0.1);
    }

    #[test]
    fn no_customer_turns_is_answered_calmly() {
        let result = analyze(&[agent("您好")], Vec::new(), &RiskCues::embedded());
        assert_eq!(result.escalation_risk, 0.0);
        assert_eq!(result.trend, Trend::Stable);
        assert_eq!(result.next_move, NextMove::Answer);
    }
}
