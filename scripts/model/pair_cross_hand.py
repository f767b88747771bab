"""Experiment: does a learned pair scorer on the bundled encoder carry over to cases written by another hand?

Each generator's pair texts (`fit_rank_weights --pair-texts`, with the served rules' log-odds) are read by the
frozen encoder once (states of the second-to-last layer cached under CACHE_DIR). Two scorers give a log-odds
correction added to the rules' log-odds, trained with pointwise (grade >= 2) + pairwise logistic loss:
  head  - the serving path that exists today: a linear map of the final layer's unit-length mean embedding;
  layer - a trainable copy of the last layer over the pair text, mean pooled, then linear.
Every run trains on the named sources' fit split (hash < 70), picks the epoch on their calibration split
(70..85) and reports rules alone against rules + scorer on every source's held-out part: the test split (>= 85)
of a source it trained on, every case of a source it did not. Nothing is written to the model folder.

  .venv-bench/bin/python scripts/model/pair_cross_hand.py MODEL_DIR CACHE_DIR a=A.jsonl b=B.jsonl [c=C.jsonl]

Environment: KINDS (head,layer), PLANS (a,b,a+b: the sources each run trains on), EPOCHS (layer, 3), STACKED=1
(the scorer learns the grade from the pair text alone and one weight, chosen on the calibration split among
0..2 with 0 meaning rules only, adds it to the rules; otherwise it learns a correction with the rules' log-odds
as a fixed offset). `PLANS=a KINDS=layer` is stop 21's pair-layer probe on the first generator's test split.
"""
import copy, json, math, os, random, sys, time

import numpy as np
import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

torch.set_num_threads(2)
model_dir, cache_dir = sys.argv[1], sys.argv[2]
sources = dict(arg.split("=", 1) for arg in sys.argv[3:])
os.makedirs(cache_dir, exist_ok=True)

cfg = json.load(open(os.path.join(model_dir, "config.json")))
weights = {k: v.float() for k, v in load_file(os.path.join(model_dir, "model.safetensors")).items()}
enc = BertModel(BertConfig(**{k: v for k, v in cfg.items() if k != "gongqing"}), add_pooling_layer=False)
enc.load_state_dict({k[5:]: v for k, v in weights.items() if k.startswith("bert.") and ".pooler." not in k}, strict=False)
enc.eval()
tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
L = cfg["num_hidden_layers"]
HID = cfg["hidden_size"]


def run_layer(layer, items):
    width = max(h.shape[0] for h in items)
    x = torch.zeros(len(items), width, HID)
    m = torch.zeros(len(items), width)
    for r, h in enumerate(items):
        x[r, : h.shape[0]] = h.float()
        m[r, : h.shape[0]] = 1
    y = layer(x, attention_mask=(1.0 - m)[:, None, None, :] * -1e4)
    y = y[0] if isinstance(y, tuple) else y
    pooled = (y * m[..., None]).sum(1) / m.sum(1, keepdim=True)
    return torch.nn.functional.normalize(pooled, dim=-1)


def states(name, rows):
    path = os.path.join(cache_dir, f"{name}.pt")
    if os.path.exists(path):
        return torch.load(path)
    t0 = time.time()
    res = [None] * len(rows)
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]["text"]))
    with torch.no_grad():
        for s in range(0, len(order), 32):
            idx = order[s : s + 32]
            encs = [tok.encode(rows[i]["text"]).ids[:256] for i in idx]
            width = max(len(e) for e in encs)
            ids = torch.full((len(idx), width), cfg.get("pad_token_id", 0), dtype=torch.long)
            mask = torch.zeros((len(idx), width), dtype=torch.long)
            for r, e in enumerate(encs):
                ids[r, : len(e)] = torch.tensor(e)
                mask[r, : len(e)] = 1
            hs = enc(input_ids=ids, attention_mask=mask, output_hidden_states=True).hidden_states[L - 1]
            for r, i in enumerate(idx):
                res[i] = hs[r, : len(encs[r])].half().clone()
    print(f"encoded {name}: {len(rows)} texts in {time.time() - t0:.0f}s", flush=True)
    torch.save(res, path)
    return res


rows, H = [], []
for name, path in sources.items():
    part = [dict(json.loads(line), source=name) for line in open(path)]
    H.extend(states(name, part))
    rows.extend(part)
with torch.no_grad():
    final = torch.cat([run_layer(enc.encoder.layer[L - 1], H[s : s + 64]) for s in range(0, len(H), 64)])
cases = {}
for i, r in enumerate(rows):
    cases.setdefault((r["source"], r["case"]), []).append(i)
cases = list(cases.values())
src = lambda c: rows[c[0]]["source"]
split = lambda c: rows[c[0]]["split"]


def metrics(case_list, score):
    nd = t1 = 0.0
    for c in case_list:
        s, g = score(c), [rows[i]["grade"] for i in c]
        order = sorted(range(len(c)), key=lambda k: (-s[k], k))
        dcg = sum((2 ** g[order[k]] - 1) / math.log2(k + 2) for k in range(min(3, len(c))))
        ideal = sorted(g, reverse=True)
        idcg = sum((2 ** ideal[k] - 1) / math.log2(k + 2) for k in range(min(3, len(c))))
        nd += dcg / idcg if idcg else 0
        t1 += 1.0 if g[order[0]] == max(g) else 0
    return round(nd / len(case_list), 4), round(t1 / len(case_list), 4)


class Layer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = copy.deepcopy(enc.encoder.layer[L - 1])
        self.out = torch.nn.Linear(HID, 1)
        torch.nn.init.zeros_(self.out.weight)
        torch.nn.init.zeros_(self.out.bias)

    def forward(self, idx):
        return self.out(run_layer(self.layer, [H[i] for i in idx])).squeeze(-1)


class Head(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.out = torch.nn.Linear(HID, 1)
        torch.nn.init.zeros_(self.out.weight)
        torch.nn.init.zeros_(self.out.bias)

    def forward(self, idx):
        return self.out(final[idx]).squeeze(-1)


def loss_of(logit, batch):
    y = torch.tensor([1.0 if rows[i]["grade"] >= 2 else 0.0 for c in batch for i in c])
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logit, y)
    pairs, k = [], 0
    for c in batch:
        for a in range(len(c)):
            for b in range(len(c)):
                if rows[c[a]]["grade"] > rows[c[b]]["grade"]:
                    pairs.append(torch.nn.functional.softplus(-(logit[k + a] - logit[k + b])))
        k += len(c)
    return loss + torch.stack(pairs).mean() if pairs else loss


STACKED = os.environ.get("STACKED") == "1"
ALPHAS = [0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0]


def train(kind, train_cases, val_cases, epochs, lr, wd):
    model = Layer() if kind == "layer" else Head()
    groups = [{"params": [p for n, p in model.named_parameters() if not n.startswith("out.")], "lr": lr},
              {"params": model.out.parameters(), "lr": 1e-3 if STACKED else lr}]
    opt = torch.optim.AdamW(groups, weight_decay=wd)
    alpha = [1.0]
    best, best_state = None, None

    def scorer(cs):
        model.eval()
        out = {}
        with torch.no_grad():
            for s in range(0, len(cs), 16):
                chunk = cs[s : s + 16]
                z = model([i for c in chunk for i in c]).tolist()
                k = 0
                for c in chunk:
                    out[tuple(c)] = [rows[i]["rules"] + alpha[0] * z[k + j] for j, i in enumerate(c)]
                    k += len(c)
        return lambda c: out[tuple(c)]

    for ep in range(epochs):
        model.train()
        random.shuffle(train_cases)
        t0 = time.time()
        for b in range(0, len(train_cases), 8):
            batch = train_cases[b : b + 8]
            idx = [i for c in batch for i in c]
            logit = model(idx) if STACKED else torch.tensor([rows[i]["rules"] for i in idx]) + model(idx)
            loss = loss_of(logit, batch)
            opt.zero_grad()
            loss.backward()
            opt.step()
        # Stacked: the mixing weight of the text scorer is chosen on the calibration split, never on held-out cases.
        for a in ALPHAS if STACKED else [1.0]:
            alpha[0] = a
            val = metrics(val_cases, scorer(val_cases))
            key = val[0] + val[1] / 2
            if best is None or key > best:
                best, best_state = key, (copy.deepcopy(model.state_dict()), a)
        print(f"  {kind} epoch {ep} {time.time() - t0:.0f}s calibration split best so far {best:.4f} alpha {best_state[1]}", flush=True)
    model.load_state_dict(best_state[0])
    alpha[0] = best_state[1]
    return model, scorer


rules = lambda c: [rows[i]["rules"] for i in c]
plans = [tuple(p.split("+")) for p in os.environ.get("PLANS", "a,b,a+b").split(",")]
kinds = os.environ.get("KINDS", "head,layer").split(",")
for kind in kinds:
    for plan in plans:
        random.seed(0)
        torch.manual_seed(0)
        tr = [c for c in cases if src(c) in plan and split(c) < 70]
        va = [c for c in cases if src(c) in plan and 70 <= split(c) < 85]
        if kind == "head":
            model, scorer = train(kind, tr, va, epochs=30, lr=3e-3, wd=0.0)
        else:
            model, scorer = train(kind, tr, va, epochs=int(os.environ.get("EPOCHS", "3")), lr=5e-5, wd=0.01)
        print(f"{kind} trained on {'+'.join(plan)}:", flush=True)
        for name in sources:
            held = [c for c in cases if src(c) == name and (name not in plan or split(c) >= 85)]
            what = "test split" if name in plan else "all cases"
            print(f"  {name} {what} ({len(held)}): rules {metrics(held, rules)}  rules+{kind} {metrics(held, scorer(held))}", flush=True)
