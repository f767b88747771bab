"""Minimal BERT encoder in plain torch, numerically the HF / candle `models::bert` BertModel:
absolute position ids 0..n-1, token_type 0, post-LN layers, exact-erf GELU, no pooler.
Supports running a slice of layers so lower layers can be cached."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class Layer(nn.Module):
    def __init__(self, H, NH, FF, eps):
        super().__init__()
        self.NH, self.eps = NH, eps
        self.q = nn.Linear(H, H); self.k = nn.Linear(H, H); self.v = nn.Linear(H, H)
        self.ao = nn.Linear(H, H); self.aln = nn.LayerNorm(H, eps=eps)
        self.fi = nn.Linear(H, FF); self.fo = nn.Linear(FF, H); self.oln = nn.LayerNorm(H, eps=eps)
        self.drop = nn.Dropout(0.1)

    def forward(self, x, mask_add):
        B, T, H = x.shape
        hd = H // self.NH
        def split(t):
            return t.view(B, T, self.NH, hd).transpose(1, 2)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask_add)
        ctx = ctx.transpose(1, 2).reshape(B, T, H)
        x = self.aln(x + self.drop(self.ao(ctx)))
        h = F.gelu(self.fi(x))  # exact erf
        return self.oln(x + self.drop(self.fo(h)))


class Bert(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        H, eps = cfg["hidden_size"], cfg["layer_norm_eps"]
        self.word = nn.Embedding(cfg["vocab_size"], H)
        self.pos = nn.Embedding(cfg["max_position_embeddings"], H)
        self.ttype = nn.Embedding(cfg["type_vocab_size"], H)
        self.eln = nn.LayerNorm(H, eps=eps)
        self.layers = nn.ModuleList(Layer(H, cfg["num_attention_heads"], cfg["intermediate_size"], eps)
                                    for _ in range(cfg["num_hidden_layers"]))

    @staticmethod
    def mask_add(mask, dtype=torch.float32):
        # [B,T] 1/0 -> additive [B,1,1,T]
        return ((1.0 - mask[:, None, None, :].to(dtype)) * -1e9).to(dtype)

    def embed(self, ids):
        T = ids.shape[1]
        pos = torch.arange(T, device=ids.device)[None, :]  # 0..n-1 as candle's BertModel
        x = self.word(ids) + self.pos(pos) + self.ttype(torch.zeros_like(ids))
        return self.eln(x)

    def run_layers(self, x, mask, start, end):
        ma = self.mask_add(mask, x.dtype)
        for l in range(start, end):
            x = self.layers[l](x, ma)
        return x

    def forward(self, ids, mask):
        return self.run_layers(self.embed(ids), mask, 0, len(self.layers))


def mean_pool(x, mask):
    m = mask.to(x.dtype)[:, :, None]
    return (x * m).sum(1) / m.sum(1).clamp(min=1.0)


HF = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
      "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
      "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm"}


def load_hf_state(model, sd, prefix=""):
    """Load HF BertModel keys (with optional prefix such as 'bert.') into `model`."""
    g = lambda k: torch.as_tensor(sd[prefix + k]).float()
    with torch.no_grad():
        model.word.weight.copy_(g("embeddings.word_embeddings.weight"))
        model.pos.weight.copy_(g("embeddings.position_embeddings.weight"))
        model.ttype.weight.copy_(g("embeddings.token_type_embeddings.weight"))
        model.eln.weight.copy_(g("embeddings.LayerNorm.weight"))
        model.eln.bias.copy_(g("embeddings.LayerNorm.bias"))
        for i, L in enumerate(model.layers):
            for short, hn in HF.items():
                mod = getattr(L, short)
                mod.weight.copy_(g(f"encoder.layer.{i}.{hn}.weight"))
                mod.bias.copy_(g(f"encoder.layer.{i}.{hn}.bias"))


def hf_state(model, prefix="bert."):
    out = {
        prefix + "embeddings.word_embeddings.weight": model.word.weight,
        prefix + "embeddings.position_embeddings.weight": model.pos.weight,
        prefix + "embeddings.token_type_embeddings.weight": model.ttype.weight,
        prefix + "embeddings.LayerNorm.weight": model.eln.weight,
        prefix + "embeddings.LayerNorm.bias": model.eln.bias,
    }
    for i, L in enumerate(model.layers):
        for short, hn in HF.items():
            mod = getattr(L, short)
            out[f"{prefix}encoder.layer.{i}.{hn}.weight"] = mod.weight
            out[f"{prefix}encoder.layer.{i}.{hn}.bias"] = mod.bias
    return {k: v.detach() for k, v in out.items()}
