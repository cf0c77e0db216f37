"""Shared by the test servers: serve until the test process that started us exits."""
import os
import threading
import time


def serve_until_parent_exits(srv, lifetime):
    """Run srv.serve_forever(); shut it down when the parent exits or after `lifetime` seconds."""
    parent, deadline = os.getppid(), time.monotonic() + lifetime

    def watchdog():
        while time.monotonic() < deadline and os.getppid() == parent:
            time.sleep(0.2)
        srv.shutdown()

    threading.Thread(target=watchdog, daemon=True).start()
    srv.serve_forever()
