"""The Python reference for scripts/bench: the same model folder (weights, tokenizer, prefix, pooling, max length)
run by transformers + torch eager, and by onnxruntime fp32 and int8 (dynamic quantization) from an ONNX export of
the same weights. Same texts, same thread count. Prints one JSON object per run and writes them to --out."""
import argparse
import json
import os
import resource
import tempfile
import time

import numpy as np
import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel


class Classifier(torch.nn.Module):
    """BertModel + the model folder's pooling + linear classifier, giving polarity probabilities."""

    def __init__(self, model_dir):
        super().__init__()
        config = json.load(open(os.path.join(model_dir, "config.json")))
        self.pooling = config.get("gongqing", {}).get("pooling", "cls")
        weights = load_file(os.path.join(model_dir, "model.safetensors"))
        weights = {k: v.float() for k, v in weights.items()}
        self.encoder = BertModel(BertConfig(**{k: v for k, v in config.items() if k != "gongqing"}), add_pooling_layer=False)
        encoder_state = {k[len("bert."):]: v for k, v in weights.items() if k.startswith("bert.") and ".pooler." not in k}
        missing, unexpected = self.encoder.load_state_dict(encoder_state, strict=False)
        missing = [m for m in missing if "position_ids" not in m]
        assert not missing and not unexpected, (missing, unexpected)
        self.classifier = torch.nn.Linear(weights["classifier.weight"].shape[1], weights["classifier.weight"].shape[0])
        self.classifier.load_state_dict({"weight": weights["classifier.weight"], "bias": weights["classifier.bias"]})
        self.eval()

    def forward(self, input_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        if self.pooling == "mean":
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1)
        else:
            pooled = hidden[:, 0]
        return torch.softmax(self.classifier(pooled), dim=-1)


def batches(encoded, size, pad_id):
    """Length-sorted batches (the best case for padding), as numpy id and mask arrays."""
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    for start in range(0, len(order), size):
        members = [encoded[i] for i in order[start:start + size]]
        width = max(len(m) for m in members)
        ids = np.full((len(members), width), pad_id, dtype=np.int64)
        mask = np.zeros((len(members), width), dtype=np.int64)
        for row, m in enumerate(members):
            ids[row, :len(m)] = m
            mask[row, :len(m)] = 1
        yield ids, mask


def timed(name, run, encoded, size, pad_id):
    run(*next(batches(encoded[:size], size, pad_id)))  # warm-up
    latencies = []
    started = time.perf_counter()
    for ids, mask in batches(encoded, size, pad_id):
        t = time.perf_counter()
        run(ids, mask)
        latencies.append((time.perf_counter() - t) * 1e3 / len(ids))
    elapsed = time.perf_counter() - started
    latencies.sort()
    result = {
        "name": name,
        "texts": len(encoded),
        "seconds": elapsed,
        "texts_per_second": len(encoded) / elapsed,
        "p50_ms": latencies[len(latencies) // 2],
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(result), flush=True)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--texts", default="../shared/data/train/reviews.jsonl")
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-sizes", default="1,8")
    parser.add_argument("--skip-onnx", action="store_true")
    parser.add_argument("--out", default="target/bench/reference.json")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    config = json.load(open(os.path.join(args.model, "config.json")))
    extras = config.get("gongqing", {})
    prefix = extras.get("text_prefix", "")
    max_len = min(extras.get("max_length", config["max_position_embeddings"]), config["max_position_embeddings"])
    tokenizer = Tokenizer.from_file(os.path.join(args.model, "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_len)
    texts = []
    for line in open(args.texts, encoding="utf-8"):
        texts.append(json.loads(line)["text"])
        if len(texts) == args.limit:
            break
    encoded = [e.ids for e in tokenizer.encode_batch([prefix + t for t in texts])]
    pad_id = config.get("pad_token_id", 0)
    sizes = [int(s) for s in args.batch_sizes.split(",")]

    model = Classifier(args.model)
    results = []

    def torch_run(ids, mask):
        with torch.inference_mode():
            return model(torch.from_numpy(ids), torch.from_numpy(mask))

    for size in sizes:
        results.append(timed(f"transformers+torch eager batch {size}", torch_run, encoded, size, pad_id))

    if not args.skip_onnx:
        import onnxruntime as ort
        from onnxruntime.quantization import QuantType, quantize_dynamic

        work = tempfile.mkdtemp()
        fp32 = os.path.join(work, "model.onnx")
        int8 = os.path.join(work, "model.int8.onnx")
        sample = next(batches(encoded[:2], 2, pad_id))
        torch.onnx.export(
            model, (torch.from_numpy(sample[0]), torch.from_numpy(sample[1])), fp32,
            input_names=["input_ids", "attention_mask"], output_names=["probabilities"],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}},
            opset_version=17, dynamo=False,
        )
        quantize_dynamic(fp32, int8, weight_type=QuantType.QInt8)
        options = ort.SessionOptions()
        options.intra_op_num_threads = args.threads
        options.inter_op_num_threads = 1
        for label, path in [("onnxruntime fp32", fp32), ("onnxruntime int8", int8)]:
            session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])

            def ort_run(ids, mask, session=session):
                return session.run(None, {"input_ids": ids, "attention_mask": mask})

            for size in sizes:
                results.append(timed(f"{label} batch {size}", ort_run, encoded, size, pad_id))

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    mean_tokens = round(sum(len(e) for e in encoded) / len(encoded))
    json.dump({"threads": args.threads, "mean_tokens": mean_tokens, "runs": results}, open(args.out, "w"), indent=1)


if __name__ == "__main__":
    main()
