//! Lexicon scorer: reads polarity, emotion and intensity from word lists, negation, degree words and clause rules.
//! It is the always-available fallback backend and the source of the evidence cues shown to callers.

mod lists;
mod rules;
mod walk;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jieba_rs::Jieba;

use crate::labels::{Emotion, Polarity};

pub use lists::{ListFile, ListRole, LIST_FILES};
use walk::{WordEvidence, WordWalk};

/// Texts longer than this many bytes are scored on their first part only (the service limit is far lower).
pub const MAX_SCORED_BYTES: usize = 64 * 1024;

/// Neutral logit when there is no evidence at all: no cues means neutral-dominant.
const NEUTRAL_BAND: f32 = 0.45;
/// How strongly the signed score moves the negative/positive logits.
const POLARITY_SCALE: f32 = 1.1;
/// Tokens a pending negation or degree word waits for its sentiment word.
const MODIFIER_WINDOW: u8 = 3;

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read lexicon file {path}: {source}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Malformed { file: String, line: usize, message: String },
}

impl From<crate::wordlist::WordListError> for LexiconError {
    fn from(e: crate::wordlist::WordListError) -> Self {
        LexiconError::Malformed { file: e.list, line: e.line, message: e.problem.to_string() }
    }
}

/// What the scorer read from one text.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconScore {
    /// Probabilities for `[negative, neutral, positive]`, summing to 1.
    pub polarity: [f32; 3],
    /// Probabilities in `Emotion::ALL` order, summing to 1, consistent with `polarity`.
    pub emotion: [f32; 7],
    /// 0..1: how strongly the feeling is expressed.
    pub intensity: f32,
    /// What drove the answer, in text order.
    pub cues: Vec<Cue>,
}

// The labels of a lexicon score alone; the service reads them through the judge, the tests directly.
#[cfg(test)]
impl LexiconScore {
    pub fn polarity_label(&self) -> Polarity {
        Polarity::argmax(&self.polarity)
    }

    pub fn emotion_label(&self) -> Emotion {
        Emotion::ALL[crate::labels::argmax(&self.emotion)]
    }
}

/// One piece of evidence: the text as written, what it is, and its signed polarity contribution
/// (0 for modifiers such as negation, degree and contrast words, whose effect is folded into the cue they modify).
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub term: String,
    pub kind: CueKind,
    pub weight: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    Positive,
    Negative,
    Negation,
    Degree,
    Contrast,
    Emotion(Emotion),
    Punctuation,
    Emoji,
    /// Sarcasm marker (呵呵, 真是谢谢你们了): flips positive words in the same message.
    Sarcasm,
    /// Complaint pattern found by a rule (第三次, 等了三天).
    Complaint,
    /// Question or request marker (请问, 单号) that pulls towards neutral.
    Neutral,
}

impl CueKind {
    pub fn name(&self) -> String {
        match self {
            CueKind::Positive => "positive".into(),
            CueKind::Negative => "negative".into(),
            CueKind::Negation => "negation".into(),
            CueKind::Degree => "degree".into(),
            CueKind::Contrast => "contrast".into(),
            CueKind::Emotion(e) => format!("emotion:{}", e.name()),
            CueKind::Punctuation => "punctuation".into(),
            CueKind::Emoji => "emoji".into(),
            CueKind::Sarcasm => "sarcasm".into(),
            CueKind::Complaint => "complaint".into(),
            CueKind::Neutral => "neutral".into(),
        }
    }
}

/// Everything known about one term; several lists may contribute to the same term.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    polarity: Option<f32>,
    emotion: [f32; 7],
    negation: Option<f32>,
    degree: Option<f32>,
    degree_after: Option<f32>,
    reported: Option<f32>,
    action: Option<(f32, Emotion)>,
    contrast: Option<f32>,
    concession: Option<f32>,
    sarcasm: Option<f32>,
    neutral: Option<f32>,
}

impl Entry {
    fn has_emotion(&self) -> bool {
        self.emotion.iter().any(|v| *v > 0.0)
    }

    fn is_sentiment(&self) -> bool {
        self.polarity.is_some() || self.has_emotion() || self.sarcasm.is_some()
    }

    /// Signed polarity: the explicit one, else the one implied by its emotions.
    fn signed_polarity(&self) -> f32 {
        if let Some(p) = self.polarity {
            return p;
        }
        Emotion::ALL.iter().map(|e| self.emotion[e.index()] * implied_polarity(*e)).sum()
    }
}

/// The polarity an emotion-list term carries when no polarity list names it.
fn implied_polarity(e: Emotion) -> f32 {
    match e {
        Emotion::Anger => -1.0,
        Emotion::Anxiety => -0.8,
        Emotion::Disappointment => -1.0,
        Emotion::Confusion => -0.3,
        Emotion::Gratitude => 1.0,
        Emotion::Satisfaction => 1.0,
        Emotion::Neutral => 0.0,
    }
}

#[derive(Debug, Clone, Copy)]
struct EmojiEntry {
    weight: f32,
    emotion: Option<Emotion>,
}

/// The compiled word lists and the segmenter that knows them.
pub struct Lexicon {
    jieba: Jieba,
    terms: HashMap<String, Entry>,
    emoji_chars: HashMap<char, EmojiEntry>,
    emoji_seqs: Vec<(String, EmojiEntry)>,
    traditional: HashMap<char, char>,
    term_count: usize,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("terms", &self.term_count).finish()
    }
}

/// A word of the text being scored, as a slice of the normalised text.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    word: &'a str,
    byte_start: usize,
    byte_end: usize,
}

/// One piece of evidence while scoring, before it becomes a `Cue`.
#[derive(Debug, Clone, Copy)]
struct Raw {
    start: usize,
    end: usize,
    kind: CueKind,
    pol: f32,
    emo: [f32; 7],
    clause: u32,
}

impl Raw {
    fn modifier(start: usize, end: usize, kind: CueKind, clause: u32) -> Raw {
        Raw { start, end, kind, pol: 0.0, emo: [0.0; 7], clause }
    }
}

/// Particles and address words that do not count as content when deciding whether a clause is only "thanks".
const PARTICLES: &[&str] = &[
    "了", "啦", "呀", "啊", "哈", "哦", "喔", "呢", "吧", "嘛", "你", "您", "你们", "亲", "哈哈", "噢", "的", "哟",
    "大家",
];

fn is_clause_break(tok: &str) -> bool {
    tok.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '，' | ','
                    | '。'
                    | '！'
                    | '!'
                    | '？'
                    | '?'
                    | '；'
                    | ';'
                    | '~'
                    | '～'
                    | '…'
                    | '：'
                    | ':'
                    | '\n'
                    | '\r'
                    | '.'
            )
    }) && !tok.is_empty()
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Lexicon {
    /// The lists under models/lexicon compiled into the binary with include_str!, so the fallback always exists.
    pub fn embedded() -> Lexicon {
        let sources: Vec<(&ListFile, String)> = LIST_FILES.iter().map(|f| (f, f.embedded.to_string())).collect();
        Lexicon::build(&sources).expect("embedded lexicon lists are valid (checked by unit tests)")
    }

    /// Loads the same files from a directory (used with `--lexicon <dir>`).
    pub fn from_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let mut sources = Vec::with_capacity(LIST_FILES.len());
        for f in LIST_FILES {
            let path = dir.join(f.name);
            let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Unreadable { path, source })?;
            sources.push((f, text));
        }
        Lexicon::build(&sources)
    }

    /// Number of distinct terms (words, phrases, emoji and character variants) the lists define.
    pub fn term_count(&self) -> usize {
        self.term_count
    }

    /// Whether a (simplified) term is known to the lexicon.
    #[cfg(test)]
    pub fn knows(&self, term: &str) -> bool {
        self.terms.contains_key(term)
    }

    fn build(sources: &[(&ListFile, String)]) -> Result<Lexicon, LexiconError> {
        let mut terms: HashMap<String, Entry> = HashMap::new();
        let mut emoji_chars = HashMap::new();
        let mut emoji_seqs = Vec::new();
        let mut traditional = HashMap::new();
        for (file, text) in sources {
            for line in lists::parse(file, text)? {
                match file.role {
                    ListRole::Traditional => {
                        let mut t = line.entry.chars();
                        let (Some(from), None) = (t.next(), t.next()) else {
                            return Err(malformed(file.name, line.line, "expected one traditional character"));
                        };
                        let mut s = line.extra.unwrap_or("").chars();
                        let (Some(to), None) = (s.next(), s.next()) else {
                            return Err(malformed(
                                file.name,
                                line.line,
                                "expected one simplified character after a tab",
                            ));
                        };
                        if from.len_utf8() != to.len_utf8() {
                            return Err(malformed(
                                file.name,
                                line.line,
                                "variant pair must have the same UTF-8 length",
                            ));
                        }
                        traditional.insert(from, to);
                    }
                    ListRole::Emoji => {
                        let emotion = match line.extra {
                            None => None,
                            Some(name) => Some(Emotion::from_name(name).ok_or_else(|| {
                                malformed(file.name, line.line, &format!("unknown emotion {name:?}"))
                            })?),
                        };
                        let entry = EmojiEntry { weight: line.weight.unwrap_or(0.0), emotion };
                        let key: String = line.entry.chars().filter(|c| !is_emoji_modifier(*c)).collect();
                        let mut cs = key.chars();
                        match (cs.next(), cs.next()) {
                            (Some(c), None) => {
                                emoji_chars.insert(c, entry);
                            }
                            (Some(_), Some(_)) => emoji_seqs.push((key.to_lowercase(), entry)),
                            _ => return Err(malformed(file.name, line.line, "empty emoji")),
                        }
                    }
                    ListRole::Action => {
                        let emotion = match line.extra {
                            None => Emotion::Disappointment,
                            Some(name) => Emotion::from_name(name)
                                .ok_or_else(|| malformed(file.name, line.line, &format!("unknown emotion {name:?}")))?,
                        };
                        let w = line.weight.unwrap_or(file.default_weight).abs();
                        terms.entry(line.entry.to_lowercase()).or_default().action = Some((w, emotion));
                    }
                    role => {
                        let w = line.weight.unwrap_or(file.default_weight);
                        let e = terms.entry(line.entry.to_lowercase()).or_default();
                        match role {
                            ListRole::Positive => e.polarity = Some(w.abs()),
                            ListRole::Negative => e.polarity = Some(-w.abs()),
                            ListRole::Emotion(em) => e.emotion[em.index()] = e.emotion[em.index()].max(w.abs()),
                            ListRole::Negation => e.negation = Some(w),
                            ListRole::Degree => e.degree = Some(w.abs()),
                            ListRole::DegreeAfter => e.degree_after = Some(w.abs()),
                            ListRole::Reported => e.reported = Some(w),
                            ListRole::Contrast => e.contrast = Some(w.abs()),
                            ListRole::Concession => e.concession = Some(w.abs()),
                            ListRole::Sarcasm => e.sarcasm = Some(w.abs()),
                            ListRole::Neutral => e.neutral = Some(w),
                            ListRole::Traditional | ListRole::Emoji | ListRole::Action => unreachable!(),
                        }
                    }
                }
            }
        }
        let mut jieba = Jieba::new();
        // Shorter terms first, so a longer term's suggested frequency already accounts for the shorter ones.
        let mut words: Vec<&str> = terms.keys().map(|s| s.as_str()).filter(|w| w.chars().count() >= 2).collect();
        words.sort_by_key(|w| (w.chars().count(), *w));
        for w in words {
            jieba.add_word(w, None, None);
        }
        let term_count = terms.len() + emoji_chars.len() + emoji_seqs.len() + traditional.len();
        Ok(Lexicon { jieba, terms, emoji_chars, emoji_seqs, traditional, term_count })
    }

    /// Simplified, lower-cased copy of `text` with the same byte length at every character, so byte offsets match.
    fn normalize(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            let m = match self.traditional.get(&c) {
                Some(s) => *s,
                None if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
                None => c,
            };
            out.push(if m.len_utf8() == c.len_utf8() { m } else { c });
        }
        out
    }

    /// Reads one text in steps: its words (`walk.rs`), its characters (complaint patterns, punctuation, emoji),
    /// the adjustments that need the whole message (sarcasm, a closing thank-you), and the probabilities.
    pub fn score(&self, text: &str) -> LexiconScore {
        let text = &text[..floor_char_boundary(text, MAX_SCORED_BYTES)];
        let norm = self.normalize(text);
        let tokens = self.tokens(&norm);
        let mut found = WordWalk::read(&self.terms, &norm, &tokens);
        let counts = self.add_character_cues(&norm, &mut found);
        if found.sarcasm {
            turn_praise_sarcastic(&mut found.raw);
        }
        discount_closing_thanks(&mut found);

        let total = signed_total(&found.raw, &counts.punct);
        let polarity = polarity_probs(total, found.neutral_evidence);
        let emotion = emotion_probs(&polarity, &emotion_evidence(&found.raw, total, &counts.punct));
        let intensity = intensity(&found.raw, found.degree_hits, &counts);
        LexiconScore { polarity, emotion, intensity, cues: cues_in_text_order(found.raw, text) }
    }

    /// Rules over the raw characters: complaint patterns, punctuation, emoji. Their cues join the clause they fall
    /// in; single question marks count as neutral evidence.
    fn add_character_cues(&self, norm: &str, found: &mut WordEvidence) -> CharacterCounts {
        let text_cues_from = found.raw.len();
        rules::complaints(norm, &mut found.raw);
        let punct = rules::punctuation(norm, &mut found.raw);
        let emoji = self.emoji(norm, &mut found.raw);
        for r in found.raw[text_cues_from..].iter_mut() {
            r.clause = found.clause_starts.partition_point(|&b| b <= r.start).saturating_sub(1) as u32;
        }
        found.neutral_evidence += punct.question_marks as f32 * 0.25;
        CharacterCounts { punct, emoji }
    }

    /// jieba's words, except that a dictionary word the lists do not know but can spell entirely from their own
    /// terms (太慢 = 太 + 慢, 不热情 = 不 + 热情) is read as those terms.
    fn tokens<'a>(&self, norm: &'a str) -> Vec<Tok<'a>> {
        let mut out = Vec::new();
        for t in self.jieba.cut(norm, false) {
            let w = t.word;
            if w.chars().nth(1).is_some() && !self.terms.contains_key(w) {
                if let Some(parts) = self.spell(w) {
                    let mut at = t.byte_start;
                    for len in parts {
                        out.push(Tok { word: &norm[at..at + len], byte_start: at, byte_end: at + len });
                        at += len;
                    }
                    continue;
                }
            }
            out.push(Tok { word: w, byte_start: t.byte_start, byte_end: t.byte_end });
        }
        out
    }

    /// Byte lengths of a split of `w` into known terms, longest first at each step; None unless it covers `w`.
    fn spell(&self, w: &str) -> Option<Vec<usize>> {
        let mut parts = Vec::new();
        let mut rest = w;
        while !rest.is_empty() {
            let ends: Vec<usize> = rest.char_indices().map(|(i, c)| i + c.len_utf8()).take(8).collect();
            let len = ends.iter().rev().copied().find(|&e| self.terms.contains_key(&rest[..e]))?;
            parts.push(len);
            rest = &rest[len..];
        }
        (parts.len() > 1).then_some(parts)
    }

    fn emoji(&self, norm: &str, raw: &mut Vec<Raw>) -> u32 {
        let mut n = 0;
        for (i, c) in norm.char_indices() {
            if c.is_ascii() {
                continue;
            }
            if let Some(e) = self.emoji_chars.get(&c) {
                raw.push(emoji_raw(i, i + c.len_utf8(), e));
                n += 1;
            }
        }
        for (seq, e) in &self.emoji_seqs {
            for (i, m) in norm.match_indices(seq.as_str()) {
                raw.push(emoji_raw(i, i + m.len(), e));
                n += 1;
            }
        }
        n
    }
}

fn emoji_raw(start: usize, end: usize, e: &EmojiEntry) -> Raw {
    let mut emo = [0.0; 7];
    if let Some(em) = e.emotion {
        emo[em.index()] = e.weight.abs().max(0.3);
    }
    Raw { start, end, kind: CueKind::Emoji, pol: e.weight, emo, clause: 0 }
}

/// What the character rules counted besides their cues.
struct CharacterCounts {
    punct: rules::Punctuation,
    emoji: u32,
}

/// Sarcasm: in a message with a sarcasm marker, praise and thanks are meant the other way round.
fn turn_praise_sarcastic(raw: &mut [Raw]) {
    for r in raw.iter_mut().filter(|r| r.pol > 0.0 && r.kind != CueKind::Sarcasm) {
        r.pol = -r.pol * 0.8;
        let pos = r.emo[Emotion::Gratitude.index()] + r.emo[Emotion::Satisfaction.index()];
        r.emo[Emotion::Gratitude.index()] = 0.0;
        r.emo[Emotion::Satisfaction.index()] = 0.0;
        r.emo[Emotion::Anger.index()] += pos * 0.8;
        r.kind = cue_kind(r.pol, &r.emo);
    }
}

/// A bare closing "谢谢" (a clause of its own, not the first) after a complaint or a request is politeness, not
/// gratitude.
fn discount_closing_thanks(found: &mut WordEvidence) {
    let other_negative: f32 = found.raw.iter().filter(|r| r.pol < 0.0).map(|r| r.pol).sum();
    if other_negative < -0.5 || found.neutral_evidence > 0.0 {
        for r in found.raw.iter_mut() {
            let bare = found.clause_content.get(r.clause as usize).copied().unwrap_or(0) <= 1;
            if bare && r.kind == CueKind::Emotion(Emotion::Gratitude) && r.clause > 0 {
                r.pol *= 0.3;
                for v in r.emo.iter_mut() {
                    *v *= 0.3;
                }
            }
        }
    }
}

/// The signed sum of all cues; repeated "!!" strengthens whatever was said.
fn signed_total(raw: &[Raw], punct: &rules::Punctuation) -> f32 {
    let mut s: f32 = raw.iter().map(|r| r.pol).sum();
    if punct.exclaim_runs > 0 {
        s *= 1.15;
    }
    s
}

/// Emotion evidence of all cues. Exclamations and rhetorical questions in a complaint are heat: they lean the
/// complaint towards anger.
fn emotion_evidence(raw: &[Raw], total: f32, punct: &rules::Punctuation) -> [f32; 7] {
    let mut evidence = [0.0f32; 7];
    for r in raw {
        for (acc, v) in evidence.iter_mut().zip(r.emo.iter()) {
            *acc += v.max(0.0);
        }
    }
    if total < -0.5 {
        evidence[Emotion::Anger.index()] +=
            0.35 * punct.exclaims.min(3) as f32 + 0.15 * punct.question_marks.min(2) as f32;
    }
    evidence
}

/// 0..1: `1 − exp(−x)` of the total cue strength, degree words, `!`, runs of `!!`/`??` and emoji.
fn intensity(raw: &[Raw], degree_hits: u32, counts: &CharacterCounts) -> f32 {
    let punct = &counts.punct;
    let strength: f32 = raw.iter().map(|r| r.pol.abs()).sum::<f32>();
    let x = 0.22 * strength
        + 0.15 * degree_hits as f32
        + 0.08 * punct.exclaims.min(6) as f32
        + 0.2 * punct.exclaim_runs.min(3) as f32
        + 0.15 * punct.question_runs.min(3) as f32
        + 0.12 * counts.emoji.min(5) as f32;
    (1.0 - (-x).exp()).clamp(0.0, 1.0)
}

/// The cues as callers see them: the text as written, in text order.
fn cues_in_text_order(mut raw: Vec<Raw>, text: &str) -> Vec<Cue> {
    raw.sort_by_key(|r| (r.start, r.end));
    raw.iter()
        .filter(|r| r.end <= text.len())
        .map(|r| Cue { term: text[r.start..r.end].to_string(), kind: r.kind, weight: r.pol })
        .collect()
}

fn inside_ascii_word(norm: &str, start: usize, end: usize) -> bool {
    let before = norm[..start].chars().next_back();
    let after = norm[end..].chars().next();
    before.is_some_and(|c| c.is_ascii_alphanumeric()) || after.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Whether the word at `start..end` stands between quotation marks.
fn quoted(norm: &str, start: usize, end: usize) -> bool {
    let before = norm[..start].chars().next_back();
    let after = norm[end..].chars().next();
    matches!(before, Some('“' | '"' | '「' | '『' | '‘' | '\''))
        && matches!(after, Some('”' | '"' | '」' | '』' | '’' | '\''))
}

fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}')
}

fn cue_kind(pol: f32, emo: &[f32; 7]) -> CueKind {
    let i = crate::labels::argmax(emo);
    if emo[i] > 0.0 {
        CueKind::Emotion(Emotion::ALL[i])
    } else if pol < 0.0 {
        CueKind::Negative
    } else {
        CueKind::Positive
    }
}

fn malformed(file: &str, line: usize, message: &str) -> LexiconError {
    LexiconError::Malformed { file: file.to_string(), line, message: message.to_string() }
}

/// Softmax over `[-s, band + neutral, s]`: no evidence leaves neutral ahead, a clear signed score wins.
fn polarity_probs(s: f32, neutral: f32) -> [f32; 3] {
    let s = if s.is_finite() { s.clamp(-40.0, 40.0) } else { 0.0 };
    let n = if neutral.is_finite() { neutral.clamp(0.0, 5.0) } else { 0.0 };
    let logits = [-s * POLARITY_SCALE, NEUTRAL_BAND + 0.7 * n, s * POLARITY_SCALE];
    let max = logits.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let e = logits.map(|l| (l - max).exp());
    let sum: f32 = e.iter().sum();
    e.map(|v| v / sum)
}

/// Spreads each polarity's probability over its emotions by the evidence found, then makes sure the most
/// probable emotion belongs to the most probable polarity.
fn emotion_probs(pol: &[f32; 3], ev: &[f32; 7]) -> [f32; 7] {
    use Emotion::*;
    let ev = |e: Emotion| ev[e.index()];
    let mut out = [0.0f32; 7];
    let neg = [(Anger, 0.25), (Anxiety, 0.2), (Disappointment, 0.35), (Confusion, 0.15)];
    let neg_total: f32 = neg.iter().map(|(e, p)| p + ev(*e)).sum();
    for (e, p) in neg {
        out[e.index()] += pol[0] * (p + ev(e)) / neg_total;
    }
    let neu_conf = 1.5 * ev(Confusion);
    let neu_total = 1.0 + neu_conf;
    out[Neutral.index()] += pol[1] / neu_total;
    out[Confusion.index()] += pol[1] * neu_conf / neu_total;
    let pos = [(Gratitude, 0.3), (Satisfaction, 0.45)];
    let pos_total: f32 = pos.iter().map(|(e, p)| p + ev(*e)).sum();
    for (e, p) in pos {
        out[e.index()] += pol[2] * (p + ev(e)) / pos_total;
    }

    // Consistency: the top emotion must be one the top polarity allows (confusion fits negative and neutral).
    let top_pol = Polarity::argmax(pol);
    let allowed = |e: Emotion| match e.polarity() {
        Some(p) => p == top_pol,
        None => top_pol != Polarity::Positive,
    };
    let best_allowed = Emotion::ALL.iter().filter(|e| allowed(**e)).map(|e| out[e.index()]).fold(0.0, f32::max);
    let best_other = Emotion::ALL.iter().filter(|e| !allowed(**e)).map(|e| out[e.index()]).fold(0.0, f32::max);
    if best_other >= best_allowed && best_allowed > 0.0 {
        let k = best_other / best_allowed * 1.05;
        for e in Emotion::ALL {
            if allowed(e) {
                out[e.index()] *= k;
            }
        }
    }
    let sum: f32 = out.iter().sum();
    if sum > 0.0 && sum.is_finite() {
        out.map(|v| v / sum)
    } else {
        let mut n = [0.0; 7];
        n[Neutral.index()] = 1.0;
        n
    }
}

#[cfg(test)]
mod tests;
