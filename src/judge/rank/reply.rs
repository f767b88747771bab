//! The reply reader: what one candidate reply asks the customer to give or do, which remedies and channels it
//! offers, the times it promises and the facts it states, with char offsets for quoting.

use super::conversation::{negated_near, quote, read_facts, ConversationState, Facts, CURRENT};
use super::lists::Cues;
use super::text::{clause_bounds, sentence_bounds};
use super::time::{time_points, TimePoint};

/// A kind (of information, step, remedy, channel) the reply mentions, with its clause.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    pub(crate) kind: usize,
    pub(crate) word: String,
    pub(crate) span: String,
    /// Char offset of the mention in the reply.
    pub(crate) at: usize,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ReplyReading {
    /// Information the reply asks the customer to provide.
    pub(crate) asks: Vec<Mention>,
    /// Information the reply says it already has or uses.
    pub(crate) uses_given: bool,
    /// Steps the reply tells the customer to do (not those it knows were tried).
    pub(crate) steps: Vec<Mention>,
    pub(crate) remedies: Vec<Mention>,
    pub(crate) channels: Vec<Mention>,
    /// Times the reply commits to (not the customer's own times repeated back).
    pub(crate) promises: Vec<TimePoint>,
    pub(crate) facts: Facts,
    pub(crate) names_broken_promise: bool,
    pub(crate) escalates: bool,
    pub(crate) names_place: bool,
    pub(crate) has_time: bool,
    /// An amount, a count or a price word: what answers "多少钱" (the digits of a time do not).
    pub(crate) has_figure: bool,
    pub(crate) delegates: bool,
    /// Every commitment is that someone will get back to the customer (call, talk it over), none is a result.
    pub(crate) callback_only: bool,
    /// The remedy waits on an approval or review, or is only hoped for ("需要审批", "争取").
    pub(crate) pending: bool,
    /// Some clause reports work the agent has carried out ("已经把这次的钱退到您付款的账户"), not a promise.
    pub(crate) reports_done: bool,
}

/// "用身份证号在小程序里再查一次": the information word right after a mark of using it names how to do something, it
/// does not ask for it.
pub(crate) fn names_info_to_use(cues: &Cues, chars: &[char], at: usize) -> bool {
    cues.info_use_marks.ends_at(chars, at)
}

fn sentence(chars: &[char], at: usize) -> String {
    let (s, e) = sentence_bounds(chars, at);
    quote(chars, s, e)
}

impl ReplyReading {
    pub(crate) fn read(cues: &Cues, chars: &[char], state: &ConversationState) -> ReplyReading {
        let mut r = ReplyReading::default();
        for (k, h) in cues.info.find(chars, None) {
            let (s, e) = clause_bounds(chars, h.at);
            let (ss, se) = sentence_bounds(chars, h.at);
            let uses = cues.use_frames.any_in(&chars[s..e]);
            if uses {
                r.uses_given = true;
            } else if cues.ask_frames.any_in(&chars[ss..se]) && !negated_near(cues, chars, h.at, 3) && !names_info_to_use(cues, chars, h.at) {
                r.asks.push(Mention { kind: k, word: cues.info.term(k, &h).to_string(), span: sentence(chars, h.at), at: h.at });
            }
        }
        // Quoting a code the customer gave is using it.
        let own = read_facts(cues, chars, CURRENT);
        if own.quotes_a_code_of(&state.facts) {
            r.uses_given = true;
        }
        for (k, h) in cues.steps.find(chars, None) {
            let (s, e) = clause_bounds(chars, h.at);
            // Only a step the reply tells the customer to do; "您白等了一上午" describes, it does not prescribe.
            let instructs = clause_instructs(cues, chars, s, e);
            let past = cues.time.past_after.starts_at(chars, h.end()).is_some();
            if !instructs || past || negated_near(cues, chars, h.at, 3) || cues.tried_ack.any_in(&chars[s..e]) {
                continue;
            }
            r.steps.push(Mention { kind: k, word: cues.steps.term(k, &h).to_string(), span: sentence(chars, h.at), at: h.at });
        }
        // "预约了到店还等了两个多小时" tells what happened at the shop; it offers no visit.
        let told_as_past = |end: usize| cues.time.past_after.starts_soon_after(chars, end, 4);
        for (list, out, past_offers_nothing) in [(&cues.remedies, &mut r.remedies, false), (&cues.channels, &mut r.channels, true)] {
            for (k, h) in list.find(chars, None) {
                if negated_near(cues, chars, h.at, 6) || (past_offers_nothing && told_as_past(h.end())) || set_aside(cues, chars, h.end()) {
                    continue;
                }
                out.push(Mention { kind: k, word: list.term(k, &h).to_string(), span: sentence(chars, h.at), at: h.at });
            }
        }
        r.promises = time_points(&cues.time, chars)
            .into_iter()
            .filter(|p| {
                // A time of the customer's said back is no promise, unless the reply books it ("复查约在18号上午"
                // after "18号晚上才回来").
                let (s, e) = clause_bounds(chars, p.at);
                let repeated = state.customer_times.iter().any(|t| t == &p.text) || state.customer_text.contains(&p.text);
                !repeated || cues.appointment_cues.any_in(&chars[s..e])
            })
            .filter(|p| {
                // A time inside a wish, or naming the customer's own event ("明早就面试"), is not a commitment;
                // one that books the customer for it ("约您明天上午复查") is.
                let (s, e) = clause_bounds(chars, p.at);
                let event = cues.event_cues.any_in(&chars[(p.at + p.len).min(e)..e]) && !cues.appointment_cues.any_in(&chars[s..e]);
                let same_day_as_deadline =
                    p.hour.is_none() && state.deadlines.iter().any(|(d, _)| d.day.is_some() && d.day == p.day);
                !cues.time.wish.any_in(&chars[s..e]) && !event && !same_day_as_deadline
            })
            .collect();
        r.has_time = !r.promises.is_empty() || super::time::scan_time(&cues.time, chars).iter().any(|h| h.score >= 0.5);
        r.facts = own;
        // "没做到" owns a broken promise; "没做到位" only says the work was not good enough.
        r.names_broken_promise = cues.promise_ack.find_in(chars, None).iter().any(|h| {
            cues.promise_ack_not_after.starts_at(chars, h.end()).is_none() && !cues.promise_ack_not_before.ends_at(chars, h.at)
        });
        r.escalates = cues.escalation.any_in(chars);
        r.names_place = cues.place_answers.any_in(chars);
        r.delegates = cues.delegation.any_in(chars);
        r.callback_only = callback_only(cues, chars);
        r.pending = cues.pending.any_in(chars);
        r.reports_done = reports_done(cues, chars);
        // A figure answers "多少钱/几个": an amount, a count or a price word ("免费", "全额"); the digits of a time
        // ("2小时内") and a bare numeral inside a word ("一有进展") do not.
        r.has_figure = !r.facts.amounts.is_empty()
            || !r.facts.counts.is_empty()
            || cues.price_answers.any_in(chars);
        r
    }
}

/// Whether the reply promises contact instead of a result: it says someone will get back to the customer, and no
/// clause with a time in it commits to anything else ("主管明天上午给您打电话商量" but no "今天下午退回").
fn callback_only(cues: &Cues, chars: &[char]) -> bool {
    let calls_back = cues.callback.find_in(chars, None).iter().any(|h| {
        let (s, _) = clause_bounds(chars, h.at);
        !cues.followup_frames.any_in(&chars[s..h.at])
    });
    if !calls_back {
        return false;
    }
    let points = time_points(&cues.time, chars);
    !points.iter().any(|p| {
        let (s, e) = clause_bounds(chars, p.at);
        !cues.callback.any_in(&chars[s..e]) && !cues.delegation.any_in(&chars[s..e])
    })
}

/// Whether some clause reports work carried out by the agent: a done mark ("已经", "刚刚") followed in its clause by a
/// result ("订好", "排了") or "把…", where the clause has no other subject before the mark ("您已经…" is the customer's
/// doing), no figure right after it ("已经三天了" counts time), and no paperwork, hand-over, call back or pending
/// approval ("已经登记了", "我已经核对过了": the problem is no nearer a fix).
fn reports_done(cues: &Cues, chars: &[char]) -> bool {
    cues.done_marks.find_in(chars, None).iter().any(|h| {
        let (s, e) = clause_bounds(chars, h.at);
        let clause = &chars[s..e];
        let after = &chars[h.end()..e];
        let counts_time = after.first().is_some_and(|c| c.is_ascii_digit() || cues.time.numerals.starts_at(after, 0).is_some());
        cues.done_results.any_in(after)
            && !counts_time
            && !cues.done_other_subjects.any_in(&chars[s..h.at])
            && !negated_near(cues, chars, h.at, 3)
            && ![&cues.done_not_fixes, &cues.delegation, &cues.callback, &cues.pending].iter().any(|l| l.any_in(clause))
    })
}

/// Whether the clause `s..e` tells the customer to do something: it holds an instruction frame ("请", "您先"), or
/// it goes on from a clause that does ("您先拔掉网线，然后重启路由器": "然后" carries the instruction on; "麻烦您
/// 再操作一遍：卸载后重新安装": a colon announces what the instruction is).
pub(crate) fn clause_instructs(cues: &Cues, chars: &[char], s: usize, e: usize) -> bool {
    let framed = (s..e).any(|i| {
        cues.instruct_frames
            .starts_at(chars, i)
            .is_some_and(|(l, _)| i + l <= e && cues.instruct_not_after.starts_at(chars, i + l).is_none())
    });
    if framed {
        return true;
    }
    let (sentence_start, _) = sentence_bounds(chars, s);
    let after_colon = s >= 1 && chars[s - 1] == ':';
    if s <= sentence_start + 1 || !(after_colon || cues.instruct_continue.starts_at(chars, s).is_some()) {
        return false;
    }
    // The clause before this one, in the same sentence (s - 1 is the comma between them).
    let (ps, pe) = clause_bounds(chars, s - 2);
    clause_instructs(cues, chars, ps, pe)
}

/// Whether what a reply names just before `end` (a remedy, an option) is named only to set it aside, not offered
/// ("重做没意义，那就按这个来").
pub(crate) fn set_aside(cues: &Cues, chars: &[char], end: usize) -> bool {
    cues.offer_dismissals.starts_soon_after(chars, end, 2)
}
