#!/usr/bin/env python3
"""HTTPS server on 127.0.0.1 that speaks HTTP/2 only (ALPN "h2"), for digest's fetch tests.

Usage: h2_server.py DIR. Writes a self-signed certificate for 127.0.0.1 into DIR (openssl),
then prints "PORT <n>" on its first line. Every request gets a small RSS feed; the response
header x-seen-user-agent echoes the request's User-Agent. Stops when its parent exits.
"""
import asyncio
import os
import ssl
import subprocess
import sys

from h2.config import H2Configuration
from h2.connection import H2Connection
from h2.events import RequestReceived

FEED = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>H2</title>"
        "<item><title>Over HTTP/2</title><link>https://127.0.0.1/h2</link></item></channel></rss>").encode()


class H2Protocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.conn = H2Connection(config=H2Configuration(client_side=False, header_encoding="utf-8"))
        self.conn.initiate_connection()
        transport.write(self.conn.data_to_send())

    def data_received(self, data):
        for event in self.conn.receive_data(data):
            if isinstance(event, RequestReceived):
                agent = dict(event.headers).get("user-agent", "")
                self.conn.send_headers(event.stream_id, [
                    (":status", "200"), ("content-type", "application/rss+xml; charset=utf-8"),
                    ("content-length", str(len(FEED))), ("x-seen-user-agent", agent)])
                self.conn.send_data(event.stream_id, FEED, end_stream=True)
        self.transport.write(self.conn.data_to_send())


async def main():
    d = sys.argv[1]
    cert, key = os.path.join(d, "cert.pem"), os.path.join(d, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    ctx.set_alpn_protocols(["h2"])
    server = await asyncio.get_running_loop().create_server(H2Protocol, "127.0.0.1", 0, ssl=ctx)
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
    parent = os.getppid()
    while os.getppid() == parent:  # the test process went away: stop
        await asyncio.sleep(1)


asyncio.run(main())
