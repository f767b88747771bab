//! MonitorConversation end to end: the real server on port 0, the generated client, the lexicon backend.
//! The tests share the process-wide metrics, so they run one at a time.

mod common;

use std::time::Duration;

use common::{engine_config, TestServer};
use gongqing::engine::{BackendChoice, EngineConfig};
use gongqing::monitor::MonitorLimits;
use gongqing::proto::{self, empathy_client::EmpathyClient, MonitorRequest, MonitorUpdate};
use gongqing::server::ServeOptions;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::Channel;
use tonic::Code;

static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn lexicon() -> EngineConfig {
    engine_config("unused", BackendChoice::Lexicon)
}

fn turn(role: proto::Role, text: &str) -> proto::Turn {
    proto::Turn { role: role as i32, text: text.into() }
}

fn customer(text: &str) -> proto::Turn {
    turn(proto::Role::Customer, text)
}

fn agent(text: &str) -> proto::Turn {
    turn(proto::Role::Agent, text)
}

/// Written for these tests: a customer let down twice who ends with a threat to go to a regulator.
fn escalating() -> Vec<proto::Turn> {
    vec![
        customer("我的洗衣机坏了，报修五天了还没人上门，太气人了！"),
        agent("您好，请再等一等，谢谢配合。"),
        customer("说好的昨天上门，结果又没人来，这已经是第三次了！"),
        agent("这是网点的问题，我们也没办法。"),
        customer("再不派人来我就打12315投诉你们，还要发微博！"),
        agent("请您再等等。"),
        customer("等什么等，我现在就去投诉，叫你们主管来！"),
    ]
}

/// Written for these tests: a customer asking after a refund, answered concretely, who ends content.
fn calming() -> Vec<proto::Turn> {
    vec![
        customer("你好，我想问一下退款进度，前天申请的"),
        agent("您好，我查到退款已经审核通过，今天18点前会退回原账户，到账后我再发消息告诉您，可以吗？"),
        customer("好的，谢谢你，这样我就放心了"),
        agent("不客气，有任何问题随时找我。"),
        customer("收到了，已经到账了，谢谢！"),
    ]
}

/// Streams still open when a test ends would hold the server's graceful shutdown for the whole grace period.
const GRACE: Duration = Duration::from_millis(300);

async fn server(limits: MonitorLimits) -> TestServer {
    TestServer::start_with(lexicon(), ServeOptions { monitor: limits, shutdown_grace: GRACE, ..ServeOptions::default() })
        .await
}

struct Stream {
    tx: mpsc::Sender<MonitorRequest>,
    rx: tonic::Streaming<MonitorUpdate>,
}

async fn open(client: &mut EmpathyClient<Channel>) -> Stream {
    let (tx, requests) = mpsc::channel(64);
    let rx = client.monitor_conversation(ReceiverStream::new(requests)).await.expect("stream opens").into_inner();
    Stream { tx, rx }
}

impl Stream {
    async fn send(&self, id: &str, turn: Option<proto::Turn>) {
        self.tx.send(MonitorRequest { conversation_id: id.into(), turn }).await.expect("stream open");
    }

    async fn next(&mut self) -> Result<MonitorUpdate, tonic::Status> {
        match tokio::time::timeout(Duration::from_secs(20), self.rx.message()).await.expect("an answer in time") {
            Ok(Some(update)) => Ok(update),
            Ok(None) => Err(tonic::Status::unknown("stream ended without a status")),
            Err(status) => Err(status),
        }
    }

    /// Sends one turn and waits for its update.
    async fn turn(&mut self, id: &str, turn: proto::Turn) -> MonitorUpdate {
        self.send(id, Some(turn)).await;
        self.next().await.expect("an update")
    }
}

async fn unary_risk(client: &mut EmpathyClient<Channel>, turns: &[proto::Turn]) -> f32 {
    client
        .analyze_conversation(proto::AnalyzeConversationRequest { turns: turns.to_vec() })
        .await
        .expect("unary call")
        .into_inner()
        .escalation_risk
}

#[tokio::test]
async fn interleaved_conversations_get_their_own_updates_in_order_and_match_the_unary_call() {
    let _serial = SERIAL.lock().await;
    let server = server(MonitorLimits::default()).await;
    let mut client = server.client().await;
    let (a, b) = (escalating(), calming());

    // Everything is sent before anything is read: updates still come back one per turn, in order.
    let mut stream = open(&mut client).await;
    let mut sent = Vec::new();
    for i in 0..a.len().max(b.len()) {
        for (id, turns) in [("a", &a), ("b", &b)] {
            if let Some(t) = turns.get(i) {
                stream.send(id, Some(t.clone())).await;
                sent.push((id, i));
            }
        }
    }
    let mut updates = Vec::new();
    for _ in &sent {
        updates.push(stream.next().await.expect("an update"));
    }
    let received: Vec<(&str, usize)> =
        updates.iter().map(|u| (if u.conversation_id == "a" { "a" } else { "b" }, u.turn_index as usize)).collect();
    assert_eq!(received, sent, "one update per turn, in the order sent");

    // Customer turns carry their reading, agent turns their review.
    for (u, (id, i)) in updates.iter().zip(&sent) {
        let t = if *id == "a" { &a[*i] } else { &b[*i] };
        let is_customer = t.role == proto::Role::Customer as i32;
        assert_eq!(u.reading.is_some(), is_customer, "{id}#{i}");
        assert_eq!(u.agent_review.is_some(), !is_customer, "{id}#{i}");
        assert!((0.0..=1.0).contains(&u.escalation_risk));
    }

    // No mixing: each conversation's updates equal those of a stream that carried it alone, and the last one
    // equals the unary call on the same turns.
    for (id, turns) in [("a", &a), ("b", &b)] {
        let mut alone = open(&mut client).await;
        let mut risks = Vec::new();
        for t in turns {
            risks.push(alone.turn("solo", t.clone()).await.escalation_risk);
        }
        let shared: Vec<f32> = updates.iter().filter(|u| u.conversation_id == id).map(|u| u.escalation_risk).collect();
        assert_eq!(shared, risks, "conversation {id}");
        let unary = unary_risk(&mut client, turns).await;
        assert!((unary - risks[risks.len() - 1]).abs() < 1e-6, "{id}: unary {unary} vs stream {risks:?}");
    }
    let last_a = updates.iter().rfind(|u| u.conversation_id == "a").unwrap().escalation_risk;
    let last_b = updates.iter().rfind(|u| u.conversation_id == "b").unwrap().escalation_risk;
    assert!(last_a > last_b + 0.3, "{last_a} vs {last_b}");
    server.stop().await;
}

#[tokio::test]
async fn the_alert_fires_once_on_an_escalating_conversation_and_never_on_a_calming_one() {
    let _serial = SERIAL.lock().await;
    gongqing::metrics::install();
    let server = server(MonitorLimits::default()).await;
    let mut client = server.client().await;
    let mut stream = open(&mut client).await;
    let (_, alerts_before) = gongqing::metrics::monitor_values();
    let mut escalating_updates = Vec::new();
    for t in escalating() {
        escalating_updates.push(stream.turn("hot", t).await);
    }
    let mut calming_updates = Vec::new();
    for t in calming() {
        calming_updates.push(stream.turn("cool", t).await);
    }
    let risks: Vec<f32> = escalating_updates.iter().map(|u| u.escalation_risk).collect();
    assert_eq!(escalating_updates.iter().filter(|u| u.alert).count(), 1, "exactly one alert: {risks:?}");
    let first = escalating_updates.iter().position(|u| u.alert).unwrap();
    assert!(risks[first] >= 0.6 && risks[..first].iter().all(|r| *r < 0.6), "{risks:?}");
    assert!(risks[first..].iter().filter(|r| **r >= 0.6).count() >= 2, "stays high without alerting again: {risks:?}");
    let last = escalating_updates.last().unwrap();
    assert!(!last.reasons.is_empty() && !last.suggestion.is_empty());
    let calm: Vec<f32> = calming_updates.iter().map(|u| u.escalation_risk).collect();
    assert!(calming_updates.iter().all(|u| !u.alert), "{calm:?}");
    assert!(calm.iter().all(|r| *r < 0.6), "{calm:?}");
    let (_, alerts_after) = gongqing::metrics::monitor_values();
    assert_eq!(alerts_after - alerts_before, 1);
    assert!(gongqing::metrics::render().contains("gongqing_alerts_total"));
    server.stop().await;
}

#[tokio::test]
async fn alerts_follow_the_documented_hysteresis_rule_on_a_long_conversation() {
    let _serial = SERIAL.lock().await;
    let server = server(MonitorLimits::default()).await;
    let mut client = server.client().await;
    let mut stream = open(&mut client).await;
    let mut turns = escalating();
    turns.extend(calming().into_iter().skip(1));
    turns.extend(escalating().into_iter().skip(2));
    let mut updates = Vec::new();
    for t in turns {
        updates.push(stream.turn("wave", t).await);
    }
    // Replay the documented rule on the risks the server sent: alert when reaching 0.6 while armed; re-arm
    // below 0.45.
    let mut armed = true;
    let mut expected = Vec::new();
    for u in &updates {
        let alert = armed && u.escalation_risk >= 0.6;
        if alert {
            armed = false;
        } else if !armed && u.escalation_risk < 0.45 {
            armed = true;
        }
        expected.push(alert);
    }
    let got: Vec<bool> = updates.iter().map(|u| u.alert).collect();
    assert_eq!(got, expected, "risks {:?}", updates.iter().map(|u| u.escalation_risk).collect::<Vec<_>>());
    assert!(got.iter().any(|a| *a));
    server.stop().await;
}

#[tokio::test]
async fn limits_are_enforced_with_clear_statuses() {
    let _serial = SERIAL.lock().await;
    let limits = MonitorLimits { max_conversations: 2, max_turns: 3, ..MonitorLimits::default() };
    let server = server(limits).await;
    let mut client = server.client().await;

    // A third conversation on one stream is refused; ending one frees its slot first.
    let mut stream = open(&mut client).await;
    stream.turn("one", customer("你好")).await;
    stream.turn("two", customer("你好")).await;
    stream.send("one", None).await;
    let three = stream.turn("three", customer("你好")).await;
    assert_eq!(three.turn_index, 0);
    stream.send("four", Some(customer("你好"))).await;
    let refused = stream.next().await.unwrap_err();
    assert_eq!(refused.code(), Code::ResourceExhausted);
    assert!(refused.message().contains("max_conversations_per_stream"), "{}", refused.message());

    // Turns beyond the window are still answered, numbered from the start of the conversation.
    let mut stream = open(&mut client).await;
    let mut indices = Vec::new();
    for t in escalating() {
        indices.push(stream.turn("long", t).await.turn_index);
    }
    assert_eq!(indices, (0..escalating().len() as u32).collect::<Vec<_>>());

    // Bad requests end the stream with INVALID_ARGUMENT naming the field.
    for (id, turn, field) in [
        ("", Some(customer("你好")), "conversation_id"),
        (&*"x".repeat(200), Some(customer("你好")), "conversation_id"),
        ("bad-role", Some(proto::Turn { role: 0, text: "你好".into() }), "role"),
        ("too-long", Some(customer(&"长".repeat(10_000))), "turn.text"),
    ] {
        let mut stream = open(&mut client).await;
        stream.send(id, turn).await;
        let status = stream.next().await.unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{field}: {status:?}");
        assert!(status.message().contains(field), "{field}: {}", status.message());
    }
    // The server still answers.
    let mut stream = open(&mut client).await;
    stream.turn("after", customer("你好")).await;
    server.stop().await;
}

#[tokio::test]
async fn idle_conversations_are_forgotten_streams_outlive_the_call_deadline_and_a_disconnect_frees_the_state() {
    let _serial = SERIAL.lock().await;
    gongqing::metrics::install();
    let limits = MonitorLimits { idle_timeout: Duration::from_millis(300), ..MonitorLimits::default() };
    // A default call deadline shorter than the stream's life: a stream is long-lived and must outlast it.
    let options = ServeOptions {
        monitor: limits,
        default_timeout: Some(Duration::from_millis(200)),
        shutdown_grace: GRACE,
        ..ServeOptions::default()
    };
    let server = TestServer::start_with(lexicon(), options).await;
    let mut client = server.client().await;
    let (active_before, _) = gongqing::metrics::monitor_values();

    let mut stream = open(&mut client).await;
    assert_eq!(stream.turn("idle", customer("你好")).await.turn_index, 0);
    assert_eq!(stream.turn("idle", agent("您好，请讲")).await.turn_index, 1);
    stream.turn("busy", customer("你好")).await;
    assert_eq!(gongqing::metrics::monitor_values().0 - active_before, 2);
    tokio::time::sleep(Duration::from_millis(400)).await;
    // "busy" speaks after the timeout: "idle" is evicted, and "busy" itself starts afresh too.
    assert_eq!(stream.turn("busy", customer("还在吗")).await.turn_index, 0);
    assert_eq!(gongqing::metrics::monitor_values().0 - active_before, 1);
    assert_eq!(stream.turn("idle", customer("我回来了")).await.turn_index, 0, "state was forgotten");
    assert_eq!(gongqing::metrics::monitor_values().0 - active_before, 2);

    // The client goes away without ending its conversations: the server drops them.
    drop(stream);
    let mut freed = false;
    for _ in 0..100 {
        if gongqing::metrics::monitor_values().0 == active_before {
            freed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(freed, "active conversations {} (before {active_before})", gongqing::metrics::monitor_values().0);
    assert!(gongqing::metrics::render().contains("gongqing_active_conversations"));
    server.stop().await;
}
