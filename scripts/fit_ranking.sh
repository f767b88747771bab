#!/usr/bin/env bash
# Regenerates the ranking cases, refits + recalibrates models/ranking/weights.json (the rules), then fits the
# model's pair head on the same cases (MODEL_DIR/pair_head.json), into an empty work folder.
#   scripts/fit_ranking.sh [WORK_DIR] [MODEL_DIR]   (defaults: work/ranking, models/default)
# About a minute for the rules, a few more for encoding the pair texts, and a build and a minute for the cross-hand
# checks on the second to fifth generators' cases.
# Never reads ../shared/data/dev: the dev sets measure, they never teach.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-work/ranking}"
model="${2:-models/default}"
mkdir -p "$work"
python3 scripts/gen_rank_cases.py --out "$work/rank_cases.jsonl" --per-family 10 --seed 7
cargo run --release --locked --example fit_rank_weights -- --data "$work/rank_cases.jsonl" --pair-model "$model" --write \
  | tee "$work/fit.log"
# The cross-hand check: cases from a second generator written independently of the first (other domains, other
# wording, never fitted on), ranked by the service built with the new weights.
python3 scripts/gen_rank_cases_b.py --out "$work/rank_cases_b.jsonl" --per-family 10 --seed 11
cargo build --release --locked --bin gongqing
target/release/gongqing eval "$work/rank_cases_b.jsonl" --target inprocess --backend lexicon --report-dir "$work/eval_b" \
  | tee "$work/eval_b.log"
# A third hand (scripts/gen_rank_cases_c.py, 12 more domains), also never fitted on.
python3 scripts/gen_rank_cases_c.py --out "$work/rank_cases_c.jsonl" --per-family 10 --seed 23
target/release/gongqing eval "$work/rank_cases_c.jsonl" --target inprocess --backend lexicon --report-dir "$work/eval_c" \
  | tee "$work/eval_c.log"
# A fourth hand (scripts/gen_rank_cases_d.py, 12 more domains), also never fitted on.
python3 scripts/gen_rank_cases_d.py --out "$work/rank_cases_d.jsonl" --per-family 10 --seed 31
target/release/gongqing eval "$work/rank_cases_d.jsonl" --target inprocess --backend lexicon --report-dir "$work/eval_d" \
  | tee "$work/eval_d.log"
# A fifth hand (scripts/gen_rank_cases_e.py, 12 more domains), also never fitted on.
python3 scripts/gen_rank_cases_e.py --out "$work/rank_cases_e.jsonl" --per-family 10 --seed 41
target/release/gongqing eval "$work/rank_cases_e.jsonl" --target inprocess --backend lexicon --report-dir "$work/eval_e" \
  | tee "$work/eval_e.log"
