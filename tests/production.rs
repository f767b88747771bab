//! Production readiness: auth, TLS, metrics, graceful shutdown of the real binary, model reload and faults.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use common::{engine_config, sample, scrape, SlowBackend, TestServer, TinyBert};
use gongqing::auth::TokenStore;
use gongqing::engine::{BackendChoice, Engine, EngineConfig, EngineError};
use gongqing::proto::admin_client::AdminClient;
use gongqing::proto::empathy_client::EmpathyClient;
use gongqing::proto::{ClassifyRequest, ReloadModelRequest};
use gongqing::server::{ServeOptions, TlsFiles};
use tonic::metadata::MetadataValue;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};
use tonic::Code;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

fn classify(texts: &[&str]) -> ClassifyRequest {
    ClassifyRequest { texts: texts.iter().map(|t| t.to_string()).collect() }
}

fn with_token<T>(message: T, token: &str) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request
        .metadata_mut()
        .insert("authorization", MetadataValue::try_from(format!("Bearer {token}")).unwrap());
    request
}

async fn auth_server(dir: &Path) -> TestServer {
    let tokens = dir.join("tokens");
    std::fs::write(&tokens, "# test tokens\ns3cret-one\ns3cret-two\n").unwrap();
    let options = ServeOptions {
        auth: Some(TokenStore::load(&tokens).unwrap()),
        admin: Some(engine_config("unused", BackendChoice::Lexicon)),
        ..ServeOptions::default()
    };
    TestServer::start_with(engine_config("unused", BackendChoice::Lexicon), options).await
}

#[tokio::test]
async fn no_token_is_unauthenticated() {
    let dir = tempfile::tempdir().unwrap();
    let server = auth_server(dir.path()).await;
    let err = server.client().await.classify(classify(&["你好"])).await.unwrap_err();
    assert_eq!(err.code(), Code::Unauthenticated, "{err}");
    // The admin service is behind the same gate.
    let err = AdminClient::new(server.channel().await).reload_model(ReloadModelRequest {}).await.unwrap_err();
    assert_eq!(err.code(), Code::Unauthenticated, "{err}");
    server.stop().await;
}

#[tokio::test]
async fn wrong_token_is_unauthenticated() {
    let dir = tempfile::tempdir().unwrap();
    let server = auth_server(dir.path()).await;
    let mut client = server.client().await;
    for bad in ["s3cret-on", "s3cret-one2", "", "S3CRET-ONE"] {
        let err = client.classify(with_token(classify(&["你好"]), bad)).await.unwrap_err();
        assert_eq!(err.code(), Code::Unauthenticated, "token {bad:?}: {err}");
    }
    let mut raw = tonic::Request::new(classify(&["你好"]));
    raw.metadata_mut().insert("authorization", MetadataValue::from_static("s3cret-one"));
    assert_eq!(client.classify(raw).await.unwrap_err().code(), Code::Unauthenticated, "scheme is required");
    server.stop().await;
}

#[tokio::test]
async fn right_token_is_ok_and_reloads() {
    let dir = tempfile::tempdir().unwrap();
    let server = auth_server(dir.path()).await;
    let mut client = server.client().await;
    let answer = client.classify(with_token(classify(&["太差了"]), "s3cret-two")).await.unwrap();
    assert_eq!(answer.into_inner().results.len(), 1);
    let reload = AdminClient::new(server.channel().await)
        .reload_model(with_token(ReloadModelRequest {}, "s3cret-one"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(reload.backend, "lexicon");
    server.stop().await;
}

#[tokio::test]
async fn health_and_reflection_without_token_are_ok() {
    let dir = tempfile::tempdir().unwrap();
    let server = auth_server(dir.path()).await;
    let mut health = HealthClient::new(server.channel().await);
    let status = health.check(HealthCheckRequest { service: String::new() }).await.unwrap().into_inner();
    assert_eq!(status.status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);
    let status = health
        .check(HealthCheckRequest { service: "gongqing.v1.Empathy".into() })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(status.status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);
    server.stop().await;
}

#[test]
fn auth_reflection_can_be_closed() {
    assert!(gongqing::auth::is_open_path("/grpc.health.v1.Health/Check", false));
    assert!(gongqing::auth::is_open_path("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", true));
    assert!(!gongqing::auth::is_open_path("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", false));
    assert!(!gongqing::auth::is_open_path("/gongqing.v1.Empathy/Classify", true));
    assert!(!gongqing::auth::is_open_path("/gongqing.v1.Admin/ReloadModel", true));
}

/// CA, server leaf for `localhost` and client leaf, made with the openssl command line.
fn make_pki(dir: &Path) -> bool {
    let script = r#"
set -e
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=gongqing-test-ca \
  -keyout ca.key -out ca.pem 2>/dev/null
for who in server client; do
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=$who -keyout $who.key -out $who.csr 2>/dev/null
  printf 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth,clientAuth\n' > $who.ext
  openssl x509 -req -in $who.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile $who.ext -out $who.pem 2>/dev/null
done
"#;
    match std::process::Command::new("bash").arg("-c").arg(script).current_dir(dir).status() {
        Ok(s) if s.success() => true,
        _ => {
            eprintln!("openssl not usable here; TLS test skipped");
            false
        }
    }
}

async fn tls_channel(addr: std::net::SocketAddr, dir: &Path, client_cert: bool) -> Result<Channel, tonic::transport::Error> {
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
    let mut tls = ClientTlsConfig::new().ca_certificate(Certificate::from_pem(read("ca.pem"))).domain_name("localhost");
    if client_cert {
        tls = tls.identity(Identity::from_pem(read("client.pem"), read("client.key")));
    }
    Channel::from_shared(format!("https://{addr}")).unwrap().tls_config(tls)?.connect().await
}

#[tokio::test]
async fn tls_round_trip_and_mutual_tls() {
    let dir = tempfile::tempdir().unwrap();
    if !make_pki(dir.path()) {
        return;
    }
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    // Server-side TLS only, with the plaintext health port for probes.
    let health_port = free_port();
    let options = ServeOptions {
        tls: Some(TlsFiles { cert_pem: read("server.pem"), key_pem: read("server.key"), client_ca_pem: None }),
        health_addr: Some(format!("127.0.0.1:{health_port}").parse().unwrap()),
        ..ServeOptions::default()
    };
    let server = TestServer::start_with(engine_config("unused", BackendChoice::Lexicon), options).await;
    let channel = tls_channel(server.addr, dir.path(), false).await.expect("TLS handshake");
    let answer = EmpathyClient::new(channel).classify(classify(&["谢谢你们，非常满意"])).await.unwrap().into_inner();
    assert_eq!(answer.results.len(), 1);
    let plain_health = Channel::from_shared(format!("http://127.0.0.1:{health_port}")).unwrap().connect().await.unwrap();
    let status = HealthClient::new(plain_health)
        .check(HealthCheckRequest { service: "gongqing.v1.Empathy".into() })
        .await
        .expect("plaintext health port answers")
        .into_inner();
    assert_eq!(status.status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);
    // Plaintext against the TLS port fails.
    let plain = Channel::from_shared(format!("http://{}", server.addr)).unwrap().connect().await;
    if let Ok(plain) = plain {
        assert!(EmpathyClient::new(plain).classify(classify(&["你好"])).await.is_err());
    }
    server.stop().await;

    // Mutual TLS: a client certificate signed by the CA is required.
    let options = ServeOptions {
        tls: Some(TlsFiles {
            cert_pem: read("server.pem"),
            key_pem: read("server.key"),
            client_ca_pem: Some(read("ca.pem")),
        }),
        ..ServeOptions::default()
    };
    let server = TestServer::start_with(engine_config("unused", BackendChoice::Lexicon), options).await;
    let channel = tls_channel(server.addr, dir.path(), true).await.expect("mutual TLS handshake");
    EmpathyClient::new(channel).classify(classify(&["你好"])).await.expect("client with certificate is served");
    let anonymous = match tls_channel(server.addr, dir.path(), false).await {
        Ok(channel) => EmpathyClient::new(channel).classify(classify(&["你好"])).await.is_err(),
        Err(_) => true,
    };
    assert!(anonymous, "a client without a certificate must be refused");
    server.stop().await;
}


#[tokio::test]
async fn metrics_scrape_shows_counters_moving() {
    gongqing::metrics::install();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let metrics_addr = listener.local_addr().unwrap();
    tokio::spawn(gongqing::metrics::serve_http(listener));
    let server = TestServer::start(engine_config("unused", BackendChoice::Lexicon)).await;
    let ok = r#"gongqing_requests_total{rpc="/gongqing.v1.Empathy/Classify",code="OK"}"#;
    let bad = r#"gongqing_requests_total{rpc="/gongqing.v1.Empathy/Classify",code="INVALID_ARGUMENT"}"#;
    let latency = r#"gongqing_request_duration_seconds_count{rpc="/gongqing.v1.Empathy/Classify"}"#;
    let before = scrape(metrics_addr).await;
    let mut client = server.client().await;
    for _ in 0..3 {
        client.classify(classify(&["太差了", "谢谢"])).await.unwrap();
    }
    client.classify(classify(&[])).await.unwrap_err();
    let after = scrape(metrics_addr).await;
    assert!(sample(&after, ok) >= sample(&before, ok) + 3.0, "{after}");
    assert!(sample(&after, bad) >= sample(&before, bad) + 1.0, "{after}");
    assert!(sample(&after, latency) >= sample(&before, latency) + 4.0, "{after}");
    assert!(after.contains("gongqing_build_info{version="), "{after}");
    assert!(after.contains(r#"gongqing_backend_info{backend="lexicon"} 1"#), "{after}");
    assert!(after.contains("# TYPE gongqing_requests_total counter"));
    // The batcher's series show up too (tests/metrics.rs checks the queue gauge's value).
    assert!(sample(&after, "gongqing_batch_texts_count") >= 3.0, "{after}");
    assert!(after.contains("gongqing_queue_depth "), "{after}");
    server.stop().await;
}

/// A backend that panics on one text and answers the rest.
struct PanickyBackend;

impl gongqing::backend::Backend for PanickyBackend {
    fn kind(&self) -> gongqing::backend::BackendKind {
        gongqing::backend::BackendKind::Model
    }
    fn describe(&self) -> gongqing::backend::BackendDescription {
        gongqing::backend::BackendDescription { summary: "panicky test backend".into(), ..Default::default() }
    }
    fn prepare(&self, texts: &[&str]) -> Result<Vec<gongqing::backend::Prepared>, gongqing::backend::BackendError> {
        SlowBackend { delay: Duration::ZERO }.prepare(texts)
    }
    fn predict(
        &self,
        items: &[&gongqing::backend::Prepared],
    ) -> Result<Vec<gongqing::backend::Prediction>, gongqing::backend::BackendError> {
        if items.iter().any(|i| i.text.contains("爆炸")) {
            panic!("injected fault inside inference");
        }
        SlowBackend { delay: Duration::ZERO }.predict(items)
    }
}

#[tokio::test]
async fn panic_inside_inference_fails_one_call_and_the_server_keeps_serving() {
    let server = TestServer::start_on(Arc::new(PanickyBackend), engine_config("unused", BackendChoice::Auto)).await;
    let mut client = server.client().await;
    for _ in 0..3 {
        let err = client.classify(classify(&["爆炸"])).await.unwrap_err();
        assert!(matches!(err.code(), Code::Internal | Code::Unavailable), "{err}");
        let ok = client.classify(classify(&["你好", "谢谢"])).await.expect("later calls are served");
        assert_eq!(ok.into_inner().results.len(), 2);
    }
    let mut health = HealthClient::new(server.channel().await);
    let status = health.check(HealthCheckRequest { service: String::new() }).await.unwrap().into_inner();
    assert_eq!(status.status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);
    server.stop().await;
}

#[tokio::test]
async fn client_disconnecting_mid_request_does_not_hurt_others() {
    let backend = Arc::new(SlowBackend { delay: Duration::from_millis(300) });
    let server = TestServer::start_on(backend, engine_config("unused", BackendChoice::Auto)).await;
    // Several clients give up while their texts are queued or being scored.
    for _ in 0..4 {
        let mut client = server.client().await;
        let gave_up = tokio::time::timeout(Duration::from_millis(50), client.classify(classify(&["等着急", "你好"]))).await;
        assert!(gave_up.is_err(), "the slow backend should not answer within 50 ms");
    }
    // A patient client is still answered, and correctly.
    let mut client = server.client().await;
    let answer = client.classify(classify(&["谢谢你们"])).await.unwrap().into_inner();
    assert_eq!(answer.results.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn calls_without_a_deadline_get_the_default_one() {
    let backend = Arc::new(SlowBackend { delay: Duration::from_millis(1500) });
    let engine = gongqing::engine::shared(Engine::with_backend(backend, &engine_config("unused", BackendChoice::Auto)).unwrap());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let options = ServeOptions { default_timeout: Some(Duration::from_millis(200)), ..ServeOptions::default() };
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(gongqing::server::serve(engine, listener, options, async {
        let _ = rx.await;
    }));
    let channel = Channel::from_shared(format!("http://{addr}")).unwrap().connect().await.unwrap();
    let started = std::time::Instant::now();
    let err = EmpathyClient::new(channel).classify(classify(&["你好"])).await.unwrap_err();
    assert!(matches!(err.code(), Code::DeadlineExceeded | Code::Cancelled), "{err}");
    assert!(started.elapsed() < Duration::from_millis(1200), "answered after {:?}", started.elapsed());
    let _ = tx.send(());
    handle.await.unwrap().unwrap();
}

fn tiny_model(dir: &Path) -> EngineConfig {
    TinyBert::default().write(dir);
    engine_config(dir.to_str().unwrap(), BackendChoice::Model)
}

fn safetensors(dir: &Path) -> std::path::PathBuf {
    dir.join("model.safetensors")
}

#[tokio::test]
async fn reload_of_a_corrupt_truncated_or_mismatched_model_is_refused_and_the_old_one_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let config = tiny_model(dir.path());
    let options = ServeOptions { admin: Some(config.clone()), ..ServeOptions::default() };
    let server = TestServer::start_with(config, options).await;
    let mut admin = AdminClient::new(server.channel().await);
    let mut client = server.client().await;
    let model = gongqing::proto::Backend::Model as i32;

    // A good reload swaps in a fresh engine.
    let reloaded = admin.reload_model(ReloadModelRequest {}).await.unwrap().into_inner();
    assert_eq!(reloaded.backend, "model");

    let good = std::fs::read(safetensors(dir.path())).unwrap();
    let config_json = std::fs::read(dir.path().join("config.json")).unwrap();
    type Fault<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let faults: Vec<Fault> = vec![
        ("truncated", Box::new(|| std::fs::write(safetensors(dir.path()), &good[..good.len() / 2]).unwrap())),
        ("corrupt", Box::new(|| std::fs::write(safetensors(dir.path()), vec![0x5a_u8; 4096]).unwrap())),
        (
            "mismatched",
            Box::new(|| {
                let mut cfg: serde_json::Value = serde_json::from_slice(&config_json).unwrap();
                cfg["hidden_size"] = serde_json::json!(48);
                std::fs::write(dir.path().join("config.json"), serde_json::to_vec(&cfg).unwrap()).unwrap();
            }),
        ),
    ];
    for (name, break_it) in faults {
        break_it();
        let err = admin.reload_model(ReloadModelRequest {}).await.unwrap_err();
        assert_eq!(err.code(), Code::FailedPrecondition, "{name}: {err}");
        let answer = client.classify(classify(&["快递太慢了"])).await.unwrap().into_inner();
        assert_eq!(answer.backend, model, "{name}: the old model keeps serving");
        std::fs::write(safetensors(dir.path()), &good).unwrap();
        std::fs::write(dir.path().join("config.json"), &config_json).unwrap();
    }
    server.stop().await;
}

#[test]
fn a_corrupt_model_at_start_falls_back_to_the_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = tiny_model(dir.path());
    std::fs::write(safetensors(dir.path()), b"not a safetensors file").unwrap();
    config.backend = BackendChoice::Auto;
    let engine = Engine::start(&config).expect("auto falls back");
    assert_eq!(engine.info().backend, gongqing::backend::BackendKind::Lexicon);
    assert!(engine.info().fallback_reason.is_some());
    config.backend = BackendChoice::Model;
    assert!(matches!(Engine::start(&config), Err(EngineError::ModelRequired(_))));
}

#[test]
fn an_unreadable_lexicon_dir_is_a_clear_start_up_error() {
    let missing = std::env::temp_dir().join("gongqing-no-such-lexicon-dir");
    let config = EngineConfig { lexicon_dir: Some(missing.clone()), ..engine_config("unused", BackendChoice::Lexicon) };
    match Engine::start(&config) {
        Err(e @ EngineError::Lexicon(_)) => {
            let message = e.to_string();
            assert!(message.contains("lexicon"), "{message}");
        }
        Err(e) => panic!("unexpected error: {e}"),
        Ok(_) => panic!("a missing lexicon folder must not start silently"),
    }
    // The binary says so and exits non-zero.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gongqing"))
        .args(["serve", "--backend", "lexicon", "--addr", "127.0.0.1:0", "--lexicon"])
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("lexicon"), "{stderr}");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_during_load_loses_no_accepted_request() {
    let port = free_port();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gongqing"))
        .args(["serve", "--backend", "lexicon", "--shutdown-grace", "10s", "--addr"])
        .arg(format!("127.0.0.1:{port}"))
        .env("GONGQING_LOG", "warn,gongqing::server=debug")
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let log = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).unwrap();
        text
    });
    let url = format!("http://127.0.0.1:{port}");
    let mut channel = None;
    for _ in 0..200 {
        if let Ok(c) = Channel::from_shared(url.clone()).unwrap().connect().await {
            channel = Some(c);
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let channel = channel.expect("server came up");
    let texts: Vec<String> = (0..128).map(|i| format!("第{i}次问了，快递怎么还没到？太让人失望了，不过客服态度还可以")).collect();
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let mut client = EmpathyClient::new(channel.clone());
        let texts = texts.clone();
        tasks.push(tokio::spawn(async move {
            let mut outcomes = Vec::new();
            loop {
                match client.classify(ClassifyRequest { texts: texts.clone() }).await {
                    Ok(answer) => {
                        assert_eq!(answer.into_inner().results.len(), texts.len());
                        outcomes.push(Code::Ok);
                    }
                    Err(status) => {
                        // A stream opened after the server's GOAWAY (NO_ERROR) was never accepted; h2 reports
                        // it as a protocol error, which tonic maps to INTERNAL.
                        let refused = format!("{status:?}").contains("GoAway");
                        outcomes.push(if refused { Code::Unavailable } else { status.code() });
                        return outcomes;
                    }
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(700)).await;
    let pid = child.id() as i32;
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let mut status = None;
    for _ in 0..400 {
        if let Some(s) = child.try_wait().unwrap() {
            status = Some(s);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let Some(status) = status else {
        let _ = child.kill();
        panic!("the server did not exit within 20 s of SIGTERM");
    };
    assert!(status.success(), "exit status {status:?}");
    // What the server saw: every call it accepted is logged once when it finished, with its code, or as
    // cancelled if it was dropped unfinished.
    let log = log.join().unwrap();
    let server_ok = log.lines().filter(|l| l.contains("Classify") && l.contains("code=\"OK\"")).count();
    assert!(!log.contains("cancelled"), "the server dropped an accepted call:\n{log}");
    assert!(!log.contains("grace period over"), "{log}");
    let mut ok = 0;
    for task in tasks {
        let outcomes = tokio::time::timeout(Duration::from_secs(10), task).await.unwrap().unwrap();
        for code in outcomes {
            match code {
                Code::Ok => ok += 1,
                // Never accepted: a new stream refused after GOAWAY, or a call still queued in the client
                // when the connection closed.
                Code::Unavailable | Code::Cancelled => {}
                other => panic!("a call ended with {other:?}"),
            }
        }
    }
    assert!(ok > 16, "load was running when SIGTERM came ({ok} answered)");
    assert_eq!(ok, server_ok, "every call the server answered OK reached its client");
}

/// Writes `pair_head.json` into `dir`: a head whose log-odds are `margin` higher for the embedding `up` than for
/// `down`, centred between them.
fn write_pair_head(dir: &Path, up: &[f32], down: &[f32], margin: f32) {
    let d: Vec<f32> = up.iter().zip(down).map(|(a, b)| a - b).collect();
    let norm2: f32 = d.iter().map(|x| x * x).sum();
    assert!(norm2 > 0.0, "the two pair texts must read differently");
    let weight: Vec<f32> = d.iter().map(|x| x * margin / norm2).collect();
    let middle: f32 = weight.iter().zip(up.iter().zip(down)).map(|(w, (a, b))| w * (a + b) / 2.0).sum();
    let head = serde_json::json!({"hidden": weight.len(), "weight": weight, "bias": -middle});
    std::fs::write(dir.join("pair_head.json"), head.to_string()).unwrap();
}

#[test]
fn a_pair_head_in_the_model_folder_rescores_candidates_and_a_broken_one_is_a_load_error() {
    use gongqing::fitting::rank::pair_text;
    let dir = tempfile::tempdir().unwrap();
    let config = tiny_model(dir.path());
    let customer = "我的快递怎么还没到";
    let candidates = ["非常感谢你们", "请问订单号码"];

    let plain = Engine::start(&config).unwrap();
    assert!(plain.info().description.summary.contains("pair_head=false"), "{}", plain.info().description.summary);
    let before = plain.rank_blocking(customer, &[], &candidates).unwrap();
    let (first, last) = (before.ranked[0].index, before.ranked[1].index);
    let pairs = [pair_text(customer, &[], candidates[last]), pair_text(customer, &[], candidates[first])];
    let read = plain.encode_blocking(&pairs).unwrap();
    assert!(read.iter().all(|p| p.pair_logit.is_none()), "no head, no pair log-odds");

    // A head that favours the candidate the rules put last lifts it to the top, through the real loader, batcher
    // and ranker: the pair texts are encoded with the request.
    write_pair_head(dir.path(), &read[0].embedding, &read[1].embedding, 60.0);
    let with_head = Engine::start(&config).unwrap();
    assert!(with_head.info().description.summary.contains("pair_head=true"), "{}", with_head.info().description.summary);
    let logits: Vec<f32> = with_head.encode_blocking(&pairs).unwrap().iter().map(|p| p.pair_logit.unwrap()).collect();
    assert!((logits[0] - logits[1] - 60.0).abs() < 0.5, "{logits:?}");
    let after = with_head.rank_blocking(customer, &[], &candidates).unwrap();
    assert_eq!(after.ranked[0].index, last, "{:?}", after.ranked);
    assert!(after.ranked[0].score > 0.99 && after.ranked[1].score < 0.01, "{:?}", after.ranked);
    // Components and faults come from the rules alone, with or without the head.
    for judged in &after.ranked {
        let same = before.ranked.iter().find(|b| b.index == judged.index).unwrap();
        assert_eq!(judged.components, same.components);
        assert_eq!(judged.faults, same.faults);
    }

    // A head for another hidden size is a load error naming the file, and `auto` says why it fell back.
    std::fs::write(dir.path().join("pair_head.json"), r#"{"hidden": 3, "weight": [1, 2, 3], "bias": 0}"#).unwrap();
    let err = Engine::start(&config).err().expect("a mismatched pair head must not load").to_string();
    assert!(err.contains("pair_head.json") && err.contains("hidden size"), "{err}");
    let auto = Engine::start(&EngineConfig { backend: BackendChoice::Auto, ..config.clone() }).unwrap();
    assert!(auto.info().fallback_reason.unwrap_or_default().contains("pair_head.json"));
}
