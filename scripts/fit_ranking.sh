#!/usr/bin/env bash
# Regenerates the ranking cases and refits + recalibrates models/ranking/weights.json, into an empty work folder.
#   scripts/fit_ranking.sh [WORK_DIR]   (default: work/ranking; about a minute after the build)
# Never reads ../shared/data/dev: the dev sets measure, they never teach.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-work/ranking}"
mkdir -p "$work"
python3 scripts/gen_rank_cases.py --out "$work/rank_cases.jsonl" --per-family 10 --seed 7
cargo run --release --locked --example fit_rank_weights -- --data "$work/rank_cases.jsonl" --write | tee "$work/fit.log"
