#!/usr/bin/env bash
# Regenerates the ranking cases of all eleven generators, refits models/ranking/weights.json (the rules) on the first
# one's, calibrates the score on the first one's calibration split with every case of the second to fifth (the sixth to
# eleventh are never fitted: they report), then fits the model's pair head (MODEL_DIR/pair_head.json) on the first six
# generators' cases, into an empty work folder.
#   scripts/fit_ranking.sh [WORK_DIR] [MODEL_DIR]   (defaults: work/ranking, models/default)
#   KEEP_WEIGHTS=1 scripts/fit_ranking.sh ...       (keep the stored weights.json: recalibrate it, fit the pair head)
# About a minute for the rules, about 10 minutes on 2 cores to encode the 48,771 pair texts (kept in
# WORK/pair_embeddings for reruns), a few minutes for the pair head and its leave-one-hand-out gate, then a build
# and a minute for the cross-hand checks of the rules.
# Never reads ../shared/data/dev: the dev sets measure, they never teach.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-work/ranking}"
model="${2:-models/default}"
mkdir -p "$work"
python3 scripts/gen_rank_cases.py --out "$work/rank_cases.jsonl" --per-family 10 --seed 7
# Five more generators, each written independently by another hand (other domains, other wording).
python3 scripts/gen_rank_cases_b.py --out "$work/rank_cases_b.jsonl" --per-family 10 --seed 11
python3 scripts/gen_rank_cases_c.py --out "$work/rank_cases_c.jsonl" --per-family 10 --seed 23
python3 scripts/gen_rank_cases_d.py --out "$work/rank_cases_d.jsonl" --per-family 10 --seed 31
python3 scripts/gen_rank_cases_e.py --out "$work/rank_cases_e.jsonl" --per-family 10 --seed 41
python3 scripts/gen_rank_cases_f.py --out "$work/rank_cases_f.jsonl" --per-family 10 --seed 51
# Five more hands that only measure: never fitted, never in the pair head (stops 28, 29, 31, 32 and 33).
python3 scripts/gen_rank_cases_g.py --out "$work/rank_cases_g.jsonl" --per-family 10 --seed 71
python3 scripts/gen_rank_cases_h.py --out "$work/rank_cases_h.jsonl" --per-family 10 --seed 81
python3 scripts/gen_rank_cases_i.py --out "$work/rank_cases_i.jsonl" --per-family 10 --seed 91
python3 scripts/gen_rank_cases_j.py --out "$work/rank_cases_j.jsonl" --per-family 10 --seed 101
python3 scripts/gen_rank_cases_k.py --out "$work/rank_cases_k.jsonl" --per-family 10 --seed 111
keep=()
if [ "${KEEP_WEIGHTS:-0}" = 1 ]; then keep=(--keep-weights); fi
hands="b=$work/rank_cases_b.jsonl,c=$work/rank_cases_c.jsonl,d=$work/rank_cases_d.jsonl,e=$work/rank_cases_e.jsonl"
mkdir -p "$work/pair_embeddings"
cargo run --release --locked --example fit_rank_weights -- --data "$work/rank_cases.jsonl" ${keep[@]+"${keep[@]}"} \
  --calibrate-hands "$hands" --check-hands "f=$work/rank_cases_f.jsonl,g=$work/rank_cases_g.jsonl,h=$work/rank_cases_h.jsonl,i=$work/rank_cases_i.jsonl,j=$work/rank_cases_j.jsonl,k=$work/rank_cases_k.jsonl" \
  --pair-model "$model" --pair-hands "$hands,f=$work/rank_cases_f.jsonl" --pair-cache "$work/pair_embeddings" \
  --write | tee "$work/fit.log"
# The cross-hand check of the rules: the other generators' cases (never fitted on by the rules), ranked by the
# service built with the new weights on the lexicon backend.
cargo build --release --locked --bin gongqing
for hand in b c d e f g h i j k; do
  target/release/gongqing eval "$work/rank_cases_$hand.jsonl" --target inprocess --backend lexicon \
    --report-dir "$work/eval_$hand" | tee "$work/eval_$hand.log"
done
