//! The conversation reader: what the customer side of a request says, read once per request. Both the mood
//! (repeat contact, anxiety, anger, gratitude) and the state (given information, failed steps, refusals and
//! preferences, deadlines, questions, facts, earlier promises and whether they were kept).

use std::collections::{HashMap, HashSet};

use super::lists::{Cues, Hit, KindLists};
use super::text::{clamp01, code_tokens, content_units, saturate, sentence_bounds, window, Text};
use super::time::{scan_time, scheduling_points, stated_today, time_points, Day, TimePoint};
use super::CaseView;
use crate::judge::Role;
use crate::labels::Emotion;

/// Index of the customer's current message in `Evidence::turn` (context turns are 0..).
pub(crate) const CURRENT: i32 = -1;

/// Where in the conversation something was said: the turn (index into `context`, or −1 for the customer's
/// message) and the quoted span.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Said {
    pub(crate) turn: i32,
    pub(crate) span: String,
}

/// Something of a kind (an information kind, a step, a remedy …) said somewhere.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KindSaid {
    pub(crate) kind: usize,
    pub(crate) word: String,
    pub(crate) said: Said,
}

/// A question in the customer's message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Question {
    /// Index into `Cues::questions` ("when", "where", "how_much", "yes_no", "how", "choice").
    pub(crate) kind: usize,
    pub(crate) units: Vec<String>,
    /// What it is about: the content units of the clause that asks, without the question words ("重复扣的钱什么时候
    /// 退回来" → 重复, 退回, …; "要是修不好，租金怎么算" → 租金), or of its sentence where that clause names nothing.
    pub(crate) topic: Vec<String>,
    /// The customer presses for this answer: asked as a point of its own ("还有，…", "我就想问一句：…") or asked again
    /// ("我刚才问的那个呢？" points at the last question of an earlier turn).
    pub(crate) pressing: bool,
    pub(crate) said: Said,
}

/// Words the customer turned down in their own words ("不要个人抬头" → "个人"): an option no kind list names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RefusedOption {
    pub(crate) words: String,
    pub(crate) said: Said,
}

/// A value the conversation says is wrong ("订单上写成了LI MINGHUA" → ["li", "minghua"]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WrongValue {
    pub(crate) tokens: Vec<String>,
    pub(crate) said: Said,
}

/// A day of the month in a clause that tells of something done ("12号在门店退的租"), with the clause's plain
/// character pairs: the words that pin an event down (a shop, "退的租") are often short.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DatedClause {
    pub(crate) day: u8,
    pub(crate) at: usize,
    pub(crate) pairs: HashSet<[char; 2]>,
    pub(crate) clause: (usize, usize),
}

/// The dated past-event clauses of a text. With `bare_clauses`, a clause too short to name the event
/// ("…东门店出的货，1月15日下单") takes its sentence's pairs and past-event marks.
pub(crate) fn dated_clauses(cues: &Cues, x: &[char], bare_clauses: bool) -> Vec<DatedClause> {
    const NAMING_PAIRS: usize = 3;
    let cjk_pairs = super::text::cjk_pairs;
    time_points(&cues.time, x)
        .into_iter()
        .filter_map(|p| {
            let Some(super::time::Day::Date { day, .. }) = p.day else { return None };
            let (s, e) = super::text::clause_bounds(x, p.at);
            let rest: Vec<char> = x[s..p.at].iter().chain(&x[(p.at + p.len).min(e)..e]).copied().collect();
            let pairs = cjk_pairs(&rest);
            if cues.past_event_marks.any_in(&rest) {
                return Some(DatedClause { day, at: p.at, pairs, clause: (s, e) });
            }
            let (ss, se) = sentence_bounds(x, p.at);
            let sentence: Vec<char> = x[ss..p.at].iter().chain(&x[(p.at + p.len).min(se)..se]).copied().collect();
            (bare_clauses && pairs.len() < NAMING_PAIRS && cues.past_event_marks.any_in(&sentence))
                .then(|| DatedClause { day, at: p.at, pairs: cjk_pairs(&sentence), clause: (s, e) })
        })
        .collect()
}

/// A time the customer is free, from a sentence that says these are the only ones
/// ("只在周日下午和平日晚上7点后方便" → Sunday 12–18 h, Monday–Friday 19–24 h).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FreeWindow {
    /// Weekdays (Monday = 1); None: any day.
    pub(crate) weekdays: Option<Vec<u8>>,
    /// The day counted from today the window names ("后天我不在本地"), where it names one: only that day is busy.
    pub(crate) relative_day: Option<i32>,
    /// The days of the month the window names ("15号到18号出差": 15..=18), where it names them.
    pub(crate) dates: Option<(u8, u8)>,
    pub(crate) from_hour: f32,
    pub(crate) to_hour: f32,
    /// The customer speaks of calls here ("只有中午12点到1点能接电话"): a timed call is an appointment too.
    pub(crate) about_calls: bool,
    /// Only this week's days ("周五才回来": away until Friday): next week's days ("下周三") fall outside it.
    pub(crate) this_week: bool,
    pub(crate) said: Said,
}

impl FreeWindow {
    /// Whether a time fits the window; a day the reply leaves open, or that cannot be placed in the week, fits.
    pub(crate) fn fits(&self, p: &TimePoint, today: Option<u8>) -> bool {
        let day_fits = match (&self.weekdays, p.day.and_then(|d| d.weekday(today))) {
            _ if self.dates.is_some() => self.date_holds(p).unwrap_or(true),
            (Some(days), Some(d)) => days.contains(&d),
            _ => true,
        };
        day_fits && p.hour.is_none_or(|h| (self.from_hour..=self.to_hour).contains(&h))
    }

    /// Whether a time certainly falls in the window: its weekday is known and named by the window, and its hour,
    /// if any, lies in it (a window of a whole day holds any hour). The strict reading for times the customer said
    /// they are busy: a day the reply leaves open is not held against it.
    pub(crate) fn holds(&self, p: &TimePoint, today: Option<u8>) -> bool {
        if self.this_week && matches!(p.day, Some(Day::Weekday(w)) if w > 7) {
            return false;
        }
        let day_holds = match (self.relative_day, &self.weekdays, p.day.and_then(|d| d.weekday(today))) {
            // A weekday or a day from today cannot be placed against days of the month.
            _ if self.dates.is_some() => self.date_holds(p).unwrap_or(false),
            // A time without a day is today's.
            (Some(mine), _, _) => match p.day.unwrap_or(Day::Offset(0)) {
                Day::Offset(o) => o == mine,
                other => other.weekday(today).zip(Day::Offset(mine).weekday(today)).is_some_and(|(a, b)| a == b),
            },
            (None, Some(days), Some(d)) => days.contains(&d),
            (None, Some(_), None) => false,
            (None, None, _) => true,
        };
        let whole_day = self.from_hour <= 0.0 && self.to_hour >= 24.0;
        let hour_holds = match p.hour {
            Some(h) => (self.from_hour..=self.to_hour).contains(&h),
            None => whole_day,
        };
        day_holds && hour_holds && (self.weekdays.is_some() || self.dates.is_some() || p.hour.is_some())
    }

    /// A window of whole days: the weekdays or the days of the month it names.
    fn whole_days(weekdays: Option<Vec<u8>>, dates: Option<(u8, u8)>, about_calls: bool, said: Said) -> FreeWindow {
        FreeWindow { weekdays, relative_day: None, dates, from_hour: 0.0, to_hour: 24.0, about_calls, this_week: false, said }
    }

    /// Whether a time's day of the month lies in the window's dates; None where the time names no date.
    fn date_holds(&self, p: &TimePoint) -> Option<bool> {
        let (first, last) = self.dates?;
        match p.day {
            Some(super::time::Day::Date { day, .. }) => Some((first..=last).contains(&day)),
            _ => None,
        }
    }
}

/// A time whose slots are all taken, as the window it spans.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FullSlot {
    pub(crate) window: FreeWindow,
    /// The window is in next week ("下周末已经约满了"): this week's days are still open, and the other way round.
    pub(crate) next_week: bool,
}

impl FullSlot {
    /// Whether a time certainly falls in the taken window (the strict reading of [`FreeWindow::holds`], and a weekday
    /// of the same week).
    pub(crate) fn holds(&self, p: &TimePoint, today: Option<u8>) -> bool {
        let same_week = match p.day {
            Some(super::time::Day::Weekday(w)) => (w > 7) == self.next_week,
            _ => true,
        };
        same_week && self.window.holds(p, today)
    }
}

/// A number stated somewhere, with what it counts or measures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fact {
    pub(crate) value: String,
    /// Codes: empty; amounts: the money unit; counts: the noun counted.
    pub(crate) of: String,
    pub(crate) said: Said,
}

/// The facts of one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Facts {
    pub(crate) codes: Vec<Fact>,
    pub(crate) amounts: Vec<Fact>,
    pub(crate) counts: Vec<Fact>,
}

impl Facts {
    /// Whether these facts quote one of `given`'s codes (a reply naming the customer's order number).
    pub(crate) fn quotes_a_code_of(&self, given: &Facts) -> bool {
        self.codes.iter().any(|c| given.codes.iter().any(|g| g.value == c.value))
    }
}

/// Something no longer available ("卡已注销", "这款停产了"), named by its codes and content bigrams.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unavailable {
    pub(crate) names: Vec<String>,
    /// The sentence up to the cue ("您约的那位发型师已经"): what a reply may name in other words; empty for a slot
    /// (a time is in it).
    pub(crate) subject: Vec<char>,
    pub(crate) said: Said,
    /// For a taken slot with a time ("刘医生明天不出诊"): the windows it closes. A reply that names the thing is
    /// impossible only at a time inside them.
    pub(crate) taken: Vec<FullSlot>,
    /// The month the sentence gives it ("梁教练这个月都约满了": 0), months from this one: a later month is still open.
    pub(crate) month: Option<u8>,
    /// The day it comes back ("杨教练这周出差，周日才回"): it is gone only before that day.
    pub(crate) until: Option<TimePoint>,
}

/// Something the customer did that did not help, in their words ("地漏盖换了个防臭的，都没用"): the content
/// character pairs of the sentence up to the report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TriedAction {
    pub(crate) units: HashSet<String>,
    pub(crate) said: Said,
}

/// What the conversation so far establishes.
#[derive(Debug, Clone, Default)]
pub(crate) struct ConversationState {
    pub(crate) provided: Vec<KindSaid>,
    /// Amounts the customer says they paid, with no word naming the amount ("当时付的是580元"): asking how much was paid
    /// asks again, but quoting them is no use of given information.
    pub(crate) paid_amounts: Vec<KindSaid>,
    pub(crate) tried: Vec<KindSaid>,
    /// What the customer did without help, where no step list names it.
    pub(crate) tried_actions: Vec<TriedAction>,
    pub(crate) refused_remedies: Vec<KindSaid>,
    pub(crate) preferred_remedies: Vec<KindSaid>,
    pub(crate) refused_channels: Vec<KindSaid>,
    pub(crate) preferred_channels: Vec<KindSaid>,
    pub(crate) refused_options: Vec<RefusedOption>,
    /// Values the conversation marks as the wrong ones, to be corrected away from.
    pub(crate) wrong_values: Vec<WrongValue>,
    pub(crate) deadlines: Vec<(TimePoint, Said)>,
    /// The times named in the latest earlier customer turn, for a current message that points back at one.
    customer_turn_points: Vec<(TimePoint, Said)>,
    /// The earliest hour of the day the customer is available ("晚上7点以后在家").
    pub(crate) available_from: Option<(f32, Said)>,
    /// The only times the customer is free, when they say so.
    pub(crate) free_windows: Vec<FreeWindow>,
    /// Times the customer says they are away or busy ("周三周四周五我都出差", "这个周末我不在家").
    pub(crate) busy_windows: Vec<FreeWindow>,
    /// Past events dated by a day of the month, in every turn read, with the turn.
    pub(crate) dated_events: Vec<(i32, DatedClause)>,
    /// Texts of every time the customer side mentions (a reply repeating one is not promising it).
    pub(crate) customer_times: Vec<String>,
    /// The customer side's texts, normalised (a reply quoting a time from them is not promising it).
    pub(crate) customer_text: String,
    /// Every turn read, with its index (−1 = the current message), for checks that compare wording.
    pub(crate) turn_texts: Vec<(i32, Vec<char>)>,
    pub(crate) questions: Vec<Question>,
    /// The questions of the latest earlier customer turn that asked any, for a current message that asks again.
    earlier_questions: Vec<Question>,
    /// Questions an earlier customer turn raised as a point of its own ("另外想问一下，…"): they stay open unless a later
    /// agent turn answers them, whatever the current message asks.
    pub(crate) raised_questions: Vec<Question>,
    /// The indexes of the agent's turns (their texts are in `turn_texts`).
    pub(crate) agent_turns: Vec<i32>,
    pub(crate) facts: Facts,
    pub(crate) unavailable: Vec<Unavailable>,
    /// Some turn speaks of a phone call ("这个得跟您约个时间电话确认"): a call is then booked like a visit.
    pub(crate) calls_discussed: bool,
    /// Times whose slots the conversation says are taken ("这周末的技术员全部排满了", "明天上午的号已经约满了"): nothing
    /// can be booked in them.
    pub(crate) full_slots: Vec<FullSlot>,
    /// Where the conversation says the thing is gone for good ("这款已经停产"): no restocking will bring it back.
    pub(crate) discontinued: Option<Said>,
    /// An earlier promise that the customer says was not kept.
    pub(crate) broken_promise: Option<Said>,
    /// Agent promises in the context, kept or not.
    pub(crate) promises: Vec<Said>,
    pub(crate) today: Option<u8>,
}

/// What the ranker reads from the customer side once per request.
pub(crate) struct CaseCtx {
    pub(crate) customer: Text,
    pub(crate) customer_units: HashMap<String, f32>,
    pub(crate) context_units: HashMap<String, f32>,
    pub(crate) repeat: f32,
    pub(crate) anxiety: f32,
    pub(crate) anger: f32,
    pub(crate) gratitude: f32,
    pub(crate) negative: bool,
    pub(crate) emotion: Option<Emotion>,
    pub(crate) state: ConversationState,
}

/// Longest quoted span, in chars.
const SPAN_CHARS: usize = 40;
/// How many of the most recent context turns are read for the state (older ones rarely decide a reply).
const STATE_TURNS: usize = 12;

pub(crate) fn quote(chars: &[char], from: usize, to: usize) -> String {
    let to = to.min(chars.len()).min(from + SPAN_CHARS);
    window(chars, from, to).trim().to_string()
}

fn clause_quote(chars: &[char], at: usize) -> String {
    let (s, e) = sentence_bounds(chars, at);
    // Keep the quote centred on the cue when the sentence is long.
    let s = if e - s > SPAN_CHARS { at.saturating_sub(SPAN_CHARS / 2).max(s) } else { s };
    quote(chars, s, e)
}

/// Whether a negator ends within `reach` chars before `at` in the same clause.
pub(crate) fn negated_near(cues: &Cues, chars: &[char], at: usize, reach: usize) -> bool {
    // "无痛胃镜名额": a negator that opens a word of its own negates nothing.
    frame_ending_before(&cues.negators, chars, at, reach, |end| cues.negator_words.starts_at(chars, end - 1).is_none())
}

/// Whether an entry of `list` ends within `reach` chars before `at`, with no punctuation in between.
pub(crate) fn frame_before(list: &super::lists::CueList, chars: &[char], at: usize, reach: usize) -> bool {
    frame_ending_before(list, chars, at, reach, |_| true)
}

/// [`frame_before`] for the entries whose end `counts`.
fn frame_ending_before(list: &super::lists::CueList, chars: &[char], at: usize, reach: usize, counts: impl Fn(usize) -> bool) -> bool {
    let at = at.min(chars.len());
    let mut p = at;
    loop {
        if p > 0 && list.ends_at(chars, p) && counts(p) {
            return true;
        }
        if p == 0 || at - p >= reach || super::text::is_break(chars[p - 1]) {
            return false;
        }
        p -= 1;
    }
}

/// Hits of a kind family with their words.
fn kind_hits(lists: &KindLists, chars: &[char]) -> Vec<(usize, Hit, String)> {
    lists.find(chars, None).into_iter().map(|(k, h)| {
        let w = lists.term(k, &h).to_string();
        (k, h, w)
    }).collect()
}

/// The facts of a text: codes (ASCII tokens with a digit, or letter-only names of 4+), amounts and counts.
pub(crate) fn read_facts(cues: &Cues, chars: &[char], turn: i32) -> Facts {
    let mut facts = Facts::default();
    for (tok, at, _end) in code_tokens(chars) {
        let has_digit = tok.chars().any(|c| c.is_ascii_digit());
        let letters = tok.chars().all(|c| c.is_ascii_alphabetic());
        if (has_digit && tok.len() >= 3) || (letters && tok.len() >= 4) {
            facts.codes.push(Fact { value: tok, of: String::new(), said: Said { turn, span: clause_quote(chars, at) } });
        }
    }
    // Numbers followed by a money unit or by a measure word and a noun.
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let is_num = c.is_ascii_digit() || cues.time.numerals.starts_at(chars, i).is_some();
        if !is_num || (i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.' || (!c.is_ascii_digit() && cues.time.numerals.starts_at(chars, j).is_some())) {
            j += 1;
        }
        let value = window(chars, start, j);
        if let Some((ul, _)) = cues.money_units.starts_at(chars, j) {
            if c.is_ascii_digit() {
                facts.amounts.push(Fact { value: value.clone(), of: window(chars, j, j + ul), said: Said { turn, span: clause_quote(chars, start) } });
            }
            i = j + ul;
            continue;
        }
        // "付了1580，": digits after a paid mark that end their clause are a sum without its unit.
        let ends_clause = chars.get(j).is_none_or(|c| !super::text::is_cjk(*c) && !c.is_ascii_alphanumeric());
        if c.is_ascii_digit() && ends_clause && cues.paid_marks.ends_at(chars, start) {
            facts.amounts.push(Fact { value, of: String::new(), said: Said { turn, span: clause_quote(chars, start) } });
            i = j;
            continue;
        }
        if let Some((cl, _)) = cues.count_classifiers.starts_at(chars, j) {
            let noun_start = j + cl;
            let mut e = noun_start;
            while e < chars.len() && e < noun_start + 2 && super::text::is_cjk(chars[e]) && cues.time.numerals.starts_at(chars, e).is_none() {
                e += 1;
            }
            if e - noun_start == 2 {
                let v = normal_count(cues, &value);
                facts.counts.push(Fact { value: v, of: window(chars, noun_start, e), said: Said { turn, span: clause_quote(chars, start) } });
            }
        }
        i = j.max(start + 1);
    }
    facts
}

/// The two content characters right after a refusal ("不要再给我寄纸质的" → "寄纸"), if the option is named there.
fn refused_words(cues: &Cues, chars: &[char], mut at: usize) -> Option<String> {
    while let Some((len, _)) = cues.option_refusal_skip.starts_at(chars, at) {
        at += len;
    }
    let content = |i: usize| chars.get(i).is_some_and(|c| content_char(cues, *c));
    (content(at) && content(at + 1)).then(|| window(chars, at, at + 2))
}

/// A character that can name a thing: CJK and not a function character ("的", "了").
fn content_char(cues: &Cues, c: char) -> bool {
    super::text::is_cjk(c) && !cues.function_chars.contains(&c)
}

/// The day of the month a point names ("15号", "6月15日"), if it names one.
fn date_of(p: &TimePoint) -> Option<u8> {
    match p.day {
        Some(super::time::Day::Date { day, .. }) => Some(day),
        _ => None,
    }
}

/// The day of the month of a point that names a date and no hour ("15号").
fn whole_date(p: &TimePoint) -> Option<u8> {
    date_of(p).filter(|_| p.hour.is_none())
}

/// The day of the week (Monday = 1) of a point that names a weekday and no hour ("周三").
fn whole_weekday(p: &TimePoint) -> Option<u8> {
    match (p.day, p.hour) {
        (Some(d @ super::time::Day::Weekday(_)), None) => d.weekday(None),
        _ => None,
    }
}

/// The windows a text says are taken ("刘医生明天不出诊", "祝师傅这个月请假不在"), each marked with whether the text
/// names next week.
/// A text with its time words masked: they say when, and name nothing.
fn times_masked(cues: &Cues, text: &[char]) -> Vec<char> {
    let mut out = text.to_vec();
    for p in time_points(&cues.time, text) {
        out[p.at..p.at + p.len].fill(super::text::NO_MATCH);
    }
    out
}

fn taken_slots(cues: &Cues, text: &[char], said: Said) -> Vec<FullSlot> {
    let next_week = next_week_named(cues, text);
    free_windows(cues, text, said, true).into_iter().map(|window| FullSlot { window, next_week }).collect()
}

/// Whether the text names a day of next week ("下周六", "下周末").
fn next_week_named(cues: &Cues, text: &[char]) -> bool {
    (0..text.len()).any(|i| {
        cues.time.next_week.ends_at(text, i) && (cues.time.weekdays.starts_at(text, i).is_some() || cues.time.weekend.starts_at(text, i).is_some())
    })
}

/// The windows of one availability sentence: each time named, with the weekdays its clause names ("工作日").
/// A part of the day alone spans the six hours up to its end ("上午" → 6–12 h); a time followed by "以后" runs to
/// midnight, one followed by "以前" from the start of the day; a clock time allows an hour either side. `busy`: the
/// text names when the customer is *not* free, so a negated clause ("工作日都不在家") names a window too.
/// Whether an availability sentence speaks of calls ("上班时间不能接电话").
fn speaks_of_calls(cues: &Cues, sentence: &[char]) -> bool {
    cues.call_availability.any_in(sentence) || kind_hits(&cues.channels, sentence).iter().any(|(k, _, _)| cues.channels.name(*k) == "call")
}

fn free_windows(cues: &Cues, sentence: &[char], said: Said, busy: bool) -> Vec<FreeWindow> {
    let t = &cues.time;
    let about_calls = speaks_of_calls(cues, sentence);
    let set_in = |clause: &[char]| {
        if t.workdays.any_in(clause) {
            Some(vec![1, 2, 3, 4, 5])
        } else if t.weekend.any_in(clause) {
            Some(vec![6, 7])
        } else {
            None
        }
    };
    // A named weekday is one day; otherwise the clause may name a set ("工作日晚上").
    let weekdays_of = |p: &TimePoint, clause_start: usize| match p.day {
        Some(d @ super::time::Day::Weekday(_)) => d.weekday(None).map(|w| vec![w]),
        _ => set_in(&sentence[clause_start..p.at]),
    };
    let relative_day_of = |p: &TimePoint| match p.day {
        Some(super::time::Day::Offset(o)) => Some(o),
        _ => None,
    };
    let points = scheduling_points(t, sentence);
    let mut out = Vec::new();
    let mut skip_next = false;
    for (k, p) in points.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let (cs, ce) = super::text::clause_bounds(sentence, p.at);
        // "明天上午要开会，下午才在家": the meeting's time is no free window.
        if !busy && away_clause(cues, sentence, cs, ce) {
            continue;
        }
        // "15号到18号": two days of the month joined by a range mark are every day from the first to the second.
        if let (Some(q), Some(first), Some(last)) = (points.get(k + 1), whole_date(p), points.get(k + 1).and_then(whole_date)) {
            if first < last && cues.time_ranges.is_entry(window(sentence, p.at + p.len, q.at).trim()) {
                out.push(FreeWindow::whole_days(None, Some((first, last)), about_calls, said.clone()));
                skip_next = true;
                continue;
            }
        }
        // "周三到周五": two weekdays joined by a range mark are every day from the first to the second.
        if let (Some(q), Some(first), Some(last)) = (points.get(k + 1), whole_weekday(p), points.get(k + 1).and_then(whole_weekday)) {
            if first < last && cues.time_ranges.is_entry(window(sentence, p.at + p.len, q.at).trim()) {
                out.push(FreeWindow::whole_days(Some((first..=last).collect()), None, about_calls, said.clone()));
                skip_next = true;
                continue;
            }
        }
        // "下午2点到5点": two clock times joined by a range mark are one window, from the first to the second.
        if let (Some(q), Some(from)) = (points.get(k + 1), p.hour) {
            let between = window(sentence, p.at + p.len, q.at);
            if let (true, Some(mut to)) = (cues.time_ranges.is_entry(between.trim()), q.hour) {
                if to < from && to + 12.0 > from {
                    to += 12.0;
                }
                // "每天三点到六点我在病房": bare early hours with no part of the day are the afternoon's.
                let mut from = from;
                if to <= 7.0 && t.parts_of_day.find_in(&sentence[cs..ce], None).is_empty() {
                    (from, to) = (from + 12.0, to + 12.0);
                }
                let (weekdays, relative_day) = (weekdays_of(p, cs), relative_day_of(p));
                let dates = date_of(p).map(|d| (d, d));
                out.push(FreeWindow { weekdays, relative_day, dates, from_hour: from, to_hour: to, about_calls, this_week: false, said: said.clone() });
                skip_next = true;
                continue;
            }
        }
        let weekdays = weekdays_of(p, cs);
        let clock = p.text.chars().any(|c| c.is_ascii_digit() || t.numerals.starts_at(&[c], 0).is_some());
        let after = cues.after_marks.starts_at(sentence, p.at + p.len).is_some() || cues.after_openers.ends_at(sentence, p.at);
        let before = cues.before_marks.starts_at(sentence, p.at + p.len).is_some();
        let (from_hour, to_hour) = match p.hour {
            None => (0.0, 24.0),
            Some(h) if after => (h, 24.0),
            Some(h) if before => (0.0, h),
            Some(h) if clock => (h - 1.0, h + 1.0),
            Some(h) => (h - 6.0, h),
        };
        let (relative_day, dates) = (relative_day_of(p), date_of(p).map(|d| (d, d)));
        out.push(FreeWindow { weekdays, relative_day, dates, from_hour, to_hour, about_calls, this_week: false, said: said.clone() });
    }
    // A clause that names only weekdays ("只有周末有空") is a whole-day window.
    for (cs, ce) in super::text::clauses(sentence) {
        let has_point = points.iter().any(|p| p.at >= cs && p.at < ce);
        // "工作日都不在家": a clause that negates names when the customer is *not* free.
        let negated = cues.negators.any_in(&sentence[cs..ce]) && !busy;
        if let (false, false, Some(weekdays)) = (has_point, negated, set_in(&sentence[cs..ce])) {
            out.push(FreeWindow::whole_days(Some(weekdays), None, about_calls, said.clone()));
        }
        // "晚上七点以后或者周末": days named after the clause's last time are a window of their own.
        let last_end = points.iter().filter(|p| p.at >= cs && p.at < ce).map(|p| p.at + p.len).max();
        if let (Some(end), false) = (last_end, negated) {
            if let Some(weekdays) = set_in(&sentence[end.min(ce)..ce]) {
                out.push(FreeWindow::whole_days(Some(weekdays), None, about_calls, said.clone()));
            }
        }
    }
    out
}

/// The questions of one customer text, each with its sentence's content units and topic.
/// Whether a customer message only nudges the agent: a nudge cue ("人呢", "说话啊") or nothing but question marks, with
/// no more than a few other characters around it.
fn is_nudge(cues: &Cues, chars: &[char]) -> bool {
    const AROUND: usize = 3;
    let words: Vec<char> = chars.iter().copied().filter(|c| c.is_alphanumeric()).collect();
    let marks_only = words.is_empty() && chars.iter().any(|c| matches!(c, '?' | '？'));
    marks_only || cues.nudges.find_in(&words, None).iter().any(|h| words.len() <= h.len + AROUND)
}

fn questions_of(cues: &Cues, chars: &[char], turn: i32) -> Vec<Question> {
    let hits = kind_hits(&cues.questions, chars);
    let mut out = Vec::new();
    for (k, h, _) in &hits {
        // "年检过期几天还能开上路吗": before a yes/no particle in its clause a question word is indefinite (a few
        // days); the clause asks yes or no.
        let (cs, ce) = super::text::clause_bounds(chars, h.at);
        if matches!(cues.questions.name(*k), "when" | "where" | "how_much") && cues.indefinite_marks.any_in(&chars[h.end().min(ce)..ce]) {
            continue;
        }
        let (s, e) = sentence_bounds(chars, h.at);
        let mut units: Vec<String> = content_units(&chars[s..e], &cues.function_chars).into_keys().collect();
        if cues.questions.name(*k) == "choice" {
            match choice_options(cues, chars, h) {
                Some(options) => units = options,
                None => continue,
            }
        }
        // The question words themselves say nothing about the topic. The clause that asks is the topic where it
        // names one ("饮水机要是修不好，租金怎么算" asks about the rent, not the repair); otherwise the sentence is.
        let masked = |from: usize, to: usize| -> Vec<String> {
            let chars: Vec<char> = (from..to)
                .map(|i| if hits.iter().any(|(_, q, _)| (q.at..q.end()).contains(&i)) { super::text::NO_MATCH } else { chars[i] })
                .collect();
            content_units(&chars, &cues.function_chars).into_keys().collect()
        };
        let asking_clause = masked(cs.max(s), ce.min(e));
        let topic = if asking_clause.is_empty() { masked(s, e) } else { asking_clause };

        out.push(Question { kind: *k, units, topic, pressing: false, said: Said { turn, span: quote(chars, s, e) } });
    }
    out
}

/// The options of a choice question ("是验收前付还是验收后付": the content character pairs from the "是" frame to the
/// clause's end), or None where the "还是" opens no choice (no frame before it in its clause, or "还是不行").
fn choice_options(cues: &Cues, chars: &[char], hit: &Hit) -> Option<Vec<String>> {
    let (cs, ce) = super::text::clause_bounds(chars, hit.at);
    if cues.failure_marks.starts_at(chars, hit.end()).is_some() {
        return None;
    }
    let frame = cues.choice_frames.find_in(&chars[cs..hit.at], None).into_iter().map(|f| cs + f.end()).min()?;
    let options: Vec<String> = content_units(&chars[frame..ce], &cues.function_chars).into_keys().collect();
    (!options.is_empty()).then_some(options)
}

/// Whether a clause holds a deadline cue that is not part of a longer word ("周五前" sets a deadline; the "前" of
/// "前天" does not).
fn deadline_cue_in(cues: &Cues, clause: &[char]) -> bool {
    cues.deadline_cues.find_in(clause, None).iter().any(|h| cues.deadline_cue_not_before.starts_at(clause, h.end()).is_none())
}

/// A clause that says the customer is away or busy, and sets no deadline ("周五出差，周四前要修好" sets one in its
/// second clause; "周五出差前要修好" in the same clause, but not "下午四点以前都在睡觉"), or that turns a time down ("今晚不行",
/// "上午都不行").
fn busy_clause(cues: &Cues, clause: &[char]) -> bool {
    let turned_down =
        || scheduling_points(&cues.time, clause).iter().any(|p| cues.busy_after_time.starts_at(clause, p.at + p.len).is_some());
    let until = busy_until(cues, clause);
    (cues.busy_cues.any_in(clause) || turned_down() || until) && (!cues.busy_not_with.any_in(clause) || until)
}

/// "十二点以前电话都接不了", "下午四点前别打电话": a time and a before-mark, then what the customer cannot do or wants
/// left alone, is busy until that time (a busy word before the mark, "出差前要修好", sets a deadline instead).
fn busy_until(cues: &Cues, clause: &[char]) -> bool {
    cues.busy_until_marks.any_in(clause)
        || scheduling_points(&cues.time, clause).iter().any(|p| {
            let end = p.at + p.len;
            cues.before_marks.starts_at(clause, end).is_some_and(|(l, _)| {
                let rest = &clause[end + l..];
                cues.busy_cues.any_in(rest) || cues.busy_until_cues.any_in(rest)
            })
        })
}

/// Where the times of the busy clause `clauses[k]` begin: days listed before it with "、" belong to it ("这周三、周四我
/// 出差"), and a busy clause with no time of its own is about the clause before it in its sentence ("周六周日我回老家，
/// 不在"), unless that clause says when the customer is free or the only time they are, or sets a deadline.
fn busy_scope_start(cues: &Cues, chars: &[char], clauses: &[(usize, usize)], k: usize) -> usize {
    let mut j = k;
    let (cs, ce) = clauses[k];
    if k > 0 && scheduling_points(&cues.time, &chars[cs..ce]).is_empty() {
        let (ps, pe) = clauses[k - 1];
        let same_sentence = sentence_bounds(chars, cs).0 <= ps;
        // "我只有中午12点到1点回家一趟，其他时间家里没人": the clause before names the only free time, not the busy one.
        let free = cues.availability_cues.any_in(&chars[ps..pe]) || cues.availability_only.any_in(&chars[ps..pe]);
        // "后天一早前一定要换好，出差要用": the clause before sets a deadline, which the trip explains; "周三我去开会，
        // 都不在家" names an event of the customer's, the time they are away.
        let deadline = deadline_cue_in(cues, &chars[ps..pe]) && !cues.event_cues.any_in(&chars[ps..pe]);
        if same_sentence && !free && !deadline && !scheduling_points(&cues.time, &chars[ps..pe]).is_empty() {
            j = k - 1;
        }
    }
    while j > 0 && chars.get(clauses[j - 1].1) == Some(&'、') {
        j -= 1;
    }
    clauses[j].0
}

/// "15号出门培训，18号晚上才回来": an away clause with a date, and a later clause of its sentence with a later date and
/// a return mark, make every day from the one to the other away. Returns the return clause's span (its time is no
/// deadline) and the window.
fn away_until_back(cues: &Cues, chars: &[char], clauses: &[(usize, usize)], k: usize, said: Said) -> Option<(std::ops::Range<usize>, FreeWindow)> {
    let (cs, ce) = clauses[k];
    let (_, sentence_end) = sentence_bounds(chars, cs);
    let returns = || clauses[k + 1..].iter().take_while(|(s, _)| *s < sentence_end).filter(|&&(s, e)| cues.return_marks.any_in(&chars[s..e]));
    let by_date = time_points(&cues.time, &chars[cs..ce]).iter().find_map(whole_date).and_then(|first| {
        returns().find_map(|&(s, e)| {
            let last = time_points(&cues.time, &chars[s..e]).iter().find_map(date_of)?;
            (last > first).then(|| (s..e, FreeWindow::whole_days(None, Some((first, last)), false, said.clone())))
        })
    });
    // "明天和后天出差，周五才回来": away on every day of this week before the one they are back.
    by_date.or_else(|| {
        returns().find_map(|&(s, e)| {
            let back = time_points(&cues.time, &chars[s..e]).iter().find_map(|p| match p.day {
                Some(Day::Weekday(w)) if (2..=7).contains(&w) && p.hour.is_none() => Some(w),
                _ => None,
            })?;
            let window = FreeWindow { this_week: true, ..FreeWindow::whole_days(Some((1..back).collect()), None, false, said.clone()) };
            Some((s..e, window))
        })
    })
}

/// Whether the clause `cs..ce` of `chars` says when the customer is away or busy: a busy cue, or one of their own
/// events in a sentence that also says when they are free ("明天上午要开会，下午才在家": the meeting is when not to
/// come, not a deadline).
fn away_clause(cues: &Cues, chars: &[char], cs: usize, ce: usize) -> bool {
    if busy_clause(cues, &chars[cs..ce]) {
        return true;
    }
    let (s, e) = sentence_bounds(chars, cs);
    cues.event_cues.any_in(&chars[cs..ce])
        && cues.availability_only.find_in(&chars[s..e], None).iter().any(|h| {
            let (hs, he) = super::text::clause_bounds(&chars[s..e], h.at);
            s + hs != cs && cues.availability_cues.any_in(&chars[s + hs..s + he])
        })
}

/// Where the customer says things still go wrong ("还是打不开", "依然没反应"): a still-mark followed in its clause
/// by a failure mark.
fn still_failing(cues: &Cues, chars: &[char]) -> Option<usize> {
    cues.still_marks.find_in(chars, None).into_iter().find_map(|h| {
        let (_, e) = super::text::clause_bounds(chars, h.at);
        cues.failure_marks.any_in(&chars[h.end()..e]).then_some(h.at)
    })
}

/// Values a text marks as wrong: what follows an error frame ("写成了LI MINGHUA", "打成了王晓").
fn wrong_values(cues: &Cues, chars: &[char], turn: i32) -> Vec<WrongValue> {
    cues.error_frames
        .find_in(chars, None)
        .into_iter()
        .filter_map(|h| {
            let tokens = value_after(cues, chars, h.end());
            (!tokens.is_empty()).then(|| WrongValue { tokens, said: Said { turn, span: clause_quote(chars, h.at) } })
        })
        .collect()
}

/// The value right after a frame: the codes starting within two characters and separated only by spaces
/// ("li minghua" → two tokens), else one run of two to four CJK content characters.
pub(crate) fn value_after(cues: &Cues, chars: &[char], at: usize) -> Vec<String> {
    let (_, e) = super::text::clause_bounds(chars, at);
    let rest = &chars[at.min(e)..e];
    let codes = code_tokens(rest);
    if codes.first().is_some_and(|(_, start, _)| *start <= 2) {
        let mut out = Vec::new();
        let mut end = codes[0].1;
        for (tok, start, stop) in codes {
            if rest[end..start].iter().any(|c| *c != ' ') {
                break;
            }
            out.push(tok);
            end = stop;
        }
        return out;
    }
    let n = rest.iter().take_while(|c| super::text::is_cjk(**c) && !cues.function_chars.contains(c)).take(4).count();
    if n >= 2 {
        vec![window(rest, 0, n)]
    } else {
        Vec::new()
    }
}

/// A count as digits, so that "两" and "2" compare equal.
pub(crate) fn normal_count(cues: &Cues, value: &str) -> String {
    if value.chars().all(|c| c.is_ascii_digit()) {
        return value.to_string();
    }
    let chars: Vec<char> = value.chars().collect();
    let mut total = 0.0f32;
    let mut cur = 0.0f32;
    for (i, _) in chars.iter().enumerate() {
        match cues.time.numerals.starts_at(&chars, i) {
            Some((_, 10.0)) => {
                total += if cur == 0.0 { 10.0 } else { cur * 10.0 };
                cur = 0.0;
            }
            Some((_, v)) => cur = v,
            None => {}
        }
    }
    format!("{}", total + cur)
}

impl ConversationState {
    pub(crate) fn read(cues: &Cues, case: &CaseView) -> ConversationState {
        let mut st = ConversationState::default();
        let skip = case.context.len().saturating_sub(STATE_TURNS);
        let mut turns: Vec<(i32, Role, Text)> = case
            .context
            .iter()
            .enumerate()
            .skip(skip)
            .map(|(k, t)| (k as i32, t.role, Text::new(&t.text)))
            .collect();
        turns.push((CURRENT, Role::Customer, Text::new(case.customer)));

        let mut agent_promise: Option<Said> = None;
        // Steps the last agent turn suggested: tried, once the customer says things still go wrong.
        let mut suggested: Vec<(usize, String)> = Vec::new();
        // The last agent turn's instructions in its own words (content units of each clause that instructs).
        let mut suggested_clauses: Vec<HashSet<String>> = Vec::new();
        for (turn, role, text) in &turns {
            let chars = &text.chars;
            let turn = *turn;
            if st.today.is_none() {
                st.today = stated_today(&cues.time, chars);
            }
            st.turn_texts.push((turn, chars.clone()));
            if kind_hits(&cues.channels, chars).iter().any(|(k, _, _)| cues.channels.name(*k) == "call") {
                st.calls_discussed = true;
            }
            // Facts from every turn: agents state facts too (a confirmed amount, a room number).
            let f = read_facts(cues, chars, turn);
            st.facts.codes.extend(f.codes);
            st.facts.amounts.extend(f.amounts);
            st.facts.counts.extend(f.counts);
            // Things no longer available, named by the codes before the cue and the word right before it.
            for h in cues.unavailable.find_in(chars, None) {
                let (cs, _) = super::text::clause_bounds(chars, h.at);
                let mut names: Vec<String> =
                    code_tokens(&chars[cs..h.at]).into_iter().map(|t| t.0).filter(|t| t.len() >= 2).collect();
                let mut end = h.at;
                loop {
                    let before = &chars[cs..end];
                    let skip = (1..=before.len().min(4)).rev().find(|l| cues.unavailable_skip.is_entry(&window(before, before.len() - l, before.len())));
                    match skip {
                        Some(l) => end -= l,
                        None => break,
                    }
                }
                let mut start = end;
                while start > cs && end - start < 4 && super::text::is_cjk(chars[start - 1]) && !cues.unavailable_skip.is_entry(&chars[start - 1].to_string()) {
                    start -= 1;
                }
                if end - start >= 2 {
                    names.push(window(chars, start, end));
                }
                // The thing a demonstrative points at earlier in the sentence ("这款阳光玫瑰今年已经全部卖完了").
                let (ss, _) = sentence_bounds(chars, h.at);
                for d in cues.unavailable_subjects.find_in(&chars[ss..h.at], None) {
                    let from = ss + d.at + d.len;
                    let mut to = from;
                    while to < h.at && to - from < 4 && super::text::is_cjk(chars[to]) && !cues.unavailable_skip.is_entry(&chars[to].to_string()) {
                        to += 1;
                    }
                    if to - from >= 2 {
                        names.push(window(chars, from, to));
                    }
                }
                names.retain(|n| !cues.unavailable.contains_str(n));
                // A time with a taken slot names that slot ("张医生明天上午的号已经约满了"): the doctor is still there at
                // other times. With any other cue it says from when the thing is gone ("滨江店今天上午突然停电"), and
                // the cue's own clause names it: the rest of a sentence with a time in it tells of other things (a
                // promise made there, "今天中午12点前给您开通理赔，那辆车已经下线").
                let timed = !time_points(&cues.time, &chars[ss..h.at]).is_empty();
                let slot = cues.unavailable_slots.is_entry(cues.unavailable.term(&h));
                // The windows a taken slot closes ("刘医生明天不出诊"): a reply naming the thing is held to them.
                let taken: Vec<FullSlot> = if timed && slot {
                    taken_slots(cues, &chars[ss..h.at], Said { turn, span: clause_quote(chars, h.at) })
                } else {
                    Vec::new()
                };
                // A cue that is its whole clause ("国庆当天的湖景厅已经有新人付了全款，没法再接了") leaves the thing in the
                // clause before; the time there says when, and names nothing. Not a condition ("修不好当场换新").
                let (_, ce) = super::text::clause_bounds(chars, h.at);
                let opens_clause = !chars[cs.max(ss)..h.at].iter().any(|&c| super::text::is_cjk(c))
                    && chars[h.at + h.len..ce].iter().filter(|&&c| super::text::is_cjk(c)).count() <= 1;
                let mut subject = match (timed, slot) {
                    (false, _) => chars[ss..h.at].to_vec(),
                    // A taken slot keeps its thing for its own time only ("这周六下午的派对包间已经全部订满了").
                    (true, true) if taken.is_empty() => Vec::new(),
                    (true, true) => times_masked(cues, &chars[ss..h.at]),
                    (true, false) if opens_clause => times_masked(cues, &chars[ss..h.at]),
                    (true, false) if !cues.unavailable_back_refs.any_in(&chars[cs.max(ss)..h.at]) => chars[cs.max(ss)..h.at].to_vec(),
                    (true, false) => chars[ss..h.at].to_vec(),
                };
                // Words that do not name the thing ("上个月已经") never match a reply's words.
                let skips = cues.unavailable_skip.find_in(&subject, None);
                for skip in skips {
                    subject[skip.at..skip.end()].fill(super::text::NO_MATCH);
                }
                let said = Said { turn, span: clause_quote(chars, h.at) };
                // A taken slot closes its time for bookings ("这周末的技术员全部排满了": no visit on Saturday or Sunday).
                if slot {
                    let windows = taken_slots(cues, &chars[cs..h.at], said.clone());
                    // "刘医生明天在外地开会，不出诊": the time is in an earlier clause of the sentence.
                    if windows.is_empty() {
                        st.full_slots.extend(taken.iter().cloned());
                    }
                    st.full_slots.extend(windows);
                }
                let month = cues.time.month_offsets.find_in(&chars[ss..h.at], None).first().map(|m| m.weight as u8);
                st.unavailable.push(Unavailable { names, subject, said, taken, month, until: None });
            }
            // A thing that comes only in a later month ("大规格发财树下个月才有") or, sent or back, on a later day
            // ("厂家要周五才发货", "杨教练这周出差，周日才回"): gone until then.
            let by_month = cues.unavailable_until.find_in(chars, None).into_iter().map(|h| (h, false));
            let by_day = cues.unavailable_until_day.find_in(chars, None).into_iter().map(|h| (h, true));
            for (h, days_too) in by_month.chain(by_day) {
                let (ss, _) = sentence_bounds(chars, h.at);
                let months = cues.time.month_offsets.find_in(&chars[ss..h.at], None);
                let later_month = months.iter().map(|m| m.weight as u8).max().filter(|m| *m >= 1);
                let (cs, _) = super::text::clause_bounds(chars, h.at);
                let day = time_points(&cues.time, &chars[cs..h.at]).into_iter().rev().find(|p| days_too && p.day.is_some());
                if later_month.is_none() && day.is_none() {
                    continue;
                }
                let mut subject = times_masked(cues, &chars[ss..h.at]);
                for m in &months {
                    subject[m.at..m.end()].fill(super::text::NO_MATCH);
                }
                let said = Said { turn, span: clause_quote(chars, h.at) };
                let month = later_month.map(|m| m - 1);
                let until = if month.is_some() { None } else { day };
                st.unavailable.push(Unavailable { names: Vec::new(), subject, said, taken: Vec::new(), month, until });
            }
            // A member of staff away for a while ("祝师傅这个月请假不在", "包教练这个月在外地带队比赛"): a reply that books
            // them inside that time promises what cannot happen. Only a named member of staff: the customer away on a
            // trip is busy ("我这周在外地"), which the availability reading handles.
            for h in cues.staff_away.find_in(chars, None) {
                let (ss, _) = sentence_bounds(chars, h.at);
                let Some((_, name)) = staff_named(cues, &chars[ss..h.at]).pop() else { continue };
                let said = Said { turn, span: clause_quote(chars, h.at) };
                let taken = taken_slots(cues, &chars[ss..h.at], said.clone());
                st.unavailable.push(Unavailable { names: vec![name], subject: Vec::new(), said, taken, month: None, until: None });
            }
            if let Some(h) = cues.discontinued.find_in(chars, None).into_iter().find(|h| !negated_near(cues, chars, h.at, 2)) {
                st.discontinued = Some(Said { turn, span: clause_quote(chars, h.at) });
            }
            st.wrong_values.extend(wrong_values(cues, chars, turn));
            st.dated_events.extend(dated_clauses(cues, chars, false).into_iter().map(|d| (turn, d)));
            match role {
                Role::Agent => {
                    st.agent_turns.push(turn);
                    // The note itself ("我记下了") tells nothing; the rest of the turn is the customer's, in the agent's
                    // words.
                    if let Some(h) = cues.noted_frames.find_in(chars, None).first() {
                        let (cs, ce) = super::text::clause_bounds(chars, h.at);
                        let mut note = chars.clone();
                        note[cs..ce].fill(super::text::NO_MATCH);
                        st.read_customer_turn(cues, turn, &note);
                    }
                    suggested = kind_hits(&cues.steps, chars)
                        .into_iter()
                        .filter(|(_, h, _)| !negated_near(cues, chars, h.at, 3))
                        .map(|(k, _, w)| (k, w))
                        .collect();
                    suggested_clauses = super::text::clauses(chars)
                        .filter(|&(cs, ce)| super::reply::clause_instructs(cues, chars, cs, ce))
                        .map(|(cs, ce)| content_units(&chars[cs..ce], &cues.function_chars).into_keys().collect())
                        .collect();
                    // Information the agent confirms receiving was given, even if the customer's turn is cut.
                    for (k, h, w) in kind_hits(&cues.info, chars) {
                        let (s, e) = sentence_bounds(chars, h.at);
                        if cues.received.any_in(&chars[s..e]) {
                            st.provided.push(KindSaid { kind: k, word: w, said: Said { turn, span: clause_quote(chars, h.at) } });
                        }
                    }
                    // Only a concrete time is a promise one can break ("马上帮您查" is not): a soon one, or a clock
                    // time however far ("明天下午三点前一定退回").
                    // A clause that says a time is taken ("这周六下午的派对包间已经全部订满了") promises nothing.
                    let promises = super::text::clauses(chars).filter(|&(cs, ce)| !cues.unavailable.any_in(&chars[cs..ce])).any(|(cs, ce)| {
                        let clause = &chars[cs..ce];
                        scan_time(&cues.time, clause).iter().any(|h| h.score >= 0.85)
                            || time_points(&cues.time, clause).iter().any(|p| p.hour.is_some())
                    });
                    // "我看到记录了，之前同事答应您24小时内回电给您": the agent recalls an earlier promise the customer is
                    // still waiting on; it is no new promise, and it was not kept.
                    if let Some(h) = cues.promise_recalls.find_in(chars, None).first() {
                        if st.broken_promise.is_none() {
                            st.broken_promise = Some(Said { turn, span: clause_quote(chars, h.at) });
                        }
                    } else if promises {
                        let said = Said { turn, span: quote(chars, 0, chars.len()) };
                        st.promises.push(said.clone());
                        agent_promise = Some(said);
                    }
                }
                Role::Customer => {
                    st.customer_text.extend(chars.iter());
                    st.customer_text.push('\n');
                    st.read_customer_turn(cues, turn, chars);
                    let suggested_before = std::mem::take(&mut suggested);
                    let suggested_clauses_before = std::mem::take(&mut suggested_clauses);
                    let failed_at = still_failing(cues, chars).or_else(|| cues.no_help.find_in(chars, None).first().map(|h| h.at));
                    if let Some(at) = failed_at {
                        for (kind, word) in suggested_before {
                            st.tried.push(KindSaid { kind, word, said: Said { turn, span: clause_quote(chars, at) } });
                        }
                        // What the agent told them to do, in the agent's words ("您直接打服务站的电话问一下" and "打了三次，
                        // 都没人接"): an instruction that says it again repeats the failed step.
                        for units in suggested_clauses_before {
                            st.tried_actions.push(TriedAction { units, said: Said { turn, span: clause_quote(chars, at) } });
                        }
                        // What they did on their own, one clause each, told up to the report ("税号核对了好几遍，一样
                        // 不行"). Whole sentences would join words of different attempts (`read_customer_turn` keeps
                        // those for a report that nothing helped, where the attempts are listed before it).
                        let (failure_start, _) = super::text::clause_bounds(chars, at);
                        let (_, failure_end) = super::text::clause_bounds(chars, failure_start);
                        for (cs, ce) in super::text::clauses(&chars[..failure_end]) {
                            let clause = &chars[cs..ce];
                            if cues.attempt_marks.any_in(clause) {
                                let units = content_units(clause, &cues.function_chars).into_keys().collect();
                                st.tried_actions.push(TriedAction { units, said: Said { turn, span: quote(chars, cs, ce) } });
                            }
                        }
                    }
                    let broken_here = cues.broken_promise.any_in(chars);
                    if let (Some(p), true) = (&agent_promise, broken_here) {
                        st.broken_promise = Some(p.clone());
                    }
                    // The customer reports an earlier promise that was not kept ("说好的24小时到账，还没到").
                    for h in cues.promise_report.find_in(chars, None) {
                        let (s, e) = sentence_bounds(chars, h.at);
                        let sentence = &chars[s..e];
                        if st.broken_promise.is_none() && (broken_here || cues.broken_promise.any_in(sentence)) {
                            st.broken_promise = Some(Said { turn, span: clause_quote(chars, h.at) });
                        }
                    }
                }
            }
        }
        st
    }

    /// When the customer is free ("这周只有周六方便") and when away or busy ("周三周四周五我都出差"), from the customer's
    /// words or an agent's note of them ("记下了：您这周只有周六方便"); returns the spans that tell of being away.
    fn read_availability(&mut self, cues: &Cues, turn: i32, chars: &[char]) -> Vec<std::ops::Range<usize>> {
        for h in cues.availability_only.find_in(chars, None) {
            let (s, e) = sentence_bounds(chars, h.at);
            // "周末才方便" restricts and states availability in one word; "只能晚上七点以后或者周末" names only times.
            let states_itself = cues.availability_cues.any_in(&chars[h.at..h.end()]);
            let names_only_times = scheduling_points(&cues.time, &chars[h.end()..e]).first().is_some_and(|p| p.at == 0);
            if states_itself || names_only_times || cues.availability_cues.any_in(&chars[s..e]) {
                // "下午我要接孩子，只能约上午": the times after the word are the free ones; a clause before tells why not.
                // Whether they speak of calls is the whole sentence's ("上班时间不能接电话，只有中午12点到1点可以").
                let about_calls = speaks_of_calls(cues, &chars[s..e]);
                let s = if names_only_times { super::text::clause_bounds(chars, h.at).0.max(s) } else { s };
                let mut windows = free_windows(cues, &chars[s..e], Said { turn, span: quote(chars, s, e) }, false);
                windows.iter_mut().for_each(|w| w.about_calls |= about_calls);
                if !windows.is_empty() {
                    self.free_windows = windows;
                }
            }
        }
        // Clauses that say when the customer is away or busy.
        let clauses: Vec<(usize, usize)> = super::text::clauses(chars).collect();
        let mut away_spans = Vec::new();
        for (k, &(cs, ce)) in clauses.iter().enumerate() {
            if away_clause(cues, chars, cs, ce) {
                let from = busy_scope_start(cues, chars, &clauses, k);
                self.busy_windows.extend(free_windows(cues, &chars[from..ce], Said { turn, span: quote(chars, from, ce) }, true));
                away_spans.push(from..ce);
                if let Some((back, window)) = away_until_back(cues, chars, &clauses, k, Said { turn, span: quote(chars, cs, ce) }) {
                    self.busy_windows.push(window);
                    away_spans.push(back);
                }
            }
        }
        away_spans
    }

    /// Deadlines ("周五前要用") and every time the customer names, from the customer's words or an agent's note of
    /// them ("明白，您这周五就要搬进新房，衣柜必须装好，我记下了"); `away_spans` tell of being away, not of a deadline.
    fn read_times(&mut self, cues: &Cues, turn: i32, chars: &[char], away_spans: &[std::ops::Range<usize>]) {
        let points = time_points(&cues.time, chars);
        let dating = super::time::dating_spans(&cues.time, chars, &points);
        for mut p in points {
            self.customer_times.push(p.text.clone());
            if dating.iter().any(|span| span.contains(&p.at)) {
                continue;
            }
            let (cs, ce) = super::text::clause_bounds(chars, p.at);
            let after = cues.after_marks.starts_at(chars, p.at + p.len).is_some();
            // "八点以后才能到家": coming home at a bare early hour is coming home in the evening.
            let comes_home = cues.home_after_marks.any_in(&chars[p.at + p.len..ce]);
            // "晚上七点以后或者周末有空": days named after the time are free all day; the free windows keep both.
            let days_too = {
                let rest = &chars[(p.at + p.len).min(ce)..ce];
                cues.time.workdays.any_in(rest) || cues.time.weekend.any_in(rest)
            };
            if let (true, Some(mut h)) = (after && !days_too && (comes_home || cues.availability_cues.any_in(&chars[cs..ce])), p.hour) {
                if comes_home && h < 12.0 && cues.time.parts_of_day.find_in(&chars[cs..ce], None).is_empty() {
                    h += 12.0;
                }
                self.available_from = Some((h, Said { turn, span: clause_quote(chars, p.at) }));
                continue;
            }
            // "后天10点婚宴开席，音响要在那之前修好": the clause after the time can point back at it.
            let (next_start, next_end) = super::text::clause_bounds(chars, ce + 1);
            let (_, sentence_end) = sentence_bounds(chars, p.at);
            let points_back = ce < sentence_end && cues.deadline_refs.any_in(&chars[next_start.min(next_end)..next_end]);
            // "周三周四周五我都出差" says when the customer is away, not by when something must be done; "今天必须给我个
            // 说法" asks for an answer, which the reply itself is.
            // "我只有早上9点之前在家" says when the customer is free, not by when something must be done.
            let (ss, se) = sentence_bounds(chars, p.at);
            let free_time = cues.availability_cues.any_in(&chars[cs..ce]) && cues.availability_only.any_in(&chars[ss..se]);
            // "明天早上八点我要出差，走之前得把这事弄好": a time away that the next clause points back at is a deadline.
            // "每天下午四点半要去接孩子" is the customer's routine, not a deadline.
            let routine = cues.routine_marks.any_in(&chars[cs..ce]);
            let not_a_deadline = !points_back
                && (away_spans.iter().any(|span| span.contains(&p.at))
                    || free_time
                    || routine
                    || super::time::asks_a_time(&cues.time, &chars[cs..ce])
                    || cues.deadline_answered.any_in(&chars[cs..ce]));
            // "昨天你们答应我五点前，到现在还没弄好": a promise the customer reports as broken is overdue, so whatever it
            // was for is wanted today; its hour has passed and bars nothing later today.
            if cues.promise_report.any_in(&chars[cs..ce]) && cues.broken_promise.any_in(&chars[ss..se]) {
                p.day = Some(super::time::Day::Offset(0));
                p.hour = None;
            }
            // "下午我要接孩子，只能约上午": an event in a sentence that limits when the customer can be booked says why
            // they are busy then, not by when something must be done.
            let limits_booking = cues.availability_only.any_in(&chars[ss..se]);
            let event = cues.event_cues.any_in(&chars[cs..ce]) && !limits_booking;
            if !not_a_deadline && (deadline_cue_in(cues, &chars[cs..ce]) || event || points_back) {
                // "一点半要上课": a bare early hour in a customer's plan is an afternoon one.
                if let Some(h) = p.hour {
                    if h < 7.0 && cues.time.parts_of_day.find_in(&chars[cs..ce], None).is_empty() {
                        p.hour = Some(h + 12.0);
                    }
                }
                self.deadlines.push((p.clone(), Said { turn, span: clause_quote(chars, p.at) }));
            }
        }
    }

    fn read_customer_turn(&mut self, cues: &Cues, turn: i32, chars: &[char]) {
        // Information given.
        for (k, h, w) in kind_hits(&cues.info, chars) {
            if negated_near(cues, chars, h.at, 3) {
                continue;
            }
            let (s, e) = sentence_bounds(chars, h.at);
            let code_after = code_tokens(&chars[h.end()..e.min(h.end() + 14)]).iter().any(|(t, _, _)| t.len() >= 3);
            if code_after || cues.give_verbs.any_in(&chars[s..e]) {
                self.provided.push(KindSaid { kind: k, word: w, said: Said { turn, span: clause_quote(chars, h.at) } });
            }
        }
        // An amount the customer says they paid ("当时付的是580元") gives how much was paid, with no word naming it.
        if let Some(amount) = cues.info.kinds.iter().position(|(name, _)| *name == "amount") {
            for fact in read_facts(cues, chars, turn).amounts {
                let clause: Vec<char> = fact.said.span.chars().collect();
                if cues.paid_marks.any_in(&clause) {
                    self.paid_amounts.push(KindSaid { kind: amount, word: fact.value, said: fact.said });
                }
            }
        }
        // A mobile number given bare ("电话13912345678"): eleven digits from 1 are a phone number, whatever word names it.
        if let Some(phone) = cues.info.kinds.iter().position(|(name, _)| *name == "phone") {
            for (token, at, _) in code_tokens(chars) {
                if token.len() == 11 && token.starts_with('1') && token.chars().all(|c| c.is_ascii_digit()) {
                    self.provided.push(KindSaid { kind: phone, word: token, said: Said { turn, span: clause_quote(chars, at) } });
                }
            }
        }
        // Whatever was done and did not help, in the customer's words.
        for h in cues.no_help.find_in(chars, None) {
            // "我查了好几次；热线打了三回；照样不行": the report covers every attempt listed before it with semicolons.
            let (mut s, _) = sentence_bounds(chars, h.at);
            while s >= 2 && chars[s - 1] == ';' {
                s = sentence_bounds(chars, s - 2).0;
            }
            let (_, ce) = super::text::clause_bounds(chars, h.at);
            let mut units: HashSet<String> = content_units(&chars[s..ce], &cues.function_chars).into_keys().collect();
            for u in content_units(&chars[h.at..h.end()], &cues.function_chars).into_keys() {
                units.remove(&u);
            }
            self.tried_actions.push(TriedAction { units, said: Said { turn, span: quote(chars, s, ce) } });
        }
        // Steps tried.
        for (k, h, w) in kind_hits(&cues.steps, chars) {
            if negated_near(cues, chars, h.at, 2) {
                continue;
            }
            self.tried.push(KindSaid { kind: k, word: w, said: Said { turn, span: clause_quote(chars, h.at) } });
        }
        // Refusals and preferences; a later statement overrides an earlier one of the same kind.
        for (lists, refused, preferred) in [(&cues.remedies, true, true), (&cues.channels, false, false)] {
            for (k, h, w) in kind_hits(lists, chars) {
                let said = KindSaid { kind: k, word: w, said: Said { turn, span: clause_quote(chars, h.at) } };
                let (r, p) = if refused && preferred {
                    (&mut self.refused_remedies, &mut self.preferred_remedies)
                } else {
                    (&mut self.refused_channels, &mut self.preferred_channels)
                };
                // "优惠券什么的就别发了": the refusal after the word, ending its clause, or with one verb and 了 after it
                // ("视频就别开了").
                let (_, ce) = super::text::clause_bounds(chars, h.at);
                let refused_after = cues.refusal_after_frames.find_in(&chars[h.end()..ce], None).iter().any(|f| {
                    let rest: Vec<char> = chars[h.end() + f.end()..ce].iter().copied().filter(|c| super::text::is_cjk(*c)).collect();
                    rest.is_empty() || (rest.len() == 2 && cues.time.past_after.starts_at(&rest, 1).is_some())
                });
                // "下午四点前别打电话" keeps a time free, it does not turn the channel down.
                let (cs, _) = super::text::clause_bounds(chars, h.at);
                if busy_until(cues, &chars[cs..ce]) {
                    continue;
                }
                if frame_before(&cues.refusal_frames, chars, h.at, 4) || refused_after {
                    p.retain(|x| x.kind != k);
                    r.push(said);
                } else if frame_before(&cues.preference_frames, chars, h.at, 3) {
                    r.retain(|x| x.kind != k);
                    p.push(said);
                }
            }
        }
        for h in cues.option_refusals.find_in(chars, None) {
            if super::lists::a_not_a(chars, h.at) {
                continue;
            }
            if let Some(words) = refused_words(cues, chars, h.end()) {
                self.refused_options.push(RefusedOption { words, said: Said { turn, span: clause_quote(chars, h.at) } });
            }
        }
        // The thing named first, then turned down: "代步车我不要" refuses 代步车 (its last two characters).
        for h in cues.option_refusals_after.find_in(chars, None) {
            if h.at >= 2 && content_char(cues, chars[h.at - 2]) && content_char(cues, chars[h.at - 1]) {
                let words = window(chars, h.at - 2, h.at);
                self.refused_options.push(RefusedOption { words, said: Said { turn, span: clause_quote(chars, h.at) } });
            }
        }
        let away_spans = self.read_availability(cues, turn, chars);
        self.read_times(cues, turn, chars, &away_spans);
        // "你们到底能不能在那之前弄好": the current message points back at the time the customer named last, in an
        // earlier turn ("明天上午十点店里要开门营业").
        if turn == CURRENT && time_points(&cues.time, chars).is_empty() && cues.deadline_refs.any_in(chars) {
            let named_last = self.customer_turn_points.last().filter(|(p, _)| !self.deadlines.iter().any(|(d, _)| d == p));
            if let Some(deadline) = named_last.cloned() {
                self.deadlines.push(deadline);
            }
        }
        if turn != CURRENT {
            self.customer_turn_points = time_points(&cues.time, chars).into_iter().map(|p| {
                let said = Said { turn, span: clause_quote(chars, p.at) };
                (p, said)
            }).collect();
        }
        // "马上" / "急用" in the current message: it is needed today, whatever the day a reply names later.
        if turn == CURRENT && self.deadlines.is_empty() {
            let text = Text { chars: chars.to_vec() };
            if let Some(h) = cues.urgent_cues.find_with(&text, Some(&cues.negators)).first() {
                let point = TimePoint {
                    day: Some(super::time::Day::Offset(0)),
                    hour: None,
                    at: h.at,
                    len: h.len,
                    text: cues.urgent_cues.term(h).to_string(),
                };
                self.deadlines.push((point, Said { turn, span: clause_quote(chars, h.at) }));
            }
        }
        // Questions: the current message asks what the reply must answer; one that asks again ("你还没回答我呢")
        // brings back the questions of the latest earlier turn that asked any.
        let asked = questions_of(cues, chars, turn);
        if turn != CURRENT {
            if cues.question_openers.any_in(chars) {
                self.raised_questions.extend(asked.iter().cloned().map(|q| Question { pressing: true, ..q }));
            }
            if !asked.is_empty() {
                self.earlier_questions = asked;
            }
            return;
        }
        let pressing = cues.question_openers.any_in(chars) || cues.asks_again.any_in(chars);
        // A bare nudge ("人呢？", "说话啊", "？？") after the agent put the customer off presses for the latest earlier
        // question, as long as no agent turn since has answered it (the check reads the turns after it).
        let nudge = is_nudge(cues, chars);
        let asked = if nudge { Vec::new() } else { asked };
        if nudge && !cues.asks_again.any_in(chars) {
            for q in std::mem::take(&mut self.earlier_questions) {
                if !self.raised_questions.iter().any(|known| known.said == q.said && known.kind == q.kind) {
                    self.raised_questions.push(Question { pressing: true, ..q });
                }
            }
        }
        let asked = if asked.is_empty() && cues.asks_again.any_in(chars) { std::mem::take(&mut self.earlier_questions) } else { asked };
        for mut q in asked {
            q.pressing = pressing;
            if !self.questions.iter().any(|known| known.kind == q.kind && known.said == q.said) {
                self.questions.push(q);
            }
        }
    }
}

impl ConversationState {
    /// The first day from today (within two weeks) with an hour of the working day that the customer's free and busy
    /// windows allow: a reply cannot be sooner than that.
    pub(crate) fn first_open_day(&self) -> i32 {
        let open = |day: i32, hour: f32| {
            let p = TimePoint { day: Some(Day::Offset(day)), hour: Some(hour), at: 0, len: 0, text: String::new() };
            (self.free_windows.is_empty() || self.free_windows.iter().any(|w| w.fits(&p, self.today)))
                && !self.busy_windows.iter().any(|w| w.holds(&p, self.today))
        };
        (0..14).find(|&day| (8..21).any(|hour| open(day, hour as f32))).unwrap_or(0)
    }
}

impl CaseCtx {
    pub(crate) fn read(cues: &Cues, case: &CaseView) -> CaseCtx {
        let customer = Text::new(case.customer);
        let customer_units = content_units(&customer.chars, &cues.function_chars);
        let mut context_units: HashMap<String, f32> = HashMap::new();
        let mut repeat = 0.0f32;
        let mut agent_promise = false;
        let n_ctx = case.context.len();
        for (k, turn) in case.context.iter().enumerate() {
            let t = Text::new(&turn.text);
            let recency = if k + 4 >= n_ctx { 1.0 } else { 0.5 };
            let w = match turn.role {
                Role::Customer => 1.0,
                Role::Agent => 0.4,
            } * recency;
            for (u, c) in content_units(&t.chars, &cues.function_chars) {
                *context_units.entry(u).or_insert(0.0) += c * w;
            }
            match turn.role {
                Role::Customer => repeat += 0.3 * cues.repeat_contact.find_with(&t, None).len() as f32,
                Role::Agent => {
                    let promises = scan_time(&cues.time, &t.chars).iter().any(|h| h.score >= 0.5)
                        || cues.actions.find_with(&t, None).iter().any(|h| h.weight >= 1.0);
                    agent_promise |= promises;
                }
            }
        }
        repeat += 0.5 * cues.repeat_contact.find_with(&customer, None).len() as f32;
        let cue = |list: &super::lists::CueList| saturate(list.find_with(&customer, Some(&cues.negators)).len() as f32, 1.5);
        let mut anxiety = cue(&cues.customer_anxiety);
        let mut anger = cue(&cues.customer_anger);
        let mut gratitude = cue(&cues.customer_gratitude);
        let mut negative = anxiety.max(anger) > 0.3 && gratitude < 0.3;
        if let Some((emotion, intensity)) = case.emotion {
            let v = clamp01(intensity);
            match emotion {
                Emotion::Anxiety => anxiety = anxiety.max(v),
                Emotion::Anger => anger = anger.max(v),
                Emotion::Disappointment => anger = anger.max(0.5 * v),
                Emotion::Gratitude | Emotion::Satisfaction => gratitude = gratitude.max(v),
                _ => {}
            }
        }
        if let Some(neg) = case.negative {
            negative = negative || neg;
        }
        if matches!(case.emotion, Some((Emotion::Anger | Emotion::Anxiety | Emotion::Disappointment, _))) {
            negative = true;
        }
        if negative && agent_promise {
            repeat += 0.5;
        }
        if gratitude > 0.5 && !negative {
            anxiety *= 0.3;
            anger *= 0.3;
        }
        let state = ConversationState::read(cues, case);
        CaseCtx {
            customer,
            customer_units,
            context_units,
            repeat: clamp01(repeat),
            anxiety,
            anger,
            gratitude,
            negative,
            emotion: case.emotion.map(|e| e.0),
            state,
        }
    }
}

/// A title from `titles` with the name character right before it (CJK, neither a function character nor one of
/// `stops`): where the name starts, and the name with its title.
pub(super) fn named_with_title(cues: &Cues, titles: &super::lists::CueList, stops: &[char], chars: &[char]) -> Vec<(usize, String)> {
    titles
        .find_in(chars, None)
        .into_iter()
        .filter(|h| {
            h.at >= 1
                && super::text::is_cjk(chars[h.at - 1])
                && !cues.function_chars.contains(&chars[h.at - 1])
                && !stops.contains(&chars[h.at - 1])
        })
        .map(|h| (h.at - 1, window(chars, h.at - 1, h.end())))
        .collect()
}

/// A member of staff named title first ("产康师周敏", "停车场主管刘建").
pub(super) struct TitledName {
    /// Where the name starts.
    pub(super) at: usize,
    /// The title with up to two content characters before it ("产康师", "车场主管"), so that "护师" and "康师" differ.
    pub(super) title: String,
    /// The family name and the character after it: enough to tell two people apart.
    pub(super) name: String,
}

impl TitledName {
    /// Whether two titles name the same post: equal, or the shorter (two characters at least) ends the longer.
    pub(super) fn same_title(&self, other: &TitledName) -> bool {
        let (short, long) = if self.title.chars().count() <= other.title.chars().count() {
            (&self.title, &other.title)
        } else {
            (&other.title, &self.title)
        };
        short.chars().count() >= 2 && long.ends_with(short.as_str())
    }
}

/// Members of staff named title first: a title of `name_titles.txt`, a family name, and one more content character
/// that does not make a common word with it ("师傅马上到" names nobody).
pub(super) fn staff_named_title_first(cues: &Cues, chars: &[char]) -> Vec<TitledName> {
    cues.name_titles
        .find_in(chars, None)
        .into_iter()
        .filter_map(|h| {
            let at = h.end();
            let second = *chars.get(at + 1)?;
            let content = |c: char| super::text::is_cjk(c) && !cues.function_chars.contains(&c);
            if !cues.surnames.contains(&chars[at]) || !content(second) {
                return None;
            }
            let name = window(chars, at, at + 2);
            if cues.name_not_words.is_entry(&name) {
                return None;
            }
            let lead = chars[..h.at].iter().rev().take(2).take_while(|c| content(**c)).count();
            Some(TitledName { at, title: window(chars, h.at - lead, at), name })
        })
        .collect()
}

/// Members of staff named with a title ("柯护士", "钱导检员", "汪师傅"): where each starts, with the one name
/// character before the title (read back to a stop character, as a branch's name is) and the title.
pub(super) fn staff_named(cues: &Cues, chars: &[char]) -> Vec<(usize, String)> {
    named_with_title(cues, &cues.staff_titles, &cues.place_name_stops, chars)
}
