//! gongqing (共情): reads how a Chinese-speaking customer feels and ranks candidate agent replies by empathy.
//!
//! Data flows one way: transport (`server`, the gRPC handlers) → [`engine`] (validation, tokenization) →
//! [`batch`] (queue, batches) → [`backend`] (the model or the lexicon) → judge (emotion, ranking,
//! conversation risk) → response. `docs/architecture.md` follows one request through the files.
//!
//! What a user of the crate gets:
//! - [`engine::Engine`] with [`engine::EngineConfig`]: classify, rank and read conversations in-process, with
//!   the time each stage took ([`stages::StageTimes`]);
//! - [`server::serve`] with [`server::ServeOptions`]: the gRPC service on a listener, with [`auth`],
//!   [`admin`] (model reload), [`metrics`] (Prometheus) and [`monitor`] (stream limits);
//! - [`backend::Backend`]: the trait a custom backend implements, with its input and output types;
//! - [`judge`]'s result types and [`labels`]: what the engine answers, in the product's vocabulary;
//! - [`proto`]: the generated gRPC types and clients; [`eval`]: the `gongqing eval` benchmarks;
//! - [`fitting`]: what the fitting programs in `examples/` need.
//!
//! The kernels, the word-list readers and the scoring internals are private to the crate.

pub mod admin;
pub mod allocator;
pub(crate) mod api;
pub mod auth;
pub mod backend;
pub mod batch;
pub mod engine;
pub mod eval;
pub(crate) mod failure;
pub mod judge;
pub mod labels;
pub(crate) mod lexicon;
pub mod metrics;
pub mod monitor;
pub mod server;
pub mod stages;
pub(crate) mod wordlist;

/// What the fitting programs in `examples/` need (run by `scripts/fit_ranking.sh` and
/// `scripts/fit_conversation_risk`): the named features and model files of the ranker and the conversation reader.
pub mod fitting {
    /// The reply ranker's features, its weights file and the ranker that computes them.
    pub mod rank {
        pub use crate::judge::rank::{pair_text, CaseView, Features, Ranker, Weights, N_FEATURES};
    }
    /// The conversation reader's trajectory features and its risk model file.
    pub mod conversation {
        pub use crate::judge::conversation::{features, RiskModel, FEATURES, N_FEATURES};
    }
}

/// Code generated from `proto/gongqing/v1/empathy.proto`.
pub mod proto {
    tonic::include_proto!("gongqing.v1");

    /// Encoded descriptors for server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("gongqing_descriptor");
}
