#!/usr/bin/env python3
"""Stage: 7-class emotion head (anger, anxiety, disappointment, confusion, gratitude, satisfaction,
neutral) on the mean-pooled output of the fine-tuned encoder, which stays frozen.

Training data (train split only, never the dev set):
  - templated customer-service messages (scripts/model/templates.py): their emotion is the frame's;
  - People's Daily sentences: neutral;
  - weak labels from the review corpora (documented guess): negative review -> disappointment,
    positive review -> satisfaction (2,000 of each at most).
A multinomial logistic regression (L2, class-balanced) fitted with full-batch L-BFGS.
usage: emotion_head.py BASE_DIR WORK_DIR
"""
import json
import os
import random
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as T  # noqa: E402
from bert import mean_pool  # noqa: E402

EMO = ["anger", "anxiety", "disappointment", "confusion", "gratitude", "satisfaction", "neutral"]
torch.set_num_threads(2)


def main():
    base, work = sys.argv[1:3]
    torch.manual_seed(T.SEED)
    rng = random.Random(T.SEED)
    cfg, m = T.load_base(base, work)
    top = T.Top(m)
    top.load_state_dict(torch.load(os.path.join(work, "ckpt", "best_model.pt")))
    top.eval()
    tr = torch.load(os.path.join(work, "cache_train.pt"))
    idx, y = [], []
    weak = {"negative": [], "positive": []}
    for i, r in enumerate(tr["meta"]):
        src = r["source"].split(":")[0]
        if src in ("templates", "peoples_daily"):
            idx.append(i); y.append(EMO.index(r["emotion"] or "neutral"))
        elif r["polarity"] in weak:
            weak[r["polarity"]].append(i)
    for pol, emo in (("negative", "disappointment"), ("positive", "satisfaction")):
        for i in rng.sample(weak[pol], min(2000, len(weak[pol]))):
            idx.append(i); y.append(EMO.index(emo))
    hs = [tr["hidden"][i] for i in idx]
    feats = torch.zeros((len(hs), cfg["hidden_size"]))
    with torch.no_grad():
        for b in T.batches_by_length([h.shape[0] for h in hs], 4096):
            x, mask = T.pad_hidden([hs[i] for i in b])
            ma = T.Bert.mask_add(mask)
            for L in top.layers:
                x = L(x, ma)
            feats[b] = mean_pool(x, mask)
    y = torch.tensor(y)
    cnt = torch.bincount(y, minlength=len(EMO)).float()
    w = (cnt.sum() / (len(EMO) * cnt.clamp(min=1)))
    lin = torch.nn.Linear(cfg["hidden_size"], len(EMO))
    opt = torch.optim.LBFGS(lin.parameters(), lr=0.5, max_iter=300)

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(lin(feats), y, weight=w) + 1e-3 * lin.weight.pow(2).sum()
        loss.backward()
        return loss
    opt.step(closure)
    acc = (lin(feats).argmax(1) == y).float().mean().item()
    print(json.dumps({"n": len(y), "counts": dict(zip(EMO, cnt.int().tolist())), "train_acc": round(acc, 4)}))
    torch.save({"weight": lin.weight.detach().clone(), "bias": lin.bias.detach().clone(), "labels": EMO},
               os.path.join(work, "ckpt", "emotion_head.pt"))


if __name__ == "__main__":
    main()
