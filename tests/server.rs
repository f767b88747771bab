//! End-to-end tests: the real server on 127.0.0.1 port 0, called with the generated tonic client.

mod common;

use candle_core::DType;
use common::{engine_config, hub_cache_with, TestServer, TinyBert};
use gongqing::engine::{BackendChoice, Engine, EngineConfig, EngineError};
use gongqing::proto::{self, ClassifyRequest, RankRepliesRequest};
use tonic::Code;

fn lexicon_config() -> EngineConfig {
    engine_config("unused", BackendChoice::Lexicon)
}

fn classify(texts: &[&str]) -> ClassifyRequest {
    ClassifyRequest { texts: texts.iter().map(|t| t.to_string()).collect() }
}

fn assert_distribution(c: &proto::Classification) {
    let s = c.polarity_scores.as_ref().expect("polarity scores");
    for p in [s.negative, s.neutral, s.positive] {
        assert!((0.0..=1.0).contains(&p), "probability {p} out of range");
    }
    assert!(
        (s.negative + s.neutral + s.positive - 1.0).abs() < 1e-4,
        "scores sum to {}",
        s.negative + s.neutral + s.positive
    );
    let emotion_total: f32 = c.emotion_scores.iter().map(|e| e.score).sum();
    assert_eq!(c.emotion_scores.len(), 7);
    assert!((emotion_total - 1.0).abs() < 1e-4, "emotion scores sum to {emotion_total}");
    assert!((0.0..=1.0).contains(&c.emotion_intensity));
    assert_ne!(c.emotion, proto::Emotion::Unspecified as i32);
}

fn scores(c: &proto::Classification) -> [f32; 3] {
    let s = c.polarity_scores.as_ref().unwrap();
    [s.negative, s.neutral, s.positive]
}

#[tokio::test]
async fn classify_on_the_lexicon_reads_clear_feelings_in_order() {
    let server = TestServer::start(lexicon_config()).await;
    let mut client = server.client().await;
    let texts = ["太差了，我非常失望，再也不买了", "非常满意，谢谢你们的帮助！", "请问我的订单号是多少", "   "];
    let response = client.classify(classify(&texts)).await.unwrap().into_inner();
    assert_eq!(response.results.len(), texts.len());
    assert_eq!(response.backend, proto::Backend::Lexicon as i32);
    for result in &response.results {
        assert_distribution(result);
        assert_eq!(result.backend, proto::Backend::Lexicon as i32);
    }
    assert_eq!(response.results[0].polarity, proto::Polarity::Negative as i32);
    assert!(!response.results[0].evidence.is_empty(), "negative text has evidence");
    assert_eq!(response.results[1].polarity, proto::Polarity::Positive as i32);
    assert_eq!(response.results[2].polarity, proto::Polarity::Neutral as i32);
    // Whitespace-only is answered, as neutral, not rejected.
    assert_eq!(response.results[3].polarity, proto::Polarity::Neutral as i32);
    assert_eq!(response.results[3].emotion, proto::Emotion::Neutral as i32);
    server.stop().await;
}

#[tokio::test]
async fn rank_replies_on_the_lexicon_returns_every_candidate_once_best_first() {
    let server = TestServer::start(lexicon_config()).await;
    let mut client = server.client().await;
    let candidates = vec![
        "这是快递那边的事，和我们无关，您自己联系快递吧。".to_string(),
        "让您等了这么久还没收到，确实着急，是我们没盯紧。我现在就联系仓库加急补发，今天下午5点前把新单号发给您，您看可以吗？".to_string(),
        "您好，请再等一等，谢谢配合。".to_string(),
    ];
    let response = client
        .rank_replies(RankRepliesRequest {
            customer_message: "我的快递一个星期了还没到，急着用，怎么回事？".into(),
            context: vec![],
            candidates: candidates.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    let mut indices: Vec<u32> = response.ranked.iter().map(|r| r.index).collect();
    assert_eq!(response.ranked[0].index, 1, "the owning, concrete reply ranks first");
    assert_eq!(response.ranked[2].index, 0, "the blaming reply ranks last");
    for pair in response.ranked.windows(2) {
        assert!(pair[0].score >= pair[1].score, "ranked best first");
    }
    for reply in &response.ranked {
        assert!(!reply.reason.is_empty(), "each reply has a reason");
        assert!(reply.components.is_some());
        assert_eq!(reply.text, candidates[reply.index as usize]);
    }
    indices.sort();
    assert_eq!(indices, vec![0, 1, 2]);
    let customer = response.customer.expect("customer reading");
    assert_eq!(customer.polarity, proto::Polarity::Negative as i32);
    server.stop().await;
}

#[tokio::test]
async fn rank_replies_reports_conflicts_with_the_conversation() {
    let server = TestServer::start(lexicon_config()).await;
    let mut client = server.client().await;
    let candidates = vec![
        "一直没进展，谁等着都上火，怪我们流程慢了。请把订单号提供给我，我收到后今天下午就给您处理。".to_string(),
        "一直没进展，谁等着都上火，怪我们流程慢了。订单6071 5523 9984我已加急换新，今天下午发出。".to_string(),
    ];
    let response = client
        .rank_replies(RankRepliesRequest {
            customer_message: "到底什么时候能换？".into(),
            context: vec![
                proto::Turn { role: proto::Role::Customer as i32, text: "耳机充不进电，订单号是6071 5523 9984。".into() },
                proto::Turn { role: proto::Role::Agent as i32, text: "收到，帮您看看。".into() },
            ],
            candidates,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.ranked[0].index, 1, "the reply that uses the given number ranks first");
    let asks = response.ranked.iter().find(|r| r.index == 0).unwrap();
    assert!(asks.faults.contains(&(proto::Fault::AsksForGivenInfo as i32)), "{asks:?}");
    let c = asks.conflicts.iter().find(|c| c.fault == proto::Fault::AsksForGivenInfo as i32).expect("evidence");
    assert_eq!(c.context_turn, 0);
    assert!(c.context_span.contains("6071"), "{c:?}");
    assert!(c.reply_span.contains("订单号"), "{c:?}");
    for reply in &response.ranked {
        assert!((0.0..=1.0).contains(&reply.score));
    }
    server.stop().await;
}

#[tokio::test]
async fn bad_input_is_rejected_with_the_limit_named() {
    let server = TestServer::start(lexicon_config()).await;
    let mut client = server.client().await;
    let expect_invalid = |result: Result<(), tonic::Status>, needle: &str| {
        let status = result.expect_err("request should fail");
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
        assert!(status.message().contains(needle), "message {:?} should name {needle:?}", status.message());
    };
    expect_invalid(client.classify(classify(&[])).await.map(|_| ()), "empty");
    let many: Vec<&str> = vec!["好"; 129];
    expect_invalid(client.classify(classify(&many)).await.map(|_| ()), "128");
    let long = "好".repeat(6000);
    expect_invalid(client.classify(classify(&[&long])).await.map(|_| ()), "16384");
    let rank = |candidates: Vec<String>| RankRepliesRequest {
        customer_message: "退款还没到".into(),
        context: vec![],
        candidates,
    };
    expect_invalid(client.rank_replies(rank(vec![])).await.map(|_| ()), "empty");
    expect_invalid(client.rank_replies(rank(vec!["好的".into(); 33])).await.map(|_| ()), "32");
    let bad_role = RankRepliesRequest {
        customer_message: "退款还没到".into(),
        context: vec![proto::Turn { role: 0, text: "hi".into() }],
        candidates: vec!["马上处理".into()],
    };
    expect_invalid(client.rank_replies(bad_role).await.map(|_| ()), "role");
    // The server still answers after the bad requests.
    let ok = client.classify(classify(&["谢谢"])).await.unwrap().into_inner();
    assert_eq!(ok.results.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn tiny_bert_classifies_through_the_real_loader() {
    let dir = tempfile::tempdir().unwrap();
    TinyBert::default().write(dir.path());
    let server = TestServer::start(engine_config(dir.path().to_str().unwrap(), BackendChoice::Model)).await;
    let mut client = server.client().await;

    let info = client.info(proto::InfoRequest {}).await.unwrap().into_inner();
    assert_eq!(info.backend, proto::Backend::Model as i32);
    assert_eq!(info.labels, vec!["negative", "neutral", "positive"]);
    assert_eq!(info.max_input_tokens, common::MAX_POSITIONS as u32);
    assert!(info.fallback_reason.is_empty());
    assert_eq!(info.weight_precision, "int8", "int8 is the default precision");

    let texts = ["我的快递怎么还没到", "谢谢", "太差了非常失望不是很满意", "请问订单号码"];
    let batch = client.classify(classify(&texts)).await.unwrap().into_inner();
    assert_eq!(batch.results.len(), texts.len());
    assert_eq!(batch.backend, proto::Backend::Model as i32);
    for (i, text) in texts.iter().enumerate() {
        let alone = client.classify(classify(&[text])).await.unwrap().into_inner();
        let (a, b) = (scores(&alone.results[0]), scores(&batch.results[i]));
        for k in 0..3 {
            assert!((a[k] - b[k]).abs() < 1e-4, "text {i}: alone {a:?} vs in padded batch {b:?}");
        }
        assert_distribution(&batch.results[i]);
        assert_eq!(batch.results[i].backend, proto::Backend::Model as i32);
        assert_eq!(batch.results[i].tokens as usize, text.chars().count() + 2);
        assert!(!batch.results[i].truncated);
    }
    // Different texts give different outputs: the order of results follows the request.
    assert_ne!(scores(&batch.results[0]), scores(&batch.results[1]));

    // Longer than the model's 40 positions: answered, and reported as truncated.
    let long = "我的快递怎么还没到".repeat(10);
    let truncated = client.classify(classify(&[&long])).await.unwrap().into_inner();
    assert!(truncated.results[0].truncated);
    assert_eq!(truncated.results[0].tokens as usize, common::MAX_POSITIONS);
    server.stop().await;
}

#[test]
fn f16_weights_give_the_same_answers_as_f32() {
    let dir32 = tempfile::tempdir().unwrap();
    let dir16 = tempfile::tempdir().unwrap();
    TinyBert { mean_pooling: true, emotion_head: true, ..TinyBert::default() }.write(dir32.path());
    TinyBert { dtype: DType::F16, mean_pooling: true, emotion_head: true }.write(dir16.path());
    let e32 = Engine::start(&engine_config(dir32.path().to_str().unwrap(), BackendChoice::Model)).unwrap();
    let e16 = Engine::start(&engine_config(dir16.path().to_str().unwrap(), BackendChoice::Model)).unwrap();
    assert!(e16.info().description.summary.contains("pooling=mean"));
    assert!(e16.info().description.summary.contains("emotion_head=true"));
    let texts = ["我的快递怎么还没到", "谢谢你们"];
    let a = e32.classify_blocking(&texts).unwrap();
    let b = e16.classify_blocking(&texts).unwrap();
    for (x, y) in a.iter().zip(&b) {
        for k in 0..3 {
            assert!((x.polarity_scores[k] - y.polarity_scores[k]).abs() < 0.02, "{x:?} vs {y:?}");
        }
        assert!(x.polarity_scores.iter().all(|p| p.is_finite()));
    }
}

#[test]
fn hub_ids_resolve_through_a_local_hub_cache() {
    let model = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    TinyBert::default().write(model.path());
    let root = hub_cache_with(model.path(), cache.path(), "gongqing-test/tiny-bert");
    let config = EngineConfig {
        model: "gongqing-test/tiny-bert".into(),
        hub_cache: Some(root.clone()),
        backend: BackendChoice::Model,
        ..EngineConfig::default()
    };
    let engine = Engine::start(&config).expect("hub model loads from the cache");
    assert_eq!(engine.info().description.model, "gongqing-test/tiny-bert");
    assert_eq!(engine.classify_blocking(&["谢谢"]).unwrap().len(), 1);

    let absent = EngineConfig { model: "gongqing-test/not-cached".into(), ..config };
    match Engine::start(&absent) {
        Err(EngineError::ModelRequired(e)) => {
            assert!(e.to_string().contains("not in the local hub cache"), "{e}")
        }
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("an uncached hub model must not load"),
    }
}

#[tokio::test]
async fn missing_or_truncated_models_fall_back_to_the_lexicon() {
    let missing = tempfile::tempdir().unwrap();
    let server =
        TestServer::start(engine_config(missing.path().join("nope").to_str().unwrap(), BackendChoice::Auto)).await;
    let mut client = server.client().await;
    let info = client.info(proto::InfoRequest {}).await.unwrap().into_inner();
    assert_eq!(info.backend, proto::Backend::Lexicon as i32);
    assert!(!info.fallback_reason.is_empty());
    assert!(info.weight_precision.is_empty(), "the lexicon has no weights to report");
    let response = client.classify(classify(&["谢谢你们"])).await.unwrap().into_inner();
    assert_eq!(response.results[0].backend, proto::Backend::Lexicon as i32);
    server.stop().await;

    let broken = tempfile::tempdir().unwrap();
    TinyBert::default().write(broken.path());
    let weights = broken.path().join("model.safetensors");
    let bytes = std::fs::read(&weights).unwrap();
    std::fs::write(&weights, &bytes[..bytes.len() / 2]).unwrap();
    let engine = Engine::start(&engine_config(broken.path().to_str().unwrap(), BackendChoice::Auto)).unwrap();
    let info = engine.info();
    assert_eq!(info.backend, gongqing::backend::BackendKind::Lexicon);
    assert!(info.fallback_reason.unwrap().contains("corrupt"));
    assert!(matches!(
        Engine::start(&engine_config(broken.path().to_str().unwrap(), BackendChoice::Model)),
        Err(EngineError::ModelRequired(_))
    ));
}

#[test]
fn unsupported_models_fall_back_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    TinyBert::default().write(dir.path());
    let config_path = dir.path().join("config.json");
    let mut config: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&config_path).unwrap()).unwrap();
    config["id2label"] = serde_json::json!({"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"});
    std::fs::write(&config_path, config.to_string()).unwrap();
    let engine = Engine::start(&engine_config(dir.path().to_str().unwrap(), BackendChoice::Auto)).unwrap();
    let reason = engine.info().fallback_reason.expect("fell back");
    assert!(reason.contains("not supported") && reason.contains("LABEL_0"), "{reason}");
}

#[tokio::test]
async fn health_serves_and_reflection_lists_the_service() {
    use tonic_health::pb::health_client::HealthClient;
    use tonic_health::pb::HealthCheckRequest;
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
    use tonic_reflection::pb::v1::ServerReflectionRequest;

    let server = TestServer::start(lexicon_config()).await;
    let channel = server.channel().await;
    let mut health = HealthClient::new(channel.clone());
    for service in ["", "gongqing.v1.Empathy"] {
        let status = health.check(HealthCheckRequest { service: service.into() }).await.unwrap().into_inner().status;
        assert_eq!(status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32, "{service:?}");
    }

    let mut reflection = ServerReflectionClient::new(channel);
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut stream = reflection.server_reflection_info(tokio_stream::iter(vec![request])).await.unwrap().into_inner();
    let response = stream.message().await.unwrap().expect("a reflection answer");
    let Some(MessageResponse::ListServicesResponse(list)) = response.message_response else {
        panic!("unexpected reflection answer");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    assert!(names.contains(&"gongqing.v1.Empathy".to_string()), "{names:?}");
    assert!(names.contains(&"grpc.health.v1.Health".to_string()), "{names:?}");
    server.stop().await;
}

#[tokio::test]
async fn analyze_conversation_reads_each_customer_turn_and_the_risk() {
    let server = TestServer::start(lexicon_config()).await;
    let mut client = server.client().await;
    let turn = |role: proto::Role, text: &str| proto::Turn { role: role as i32, text: text.into() };
    let calm = client
        .analyze_conversation(proto::AnalyzeConversationRequest {
            turns: vec![turn(proto::Role::Customer, "请问怎么修改收货地址？")],
        })
        .await
        .unwrap()
        .into_inner();
    let heated = client
        .analyze_conversation(proto::AnalyzeConversationRequest {
            turns: vec![
                turn(proto::Role::Customer, "退款到今天还没有到账？"),
                turn(proto::Role::Agent, "您好，我们会尽快处理，请耐心等待。"),
                turn(proto::Role::Customer, "我都联系你们三回了，钱还是没到，太气人了！"),
                turn(proto::Role::Agent, "请再等等。"),
                turn(proto::Role::Customer, "再不给我解决我就打12315投诉，还要发微博曝光你们！"),
            ],
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(heated.turns.iter().map(|t| t.index).collect::<Vec<_>>(), vec![0, 2, 4], "customer turns only");
    assert!(heated.turns.iter().all(|t| t.classification.is_some()));
    assert!(
        heated.escalation_risk > calm.escalation_risk + 0.5,
        "{} vs {}",
        heated.escalation_risk,
        calm.escalation_risk
    );
    assert!((0.0..=1.0).contains(&heated.escalation_risk));
    for reason in [
        proto::RiskReason::RegulatorThreat,
        proto::RiskReason::PublicComplaintThreat,
        proto::RiskReason::RepeatedContact,
    ] {
        assert!(heated.reasons.contains(&(reason as i32)), "{reason:?} missing: {:?}", heated.reasons);
    }
    assert_eq!(heated.next_move, proto::NextMove::EscalateToSupervisor as i32);
    assert!(!heated.suggestion.is_empty());
    assert_eq!(calm.next_move, proto::NextMove::Answer as i32);

    let empty = client.analyze_conversation(proto::AnalyzeConversationRequest { turns: vec![] }).await;
    assert_eq!(empty.unwrap_err().code(), Code::InvalidArgument);
    server.stop().await;
}

#[tokio::test]
async fn overload_ends_every_call_with_an_answer_or_resource_exhausted_and_the_server_recovers() {
    let config = EngineConfig {
        batch: gongqing::batch::BatchLimits { max_queued_requests: 2, max_batch_texts: 4, ..Default::default() },
        ..lexicon_config()
    };
    let backend = std::sync::Arc::new(common::SlowBackend { delay: std::time::Duration::from_millis(30) });
    let server = TestServer::start_on(backend, config).await;
    let channel = server.channel().await;
    let calls: Vec<_> = (0..60)
        .map(|i| {
            let mut client = gongqing::proto::empathy_client::EmpathyClient::new(channel.clone());
            let text = "等".repeat(i % 7 + 1);
            let mut request = tonic::Request::new(classify(&[&text, &text]));
            if i % 5 == 0 {
                request.set_timeout(std::time::Duration::from_millis(40));
            }
            tokio::spawn(async move { (text, client.classify(request).await) })
        })
        .collect();
    let (mut answered, mut refused) = (0, 0);
    for call in calls {
        let (text, outcome) = call.await.unwrap();
        match outcome {
            Ok(response) => {
                answered += 1;
                for result in response.into_inner().results {
                    assert_eq!(scores(&result), common::SlowBackend::expected(&text), "a correct answer under load");
                }
            }
            Err(status) => {
                assert!(
                    matches!(status.code(), Code::ResourceExhausted | Code::DeadlineExceeded | Code::Cancelled),
                    "unexpected {status:?}"
                );
                refused += 1;
            }
        }
    }
    assert_eq!(answered + refused, 60);
    assert!(answered > 0, "some calls are answered");
    assert!(refused > 0, "a queue of 2 cannot hold 60 concurrent calls");
    assert_eq!(server.engine.load().info().queued, 0, "the queue drains");
    // Back to normal afterwards.
    let mut client = server.client().await;
    let after = client.classify(classify(&["等等"])).await.unwrap().into_inner();
    assert_eq!(scores(&after.results[0]), common::SlowBackend::expected("等等"));
    server.stop().await;
}
