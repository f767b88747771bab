//! Behaviour tests for the lexicon scorer: each asserts what a reader of Chinese would expect.

use super::*;
use std::sync::OnceLock;

fn lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(Lexicon::embedded)
}

fn pol(text: &str) -> Polarity {
    lex().score(text).polarity_label()
}

fn signed(text: &str) -> f32 {
    let s = lex().score(text);
    s.polarity[2] - s.polarity[0]
}

fn emo(text: &str) -> Emotion {
    lex().score(text).emotion_label()
}

fn assert_distribution(s: &LexiconScore) {
    let p: f32 = s.polarity.iter().sum();
    let e: f32 = s.emotion.iter().sum();
    assert!((p - 1.0).abs() < 1e-4, "polarity sums to {p}");
    assert!((e - 1.0).abs() < 1e-4, "emotion sums to {e}");
    assert!(s.polarity.iter().chain(s.emotion.iter()).all(|v| v.is_finite() && *v >= 0.0));
    assert!((0.0..=1.0).contains(&s.intensity));
}

#[test]
fn lexicon_is_shareable_across_threads() {
    fn check<T: Send + Sync>() {}
    check::<Lexicon>();
}

#[test]
fn embedded_lists_load_and_are_substantial() {
    assert!(lex().term_count() > 1000, "only {} terms", lex().term_count());
    assert!(lex().knows("谢谢") && lex().knows("气死") && lex().knows("不满意"));
}

#[test]
fn from_dir_reads_the_shipped_lists() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models/lexicon");
    if dir.join("positive.txt").exists() {
        let l = Lexicon::from_dir(&dir).expect("shipped lists load");
        assert_eq!(l.term_count(), lex().term_count());
    }
}

#[test]
fn plain_words() {
    assert_eq!(pol("质量很好"), Polarity::Positive);
    assert_eq!(pol("质量太差了"), Polarity::Negative);
    assert_eq!(emo("非常满意"), Emotion::Satisfaction);
    assert_eq!(emo("谢谢你们"), Emotion::Gratitude);
    assert_eq!(emo("气死我了"), Emotion::Anger);
    assert_eq!(emo("太失望了"), Emotion::Disappointment);
}

#[test]
fn negation_flips_the_next_sentiment_word() {
    assert_eq!(pol("好用"), Polarity::Positive);
    assert_eq!(pol("不好用"), Polarity::Negative);
    assert_eq!(pol("一点都不专业"), Polarity::Negative);
    assert_eq!(pol("并非很满意"), Polarity::Negative);
    // A negated negative is at most mildly positive: clearly above the plain negative.
    assert!(signed("不贵") > 0.0);
    assert!(signed("不贵") < signed("便宜实惠"));
    let cues = lex().score("一点都不耐心").cues;
    assert!(cues.iter().any(|c| c.kind == CueKind::Negation), "{cues:?}");
    assert!(cues.iter().any(|c| c.weight < 0.0));
}

#[test]
fn negation_does_not_cross_a_clause() {
    // 没 belongs to the first clause; 满意 stands on its own.
    assert_eq!(pol("我没收到短信，不过现在很满意"), Polarity::Positive);
}

#[test]
fn double_negation_is_positive() {
    assert_eq!(pol("不是不好"), Polarity::Positive);
    assert_eq!(pol("没有不满意的地方"), Polarity::Positive);
}

#[test]
fn degree_words_scale() {
    assert!(signed("非常好") > signed("好"));
    assert!(signed("有点慢") > signed("太慢"), "有点 softens, 太 strengthens");
    assert!(signed("慢死了") < signed("慢"));
    assert!(lex().score("非常好").cues.iter().any(|c| c.kind == CueKind::Degree));
    // 好 before a sentiment word is "very", not praise.
    assert_eq!(pol("好慢啊"), Polarity::Negative);
    // A dictionary word spelled from known terms is read as those terms (太慢 = 太 + 慢).
    assert!(lex().score("太慢了").cues.iter().any(|c| c.term == "慢" && c.weight < -1.0));
}

#[test]
fn contrast_shifts_weight_to_the_later_clause() {
    assert_eq!(pol("东西挺好的，但是物流太慢了"), Polarity::Negative);
    assert_eq!(pol("物流有点慢，不过东西很好"), Polarity::Positive);
    assert_eq!(pol("虽然价格贵了点，但是质量非常好"), Polarity::Positive);
    assert!(lex().score("但是很好").cues.iter().any(|c| c.kind == CueKind::Contrast));
}

#[test]
fn sarcasm_flips_praise_in_a_complaint() {
    assert_eq!(pol("服务真好"), Polarity::Positive);
    assert_eq!(pol("呵呵，服务真好"), Polarity::Negative);
    assert_eq!(pol("真是太“好”了，又坏了"), Polarity::Negative);
    assert_eq!(pol("真是谢谢你们了，等了一个星期还没到"), Polarity::Negative);
    assert_ne!(emo("呵呵，你们的服务真好"), Emotion::Satisfaction);
    assert!(lex().score("呵呵").cues.iter().any(|c| c.kind == CueKind::Sarcasm));
}

#[test]
fn complaint_patterns_are_negative() {
    assert_eq!(pol("怎么还没发货"), Polarity::Negative);
    assert_eq!(pol("这是我第三次打电话了"), Polarity::Negative);
    assert_eq!(pol("已经等了五天了"), Polarity::Negative);
    assert_eq!(pol("说好的今天到呢"), Polarity::Negative);
    assert_eq!(pol("第一次用这个功能"), Polarity::Neutral);
    // A denied service action is a complaint; asked as a yes/no question it is only a question.
    assert_eq!(pol("到现在都没发货"), Polarity::Negative);
    assert_eq!(pol("客服一直不处理"), Polarity::Negative);
    assert!(lex().score("还没退款").cues.iter().any(|c| c.kind == CueKind::Complaint));
    assert!(signed("这种情况不赔吗？") > signed("这种情况不赔"));
    assert_ne!(pol("第三次买了"), Polarity::Negative, "a returning customer");
}

#[test]
fn plain_questions_are_neutral() {
    for t in ["请问怎么修改收货地址？", "单号是多少", "能不能开发票", "你好，在吗"] {
        let s = lex().score(t);
        assert_eq!(s.polarity_label(), Polarity::Neutral, "{t}: {s:?}");
        assert_eq!(s.emotion_label(), Emotion::Neutral, "{t}: {s:?}");
    }
}

#[test]
fn reported_praise_is_not_praise() {
    // What was promised or hoped for is not what happened.
    assert!(signed("说是很快") < signed("很快"));
    assert_ne!(pol("本来想给老婆一个惊喜"), Polarity::Positive);
    assert!(signed("ok") > 0.1);
    assert_eq!(pol("macbook到了"), Polarity::Neutral, "ok inside an English word is no cue");
}

#[test]
fn closing_thanks_after_a_request_is_politeness() {
    assert_eq!(pol("请问发票什么时候能开好，谢谢"), Polarity::Neutral);
    assert_eq!(pol("谢谢你，帮了大忙"), Polarity::Positive);
}

#[test]
fn punctuation_and_emoji() {
    assert!(lex().score("太慢了！！！").intensity > lex().score("太慢了").intensity);
    let s = lex().score("到底怎么回事？？？");
    assert!(s.cues.iter().any(|c| c.kind == CueKind::Punctuation));
    assert_eq!(s.emotion_label(), Emotion::Confusion);
    assert_eq!(pol("收到了👍"), Polarity::Positive);
    assert_eq!(pol("快递又丢了😡"), Polarity::Negative);
    assert_eq!(emo("😡😡"), Emotion::Anger);
    // Skin tones and variation selectors do not hide an emoji.
    assert_eq!(pol("👍🏻"), Polarity::Positive);
    assert_eq!(pol("[抓狂]"), Polarity::Negative);
}

#[test]
fn traditional_characters() {
    assert_eq!(emo("謝謝你們"), Emotion::Gratitude);
    assert_eq!(pol("非常滿意"), Polarity::Positive);
    assert_eq!(emo("氣死我了"), Emotion::Anger);
    // Cues quote the text as written.
    assert!(lex().score("服務很滿意").cues.iter().any(|c| c.term.contains("滿意")), "{:?}", lex().score("服務很滿意"));
}

#[test]
fn empty_and_whitespace_are_neutral() {
    for t in ["", " ", "\t\n  ", "\u{3000}"] {
        let s = lex().score(t);
        assert_distribution(&s);
        assert_eq!(s.polarity_label(), Polarity::Neutral);
        assert_eq!(s.emotion_label(), Emotion::Neutral);
        assert!(s.cues.is_empty());
        assert!(s.intensity < 0.05);
    }
}

#[test]
fn odd_unicode_never_panics() {
    let long = "太慢了！".repeat(300_000);
    let inputs = [
        "\u{0}\u{1}\u{7f}\u{200b}\u{feff}",
        "𠀀𠀁𪚥🏳️‍🌈👨‍👩‍👧",
        "é́́́́́́",
        "\u{202e}不好\u{202c}",
        "！？！？？！……。。。",
        "第第第次次",
        "等了了天天",
        "😡🏻",
        long.as_str(),
        "a",
        "ＡＢＣ不错",
    ];
    for t in inputs {
        let s = lex().score(t);
        assert_distribution(&s);
        for c in &s.cues {
            assert!(t.contains(&c.term), "cue {c:?} not in text");
            assert!(c.weight.is_finite());
        }
    }
    // Cues come in text order.
    let s = lex().score("物流很快，但是包装破损了，很失望😞");
    let pos: Vec<usize> = s.cues.iter().map(|c| "物流很快，但是包装破损了，很失望😞".find(&c.term).unwrap()).collect();
    assert!(pos.windows(2).all(|w| w[0] <= w[1]), "{:?}", s.cues);
}

#[test]
fn emotion_is_consistent_with_polarity() {
    for t in ["垃圾客服", "谢谢，问题解决了", "怎么回事", "能帮我查一下吗", "太好了👍", "急用，快点发货"]
    {
        let s = lex().score(t);
        assert_distribution(&s);
        let p = s.polarity_label();
        match s.emotion_label().polarity() {
            Some(ep) => assert_eq!(ep, p, "{t}: {s:?}"),
            None => assert_ne!(p, Polarity::Positive, "{t}: {s:?}"),
        }
    }
}

#[test]
fn cue_names() {
    assert_eq!(CueKind::Emotion(Emotion::Anger).name(), "emotion:anger");
    assert_eq!(CueKind::Negation.name(), "negation");
    assert_eq!(CueKind::Emoji.name(), "emoji");
}

fn write_lists(dir: &std::path::Path) {
    for f in LIST_FILES {
        std::fs::write(dir.join(f.name), f.embedded).unwrap();
    }
}

#[test]
fn from_dir_reports_missing_files_and_bad_lines() {
    let dir = std::env::temp_dir().join(format!("gongqing-lexicon-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    write_lists(&dir);
    let custom = Lexicon::from_dir(&dir).unwrap();
    assert_eq!(custom.term_count(), lex().term_count());

    // A custom list is really used.
    std::fs::write(dir.join("positive.txt"), "# mine\n\n绝妙的新词\t2.0\n").unwrap();
    let custom = Lexicon::from_dir(&dir).unwrap();
    assert_eq!(custom.score("绝妙的新词").polarity_label(), Polarity::Positive);

    // Malformed weight on line 3.
    std::fs::write(dir.join("negative.txt"), "# c\n差\t1.0\n烂\tlots\n").unwrap();
    match Lexicon::from_dir(&dir) {
        Err(LexiconError::Malformed { file, line, .. }) => {
            assert_eq!(file, "negative.txt");
            assert_eq!(line, 3);
        }
        other => panic!("expected a malformed-line error, got {other:?}"),
    }
    let msg = Lexicon::from_dir(&dir).unwrap_err().to_string();
    assert!(msg.contains("negative.txt:3"), "{msg}");

    // Too many fields, a space inside a term, an unknown emotion.
    write_lists(&dir);
    std::fs::write(dir.join("degree.txt"), "# x\n很\t1.4\t9\n").unwrap();
    assert!(matches!(Lexicon::from_dir(&dir), Err(LexiconError::Malformed { line: 2, .. })));
    write_lists(&dir);
    std::fs::write(dir.join("anger.txt"), "# x\n气 死\n").unwrap();
    assert!(matches!(Lexicon::from_dir(&dir), Err(LexiconError::Malformed { line: 2, .. })));
    write_lists(&dir);
    std::fs::write(dir.join("emoji.txt"), "# x\n😡\t-1\tfury\n").unwrap();
    assert!(matches!(Lexicon::from_dir(&dir), Err(LexiconError::Malformed { line: 2, .. })));

    // A weight out of range, a duplicate term, a list without a header saying what it is for.
    write_lists(&dir);
    std::fs::write(dir.join("degree.txt"), "# x\n很\t1.4\n太\t15\n").unwrap();
    assert!(matches!(Lexicon::from_dir(&dir), Err(LexiconError::Malformed { line: 3, .. })));
    write_lists(&dir);
    std::fs::write(dir.join("degree.txt"), "# x\n很\t1.4\n很\t1.5\n").unwrap();
    assert!(matches!(Lexicon::from_dir(&dir), Err(LexiconError::Malformed { line: 3, .. })));
    write_lists(&dir);
    std::fs::write(dir.join("degree.txt"), "很\t1.4\n").unwrap();
    assert!(matches!(Lexicon::from_dir(&dir), Err(LexiconError::Malformed { line: 1, .. })));

    // Missing file.
    write_lists(&dir);
    std::fs::remove_file(dir.join("sarcasm.txt")).unwrap();
    match Lexicon::from_dir(&dir) {
        Err(LexiconError::Unreadable { path, .. }) => assert!(path.ends_with("sarcasm.txt")),
        other => panic!("expected an unreadable-file error, got {other:?}"),
    }
    std::fs::remove_dir_all(&dir).ok();
}
