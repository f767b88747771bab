#!/usr/bin/env python3
"""Generated reply-ranking cases for the encoder's pair head, kept apart from the cases the service's ranker is
fitted and tested on: a case is dropped when its conversation (customer message and context) also occurs in
FIT_CASES, so the held-out ranking numbers of `fit_rank_weights --pair-model` are on conversations the encoder never
trained on. Candidate replies are drawn from the generator's shared phrase pools, so some reply texts do recur: the
generated held-out numbers are optimistic, and the dev sets are the honest measure.

usage: pair_cases.py FIT_CASES OUT [--seed 11] [--per-family 20]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def conversation(case):
    return case["customer"] + "\n" + "\n".join(t["text"] for t in case["context"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("fit_cases")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--per-family", type=int, default=20)
    a = ap.parse_args()
    fit = [json.loads(l) for l in open(a.fit_cases, encoding="utf-8") if l.strip()]
    seen_conversations = {conversation(c) for c in fit}
    gen = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "gen_rank_cases.py")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cases.jsonl")
        subprocess.run([sys.executable, gen, "--out", path, "--per-family", str(a.per_family), "--seed", str(a.seed)],
                       check=True, stdout=subprocess.DEVNULL)
        cases = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    kept = [c for c in cases if conversation(c) not in seen_conversations]
    with open(a.out, "w", encoding="utf-8") as f:
        for c in kept:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"pair cases: {len(kept)} of {len(cases)} generated (seed {a.seed}) share nothing with {a.fit_cases}")


if __name__ == "__main__":
    main()
