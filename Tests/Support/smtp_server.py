#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for digest's mail tests (aiosmtpd, Mailbox handler).

Usage: smtp_server.py MAILDIR [LIFETIME]. Picks a free port, prints "PORT <n>", stores every
message it receives in MAILDIR/new, and stops when its parent exits or after LIFETIME seconds.
Recipients steer faults: one containing "reject-rcpt" gets 550 at RCPT, "reject-data" makes the
server answer 554 to the message, "hang" makes it never answer the final ".", "drop" makes it close
the connection instead of answering.
"""
import asyncio
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


class Faulty(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "reject-rcpt" in address:
            return "550 5.1.1 <%s>: Recipient address rejected: user unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        rcpts = " ".join(envelope.rcpt_tos)
        if "reject-data" in rcpts:
            return "554 5.7.1 Message rejected: looks like spam"
        if "hang" in rcpts:
            await asyncio.sleep(3600)
        if "drop" in rcpts:
            session.transport.close() if hasattr(session, "transport") and session.transport else None
            server.transport.close()
            return "421 closing"
        return await super().handle_DATA(server, session, envelope)


def main():
    maildir = sys.argv[1]
    lifetime = float(sys.argv[2]) if len(sys.argv) > 2 else 300
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    ctl = Controller(Faulty(maildir), hostname="127.0.0.1", port=free_port())
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
