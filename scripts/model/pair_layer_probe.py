"""Probe: can a learned pair layer on the bundled encoder add to the ranking rules?

A copy of the encoder's last layer (trainable) reads each candidate's pair text (`src/judge/rank/pair.rs`) from the
frozen second-to-last layer's states; mean pooling and a linear output give a log-odds correction added to the
rules' log-odds. Trained with pointwise (grade >= 2) + pairwise logistic loss on the fit split, the epoch chosen on
the calibration split. Reported: (1) each third of the case families left out of training and scored, (2) the
held-out test split; rules alone against rules + layer. An experiment that decides whether the serving path gets
such a layer; nothing is written to the model folder.

  cargo run --release --locked --example fit_rank_weights -- --data CASES --pair-texts PAIRS.jsonl
  .venv-bench/bin/python scripts/model/pair_layer_probe.py models/default PAIRS.jsonl
"""
import json, sys, time, math, random, copy, os
import torch, numpy as np
from safetensors.torch import load_file
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel
torch.set_num_threads(2); torch.manual_seed(0); random.seed(0)
model_dir, texts_path = sys.argv[1], sys.argv[2]

cfg = json.load(open(os.path.join(model_dir, "config.json")))
w = {k: v.float() for k, v in load_file(os.path.join(model_dir, "model.safetensors")).items()}
enc = BertModel(BertConfig(**{k: v for k, v in cfg.items() if k != "gongqing"}), add_pooling_layer=False)
st = {k[5:]: v for k, v in w.items() if k.startswith("bert.") and ".pooler." not in k}
print(enc.load_state_dict(st, strict=False))
enc.eval()
tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
L = cfg["num_hidden_layers"]

def load(path):
    rows = [json.loads(l) for l in open(path)]
    return rows

def states(rows):
    out = []
    t0 = time.time()
    with torch.no_grad():
        order = sorted(range(len(rows)), key=lambda i: len(rows[i]["text"]))
        res = [None] * len(rows)
        for s in range(0, len(order), 32):
            idx = order[s:s+32]
            encs = [tok.encode(rows[i]["text"]).ids[:256] for i in idx]
            width = max(len(e) for e in encs)
            ids = torch.full((len(idx), width), cfg.get("pad_token_id", 0), dtype=torch.long)
            mask = torch.zeros((len(idx), width), dtype=torch.long)
            for r, e in enumerate(encs):
                ids[r, :len(e)] = torch.tensor(e); mask[r, :len(e)] = 1
            hs = enc(input_ids=ids, attention_mask=mask, output_hidden_states=True).hidden_states[L - 1]
            for r, i in enumerate(idx):
                res[i] = hs[r, :len(encs[r])].half().clone()
    print(f"encoded {len(rows)} in {time.time()-t0:.0f}s", flush=True)
    return res

rows = load(texts_path)
H = states(rows)
cases = {}
for i, r in enumerate(rows):
    cases.setdefault(r["case"], []).append(i)
cases = list(cases.values())

class Head(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = copy.deepcopy(enc.encoder.layer[L - 1])
        for p in self.layer.parameters(): p.requires_grad = True
        self.out = torch.nn.Linear(cfg["hidden_size"], 1)
        torch.nn.init.zeros_(self.out.weight); torch.nn.init.zeros_(self.out.bias)
    def forward(self, items):
        width = max(h.shape[0] for h in items)
        x = torch.zeros(len(items), width, cfg["hidden_size"])
        m = torch.zeros(len(items), width)
        for r, h in enumerate(items):
            x[r, :h.shape[0]] = h.float(); m[r, :h.shape[0]] = 1
        ext = (1.0 - m)[:, None, None, :] * -1e4
        y = self.layer(x, attention_mask=ext)
        y = y[0] if isinstance(y, tuple) else y
        pooled = (y * m[..., None]).sum(1) / m.sum(1, keepdim=True)
        pooled = torch.nn.functional.normalize(pooled, dim=-1)
        return self.out(pooled).squeeze(-1)

def metrics(case_list, scores_fn, rows, H):
    nd = t1 = 0.0
    for c in case_list:
        s = scores_fn(c)
        g = [rows[i]["grade"] for i in c]
        order = sorted(range(len(c)), key=lambda k: (-s[k], k))
        dcg = sum((2**g[order[k]] - 1) / math.log2(k + 2) for k in range(min(3, len(c))))
        ideal = sorted(g, reverse=True)
        idcg = sum((2**ideal[k] - 1) / math.log2(k + 2) for k in range(min(3, len(c))))
        nd += dcg / idcg if idcg else 0
        t1 += 1.0 if g[order[0]] == max(g) else 0
    return nd / len(case_list), t1 / len(case_list)

def train(train_cases, val_cases, epochs=4, lr=5e-5, wd=0.01):
    head = Head()
    opt = torch.optim.AdamW([p for p in head.parameters()], lr=lr, weight_decay=wd)
    best = None; best_state = None
    def score_cases(cs):
        head.eval(); out = {}
        with torch.no_grad():
            for c in cs:
                z = head([H[i] for i in c])
                out[tuple(c)] = [rows[i]["rules"] + float(z[k]) for k, i in enumerate(c)]
        return lambda c: out[tuple(c)]
    for ep in range(epochs):
        head.train(); random.shuffle(train_cases); t0 = time.time()
        for b in range(0, len(train_cases), 8):
            batch = train_cases[b:b+8]
            idx = [i for c in batch for i in c]
            z = head([H[i] for i in idx])
            rules = torch.tensor([rows[i]["rules"] for i in idx])
            y = torch.tensor([1.0 if rows[i]["grade"] >= 2 else 0.0 for i in idx])
            logit = rules + z
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logit, y)
            pl = []; k = 0
            for c in batch:
                for a in range(len(c)):
                    for bb in range(len(c)):
                        if rows[c[a]]["grade"] > rows[c[bb]]["grade"]:
                            pl.append(torch.nn.functional.softplus(-(logit[k + a] - logit[k + bb])))
                k += len(c)
            if pl: loss = loss + torch.stack(pl).mean()
            opt.zero_grad(); loss.backward(); opt.step()
        nd, t1 = metrics(val_cases, score_cases(val_cases), rows, H)
        print(f"  epoch {ep} {time.time()-t0:.0f}s val NDCG@3 {nd:.4f} top-1 {t1:.4f}", flush=True)
        if best is None or nd + t1 / 2 > best:
            best = nd + t1 / 2; best_state = copy.deepcopy(head.state_dict())
    head.load_state_dict(best_state)
    return head, score_cases

rules_only = lambda c: [rows[i]["rules"] for i in c]
split = lambda c: rows[c[0]]["split"]
fams = sorted({r["family"] for r in rows})
print("families", fams)
# 1) left-out family groups: train on the others (fit split), validate on others (cal split), score the group (cal+test)
groups = [fams[0::3], fams[1::3], fams[2::3]]
tot_r = tot_h = 0
for g in groups:
    tr = [c for c in cases if rows[c[0]]["family"] not in g and split(c) < 70]
    va = [c for c in cases if rows[c[0]]["family"] not in g and 70 <= split(c) < 85]
    te = [c for c in cases if rows[c[0]]["family"] in g and split(c) >= 70]
    head, sc = train(tr, va, epochs=3)
    r = metrics(te, rules_only, rows, H); h = metrics(te, sc(te), rows, H)
    print(f"left out {g}: rules {r}  rules+head {h}", flush=True)
# 2) all families: fit split -> test split
tr = [c for c in cases if split(c) < 70]; va = [c for c in cases if 70 <= split(c) < 85]; te = [c for c in cases if split(c) >= 85]
head, sc = train(tr, va, epochs=4)
print("test split: rules", metrics(te, rules_only, rows, H), "rules+head", metrics(te, sc(te), rows, H))
