#!/usr/bin/env bash
# 1,000 feeds from 64 loopback hosts (127.0.0.1-64), every answer delayed 200 ms
# (Benchmarks/loopback_feeds.py), fetched and parsed by `digest fetch` at concurrency 16 and 64
# (per-host limit 2, so 64 hosts never bind). Prints wall time against the ideal
# (feeds / concurrency x delay), CPU and peak memory; then a second run at 64 where every source
# answers 304, and the CPU ratio of the first run to it.
# Targets (issue #4): wall <= 1.3x ideal, peak < 200 MB, 304 run >= 5x less CPU.
# Usage: Benchmarks/fetch-speed.sh [FEEDS] [DELAY_MS]   (defaults 1000 200). Needs a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
delay=${2:-200}
. Benchmarks/loopback.sh
start_loopback fetch-speed "$n" "$delay"
run() {  # concurrency output-dir label
  sed "s/^timezone: UTC/timezone: UTC\nfetch:\n  concurrency: $1\n  per_host: 2\n  timeout: 30/" "$work/feeds.yaml" > "$work/c$1.yaml"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" fetch --config "$work/c$1.yaml" --output "$2" --quiet --json \
    > "$work/report.json" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall user sys kb < "$work/time"
  python3 - "$work/report.json" "$1" "$wall" "$user" "$sys" "$kb" "$n" "$delay" "$3" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c, wall, user, sys_, kb, n, delay, label = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8]) / 1000, sys.argv[9]
ideal = n / c * delay
print(f"{label}: concurrency {c}: {wall:.2f} s wall, ideal {ideal:.2f} s, ratio {wall / ideal:.2f} (target <= 1.3); "
      f"CPU {user + sys_:.2f} s; peak {kb // 1024} MB (target < 200); ok {r['ok']}, not modified {r['not_modified']}, "
      f"stale {r['stale']}, failed {r['failed']}; {r['bytes']} body bytes; {r['feeds_parsed']} feeds parsed; "
      f"{r['items_stored']} items stored")
open(sys.argv[1] + ".cpu", "w").write(str(user + sys_))
PY
}
run 16 "$work/out16" "cold"
run 64 "$work/out64" "cold"
cold=$(cat "$work/report.json.cpu")
run 64 "$work/out64" "304 "
warm=$(cat "$work/report.json.cpu")
python3 -c "print(f'CPU cold/304 at concurrency 64: {$cold / max($warm, 0.001):.1f}x (target >= 5)')"
