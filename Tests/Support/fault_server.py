#!/usr/bin/env python3
"""Loopback HTTP server with fault injection for digest's fetch tests.

Usage: fault_server.py [PORT [LIFETIME]]. Binds 127.0.0.1 on the port given (0 = any free port) and prints "PORT <n>" on its first
line of stdout. Routes (state per ?key= so tests do not interfere):
  /ok                 200, ETag "v1", Last-Modified; body "hello"
  /etag               304 when If-None-Match is "v1" (or If-Modified-Since is sent), else 200
  /flaky?key=K        500 the first time for K, then 200 "recovered"
  /limited?key=K      429 with Retry-After: 1 the first time for K, then 200
  /redirect?n=N       a chain of N redirects ending at /ok
  /loop               redirects to itself
  /to-file            302 to file:///etc/passwd
  /big?mb=N           N MiB of "x"
  /slow-first-byte?s=S  waits S seconds before answering
  /gzip-truncated     gzip-encoded body cut in the middle
  /reset              closes the connection without answering
  /challenge          200 text/html anti-bot page
  /feed?charset=C     a small RSS feed; Content-Type charset C (body is UTF-8)
  /file/PATH          serves Tests/Fixtures/PATH (nothing outside it)
  /flip?key=K&then=P  the feed the first time for K, afterwards what route P answers
  /hold?ms=N&key=K    waits N ms, then the feed; counts requests in flight per K and per Host
  /stats?key=K        JSON: hits, most in flight at once for K, and per Host
  /status?code=N      answers with status N
  /encoded?enc=E      the feed with Content-Encoding E (gzip, deflate, br)
  /echo-headers       the request's headers as JSON
  /lead-feed?article=P  RSS: one item with a short lead linking P (default /article), one linking file:///etc/hostname
  /article            an article page with token figures
  /slow-body?s=S      headers at once, then one byte a second for S seconds
  /huge-feed?mb=N     RSS: one item with a short lead linking /huge-article?mb=N
  /huge-article?mb=N  an article page of N MB of paragraphs full of token figures
It stops when the process that started it exits, or after LIFETIME seconds (default 600).
"""
import gzip
import http.server
import os
import socket
import sys
import threading
import time
import urllib.parse

from serverlib import serve_until_parent_exits

STATE = {}
LOCK = threading.Lock()
STATS = {}  # key -> {"hits": n, "now": n, "max": n, "hosts": {host: [now, max]}}
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures")

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback</title><link>http://127.0.0.1/</link>
<item><title>中国模型周调用量12.96万亿Token</title><link>http://127.0.0.1/a?f=rss</link>
<pubDate>2026-11-24 18:01:25  +0800</pubDate><description>周环比上涨31.48%</description></item>
</channel></rss>"""


def first_time(key):
    with LOCK:
        n = STATE.get(key, 0)
        STATE[key] = n + 1
        return n == 0


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, status, body, ctype="text/plain; charset=utf-8", headers=None):
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        u = urllib.parse.urlparse(self.path)
        q = dict(urllib.parse.parse_qsl(u.query))
        self.route(u.path, q)

    def count(self, key, delta):
        host = self.headers.get("Host", "").split(":")[0]
        with LOCK:
            st = STATS.setdefault(key, {"hits": 0, "now": 0, "max": 0, "hosts": {}})
            h = st["hosts"].setdefault(host, [0, 0])
            if delta > 0:
                st["hits"] += 1
            st["now"] += delta
            h[0] += delta
            st["max"] = max(st["max"], st["now"])
            h[1] = max(h[1], h[0])

    def route(self, p, q):
        key = q.get("key", "")
        if p not in ("/stats",) and key:
            self.count("hits:" + key, 1)
            self.count("hits:" + key, -1)
        if p == "/flip":
            if first_time("flip" + key):
                self.send_body(200, FEED, "application/rss+xml; charset=utf-8")
            else:
                self.route("/" + q.get("then", "challenge"), {k: v for k, v in q.items() if k not in ("key",)})
            return
        if p == "/hold":
            self.count(key, 1)
            try:
                time.sleep(int(q.get("ms", "300")) / 1000)
                self.send_body(200, FEED, "application/rss+xml; charset=utf-8")
            finally:
                self.count(key, -1)
            return
        if p == "/stats":
            import json
            with LOCK:
                st = STATS.get(key, {"hits": 0, "max": 0, "hosts": {}})
                hits = STATS.get("hits:" + key, {"hits": 0})["hits"]
                body = json.dumps({"hits": hits, "max": st["max"], "hosts": {h: v[1] for h, v in st["hosts"].items()}})
            self.send_body(200, body, "application/json")
            return
        if p == "/slow-body":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(int(q.get("s", "10"))):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
            return
        if p == "/encoded":
            import zlib
            enc = q.get("enc", "gzip")
            raw = FEED.encode("utf-8")
            if enc == "gzip":
                data = gzip.compress(raw)
            elif enc == "deflate":
                data = zlib.compress(raw)
            else:
                import brotli
                data = brotli.compress(raw)
            self.send_body(200, data, "application/rss+xml; charset=utf-8", {"Content-Encoding": enc})
            return
        if p == "/echo-headers":
            import json
            self.send_body(200, json.dumps({k.lower(): v for k, v in self.headers.items()}), "application/json")
            return
        if p == "/lead-feed":
            host = self.headers.get("Host", "127.0.0.1")
            body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Leads</title>"
                    "<item><title>Lead only</title><link>http://%s%s</link><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>"
                    "<description>A short lead.</description></item>"
                    "<item><title>Local file</title><link>file:///etc/hostname</link><pubDate>Tue, 24 Nov 2026 11:00:00 GMT</pubDate>"
                    "<description>Tries to make us read a local file.</description></item>"
                    "</channel></rss>") % (host, q.get("article", "/article").replace("&", "&amp;"))
            self.send_body(200, body, "application/rss+xml; charset=utf-8")
            return
        if p == "/huge-feed":
            base = "http://127.0.0.1:%d" % self.server.server_address[1]
            body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Huge</title>'
                    '<item><title>A page of figures</title><link>%s/huge-article?mb=%s</link>'
                    '<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate><description>Token figures.</description></item>'
                    '</channel></rss>') % (base, q.get("mb", "20"))
            self.send_body(200, body, "application/rss+xml; charset=utf-8")
            return
        if p == "/huge-article":
            para = ("<p>Chinese models processed 12.96T tokens last week, up 31.48% week over week, while the price "
                    "fell to $0.5 per million input tokens.</p>\n")
            n = int(float(q.get("mb", "20")) * 1e6 / len(para))
            self.send_body(200, "<!DOCTYPE html><html><head><title>Figures</title></head><body><article><h1>Figures</h1>"
                           + para * n + "</article></body></html>", "text/html; charset=utf-8")
            return
        if p == "/article":
            self.send_body(200, "<!DOCTYPE html><html><head><title>Full story</title></head><body><nav>Home</nav>"
                                "<article><h1>Full story</h1><p>The full article says the model served 4.2T tokens a day "
                                "in November, up 35% month over month, according to the company.</p><p>It also cut its "
                                "price to $0.20 per million input tokens for long documents and agents.</p></article>"
                                "</body></html>", "text/html; charset=utf-8")
            return
        if p == "/status":
            self.send_body(int(q.get("code", "503")), "status %s" % q.get("code", "503"))
            return
        if p == "/ok":
            self.send_body(200, "hello", headers={"ETag": '"v1"', "Last-Modified": "Tue, 24 Nov 2026 10:00:00 GMT"})
        elif p == "/etag":
            if self.headers.get("If-None-Match") == '"v1"' or self.headers.get("If-Modified-Since"):
                self.send_response(304)
                self.send_header("ETag", '"v1"')
                self.end_headers()
            else:
                self.send_body(200, FEED, "application/rss+xml", {"ETag": '"v1"'})
        elif p == "/flaky":
            if first_time("flaky" + q.get("key", "")):
                self.send_body(500, "boom")
            else:
                self.send_body(200, FEED if q.get("feed") else "recovered", "application/rss+xml")
        elif p == "/limited":
            if first_time("limited" + q.get("key", "")):
                self.send_body(429, "slow down", headers={"Retry-After": "1"})
            else:
                self.send_body(200, FEED if q.get("feed") else "after wait", "application/rss+xml")
        elif p == "/redirect":
            n = int(q.get("n", "1"))
            self.redirect("/ok" if n <= 1 else "/redirect?n=%d" % (n - 1))
        elif p == "/loop":
            self.redirect("/loop")
        elif p == "/to-file":
            self.redirect("file:///etc/passwd")
        elif p == "/big":
            self.send_body(200, b"x" * (int(q.get("mb", "1")) << 20))
        elif p == "/slow-first-byte":
            time.sleep(float(q.get("s", "3")))
            self.send_body(200, "late")
        elif p == "/gzip-truncated":
            data = gzip.compress(FEED.encode("utf-8") * 50)
            cut = data[: len(data) // 2]
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(cut)
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        elif p == "/reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
        elif p == "/challenge":
            self.send_body(200, "<!DOCTYPE html><html><head><script>var _waftokenid='x';</script></head>"
                                "<body>Please wait…</body></html>", "text/html; charset=utf-8")
        elif p == "/feed":
            self.send_body(200, FEED, "application/rss+xml; charset=%s" % q.get("charset", "utf-8"))
        elif p.startswith("/file/"):
            root = os.path.realpath(FIXTURES)
            path = os.path.realpath(os.path.join(root, p[len("/file/"):]))
            if path.startswith(root + os.sep) and os.path.isfile(path):
                with open(path, "rb") as f:
                    self.send_body(200, f.read(), "application/octet-stream")
            else:
                self.send_body(404, "not found")
        else:
            self.send_body(404, "not found")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Clients that give up on purpose (size limits, timeouts) close the socket under us.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    lifetime = float(sys.argv[2]) if len(sys.argv) > 2 else 600
    srv = Server(("127.0.0.1", port), Handler)
    print("PORT %d" % srv.server_address[1], flush=True)
    serve_until_parent_exits(srv, lifetime)


if __name__ == "__main__":
    main()
