#!/usr/bin/env python3
"""Serves N generated feeds from 64 loopback hosts (127.0.0.1 … 127.0.0.64) on one port, each
answer delayed by DELAY ms, with ETags: a request carrying the current ETag gets 304. Each item
links to an article page on the same host (/article/N).

Usage: loopback_feeds.py DIR N PORT DELAY_MS
Writes DIR/feeds.yaml (source i at http://127.0.0.(i % 64 + 1):PORT/feed/i) and prints "READY"
once all 64 listeners are up. Feeds are RSS 2.0 in the shape of the bundled 36Kr sample, ten
items each (about 8 KB), every item distinct. Runs until killed.
"""
import asyncio
import hashlib
import sys

DIR, N, PORT, DELAY = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]) / 1000
HOSTS = 64


def feed(i):
    items = []
    for k in range(10):
        n = i * 10 + k
        items.append(
            f"<item><title>模型{n}周调用量达{(n % 97) / 10 + 1:.1f}万亿Token，环比增长{n % 40 + 1}%</title>"
            f"<link>http://127.0.0.{i % HOSTS + 1}:{PORT}/article/{n}</link><guid isPermaLink=\"false\">b{n}</guid>"
            f"<pubDate>2026-11-2{4 + k % 5} 1{k % 10}:00:00  +0800</pubDate>"
            f"<description><![CDATA[<p>36氪获悉，模型{n}本周Token调用量达到{(n % 97) / 10 + 1:.1f}万亿，"
            f"周环比增长{n % 40 + 1}%。其价格为每百万tokens {n % 9 + 1}元。</p>"
            f"<p>Model {n} processed {(n % 97) / 10 + 1:.1f}T tokens this week, up {n % 40 + 1}% week over week, "
            f"developers said on Tuesday as usage of Chinese models kept growing.</p>]]></description></item>")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
            f"<title>Bench {i}</title><link>https://bench.example/{i}</link>" + "".join(items) +
            "</channel></rss>").encode("utf-8")


def article(n):
    """The page an item links to: a headline, a menu and the story in paragraphs (about 3 KB)."""
    story = "".join(f"<p>Paragraph {p} of story {n}: Model {n} processed {(n % 97) / 10 + 1:.1f}T tokens this week, "
                    f"up {n % 40 + 1}% week over week, as developers moved more of their traffic to it.</p>"
                    for p in range(12))
    return (f"<!doctype html><html><head><meta charset=utf-8><title>Story {n}</title></head><body>"
            "<nav><a href=/>Home</a> <a href=/ai>AI</a> <a href=/biz>Business</a></nav>"
            f"<article><h1>Story {n}</h1>{story}</article><footer>© Bench</footer></body></html>").encode("utf-8")


FEEDS = [feed(i) for i in range(N)]
ETAGS = ['"%s"' % hashlib.sha1(f).hexdigest()[:16] for f in FEEDS]


async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1]
            headers = {l.split(":", 1)[0].lower(): l.split(":", 1)[1].strip() for l in lines[1:] if ":" in l}
            await asyncio.sleep(DELAY)
            try:
                i = int(path.rsplit("/", 1)[1])
                if path.startswith("/article/"):
                    page = article(i)
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                                 + f"Content-Length: {len(page)}\r\n\r\n".encode() + page)
                    await writer.drain()
                    continue
                body, etag = FEEDS[i], ETAGS[i]
            except (ValueError, IndexError):
                writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                continue
            if headers.get("if-none-match") == etag:
                writer.write(f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\n\r\n".encode())
            else:
                writer.write(f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\n"
                             f"ETag: {etag}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionResetError, BrokenPipeError):
        pass
    finally:
        writer.close()


async def main():
    servers = [await asyncio.start_server(handle, f"127.0.0.{h + 1}", PORT, backlog=512) for h in range(HOSTS)]
    with open(f"{DIR}/feeds.yaml", "w") as f:
        f.write("timezone: UTC\noutput: out\nsources:\n")
        for i in range(N):
            f.write(f"  - id: f{i}\n    url: http://127.0.0.{i % HOSTS + 1}:{PORT}/feed/{i}\n    language: zh\n")
    print("READY", flush=True)
    await asyncio.gather(*(s.serve_forever() for s in servers))


asyncio.run(main())
