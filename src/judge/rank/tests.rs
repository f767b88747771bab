//! Tests of the ranker on hand-written cases.
use super::*;
