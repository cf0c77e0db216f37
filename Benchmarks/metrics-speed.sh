#!/usr/bin/env bash
# Throughput of `digest metrics` over a large text, at 1x, 4x and 16x the input, to show MB/s
# (wall clock, and per CPU second: the process is single-threaded, so CPU time is the
# one-core figure and the steadier one on a shared machine) and that time grows linearly.
#
# Input: all article text in ../shared/corpus (extraction ground truth, summary articles,
# metric sentences), concatenated. Needs a release build: swift build -c release.
# Usage: Benchmarks/metrics-speed.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
bin=.build/release/digest
[ -x "$bin" ] || { echo "metrics-speed: build first: swift build -c release" >&2; exit 2; }
[ -d "$shared/corpus" ] || { echo "metrics-speed: no corpus at $shared/corpus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
find "$shared/corpus/articles" -name expected.txt -print0 | xargs -0 cat > "$work/base.txt"
find "$shared/corpus/summaries" -name article.txt -print0 | xargs -0 cat >> "$work/base.txt"
python3 -c "import json,sys; [print(json.loads(l)['text']) for l in open(sys.argv[1])]" "$shared/corpus/metrics/dev.jsonl" >> "$work/base.txt"
for n in 1 4 16; do
  : > "$work/x$n.txt"
  for _ in $(seq "$n"); do cat "$work/base.txt" >> "$work/x$n.txt"; done
done
printf "%-6s %8s %8s %8s %10s %10s %8s %12s\n" size MB wall-s cpu-s "MB/s wall" "MB/s cpu" metrics "peak RSS MB"
base_rate=""
for n in 1 4 16; do
  f="$work/x$n.txt"
  mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1])/1e6)" "$f")
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" metrics "$f" --json > "$work/out.json"
  read -r secs user sys rss < "$work/time"
  count=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$work/out.json")
  cpu=$(python3 -c "print(f'{$user+$sys:.2f}')")
  rate=$(python3 -c "print(f'{$mb/max($secs,0.001):.1f}')")
  crate=$(python3 -c "print(f'{$mb/max($cpu,0.001):.1f}')")
  printf "%-6s %8.2f %8.2f %8.2f %10s %10s %8s %12.0f\n" "${n}x" "$mb" "$secs" "$cpu" "$rate" "$crate" "$count" "$(( rss / 1024 ))"
  [ -n "$base_rate" ] || base_rate=$crate
  last_rate=$crate
done
python3 -c "print(f'cpu throughput 16x / 1x: {float(\"$last_rate\")/float(\"$base_rate\"):.2f} (1.0 = linear)')"
