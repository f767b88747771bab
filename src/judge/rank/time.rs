//! Time expressions: the forward-looking time frames a reply commits to (scored by horizon), and time points
//! (day + hour) that let a customer's deadline be compared with a reply's promise.

use super::lists::TimeCues;
use super::text::{clause_bounds, is_break, window};

/// The score of a vague time frame ("尽快", "第一时间"): it names no time.
pub(crate) const VAGUE_SCORE: f32 = 0.15;

/// A time frame found in a reply, scored by how soon and how firm it is.
#[derive(Debug, Clone)]
pub(crate) struct TimeHit {
    pub(crate) score: f32,
    pub(crate) text: String,
}

/// Which day a time point falls on, as far as the text says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Day {
    /// Days from today (今天 = 0, 明天 = 1, "3天内" = 3).
    Offset(i32),
    /// Weekday, Monday = 1.
    Weekday(u8),
    /// Day of the month ("24号"), in the month `month` months from this one ("下个月1号": 1; 0 when unsaid).
    Date { month: u8, day: u8 },
}

impl Day {
    /// The day of the week (Monday = 1) this day falls on: next week's days fold back into 1..=7, an offset needs
    /// today's weekday, a date cannot be placed.
    pub(crate) fn weekday(self, today: Option<u8>) -> Option<u8> {
        match self {
            Day::Weekday(w) => Some(w.saturating_sub(1) % 7 + 1),
            Day::Offset(o) => today.map(|t| ((t as i32 - 1 + o).rem_euclid(7) + 1) as u8),
            Day::Date { .. } => None,
        }
    }
}

/// A point in time named by a text: a day and/or an hour of that day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TimePoint {
    pub(crate) day: Option<Day>,
    /// Hour of the day, 0..24 (half hours as .5).
    pub(crate) hour: Option<f32>,
    /// Char offset and length in the text.
    pub(crate) at: usize,
    pub(crate) len: usize,
    pub(crate) text: String,
}

fn horizon_score(hours: f32) -> f32 {
    if hours <= 24.0 {
        1.0
    } else if hours <= 72.0 {
        0.85
    } else if hours <= 168.0 {
        0.5
    } else if hours <= 360.0 {
        0.35
    } else {
        0.25
    }
}

/// Up to `n` characters before `at`, within its clause ("看过了，我四十分钟内…": the "过了" of the clause before does not
/// make the forty minutes past).
fn clause_before(chars: &[char], at: usize, n: usize) -> &[char] {
    let from = at.saturating_sub(n);
    let from = (from..at).rev().find(|&i| is_break(chars[i])).map_or(from, |i| i + 1);
    &chars[from..at]
}

fn numeral(cues: &TimeCues, c: char) -> Option<f32> {
    let s = [c];
    cues.numerals.starts_at(&s, 0).map(|(_, v)| v)
}

fn ten(cues: &TimeCues, c: char) -> bool {
    numeral(cues, c) == Some(10.0)
}

/// Reads a number at `i` (ASCII digits, a range "3-7" keeping the upper bound, or Chinese numerals).
/// Returns (value, end, is_ascii, is_clock_hhmm).
fn read_number(cues: &TimeCues, chars: &[char], i: usize) -> Option<(f32, usize, bool, Option<f32>)> {
    let n = chars.len();
    if chars.get(i)?.is_ascii_digit() {
        let mut j = i;
        loop {
            let s = j;
            while j < n && chars[j].is_ascii_digit() {
                j += 1;
            }
            let v: f32 = window(chars, s, j).parse::<f32>().unwrap_or(0.0);
            if j + 2 < n && chars[j] == ':' && chars[j + 1].is_ascii_digit() && chars[j + 2].is_ascii_digit() {
                let minutes: f32 = window(chars, j + 1, j + 3).parse::<f32>().unwrap_or(0.0);
                return Some((v, j + 3, true, Some(v + minutes / 60.0)));
            }
            if j + 1 < n && matches!(chars[j], '-' | '~' | '到' | '至') && chars[j + 1].is_ascii_digit() {
                j += 1;
                continue;
            }
            return Some((v, j, true, None));
        }
    }
    numeral(cues, chars[i])?;
    let mut j = i;
    let mut total = 0.0f32;
    let mut cur = 0.0f32;
    while j < n {
        let ch = chars[j];
        if ten(cues, ch) {
            total += if cur == 0.0 { 10.0 } else { cur * 10.0 };
            cur = 0.0;
        } else if let Some(v) = numeral(cues, ch) {
            cur = v;
        } else if matches!(ch, '-' | '~' | '到' | '至') && chars.get(j + 1).is_some_and(|&c| numeral(cues, c).is_some()) {
            // A range keeps its upper bound, as with digits: "三到五个工作日" is five.
            (total, cur) = (0.0, 0.0);
        } else {
            break;
        }
        j += 1;
    }
    Some((total + cur, j, false, None))
}

/// Finds forward-looking time commitments: clock times, "N分钟/小时/天/个工作日 内/前/后", day words
/// (今天/明早/周五…), immediacy (马上/现在就) and vague ones (尽快/第一时间).
pub(crate) fn scan_time(cues: &TimeCues, chars: &[char]) -> Vec<TimeHit> {
    let mut hits = Vec::new();
    let n = chars.len();
    let hedged = |at: usize| cues.hedges.any_in(&chars[at.saturating_sub(6)..at]);
    let mut i = 0;
    while i < n {
        if let Some((value, end, is_ascii, clock)) = read_number(cues, chars, i) {
            let start = i;
            if let Some(_h) = clock {
                hits.push(TimeHit { score: 1.0, text: window(chars, start, end) });
                i = end;
                continue;
            }
            i = end.max(start + 1);
            // Unit, optionally after a measure word.
            let mut k = end;
            if k < n && chars[k] == '个' {
                k += 1;
            }
            if let Some((ulen, per)) = cues.units.starts_at(chars, k) {
                // "3月" is March, "3个月" three months.
                let per = if per >= 720.0 && k == end { None } else { Some(per) };
                if let Some(per) = per {
                    let uend = k + ulen;
                    let after = &chars[uend.min(n)..(uend + 3).min(n)];
                    let before = clause_before(chars, start, 5);
                    let past = cues.past_after.starts_at(after, 0).is_some() || cues.past_before.any_in(before);
                    let forward = cues.forward_after.starts_at(after, 0).is_some() || cues.forward_before.ends_at(before, before.len());
                    if forward && !past && value > 0.0 {
                        let mut score = horizon_score(value * per);
                        if hedged(start) {
                            score *= 0.8;
                        }
                        let tail = cues.forward_after.starts_at(after, 0).map(|(l, _)| l.min(1)).unwrap_or(0);
                        hits.push(TimeHit { score, text: window(chars, start, uend + tail) });
                    }
                    i = uend;
                    continue;
                }
            }
            // Clock time "5点前", "下午3点".
            if let Some((mlen, _)) = cues.clock_marks.starts_at(chars, end) {
                let before = &chars[start.saturating_sub(3)..start];
                let after = &chars[(end + mlen).min(n)..(end + mlen + 3).min(n)];
                let clocky = is_ascii
                    || cues.clock_before.ends_at(before, before.len())
                    || cues.clock_after.starts_at(after, 0).is_some();
                if clocky && value > 0.0 && value <= 24.0 {
                    let tail = cues.clock_after.starts_at(after, 0).map(|(l, _)| l).unwrap_or(0);
                    hits.push(TimeHit { score: 1.0, text: window(chars, start, end + mlen + tail) });
                }
                i = end + mlen;
            }
            continue;
        }
        if let Some((wl, h)) = cues.day_words.starts_at(chars, i) {
            let (cs, ce) = clause_bounds(chars, i);
            let wish = cues.wish.any_in(&chars[cs..ce]);
            if !wish && !past_day_before(cues, chars, i) {
                let score = horizon_score(h) * if hedged(i) { 0.8 } else { 1.0 };
                // Extend over a following clock time: "今天18点前", "明天上午", "明天中午12点10分" (never stopping
                // inside a number).
                let mut e = i + wl;
                while e < n && (e < i + wl + 6 || chars[e].is_ascii_digit()) && (chars[e].is_ascii_digit() || cues.tail_chars.contains(&chars[e])) {
                    e += 1;
                }
                hits.push(TimeHit { score, text: window(chars, i, e) });
            }
            i += wl;
            continue;
        }
        if let Some((l, _)) = cues.immediate.starts_at(chars, i) {
            hits.push(TimeHit { score: 0.6, text: window(chars, i, i + l) });
            i += l;
            continue;
        }
        if let Some((l, _)) = cues.vague.starts_at(chars, i) {
            hits.push(TimeHit { score: VAGUE_SCORE, text: window(chars, i, i + l) });
            i += l;
            continue;
        }
        i += 1;
    }
    hits
}

/// "上周一", "上个周五": the day word at `i` names a past day. Only right before it (or before "个"), not anywhere
/// near it: "师傅上门，后天上午" names a future day.
fn past_day_before(cues: &TimeCues, chars: &[char], i: usize) -> bool {
    cues.not_before_day.ends_at(chars, i) || (i >= 1 && chars[i - 1] == '个' && cues.not_before_day.ends_at(chars, i - 1))
}

/// Whether a question numeral before a clock or date mark starts at `k` ("几点", "几号").
fn asks_a_time_at(cues: &TimeCues, chars: &[char], k: usize) -> bool {
    cues.question_numerals
        .starts_at(chars, k)
        .is_some_and(|(l, _)| cues.clock_marks.starts_at(chars, k + l).is_some() || cues.date_marks.starts_at(chars, k + l).is_some())
}

/// Whether a text asks for a time ("体检前一天晚上几点以后不能吃东西"): the times around the question are its scope,
/// not a deadline.
pub(crate) fn asks_a_time(cues: &TimeCues, chars: &[char]) -> bool {
    (0..chars.len()).any(|k| asks_a_time_at(cues, chars, k))
}

/// Time points: a day word, weekday or date, optionally followed by a part of the day and a clock time; a
/// clock time alone; or a duration "N天/小时内" counted from today. Past ones ("昨天", "等了两天") are skipped.
pub(crate) fn time_points(cues: &TimeCues, chars: &[char]) -> Vec<TimePoint> {
    let n = chars.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        let mut day: Option<Day> = None;
        let mut month = 0u8;
        let mut j = i;
        // A day word that is also a part of the day ("今晚", "明早") sets both: "今晚8点" is 20:00.
        let mut day_part: Option<f32> = None;
        if let Some((l, code)) = cues.month_parts.starts_at(chars, i) {
            let code = code as u32;
            day = Some(Day::Date { month: (code / 100) as u8, day: (code % 100) as u8 });
            j = i + l;
        } else if let Some((l, off)) = cues.day_offsets.starts_at(chars, i) {
            day = Some(Day::Offset(off as i32));
            j = i + l;
            day_part = cues.parts_of_day.starts_at(chars, i).filter(|(pl, _)| *pl == l).map(|(_, h)| h);
        } else if let Some((l, m)) = cues.month_offsets.starts_at(chars, i) {
            // Only a day of the month right after makes it a point; the month alone is too vague to compare.
            month = m as u8;
            j = i + l;
        } else if let Some((l, wd)) = cues.weekdays.starts_at(chars, i) {
            // Next week's days count on from this week's: 下周一 = 8.
            let next = cues.next_week.ends_at(chars, i);
            day = Some(Day::Weekday(wd as u8 + if next { 7 } else { 0 }));
            j = i + l;
        }
        if day.is_some() && past_day_before(cues, chars, i) {
            i = j;
            continue;
        }
        // Part of the day: may open the point or follow its day ("明天下午").
        let mut part_end: Option<f32> = day_part;
        if let Some((l, h)) = cues.parts_of_day.starts_at(chars, j) {
            part_end = Some(h);
            // 今晚 / 明早 are both day and part.
            if day.is_none() {
                if let Some((_, off)) = cues.day_offsets.starts_at(chars, j) {
                    day = Some(Day::Offset(off as i32));
                }
            }
            j += l;
        }
        // A number: clock hour, date, or duration.
        let mut hour: Option<f32> = None;
        let mut consumed_number = false;
        let mut k = j;
        while k < n && k < j + 2 && !chars[k].is_ascii_digit() && numeral(cues, chars[k]).is_none() && !is_break(chars[k]) && day.is_some() {
            k += 1;
        }
        // "几点退房" asks what time; it names none.
        let asks = asks_a_time_at(cues, chars, k);
        if let Some((value, end, _ascii, clock)) = read_number(cues, chars, k).filter(|_| k < n && !asks) {
            if let Some(h) = clock {
                hour = Some(h);
                j = end;
                consumed_number = true;
            } else if let Some((ml, _)) = cues.clock_marks.starts_at(chars, end) {
                if value > 0.0 && value <= 24.0 {
                    let mut h = value;
                    let mut e = end + ml;
                    if cues.half_hour.starts_at(chars, e).is_some() {
                        h += 0.5;
                        e += 1;
                    } else if e < n && chars[e].is_ascii_digit() {
                        // "8点30"
                        let mut m = e;
                        while m < n && chars[m].is_ascii_digit() {
                            m += 1;
                        }
                        h += window(chars, e, m).parse::<f32>().unwrap_or(0.0).min(59.0) / 60.0;
                        e = m;
                    }
                    hour = Some(h);
                    j = e;
                    consumed_number = true;
                }
            } else if let Some((dl, _)) = cues.date_marks.starts_at(chars, end) {
                if day.is_none() && (1.0..=31.0).contains(&value) && value.fract() == 0.0 {
                    day = Some(Day::Date { month, day: value as u8 });
                    j = end + dl;
                    consumed_number = true;
                }
            } else if day.is_none() && part_end.is_none() {
                let mut u = end;
                if u < n && chars[u] == '个' {
                    u += 1;
                }
                if let Some((ulen, per)) = cues.units.starts_at(chars, u) {
                    let uend = u + ulen;
                    let after = &chars[uend.min(n)..(uend + 3).min(n)];
                    let before = clause_before(chars, k, 5);
                    let past = cues.past_after.starts_at(after, 0).is_some() || cues.past_before.any_in(before);
                    let forward = cues.forward_after.starts_at(after, 0).is_some() || cues.forward_before.ends_at(before, before.len());
                    if forward && !past && value > 0.0 && per >= 1.0 && !(per >= 720.0 && u == end) {
                        let hours = value * per;
                        let days = if hours < 24.0 { 0 } else { (hours / 24.0).ceil() as i32 };
                        let len = uend - k;
                        out.push(TimePoint { day: Some(Day::Offset(days)), hour: None, at: k, len, text: window(chars, k, uend) });
                    }
                    i = uend.max(i + 1);
                    continue;
                }
            }
        }
        if let (Some(h), Some(p)) = (hour, part_end) {
            // 12-hour clock after an afternoon or evening word.
            if (p >= 18.0 && h < 12.0) || (p == 13.0 && h <= 2.0) {
                hour = Some(h + 12.0);
            }
        }
        if day.is_some() || hour.is_some() || part_end.is_some() {
            if hour.is_none() {
                hour = part_end;
            }
            let _ = consumed_number;
            let end = j.max(start + 1);
            out.push(TimePoint { day, hour, at: start, len: end - start, text: window(chars, start, end) });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// The time points of a text that say when something happens: a statement of what day or time it is now ("今天周二，
/// 下午两点后才方便", "现在才上午十点") dates the conversation, it does not restrict the window after it to today.
pub(crate) fn scheduling_points(cues: &TimeCues, chars: &[char]) -> Vec<TimePoint> {
    let points = time_points(cues, chars);
    let dating = dating_spans(cues, chars, &points);
    points.into_iter().filter(|p| !dating.iter().any(|span| span.contains(&p.at))).collect()
}

/// The weekday of today when a text says so ("今天周三"), Monday = 1.
pub(crate) fn stated_today(cues: &TimeCues, chars: &[char]) -> Option<u8> {
    for p in time_points(cues, chars) {
        if p.day == Some(Day::Offset(0)) {
            let after = &chars[(p.at + p.len).min(chars.len())..(p.at + p.len + 3).min(chars.len())];
            for s in 0..after.len() {
                if let Some((_, wd)) = cues.weekdays.starts_at(after, s) {
                    return Some(wd as u8);
                }
            }
        }
    }
    None
}

/// The spans where a text says what day or time it is now: "today" right before a weekday or a date ("今天12号",
/// "今天已经周三了"), or "now" right before a time of day ("现在才上午十点"), with nothing between but a link
/// (`time_now_links.txt`). They date the conversation; they say neither when something happens nor by when it is wanted.
pub(crate) fn dating_spans(cues: &TimeCues, chars: &[char], points: &[TimePoint]) -> Vec<std::ops::Range<usize>> {
    let linked = |from: usize, to: usize| from <= to && (from == to || cues.now_links.starts_at(chars, from).is_some_and(|(l, _)| from + l == to));
    let mut spans: Vec<std::ops::Range<usize>> = points
        .windows(2)
        .filter(|w| {
            w[0].day == Some(Day::Offset(0))
                && w[0].hour.is_none()
                && matches!(w[1].day, Some(Day::Date { .. } | Day::Weekday(_)))
                && linked(w[0].at + w[0].len, w[1].at)
        })
        .map(|w| w[0].at..w[1].at + w[1].len)
        .collect();
    for h in cues.now_words.find_in(chars, None) {
        if let Some(p) = points.iter().find(|p| p.at >= h.end() && p.hour.is_some() && linked(h.end(), p.at)) {
            spans.push(h.at..p.at + p.len);
        }
    }
    spans
}

/// Days from today to `day` (a weekday needs today's; next week's days are numbered past 7); None for a date.
pub(crate) fn days_ahead(day: Day, today: Option<u8>) -> Option<i32> {
    match day {
        Day::Offset(o) => Some(o),
        Day::Weekday(w) if w > 7 => today.map(|t| w as i32 - t as i32),
        Day::Weekday(w) => today.map(|t| (w as i32 - t as i32).rem_euclid(7)),
        Day::Date { .. } => None,
    }
}

/// The time-frame score of a promise `days` after the first day it could be kept.
pub(crate) fn day_score(days: i32) -> f32 {
    horizon_score(days.max(0) as f32 * 24.0)
}

/// Whether a promise falls after a deadline; None when the two cannot be compared.
/// A promise without an hour is taken at the end of the working day; a deadline without an hour at midnight.
pub(crate) fn later_than(promise: &TimePoint, deadline: &TimePoint, today: Option<u8>) -> Option<bool> {
    let pd = promise.day.unwrap_or(Day::Offset(0));
    let dd = deadline.day.unwrap_or(Day::Offset(0));
    let order = match (pd, dd) {
        (Day::Weekday(a), Day::Weekday(b)) => Some((a as i32).cmp(&(b as i32))),
        (Day::Date { month: ma, day: a }, Day::Date { month: mb, day: b }) => Some((ma, a).cmp(&(mb, b))),
        (a, b) => match (days_ahead(a, today), days_ahead(b, today)) {
            (Some(x), Some(y)) => Some(x.cmp(&y)),
            _ => None,
        },
    }?;
    match order {
        std::cmp::Ordering::Less => Some(false),
        std::cmp::Ordering::Greater => Some(true),
        std::cmp::Ordering::Equal => {
            // Same day: only stated hours on both sides can be compared.
            Some(promise.hour? > deadline.hour?)
        }
    }
}
