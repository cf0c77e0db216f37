#!/usr/bin/env python3
"""A local OpenAI-compatible chat-completions server for digest's model tests.

Usage: chat_server.py COUNTER_FILE [LIFETIME]. Prints "PORT <n>". For a prompt about the
reference story (it mentions 12.96) it answers with numbers taken from the story; for any
other prompt it answers with an invented number (99%), which digest must discard. Every
request appends a line to COUNTER_FILE. Stops with its parent or after LIFETIME seconds.
"""
import http.server
import json
import sys

from serverlib import serve_until_parent_exits

COUNTER = sys.argv[1]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        with open(COUNTER, "a") as f:
            f.write(self.path + " " + self.headers.get("Authorization", "-") + "\n")
        user = next((m["content"] for m in body.get("messages", []) if m.get("role") == "user"), "")
        if self.path != "/v1/chat/completions":
            answer, status = {"error": "not found"}, 404
        elif "12.96" in user:
            card = {"title": "China's models top OpenRouter for a fifth week",
                    "hook": "Chinese models: 12.96T tokens, +31.48% WoW",
                    "tldr": "Chinese models processed 12.96T tokens on OpenRouter, up 31.48% week over week, "
                            "while global usage reached 27T tokens."}
            answer, status = {"choices": [{"message": {"role": "assistant", "content": json.dumps(card)}}]}, 200
        else:
            card = {"title": "Invented", "hook": "Usage grew 99% this week", "tldr": "An invented 99% figure."}
            answer, status = {"choices": [{"message": {"role": "assistant", "content": json.dumps(card)}}]}, 200
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    lifetime = float(sys.argv[2]) if len(sys.argv) > 2 else 300
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    print("PORT %d" % srv.server_address[1], flush=True)
    serve_until_parent_exits(srv, lifetime)


if __name__ == "__main__":
    main()
