//! Consistency checks between the conversation state and one reply: each conflict becomes a fault with the
//! reply's words and the context's words that contradict each other.

use super::conversation::{dated_clauses, named_with_title, negated_near, staff_named, staff_named_title_first, value_after, CaseCtx, ConversationState, Fact, Said};
use super::lists::Cues;
use super::reply::ReplyReading;
use super::text::{clauses, code_tokens, content_units, edit_distance, is_break, sentence_bounds, sentences, shared_content_run, window};
use super::time::{later_than, scan_time, time_points, Day, TimePoint};
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
        reply.asks.iter().find_map(|a| st.provided.iter().chain(&st.paid_amounts).rev().find(|g| g.kind == a.kind).map(|g| (a, g)))
    {
        out.push(conflict(Fault::AsksForGivenInfo, &ask.span, &given.said, &ask.word));
    }

    // Prescribes a step the customer already tried, named by a step list or in the customer's own words.
    if let Some((step, tried)) =
        reply.steps.iter().find_map(|s| st.tried.iter().rev().find(|t| t.kind == s.kind).map(|t| (s, t)))
    {
        out.push(conflict(Fault::RepeatsFailedStep, &step.span, &tried.said, &step.word));
    } else if let Some(c) = repeated_action(cues, st, chars) {
        out.push(c);
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
                reply.channels.iter().any(|m| m.at >= s && m.at < e && matches!(cues.channels.name(m.kind), "visit" | "store"))
            })
            .map(|p| (p, said))
    });
    if let Some(c) = pref(&reply.remedies, &st.refused_remedies, &st.preferred_remedies)
        .or_else(|| pref(&reply.channels, &st.refused_channels, &st.preferred_channels))
        .or_else(|| too_early.map(|(p, said)| conflict(Fault::IgnoresPreference, &sentence_of(chars, p.at), said, &p.text)))
        .or_else(|| outside_free_windows(cues, st, chars, reply))
        .or_else(|| inside_busy_windows(cues, st, chars, reply))
        .or_else(|| refused_option(cues, st, chars))
    {
        out.push(c);
    }

    // Promises a time after the customer's deadline.
    'deadline: for p in &reply.promises {
        for (d, said) in &st.deadlines {
            if later_than(p, d, st.today) == Some(true) && !alternative_in_time(cues, chars, p, d, st.today) {
                out.push(conflict(Fault::MissesDeadline, &sentence_of(chars, p.at), said, &p.text));
                break 'deadline;
            }
        }
    }

    // States a fact that contradicts the context.
    if let Some(c) = wrong_fact(cues, ctx, reply)
        .or_else(|| numeral_slip(cues, ctx, chars))
        .or_else(|| wrong_correction(cues, st, chars))
        .or_else(|| date_slip(cues, st, chars))
        .or_else(|| record_date_slip(cues, st, chars))
        .or_else(|| place_slip(cues, st, chars))
        .or_else(|| item_slip(cues, st, chars))
        .or_else(|| read_back_slip(cues, st, chars))
        .or_else(|| wrong_staff(cues, st, chars))
        .or_else(|| wrong_titled_staff(cues, st, chars))
        .or_else(|| wrong_name(cues, st, chars))
    {
        out.push(c);
    }

    // Leaves one of the customer's concrete questions (when, where, how much) unanswered, or a question the customer
    // presses for without a sentence about it.
    let unanswered = |q: &&super::conversation::Question| {
        (concrete(cues, q) && !answers(cues, q, reply, chars)) || (q.pressing && !answered_in_a_sentence(cues, q, chars))
    };
    // A question an earlier turn raised as a point of its own stays open until an agent turn after it answers it.
    let still_open = |q: &&super::conversation::Question| {
        !st.turn_texts.iter().any(|(turn, x)| *turn > q.said.turn && st.agent_turns.contains(turn) && answered_in_a_sentence(cues, q, x))
    };
    let raised = st.raised_questions.iter().filter(still_open).filter(|q| !st.questions.iter().any(|c| c.said == q.said));
    if let Some(q) = st.questions.iter().chain(raised).find(unanswered) {
        out.push(conflict(Fault::UnansweredQuestion, &sentence_of(chars, 0), &q.said, ""));
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
                    let sentence = &chars[s..e];
                    let admits = admits_unavailable(cues, sentence);
                    let negated = super::conversation::negated_near(cues, chars, i, 4);
                    // A sentence that names the thing to share the feeling ("开业花篮没赶上时间，真是让您没面子了") and
                    // commits to nothing (no time, no firm action) promises nothing.
                    let shares_feeling_only = (cues.feelings.any_in(sentence) || cues.empathy_frames.any_in(sentence))
                        && scan_time(&cues.time, sentence).is_empty()
                        && !cues.actions.find_in(sentence, None).iter().any(|h| h.weight >= STRONG_ACTION);
                    if !shares_feeling_only && !admits && !negated && !at_open_time(cues, st, u, sentence) && !in_later_month(cues, u, sentence) && !names_other_branch(cues, sentence, &u.said.span) {
                        out.push(conflict(Fault::ImpossiblePromise, &sentence_of(chars, i), &u.said, name));
                        break 'unavail;
                    }
                }
                i += 1;
            }
        }
    }

    // Or books a visit or a slot in a time the conversation says is fully taken.
    if !out.iter().any(|c| c.fault == Fault::ImpossiblePromise) {
        if let Some(c) = inside_full_slots(cues, st, chars, reply) {
            out.push(c);
        }
    }

    // Or commits, with a time, to the thing in other words: a run of three content characters shared with the
    // sentence that said it is gone ("给您预约周末在滨江店做头发" after "滨江店上个月已经停业了").
    if !out.iter().any(|c| c.fault == Fault::ImpossiblePromise) {
        if let Some(c) = promised_in_other_words(cues, st, chars) {
            out.push(c);
        }
    }

    // Promises to restock what the context says is gone for good.
    if let Some(gone) = &st.discontinued {
        let restocks = cues.restock.find_in(chars, None).into_iter().find(|h| {
            let (s, e) = sentence_bounds(chars, h.at);
            !negated_near(cues, chars, h.at, 3) && !cues.discontinued.any_in(&chars[s..e])
        });
        if let Some(h) = restocks {
            if !out.iter().any(|c| c.fault == Fault::ImpossiblePromise) {
                out.push(conflict(Fault::ImpossiblePromise, &sentence_of(chars, h.at), gone, &window(chars, h.at, h.at + h.len)));
            }
        }
    }

    // Acts as first contact after an earlier promise was broken.
    // Or makes again, word for word, a time promise made earlier in the conversation ("24小时内" once more).
    if let Some(b) = &st.broken_promise {
        if !reply.names_broken_promise {
            out.push(conflict(Fault::IgnoresBrokenPromise, &sentence_of(chars, 0), b, ""));
        } else if let Some(p) = super::time::time_points(&cues.time, chars).into_iter().find(|p| {
            // Not the clause that quotes the broken promise back ("说好的24小时内没做到", "答应您上午十点前退款").
            let (s, e) = super::text::clause_bounds(chars, p.at);
            let quotes_it = cues.promise_ack.any_in(&chars[s..e]) || cues.promise_report.any_in(&chars[s..e]);
            let said_before = |x: &[char]| super::text::holds_run(x, &p.text.chars().collect::<Vec<char>>());
            p.text.chars().count() >= 3
                && (b.span.contains(&p.text) || st.turn_texts.iter().any(|(t, x)| *t != super::conversation::CURRENT && said_before(x)))
                && !quotes_it
        }) {
            out.push(conflict(Fault::IgnoresBrokenPromise, &sentence_of(chars, p.at), b, &p.text));
        }
    }
    out
}

/// Whether the reply offers, in the same clause, another time as an alternative to a late one, and that time meets
/// the deadline ("周六上午十点或者周日下午的包间还空着" for a party on Saturday afternoon).
fn alternative_in_time(cues: &Cues, chars: &[char], p: &TimePoint, deadline: &TimePoint, today: Option<u8>) -> bool {
    let (s, e) = super::text::clause_bounds(chars, p.at);
    time_points(&cues.time, &chars[s..e]).into_iter().any(|q| {
        let (from, to) = if s + q.at < p.at { (s + q.at + q.len, p.at) } else { (p.at + p.len, s + q.at) };
        from <= to && cues.time_alternatives.any_in(&chars[from..to]) && later_than(&q, deadline, today) == Some(false)
    })
}

/// A taken slot leaves other times open ("刘医生明天不出诊" and "约刘医生后天上午"): a reply sentence naming the thing
/// is impossible only at a time inside the slot.
fn at_open_time(cues: &Cues, st: &ConversationState, u: &super::conversation::Unavailable, sentence: &[char]) -> bool {
    !u.taken.is_empty() && !time_points(&cues.time, sentence).iter().any(|p| u.taken.iter().any(|slot| slot.holds(p, st.today)))
}

/// Whether a reply sentence books the thing in a later month than the one it is gone for ("先锁下个月第一周梁教练的两节课"
/// after "梁教练这个月都约满了").
fn in_later_month(cues: &Cues, u: &super::conversation::Unavailable, sentence: &[char]) -> bool {
    u.month.is_some_and(|gone| cues.time.month_offsets.find_in(sentence, None).iter().any(|m| m.weight as u8 > gone))
}

/// Whether a reply sentence says the thing is gone ("无痛胃镜这两周约满了，我帮您登记下月的名额"), rather than saying
/// so and promising it anyway ("…的情况我知道，不过我还是给您加塞一个").
fn admits_unavailable(cues: &Cues, sentence: &[char]) -> bool {
    (cues.unavailable.any_in(sentence) || cues.unavailable_admits.any_in(sentence) || cues.staff_away.any_in(sentence))
        && !cues.unavailable_despite.any_in(sentence)
}

/// The weight from which an action cue is a commitment of its own ("安排", "退款"; not "换" of "换谁都会着急").
const STRONG_ACTION: f32 = 0.8;

/// A reply sentence with a time that shares a run of three content characters with what the context says is gone,
/// and does not say it is gone.
fn promised_in_other_words(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    const SHARED_RUN: usize = 3;
    for (s, e) in sentences(chars) {
        let sentence = &chars[s..e];
        let admits = admits_unavailable(cues, sentence) || cues.dismissive_limits.any_in(sentence);
        if admits || time_points(&cues.time, sentence).is_empty() {
            continue;
        }
        // The words the reply shares with what is gone name the thing ("南湖门诊部"), not the whole clause of the context.
        let gone = st.unavailable.iter().filter(|u| !in_later_month(cues, u, sentence)).find_map(|u| {
            let run = shared_content_run(&u.subject, sentence, &cues.function_chars);
            (run.len() >= SHARED_RUN && !names_other_branch(cues, sentence, &u.said.span) && in_taken_time(cues, st, u, sentence, &run))
                .then_some((u, run))
        });
        if let Some((u, run)) = gone {
            let name: String = run.into_iter().collect();
            return Some(conflict(Fault::ImpossiblePromise, &sentence_of(chars, s), &u.said, &name));
        }
    }
    None
}

/// Whether the time nearest to the words naming a thing of a taken slot falls inside the slot ("给您在张医生明天上午加一个号"
/// after "张医生明天上午的号已经全部约满了"; not "明天中午12点前帮您约好张医生后天下午2点的号"). A thing gone for
/// good is gone at every time.
fn in_taken_time(cues: &Cues, st: &ConversationState, u: &super::conversation::Unavailable, sentence: &[char], run: &[char]) -> bool {
    if u.taken.is_empty() && u.until.is_none() {
        return true;
    }
    let Some(at) = (0..sentence.len()).find(|&i| sentence[i..].starts_with(run)) else { return false };
    let distance = |p: &TimePoint| if p.at > at { p.at - at } else { at.saturating_sub(p.at + p.len) };
    let Some(p) = time_points(&cues.time, sentence).into_iter().min_by_key(distance) else { return false };
    match &u.until {
        Some(back) => day_before(&p, back, st.today),
        None => u.taken.iter().any(|slot| slot.holds(&p, st.today)),
    }
}

/// Whether a time falls on a day before another ("明天一早" before "周五才发货"). Today, said without a weekday, is
/// before any weekday the conversation names as still to come; tomorrow is before the weekend.
fn day_before(p: &TimePoint, day: &TimePoint, today: Option<u8>) -> bool {
    let no_hour = |t: &TimePoint| TimePoint { hour: None, ..t.clone() };
    match (p.day.unwrap_or(Day::Offset(0)), day.day, today) {
        (Day::Offset(0), Some(Day::Weekday(_)), None) => true,
        (Day::Offset(1), Some(Day::Weekday(w)), None) => w >= 6,
        _ => later_than(&no_hour(day), &no_hour(p), today) == Some(true),
    }
}

/// Whether a reply sentence moves the thing to a branch the context's sentence does not name ("改约体育中心店的烤漆房"
/// after "北环店的烤漆房这周在检修"): an alternative, not the impossible promise.
fn names_other_branch(cues: &Cues, sentence: &[char], context: &str) -> bool {
    branch_names(cues, sentence).iter().any(|b| !context.contains(&sentence[b.start..b.end].iter().collect::<String>()))
}

/// An instruction of the reply that tells the customer to do again what they said did not help: three content
/// character pairs shared with their report ("麻烦您先换一个防臭地漏盖试试" after "地漏盖换了个防臭的，都没用"), in a
/// clause that asks for no kind of information (an order number, photos), in a sentence that does not acknowledge
/// the attempt.
fn repeated_action(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    const SHARED_PAIRS: usize = 3;
    if st.tried_actions.is_empty() {
        return None;
    }
    for (s, e) in clauses(chars) {
        let clause = &chars[s..e];
        // Information the customer has already given is no new request: sending it again is the failed step itself
        // ("公众号上传了污渍照片…传了三次都失败" and "您在公众号上把照片再上传一次").
        let asks_for_information = cues
            .info
            .find(clause, None)
            .iter()
            .any(|(k, h)| !super::reply::names_info_to_use(cues, clause, h.at) && !st.provided.iter().any(|g| g.kind == *k));
        // "隔了一个小时再约还是一样、把微信关掉重开过，这些您都已经做过了": the reply quotes the attempts back.
        // "您说微信也更新到最新版了，那辛苦您在订单页再点一次": a clause that turns to a request after the
        // acknowledgement ("那…") asks anew; the acknowledgement covers only the clauses up to it.
        let (ss, se) = sentence_bounds(chars, s);
        let turns_to_request = cues.request_turns.starts_at(clause, leading_space(clause)).is_some();
        let acknowledged_from = if turns_to_request { s } else { ss };
        let acknowledged = cues.tried_ack.any_in(&chars[acknowledged_from..se]) || cues.no_help.any_in(clause);
        if !super::reply::clause_instructs(cues, chars, s, e) || acknowledged || asks_for_information {
            continue;
        }
        let units = content_units(clause, &cues.function_chars);
        if let Some(tried) = st.tried_actions.iter().find(|t| t.units.iter().filter(|u| units.contains_key(*u)).count() >= SHARED_PAIRS) {
            return Some(conflict(Fault::RepeatsFailedStep, &sentence_of(chars, s), &tried.said, &window(chars, s, e)));
        }
    }
    None
}

/// The reply books an appointment (a visit, a slot, a changed booking) at a time outside every window the customer
/// said they are free.
fn outside_free_windows(cues: &Cues, st: &ConversationState, chars: &[char], reply: &ReplyReading) -> Option<Conflict> {
    let first = st.free_windows.first()?;
    let calls = st.free_windows.iter().any(|w| w.about_calls);
    let p = reply.promises.iter().find(|p| {
        books_appointment(cues, chars, reply, p, calls) && p.hour.is_some() && !st.free_windows.iter().any(|w| w.fits(p, st.today))
    })?;
    Some(conflict(Fault::IgnoresPreference, &sentence_of(chars, p.at), &first.said, &p.text))
}

/// The reply books an appointment at a time the customer said they are away or busy ("周三周四周五我都出差" and
/// "周三下午3点送到您家").
fn inside_busy_windows(cues: &Cues, st: &ConversationState, chars: &[char], reply: &ReplyReading) -> Option<Conflict> {
    reply.promises.iter().find_map(|p| {
        let w = st.busy_windows.iter().find(|w| w.holds(p, st.today) && books_appointment(cues, chars, reply, p, w.about_calls || st.calls_discussed))?;
        Some(conflict(Fault::IgnoresPreference, &sentence_of(chars, p.at), &w.said, &p.text))
    })
}

/// The reply books an appointment in a time whose slots the conversation says are all taken ("这周末的技术员全部排满了"
/// and "这周六上午安排师傅上门").
/// Every time of the reply counts, the customer's own too: "下午三点给您开会议室" books the hour the customer asked for.
fn inside_full_slots(cues: &Cues, st: &ConversationState, chars: &[char], reply: &ReplyReading) -> Option<Conflict> {
    time_points(&cues.time, chars).into_iter().find_map(|p| {
        let slot = st.full_slots.iter().find(|slot| slot.holds(&p, st.today) && books_appointment(cues, chars, reply, &p, false))?;
        Some(conflict(Fault::ImpossiblePromise, &sentence_of(chars, p.at), &slot.window.said, &p.text))
    })
}

/// Whether the reply's sentence around a time books the customer's presence: an appointment word, a visit, or a
/// call where the customer spoke of when they can take calls.
fn books_appointment(cues: &Cues, chars: &[char], reply: &ReplyReading, p: &TimePoint, calls: bool) -> bool {
    let (s, e) = sentence_bounds(chars, p.at);
    cues.appointment_cues.any_in(&chars[s..e])
        || reply.channels.iter().any(|m| {
            let kind = cues.channels.name(m.kind);
            m.at >= s && m.at < e && (kind == "visit" || kind == "store" || (calls && kind == "call"))
        })
}

/// The reply offers, in a clause that does not negate it, words the customer turned down ("不要个人抬头" and
/// "按个人姓名开好了").
fn refused_option(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    st.refused_options.iter().rev().find_map(|r| {
        let pat: Vec<char> = r.words.chars().collect();
        (0..chars.len())
            .find(|&i| {
                !pat.is_empty()
                    && chars[i..].starts_with(&pat)
                    && !negated_near(cues, chars, i, 6)
                    && !super::reply::set_aside(cues, chars, i + pat.len())
            })
            .map(|i| conflict(Fault::IgnoresPreference, &sentence_of(chars, i), &r.said, &r.words))
    })
}

/// The reply corrects something to the value the conversation says is the wrong one ("把…改成MINGHUA" where the
/// order "写成了…MINGHUA"). A token of that value that the conversation also uses elsewhere (a surname both
/// spellings share) does not count.
fn wrong_correction(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    let mentions = |tok: &str| st.turn_texts.iter().filter(|(_, x)| x.iter().collect::<String>().contains(tok)).count();
    cues.correction_frames.find_in(chars, None).into_iter().find_map(|h| {
        let target = value_after(cues, chars, h.end());
        let w = st.wrong_values.iter().find(|w| {
            !target.is_empty()
                && target.iter().all(|t| w.tokens.contains(t))
                && target.iter().any(|t| mentions(t) <= st.wrong_values.iter().filter(|v| v.tokens.contains(t)).count())
        })?;
        Some(conflict(Fault::WrongFact, &sentence_of(chars, h.at), &w.said, &target.join(" ")))
    })
}

/// The reply dates a past event on another day than the conversation does ("您15号在门店退的租" where the
/// customer "12号在门店退的租"): two dated clauses that both tell of something done and share three character
/// pairs (the sentence's, where the reply's clause is too short to name the event). A reply clause that also names
/// the conversation's day is moving the date, not restating it.
fn date_slip(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    const SHARED_PAIRS: usize = 3;
    for mine in dated_clauses(cues, chars, true) {
        let mut same = false;
        let mut other: Option<(i32, usize, u8)> = None;
        for (turn, theirs) in &st.dated_events {
            if theirs.pairs.intersection(&mine.pairs).count() < SHARED_PAIRS {
                continue;
            }
            if theirs.day == mine.day {
                same = true;
            } else if other.is_none() {
                other = Some((*turn, theirs.at, theirs.day));
            }
        }
        let Some((turn, at, day)) = other else { continue };
        let (s, e) = mine.clause;
        let moves_it = time_points(&cues.time, &chars[s..e]).iter().any(|p| matches!(p.day, Some(Day::Date { day: d, .. }) if d == day));
        if same || moves_it {
            continue;
        }
        let x = &st.turn_texts.iter().find(|(t, _)| *t == turn)?.1;
        let said = Said { turn, span: sentence_of(x, at) };
        return Some(conflict(Fault::WrongFact, &sentence_of(chars, mine.at), &said, &window(chars, s, e)));
    }
    None
}

/// The reply reads the record back on another date than the one date the conversation names ("您9月17日付的690元"
/// where the customer said "9月16日的单，…付了690元"): a day of the month no turn names, in a clause that tells of
/// something done or paid, in a sentence that restates the record (its code, its amount or a read-back frame).
fn record_date_slip(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    let date_of = |p: &TimePoint| match p.day {
        Some(Day::Date { month, day }) => Some((month, day)),
        _ => None,
    };
    /// A day of the month a turn names, and where.
    struct NamedDate<'a> {
        turn: i32,
        text: &'a [char],
        at: usize,
        month: u8,
        day: u8,
    }
    let named: Vec<NamedDate> = st
        .turn_texts
        .iter()
        .flat_map(|(turn, text)| {
            time_points(&cues.time, text).into_iter().filter_map(move |p| {
                date_of(&p).map(|(month, day)| NamedDate { turn: *turn, text: &text[..], at: p.at, month, day })
            })
        })
        .collect();
    let first = named.first()?;
    if named.iter().any(|d| d.day != first.day) {
        return None;
    }
    let restated = |sentence: &[char]| {
        let facts = super::conversation::read_facts(cues, sentence, super::conversation::CURRENT);
        facts.quotes_a_code_of(&st.facts)
            || facts.amounts.iter().any(|a| st.facts.amounts.iter().any(|g| g.value == a.value))
            || cues.restate_frames.any_in(sentence)
    };
    for (s, e) in sentences(chars) {
        let sentence = &chars[s..e];
        for p in time_points(&cues.time, sentence) {
            let Some((month, day)) = date_of(&p) else { continue };
            let same_month = month == 0 || first.month == 0 || month == first.month;
            let (cs, ce) = super::text::clause_bounds(sentence, p.at);
            let done = cues.paid_marks.any_in(&sentence[cs..ce]) || cues.past_event_marks.any_in(&sentence[p.at + p.len..ce]);
            if day != first.day && same_month && done && restated(sentence) {
                let said = Said { turn: first.turn, span: sentence_of(first.text, first.at) };
                return Some(conflict(Fault::WrongFact, &sentence_of(chars, s), &said, &p.text));
            }
        }
    }
    None
}

/// Named branches in a text ("东门店", "体育中心店"): a suffix from `place_suffixes` with two to four name
/// characters before it, read back to a stop character or a function character.
fn branch_names(cues: &Cues, chars: &[char]) -> Vec<Branch> {
    const NAME: std::ops::RangeInclusive<usize> = 2..=4;
    cues.place_suffixes
        .find_in(chars, None)
        .into_iter()
        .filter_map(|h| {
            let length = chars[..h.at].iter().rev().take_while(|c| name_char(cues, **c)).count();
            NAME.contains(&length).then(|| Branch { start: h.at - length, suffix: h.at, end: h.end() })
        })
        .collect()
}

/// A character that can be part of a branch or product name: CJK, neither a stop character nor a function character.
fn name_char(cues: &Cues, c: char) -> bool {
    super::text::is_cjk(c) && !cues.place_name_stops.contains(&c) && !cues.function_chars.contains(&c)
}

/// Whether the words before `at` in its clause make it the customer's own record: the customer ("您…在东门店订的"),
/// or a name the customer used that opens the clause (their pet, child or car: "团子11月21号在星河店做的").
fn owns_record(cues: &Cues, st: &ConversationState, chars: &[char], clause_start: usize, at: usize) -> bool {
    let before = &chars[clause_start..at];
    cues.record_owner_marks.any_in(before)
        || (before.len() >= 2
            && before[..2].iter().all(|c| name_char(cues, *c))
            && st.customer_text.contains(&before[..2].iter().collect::<String>()))
}

/// A character of a product's name: a place's stop characters ("向日葵", "出租"), Latin letters ("SPA护理") and digits
/// ("42天亲子套房") may be part of it.
fn item_char(cues: &Cues, c: char) -> bool {
    (super::text::is_cjk(c) && !cues.function_chars.contains(&c)) || c.is_ascii_alphanumeric()
}

/// The product name right after an item frame at `from`: the run of its characters.
fn item_after<'a>(cues: &Cues, chars: &'a [char], from: usize) -> &'a [char] {
    let length = chars[from..].iter().take_while(|c| item_char(cues, **c)).count();
    &chars[from..from + length]
}

/// Where a branch name stands in its text: name from `start`, suffix from `suffix` to `end`.
#[derive(Clone, Copy)]
struct Branch {
    start: usize,
    suffix: usize,
    end: usize,
}

/// The reply restates the customer's record at another branch than the conversation named ("您这单是万象城店出的货"
/// where the customer said "东门店出的货"): a branch name with the same suffix that no turn uses, in a clause that
/// tells of the customer's record, in a sentence that shares three character pairs (the branch names left out) with
/// the turn's sentence that names the branch.
fn place_slip(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    const SHARED_PAIRS: usize = 3;
    let pairs_without = |x: &[char], b: Branch| -> std::collections::HashSet<[char; 2]> {
        let (s, e) = sentence_bounds(x, b.start);
        let masked: Vec<char> = (s..e).map(|i| if (b.start..b.end).contains(&i) { super::text::NO_MATCH } else { x[i] }).collect();
        super::text::cjk_pairs(&masked)
    };
    let named = turn_branches(cues, st);
    for mine in branch_names(cues, chars) {
        let name = &chars[mine.start..mine.end];
        if named.iter().any(|(_, x, b)| same_branch(&x[b.start..b.end], name)) {
            continue;
        }
        // The customer's own record ("您…在万象城店订的"): the customer before the branch in its clause, a mark of
        // something done after it. A branch the reply moves things to ("改由万象城店出") is no restatement.
        let (cs, ce) = super::text::clause_bounds(chars, mine.start);
        let in_its_clause = owns_record(cues, st, chars, cs, mine.start) && cues.past_event_marks.any_in(&chars[mine.end..ce]);
        // Or the record told over two clauses: the customer earlier in the sentence, the branch serving it in a clause
        // of its own ("您这份水是4月10日订的，河西配送站负责送"), not a branch the work moves to.
        let (ss, _) = sentence_bounds(chars, mine.start);
        let over_clauses = ss < cs
            && owns_record(cues, st, chars, ss, mine.start)
            && cues.record_service_marks.starts_at(chars, mine.end).is_some()
            && !cues.record_move_words.any_in(&chars[cs..mine.start]);
        if !in_its_clause && !over_clauses {
            continue;
        }
        let suffix = &chars[mine.suffix..mine.end];
        let my_pairs = pairs_without(chars, mine);
        let Some((turn, x, theirs)) = named.iter().find(|(_, x, theirs)| {
            &x[theirs.suffix..theirs.end] == suffix && pairs_without(x, *theirs).intersection(&my_pairs).count() >= SHARED_PAIRS
        }) else {
            continue;
        };
        let said = Said { turn: *turn, span: sentence_of(x, theirs.start) };
        return Some(conflict(Fault::WrongFact, &sentence_of(chars, mine.start), &said, &name.iter().collect::<String>()));
    }
    None
}

/// Every branch the turns name, with its turn and text.
fn turn_branches<'a>(cues: &Cues, st: &'a ConversationState) -> Vec<(i32, &'a [char], Branch)> {
    st.turn_texts.iter().flat_map(|(turn, x)| branch_names(cues, x).into_iter().map(move |b| (*turn, &x[..], b))).collect()
}

/// Two names of one branch, whichever says more of it ("归河西配送站送" and "河西配送站负责送").
fn same_branch(a: &[char], b: &[char]) -> bool {
    a.ends_with(b) || b.ends_with(a)
}

/// Every pair of neighbouring characters in the turns: a name sharing none of them is not the conversation's.
fn turn_pairs(st: &ConversationState) -> std::collections::HashSet<[char; 2]> {
    st.turn_texts.iter().flat_map(|(_, x)| x.windows(2).map(|w| [w[0], w[1]])).collect()
}

/// The reply reads the record back ("跟您确认一下，10月12日的记录，在城西服务站那边，信息都对得上") with a branch or a
/// date the conversation does not have, where it names one of the same kind: a branch with the same suffix that no
/// turn names, or a day of the month no turn names (unless the sentence names a conversation's day too).
fn read_back_slip(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    // Days of the month a text names: (month, day, offset); month 0 when unsaid.
    let dates = |x: &[char]| -> Vec<MonthDay> {
        time_points(&cues.time, x)
            .into_iter()
            .filter_map(|p| match p.day {
                Some(Day::Date { month, day }) => Some(MonthDay { month, day, at: p.at }),
                _ => None,
            })
            .collect()
    };
    let same_day = |a: &MonthDay, b: &MonthDay| a.day == b.day && (a.month == b.month || a.month == 0 || b.month == 0);
    let read_back: Vec<(usize, usize)> = sentences(chars).filter(|&(s, e)| cues.restate_frames.any_in(&chars[s..e])).collect();
    if read_back.is_empty() {
        return None;
    }
    let named = turn_branches(cues, st);
    let theirs: Vec<(i32, &[char], MonthDay)> =
        st.turn_texts.iter().flat_map(|(turn, x)| dates(x).into_iter().map(move |d| (*turn, &x[..], d))).collect();
    for (s, e) in read_back {
        let sentence = &chars[s..e];
        for mine in branch_names(cues, sentence) {
            let name = &sentence[mine.start..mine.end];
            let suffix = &sentence[mine.suffix..mine.end];
            if named.iter().any(|(_, x, b)| same_branch(&x[b.start..b.end], name)) {
                continue;
            }
            if let Some((turn, x, theirs)) = named.iter().find(|(_, x, b)| &x[b.suffix..b.end] == suffix) {
                let said = Said { turn: *turn, span: sentence_of(x, theirs.start) };
                return Some(conflict(Fault::WrongFact, &sentence_of(chars, s + mine.start), &said, &name.iter().collect::<String>()));
            }
        }
        if let Some(c) = read_back_item(cues, st, chars, s, e) {
            return Some(c);
        }
        let mine = dates(sentence);
        let known = |d: &MonthDay| theirs.iter().any(|(_, _, t)| same_day(t, d));
        if mine.iter().any(known) {
            continue;
        }
        if let (Some(d), Some((turn, x, t))) = (mine.first(), theirs.last()) {
            let said = Said { turn: *turn, span: sentence_of(x, t.at) };
            let text = time_points(&cues.time, sentence).into_iter().find(|p| p.at == d.at).map(|p| p.text).unwrap_or_default();
            return Some(conflict(Fault::WrongFact, &sentence_of(chars, s + d.at), &said, &text));
        }
    }
    None
}

/// A day of the month named in a text, at `at`; `month` 0 when the text does not say it.
struct MonthDay {
    month: u8,
    day: u8,
    at: usize,
}

/// In a read-back sentence anchored by a value of the record (a code or an amount the conversation gives), a
/// piece between commas that is only a name ("四害消杀", after an owner's "您的") and shares no character pair
/// with any turn names another product or service.
fn read_back_item(cues: &Cues, st: &ConversationState, chars: &[char], s: usize, e: usize) -> Option<Conflict> {
    const ITEM: std::ops::RangeInclusive<usize> = 2..=6;
    let sentence = &chars[s..e];
    let known_code = code_tokens(sentence).iter().any(|(t, _, _)| st.facts.codes.iter().any(|g| &g.value == t));
    let known_amount = st.facts.amounts.iter().any(|g| {
        let value: Vec<char> = g.value.chars().collect();
        sentence.windows(value.len()).any(|w| w == value.as_slice())
    });
    if !known_code && !known_amount {
        return None;
    }
    let turn_pairs = turn_pairs(st);
    let mut start = 0;
    for end in (0..=sentence.len()).filter(|&i| i == sentence.len() || is_break(sentence[i])) {
        let mut piece = &sentence[start..end];
        start = end + 1;
        if let Some((l, _)) = cues.record_owner_marks.starts_at(piece, 0) {
            piece = &piece[l..];
            if piece.first() == Some(&'的') {
                piece = &piece[1..];
            }
        }
        let is_name = ITEM.contains(&piece.len())
            && piece.iter().all(|c| super::text::is_cjk(*c) && !cues.function_chars.contains(c))
            && !cues.restate_frames.any_in(piece);
        if is_name && piece.windows(2).all(|w| !turn_pairs.contains(&[w[0], w[1]])) {
            let (turn, x) = st.turn_texts.iter().rev().find(|(turn, _)| *turn != super::conversation::CURRENT)?;
            let said = Said { turn: *turn, span: sentence_of(x, 0) };
            return Some(conflict(Fault::WrongFact, &sentence_of(chars, s), &said, &piece.iter().collect::<String>()));
        }
    }
    None
}

/// The reply restates the customer's record with another product or service ("您4月7号这次的内饰深度清洁是在体育中心店
/// 做的" where the customer "4月7号那天在体育中心店做的自动洗车"): in a clause that tells of the customer's record and
/// pins it down by the conversation's day or branch, the words after an item frame ("这次的", "订的") — four to eight
/// characters up to a stop character — share no character pair with any turn.
fn item_slip(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    const ITEM: std::ops::RangeInclusive<usize> = 4..=8;
    let turn_pairs = turn_pairs(st);
    // Where the conversation pins the record down: (turn, offset in it, the day or the branch).
    let mut anchors: Vec<(i32, usize, String)> = st.dated_events.iter().map(|(turn, d)| (*turn, d.at, format!("day {}", d.day))).collect();
    for (turn, x) in &st.turn_texts {
        anchors.extend(branch_names(cues, x).into_iter().map(|b| (*turn, b.start, x[b.start..b.end].iter().collect::<String>())));
        anchors.extend(record_codes(x).into_iter().map(|(code, at)| (*turn, at, code)));
    }
    // Failing a day, branch or code, a sentence that reads the record back ("我把记录调出来了：您约的…") pins it to the
    // last turn that names an item after a frame.
    let item_turn = st.turn_texts.iter().rev().find_map(|(turn, x)| {
        let at = cues.item_frames.find_in(x, None).into_iter().find(|h| item_after(cues, x, h.end()).len() >= 2)?.at;
        Some((*turn, at, String::new()))
    });
    for frame in cues.item_frames.find_in(chars, None) {
        let (cs, ce) = super::text::clause_bounds(chars, frame.at);
        let clause = &chars[cs..ce];
        let points_back = cues.record_ref_frames.is_entry(cues.item_frames.term(&frame));
        // "望京服务站那单…": a clause that opens with a branch and points back at the record reads the customer's.
        let before = &chars[cs..frame.at];
        let branch_first = points_back && branch_names(cues, before).iter().any(|b| b.start == 0 && b.end == before.len());
        let owned = branch_first || owns_record(cues, st, chars, cs, frame.at);
        if !owned || !(points_back || cues.past_event_marks.any_in(clause)) {
            continue;
        }
        let mut keys: Vec<String> = time_points(&cues.time, clause)
            .iter()
            .filter_map(|p| match p.day {
                Some(Day::Date { day, .. }) => Some(format!("day {day}")),
                _ => None,
            })
            .collect();
        keys.extend(branch_names(cues, clause).iter().map(|b| clause[b.start..b.end].iter().collect::<String>()));
        let (ss, se) = sentence_bounds(chars, frame.at);
        keys.extend(record_codes(&chars[ss..se]).into_iter().map(|(code, _)| code));
        let read_back = cues.restate_frames.any_in(&chars[ss..frame.at]);
        let anchor = anchors.iter().find(|(_, _, key)| keys.contains(key)).or(item_turn.as_ref().filter(|_| read_back));
        let Some((turn, at, _)) = anchor else { continue };
        let item = item_after(cues, &chars[..ce], frame.end());
        let length = item.len();
        let x = &st.turn_texts.iter().find(|(t, _)| t == turn)?.1;
        // The turn that pins the record down names it after an item frame ("在星河店做的造型修剪"): another item
        // in the reply ("这次的洗护加造型"), neither holding the other, is another product even where the two share a
        // pair ("预约洗车" and "自动洗车").
        let theirs: Vec<&[char]> = cues
            .item_frames
            .find_in(x, None)
            .iter()
            .map(|h| item_after(cues, x, h.end()))
            .filter(|t| t.len() >= 2)
            .collect();
        let other_item = length >= 2
            && !theirs.is_empty()
            && theirs.iter().all(|t| !super::text::holds_run(t, item) && !super::text::holds_run(item, t));
        let unknown_item = ITEM.contains(&length) && item.windows(2).all(|w| !turn_pairs.contains(&[w[0], w[1]]));
        if other_item || unknown_item {
            let said = Said { turn: *turn, span: sentence_of(x, *at) };
            return Some(conflict(Fault::WrongFact, &sentence_of(chars, frame.at), &said, &item.iter().collect::<String>()));
        }
    }
    None
}

/// The codes of a text that can pin a record down (digits with letters, or six digits and more: "花499" is a price),
/// keyed apart from days and branches, with where each starts.
fn record_codes(chars: &[char]) -> Vec<(String, usize)> {
    code_tokens(chars)
        .into_iter()
        .filter(|(t, _, _)| {
            let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
            t.len() >= 3 && digits > 0 && (digits < t.len() || digits >= 6)
        })
        .map(|(t, at, _)| (format!("code {t}"), at))
        .collect()
}

fn sentence_of(chars: &[char], at: usize) -> String {
    let (s, e) = sentence_bounds(chars, at);
    super::conversation::quote(chars, s, e)
}

/// Whether a question asks for something concrete (when, where, how much, which of two) that a reply can answer or
/// leave open.
pub(crate) fn concrete(cues: &Cues, q: &super::conversation::Question) -> bool {
    matches!(cues.questions.name(q.kind), "when" | "where" | "how_much" | "choice" | "who")
}

/// Whether one reply sentence takes up a question the customer presses for: it shares a content unit of the
/// question's topic (two for a yes/no or how question, whose answer restates it: "剩下的几周照常每周五送"), and for a
/// when / how much / where question it also holds a time, a figure or a place.
fn answered_in_a_sentence(cues: &Cues, q: &super::conversation::Question, chars: &[char]) -> bool {
    let kind = cues.questions.name(q.kind);
    // A topic of one unit ("租金怎么算") can only be shared once.
    let needed = if concrete(cues, q) { 1 } else { 2 }.min(q.topic.len().max(1));
    sentences(chars).any(|(s, e)| {
        let sentence = &chars[s..e];
        let units = content_units(sentence, &cues.function_chars);
        // A sentence that points at the question ("您问的这个，能用") is about it in any words.
        // A sentence that opens with a plain yes or no answers a yes/no question head-on ("可以，58元按原渠道退回").
        let head_on = kind == "yes_no" && cues.answer_openers.starts_at(sentence, leading_space(sentence)).is_some();
        let shared = q.topic.iter().filter(|u| units.contains_key(*u)).count();
        // Or says yes or no to it within the sentence, on a word of its topic ("市区我们可以免费送上门").
        let says_yes_or_no = kind == "yes_no" && shared >= 1 && cues.answer_modals.any_in(sentence);
        let about_it = shared >= needed || points_at_question(cues, sentence) || head_on || says_yes_or_no;
        let hedged = !cues.answer_hedges.find_in(sentence, Some(&cues.negators)).is_empty();
        let holds_answer = match kind {
            // Any time frame but a vague one ("尽快"): "通常1到3个工作日能到" answers when, however slow.
            // "多久" is answered by a length too ("可以免费停车4小时", "质保两年").
            "when" => names_a_time(cues, sentence) || names_a_length(cues, sentence),
            "where" => cues.place_answers.any_in(sentence),
            "how_much" => sentence.iter().any(|c| c.is_ascii_digit()) || cues.price_answers.any_in(sentence),
            "who" => cues.payer_answers.any_in(sentence),
            _ => !hedged,
        };
        about_it && holds_answer
    })
}

/// Whether a sentence points at the customer's question ("您问的这个，能拆"), and not only to say it was heard
/// ("您关心的我明白", "您的问题我记下了").
fn points_at_question(cues: &Cues, sentence: &[char]) -> bool {
    cues.answer_refs.find_in(sentence, None).iter().any(|h| {
        let after = h.end() + sentence[h.end()..].iter().take_while(|c| matches!(c, '，' | ',' | ' ')).count();
        cues.answer_deflections.starts_at(sentence, after).is_none()
    })
}

/// Whether a text names a time that can answer "when": any time frame but a vague one ("尽快"), or a day or time of day
/// ("前一晚十点以后").
fn names_a_time(cues: &Cues, chars: &[char]) -> bool {
    scan_time(&cues.time, chars).iter().any(|h| h.score > super::time::VAGUE_SCORE) || !time_points(&cues.time, chars).is_empty()
}

/// Whether a text names a length of time: a number, in digits or numerals, right before a time unit ("4小时", "三天").
fn names_a_length(cues: &Cues, chars: &[char]) -> bool {
    let t = &cues.time;
    (1..chars.len()).any(|at| {
        // "过几天" names no length.
        let numeral = t.numerals.starts_at(chars, at - 1).is_some_and(|(l, _)| l == 1) && t.question_numerals.starts_at(chars, at - 1).is_none();
        let number_before = chars[at - 1].is_ascii_digit() || numeral;
        number_before && t.units.starts_at(chars, at).is_some()
    })
}

fn leading_space(chars: &[char]) -> usize {
    chars.iter().take_while(|c| c.is_whitespace()).count()
}

/// Whether the reply answers one question of the customer.
pub(crate) fn answers(cues: &Cues, q: &super::conversation::Question, reply: &ReplyReading, chars: &[char]) -> bool {
    match cues.questions.name(q.kind) {
        // A time only for getting back ("核实后今天下班前告诉您") defers the answer; it does not give it.
        // A date answers it too ("有效期到明年3月31日").
        "when" => clauses(chars).any(|(s, e)| {
            let clause = &chars[s..e];
            names_a_time(cues, clause) && !cues.callback.any_in(clause) && !cues.answer_later.any_in(clause)
        }),
        "where" => reply.names_place,
        "how_much" => reply.has_figure,
        // "运费谁出" is answered by naming who pays ("来回运费都由我们出"), not by acting on the topic.
        "who" => sentences(chars).any(|(s, e)| {
            let units = content_units(&chars[s..e], &cues.function_chars);
            cues.payer_answers.any_in(&chars[s..e]) && (q.units.iter().any(|u| units.contains_key(u)) || points_at_question(cues, &chars[s..e]))
        }),
        _ => {
            let units = content_units(chars, &cues.function_chars);
            q.units.iter().any(|u| units.contains_key(u))
        }
    }
}

/// A surname with a title of address ("赵女士", "高先生") in `chars`: (where it starts, the three characters).
fn surnames_with_title(cues: &Cues, chars: &[char]) -> Vec<(usize, String)> {
    named_with_title(cues, &cues.address_titles, &[], chars)
}

/// Addresses the customer by another name or title than the conversation gave ("肇先生，…" where a turn says "赵先生";
/// "郑先生" for "郑女士"): a name with its title opening a clause of the reply (how a reply addresses someone, not
/// "我们的李先生会联系您") that no turn uses, where some turn names someone that way.
fn wrong_name(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    let given: Vec<(String, Said)> = st
        .turn_texts
        .iter()
        .flat_map(|(turn, text)| {
            surnames_with_title(cues, text).into_iter().map(move |(at, name)| {
                let (s, e) = super::text::clause_bounds(text, at);
                (name, Said { turn: *turn, span: window(text, s, e) })
            })
        })
        .collect();
    let (_, said) = given.last()?;
    let (at, name) = surnames_with_title(cues, chars)
        .into_iter()
        .find(|(at, name)| (*at == 0 || is_break(chars[at - 1])) && !given.iter().any(|(g, _)| g == name))?;
    Some(conflict(Fault::WrongFact, &sentence_of(chars, at), said, &name))
}

/// Names another member of staff as the one who handled the record ("由钱导检员经办的那单" where the customer said
/// "经手的是贺医生"): a name with a staff title, in a clause that says who handled it, that no turn uses, where some
/// turn says who handled it.
fn wrong_staff(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    let given: Vec<Said> = st
        .turn_texts
        .iter()
        .flat_map(|(turn, text)| {
            staff_named(cues, text).into_iter().filter_map(move |(at, _)| {
                let (s, e) = super::text::clause_bounds(text, at);
                cues.staff_handling_marks.any_in(&text[s..e]).then(|| Said { turn: *turn, span: window(text, s, e) })
            })
        })
        .collect();
    let said = given.last()?;
    let (at, name) = staff_named(cues, chars).into_iter().find(|(at, name)| {
        let (cs, ce) = super::text::clause_bounds(chars, *at);
        let name: Vec<char> = name.chars().collect();
        cues.staff_handling_marks.any_in(&chars[cs..ce]) && !st.turn_texts.iter().any(|(_, x)| super::text::holds_run(x, &name))
    })?;
    Some(conflict(Fault::WrongFact, &sentence_of(chars, at), said, &name))
}

/// Names a member of staff title first whom no turn names, where a turn names another with the same title ("我刚和产
/// 康师韩静确认了情况" where the customer said "接待我的是产康师周敏"): the reply has the person wrong. Not where the
/// reply names the one given too, or passes the work to the new person ("换产康师韩静给您做").
fn wrong_titled_staff(cues: &Cues, st: &ConversationState, chars: &[char]) -> Option<Conflict> {
    let given: Vec<_> = st
        .turn_texts
        .iter()
        .flat_map(|(turn, text)| {
            staff_named_title_first(cues, text).into_iter().map(move |n| {
                let (s, e) = super::text::clause_bounds(text, n.at);
                (n, Said { turn: *turn, span: window(text, s, e) })
            })
        })
        .collect();
    if given.is_empty() {
        return None;
    }
    let named = |text: &[char], name: &str| super::text::holds_run(text, &name.chars().collect::<Vec<char>>());
    staff_named_title_first(cues, chars).into_iter().find_map(|n| {
        let (s, e) = sentence_bounds(chars, n.at);
        if st.turn_texts.iter().any(|(_, x)| named(x, &n.name)) || cues.staff_change_marks.any_in(&chars[s..e]) {
            return None;
        }
        let (_, said) = given.iter().rev().find(|(g, _)| g.same_title(&n) && !named(chars, &g.name))?;
        Some(conflict(Fault::WrongFact, &sentence_of(chars, n.at), said, &n.name))
    })
}

fn wrong_fact(cues: &Cues, ctx: &CaseCtx, reply: &ReplyReading) -> Option<Conflict> {
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
    // An amount that looks like a slip of one in the context (digits swapped or one digit off); a single changed
    // digit of a 3+ digit amount counts where the reply quotes a code the same turn gave ("合同ZX2024…这单，12010元"
    // for "付了12000元，合同编号ZX2024…"): it restates that record, it does not compute a new sum.
    let restates_record = |turn: i32| {
        reply.facts.codes.iter().any(|c| st.facts.codes.iter().any(|g| g.said.turn == turn && g.value == c.value))
    };
    let one_digit_changed = |given: &Fact, stated: &str| {
        let digits = |v: &str| v.chars().filter(|c| c.is_ascii_digit()).count();
        given.value.len() == stated.len()
            && digits(&given.value) >= 3
            && given.value.chars().zip(stated.chars()).filter(|(x, y)| x != y).count() == 1
            && restates_record(given.said.turn)
    };
    // A paid amount restated with the record's code that is not the amount the record's turn says was paid ("服务单号
    // JT0294-886，实付188元" for "花了298元，服务单号是JT0294-886").
    let paid = |f: &Fact| cues.paid_marks.any_in(&f.said.span.chars().collect::<Vec<char>>());
    // Or where the conversation names one amount only, paid or not ("…租的小仓，300块钱" and "实付600元"): the reply
    // states what was paid, and the conversation knows no other sum it could be.
    let one_amount = st.facts.amounts.iter().all(|g| st.facts.amounts.first().is_some_and(|f| f.value == g.value));
    // Or, still with one amount only, the reply's sentence names the record by the branch the amount's turn names
    // ("大理古城店那单六人间床位（99元）" for "在大理古城店订的六人间床位，89元"): it restates the record's price.
    let pinned_by_branch = |given: &Fact, stated: &Fact| {
        let span: Vec<char> = stated.said.span.chars().collect();
        let turn_text = st.turn_texts.iter().find(|(t, _)| *t == given.said.turn).map(|(_, x)| x.iter().collect::<String>());
        turn_text.is_some_and(|x| branch_names(cues, &span).iter().any(|b| x.contains(&span[b.start..b.end].iter().collect::<String>())))
    };
    let other_paid_amount = |given: &Fact, stated: &Fact| {
        (paid(stated) && (one_amount || (paid(given) && restates_record(given.said.turn)))) || (one_amount && pinned_by_branch(given, stated))
    };
    for a in &reply.facts.amounts {
        if st.facts.amounts.iter().any(|g| g.value == a.value) {
            continue;
        }
        if let Some(g) =
            st.facts.amounts.iter().find(|g| typo_of(&g.value, &a.value) || one_digit_changed(g, &a.value) || other_paid_amount(g, a))
        {
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

/// The same words with another number in the middle: "…西园五区" in the reply where the context says "…西园六区",
/// "3号楼" for "8号楼". Needs three identical characters right before the number and the same character right after
/// it; times, dates and money are left to their own readers (a new time is a promise, not a slip), and so is a
/// number the context also states the reply's way.
fn numeral_slip(cues: &Cues, ctx: &CaseCtx, chars: &[char]) -> Option<Conflict> {
    const ANCHOR: usize = 3;
    let t = &cues.time;
    let is_num = |c: char| c.is_ascii_digit() || t.numerals.starts_at(&[c], 0).is_some();
    let is_word = |c: char| super::text::is_cjk(c) && !is_num(c);
    let skip_unit = |c: char| {
        let s = [c];
        t.clock_marks.starts_at(&s, 0).is_some()
            || t.date_marks.starts_at(&s, 0).is_some()
            || t.units.starts_at(&s, 0).is_some()
            || cues.money_units.starts_at(&s, 0).is_some()
    };
    // Number runs in a text: (start, end).
    let runs = |x: &[char]| {
        let mut out = Vec::new();
        let mut i = 0;
        while i < x.len() {
            if is_num(x[i]) {
                let s = i;
                while i < x.len() && is_num(x[i]) {
                    i += 1;
                }
                out.push((s, i));
            } else {
                i += 1;
            }
        }
        out
    };
    let key = |x: &[char], s: usize, e: usize| -> Option<(Vec<char>, char)> {
        if s < ANCHOR || e >= x.len() || !x[s - ANCHOR..s].iter().all(|c| is_word(*c)) || !is_word(x[e]) || skip_unit(x[e]) {
            return None;
        }
        Some((x[s - ANCHOR..s].to_vec(), x[e]))
    };
    for (rs, re) in runs(chars) {
        let Some((anchor, unit)) = key(chars, rs, re) else { continue };
        let mine = &chars[rs..re];
        let mut other: Option<(i32, usize)> = None;
        let mut same = false;
        for (turn, x) in &ctx.state.turn_texts {
            for (s, e) in runs(x) {
                if key(x, s, e).is_some_and(|(a, u)| a == anchor && u == unit) {
                    if &x[s..e] == mine {
                        same = true;
                    } else if other.is_none() {
                        other = Some((*turn, s));
                    }
                }
            }
        }
        if let (false, Some((turn, at))) = (same, other) {
            let x = &ctx.state.turn_texts.iter().find(|(t, _)| *t == turn)?.1;
            let said = Said { turn, span: sentence_of(x, at) };
            let what: String = chars[rs - ANCHOR..=re].iter().collect();
            return Some(conflict(Fault::WrongFact, &sentence_of(chars, rs), &said, &what));
        }
    }
    None
}
