#!/usr/bin/env python3
"""Independent check of a finished model folder (e.g. models/default): loads config.json,
tokenizer.json and the f16 model.safetensors (as f32, like the Rust service), re-implements the
forward in plain torch (positions 0..n-1, mean pooling over the attention mask, classifier), and
prints dev-set polarity accuracy, per-class numbers, ECE, and (if present) emotion macro-F1.
Also checks that the tokenizer gives the training ids for a sample of the training data.

usage: check_model.py MODEL_DIR [DEV_JSONL] [WORK_DIR] [--write-json OUT.json]
"""
import json
import os
import sys
import time

import torch
import torch.nn.functional as F
from safetensors.torch import load_file
from tokenizers import Tokenizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bert import Bert, load_hf_state, mean_pool  # noqa: E402
from export import ece, per_class  # noqa: E402

torch.set_num_threads(2)


def load_model_dir(mdir):
    """A model folder as the Rust service reads it: config, f16 weights as f32, the encoder, the tokenizer."""
    cfg = json.load(open(os.path.join(mdir, "config.json")))
    sd = {k: v.float() for k, v in load_file(os.path.join(mdir, "model.safetensors")).items()}
    assert sd["bert.embeddings.word_embeddings.weight"].shape[0] == cfg["vocab_size"]
    m = Bert(cfg).eval()
    load_hf_state(m, sd, prefix="bert.")
    return cfg, sd, m, Tokenizer.from_file(os.path.join(mdir, "tokenizer.json"))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out_json = sys.argv[sys.argv.index("--write-json") + 1] if "--write-json" in sys.argv else None
    if out_json in args:
        args.remove(out_json)
    mdir = args[0]
    dev_path = args[1] if len(args) > 1 else "/work/shared/data/dev/utterances.jsonl"
    work = args[2] if len(args) > 2 else None
    cfg, sd, m, tok = load_model_dir(mdir)
    g = cfg["gongqing"]
    W, b = sd["classifier.weight"], sd["classifier.bias"]
    has_emo = "emotion_classifier.weight" in sd
    labels = [cfg["id2label"][str(i)] for i in range(len(cfg["id2label"]))]
    rows = [json.loads(l) for l in open(dev_path, encoding="utf-8")]
    probs, eprobs, lat = [], [], []
    with torch.no_grad():
        for r in rows:
            t0 = time.perf_counter()
            ids = tok.encode(g["text_prefix"] + r["text"]).ids[:g["max_length"]]
            x = torch.tensor([ids])
            mask = torch.ones_like(x)
            pooled = mean_pool(m(x, mask), mask)
            probs.append(F.softmax(pooled @ W.T + b, -1)[0])
            if has_emo:
                eprobs.append(F.softmax(pooled @ sd["emotion_classifier.weight"].T + sd["emotion_classifier.bias"], -1)[0])
            lat.append(time.perf_counter() - t0)
    P = torch.stack(probs)
    y = torch.tensor([labels.index(r["polarity"]) for r in rows])
    pred = P.argmax(1)
    res = dict(n=len(rows), polarity_acc=round((pred == y).float().mean().item(), 4),
               ece=round(ece(P, y), 4), per_class=per_class(pred, y, labels),
               confusion=[[int(((y == i) & (pred == j)).sum()) for j in range(3)] for i in range(3)],
               torch_f32_single_text_ms_p50=round(sorted(lat)[len(lat) // 2] * 1000, 1))
    if has_emo:
        el = [g["emotion_id2label"][str(i)] for i in range(len(g["emotion_id2label"]))]
        E = torch.stack(eprobs)
        ye = torch.tensor([el.index(r["emotion"]) for r in rows])
        pc = per_class(E.argmax(1), ye, el)
        res["emotion_acc"] = round((E.argmax(1) == ye).float().mean().item(), 4)
        res["emotion_macro_f1"] = round(sum(v["f1"] for v in pc.values()) / len(pc), 4)
        res["emotion_per_class"] = pc
    if work and os.path.exists(os.path.join(work, "data.jsonl")):
        n = same = 0
        for i, l in enumerate(open(os.path.join(work, "data.jsonl"), encoding="utf-8")):
            if i % 50:
                continue
            r = json.loads(l)
            ids = tok.encode(g["text_prefix"] + r["text"]).ids
            if len(ids) > 256:
                ids = ids[:255] + [ids[-1]]
            n += 1
            same += ids == r["ids"]
        res["tokenizer_ids_equal_training_ids"] = f"{same}/{n}"
    print(json.dumps(res, indent=1, ensure_ascii=False))
    if out_json:
        json.dump(res, open(out_json, "w"), indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
