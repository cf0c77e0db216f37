#!/usr/bin/env bash
# A whole `digest run` over 5,000 loopback feeds (Benchmarks/loopback_feeds.py: 64 hosts, every
# answer delayed 200 ms, ten items each) at concurrency 64: the fetch step's wall time (a `digest
# fetch` of its own) against the ideal (feeds / concurrency x delay; target <= 1.1x), the whole run's wall time, peak memory
# (target <= 250 MB) and the size of what it publishes (site, email, recap).
# Usage: Benchmarks/run-scale.sh [FEEDS] [DELAY_MS]   (defaults 5000 200). Needs a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
delay=${2:-200}
. Benchmarks/loopback.sh
start_loopback run-scale "$n" "$delay"
sed "s/^timezone: UTC/timezone: UTC\nfetch:\n  concurrency: 64\n  per_host: 2\n  timeout: 30/" "$work/feeds.yaml" > "$work/run.yaml"
echo "templates: $PWD/Templates" >> "$work/run.yaml"
# The fetch step alone, timed by `digest fetch` into its own folder (a run does not print it).
fetch=$("$bin" fetch --config "$work/run.yaml" --output "$work/fetch-only" --json 2> /dev/null \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["seconds"])' || echo 0)
/usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" run --config "$work/run.yaml" --output "$work/out" --week 2026-W48 \
  --now 2026-11-30T08:00:00Z > /dev/null 2> "$work/err" || { tail -5 "$work/err" >&2; exit 1; }
read -r wall user sys kb < "$work/time"
size() { du -sk "$1" 2>/dev/null | cut -f1; }
python3 - "$n" "$delay" "$wall" "$user" "$sys" "$kb" "${fetch:-0}" "$(size "$work/out/site")" "$(size "$work/out/email")" "$(size "$work/out/recap")" "$work/out" <<'PY'
import os, sys
n, delay, wall, user, sys_, kb, fetch = int(sys.argv[1]), int(sys.argv[2]) / 1000, float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
site, email, recap, out = int(sys.argv[8]), int(sys.argv[9]), int(sys.argv[10]), sys.argv[11]
ideal = n / 64 * delay
big = {f: os.path.getsize(os.path.join(out, f)) for f in ["site/index.html", "site/feed.xml"] if os.path.exists(os.path.join(out, f))}
emls = [os.path.join(out, "email", e) for e in os.listdir(os.path.join(out, "email"))] if os.path.isdir(os.path.join(out, "email")) else []
print(f"{n} feeds at concurrency 64, {int(delay * 1000)} ms each: ideal fetch {ideal:.1f} s")
if fetch:
    print(f"fetch step: {fetch:.1f} s wall = {fetch / ideal:.2f}x ideal (target <= 1.1x)")
print(f"whole run: {wall:.1f} s wall, {user + sys_:.1f} s CPU, peak {kb // 1024} MB (target <= 250 MB)")
print(f"published: site {site // 1024} MB, recap {recap // 1024} MB, email {email} KB; "
      + ", ".join(f"{k} {v // 1024} KB" for k, v in big.items()) + "".join(f", {os.path.basename(e)} {os.path.getsize(e) // 1024} KB" for e in emls))
PY
