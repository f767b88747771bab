#!/usr/bin/env python3
"""Replays conversation files through gongqing's MonitorConversation stream, turn by turn, as a CRM would.

    python -m grpc_tools.protoc -I proto --python_out=. --grpc_python_out=. proto/gongqing/v1/empathy.proto
    PYTHONPATH=. python docs/examples/monitor_replay.py conversations.jsonl [--addr 127.0.0.1:50051] [--delay 0.2]

Each line of the file is {"id", "turns": [{"role": "customer"|"agent", "text"}], ...}. All conversations share
one stream, interleaved turn by turn, the way one CRM connection carries every chat it is serving.
"""

import argparse
import itertools
import json
import queue
import threading
import time

import grpc
from gongqing.v1 import empathy_pb2 as pb, empathy_pb2_grpc as rpc

ROLES = {"customer": pb.ROLE_CUSTOMER, "agent": pb.ROLE_AGENT}
DONE = object()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--addr", default="127.0.0.1:50051")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds between turns")
    args = parser.parse_args()
    with open(args.file, encoding="utf-8") as f:
        conversations = [json.loads(line) for line in f if line.strip()]

    outbox = queue.Queue()

    def requests():
        # The CRM pushes each new chat message here as it happens; gongqing answers every one in order.
        while (item := outbox.get()) is not DONE:
            yield item

    def feed():
        for turns in itertools.zip_longest(*[c["turns"] for c in conversations]):
            for conversation, turn in zip(conversations, turns):
                if turn is not None:
                    outbox.put(pb.MonitorRequest(
                        conversation_id=conversation["id"],
                        turn=pb.Turn(role=ROLES[turn["role"]], text=turn["text"]),
                    ))
            time.sleep(args.delay)
        for conversation in conversations:
            # A request without a turn ends the conversation and frees its state on the server.
            outbox.put(pb.MonitorRequest(conversation_id=conversation["id"]))
        outbox.put(DONE)

    threading.Thread(target=feed, daemon=True).start()
    stub = rpc.EmpathyStub(grpc.insecure_channel(args.addr))
    try:
        for update in stub.MonitorConversation(requests()):
            reasons = ",".join(pb.RiskReason.Name(r).removeprefix("RISK_REASON_").lower() for r in update.reasons)
            flag = "ALERT " if update.alert else "      "
            print(f"{flag}{update.conversation_id}#{update.turn_index} risk={update.escalation_risk:.2f} "
                  f"trend={pb.Trend.Name(update.trend)} reasons=[{reasons}]")
            if update.alert:
                # In a CRM: highlight the chat, notify the team lead, show the suggestion to the agent.
                print(f"       → {update.suggestion}")
    except grpc.RpcError as e:
        print(f"stream ended: {e.code().name}: {e.details()}")


if __name__ == "__main__":
    main()
