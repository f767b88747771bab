//! Pattern rules that a word list cannot express: counted complaints (第三次, 等了两天), and punctuation runs.

use crate::labels::Emotion;

use super::{CueKind, Raw};

const NUMERALS: &str = "0123456789０１２３４５６７８９一二两三四五六七八九十百几多半好";
const TIME_UNITS: &[&str] = &[
    "个工作日",
    "整天",
    "整晚",
    "个小时",
    "个钟头",
    "个星期",
    "个礼拜",
    "个月",
    "工作日",
    "小时",
    "钟头",
    "星期",
    "礼拜",
    "分钟",
    "天",
    "周",
    "月",
];

fn is_numeral(c: char) -> bool {
    NUMERALS.contains(c)
}

fn raw(start: usize, end: usize, kind: CueKind, pol: f32, emotion: Emotion, strength: f32) -> Raw {
    let mut emo = [0.0; 7];
    emo[emotion.index()] = strength;
    Raw { start, end, kind, pol, emo, clause: 0 }
}

/// Repeated contact (第三次, 第N回) and long waits (等了三天, 都一个星期了, 两天了还) are complaints.
pub(super) fn complaints(norm: &str, out: &mut Vec<Raw>) {
    let chars: Vec<(usize, char)> = norm.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map(|(b, _)| *b).unwrap_or(norm.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_numeral(chars[i].1) || (i > 0 && is_numeral(chars[i - 1].1)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len() && is_numeral(chars[j].1) {
            j += 1;
        }
        let number: String = chars[start..j].iter().map(|(_, c)| *c).collect();
        let first_only = matches!(number.as_str(), "一" | "1" | "１" | "好" | "多");
        // 第N次 / 第N回 / 第N遍, N > 1.
        if start > 0 && chars[start - 1].1 == '第' && !first_only {
            if let Some((_, c)) = chars.get(j) {
                let next = &norm[byte_at(j + 1)..];
                // 第二次买 / 第三次入住 is a returning customer, not a repeated complaint.
                let returning = ["买", "购", "来", "光顾", "入住", "下单", "回购", "点", "用", "选", "住", "坐", "乘"]
                    .iter()
                    .any(|p| next.starts_with(p) || next.starts_with(&format!("在{p}")));
                if matches!(c, '次' | '回' | '遍') && !returning {
                    out.push(raw(byte_at(start - 1), byte_at(j + 1), CueKind::Complaint, -1.3, Emotion::Anger, 1.0));
                    i = j + 1;
                    continue;
                }
            }
        }
        // A span of time, complained about when it is waited for.
        let rest = &norm[byte_at(j)..];
        if let Some(unit) = TIME_UNITS.iter().find(|u| rest.starts_with(**u)) {
            let end_b = byte_at(j) + unit.len();
            let before = &norm[byte_at(start.saturating_sub(3))..byte_at(start)];
            let after = &norm[end_b..];
            let after: String = after.chars().take(3).collect();
            let waited =
                before.contains('等') || before.contains('都') || before.contains("已经") || before.contains('整');
            let still = after.starts_with("了还")
                || after.starts_with("了都")
                || after.starts_with("还没")
                || after.starts_with("了也")
                || after.starts_with("都没")
                || after.starts_with("也没")
                || after.starts_with("了，还");
            if (waited && (after.starts_with('了') || before.contains('等'))) || still {
                out.push(raw(byte_at(start), end_b, CueKind::Complaint, -0.9, Emotion::Anxiety, 0.7));
            }
            i = j;
            continue;
        }
        i = j;
    }
}

/// What the punctuation of a message says.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Punctuation {
    pub exclaims: u32,
    pub exclaim_runs: u32,
    pub question_runs: u32,
    pub question_marks: u32,
}

/// "？？" is exasperation, "?!" anger, "…" / "。。。" a sigh; "!!" only adds intensity. Pushes cues for the runs.
pub(super) fn punctuation(norm: &str, out: &mut Vec<Raw>) -> Punctuation {
    let mut p = Punctuation::default();
    let mut it = norm.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if !matches!(c, '!' | '！' | '?' | '？' | '…' | '。' | '.') {
            continue;
        }
        let mut end = start + c.len_utf8();
        let (mut e, mut q, mut d, mut n) = (0u32, 0u32, 0u32, 0u32);
        let mut count = |c: char| match c {
            '!' | '！' => e += 1,
            '?' | '？' => q += 1,
            '…' => d += 2,
            _ => n += 1,
        };
        count(c);
        while let Some(&(b, c2)) = it.peek() {
            if matches!(c2, '!' | '！' | '?' | '？' | '…' | '。' | '.') {
                count(c2);
                end = b + c2.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        p.exclaims += e;
        if q > 0 && e > 0 {
            p.exclaim_runs += 1;
            p.question_runs += 1;
            out.push(raw(start, end, CueKind::Punctuation, -0.7, Emotion::Anger, 0.6));
        } else if q >= 2 {
            p.question_runs += 1;
            let mut r = raw(start, end, CueKind::Punctuation, -0.6, Emotion::Confusion, 0.6);
            r.emo[Emotion::Anger.index()] = 0.3;
            out.push(r);
        } else if q == 1 {
            p.question_marks += 1;
        } else if e >= 2 {
            p.exclaim_runs += 1;
            out.push(Raw { start, end, kind: CueKind::Punctuation, pol: 0.0, emo: [0.0; 7], clause: 0 });
        } else if d + n >= 3 || d >= 2 && e == 0 {
            out.push(raw(start, end, CueKind::Punctuation, -0.35, Emotion::Disappointment, 0.3));
        }
    }
    p
}
