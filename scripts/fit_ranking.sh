#!/usr/bin/env bash
# Regenerates the ranking cases, refits + recalibrates models/ranking/weights.json (the rules), then fits the
# model's pair head on the same cases (MODEL_DIR/pair_head.json), into an empty work folder.
#   scripts/fit_ranking.sh [WORK_DIR] [MODEL_DIR]   (defaults: work/ranking, models/default)
# About a minute for the rules and a few more for encoding the pair texts, after the build.
# Never reads ../shared/data/dev: the dev sets measure, they never teach.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-work/ranking}"
model="${2:-models/default}"
mkdir -p "$work"
python3 scripts/gen_rank_cases.py --out "$work/rank_cases.jsonl" --per-family 10 --seed 7
cargo run --release --locked --example fit_rank_weights -- --data "$work/rank_cases.jsonl" --pair-model "$model" --write \
  | tee "$work/fit.log"
