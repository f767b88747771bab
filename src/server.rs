//! Assembles the tonic server: the Empathy service, standard gRPC health and server reflection.
//! `serve` takes a bound listener, so tests can use port 0 and the CLI a fixed address.

use std::future::Future;

use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;

use crate::api::EmpathyService;
use crate::engine::SharedEngine;
use crate::proto;
use crate::proto::empathy_server::EmpathyServer;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Largest request message accepted, in bytes.
    pub max_message_bytes: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self { max_message_bytes: 4 * 1024 * 1024 }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("reflection setup failed: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    #[error("transport failed: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// Serves until `shutdown` resolves. Health reports SERVING from the start because the engine is ready
/// (a backend was loaded) before this is called, and NOT_SERVING once shutdown begins.
pub async fn serve(
    engine: SharedEngine,
    listener: TcpListener,
    options: ServeOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let (health, health_service) = tonic_health::server::health_reporter();
    health.set_serving::<EmpathyServer<EmpathyService>>().await;
    health.set_service_status("", tonic_health::ServingStatus::Serving).await;

    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let reflection_alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?;

    let service = EmpathyServer::new(EmpathyService::new(engine))
    .max_decoding_message_size(options.max_message_bytes);

    let going_down = {
        let health = health.clone();
        async move {
            shutdown.await;
            health.set_not_serving::<EmpathyServer<EmpathyService>>().await;
            health.set_service_status("", tonic_health::ServingStatus::NotServing).await;
        }
    };

    tonic::transport::Server::builder()
        .add_service(health_service)
        .add_service(reflection)
        .add_service(reflection_alpha)
        .add_service(service)
        .serve_with_incoming_shutdown(TcpListenerStream::new(listener), going_down)
        .await?;
    Ok(())
}
