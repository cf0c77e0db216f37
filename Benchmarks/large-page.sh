#!/usr/bin/env bash
# A 20 MB article page full of token figures, through the whole run (fetch over loopback, extract,
# metrics, card, publish): wall time against the 5 s budget, and peak memory. The text is cut at
# 200,000 characters and the metrics at 100 per item (Sources/DigestPipeline/Bounds.swift).
# Usage: Benchmarks/large-page.sh [MB]   (default 20; needs a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
bin=.build/release/digest
[ -x "$bin" ] || { echo "large-page: build first: swift build -c release" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 Tests/Support/fault_server.py 0 300 > "$work/port" &
server=$!
for _ in $(seq 50); do grep -q PORT "$work/port" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/PORT/{print $2}' "$work/port")
cat > "$work/feeds.yaml" <<YAML
templates: $(pwd)/Templates
timezone: UTC
fetch:
  max_mb: $((mb + 10))
  timeout: 60
sources:
  - id: huge
    url: http://127.0.0.1:$port/huge-feed?mb=$mb
    full_content: true
YAML
/usr/bin/time -f "%e %M" -o "$work/time" "$bin" run --config "$work/feeds.yaml" --output "$work/out" --week 2026-W48 \
  --now 2026-11-30T08:00:00Z --quiet 2> "$work/err" || { cat "$work/err"; exit 1; }
read -r secs kb < "$work/time"
python3 - "$secs" "$kb" "$mb" <<'PY'
import sys
secs, kb, mb = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
print(f"{mb} MB article page, whole run: {secs:.2f} s wall ({secs / 5:.2f}x the 5 s budget), peak {kb // 1024} MB")
PY
grep -c "^warning:" "$work/err" | sed 's/^/warnings: /'
