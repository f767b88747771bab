//! What the evaluator talks to: a running server over gRPC, or the server's own handlers in-process.
//! Both answer with the protobuf messages, so everything downstream (metrics, reports) is one code path.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint};
use tonic::{Request, Status};

use crate::api::EmpathyService;
use crate::engine::Engine;
use crate::proto;
use crate::proto::empathy_client::EmpathyClient;
use crate::proto::empathy_server::Empathy;

/// A service under evaluation.
#[tonic::async_trait]
pub trait Target: Send + Sync {
    /// `"remote"` or `"inprocess"`.
    fn kind(&self) -> &'static str;
    /// The URL, or `inprocess`.
    fn address(&self) -> String;
    async fn info(&self) -> Result<proto::InfoResponse, Status>;
    async fn classify(&self, texts: Vec<String>) -> Result<proto::ClassifyResponse, Status>;
    async fn rank(&self, request: proto::RankRepliesRequest) -> Result<proto::RankRepliesResponse, Status>;
}

/// TLS settings for `https://` targets.
#[derive(Debug, Clone, Default)]
pub struct TlsOptions {
    /// PEM file of the CA that signed the server's certificate (default: the webpki roots).
    pub ca: Option<PathBuf>,
    /// Name to check the certificate against (default: the URL's host).
    pub domain: Option<String>,
}

/// A server reached over the network.
pub struct Remote {
    url: String,
    client: EmpathyClient<Channel>,
}

impl Remote {
    /// Connects to `url` (`http://HOST:PORT`, or `https://` for TLS). A per-request `timeout` applies when given.
    pub async fn connect(url: &str, tls: &TlsOptions, timeout: Option<Duration>) -> anyhow::Result<Remote> {
        let mut endpoint = Endpoint::from_shared(url.to_string())
            .with_context(|| format!("{url:?} is not a URL like http://127.0.0.1:50051"))?
            .connect_timeout(Duration::from_secs(10))
            .tcp_nodelay(true);
        if let Some(timeout) = timeout {
            endpoint = endpoint.timeout(timeout);
        }
        if url.starts_with("https://") || tls.ca.is_some() {
            let mut config = ClientTlsConfig::new().with_webpki_roots();
            if let Some(ca) = &tls.ca {
                let pem = std::fs::read(ca).with_context(|| format!("reading CA certificate {}", ca.display()))?;
                config = config.ca_certificate(Certificate::from_pem(pem));
            }
            if let Some(domain) = &tls.domain {
                config = config.domain_name(domain.clone());
            }
            endpoint = endpoint.tls_config(config).context("TLS configuration")?;
        }
        let channel = endpoint.connect().await.with_context(|| format!("cannot connect to {url}"))?;
        let client = EmpathyClient::new(channel).max_decoding_message_size(64 * 1024 * 1024);
        Ok(Remote { url: url.to_string(), client })
    }
}

#[tonic::async_trait]
impl Target for Remote {
    fn kind(&self) -> &'static str {
        "remote"
    }

    fn address(&self) -> String {
        self.url.clone()
    }

    async fn info(&self) -> Result<proto::InfoResponse, Status> {
        Ok(self.client.clone().info(proto::InfoRequest {}).await?.into_inner())
    }

    async fn classify(&self, texts: Vec<String>) -> Result<proto::ClassifyResponse, Status> {
        Ok(self.client.clone().classify(proto::ClassifyRequest { texts }).await?.into_inner())
    }

    async fn rank(&self, request: proto::RankRepliesRequest) -> Result<proto::RankRepliesResponse, Status> {
        Ok(self.client.clone().rank_replies(request).await?.into_inner())
    }
}

/// The server's own request handlers (`EmpathyService`: validation, batching, conversions) called
/// directly, without a network in between.
pub struct InProcess {
    service: EmpathyService,
}

impl InProcess {
    pub fn new(engine: Engine) -> InProcess {
        InProcess { service: EmpathyService::new(crate::engine::shared(engine)) }
    }
}

#[tonic::async_trait]
impl Target for InProcess {
    fn kind(&self) -> &'static str {
        "inprocess"
    }

    fn address(&self) -> String {
        "inprocess".into()
    }

    async fn info(&self) -> Result<proto::InfoResponse, Status> {
        Ok(self.service.info(Request::new(proto::InfoRequest {})).await?.into_inner())
    }

    async fn classify(&self, texts: Vec<String>) -> Result<proto::ClassifyResponse, Status> {
        Ok(self.service.classify(Request::new(proto::ClassifyRequest { texts })).await?.into_inner())
    }

    async fn rank(&self, request: proto::RankRepliesRequest) -> Result<proto::RankRepliesResponse, Status> {
        Ok(self.service.rank_replies(Request::new(request)).await?.into_inner())
    }
}
