#!/usr/bin/env bash
# Quick start: install what is needed, build, and run the digest on the bundled samples
# (offline; the sample feeds are read through libcurl's file:// support).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product digest
.build/release/digest run --config Samples/feeds.yaml --week 2026-W48 --now 2026-11-30T08:00:00Z "$@"
echo
echo "Open output/site/index.html, read output/recap/2026-W48.md, or the email in output/email/2026-W48.eml."
