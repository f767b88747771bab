//! gongqing (共情): reads how a Chinese-speaking customer feels and ranks candidate agent replies by empathy.
//! Data flows one way: request (`api`) → engine → backend (`backend`) → judge (`judge`) → response.

pub mod admin;
pub mod allocator;
pub mod api;
pub mod auth;
pub mod backend;
pub mod batch;
pub mod engine;
pub mod eval;
pub mod failure;
pub mod judge;
pub mod labels;
pub mod lexicon;
pub mod metrics;
pub mod monitor;
pub mod server;
pub mod stages;

/// Code generated from `proto/gongqing/v1/empathy.proto`.
pub mod proto {
    tonic::include_proto!("gongqing.v1");

    /// Encoded descriptors for server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("gongqing_descriptor");
}
