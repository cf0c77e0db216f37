#!/usr/bin/env bash
# Article extraction throughput: `digest extract --files-from LIST --jsonl` (one process) beside
# trafilatura in one Python process, over the same pages (../shared/corpus/articles, both dev
# sets, the list repeated R times so each run lasts seconds, not a fraction of one). Best of 3
# runs per tool (this machine is shared and noisy). Prints pages/s, peak memory and the ratio,
# for digest on one core (`--jobs 1`) and on every core (the default).
# Usage: Benchmarks/extract-speed.sh [R]   (default 5). Needs a release build and
# `pip install trafilatura lxml_html_clean`.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
reps=${1:-5}
bin=.build/release/digest
[ -x "$bin" ] || { echo "extract-speed: build first: swift build -c release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
find "$shared/corpus/articles" -name source.html | sort > "$work/once.txt"
for _ in $(seq "$reps"); do cat "$work/once.txt"; done > "$work/list.txt"
n=$(wc -l < "$work/list.txt")
best() {  # name, command...: the best (lowest) wall time of three runs, and its peak memory
  local name=$1; shift
  local b=999999 m=0
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null 2>&1 || true
    read -r s k < "$work/t"
    if python3 -c "import sys; sys.exit(0 if $s < $b else 1)"; then b=$s; m=$k; fi
  done
  echo "$name $b $m" >> "$work/results"
}
best d1 "$bin" extract --files-from "$work/list.txt" --jsonl --jobs 1
best dn "$bin" extract --files-from "$work/list.txt" --jsonl
best tr python3 -c "
import sys, trafilatura
for p in open(sys.argv[1]).read().split():
    trafilatura.extract(open(p, 'rb').read())
" "$work/list.txt"
python3 - "$work/results" "$n" "$(nproc)" "$reps" <<'PY'
import sys
rows = {l.split()[0]: (float(l.split()[1]), int(l.split()[2])) for l in open(sys.argv[1])}
n, cores, reps = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
(d1s, d1m), (dns, dnm), (ts, tm) = rows["d1"], rows["dn"], rows["tr"]
print(f"{n} pages (the corpus list {reps}x), best of 3 runs")
print(f"digest extract --jsonl --jobs 1 : {n/d1s:8.1f} pages/s  peak {d1m/1024:6.0f} MB")
print(f"digest extract --jsonl ({cores} cores): {n/dns:8.1f} pages/s  peak {dnm/1024:6.0f} MB")
print(f"trafilatura (1 process)        : {n/ts:8.1f} pages/s  peak {tm/1024:6.0f} MB")
print(f"digest / trafilatura: {ts/d1s:.1f}x the throughput on one core, {ts/dns:.1f}x on {cores} cores")
PY
