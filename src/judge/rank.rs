//! Reply ranking: scores each candidate agent reply on named empathy components that follow the seeds
//! (听 → 点明感受 → 换位 → 担责 → 具体方案与时限 → 征询意见 → 个性化结束语), penalises the known faults
//! (套话道歉, 模板结束语, 甩锅, 敷衍, 过度承诺, 复读, 答非所问, 无礼), and combines them with weights fitted by
//! pairwise logistic regression (`examples/fit_rank_weights.rs`, stored in `models/ranking/weights.json`).
//!
//! Everything here is pure computation over strings: no I/O at ranking time, no panics on any input.
//! Cue lists live in `models/ranking/*.txt` (see `models/ranking/README.md`) and are compiled in.

use std::collections::HashMap;

use serde::Serialize;

use crate::judge::{Classification, Role, Turn};
use crate::labels::{Emotion, Polarity};

/// Everything the ranker needs for one request.
pub struct RankInput<'a> {
    pub customer: &'a str,
    /// Earlier turns, oldest first.
    pub context: &'a [Turn],
    pub candidates: &'a [String],
    /// The customer's emotion/polarity, already computed.
    pub reading: &'a Classification,
    /// Cosine similarity of each candidate to the customer message from the sentence encoder, when a model is
    /// loaded; None on the lexicon backend.
    pub relevance: Option<&'a [f32]>,
}

/// The same request without a `Classification`: what the weight-fitting example and the tests use.
/// `emotion` is the customer's reading (emotion, intensity) when one is known.
pub struct CaseView<'a> {
    pub customer: &'a str,
    pub context: &'a [Turn],
    pub candidates: &'a [String],
    pub emotion: Option<(Emotion, f32)>,
    pub negative: Option<bool>,
    pub relevance: Option<&'a [f32]>,
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

/// What a reply does wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Fault {
    FormulaicApology,
    ScriptedClosing,
    Blame,
    Dismissive,
    OverPromise,
    Parroting,
    OffTopic,
    Rude,
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
        }
    }
}

/// The judgement of one candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplyJudgement {
    pub index: usize,
    pub score: f32,
    pub components: Components,
    pub missing: Vec<Missing>,
    pub faults: Vec<Fault>,
    /// One line, Chinese.
    pub reason: String,
}

// ---------------------------------------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------------------------------------

/// Names of the model's features, in the order of [`FeatureRow::values`].
pub const FEATURES: [&str; 24] = [
    "acknowledgement",
    "ownership",
    "next_step",
    "time_frame",
    "agreement_check",
    "personal_closing",
    "relevance",
    "tone",
    "formulaic_apology",
    "scripted_closing",
    "blame",
    "dismissive",
    "over_promise",
    "parroting",
    "off_topic",
    "rude",
    "policy_speak",
    "ack_x_repeat",
    "own_x_repeat",
    "time_x_anxiety",
    "ack_x_anger",
    "own_x_anger",
    "closing_x_gratitude",
    "step_x_gratitude",
];
pub const N_FEATURES: usize = FEATURES.len();

/// Features whose weight must be >= 0 (strengths) or <= 0 (faults) when fitting.
pub fn feature_sign(i: usize) -> f32 {
    if (8..=16).contains(&i) {
        -1.0
    } else {
        1.0
    }
}

/// Prior weights (hand-set from the seeds); used when `weights.json` cannot be read and as the documented
/// starting point of the fit.
pub const PRIOR_WEIGHTS: [f32; N_FEATURES] = [
    1.5, 1.2, 1.2, 1.0, 0.3, 0.6, 0.8, 0.5, -1.0, -0.6, -2.0, -1.5, -1.5, -1.0, -1.5, -1.5, -0.4, 0.5, 0.5, 0.5,
    0.5, 0.5, 0.5, 0.0,
];

/// The feature vector of one candidate plus what the reason needs.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureRow {
    pub values: [f32; N_FEATURES],
    pub components: Components,
    pub faults: Vec<Fault>,
    evidence: Evidence,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Evidence {
    feeling: Option<String>,
    time: Option<String>,
    admits_fault: bool,
    has_agent_action: bool,
}

// ---------------------------------------------------------------------------------------------------------
// Cue lists
// ---------------------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default)]
struct CueList {
    entries: Vec<(String, f32)>,
}

#[derive(Debug, Clone)]
struct Hit {
    /// Char offset of the match.
    at: usize,
    len: usize,
    term_index: usize,
    weight: f32,
}

impl CueList {
    fn parse(text: &str) -> CueList {
        let mut entries = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (term, weight) = match line.rsplit_once('|') {
                Some((t, w)) => match w.trim().parse::<f32>() {
                    Ok(w) if w.is_finite() => (t.trim(), w),
                    _ => (line, 1.0),
                },
                None => (line, 1.0),
            };
            let term = normalise(term);
            if !term.is_empty() {
                entries.push((term, weight));
            }
        }
        // Longest first, so overlapping shorter entries at the same place are skipped.
        entries.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(&b.0)));
        CueList { entries }
    }

    /// Non-overlapping matches (longest entry wins), skipping negated ones when `negatable`.
    fn find(&self, text: &Text, negatable: bool) -> Vec<Hit> {
        let mut taken = vec![false; text.chars.len()];
        let mut hits = Vec::new();
        for (ti, (term, weight)) in self.entries.iter().enumerate() {
            let pat: Vec<char> = term.chars().collect();
            if pat.is_empty() || pat.len() > text.chars.len() {
                continue;
            }
            let mut i = 0;
            while i + pat.len() <= text.chars.len() {
                if text.chars[i..i + pat.len()] == pat[..] {
                    let free = !taken[i..i + pat.len()].iter().any(|t| *t);
                    if free && !(negatable && negated(&text.chars, i)) {
                        for t in &mut taken[i..i + pat.len()] {
                            *t = true;
                        }
                        hits.push(Hit { at: i, len: pat.len(), term_index: ti, weight: *weight });
                    }
                    i += pat.len();
                } else {
                    i += 1;
                }
            }
        }
        hits.sort_by_key(|h| (h.at, h.term_index));
        hits
    }

    fn term(&self, hit: &Hit) -> &str {
        self.entries.get(hit.term_index).map(|e| e.0.as_str()).unwrap_or("")
    }
}

/// Whether the match at `at` is preceded by a negation (不/没/别/未/无/非, 不用, 不必, 无需).
fn negated(chars: &[char], at: usize) -> bool {
    if at == 0 {
        return false;
    }
    let prev = chars[at - 1];
    if matches!(prev, '不' | '没' | '别' | '未' | '无' | '非' | '莫') {
        return true;
    }
    if at >= 2 {
        let two: String = chars[at - 2..at].iter().collect();
        if matches!(two.as_str(), "不用" | "不必" | "无需" | "别太" | "不要" | "用再") {
            return true;
        }
    }
    false
}

struct Cues {
    feelings: CueList,
    empathy_frames: CueList,
    generic_empathy: CueList,
    ownership: CueList,
    blame: CueList,
    dismissive: CueList,
    over_promise: CueList,
    formulaic_apology: CueList,
    scripted_closing: CueList,
    policy_speak: CueList,
    tone_markers: CueList,
    rude: CueList,
    off_topic: CueList,
    actions: CueList,
    agreement: CueList,
    personal_closing: CueList,
    repeat_contact: CueList,
    customer_anxiety: CueList,
    customer_anger: CueList,
    customer_gratitude: CueList,
}

impl Cues {
    fn embedded() -> Cues {
        Cues {
            feelings: CueList::parse(include_str!("../../models/ranking/feelings.txt")),
            empathy_frames: CueList::parse(include_str!("../../models/ranking/empathy_frames.txt")),
            generic_empathy: CueList::parse(include_str!("../../models/ranking/generic_empathy.txt")),
            ownership: CueList::parse(include_str!("../../models/ranking/ownership.txt")),
            blame: CueList::parse(include_str!("../../models/ranking/blame.txt")),
            dismissive: CueList::parse(include_str!("../../models/ranking/dismissive.txt")),
            over_promise: CueList::parse(include_str!("../../models/ranking/over_promise.txt")),
            formulaic_apology: CueList::parse(include_str!("../../models/ranking/formulaic_apology.txt")),
            scripted_closing: CueList::parse(include_str!("../../models/ranking/scripted_closing.txt")),
            policy_speak: CueList::parse(include_str!("../../models/ranking/policy_speak.txt")),
            tone_markers: CueList::parse(include_str!("../../models/ranking/tone_markers.txt")),
            rude: CueList::parse(include_str!("../../models/ranking/rude.txt")),
            off_topic: CueList::parse(include_str!("../../models/ranking/off_topic.txt")),
            actions: CueList::parse(include_str!("../../models/ranking/actions.txt")),
            agreement: CueList::parse(include_str!("../../models/ranking/agreement.txt")),
            personal_closing: CueList::parse(include_str!("../../models/ranking/personal_closing.txt")),
            repeat_contact: CueList::parse(include_str!("../../models/ranking/repeat_contact.txt")),
            customer_anxiety: CueList::parse(include_str!("../../models/ranking/customer_anxiety.txt")),
            customer_anger: CueList::parse(include_str!("../../models/ranking/customer_anger.txt")),
            customer_gratitude: CueList::parse(include_str!("../../models/ranking/customer_gratitude.txt")),
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------------------

/// Longest text the ranker reads, in chars; the rest of a huge input is ignored (replies are short).
const MAX_CHARS: usize = 2000;
/// Longest span compared for parroting, in chars.
const MAX_LCS_CHARS: usize = 600;

/// Full-width ASCII to half-width, ideographic space to space, ASCII lowercase.
fn normalise(text: &str) -> String {
    text.chars()
        .take(MAX_CHARS)
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c.to_ascii_lowercase(),
        })
        .collect()
}

struct Text {
    chars: Vec<char>,
}

impl Text {
    fn new(raw: &str) -> Text {
        Text { chars: normalise(raw).chars().collect() }
    }
    fn len(&self) -> usize {
        self.chars.len()
    }
    fn slice(&self, at: usize, len: usize) -> String {
        let end = (at + len).min(self.chars.len());
        self.chars[at.min(end)..end].iter().collect()
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

fn is_break(c: char) -> bool {
    matches!(c, ',' | '.' | '!' | '?' | ';' | ':' | '。' | '、' | '\n' | '…' | '~' | '(' | ')' | '“' | '”' | '"')
}

/// Function characters that make a bigram uninformative about the topic.
fn is_function_char(c: char) -> bool {
    matches!(
        c,
        '的' | '了' | '吗' | '呢' | '吧' | '啊' | '呀' | '哦' | '是' | '我' | '您' | '你' | '他' | '她' | '们' | '这'
            | '那' | '就' | '都' | '也' | '还' | '和' | '与' | '及' | '把' | '被' | '请' | '么' | '嘛' | '哈'
    )
}

/// Content bigrams of CJK text plus ASCII alphanumeric tokens, with counts.
fn content_units(chars: &[char]) -> HashMap<String, f32> {
    let mut out: HashMap<String, f32> = HashMap::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let token: String = chars[start..i].iter().collect();
            *out.entry(token).or_insert(0.0) += 1.0;
            continue;
        }
        if is_cjk(c) && i + 1 < chars.len() && is_cjk(chars[i + 1]) {
            let d = chars[i + 1];
            if !is_function_char(c) && !is_function_char(d) {
                let bg: String = [c, d].iter().collect();
                *out.entry(bg).or_insert(0.0) += 1.0;
            }
        }
        i += 1;
    }
    out
}

/// Longest common substring (chars, punctuation and spaces removed) between two texts.
fn longest_common_substring(a: &[char], b: &[char]) -> usize {
    // Order numbers, codes and product names (ASCII) are quoted legitimately; they do not count.
    let keep = |c: &char| !is_break(*c) && !c.is_whitespace() && !c.is_ascii_alphanumeric();
    let a: Vec<char> = a.iter().copied().filter(keep).take(MAX_LCS_CHARS).collect();
    let b: Vec<char> = b.iter().copied().filter(keep).take(MAX_LCS_CHARS).collect();
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0u16; b.len() + 1];
    let mut cur = vec![0u16; b.len() + 1];
    let mut best = 0u16;
    for ca in &a {
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j].saturating_add(1) } else { 0 };
            if cur[j + 1] > best {
                best = cur[j + 1];
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best as usize
}

/// "是我们…没/错/误/漏/慢/问题" within a few characters: an admission the fixed list cannot enumerate.
fn admission_pattern(chars: &[char]) -> Option<f32> {
    let mut best: Option<f32> = None;
    for i in 0..chars.len() {
        let (weight, start) = if starts_with_at(chars, i, "是我们") {
            (1.0, i + 3)
        } else if starts_with_at(chars, i, "我们") && !(i > 0 && chars[i - 1] == '是') {
            (0.8, i + 2)
        } else {
            continue;
        };
        if i > 0 && matches!(chars[i - 1], '不' | '非') {
            continue;
        }
        let mut end = start;
        while end < chars.len() && end < start + 8 && !is_break(chars[end]) {
            end += 1;
        }
        let span: String = chars[start..end].iter().collect();
        if ["办法", "没法", "义务", "关系", "权限", "权利", "无关", "负责", "承担", "也没", "这边也", "更高", "无法", "不了"].iter().any(|x| span.contains(x)) {
            continue;
        }
        let hit = span.starts_with('没')
            || span.starts_with('未')
            || ["的问题", "的错", "的失误", "的疏", "失职", "疏忽", "疏漏", "误发", "误扣", "弄错", "搞错", "出错", "出了错", "出的问题", "太慢", "慢了", "太晚", "晚了", "没做", "没有做", "没把", "没及时", "没同步", "没讲清", "没说清", "没提醒", "没跟进", "不到位", "不准", "不周", "漏了", "做得不好", "的责任"]
                .iter()
                .any(|x| span.contains(x));
        if hit {
            best = Some(best.map_or(weight, |b: f32| b.max(weight)));
        }
    }
    best
}

fn clamp01(x: f32) -> f32 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

fn saturate(x: f32, scale: f32) -> f32 {
    clamp01(1.0 - (-x.max(0.0) / scale).exp())
}

fn sigmoid(x: f32) -> f32 {
    if x.is_nan() {
        return 0.5;
    }
    1.0 / (1.0 + (-x.clamp(-60.0, 60.0)).exp())
}

// ---------------------------------------------------------------------------------------------------------
// Time frames
// ---------------------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct TimeHit {
    score: f32,
    text: String,
}

fn chinese_number(c: char) -> Option<f32> {
    Some(match c {
        '零' => 0.0,
        '一' => 1.0,
        '二' | '两' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        '十' => 10.0,
        '半' => 0.5,
        '几' => 3.0,
        _ => return None,
    })
}

fn horizon_score(hours: f32) -> f32 {
    if hours <= 24.0 {
        1.0
    } else if hours <= 72.0 {
        0.85
    } else if hours <= 168.0 {
        0.65
    } else if hours <= 360.0 {
        0.45
    } else {
        0.3
    }
}

fn starts_with_at(chars: &[char], at: usize, pat: &str) -> bool {
    let mut rest = chars.get(at..).unwrap_or(&[]).iter();
    pat.chars().all(|p| rest.next() == Some(&p))
}

fn window(chars: &[char], from: usize, to: usize) -> String {
    let to = to.min(chars.len());
    let from = from.min(to);
    chars[from..to].iter().collect()
}

/// Finds forward-looking time commitments: clock times, "N分钟/小时/天/个工作日 内/前/后", day words
/// (今天/明早/周五…), immediacy (马上/现在就) and vague ones (尽快/第一时间).
fn scan_time(chars: &[char]) -> Vec<TimeHit> {
    let mut hits = Vec::new();
    let n = chars.len();
    let hedged = |at: usize| {
        let before = window(chars, at.saturating_sub(6), at);
        before.contains("一般") || before.contains("通常") || before.contains("可能")
    };
    let mut i = 0;
    while i < n {
        let c = chars[i];
        // Numbers (ASCII digits, ranges like 3-7, or Chinese numerals).
        let is_ascii_digit = c.is_ascii_digit();
        let is_cn = chinese_number(c).is_some();
        if is_ascii_digit || is_cn {
            let start = i;
            let value: f32;
            if is_ascii_digit {
                let mut j = i;
                let mut v: f32;
                loop {
                    let s = j;
                    while j < n && chars[j].is_ascii_digit() {
                        j += 1;
                    }
                    let num: String = chars[s..j].iter().collect();
                    v = num.parse::<f32>().unwrap_or(0.0);
                    // HH:MM clock time.
                    if j + 2 < n && chars[j] == ':' && chars[j + 1].is_ascii_digit() && chars[j + 2].is_ascii_digit()
                    {
                        let text = window(chars, start, j + 3);
                        hits.push(TimeHit { score: 1.0, text });
                        j += 3;
                        v = -1.0;
                        break;
                    }
                    // Ranges 3-7 / 3~7 / 3到7: keep the upper bound.
                    if j + 1 < n && matches!(chars[j], '-' | '~' | '到' | '至') && chars[j + 1].is_ascii_digit() {
                        j += 1;
                        continue;
                    }
                    break;
                }
                value = v;
                i = j;
                if value < 0.0 {
                    continue;
                }
            } else {
                let mut j = i;
                let mut total = 0.0f32;
                let mut cur = 0.0f32;
                while j < n {
                    match chars[j] {
                        '十' => {
                            total += if cur == 0.0 { 10.0 } else { cur * 10.0 };
                            cur = 0.0;
                        }
                        ch => match chinese_number(ch) {
                            Some(v) => cur = v,
                            None => break,
                        },
                    }
                    j += 1;
                }
                value = total + cur;
                i = j;
            }
            // Unit.
            let mut k = i;
            if k < n && chars[k] == '个' {
                k += 1;
            }
            let unit_hours: Option<(f32, usize)> = if starts_with_at(chars, k, "分钟") {
                Some((1.0 / 60.0, 2))
            } else if starts_with_at(chars, k, "小时") || starts_with_at(chars, k, "钟头") {
                Some((1.0, 2))
            } else if starts_with_at(chars, k, "工作日") {
                Some((34.0, 3))
            } else if starts_with_at(chars, k, "天") || starts_with_at(chars, k, "日") {
                Some((24.0, 1))
            } else if starts_with_at(chars, k, "星期") {
                Some((168.0, 2))
            } else if starts_with_at(chars, k, "周") {
                Some((168.0, 1))
            } else if starts_with_at(chars, k, "月") && k > i {
                Some((720.0, 1))
            } else {
                None
            };
            if let Some((per, ulen)) = unit_hours {
                let end = k + ulen;
                let after = window(chars, end, end + 3);
                let before = window(chars, start.saturating_sub(5), start);
                let past = after.starts_with('了')
                    || before.ends_with('第')
                    || before.contains("等了")
                    || before.contains("超时")
                    || before.contains("超过")
                    || before.contains("已经")
                    || before.contains("过了")
                    || before.contains("延误")
                    || before.contains("晚了");
                let forward = after.starts_with('内')
                    || after.starts_with("以内")
                    || after.starts_with("之内")
                    || after.starts_with('前')
                    || after.starts_with("之前")
                    || after.starts_with('后')
                    || after.starts_with("左右")
                    || after.starts_with("到账")
                    || after.starts_with("出结果")
                    || ["预计", "大概", "大约", "约", "需要", "会在", "将在", "最快", "最迟", "最晚", "不超过", "一般", "在"]
                        .iter()
                        .any(|w| before.ends_with(w));
                if forward && !past && value > 0.0 {
                    let mut score = horizon_score(value * per);
                    if hedged(start) {
                        score *= 0.8;
                    }
                    let tail = if after.starts_with('内') || after.starts_with('前') || after.starts_with('后') {
                        1
                    } else {
                        0
                    };
                    hits.push(TimeHit { score, text: window(chars, start, end + tail) });
                }
                i = end;
                continue;
            }
            // Clock time "5点前", "下午3点".
            if k < n && chars[k] == '点' && k == i {
                let before = window(chars, start.saturating_sub(3), start);
                let after = window(chars, k + 1, k + 3);
                let clocky = is_ascii_digit
                    || ["上午", "下午", "晚上", "早上", "中午", "今天", "明天", "今晚", "明早"].iter().any(|w| before.ends_with(w))
                    || after.starts_with('前')
                    || after.starts_with('半')
                    || after.starts_with('钟')
                    || after.starts_with("之前");
                if clocky && value > 0.0 && value <= 24.0 {
                    let tail = if after.starts_with('前') { 1 } else { 0 };
                    hits.push(TimeHit { score: 1.0, text: window(chars, start, k + 1 + tail) });
                }
                i = k + 1;
                continue;
            }
            if i == start {
                i += 1;
            }
            continue;
        }
        // Day words.
        const DAY_WORDS: [(&str, f32); 26] = [
            ("今天之内", 10.0),
            ("今天内", 10.0),
            ("今天", 10.0),
            ("今日", 10.0),
            ("今晚", 10.0),
            ("今早", 10.0),
            ("当天", 10.0),
            ("下班前", 10.0),
            ("上午", 10.0),
            ("下午", 10.0),
            ("中午", 10.0),
            ("傍晚", 10.0),
            ("明天", 24.0),
            ("明早", 24.0),
            ("明晚", 24.0),
            ("明日", 24.0),
            ("后天", 48.0),
            ("本周", 96.0),
            ("这周", 96.0),
            ("下周", 168.0),
            ("月底", 336.0),
            ("周一", 96.0),
            ("周二", 96.0),
            ("周三", 96.0),
            ("周四", 96.0),
            ("周五", 96.0),
        ];
        let mut matched = false;
        for (w, h) in DAY_WORDS.iter() {
            if starts_with_at(chars, i, w) {
                let wl = w.chars().count();
                let before = window(chars, i.saturating_sub(3), i);
                // The clause around it: "祝您今晚好梦" is a wish, not a time frame.
                let mut cs = i;
                while cs > 0 && !is_break(chars[cs - 1]) {
                    cs -= 1;
                }
                let mut ce = i;
                while ce < n && !is_break(chars[ce]) {
                    ce += 1;
                }
                let clause = window(chars, cs, ce);
                let wish = ["祝", "愉快", "好梦", "休息", "辛苦", "谢谢", "感谢"].iter().any(|w| clause.contains(w));
                if !wish && !before.contains('昨') && !before.contains("前天") && !before.contains('上') {
                    let score = horizon_score(*h) * if hedged(i) { 0.8 } else { 1.0 };
                    // Extend over a following clock time: "今天18点前", "明天上午", "下午5点前".
                    let mut e = i + wl;
                    while e < n && e < i + wl + 6 && (chars[e].is_ascii_digit() || "点前内之半钟上下午晚早中:".contains(chars[e])) {
                        e += 1;
                    }
                    let text = window(chars, i, e);
                    hits.push(TimeHit { score, text });
                }
                i += wl;
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        for w in ["现在就", "马上", "立即", "立刻", "即刻"] {
            if starts_with_at(chars, i, w) {
                hits.push(TimeHit { score: 0.6, text: w.to_string() });
                i += w.chars().count();
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        for w in ["尽快", "第一时间", "很快", "稍后", "及时"] {
            if starts_with_at(chars, i, w) {
                hits.push(TimeHit { score: 0.15, text: w.to_string() });
                i += w.chars().count();
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        i += 1;
    }
    hits
}

// ---------------------------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------------------------

/// Fitted weights, by feature name, as stored in `models/ranking/weights.json`.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub version: String,
    pub values: [f32; N_FEATURES],
    pub bias: f32,
}

impl Weights {
    pub fn prior() -> Weights {
        Weights { version: "prior".into(), values: PRIOR_WEIGHTS, bias: 0.0 }
    }

    /// Reads `{"version", "features": [...], "weights": [...], "bias"}`; features are matched by name, unknown
    /// names are ignored and missing ones keep their prior weight.
    pub fn from_json(text: &str) -> Result<Weights, String> {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let names = v.get("features").and_then(|f| f.as_array()).ok_or("no `features` array")?;
        let ws = v.get("weights").and_then(|f| f.as_array()).ok_or("no `weights` array")?;
        if names.len() != ws.len() {
            return Err("`features` and `weights` differ in length".into());
        }
        let mut values = PRIOR_WEIGHTS;
        for (name, w) in names.iter().zip(ws) {
            let (Some(name), Some(w)) = (name.as_str(), w.as_f64()) else {
                return Err("bad feature entry".into());
            };
            if let Some(i) = FEATURES.iter().position(|f| *f == name) {
                if w.is_finite() {
                    values[i] = w as f32;
                }
            }
        }
        let bias = v.get("bias").and_then(|b| b.as_f64()).unwrap_or(0.0) as f32;
        let version = v.get("version").and_then(|s| s.as_str()).unwrap_or("unknown").to_string();
        Ok(Weights { version, values, bias })
    }
}

// ---------------------------------------------------------------------------------------------------------
// Ranker
// ---------------------------------------------------------------------------------------------------------

/// Cue tables + weights, built once.
pub struct Ranker {
    cues: Cues,
    weights: Weights,
}

/// What the ranker reads from the customer side once per request.
struct CaseCtx {
    customer: Text,
    customer_units: HashMap<String, f32>,
    context_units: HashMap<String, f32>,
    repeat: f32,
    anxiety: f32,
    anger: f32,
    gratitude: f32,
    negative: bool,
    emotion: Option<Emotion>,
}

impl Default for Ranker {
    fn default() -> Self {
        Ranker::embedded()
    }
}

impl Ranker {
    /// Lists and weights from `models/ranking/`, compiled in.
    pub fn embedded() -> Ranker {
        let weights = Weights::from_json(include_str!("../../models/ranking/weights.json")).unwrap_or_else(|_| Weights::prior());
        Ranker { cues: Cues::embedded(), weights }
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
            relevance: input.relevance,
        })
    }

    /// [`Ranker::rank`] without a `Classification`.
    pub fn rank_case(&self, case: &CaseView) -> Vec<ReplyJudgement> {
        let rows = self.features(case);
        let ctx = self.case_ctx(case);
        let mut out: Vec<ReplyJudgement> = rows
            .into_iter()
            .enumerate()
            .map(|(index, row)| {
                let score = self.score_row(&row);
                let mut components = row.components;
                components.penalty = self.penalty(&row);
                let missing = missing_of(&components, &ctx);
                let reason = reason_of(&row, &components, &missing, &ctx);
                ReplyJudgement { index, score, components, missing, faults: row.faults, reason }
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        out
    }

    /// The linear score before the sigmoid.
    pub fn linear(&self, row: &FeatureRow) -> f32 {
        let s: f32 = row.values.iter().zip(self.weights.values.iter()).map(|(x, w)| x * w).sum::<f32>() + self.weights.bias;
        if s.is_finite() {
            s
        } else {
            0.0
        }
    }

    fn score_row(&self, row: &FeatureRow) -> f32 {
        sigmoid(self.linear(row))
    }

    fn penalty(&self, row: &FeatureRow) -> f32 {
        (8..=16).map(|i| (-self.weights.values[i]).max(0.0) * row.values[i]).sum::<f32>().max(0.0)
    }

    fn case_ctx(&self, case: &CaseView) -> CaseCtx {
        let customer = Text::new(case.customer);
        let customer_units = content_units(&customer.chars);
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
            for (u, c) in content_units(&t.chars) {
                *context_units.entry(u).or_insert(0.0) += c * w;
            }
            match turn.role {
                Role::Customer => repeat += 0.3 * self.cues.repeat_contact.find(&t, false).len() as f32,
                Role::Agent => {
                    let promises = scan_time(&t.chars).iter().any(|h| h.score >= 0.5)
                        || self.cues.actions.find(&t, false).iter().any(|h| h.weight >= 1.0);
                    agent_promise |= promises;
                }
            }
        }
        repeat += 0.5 * self.cues.repeat_contact.find(&customer, false).len() as f32;
        let cue = |list: &CueList| saturate(list.find(&customer, true).len() as f32, 1.5);
        let mut anxiety = cue(&self.cues.customer_anxiety);
        let mut anger = cue(&self.cues.customer_anger);
        let mut gratitude = cue(&self.cues.customer_gratitude);
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
        }
    }

    /// One feature row per candidate, in candidate order.
    pub fn features(&self, case: &CaseView) -> Vec<FeatureRow> {
        let ctx = self.case_ctx(case);
        case.candidates
            .iter()
            .enumerate()
            .map(|(i, cand)| {
                let cos = case.relevance.and_then(|r| r.get(i)).copied().filter(|c| c.is_finite());
                self.analyse(&ctx, cand, cos)
            })
            .collect()
    }

    fn analyse(&self, ctx: &CaseCtx, raw: &str, cosine: Option<f32>) -> FeatureRow {
        let text = Text::new(raw);
        let cues = &self.cues;
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
        let feelings = cues.feelings.find(&text, true);
        let feel = feelings.iter().map(|h| h.weight).fold(0.0f32, f32::max);
        if let Some(h) = feelings.iter().max_by(|a, b| a.weight.total_cmp(&b.weight).then(b.at.cmp(&a.at))) {
            ev.feeling = Some(cues.feelings.term(h).to_string());
        }
        let frame = if cues.empathy_frames.find(&text, true).is_empty() { 0.0 } else { 1.0 };
        let generic = if cues.generic_empathy.find(&text, true).is_empty() { 0.0 } else { 1.0 };
        let early_units = content_units(&text.chars[..early_end.min(n)]);
        let shared_early: f32 =
            early_units.keys().filter(|u| ctx.customer_units.contains_key(*u) || ctx.context_units.contains_key(*u)).count() as f32;
        let situ = saturate(shared_early, 2.5);
        let acknowledgement = clamp01(0.45 * feel + 0.2 * frame + 0.35 * situ + 0.15 * generic * (1.0 - feel));

        // --- blame / dismissive / rude / over-promise
        let blame_hits = cues.blame.find(&text, false);
        let blame = saturate(blame_hits.len() as f32, 1.0);
        let dismissive_hits: Vec<Hit> = cues
            .dismissive
            .find(&text, false)
            .into_iter()
            .filter(|h| {
                // "有疑问很正常" / "着急是正常的" validates the customer instead of dismissing them.
                let term = cues.dismissive.term(h);
                if term.contains("正常") {
                    let before = text.slice(h.at.saturating_sub(8), h.at - h.at.saturating_sub(8));
                    let validating = ["疑问", "着急", "担心", "生气", "不满", "困惑", "这么想", "有顾虑", "会急"].iter().any(|w| before.contains(w));
                    !validating
                } else {
                    true
                }
            })
            .collect();
        let dismissive = saturate(dismissive_hits.len() as f32, 1.0);
        let rude = saturate(cues.rude.find(&text, false).len() as f32, 0.8);
        let over_promise = saturate(cues.over_promise.find(&text, true).len() as f32, 0.8);

        // --- ownership
        let own_hits: Vec<Hit> = cues
            .ownership
            .find(&text, true)
            .into_iter()
            .filter(|h| {
                let after = text.slice(h.at + h.len, 2);
                !(after.starts_with('应') || after.starts_with("一直") || after.starts_with('与') || after.starts_with('和'))
            })
            .collect();
        let mut own_ws: Vec<f32> = own_hits.iter().map(|h| h.weight).collect();
        if let Some(w) = admission_pattern(&text.chars) {
            own_ws.push(w);
        }
        own_ws.sort_by(|a, b| b.total_cmp(a));
        ev.admits_fault = own_ws.first().map(|w| *w >= 0.8).unwrap_or(false);
        let mut ownership = clamp01(own_ws.first().copied().unwrap_or(0.0) + 0.3 * own_ws.get(1).copied().unwrap_or(0.0));

        // --- next step
        let act_hits = cues.actions.find(&text, false);
        let strong: f32 = act_hits.iter().filter(|h| h.weight >= 0.5).map(|h| h.weight).sum();
        let vague: f32 = act_hits.iter().filter(|h| h.weight < 0.5).map(|h| h.weight).sum();
        ev.has_agent_action = act_hits.iter().any(|h| h.weight >= 1.0);
        let numbers = text.chars.iter().filter(|c| c.is_ascii_digit()).count() as f32;
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
        let times = scan_time(&text.chars);
        let best_time = times.iter().max_by(|a, b| a.score.total_cmp(&b.score).then(a.text.chars().count().cmp(&b.text.chars().count())));
        let time_frame = best_time.map(|t| t.score).unwrap_or(0.0);
        if let Some(t) = best_time {
            if t.score >= 0.5 {
                ev.time = Some(t.text.clone());
            }
        }

        // --- agreement check
        let agreement_check = if cues.agreement.find(&text, true).is_empty() { 0.0 } else { 1.0 };

        // --- closing
        let personal = cues.personal_closing.find(&text, true).len() as f32;
        let scripted_n = cues.scripted_closing.find(&text, true).len() as f32;
        let scripted = saturate(scripted_n, 1.2);
        let personal_closing = clamp01(saturate(personal, 1.0) * (1.0 - 0.4 * scripted));

        // --- relevance
        let cand_units = content_units(&text.chars);
        let mut shared = 0.0f32;
        for u in cand_units.keys() {
            let w = ctx.customer_units.get(u).map(|_| 1.0).unwrap_or(0.0)
                + ctx.context_units.get(u).map(|c| 0.5 * c.min(1.0)).unwrap_or(0.0);
            shared += w.min(1.0);
        }
        let overlap = saturate(shared, 4.0);
        let relevance = match cosine {
            Some(c) => clamp01(0.5 * overlap + 0.5 * clamp01((c - 0.2) / 0.6)),
            None => overlap,
        };

        // --- off topic (selling or talking about something else)
        let upsell = saturate(cues.off_topic.find(&text, true).len() as f32, 1.2);
        // Word overlap alone is too weak to call a reply off-topic; the encoder's cosine is not.
        let low_rel = if cosine.is_some() && n > 0 && relevance < 0.15 { 0.6 } else { 0.0 };
        let off_topic = clamp01((upsell * (1.0 - 0.5 * relevance)).max(low_rel));
        // Actions and times that serve a sales pitch are not a next step for the customer's problem.
        // Likewise for actions wrapped in a promise nobody can keep.
        let serving = clamp01(1.0 - 0.8 * upsell - 0.5 * over_promise);
        let next_step = next_step * serving;
        let time_frame = time_frame * serving;
        let ownership = ownership * serving;

        // --- parroting
        let lcs = longest_common_substring(&text.chars, &ctx.customer.chars) as f32;
        let cust_len = ctx.customer.chars.iter().filter(|c| !is_break(**c) && !c.is_whitespace()).count() as f32;
        let echo_frame = if text.chars.starts_with(&['您', '说']) || text.chars.starts_with(&['您', '反', '映']) { 0.2 } else { 0.0 };
        let parroting = clamp01(
            ((lcs - 4.0) / 7.0).max(if cust_len > 0.0 && lcs >= 6.0 { (lcs / cust_len - 0.3) * 2.0 } else { 0.0 })
                + if lcs >= 6.0 { echo_frame } else { 0.0 },
        );

        // --- formulaic apology: a stock apology (or stock empathy) not backed by any action.
        let apologies: f32 = cues.formulaic_apology.find(&text, true).iter().map(|h| h.weight).sum();
        let stock = saturate(apologies + 0.5 * generic, 1.0);
        let admits = if ev.admits_fault { 1.0 } else { 0.0 };
        let formulaic_apology =
            clamp01(stock * (1.0 - 0.8 * saturate(strong, 1.5)) * (1.0 - 0.5 * feel) * (1.0 - 0.7 * admits));

        // --- tone
        let policy = saturate(cues.policy_speak.find(&text, false).len() as f32, 2.0);
        let markers: f32 = cues.tone_markers.find(&text, false).iter().map(|h| h.weight).sum();
        let tone = clamp01(1.0 - 0.25 * markers - 0.35 * policy - 0.5 * rude - 0.3 * dismissive);

        let mut values = [0.0f32; N_FEATURES];
        values[0] = acknowledgement;
        values[1] = ownership;
        values[2] = next_step;
        values[3] = time_frame;
        values[4] = agreement_check;
        values[5] = personal_closing;
        values[6] = relevance;
        values[7] = tone;
        values[8] = formulaic_apology;
        values[9] = scripted;
        values[10] = blame;
        values[11] = dismissive;
        values[12] = over_promise;
        values[13] = parroting;
        values[14] = off_topic;
        values[15] = rude;
        values[16] = policy;
        values[17] = acknowledgement * ctx.repeat;
        values[18] = ownership * ctx.repeat;
        values[19] = time_frame * ctx.anxiety;
        values[20] = acknowledgement * ctx.anger;
        values[21] = ownership * ctx.anger;
        values[22] = personal_closing * ctx.gratitude;
        values[23] = next_step * ctx.gratitude;
        for v in values.iter_mut() {
            if !v.is_finite() {
                *v = 0.0;
            }
        }

        let mut faults = Vec::new();
        if formulaic_apology >= 0.5 {
            faults.push(Fault::FormulaicApology);
        }
        if scripted_n >= 1.0 && personal == 0.0 {
            faults.push(Fault::ScriptedClosing);
        }
        if blame >= 0.5 {
            faults.push(Fault::Blame);
        }
        if dismissive >= 0.5 {
            faults.push(Fault::Dismissive);
        }
        if over_promise >= 0.5 {
            faults.push(Fault::OverPromise);
        }
        if parroting >= 0.5 {
            faults.push(Fault::Parroting);
        }
        if off_topic >= 0.5 {
            faults.push(Fault::OffTopic);
        }
        if rude >= 0.5 {
            faults.push(Fault::Rude);
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
        FeatureRow { values, components, faults, evidence: ev }
    }
}

fn missing_of(c: &Components, ctx: &CaseCtx) -> Vec<Missing> {
    let mut m = Vec::new();
    if c.acknowledgement < 0.35 {
        m.push(Missing::Acknowledgement);
    }
    if ctx.negative && c.ownership < 0.3 {
        m.push(Missing::Ownership);
    }
    if c.next_step < 0.3 {
        m.push(Missing::NextStep);
    }
    if c.time_frame < 0.5 && (ctx.negative || c.next_step >= 0.3) {
        m.push(Missing::TimeFrame);
    }
    if c.agreement_check < 0.5 && ctx.negative {
        m.push(Missing::AgreementCheck);
    }
    if c.personal_closing < 0.3 {
        m.push(Missing::PersonalClosing);
    }
    if c.relevance < 0.2 {
        m.push(Missing::Relevance);
    }
    m
}

fn reason_of(row: &FeatureRow, c: &Components, missing: &[Missing], ctx: &CaseCtx) -> String {
    let ev = &row.evidence;
    let mut strengths: Vec<String> = Vec::new();
    if c.acknowledgement >= 0.5 {
        match (&ev.feeling, ctx.emotion) {
            (Some(f), _) => strengths.push(format!("点明了客户的“{f}”")),
            (None, Some(e)) if c.acknowledgement >= 0.6 => strengths.push(format!("回应了客户的{}和具体处境", e.chinese())),
            _ => strengths.push("回应了客户的具体处境".to_string()),
        }
    }
    if ev.admits_fault && c.ownership >= 0.8 {
        strengths.push("主动承认是我方的问题".to_string());
    } else if c.ownership >= 0.5 {
        strengths.push("主动把事情揽下来".to_string());
    }
    if c.next_step >= 0.5 {
        match &ev.time {
            Some(t) if c.time_frame >= 0.5 && ["现在就", "马上", "立即", "立刻", "即刻"].contains(&t.as_str()) => {
                strengths.push(format!("承诺{t}办理"))
            }
            Some(t) if c.time_frame >= 0.5 => strengths.push(format!("给出{t}的具体安排")),
            _ => strengths.push("给出了具体的处理办法".to_string()),
        }
    } else if let Some(t) = &ev.time {
        strengths.push(format!("说明了时间“{t}”"));
    }
    if c.agreement_check >= 0.5 {
        strengths.push("征询了客户的意见".to_string());
    }
    if c.personal_closing >= 0.5 {
        strengths.push("结尾有个人化的跟进".to_string());
    }

    let faults: Vec<&str> = row.faults.iter().map(|f| f.chinese()).collect();
    let lacks: Vec<&str> = missing
        .iter()
        .filter_map(|m| match m {
            Missing::Acknowledgement => Some("没有点明客户的感受"),
            Missing::Ownership => Some("没有承担责任"),
            Missing::NextStep => Some("没有具体行动"),
            Missing::TimeFrame => Some("没有明确时限"),
            Missing::Relevance => Some("没有回应客户的问题"),
            _ => None,
        })
        .collect();

    let line = if !faults.is_empty() {
        let mut s = faults.iter().take(2).copied().collect::<Vec<_>>().join("，");
        if let Some(first) = strengths.first() {
            s = format!("{s}，虽然{first}");
        } else if let Some(l) = lacks.first() {
            s = format!("{s}，{l}");
        }
        s
    } else if strengths.is_empty() {
        if lacks.is_empty() {
            "回复中规中矩，缺少亮点".to_string()
        } else {
            lacks.iter().take(2).copied().collect::<Vec<_>>().join("，")
        }
    } else {
        let mut s = strengths.iter().take(3).cloned().collect::<Vec<_>>().join("，");
        if let Some(l) = lacks.first() {
            if strengths.len() < 3 {
                s = format!("{s}，但{l}");
            }
        }
        s
    };
    line.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(customer: &str, context: &[Turn], candidates: &[&str]) -> Vec<ReplyJudgement> {
        let candidates: Vec<String> = candidates.iter().map(|s| s.to_string()).collect();
        Ranker::embedded().rank_case(&CaseView {
            customer,
            context,
            candidates: &candidates,
            emotion: None,
            negative: None,
            relevance: None,
        })
    }

    fn judgement(ranked: &[ReplyJudgement], index: usize) -> &ReplyJudgement {
        ranked.iter().find(|j| j.index == index).unwrap()
    }

    #[test]
    fn blaming_reply_loses_to_owning_reply() {
        let ranked = rank(
            "我买的台灯到手就是坏的，开关按了没反应，你们怎么检查的？",
            &[],
            &["台灯出厂都检测过，应该是您自己拆的时候弄坏了，这个我们不负责。", "一到手就用不了，太糟心了，是我们质检没做好。我已经给您补发一台新的，明天上午送到，坏的那台等快递员上门取就行。"],
        );
        assert_eq!(ranked[0].index, 1);
        assert!(judgement(&ranked, 0).faults.contains(&Fault::Blame));
        assert!(judgement(&ranked, 1).components.ownership > judgement(&ranked, 0).components.ownership);
    }

    #[test]
    fn long_formulaic_apology_loses_to_short_concrete_reply() {
        let ranked = rank(
            "充值的话费到现在还没到账，都两个小时了",
            &[],
            &[
                "非常抱歉给您带来不便！我们深表歉意，您的问题我们高度重视，已经记录并反馈给相关部门，请您耐心等待，感谢您的理解与支持，祝您生活愉快！",
                "查到是运营商接口延迟，我已帮您重新提交充值，30分钟内到账。",
            ],
        );
        assert_eq!(ranked[0].index, 1);
        let apology = judgement(&ranked, 0);
        assert!(apology.faults.contains(&Fault::FormulaicApology), "{apology:?}");
        assert!(apology.faults.contains(&Fault::ScriptedClosing));
    }

    #[test]
    fn empathic_off_topic_reply_ranks_last() {
        let ranked = rank(
            "我的包裹显示签收了，可我根本没收到，里面是给孩子的生日礼物",
            &[],
            &[
                "显示签收却没拿到，孩子的礼物又等着用，您肯定着急。我已联系派送员核实，今天18点前给您回电话。",
                "您好，请您先去小区快递柜和门卫处找一找。",
                "理解您的心情！我们最近推出了会员活动，首月免费，还送优惠券，要不要给您办一个？",
            ],
        );
        assert_eq!(ranked.last().unwrap().index, 2);
        assert!(judgement(&ranked, 2).faults.contains(&Fault::OffTopic));
        assert_eq!(ranked[0].index, 0);
    }

    #[test]
    fn time_frame_is_detected() {
        for (text, expect) in [
            ("已为您提交，3个工作日内退回。", true),
            ("今天18点前给您回复。", true),
            ("预计19:30登机。", true),
            ("明天上午派人上门。", true),
            ("20分钟后工程师联系您。", true),
            ("您的问题我们会处理的。", false),
            ("您等了四个小时，确实很久。", false),
        ] {
            let best = scan_time(&Text::new(text).chars).iter().map(|h| h.score).fold(0.0f32, f32::max);
            assert_eq!(best >= 0.5, expect, "{text}: {best}");
        }
        let ranked = rank("退款什么时候到？", &[], &["已为您加急，24小时内到账。"]);
        assert!(ranked[0].components.time_frame >= 0.9);
    }

    #[test]
    fn parroting_is_detected() {
        let customer = "我昨天买的电饭煲今天就坏了，按键没反应，指示灯也不亮";
        let ranked = rank(customer, &[], &["您说您昨天买的电饭煲今天就坏了，按键没反应，指示灯也不亮，对吗？", "刚买一天就坏了，太扫兴了。我已给您安排换新，明天上午送到。"]);
        assert!(judgement(&ranked, 0).faults.contains(&Fault::Parroting));
        assert!(!judgement(&ranked, 1).faults.contains(&Fault::Parroting));
        assert_eq!(ranked[0].index, 1);
    }

    #[test]
    fn repeated_contact_raises_the_bar() {
        let context = vec![
            Turn { role: Role::Customer, text: "我的宽带又断了".into() },
            Turn { role: Role::Agent, text: "已为您报修，24小时内师傅上门。".into() },
        ];
        let ranked = rank(
            "这是第三次找你们了，师傅还是没来！",
            &context,
            &["已再次为您派单，请耐心等待。", "第三次找还没人来，真让人恼火，是我们没跟进好。我已直接联系片区师傅，今天下午5点前上门，到时我再跟您确认。"],
        );
        assert_eq!(ranked[0].index, 1);
    }

    #[test]
    fn dismissive_and_over_promise_are_flagged() {
        let ranked = rank(
            "航班取消了，我明天一早要参加婚礼，怎么办？",
            &[],
            &["天气原因我们也没办法，您着急也没用，只能等。", "您放心，我保证明天一早绝对把您送到，百分之百不耽误。"],
        );
        assert!(judgement(&ranked, 0).faults.contains(&Fault::Dismissive));
        assert!(judgement(&ranked, 1).faults.contains(&Fault::OverPromise));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let huge = "啊".repeat(50_000) + &"！".repeat(10_000);
        let odd = "\u{0}\u{FFFF}🙂👍🏽\u{202E}ｆｕｌｌ\u{3000}width 12:3 3- 5点 十点前 一点 ";
        let ranked = rank("", &[], &["", " ", odd, &huge, "12345678901234567890小时内"]);
        assert_eq!(ranked.len(), 5);
        for j in &ranked {
            assert!(j.score.is_finite());
            assert!(!j.reason.contains('\n'));
        }
        let ranked = rank(&huge, &[Turn { role: Role::Agent, text: huge.clone() }], &[&huge]);
        assert_eq!(ranked.len(), 1);
        assert!(rank("你好", &[], &[]).is_empty());
        // Relevance slice of the wrong length and with NaN.
        let candidates = vec!["好的".to_string(), "已为您处理".to_string()];
        let r = Ranker::embedded().rank_case(&CaseView {
            customer: "你好",
            context: &[],
            candidates: &candidates,
            emotion: Some((Emotion::Anger, f32::NAN)),
            negative: None,
            relevance: Some(&[f32::NAN]),
        });
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn ordering_is_deterministic_with_index_tie_break() {
        let ranked = rank("你好", &[], &["好的", "好的", "好的"]);
        let order: Vec<usize> = ranked.iter().map(|j| j.index).collect();
        assert_eq!(order, vec![0, 1, 2]);
        let a = rank("退款还没到账，很着急", &[], &["已为您加急，今天到账。", "请耐心等待。", "是您自己填错了卡号。"]);
        let b = rank("退款还没到账，很着急", &[], &["已为您加急，今天到账。", "请耐心等待。", "是您自己填错了卡号。"]);
        assert_eq!(a, b);
    }

    #[test]
    fn reason_is_one_chinese_line() {
        let ranked = rank("退款还没到账，那是我的房租钱，很着急", &[], &["房租钱拖不得，您肯定着急。是我们审核慢了，我已加急，今天18点前到账。", "抱歉，请耐心等待。"]);
        for j in &ranked {
            assert!(!j.reason.is_empty());
            assert!(!j.reason.contains('\n'));
            assert!(j.reason.chars().any(is_cjk));
        }
        assert!(judgement(&ranked, 0).reason.contains("今天"), "{}", judgement(&ranked, 0).reason);
    }

    #[test]
    fn encoder_relevance_is_used() {
        let candidates = vec!["已为您核实，订单明天送达。".to_string(), "今天天气不错，记得多喝水。".to_string()];
        let ranked = Ranker::embedded().rank_case(&CaseView {
            customer: "我的订单什么时候到？",
            context: &[],
            candidates: &candidates,
            emotion: Some((Emotion::Anxiety, 0.7)),
            negative: Some(true),
            relevance: Some(&[0.82, 0.05]),
        });
        assert_eq!(ranked[0].index, 0);
        let off = judgement(&ranked, 1);
        assert!(off.faults.contains(&Fault::OffTopic), "{off:?}");
        assert!(off.missing.contains(&Missing::Relevance));
        assert!(judgement(&ranked, 0).components.relevance > 0.5);
    }

    #[test]
    fn embedded_weights_parse() {
        let w = Weights::from_json(include_str!("../../models/ranking/weights.json")).expect("weights.json parses");
        assert!(w.values.iter().all(|v| v.is_finite()));
        for (i, v) in w.values.iter().enumerate() {
            assert!(v * feature_sign(i) >= -1e-6, "feature {} has the wrong sign", FEATURES[i]);
        }
    }
}
