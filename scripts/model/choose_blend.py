#!/usr/bin/env python3
"""Stage 5: choose the exponent with which the service blends the lexicon's polarity into the model's
(p ~ p_model x p_lexicon^w), on held-out "calib" rows only, and write it into MODEL_DIR/config.json.

usage: choose_blend.py MODEL_DIR WORK_DIR GONGQING_BINARY
The lexicon's probabilities come from the service itself (`gongqing classify --backend lexicon`), the model's
from a plain-torch forward of the exported f16 weights. The weight with the lowest calib log-loss wins (a proper
score, so calibration counts as well as accuracy); 0 drops the blend.
"""
import json
import os
import random
import subprocess
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as T  # noqa: E402
from bert import mean_pool  # noqa: E402
from check_model import load_model_dir  # noqa: E402

WEIGHTS = [0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0]
SAMPLE = 1500


def lexicon_probs(binary, texts):
    out = []
    for i in range(0, len(texts), 100):
        chunk = texts[i:i + 100]
        res = subprocess.run([binary, "classify", "--backend", "lexicon", *chunk], check=True, capture_output=True,
                             text=True)
        out.extend(r["classification"]["polarity_scores"] for r in json.loads(res.stdout))
    return torch.tensor(out)


def model_probs(mdir, texts):
    cfg, sd, m, tok = load_model_dir(mdir)
    rows = [dict(ids=tok.encode(cfg["gongqing"]["text_prefix"] + t).ids[:512]) for t in texts]
    out = torch.zeros((len(rows), 3))
    with torch.no_grad():
        for b in T.batches_by_length([len(r["ids"]) for r in rows], 8192):
            ids, mask = T.pad_ids([rows[i]["ids"] for i in b])
            pooled = mean_pool(m(ids, mask), mask)
            out[b] = F.softmax(pooled @ sd["classifier.weight"].T + sd["classifier.bias"], -1)
    return out


def main():
    mdir, work, binary = sys.argv[1:4]
    rows = [r for r in T.read_rows(work) if r["split"] == "calib"]
    rows = random.Random(T.SEED).sample(rows, min(SAMPLE, len(rows)))
    texts = [r["text"] for r in rows]
    y = torch.tensor([T.L2I[r["polarity"]] for r in rows])
    pm, pl = model_probs(mdir, texts), lexicon_probs(binary, texts)
    table = []
    for w in WEIGHTS:
        p = pm * pl.clamp(min=1e-6) ** w
        p = p / p.sum(1, keepdim=True)
        table.append(dict(weight=w, nll=round(F.nll_loss(p.clamp(min=1e-9).log(), y).item(), 4),
                          acc3=round((p.argmax(1) == y).float().mean().item(), 4)))
    best = min(table, key=lambda t: t["nll"])
    cfg_path = os.path.join(mdir, "config.json")
    cfg = json.load(open(cfg_path))
    cfg["gongqing"]["lexicon_weight"] = best["weight"]
    json.dump(cfg, open(cfg_path, "w"), indent=2, ensure_ascii=False)
    report = dict(rows=len(rows), table=table, chosen=best["weight"])
    json.dump(report, open(os.path.join(work, "blend.json"), "w"), indent=1)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
