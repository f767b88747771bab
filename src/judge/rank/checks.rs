//! Consistency checks between the conversation state and one reply: each conflict becomes a fault with the
//! reply's words and the context's words that contradict each other.

use super::conversation::{CaseCtx, Fact, Said};
use super::lists::Cues;
use super::reply::ReplyReading;
use super::text::{content_units, edit_distance, sentence_bounds};
use super::time::later_than;
use super::{Conflict, Fault};

fn conflict(fault: Fault, reply_span: &str, said: &Said, detail: &str) -> Conflict {
    Conflict {
        fault,
        reply_span: reply_span.to_string(),
        context_turn: said.turn,
        context_span: said.span.clone(),
        detail: detail.to_string(),
    }
}

/// Every conflict of one reply with the conversation, at most one per fault family.
pub(crate) fn check(cues: &Cues, ctx: &CaseCtx, chars: &[char], reply: &ReplyReading) -> Vec<Conflict> {
    let st = &ctx.state;
    let mut out: Vec<Conflict> = Vec::new();

    // Asks again for information already given.
    if let Some((ask, given)) =
        reply.asks.iter().find_map(|a| st.provided.iter().rev().find(|g| g.kind == a.kind).map(|g| (a, g)))
    {
        out.push(conflict(Fault::AsksForGivenInfo, &ask.span, &given.said, &ask.word));
    }

    // Prescribes a step the customer already tried.
    if let Some((step, tried)) =
        reply.steps.iter().find_map(|s| st.tried.iter().rev().find(|t| t.kind == s.kind).map(|t| (s, t)))
    {
        out.push(conflict(Fault::RepeatsFailedStep, &step.span, &tried.said, &step.word));
    }

    // Offers what the customer refused, or another remedy/channel than the one they asked for.
    let pref = |offered: &[super::reply::Mention], refused: &[super::conversation::KindSaid], preferred: &[super::conversation::KindSaid]| {
        if let Some((m, r)) = offered.iter().find_map(|m| refused.iter().find(|r| r.kind == m.kind).map(|r| (m, r))) {
            return Some(conflict(Fault::IgnoresPreference, &m.span, &r.said, &m.word));
        }
        let p = preferred.last()?;
        if offered.iter().any(|m| m.kind == p.kind) {
            return None;
        }
        offered.first().map(|m| conflict(Fault::IgnoresPreference, &m.span, &p.said, &m.word))
    };
    // Or books a time of day the customer said they are not available.
    let too_early = st.available_from.as_ref().and_then(|(from, said)| {
        // Only an appointment needs the customer there: a visit in the same sentence.
        reply
            .promises
            .iter()
            .filter(|p| p.hour.is_some_and(|h| h < *from))
            .find(|p| {
                let (s, e) = sentence_bounds(chars, p.at);
                reply.channels.iter().any(|m| m.at >= s && m.at < e && cues.channels.name(m.kind) == "visit")
            })
            .map(|p| (p, said))
    });
    if let Some(c) = pref(&reply.remedies, &st.refused_remedies, &st.preferred_remedies)
        .or_else(|| pref(&reply.channels, &st.refused_channels, &st.preferred_channels))
        .or_else(|| too_early.map(|(p, said)| conflict(Fault::IgnoresPreference, &sentence_of(chars, p.at), said, &p.text)))
    {
        out.push(c);
    }

    // Promises a time after the customer's deadline.
    'deadline: for p in &reply.promises {
        for (d, said) in &st.deadlines {
            if later_than(p, d, st.today) == Some(true) {
                out.push(conflict(Fault::MissesDeadline, &sentence_of(chars, p.at), said, &p.text));
                break 'deadline;
            }
        }
    }

    // States a fact that contradicts the context.
    if let Some(c) = wrong_fact(ctx, reply) {
        out.push(c);
    }

    // Leaves the customer's concrete question unanswered.
    if let Some(q) = st.questions.iter().find(|q| !answers(cues, q, reply, chars)) {
        let name = cues.questions.name(q.kind);
        if matches!(name, "when" | "where" | "how_much") {
            out.push(conflict(Fault::UnansweredQuestion, &sentence_of(chars, 0), &q.said, ""));
        }
    }

    // Promises something the context says is no longer available.
    'unavail: for u in &st.unavailable {
        for name in &u.names {
            let pat: Vec<char> = name.chars().collect();
            if pat.is_empty() {
                continue;
            }
            let mut i = 0;
            while i + pat.len() <= chars.len() {
                if chars[i..i + pat.len()] == pat[..] {
                    let (s, e) = sentence_bounds(chars, i);
                    let admits = cues.unavailable.any_in(&chars[s..e]);
                    let negated = super::conversation::negated_near(cues, chars, i, 4);
                    if !admits && !negated {
                        out.push(conflict(Fault::ImpossiblePromise, &sentence_of(chars, i), &u.said, name));
                        break 'unavail;
                    }
                }
                i += 1;
            }
        }
    }

    // Acts as first contact after an earlier promise was broken.
    // Or makes again, word for word, the time promise that was just broken ("24小时内" after a broken "24小时内").
    if let Some(b) = &st.broken_promise {
        if !reply.names_broken_promise {
            out.push(conflict(Fault::IgnoresBrokenPromise, &sentence_of(chars, 0), b, ""));
        } else if let Some(p) = super::time::time_points(&cues.time, chars).into_iter().find(|p| {
            // Not the clause that quotes the broken promise back ("说好的24小时内没做到").
            let (s, e) = super::text::clause_bounds(chars, p.at);
            p.text.chars().count() >= 3 && b.span.contains(&p.text) && !cues.promise_ack.any_in(&chars[s..e])
        }) {
            out.push(conflict(Fault::IgnoresBrokenPromise, &sentence_of(chars, p.at), b, &p.text));
        }
    }
    out
}

fn sentence_of(chars: &[char], at: usize) -> String {
    let (s, e) = sentence_bounds(chars, at);
    super::conversation::quote(chars, s, e)
}

/// Whether the reply answers one question of the customer.
pub(crate) fn answers(cues: &Cues, q: &super::conversation::Question, reply: &ReplyReading, chars: &[char]) -> bool {
    match cues.questions.name(q.kind) {
        "when" => reply.has_time,
        "where" => reply.names_place,
        "how_much" => reply.has_number,
        _ => {
            let units = content_units(chars, &cues.function_chars);
            q.units.iter().any(|u| units.contains_key(u))
        }
    }
}

fn wrong_fact(ctx: &CaseCtx, reply: &ReplyReading) -> Option<Conflict> {
    let st = &ctx.state;
    // A code close to one given but not equal to any: a typo of it. Short codes (room numbers, card tails)
    // count only when they are the same digits in another order; a different room is not a typo.
    for c in &reply.facts.codes {
        if st.facts.codes.iter().any(|g| g.value == c.value) {
            continue;
        }
        let near = st.facts.codes.iter().find(|g| typo_of(&g.value, &c.value));
        if let Some(g) = near {
            return Some(conflict(Fault::WrongFact, &c.said.span, &g.said, &c.value));
        }
    }
    // A count of the same thing that differs from what the context says.
    for c in &reply.facts.counts {
        let same: Vec<&Fact> = st.facts.counts.iter().filter(|g| g.of == c.of).collect();
        if !same.is_empty() && !same.iter().any(|g| g.value == c.value) {
            return Some(conflict(Fault::WrongFact, &c.said.span, &same[same.len() - 1].said, &format!("{}{}", c.value, c.of)));
        }
    }
    // An amount that looks like a slip of one in the context (digits swapped or one digit off).
    for a in &reply.facts.amounts {
        if st.facts.amounts.iter().any(|g| g.value == a.value) {
            continue;
        }
        if let Some(g) = st.facts.amounts.iter().find(|g| typo_of(&g.value, &a.value)) {
            return Some(conflict(Fault::WrongFact, &a.said.span, &g.said, &format!("{}{}", a.value, a.of)));
        }
    }
    None
}

/// Whether `b` reads like a slip of `a`: the same characters in another order, or (for codes of 6+ chars)
/// one or two characters off.
fn typo_of(a: &str, b: &str) -> bool {
    if a == b || a.len() < 3 {
        return false;
    }
    let mut x: Vec<char> = a.chars().collect();
    let mut y: Vec<char> = b.chars().collect();
    x.sort_unstable();
    y.sort_unstable();
    if x == y {
        return true;
    }
    a.len() >= 6 && a.len().abs_diff(b.len()) <= 1 && edit_distance(a, b) <= 2
}
