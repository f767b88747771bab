//! The bundled default model (`models/default`) loads through the real loader and reads unambiguous
//! customer messages the way anyone would.

use gongqing::backend::BackendKind;
use gongqing::engine::{BackendChoice, Engine, EngineConfig};
use gongqing::labels::{Emotion, Polarity};

/// An engine on the bundled model folder, through the real loader.
fn bundled(backend: BackendChoice) -> Engine {
    let model = concat!(env!("CARGO_MANIFEST_DIR"), "/models/default");
    Engine::start(&EngineConfig { model: model.into(), backend, ..EngineConfig::default() }).expect("the bundled model loads")
}

#[test]
fn bundled_model_reads_clear_messages() {
    let engine = bundled(BackendChoice::Model);
    let info = engine.info();
    assert_eq!(info.backend, BackendKind::Model);
    assert!(info.description.summary.contains("bert 12x384"), "{}", info.description.summary);

    let cases = [
        ("东西坏了三次，客服一直推脱，太让人生气了！", Polarity::Negative),
        ("等了半个月还没发货，非常失望", Polarity::Negative),
        ("非常感谢你们，问题很快就解决了，服务太棒了", Polarity::Positive),
        ("质量很好，物流也快，很满意", Polarity::Positive),
        ("请问怎么修改收货地址？", Polarity::Neutral),
        ("我想查询一下订单的发货时间", Polarity::Neutral),
    ];
    let texts: Vec<&str> = cases.iter().map(|(t, _)| *t).collect();
    let results = engine.classify_blocking(&texts).unwrap();
    for ((text, expected), result) in cases.iter().zip(&results) {
        assert_eq!(result.polarity, *expected, "{text}: {:?}", result.polarity_scores);
        assert_eq!(result.backend, BackendKind::Model);
        assert!((result.polarity_scores.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    }
}

#[test]
fn bundled_model_has_an_emotion_head_that_reads_clear_feelings() {
    let engine = bundled(BackendChoice::Model);
    assert!(engine.info().description.summary.contains("emotion_head=true"), "{}", engine.info().description.summary);

    let cases = [
        ("你们一拖再拖，把人当傻子耍，我真的火大了！", Emotion::Anger),
        ("明天一早就要交材料，现在还没办下来，我急得不行", Emotion::Anxiety),
        ("一直很信任这个牌子，这次的做工让我很失望", Emotion::Disappointment),
        ("账单上这一项收费是什么意思？我没看懂", Emotion::Confusion),
        ("太谢谢你了，帮我跑前跑后，真的感激", Emotion::Gratitude),
        ("东西很好用，价格也合适，挺满意的", Emotion::Satisfaction),
        ("请问营业时间是几点到几点", Emotion::Neutral),
    ];
    let texts: Vec<&str> = cases.iter().map(|(t, _)| *t).collect();
    let results = engine.classify_blocking(&texts).unwrap();
    for ((text, expected), result) in cases.iter().zip(&results) {
        assert_eq!(result.emotion, *expected, "{text}: {:?}", result.emotion_scores);
        assert!((result.emotion_scores.iter().sum::<f32>() - 1.0).abs() < 1e-4);
        // Emotion and polarity never disagree.
        if let Some(polarity) = expected.polarity() {
            assert_eq!(result.polarity, polarity, "{text}");
        }
    }
}

#[test]
fn bundled_model_ranks_replies_by_the_conversation_without_a_pair_head() {
    use gongqing::judge::{Fault, Role, Turn};
    let engine = bundled(BackendChoice::Model);
    // The bundled model ships without pair_head.json: its fitting gate found no head that helps (models/ranking).
    assert!(engine.info().description.summary.contains("pair_head=false"), "{}", engine.info().description.summary);

    let context = [
        Turn { role: Role::Customer, text: "订单88031562的台灯收到就不亮，照片我已经拍了三张发上来了。".into() },
        Turn { role: Role::Agent, text: "收到照片了，我帮您看看怎么处理。".into() },
    ];
    let customer = "别再让我寄回去了，直接退款吧，我急着买别的。";
    let candidates = [
        "新灯到手就坏，谁都扫兴，怪我们品控。请把照片重新拍几张传上来，核实后补发一台。",
        "新灯到手就坏，谁都扫兴，怪我们品控。按您发的照片，订单88031562的钱已退，两小时内原路到账，不用寄回。",
        "亲，已记录，稍后有人联系。",
    ];
    let ranking = engine.rank_blocking(customer, &context, &candidates).unwrap();
    assert_eq!(ranking.customer.backend, BackendKind::Model);
    assert_eq!(ranking.ranked[0].index, 1, "{:?}", ranking.ranked);
    let asks_again = ranking.ranked.iter().find(|j| j.index == 0).unwrap();
    assert!(asks_again.faults.contains(&Fault::AsksForGivenInfo), "{asks_again:?}");
    assert!(asks_again.faults.contains(&Fault::IgnoresPreference), "{asks_again:?}");

    // The encoder reads the customer's mood; the order comes from reading the conversation, so the lexicon
    // backend agrees on it.
    let lexicon = bundled(BackendChoice::Lexicon);
    let by_lexicon = lexicon.rank_blocking(customer, &context, &candidates).unwrap();
    let order = |r: &gongqing::engine::Ranking| r.ranked.iter().map(|j| j.index).collect::<Vec<_>>();
    assert_eq!(order(&ranking), order(&by_lexicon));
}
