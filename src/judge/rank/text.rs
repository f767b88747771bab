//! Text helpers shared by the readers: normalisation, clause boundaries, content bigrams, common substrings.
//! Pure functions over chars; they never panic on any input.

use std::collections::HashMap;

/// Longest text the ranker reads, in chars; the rest of a huge input is ignored (replies are short).
pub(crate) const MAX_CHARS: usize = 2000;
/// Longest span compared for parroting, in chars.
const MAX_LCS_CHARS: usize = 600;

/// Full-width ASCII to half-width, ideographic space to space, ASCII lowercase.
pub(crate) fn normalise(text: &str) -> String {
    text.chars()
        .take(MAX_CHARS)
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c.to_ascii_lowercase(),
        })
        .collect()
}

/// A normalised text as chars, so that offsets are char offsets.
#[derive(Debug, Clone)]
pub(crate) struct Text {
    pub(crate) chars: Vec<char>,
}

impl Text {
    pub(crate) fn new(raw: &str) -> Text {
        Text { chars: normalise(raw).chars().collect() }
    }
    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }
    pub(crate) fn slice(&self, at: usize, len: usize) -> String {
        window(&self.chars, at, at.saturating_add(len))
    }
}

pub(crate) fn clause_bounds(chars: &[char], at: usize) -> (usize, usize) {
    let at = at.min(chars.len());
    let mut s = at;
    while s > 0 && !is_break(chars[s - 1]) {
        s -= 1;
    }
    let mut e = at;
    while e < chars.len() && !is_break(chars[e]) {
        e += 1;
    }
    (s, e)
}

/// The `(start, end)` of every clause of `chars`, in order (the breaks between them excluded).
pub(crate) fn clauses(chars: &[char]) -> impl Iterator<Item = (usize, usize)> + '_ {
    spans(chars, clause_bounds)
}

/// The `(start, end)` of every sentence of `chars`, in order (the strong stops between them excluded).
pub(crate) fn sentences(chars: &[char]) -> impl Iterator<Item = (usize, usize)> + '_ {
    spans(chars, sentence_bounds)
}

fn spans(chars: &[char], bounds: fn(&[char], usize) -> (usize, usize)) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        (at < chars.len()).then(|| {
            let span = bounds(chars, at);
            at = span.1 + 1;
            span
        })
    })
}

/// Sentence-level bounds (only strong stops), for checks that need a little more context than a clause.
pub(crate) fn sentence_bounds(chars: &[char], at: usize) -> (usize, usize) {
    let strong = |c: char| matches!(c, '.' | '!' | '?' | ';' | '。' | '\n');
    let at = at.min(chars.len());
    let mut s = at;
    while s > 0 && !strong(chars[s - 1]) {
        s -= 1;
    }
    let mut e = at;
    while e < chars.len() && !strong(chars[e]) {
        e += 1;
    }
    (s, e)
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// The pairs of adjacent CJK characters of a text: what two mentions of one event or record share.
pub(crate) fn cjk_pairs(chars: &[char]) -> std::collections::HashSet<[char; 2]> {
    chars.windows(2).filter(|w| is_cjk(w[0]) && is_cjk(w[1])).map(|w| [w[0], w[1]]).collect()
}

/// Whether `needle` occurs in `haystack` as a run; an empty needle never does.
pub(crate) fn holds_run(haystack: &[char], needle: &[char]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

pub(crate) fn is_break(c: char) -> bool {
    matches!(c, ',' | '.' | '!' | '?' | ';' | ':' | '。' | '、' | '\n' | '…' | '~' | '(' | ')')
}

pub(crate) fn window(chars: &[char], from: usize, to: usize) -> String {
    let to = to.min(chars.len());
    let from = from.min(to);
    chars[from..to].iter().collect()
}

/// Content bigrams of CJK text plus ASCII alphanumeric tokens, with counts. Bigrams touching one of the
/// `function` chars (particles, pronouns) say nothing about the topic and are left out.
pub(crate) fn content_units(chars: &[char], function: &[char]) -> HashMap<String, f32> {
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
            if !function.contains(&c) && !function.contains(&d) {
                let bg: String = [c, d].iter().collect();
                *out.entry(bg).or_insert(0.0) += 1.0;
            }
        }
        i += 1;
    }
    out
}

/// ASCII alphanumeric tokens containing a digit, with their char offsets; spaces inside a digit group
/// ("2305 1187") are joined, because customers type long numbers in blocks, and so is a hyphen after digits
/// ("1105-C57" is one code, so "1105-C55" reads as a slip of it).
pub(crate) fn code_tokens(chars: &[char]) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_alphanumeric() {
            let start = i;
            let mut token = String::new();
            while i < chars.len() {
                if chars[i].is_ascii_alphanumeric() {
                    token.push(chars[i]);
                    i += 1;
                } else if ((chars[i] == ' ' || chars[i] == '-')
                    && i + 1 < chars.len()
                    && (chars[i + 1].is_ascii_digit() || (chars[i] == '-' && chars[i + 1].is_ascii_alphabetic()))
                    && token.chars().last().is_some_and(|c| c.is_ascii_digit())
                    && token.len() >= 3)
                    || joins_lettered_code(&token, chars, i)
                {
                    i += 1;
                } else {
                    break;
                }
            }
            out.push((token, start, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Whether the hyphen or slash at `at` goes on a code that has letters: "TC-A2-3930" and "XQ-3307/12" are one code
/// each, so "TC-A2-3739" reads as a slip of the first. A hyphen after a letter needs a digit on one side of it (not
/// "Wi-Fi"); a slash needs letters and digits before it and a digit after it, so dates ("2024/06/13") stay apart.
fn joins_lettered_code(token: &str, chars: &[char], at: usize) -> bool {
    let has_digit = |t: &[char]| t.iter().any(|c| c.is_ascii_digit());
    let token: Vec<char> = token.chars().collect();
    let next: Vec<char> = chars[at + 1..].iter().copied().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let has_letter = token.iter().any(|c| c.is_ascii_alphabetic());
    match chars[at] {
        '-' => token.len() >= 2 && !next.is_empty() && has_letter && (has_digit(&token) || has_digit(&next)),
        '/' => has_letter && has_digit(&token) && next.first().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// A character that stands for a masked one: it matches nothing in another text.
pub(crate) const NO_MATCH: char = '\u{E002}';

/// The longest run of content characters two texts share, as it stands in the second: function characters never
/// match ("给您的" in both texts shares no run).
pub(crate) fn shared_content_run(a: &[char], b: &[char], function: &[char]) -> Vec<char> {
    let mask = |x: &[char], sentinel: char| x.iter().map(|c| if function.contains(c) { sentinel } else { *c }).collect::<Vec<char>>();
    longest_common_run(&mask(a, '\u{E000}'), &mask(b, '\u{E001}'))
}

/// The longest run of characters both texts hold, as it stands in `b` once breaks, spaces and ASCII are left out.
pub(crate) fn longest_common_run(a: &[char], b: &[char]) -> Vec<char> {
    // Order numbers, codes and product names (ASCII) are quoted legitimately; they do not count.
    let keep = |c: &char| !is_break(*c) && !c.is_whitespace() && !c.is_ascii_alphanumeric();
    let a: Vec<char> = a.iter().copied().filter(keep).take(MAX_LCS_CHARS).collect();
    let b: Vec<char> = b.iter().copied().filter(keep).take(MAX_LCS_CHARS).collect();
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut prev = vec![0u16; b.len() + 1];
    let mut cur = vec![0u16; b.len() + 1];
    let (mut best, mut best_end) = (0u16, 0usize);
    for ca in &a {
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j].saturating_add(1) } else { 0 };
            if cur[j + 1] > best {
                best = cur[j + 1];
                best_end = j + 1;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    b[best_end - best as usize..best_end].to_vec()
}

/// Levenshtein distance of two short strings (codes), capped work: inputs are at most a few dozen chars.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

pub(crate) fn clamp01(x: f32) -> f32 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

pub(crate) fn saturate(x: f32, scale: f32) -> f32 {
    clamp01(1.0 - (-x.max(0.0) / scale).exp())
}

pub(crate) fn sigmoid(x: f32) -> f32 {
    if x.is_nan() {
        return 0.5;
    }
    1.0 / (1.0 + (-x.clamp(-60.0, 60.0)).exp())
}
