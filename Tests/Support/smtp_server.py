#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for digest's mail tests (aiosmtpd, Mailbox handler).

Usage: smtp_server.py MAILDIR [LIFETIME]. Picks a free port, prints "PORT <n>", stores every
message it receives in MAILDIR/new, and stops when its parent exits or after LIFETIME seconds.
"""
import os
import socket
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    maildir = sys.argv[1]
    lifetime = float(sys.argv[2]) if len(sys.argv) > 2 else 300
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    ctl = Controller(Mailbox(maildir), hostname="127.0.0.1", port=free_port())
    ctl.start()
    print("PORT %d" % ctl.port, flush=True)
    parent, deadline = os.getppid(), time.monotonic() + lifetime
    try:
        while time.monotonic() < deadline and os.getppid() == parent:
            time.sleep(0.2)
    finally:
        ctl.stop()


if __name__ == "__main__":
    main()
