#!/usr/bin/env python3
"""A scripted OpenAI-compatible chat-completions server for digest's model tests (127.0.0.1).

Usage: chat_script_server.py SCRIPT LOG [LIFETIME]. Prints "PORT <n>".

SCRIPT is JSON written by the test: {"rules": [{"match": "…", "replies": [REPLY, …]}], "default": [REPLY, …]}.
A request is answered by the first rule whose "match" occurs in its messages (else "default"); the
n-th request a rule answers gets its n-th reply (the last one repeats). A REPLY is
{"answer": {...}} (sent as the message content, JSON-encoded) or {"content": "raw text"}, with
optional "status" (default 200), "headers", "delay" (seconds before answering) and "usage"
({"prompt_tokens", "completion_tokens"}; default: a count of four characters a token; "usage": null
leaves it out). Every request is appended to LOG as one JSON line: path, authorization, time (monotonic) and body.
"""
import http.server
import json
import sys
import threading
import time

from serverlib import serve_until_parent_exits

SCRIPT = json.load(open(sys.argv[1], encoding="utf-8"))
LOG = sys.argv[2]
LOCK = threading.Lock()
COUNTS = {}


def pick(messages):
    text = "\n".join(m.get("content", "") for m in messages)
    for n, rule in enumerate(SCRIPT.get("rules", [])):
        if rule["match"] in text:
            return ("rule", n), rule["replies"]
    return ("default", 0), SCRIPT.get("default", [{"content": "{}"}])


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body = json.loads(raw or b"{}")
        messages = body.get("messages", [])
        with LOCK:
            with open(LOG, "a", encoding="utf-8") as f:
                f.write(json.dumps({"path": self.path, "authorization": self.headers.get("Authorization"),
                                    "time": time.monotonic(), "body": body}, ensure_ascii=False) + "\n")
            key, replies = pick(messages)
            n = COUNTS.get(key, 0)
            COUNTS[key] = n + 1
        reply = replies[min(n, len(replies) - 1)]
        time.sleep(reply.get("delay", 0))
        status = reply.get("status", 200)
        if status != 200:
            data = json.dumps({"error": {"message": "scripted status %d" % status}}).encode()
        else:
            content = reply["content"] if "content" in reply else json.dumps(reply["answer"], ensure_ascii=False)
            answer = {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
            prompt_chars = sum(len(m.get("content", "")) for m in messages)
            usage = reply.get("usage", {"prompt_tokens": prompt_chars // 4, "completion_tokens": len(content) // 4})
            if usage is not None:
                answer["usage"] = usage
            data = json.dumps(answer, ensure_ascii=False).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in reply.get("headers", {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)


def main():
    lifetime = float(sys.argv[3]) if len(sys.argv) > 3 else 300
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    print("PORT %d" % srv.server_address[1], flush=True)
    serve_until_parent_exits(srv, lifetime)


if __name__ == "__main__":
    main()
