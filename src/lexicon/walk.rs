//! The first reading of a text: walking its words clause by clause, collecting sentiment words with the negation,
//! degree, contrast, concession and reported-speech words that modify them.

use std::collections::HashMap;

use crate::labels::Emotion;

use super::{cue_kind, inside_ascii_word, is_clause_break, quoted, CueKind, Entry, Raw, Tok, MODIFIER_WINDOW, PARTICLES};

/// Words after a reported-speech word (说是, 本以为) that a positive word still describes what was said, not what
/// happened.
const REPORTED_WINDOW: u8 = MODIFIER_WINDOW + 4;

/// Negation and degree words seen in the current clause and not yet applied to a sentiment term: each scales the
/// next term within its reach (`*_ttl` tokens) and is reported as evidence over `*_spans`.
struct PendingModifiers {
    neg_mult: f32,
    neg_count: u8,
    neg_ttl: u8,
    neg_spans: Vec<(usize, usize)>,
    deg_mult: f32,
    deg_ttl: u8,
    deg_spans: Vec<(usize, usize)>,
}

impl PendingModifiers {
    fn new() -> Self {
        Self { neg_mult: 1.0, neg_count: 0, neg_ttl: 0, neg_spans: Vec::new(), deg_mult: 1.0, deg_ttl: 0, deg_spans: Vec::new() }
    }

    /// Forgets them: a clause ended, or a sentiment term used them.
    fn clear(&mut self) {
        self.clear_negation();
        self.clear_degree();
    }

    fn clear_negation(&mut self) {
        self.neg_mult = 1.0;
        self.neg_count = 0;
        self.neg_ttl = 0;
        self.neg_spans.clear();
    }

    fn clear_degree(&mut self) {
        self.deg_mult = 1.0;
        self.deg_ttl = 0;
        self.deg_spans.clear();
    }

    /// A word the lists do not know passed: modifiers whose reach it was lose their hold.
    fn age_one_word(&mut self) {
        self.neg_ttl = self.neg_ttl.saturating_sub(1);
        if self.neg_ttl == 0 {
            self.clear_negation();
        }
        self.deg_ttl = self.deg_ttl.saturating_sub(1);
        if self.deg_ttl == 0 {
            self.clear_degree();
        }
    }

    /// A full negator (不, 没, 没有, 未, 还没: weight -0.9 or stronger) is waiting: it turns an action into a
    /// complaint.
    fn denies(&self) -> bool {
        self.neg_count > 0 && self.neg_mult <= -0.9
    }
}

/// A sentiment cue and the contrast already seen when it was found; contrast words after it weaken it.
struct ContrastMark {
    raw_index: usize,
    log_contrast: f32,
}

/// The last sentiment cue and the token it came from, for degree words that follow it (慢死了).
#[derive(Clone, Copy)]
struct LastSentiment {
    raw_index: usize,
    token_index: usize,
}

/// One sentiment word as read before its pending modifiers scale it.
struct WordSense {
    pol: f32,
    emo: [f32; 7],
    /// Read as sarcasm (a sarcasm marker, or praise in scare quotes); negators do not flip it.
    sarcastic: bool,
}

/// What walking the words found: the cues, and what the message-level steps need to know about them.
pub(super) struct WordEvidence {
    pub(super) raw: Vec<Raw>,
    pub(super) neutral_evidence: f32,
    pub(super) degree_hits: u32,
    /// A sarcasm marker or scare-quoted praise occurs somewhere in the message.
    pub(super) sarcasm: bool,
    /// Content tokens per clause, to tell a bare closing "谢谢" from a real thank-you.
    pub(super) clause_content: Vec<u32>,
    /// Byte offset where each clause starts.
    pub(super) clause_starts: Vec<usize>,
}

/// The state of the walk over one text's words.
pub(super) struct WordWalk<'a> {
    terms: &'a HashMap<String, Entry>,
    norm: &'a str,
    tokens: &'a [Tok<'a>],
    found: WordEvidence,
    pending: PendingModifiers,
    /// Multiplier of the current clause from a concession word (虽然).
    concession: f32,
    /// A claim, promise or hope (说是, 本以为) makes the praise after it describe what did not happen.
    reported: Option<f32>,
    reported_ttl: u8,
    clause: u32,
    /// Sum of ln(contrast weight) over the contrast words seen so far.
    log_contrast: f32,
    contrast_marks: Vec<ContrastMark>,
    last_sentiment: Option<LastSentiment>,
    /// Denied-action complaints of the current clause: a yes/no question (生病不赔吗？) only asks.
    clause_actions: Vec<usize>,
}

impl<'a> WordWalk<'a> {
    /// Walks all words of `norm`, already cut into `tokens`.
    pub(super) fn read(terms: &'a HashMap<String, Entry>, norm: &'a str, tokens: &'a [Tok<'a>]) -> WordEvidence {
        let mut walk = WordWalk {
            terms,
            norm,
            tokens,
            found: WordEvidence {
                raw: Vec::with_capacity(8),
                neutral_evidence: 0.0,
                degree_hits: 0,
                sarcasm: false,
                clause_content: vec![0],
                clause_starts: vec![0],
            },
            pending: PendingModifiers::new(),
            concession: 1.0,
            reported: None,
            reported_ttl: 0,
            clause: 0,
            log_contrast: 0.0,
            contrast_marks: Vec::new(),
            last_sentiment: None,
            clause_actions: Vec::new(),
        };
        for token_index in 0..tokens.len() {
            walk.step(token_index);
        }
        walk.weaken_before_contrasts();
        walk.found
    }

    /// Reads one token: a clause break, an unknown word, a modifier or a sentiment word.
    fn step(&mut self, ti: usize) {
        let tok = self.tokens[ti];
        if is_clause_break(tok.word) {
            self.end_clause(ti);
            return;
        }
        self.count_content(tok.word);
        let entry = self.known_entry(tok);
        self.track_reported(entry);
        let Some(entry) = entry else {
            self.pending.age_one_word();
            return;
        };
        if let Some(c) = entry.contrast {
            self.contrast(c, tok);
            return;
        }
        if let Some(c) = entry.concession {
            self.concession = c;
            self.push_modifier(tok, CueKind::Contrast);
            return;
        }
        if let Some(d) = entry.degree_after {
            if self.strengthen_last_sentiment(d, ti, tok) || !entry.is_sentiment() {
                return;
            }
        }
        if !entry.is_sentiment() || self.reads_as_degree(entry, ti) {
            self.modifier(entry, ti, tok);
            return;
        }
        let sense = self.sense(entry, tok);
        self.add_sentiment(sense, ti, tok);
    }

    /// A clause break: what was pending ends here; a clause that held content gets a successor.
    fn end_clause(&mut self, ti: usize) {
        let tok = self.tokens[ti];
        let asks =
            tok.word.contains(['?', '？']) && ti > 0 && matches!(self.tokens[ti - 1].word, "吗" | "么" | "嘛");
        if asks {
            for &i in &self.clause_actions {
                let r = &mut self.found.raw[i];
                r.pol *= 0.4;
                for v in r.emo.iter_mut() {
                    *v *= 0.4;
                }
            }
        }
        self.clause_actions.clear();
        self.pending.clear();
        self.concession = 1.0;
        self.reported = None;
        if self.found.clause_content.last().copied().unwrap_or(0) > 0 {
            self.clause += 1;
            self.found.clause_content.push(0);
            self.found.clause_starts.push(tok.byte_end);
        }
    }

    fn count_content(&mut self, word: &str) {
        if !PARTICLES.contains(&word) && word.chars().any(|c| c.is_alphanumeric()) {
            if let Some(n) = self.found.clause_content.last_mut() {
                *n += 1;
            }
        }
    }

    /// The lists' entry for a token; an English word only counts whole: "ok" inside "MacBook" is not a cue.
    fn known_entry(&self, tok: Tok<'_>) -> Option<&'a Entry> {
        let terms: &'a HashMap<String, Entry> = self.terms;
        if tok.word.is_ascii() && inside_ascii_word(self.norm, tok.byte_start, tok.byte_end) {
            None
        } else {
            terms.get(tok.word)
        }
    }

    /// A reported-speech word opens a window of words; any word closes it once the window has passed.
    fn track_reported(&mut self, entry: Option<&Entry>) {
        self.reported_ttl = self.reported_ttl.saturating_sub(1);
        if self.reported_ttl == 0 {
            self.reported = None;
        }
        if let Some(r) = entry.and_then(|e| e.reported) {
            self.reported = Some(r);
            self.reported_ttl = REPORTED_WINDOW;
        }
    }

    /// Earlier evidence counts less; what follows the turn is what the customer means. Applied once at the end
    /// through the running log-product, so many turns stay linear.
    fn contrast(&mut self, weight: f32, tok: Tok<'_>) {
        self.log_contrast += weight.max(1e-6).ln();
        self.found.neutral_evidence *= weight;
        self.concession = 1.0;
        self.push_modifier(tok, CueKind::Contrast);
    }

    /// A degree word right after a sentiment word of the same clause (慢死了) multiplies it; false if there is none.
    fn strengthen_last_sentiment(&mut self, weight: f32, ti: usize, tok: Tok<'_>) -> bool {
        let Some(last) = self.last_sentiment else {
            return false;
        };
        if ti - last.token_index > 2 || self.found.raw[last.raw_index].clause != self.clause {
            return false;
        }
        let r = &mut self.found.raw[last.raw_index];
        r.pol *= weight;
        for v in r.emo.iter_mut() {
            *v *= weight;
        }
        self.found.degree_hits += 1;
        self.push_modifier(tok, CueKind::Degree);
        self.last_sentiment = None;
        true
    }

    /// A word that is both a degree word and a sentiment word (好, 超) is a degree word when a sentiment word
    /// follows it directly: 好慢 is "very slow", not "good" and "slow".
    fn reads_as_degree(&self, entry: &Entry, ti: usize) -> bool {
        entry.degree.is_some()
            && (!entry.is_sentiment()
                || self.tokens.get(ti + 1).and_then(|t| self.terms.get(t.word)).is_some_and(|e| e.is_sentiment()))
    }

    /// A word that modifies what follows (negator, degree word), a denied action, or a neutral marker.
    fn modifier(&mut self, entry: &Entry, ti: usize, tok: Tok<'_>) {
        let span = (tok.byte_start, tok.byte_end);
        if let Some(n) = entry.negation {
            self.pending.neg_mult *= n;
            self.pending.neg_count = self.pending.neg_count.saturating_add(1);
            self.pending.neg_ttl = MODIFIER_WINDOW;
            self.pending.neg_spans.push(span);
        } else if let Some(d) = entry.degree {
            self.pending.deg_mult *= d;
            self.pending.deg_ttl = MODIFIER_WINDOW;
            self.pending.deg_spans.push(span);
        } else if let (Some((strength, emotion)), true) = (entry.action, self.pending.denies()) {
            self.denied_action(strength, emotion, ti, tok);
        } else if let Some(n) = entry.neutral {
            self.found.neutral_evidence += n;
            self.push_modifier(tok, CueKind::Neutral);
        }
    }

    /// A denied service action (没发货, 不处理, 没有回复) is a complaint.
    fn denied_action(&mut self, strength: f32, emotion: Emotion, ti: usize, tok: Tok<'_>) {
        for &(s, e) in &self.pending.neg_spans {
            self.found.raw.push(Raw::modifier(s, e, CueKind::Negation, self.clause));
        }
        let mut emo = [0.0; 7];
        emo[emotion.index()] = strength * 0.8 * self.concession;
        let pol = -strength * self.concession;
        self.clause_actions.push(self.found.raw.len());
        self.push_sentiment(CueKind::Complaint, pol, emo, ti, tok);
        self.pending.clear_negation();
    }

    /// A sentiment word's own reading: scare quotes and sarcasm markers make it sarcastic, reported speech
    /// weakens praise.
    fn sense(&mut self, entry: &Entry, tok: Tok<'_>) -> WordSense {
        let mut sense = WordSense { pol: entry.signed_polarity(), emo: entry.emotion, sarcastic: false };
        let emo = &mut sense.emo;
        if sense.pol > 0.0 && quoted(self.norm, tok.byte_start, tok.byte_end) {
            // Scare quotes: 真是太“好”了.
            self.found.sarcasm = true;
            sense.pol = -sense.pol * 0.8;
            let pos = emo[Emotion::Gratitude.index()] + emo[Emotion::Satisfaction.index()];
            emo[Emotion::Gratitude.index()] = 0.0;
            emo[Emotion::Satisfaction.index()] = 0.0;
            emo[Emotion::Anger.index()] += pos.max(0.5);
            sense.sarcastic = true;
        } else if let (Some(r), true) = (self.reported, sense.pol > 0.0 && entry.reported.is_none()) {
            sense.pol *= r;
            emo[Emotion::Gratitude.index()] *= r.max(0.0);
            emo[Emotion::Satisfaction.index()] *= r.max(0.0);
        }
        if let Some(s) = entry.sarcasm {
            self.found.sarcasm = true;
            sense.pol = sense.pol.min(0.0) - s;
            emo[Emotion::Anger.index()] += s * 0.8;
            sense.sarcastic = true;
        }
        sense
    }

    /// Applies the pending degree, concession and negation words to a sentiment word and records it with them.
    fn add_sentiment(&mut self, mut sense: WordSense, ti: usize, tok: Tok<'_>) {
        let scale = self.pending.deg_mult * self.concession;
        sense.pol *= scale;
        for v in sense.emo.iter_mut() {
            *v *= scale;
        }
        if !self.pending.deg_spans.is_empty() {
            self.found.degree_hits += 1;
        }
        if self.pending.neg_count > 0 && !sense.sarcastic {
            negate(&mut sense, self.pending.neg_mult);
        }
        if !sense.sarcastic {
            for &(s, e) in &self.pending.neg_spans {
                self.found.raw.push(Raw::modifier(s, e, CueKind::Negation, self.clause));
            }
        }
        for &(s, e) in &self.pending.deg_spans {
            self.found.raw.push(Raw::modifier(s, e, CueKind::Degree, self.clause));
        }
        let kind = if sense.sarcastic { CueKind::Sarcasm } else { cue_kind(sense.pol, &sense.emo) };
        self.push_sentiment(kind, sense.pol, sense.emo, ti, tok);
        self.pending.clear();
    }

    /// Records a sentiment cue, remembering it for degree words after it and for contrast words later on.
    fn push_sentiment(&mut self, kind: CueKind, pol: f32, emo: [f32; 7], ti: usize, tok: Tok<'_>) {
        let raw_index = self.found.raw.len();
        self.last_sentiment = Some(LastSentiment { raw_index, token_index: ti });
        self.contrast_marks.push(ContrastMark { raw_index, log_contrast: self.log_contrast });
        self.found.raw.push(Raw { start: tok.byte_start, end: tok.byte_end, kind, pol, emo, clause: self.clause });
    }

    fn push_modifier(&mut self, tok: Tok<'_>, kind: CueKind) {
        self.found.raw.push(Raw::modifier(tok.byte_start, tok.byte_end, kind, self.clause));
    }

    /// Every sentiment cue counts by the product of the contrast weights found after it.
    fn weaken_before_contrasts(&mut self) {
        for mark in &self.contrast_marks {
            let m = (self.log_contrast - mark.log_contrast).exp();
            if m < 1.0 {
                let r = &mut self.found.raw[mark.raw_index];
                r.pol *= m;
                for v in r.emo.iter_mut() {
                    *v *= m;
                }
            }
        }
    }
}

/// Pending negators applied to a sentiment word: an odd count flips it, an even count keeps its sense.
fn negate(sense: &mut WordSense, neg_mult: f32) {
    let emo = &mut sense.emo;
    if neg_mult < 0.0 {
        let m = -neg_mult;
        let pos_emo = emo[Emotion::Gratitude.index()] + emo[Emotion::Satisfaction.index()];
        if sense.pol > 0.0 {
            // 不满意, 不好用: a denied positive is a complaint.
            sense.pol = -sense.pol * m * 0.9;
            emo[Emotion::Gratitude.index()] = 0.0;
            emo[Emotion::Satisfaction.index()] = 0.0;
            emo[Emotion::Disappointment.index()] += pos_emo.max(0.3 * sense.pol.abs()) * m * 0.8;
        } else {
            // 不差, 不着急, 别生气: a denied negative is at most mildly positive.
            sense.pol = -sense.pol * m * 0.45;
            for e in [Emotion::Anger, Emotion::Anxiety, Emotion::Disappointment, Emotion::Confusion] {
                emo[e.index()] = 0.0;
            }
            if sense.pol > 0.3 {
                emo[Emotion::Satisfaction.index()] += sense.pol * 0.5;
            }
        }
    } else {
        // Double negation (不是不好, 没有不满意): the original sense, a little weaker.
        sense.pol *= 0.8 * neg_mult;
        for v in emo.iter_mut() {
            *v *= 0.8;
        }
    }
}
