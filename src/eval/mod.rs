//! `gongqing eval`: scripted benchmarks against a running server or the server's handlers in-process.
//! Quality (accuracy, macro-F1, per-class scores, confusion, calibration; NDCG, top-1, MRR, pairwise accuracy),
//! load (concurrency, warm-up, requests or duration; latency percentiles, throughput, errors by status code),
//! and reports people can read (report.json with a stable schema, report.md, SVG charts, one HTML page).
//!
//! data (files → items) → target (gRPC or in-process) under load → step (answers scored) → metrics → report;
//! scenario (TOML: steps + thresholds), compare (two reports, significance tests).

pub(crate) mod charts;
pub mod cli;
pub(crate) mod compare;
pub mod data;
pub mod escalation;
pub(crate) mod load;
pub mod metrics;
pub(crate) mod report;
pub mod scenario;
pub(crate) mod step;
pub(crate) mod target;
