//! Reply ranking: reads the conversation (what was given, tried, refused, promised, asked) and each candidate
//! reply, and scores the reply by empathy components and by its consistency with the conversation.
//!
//! Files: `conversation` (the state of the conversation), `reply` (what a reply asks, offers, promises and
//! states), `checks` (conflicts between the two), `time` (time expressions), `features` (the named features),
//! `scorer` (weights and the calibrated probability), `pair` (the text the model's pair scorer reads), `reasons`
//! (the Chinese reason), `lists` (the cue lists of `models/ranking/`), `text` (string helpers). Pure computation:
//! no I/O at ranking time, no panics on any input.

mod checks;
mod conversation;
mod features;
pub(crate) mod lists;
mod pair;
mod reasons;
mod reply;
mod scorer;
mod text;
mod time;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::judge::{Classification, Turn};
use crate::labels::{Emotion, Polarity};

pub use features::{FeatureRow, Features, N_FEATURES};
pub use pair::pair_text;
pub use scorer::{Weights, WeightsError};

use conversation::CaseCtx;
use lists::Cues;

/// Everything the ranker needs for one request.
pub struct RankInput<'a> {
    pub customer: &'a str,
    /// Earlier turns, oldest first.
    pub context: &'a [Turn],
    pub candidates: &'a [String],
    /// The customer's emotion/polarity, already computed.
    pub reading: &'a Classification,
    /// The model's pair head on each candidate's [`pair_text`]: a log-odds correction of the rules' score, when
    /// the model has one.
    pub pair: Option<&'a [f32]>,
}

/// The same request without a `Classification`: what the weight-fitting example and the tests use.
/// `emotion` is the customer's reading (emotion, intensity) when one is known.
pub struct CaseView<'a> {
    pub customer: &'a str,
    pub context: &'a [Turn],
    pub candidates: &'a [String],
    pub emotion: Option<(Emotion, f32)>,
    pub negative: Option<bool>,
    pub pair: Option<&'a [f32]>,
}

/// Component scores, each 0..1; `penalty` >= 0 is the weighted sum of the faults found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Components {
    pub acknowledgement: f32,
    pub ownership: f32,
    pub next_step: f32,
    pub time_frame: f32,
    pub agreement_check: f32,
    pub personal_closing: f32,
    pub relevance: f32,
    pub tone: f32,
    pub penalty: f32,
}

/// What a reply lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Missing {
    Acknowledgement,
    Ownership,
    NextStep,
    TimeFrame,
    AgreementCheck,
    PersonalClosing,
    Relevance,
}

/// What a reply does wrong: style faults, and conflicts with the conversation (from `AsksForGivenInfo` on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Fault {
    FormulaicApology,
    ScriptedClosing,
    Blame,
    Dismissive,
    OverPromise,
    Parroting,
    OffTopic,
    Rude,
    AsksForGivenInfo,
    RepeatsFailedStep,
    IgnoresPreference,
    MissesDeadline,
    WrongFact,
    UnansweredQuestion,
    ImpossiblePromise,
    IgnoresBrokenPromise,
}

impl Fault {
    /// Short Chinese description used in reasons.
    pub fn chinese(self) -> &'static str {
        match self {
            Fault::FormulaicApology => "只有套话道歉，没有实际行动",
            Fault::ScriptedClosing => "用模板化的套话收尾",
            Fault::Blame => "把责任推给客户或其他部门",
            Fault::Dismissive => "敷衍、否定客户的感受",
            Fault::OverPromise => "做出无法兑现的承诺",
            Fault::Parroting => "大段复述客户原话",
            Fault::OffTopic => "答非所问，偏离客户的问题",
            Fault::Rude => "语气生硬失礼",
            Fault::AsksForGivenInfo => "索要客户已经提供过的信息",
            Fault::RepeatsFailedStep => "让客户重复已经试过无效的步骤",
            Fault::IgnoresPreference => "违背客户明确说过的要求",
            Fault::MissesDeadline => "赶不上客户的期限",
            Fault::WrongFact => "说错了上文的事实",
            Fault::UnansweredQuestion => "没有回答客户的问题",
            Fault::ImpossiblePromise => "承诺了上文已说明做不到的事",
            Fault::IgnoresBrokenPromise => "无视之前落空的承诺",
        }
    }

    /// Snake-case name, as in reports.
    pub fn name(self) -> &'static str {
        match self {
            Fault::FormulaicApology => "formulaic_apology",
            Fault::ScriptedClosing => "scripted_closing",
            Fault::Blame => "blame",
            Fault::Dismissive => "dismissive",
            Fault::OverPromise => "over_promise",
            Fault::Parroting => "parroting",
            Fault::OffTopic => "off_topic",
            Fault::Rude => "rude",
            Fault::AsksForGivenInfo => "asks_for_given_info",
            Fault::RepeatsFailedStep => "repeats_failed_step",
            Fault::IgnoresPreference => "ignores_preference",
            Fault::MissesDeadline => "misses_deadline",
            Fault::WrongFact => "wrong_fact",
            Fault::UnansweredQuestion => "unanswered_question",
            Fault::ImpossiblePromise => "impossible_promise",
            Fault::IgnoresBrokenPromise => "ignores_broken_promise",
        }
    }
}

/// A conflict between a reply and the conversation, with the words on both sides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub fault: Fault,
    /// Quoted from the reply.
    pub reply_span: String,
    /// Index into `context`, or −1 for the customer's message.
    pub context_turn: i32,
    /// Quoted from that turn.
    pub context_span: String,
    /// The word or value in conflict (for the reason).
    #[serde(skip)]
    pub(crate) detail: String,
}

/// The judgement of one candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplyJudgement {
    pub index: usize,
    /// Probability (0..1) that a trainer accepts the reply (grade ≥ 2); calibrated on generated held-out cases.
    pub score: f32,
    pub components: Components,
    pub missing: Vec<Missing>,
    pub faults: Vec<Fault>,
    pub conflicts: Vec<Conflict>,
    /// One line, Chinese.
    pub reason: String,
}

/// Cue tables + weights, built once.
pub struct Ranker {
    cues: Cues,
    weights: Weights,
}

impl Ranker {
    /// Lists and weights from `models/ranking/`, compiled in; a `weights.json` that does not parse is an error.
    pub fn load() -> Result<Ranker, WeightsError> {
        Ok(Ranker { cues: Cues::embedded(), weights: Weights::from_json(EMBEDDED_WEIGHTS)? })
    }

    /// The embedded cue lists with other weights (used by the fitting example).
    pub fn with_weights(weights: Weights) -> Ranker {
        Ranker { cues: Cues::embedded(), weights }
    }

    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Ranks candidates, best first; ties broken by index.
    pub fn rank(&self, input: &RankInput) -> Vec<ReplyJudgement> {
        let negative = input.reading.polarity == Polarity::Negative;
        self.rank_case(&CaseView {
            customer: input.customer,
            context: input.context,
            candidates: input.candidates,
            emotion: Some((input.reading.emotion, input.reading.emotion_intensity)),
            negative: Some(negative),
            pair: input.pair,
        })
    }

    /// [`Ranker::rank`] without a `Classification`.
    pub fn rank_case(&self, case: &CaseView) -> Vec<ReplyJudgement> {
        let ctx = CaseCtx::read(&self.cues, case);
        let rows = self.rows(&ctx, case);
        let mut out: Vec<ReplyJudgement> = rows
            .into_iter()
            .enumerate()
            .map(|(index, row)| {
                let correction = case.pair.and_then(|p| p.get(index)).copied().filter(|c| c.is_finite());
                let score = self.weights.probability(&row, correction.unwrap_or(0.0));
                let mut components = row.components;
                components.penalty = self.weights.penalty(&row.features);
                let missing = reasons::missing_of(&components, &ctx);
                let reason = reasons::reason_of(&row, &components, &missing, &ctx, &self.cues.time.immediate);
                ReplyJudgement { index, score, components, missing, faults: row.faults, conflicts: row.conflicts, reason }
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        out
    }

    /// One feature row per candidate, in candidate order.
    pub fn features(&self, case: &CaseView) -> Vec<FeatureRow> {
        let ctx = CaseCtx::read(&self.cues, case);
        self.rows(&ctx, case)
    }

    fn rows(&self, ctx: &CaseCtx, case: &CaseView) -> Vec<FeatureRow> {
        case.candidates
            .iter()
            .map(|cand| features::analyse(&self.cues, ctx, cand))
            .collect()
    }
}

/// The weights compiled into the binary.
pub const EMBEDDED_WEIGHTS: &str = include_str!("../../../models/ranking/weights.json");
