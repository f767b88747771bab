//! Features of one reply: the empathy components of the seeds (acknowledge, own, act with a time frame, check
//! agreement, close personally), the style faults, interactions with the customer's mood, and the conflicts.

use super::checks::check;
use super::conversation::CaseCtx;
use super::lists::{Cues, Hit};
use super::reply::ReplyReading;
use super::text::{clamp01, clause_bounds, content_units, is_break, longest_common_run, saturate, sentence_bounds, window, Text};
use super::time::{scan_time, time_points, Day};
use super::{Components, Conflict, Fault};

/// The next-step credit of a reply that answers every when / where / how-much question of the message (an agent
/// action scores up to 1). Chosen among 0.6 / 0.8 / 1.0 on the generated cases of all three generators (stop 22).
const ANSWER_AS_STEP: f32 = 0.8;
/// The time frame of a promise on the deadline's own day: met, but with no margin (0.85 over 0.7: the second
/// generator lost two cases at 0.7).
const CUTTING_IT_CLOSE: f32 = 0.85;

macro_rules! features {
    ($($(#[$doc:meta])* $name:ident: $sign:expr),* $(,)?) => {
        /// The features of one reply, each 0..1 (interactions and conflicts included), by name.
        #[derive(Debug, Clone, Copy, Default, PartialEq)]
        pub struct Features {
            $($(#[$doc])* pub $name: f32,)*
        }

        impl Features {
            /// Feature names in the order of [`Features::values`]; `weights.json` is matched by these names.
            pub const NAMES: [&'static str; N_FEATURES] = [$(stringify!($name)),*];
            /// +1: a strength (weight >= 0 when fitting); −1: a fault (weight <= 0).
            pub const SIGNS: [f32; N_FEATURES] = [$($sign),*];

            pub fn values(&self) -> [f32; N_FEATURES] {
                [$(self.$name),*]
            }

            fn set(&mut self, i: usize, x: f32) {
                let mut k = 0usize;
                $(
                    if k == i {
                        self.$name = x;
                    }
                    k += 1;
                )*
                let _ = k;
            }
        }
    };
}

/// Number of features.
pub const N_FEATURES: usize = 40;

features! {
    acknowledgement: 1.0,
    ownership: 1.0,
    next_step: 1.0,
    time_frame: 1.0,
    agreement_check: 1.0,
    personal_closing: 1.0,
    relevance: 1.0,
    tone: 1.0,
    formulaic_apology: -1.0,
    scripted_closing: -1.0,
    blame: -1.0,
    dismissive: -1.0,
    over_promise: -1.0,
    parroting: -1.0,
    off_topic: -1.0,
    rude: -1.0,
    policy_speak: -1.0,
    /// Acknowledgement when the customer comes back again.
    ack_x_repeat: 1.0,
    own_x_repeat: 1.0,
    time_x_anxiety: 1.0,
    ack_x_anger: 1.0,
    own_x_anger: 1.0,
    closing_x_gratitude: 1.0,
    step_x_gratitude: 1.0,
    /// The feeling named *and* a concrete step: the seeds' best reply. Either alone is weaker (a named feeling
    /// without a step is the formulaic kind), which a weight on each alone cannot say.
    ack_x_step: 1.0,
    asks_for_given_info: -1.0,
    repeats_failed_step: -1.0,
    ignores_preference: -1.0,
    misses_deadline: -1.0,
    wrong_fact: -1.0,
    unanswered_question: -1.0,
    impossible_promise: -1.0,
    ignores_broken_promise: -1.0,
    /// Names the earlier broken promise and escalates (only when one was broken).
    owns_broken_promise: 1.0,
    /// Uses information the customer gave (quotes their number, "按您发的照片").
    uses_given_info: 1.0,
    /// Share of the customer's questions the reply answers (1 when none was asked).
    answers_questions: 1.0,
    /// The reply asks the customer for something at all (slower than acting on what is there).
    asks_customer: -1.0,
    /// The reply hands the case to someone else who will get back later.
    delegates: -1.0,
    /// Every commitment of the reply is a call or talk later, none a result.
    callback_only: -1.0,
    /// The remedy waits on an approval or review, or is only hoped for.
    pending: -1.0,
}

/// What the reason needs besides the numbers.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Evidence {
    pub(crate) feeling: Option<String>,
    pub(crate) time: Option<String>,
    pub(crate) admits_fault: bool,
    pub(crate) has_agent_action: bool,
}

/// The features of one candidate plus what the answer and the reason need.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureRow {
    pub features: Features,
    pub(crate) components: Components,
    pub(crate) faults: Vec<Fault>,
    pub(crate) conflicts: Vec<Conflict>,
    pub(crate) evidence: Evidence,
}

/// "是我们…没/错/误/漏/慢/问题" within a few characters: an admission the fixed list cannot enumerate.
fn admission_pattern(cues: &Cues, chars: &[char]) -> Option<f32> {
    let mut best: Option<f32> = None;
    for i in 0..chars.len() {
        let Some((hl, weight)) = cues.admission_heads.starts_at(chars, i) else { continue };
        // A shorter head inside a longer one ("我们" in "是我们") is read once, at the longer one.
        if (1..=2).any(|b| i >= b && cues.admission_heads.starts_at(chars, i - b).is_some_and(|(l, _)| l > b)) {
            continue;
        }
        if cues.negators.ends_at(chars, i) {
            continue;
        }
        let start = i + hl;
        let mut end = start;
        while end < chars.len() && end < start + 8 && !is_break(chars[end]) {
            end += 1;
        }
        let span = &chars[start..end];
        if cues.admission_excuses.any_in(span) {
            continue;
        }
        if cues.admission_faults.any_in(span) {
            best = Some(best.map_or(weight, |b: f32| b.max(weight)));
        }
    }
    best
}

pub(crate) fn analyse(cues: &Cues, ctx: &CaseCtx, raw: &str) -> FeatureRow {
    let text = Text::new(raw);
    let n = text.len();
    let mut ev = Evidence::default();

    // Where the first two clauses end: acknowledgement belongs at the start.
    let mut breaks = 0;
    let mut early_end = n;
    for (i, c) in text.chars.iter().enumerate() {
        if matches!(c, ',' | '.' | '!' | '?' | ';' | '。') {
            breaks += 1;
            if breaks == 2 {
                early_end = i;
                break;
            }
        }
    }
    let early_end = early_end.max(n.min(12));

    // --- acknowledgement
    let feelings = cues.feelings.find_with(&text, Some(&cues.negators));
    let feel = feelings.iter().map(|h| h.weight).fold(0.0f32, f32::max);
    if let Some(h) = feelings.iter().max_by(|a, b| a.weight.total_cmp(&b.weight).then(b.at.cmp(&a.at))) {
        ev.feeling = Some(cues.feelings.term(h).to_string());
    }
    let frame = if cues.empathy_frames.find_with(&text, Some(&cues.negators)).is_empty() { 0.0 } else { 1.0 };
    let generic = if cues.generic_empathy.find_with(&text, Some(&cues.negators)).is_empty() { 0.0 } else { 1.0 };
    let early_units = content_units(&text.chars[..early_end.min(n)], &cues.function_chars);
    let shared_early: f32 =
        early_units.keys().filter(|u| ctx.customer_units.contains_key(*u) || ctx.context_units.contains_key(*u)).count() as f32;
    let situ = saturate(shared_early, 2.5);
    let acknowledgement = clamp01(0.45 * feel + 0.2 * frame + 0.35 * situ + 0.15 * generic * (1.0 - feel));

    // --- blame / dismissive / rude / over-promise
    // "您自己能做的排查都做完了" credits the customer's effort; it does not blame them.
    let blame_hits: Vec<Hit> = cues
        .blame
        .find_with(&text, None)
        .into_iter()
        .filter(|h| cues.blame_not_after.starts_at(&text.chars, h.end()).is_none())
        .collect();
    let blame = saturate(blame_hits.len() as f32, 1.0);
    let times = time_points(&cues.time, &text.chars);
    let act_hits = cues.actions.find_with(&text, None);
    // What the agent does, with a time, later in the sentence that holds `at`.
    let acts_after = |at: usize| {
        let (_, end) = sentence_bounds(&text.chars, at);
        act_hits.iter().any(|a| a.weight >= 0.5 && a.at > at && a.at < end) && times.iter().any(|t| t.at > at && t.at < end)
    };
    // "前一晚十点以后就别再进食了": a "don't" right after a time tells the customer when, it brushes nothing off.
    let timed_advice = |at: usize| {
        times.iter().any(|t| {
            let end = t.at + t.len;
            end <= at && at - end <= 3 && !text.chars[end..at].iter().any(|c| is_break(*c))
        })
    };
    // "这些步骤就别再重复了": a "don't" that spares the customer effort relieves them.
    let spares_effort = |end: usize| cues.spare_effort.starts_soon_after(&text.chars, end, 3);
    let dismissive_hits: Vec<Hit> = cues
        .dismissive
        .find_with(&text, None)
        .into_iter()
        .filter(|h| !timed_advice(h.at) && !spares_effort(h.end()))
        .filter(|h| {
            // "有疑问很正常" / "着急是正常的" validates the customer instead of dismissing them.
            let term = cues.dismissive.term(h);
            if term.contains("正常") {
                let before = text.slice(h.at.saturating_sub(8), h.at - h.at.saturating_sub(8));
                let validating = cues.validating.contains_str(&before);
                !validating
            } else {
                // "原来那款确实没办法了，我今晚8点前把…送到" states a limit and answers it.
                !(cues.dismissive_limits.is_entry(term) && acts_after(h.end()))
            }
        })
        .collect();
    let dismissive = saturate(dismissive_hits.len() as f32, 1.0);
    let rude = saturate(
        cues.rude.find_with(&text, None).into_iter().filter(|h| !timed_advice(h.at) && !spares_effort(h.end())).count() as f32,
        0.8,
    );
    // "保证周三下午3点前装好" commits to a time; "保证以后永远不会再坏" promises what nobody can keep.
    let over_promise_hits = cues
        .over_promise
        .find_with(&text, Some(&cues.negators))
        .into_iter()
        .filter(|h| {
            let commits = cues.over_promise_commitments.is_entry(&window(&text.chars, h.at, h.at + h.len))
                && times.iter().any(|t| t.at >= h.end() && t.at <= h.end() + 2);
            // "我没法保证百分之百" / "我不敢跟您打包票" say the opposite: a realistic limit.
            let (cs, _) = super::text::clause_bounds(&text.chars, h.at);
            let disclaimed = cues.over_promise_disclaimers.any_in(&text.chars[cs..h.at]);
            !commits && !disclaimed
        })
        .count();
    let over_promise = saturate(over_promise_hits as f32, 0.8);

    // --- ownership
    let own_hits: Vec<Hit> = cues
        .ownership
        .find_with(&text, Some(&cues.negators))
        .into_iter()
        .filter(|h| {
            cues.ownership_not_after.starts_at(&text.chars, h.end()).is_none()
        })
        .collect();
    let mut own_ws: Vec<f32> = own_hits.iter().map(|h| h.weight).collect();
    if let Some(w) = admission_pattern(cues, &text.chars) {
        own_ws.push(w);
    }
    own_ws.sort_by(|a, b| b.total_cmp(a));
    ev.admits_fault = own_ws.first().map(|w| *w >= 0.8).unwrap_or(false);
    let mut ownership = clamp01(own_ws.first().copied().unwrap_or(0.0) + 0.3 * own_ws.get(1).copied().unwrap_or(0.0));

    // --- next step
    let strong: f32 = act_hits.iter().filter(|h| h.weight >= 0.5).map(|h| h.weight).sum();
    let vague: f32 = act_hits.iter().filter(|h| h.weight < 0.5).map(|h| h.weight).sum();
    ev.has_agent_action = act_hits.iter().any(|h| h.weight >= 1.0);
    let numbers = text
        .chars.iter().filter(|c| c.is_ascii_digit()).count() as f32;
    let specific = saturate(numbers, 3.0);
    let mut next_step = clamp01(0.8 * saturate(strong, 1.6) + 0.2 * specific * saturate(strong, 1.0));
    if strong == 0.0 {
        next_step = clamp01(0.3 * saturate(vague, 0.5));
    }
    // Personal commitment ("我已/我现在") is ownership too.
    if ev.has_agent_action {
        ownership = clamp01(ownership.max(0.35) + 0.1);
    }
    if blame > 0.0 {
        ownership *= 0.3;
    }

    // --- time frame
    let times = scan_time(&cues.time, &text.chars);
    let best_time = times.iter().max_by(|a, b| a.score.total_cmp(&b.score).then(a.text.chars().count().cmp(&b.text.chars().count())));
    let time_frame = best_time.map(|t| t.score).unwrap_or(0.0);
    if let Some(t) = best_time {
        if t.score >= 0.5 {
            ev.time = Some(t.text.clone());
        }
    }

    // --- agreement check
    let agreement_check = if cues.agreement.find_with(&text, Some(&cues.negators)).is_empty() { 0.0 } else { 1.0 };

    // --- closing
    let personal = cues.personal_closing.find_with(&text, Some(&cues.negators)).len() as f32;
    let scripted_n = cues.scripted_closing.find_with(&text, Some(&cues.negators)).len() as f32;
    let scripted = saturate(scripted_n, 1.2);
    let personal_closing = clamp01(saturate(personal, 1.0) * (1.0 - 0.4 * scripted));

    // --- relevance
    let cand_units = content_units(&text.chars, &cues.function_chars);
    let mut shared = 0.0f32;
    for u in cand_units.keys() {
        let w = ctx.customer_units.get(u).map(|_| 1.0).unwrap_or(0.0)
            + ctx.context_units.get(u).map(|c| 0.5 * c.min(1.0)).unwrap_or(0.0);
        shared += w.min(1.0);
    }
    // Words shared with what the customer said, not the encoder's cosine: the bundled encoder is tuned for
    // polarity and emotion, so its cosine measures a shared mood (a thank-you and a calm answer to it read as far
    // apart), and the weights are fitted on this word overlap alone.
    let relevance = saturate(shared, 4.0);

    // --- off topic (selling or talking about something else)
    let upsell = saturate(cues.off_topic.find_with(&text, Some(&cues.negators)).len() as f32, 1.2);
    // Word overlap alone is too weak to call a reply off-topic: only a sales or small-talk cue does.
    let off_topic = clamp01(upsell * (1.0 - 0.5 * relevance));
    // Actions and times that serve a sales pitch are not a next step for the customer's problem.
    // Likewise for actions wrapped in a promise nobody can keep.
    let serving = clamp01(1.0 - 0.8 * upsell - 0.5 * over_promise);
    let next_step = next_step * serving;
    // A time hung on a pending approval or a hope ("审批通过后2小时内", "争取今晚") is half a commitment.
    // So is a time put back to the customer for approval ("周四上午10点可以安排，您看这个时间行吗？") after they left
    // the choice to the agent ("时间你们定个").
    let asks_back = agreement_check > 0.0 && cues.choice_delegated.any_in(&ctx.customer.chars);
    let pending_discount = if cues.pending.any_in(&text.chars) || asks_back { 0.5 } else { 1.0 };
    let time_frame = time_frame * serving * pending_discount;
    let ownership = ownership * serving;

    // --- parroting
    let run = longest_common_run(&ctx.customer.chars, &text.chars);
    let lcs = if restated_as_reason(cues, &text.chars, &run) { 0.0 } else { run.len() as f32 };
    let cust_len = ctx.customer.chars.iter().filter(|c| !is_break(**c) && !c.is_whitespace()).count() as f32;
    let echo_frame = if cues.echo_frames.starts_at(&text.chars, 0).is_some() { 0.2 } else { 0.0 };
    let parroting = clamp01(
        ((lcs - 4.0) / 7.0).max(if cust_len > 0.0 && lcs >= 6.0 { (lcs / cust_len - 0.3) * 2.0 } else { 0.0 })
            + if lcs >= 6.0 { echo_frame } else { 0.0 },
    );

    // --- formulaic apology: a stock apology (or stock empathy) not backed by any action.
    let apologies: f32 = cues.formulaic_apology.find_with(&text, Some(&cues.negators)).iter().map(|h| h.weight).sum();
    let stock = saturate(apologies + 0.5 * generic, 1.0);
    let admits = if ev.admits_fault { 1.0 } else { 0.0 };
    let formulaic_apology =
        clamp01(stock * (1.0 - 0.8 * saturate(strong, 1.5)) * (1.0 - 0.5 * feel) * (1.0 - 0.7 * admits));

    // --- tone
    let policy = saturate(cues.policy_speak.find_with(&text, None).len() as f32, 2.0);
    let markers: f32 = cues.tone_markers.find_with(&text, None).iter().map(|h| h.weight).sum();
    let tone = clamp01(1.0 - 0.25 * markers - 0.35 * policy - 0.5 * rude - 0.3 * dismissive);

    let reading = ReplyReading::read(cues, &text.chars, &ctx.state);
    // A remedy already carried out ("已经把钱退到您的账户") is sooner than any time a promise names.
    let time_frame =
        if reading.reports_done && !reading.callback_only && !reading.pending { time_frame.max(serving) } else { time_frame };
    // A promise on the deadline's own day meets it with no margin ("明天下午1点" for "明天下午三点前"): where every
    // promise that names a day does so, the time frame is that of a day away, however near the clock time.
    let st = &ctx.state;
    let day_of = |d: Option<Day>| d.and_then(|d| super::time::days_ahead(d, st.today));
    // Days from today of the promises that name a day (None where it cannot be placed).
    let promise_days: Vec<Option<i32>> = reading.promises.iter().filter(|p| p.day.is_some()).map(|p| day_of(p.day)).collect();
    let on_deadline_day =
        |pd: &Option<i32>| pd.is_some_and(|pd| pd > 0 && st.deadlines.iter().any(|(d, _)| day_of(d.day) == Some(pd)));
    let time_frame = if !promise_days.is_empty() && promise_days.iter().all(on_deadline_day) {
        time_frame.min(CUTTING_IT_CLOSE)
    } else {
        time_frame
    };
    // Where the customer said when they can be reached, a booking counts from the first day they can: "下周一晚上七点"
    // is far when this afternoon was open, however near the clock time.
    let windows = !st.free_windows.is_empty() || !st.busy_windows.is_empty();
    let soonest = promise_days.iter().copied().collect::<Option<Vec<i32>>>().and_then(|d| d.into_iter().min());
    let time_frame = match soonest {
        Some(soonest) if windows && promise_days.len() == reading.promises.len() => {
            time_frame.min(super::time::day_score(soonest - st.first_open_day()))
        }
        _ => time_frame,
    };
    let conflicts = check(cues, ctx, &text.chars, &reading);
    let has = |f: Fault| if conflicts.iter().any(|c| c.fault == f) { 1.0 } else { 0.0 };
    // After the customer reported attempts that failed, "您可以再换个日期试一下，还不行的话我在后台直接办好" sends them to
    // try once more what the agent could do at once: a lesser form of repeating a failed step.
    let tried_before = st.tried.len() + st.tried_actions.len() > 0;
    let one_more_trial = if tried_before && cues.trial_first.any_in(&text.chars) { ONE_MORE_TRIAL } else { 0.0 };
    let owns_broken_promise = if st.broken_promise.is_some() && reading.names_broken_promise {
        if reading.escalates { 1.0 } else { 0.6 }
    } else {
        0.0
    };
    let uses_given_info = if !st.provided.is_empty() && reading.uses_given { 1.0 } else { 0.0 };
    let unanswered = has(Fault::UnansweredQuestion);
    // Share of the message's questions the reply answers: one of two answered is a partial reply.
    // 0 when nothing was asked, so the weight measures answering, not the absence of a question.
    let answers_questions = if st.questions.is_empty() {
        0.0
    } else {
        let answered = st.questions.iter().filter(|q| super::checks::answers(cues, q, &reading, &text.chars)).count();
        answered as f32 / st.questions.len() as f32
    };
    // Where the customer asks when / where / how much, the answer is the concrete next step: "楼下有停车场，入口在
    // 东侧" needs no further action or time frame.
    let concrete: Vec<_> = st.questions.iter().filter(|q| super::checks::concrete(cues, q)).collect();
    let answers_all = !concrete.is_empty()
        && concrete.iter().all(|q| super::checks::answers(cues, q, &reading, &text.chars))
        && off_topic < 0.5;
    let next_step = if answers_all { next_step.max(ANSWER_AS_STEP) } else { next_step };

    let mut f = Features {
        acknowledgement,
        ownership,
        next_step,
        time_frame,
        agreement_check,
        personal_closing,
        relevance,
        tone,
        formulaic_apology,
        scripted_closing: scripted,
        blame,
        dismissive,
        over_promise,
        parroting,
        off_topic,
        rude,
        policy_speak: policy,
        ack_x_repeat: acknowledgement * ctx.repeat,
        own_x_repeat: ownership * ctx.repeat,
        time_x_anxiety: time_frame * ctx.anxiety,
        ack_x_anger: acknowledgement * ctx.anger,
        own_x_anger: ownership * ctx.anger,
        closing_x_gratitude: personal_closing * ctx.gratitude,
        step_x_gratitude: next_step * ctx.gratitude,
        ack_x_step: acknowledgement * next_step,
        asks_for_given_info: has(Fault::AsksForGivenInfo),
        repeats_failed_step: has(Fault::RepeatsFailedStep).max(one_more_trial),
        ignores_preference: has(Fault::IgnoresPreference),
        misses_deadline: has(Fault::MissesDeadline),
        wrong_fact: has(Fault::WrongFact),
        unanswered_question: unanswered,
        impossible_promise: has(Fault::ImpossiblePromise),
        ignores_broken_promise: has(Fault::IgnoresBrokenPromise),
        owns_broken_promise,
        uses_given_info,
        answers_questions,
        asks_customer: if reading.asks.is_empty() { 0.0 } else { 1.0 },
        delegates: if reading.delegates { 1.0 } else { 0.0 },
        callback_only: if reading.callback_only { 1.0 } else { 0.0 },
        pending: if reading.pending { 1.0 } else { 0.0 },
    };
    let mut values = f.values();
    for v in values.iter_mut() {
        if !v.is_finite() {
            *v = 0.0;
        }
    }
    f = Features::from_values(&values);

    let mut faults = Vec::new();
    let scripted_closing = if scripted_n >= 1.0 && personal == 0.0 { 1.0 } else { 0.0 };
    for (value, fault) in [
        (formulaic_apology, Fault::FormulaicApology),
        (scripted_closing, Fault::ScriptedClosing),
        (blame, Fault::Blame),
        (dismissive, Fault::Dismissive),
        (over_promise, Fault::OverPromise),
        (parroting, Fault::Parroting),
        (off_topic, Fault::OffTopic),
        (rude, Fault::Rude),
    ] {
        if value >= 0.5 {
            faults.push(fault);
        }
    }
    for c in &conflicts {
        if !faults.contains(&c.fault) {
            faults.push(c.fault);
        }
    }

    let components = Components {
        acknowledgement,
        ownership,
        next_step,
        time_frame,
        agreement_check,
        personal_closing,
        relevance,
        tone,
        penalty: 0.0,
    };
    FeatureRow { features: f, components, faults, conflicts, evidence: ev }
}

impl Features {
    /// The inverse of [`Features::values`].
    pub fn from_values(v: &[f32; N_FEATURES]) -> Features {
        let mut f = Features::default();
        for (i, x) in v.iter().enumerate() {
            f.set(i, *x);
        }
        f
    }
}

/// Whether the reply restates the customer's words as the reason for what it does next ("祝师傅这个月请假不在，
/// 所以我请汪师傅…", "考虑到…，我来…"): it uses what was said instead of parroting it.
fn restated_as_reason(cues: &Cues, chars: &[char], run: &[char]) -> bool {
    if acknowledges_tried_steps(cues, chars, run) {
        return true;
    }
    let Some(at) = chars.windows(run.len().max(1)).position(|w| w == run) else { return false };
    let (_, run_clause_end) = clause_bounds(chars, at + run.len() - 1);
    let next = (run_clause_end..chars.len()).find(|k| !is_break(chars[*k])).unwrap_or(chars.len());
    cues.reason_before.any_in(&chars[clause_bounds(chars, at).0..at])
        || cues.reason_after.starts_at(chars, next).is_some()
}

/// Whether the restated words are steps the customer tried, acknowledged as tried in a sentence that names them ("既然
/// 清过缓存、重启过，这些步骤就别再重复了"): the reply shows it read them, so that it will not prescribe them again.
fn acknowledges_tried_steps(cues: &Cues, chars: &[char], run: &[char]) -> bool {
    !cues.steps.find(run, None).is_empty()
        && super::text::sentences(chars).any(|(s, e)| {
            let sentence = &chars[s..e];
            !cues.steps.find(sentence, None).is_empty() && cues.tried_restated.any_in(sentence)
        })
}

/// How much of a repeated failed step one more trial before the agent acts counts as.
const ONE_MORE_TRIAL: f32 = 0.3;
