//! Property tests over request validation, tokenization and the lexicon scorer with arbitrary Unicode:
//! control characters, lone combining marks, bidi and zero-width characters, emoji sequences, mixed scripts
//! and 1 MB lines. Inputs come from a seeded generator (reproducible: the seed is in the failure message),
//! so no extra dependency is needed.

mod common;

use gongqing::engine::{BackendChoice, Engine, EngineConfig, EngineError, Limits};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const CASES: usize = 300;

/// One character from a mix of troublesome classes.
fn any_char(rng: &mut ChaCha8Rng) -> char {
    let pick = |lo: u32, hi: u32, rng: &mut ChaCha8Rng| char::from_u32(rng.random_range(lo..=hi)).unwrap_or('?');
    match rng.random_range(0..12) {
        0 => pick(0x00, 0x1f, rng),            // C0 controls, NUL included
        1 => pick(0x7f, 0x9f, rng),            // DEL and C1 controls
        2 => pick(0x0300, 0x036f, rng),        // combining marks (often lone)
        3 => pick(0x4e00, 0x9fff, rng),        // CJK
        4 => pick(0x1f300, 0x1faff, rng),      // emoji
        5 => ['\u{200b}', '\u{200d}', '\u{200e}', '\u{202e}', '\u{2066}', '\u{feff}', '\u{fe0f}'][rng.random_range(0..7)],
        6 => pick(0x0600, 0x06ff, rng),        // Arabic
        7 => pick(0x0e00, 0x0e7f, rng),        // Thai
        8 => pick(0xac00, 0xd7a3, rng),        // Hangul
        9 => ['不', '没', '很', '但', '！', '？', '。', '…', '~', ' ', '\t', '\n'][rng.random_range(0..12)],
        10 => pick(0x20, 0x7e, rng),           // ASCII
        _ => pick(0x10000, 0x10ffff, rng),     // anything astral (may be unassigned or private use)
    }
}

fn any_text(rng: &mut ChaCha8Rng, max_chars: usize) -> String {
    let n = rng.random_range(0..=max_chars);
    let mut s: String = (0..n).map(|_| any_char(rng)).collect();
    if rng.random_bool(0.2) {
        // Real words mixed in, so negation, degree and clause rules fire on odd neighbours.
        s.push_str(["太差了", "不是很满意", "非常感谢", "但是还没到", "并非不好"][rng.random_range(0..5)]);
    }
    s
}

fn check_classifications(engine: &Engine, texts: &[String], seed: u64) {
    let results = engine.classify_blocking(texts).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
    assert_eq!(results.len(), texts.len(), "seed {seed}");
    for (text, r) in texts.iter().zip(&results) {
        let sum: f32 = r.polarity_scores.iter().sum();
        assert!((sum - 1.0).abs() < 1e-3, "seed {seed}: scores {:?} for {text:?}", r.polarity_scores);
        assert!(r.polarity_scores.iter().all(|p| p.is_finite() && (0.0..=1.0).contains(p)), "seed {seed}: {text:?}");
        assert!(r.emotion_intensity.is_finite() && (0.0..=1.0).contains(&r.emotion_intensity), "seed {seed}: {text:?}");
        let esum: f32 = r.emotion_scores.iter().sum();
        assert!((esum - 1.0).abs() < 1e-3, "seed {seed}: emotion scores {:?}", r.emotion_scores);
    }
    // Deterministic: the same texts read the same way again, alone or in a batch.
    let again = engine.classify_blocking(texts).unwrap();
    for (a, b) in results.iter().zip(&again) {
        assert_eq!(a.polarity_scores, b.polarity_scores, "seed {seed}");
    }
}

fn lexicon_engine(limits: Limits) -> Engine {
    let config = EngineConfig { limits, ..common::engine_config("unused", BackendChoice::Lexicon) };
    Engine::start(&config).unwrap()
}

#[test]
fn lexicon_scorer_answers_any_unicode_with_valid_probabilities() {
    let engine = lexicon_engine(Limits::default());
    for seed in 0..CASES as u64 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let n = rng.random_range(1..=8);
        let texts: Vec<String> = (0..n).map(|_| any_text(&mut rng, 200)).collect();
        check_classifications(&engine, &texts, seed);
    }
}

#[test]
fn lexicon_scorer_reads_a_one_megabyte_line() {
    let engine = lexicon_engine(Limits { max_text_bytes: 2 << 20, ..Limits::default() });
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut line = String::new();
    while line.len() < 1 << 20 {
        line.push_str(&any_text(&mut rng, 64));
    }
    // Mixed line, a pure-CJK line, and a line of only combining marks.
    let cjk = "快递太慢了但是客服很好".repeat((1 << 20) / 33 + 1);
    let marks = "\u{0301}".repeat((1 << 20) / 2);
    check_classifications(&engine, &[line, cjk, marks], 7);
}

#[test]
fn validation_rejects_exactly_what_is_over_the_limits() {
    let limits = Limits::default();
    let engine = lexicon_engine(limits);
    for seed in 0..CASES as u64 {
        let mut rng = ChaCha8Rng::seed_from_u64(1000 + seed);
        let n = rng.random_range(0..=limits.max_texts + 4);
        let mut texts: Vec<String> = (0..n).map(|_| any_text(&mut rng, 8)).collect();
        if n > 0 && rng.random_bool(0.3) {
            let i = rng.random_range(0..n);
            while texts[i].len() <= limits.max_text_bytes {
                texts[i].push_str(&any_text(&mut rng, 512));
            }
        }
        let expect_ok = n > 0 && n <= limits.max_texts && texts.iter().all(|t| t.len() <= limits.max_text_bytes);
        match engine.validate_texts(&texts) {
            Ok(()) => assert!(expect_ok, "seed {seed}: accepted {n} texts over the limits"),
            Err(EngineError::InvalidInput(message)) => {
                assert!(!expect_ok, "seed {seed}: rejected valid input: {message}");
                assert!(
                    message.contains("limit") || message.contains("empty") || message.contains("no text"),
                    "seed {seed}: message names the limit: {message}"
                );
            }
            Err(e) => panic!("seed {seed}: unexpected {e}"),
        }
    }
}

#[test]
fn model_tokenization_survives_any_unicode() {
    let dir = tempfile::tempdir().unwrap();
    common::TinyBert::default().write(dir.path());
    let config = common::engine_config(dir.path().to_str().unwrap(), BackendChoice::Model);
    let engine = Engine::start(&config).expect("tiny model loads");
    for seed in 0..60u64 {
        let mut rng = ChaCha8Rng::seed_from_u64(5000 + seed);
        let n = rng.random_range(1..=6);
        let texts: Vec<String> = (0..n).map(|_| any_text(&mut rng, 120)).collect();
        check_classifications(&engine, &texts, seed);
    }
}
