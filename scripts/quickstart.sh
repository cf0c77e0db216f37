#!/usr/bin/env bash
# Quick start: install what is needed, build, and run the digest on the bundled samples
# (offline; the sample feeds are read through libcurl's file:// support).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product digest
# Three weekly runs, as a cron job would make them: the history gives the recap its chart.
for week in 2026-W46 2026-W47 2026-W48; do
  .build/release/digest run --config Samples/feeds.yaml --week "$week" --now 2026-11-30T08:00:00Z "$@"
done
echo
echo "Open output/site/index.html (or: .build/release/digest serve --config Samples/feeds.yaml),"
echo "read output/recap/2026-W48.md, or the email in output/email/2026-W48.eml."
