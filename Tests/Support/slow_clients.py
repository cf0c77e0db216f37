#!/usr/bin/env python3
"""Slow clients against `digest serve`, for its timeout tests.

Usage: slow_clients.py PORT N WAIT. Opens N connections that trickle a request head one header
line every 0.3 s (never finishing it), and one that sends nothing; prints one JSON line: how many
the server closed within WAIT seconds, the latest close (seconds after connecting), when the
silent one was closed, and what a normal request got while they were held.
"""
import json
import socket
import sys
import time

port, n, wait = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
start = time.monotonic()
silent = socket.create_connection(("127.0.0.1", port))  # first, so that it holds a connection slot
silent.setblocking(False)
slow = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.setblocking(False)
    slow.append(s)
closed_at = {}
busy_status = None


def gone(s):
    try:
        data = s.recv(4096)
        return data == b"" or data.startswith(b"HTTP/1.1 408") or data.startswith(b"HTTP/1.1 503")
    except BlockingIOError:
        return False
    except OSError:
        return True


for s in slow:
    try:
        s.send(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    except OSError:
        pass
while time.monotonic() - start < wait and len(closed_at) < n + 1:
    if busy_status is None and time.monotonic() - start > 0.5:
        try:
            c = socket.create_connection(("127.0.0.1", port), timeout=5)
            c.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            busy_status = int(c.recv(64).split(b" ")[1])
            c.close()
        except OSError as e:
            busy_status = str(e)
    for i, s in enumerate(slow + [silent]):
        if i in closed_at:
            continue
        if gone(s):
            closed_at[i] = time.monotonic() - start
        elif i < n:
            try:
                s.send(b"X-Slow: 1\r\n")
            except OSError:
                closed_at[i] = time.monotonic() - start
    time.sleep(0.3)
print(json.dumps({"closed": len([i for i in closed_at if i < n]), "latest": max([closed_at.get(i, wait) for i in range(n)]),
                  "silent": closed_at.get(n), "during": busy_status}))
