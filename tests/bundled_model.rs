//! The bundled default model (`models/default`) loads through the real loader and reads unambiguous
//! customer messages the way anyone would.

use gongqing::backend::BackendKind;
use gongqing::engine::{BackendChoice, Engine, EngineConfig};
use gongqing::labels::Polarity;

#[test]
fn bundled_model_reads_clear_messages() {
    let model = concat!(env!("CARGO_MANIFEST_DIR"), "/models/default");
    let config = EngineConfig { model: model.into(), backend: BackendChoice::Model, ..EngineConfig::default() };
    let engine = Engine::start(&config).expect("the bundled model loads");
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
