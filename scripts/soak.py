"""Soak driver for scripts/soak (see there). Starts `gongqing serve` on 127.0.0.1, measures its capacity with a
closed loop, then offers twice that rate open-loop for --minutes, checking every answer."""
import argparse
import collections
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time

import grpc
from grpc_tools import protoc

TEXTS = [
    "我的快递怎么还没到？都一个星期了", "太差了，再也不买了", "谢谢你们，非常满意", "请问订单号在哪里看",
    "不是很满意，但是客服态度还可以", "等了好久也没人回复，很着急", "东西收到了，还行吧", "退款什么时候到账？",
    "你们这服务真棒！", "我很失望，说好的今天到", "没有问题了，感谢", "能不能快点处理啊😡", "一般般",
    "并非不好，只是有点贵", "这已经是第三次联系你们了", "好的 知道了", "为什么扣了我两次钱？？？",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--backend", default="auto")
    ap.add_argument("--model", default="models/default")
    ap.add_argument("--concurrency", type=int, default=32, help="client threads")
    ap.add_argument("--calibrate-seconds", type=float, default=10.0)
    ap.add_argument("--factor", type=float, default=2.0, help="offered load / measured capacity")
    ap.add_argument("--out", default=None, help="write the JSON report here too")
    args = ap.parse_args()

    # gRPC stubs from proto/, into a temporary folder.
    stubs = tempfile.mkdtemp(prefix="gongqing-soak-")
    rc = protoc.main(["protoc", "-Iproto", f"--python_out={stubs}", f"--grpc_python_out={stubs}",
                      "proto/gongqing/v1/empathy.proto"])
    if rc != 0:
        sys.exit("protoc failed")
    sys.path.insert(0, stubs)
    from gongqing.v1 import empathy_pb2, empathy_pb2_grpc  # noqa: E402

    engine = ["--backend", args.backend, "--model", args.model]
    # Expected answers, from the same engine in-process.
    out = subprocess.run([args.bin, "classify", *engine, *TEXTS], check=True, capture_output=True, text=True).stdout
    expected = {row["text"]: row["classification"]["polarity_scores"] for row in json.loads(out)}

    port = free_port()
    addr = f"127.0.0.1:{port}"
    server = subprocess.Popen([args.bin, "serve", *engine, "--addr", addr], stderr=subprocess.DEVNULL)
    channel = grpc.insecure_channel(addr)
    grpc.channel_ready_future(channel).result(timeout=120)
    stub = empathy_pb2_grpc.EmpathyStub(channel)

    lock = threading.Lock()
    statuses = collections.Counter()
    wrong = []
    answered = [0]

    def call(rng):
        texts = rng.sample(TEXTS, rng.randint(1, 8))
        try:
            resp = stub.Classify(empathy_pb2.ClassifyRequest(texts=texts), timeout=10)
        except grpc.RpcError as e:
            with lock:
                statuses[e.code().name] += 1
            return
        bad = []
        for text, r in zip(texts, resp.results):
            got = [r.polarity_scores.negative, r.polarity_scores.neutral, r.polarity_scores.positive]
            want = expected[text]
            if any(abs(a - b) > 1e-4 for a, b in zip(got, want)):
                bad.append({"text": text, "got": got, "want": want})
        with lock:
            statuses["OK"] += 1
            answered[0] += len(texts)
            if len(resp.results) != len(texts):
                bad.append({"error": "result count", "sent": len(texts), "got": len(resp.results)})
            wrong.extend(bad)

    # 1. Capacity: closed loop, every thread calling back to back.
    stop = threading.Event()

    def closed(seed):
        rng = random.Random(seed)
        while not stop.is_set():
            call(rng)

    threads = [threading.Thread(target=closed, args=(i,)) for i in range(args.concurrency)]
    for t in threads:
        t.start()
    time.sleep(args.calibrate_seconds)
    stop.set()
    for t in threads:
        t.join()
    capacity = statuses["OK"] / args.calibrate_seconds
    rate = max(1.0, capacity * args.factor)
    print(f"capacity ≈ {capacity:.1f} calls/s; offering {rate:.1f} calls/s for {args.minutes} min", file=sys.stderr)
    statuses.clear()

    # 2. Open loop at rate: calls are launched on schedule whether or not earlier ones finished.
    from concurrent.futures import ThreadPoolExecutor
    deadline = time.monotonic() + args.minutes * 60
    rss = []
    pool = ThreadPoolExecutor(max_workers=args.concurrency * 4)
    rng = random.Random(1)
    next_at = time.monotonic()
    next_rss = 0.0
    start = time.monotonic()
    dropped = 0
    while time.monotonic() < deadline and server.poll() is None:
        now = time.monotonic()
        if now >= next_rss:
            rss.append({"t_s": round(now - start, 1), "rss_kib": rss_kib(server.pid)})
            next_rss = now + 5
        if pool._work_queue.qsize() > args.concurrency * 8:
            dropped += 1  # the client itself is saturated; do not queue unboundedly
        else:
            pool.submit(call, random.Random(rng.random()))
        next_at += 1.0 / rate
        time.sleep(max(0.0, next_at - time.monotonic()))
    pool.shutdown(wait=True)
    alive = server.poll() is None
    rss.append({"t_s": round(time.monotonic() - start, 1), "rss_kib": rss_kib(server.pid)})
    server.terminate()
    exit_code = server.wait(timeout=60)

    report = {
        "minutes": args.minutes, "capacity_calls_per_s": round(capacity, 1), "offered_calls_per_s": round(rate, 1),
        "statuses": dict(statuses), "texts_answered": answered[0], "wrong_answers": len(wrong),
        "wrong_examples": wrong[:5], "client_side_skipped": dropped, "server_alive_at_end": alive,
        "server_exit_code": exit_code, "rss": rss,
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(report, f, ensure_ascii=False, indent=1)
    sys.exit(0 if not wrong and alive and exit_code == 0 else 1)


if __name__ == "__main__":
    main()
