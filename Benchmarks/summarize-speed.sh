#!/usr/bin/env bash
# TL;DRs per second in batch mode on one core: every article of ../shared/corpus/summaries,
# repeated N times, through one `digest summarize --files-from LIST --jsonl` process (single
# threaded), side by side with the lead baseline in Python over the same files in one process.
# Prints articles/s (from user CPU, best of 3) and peak memory. Target (issue #9): >= 2000/s.
# Usage: Benchmarks/summarize-speed.sh [N]   (default 20). Needs a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
bin=.build/release/digest
[ -x "$bin" ] || { echo "summarize-speed: build first: swift build -c release" >&2; exit 2; }
[ -d ../shared/corpus/summaries ] || { echo "summarize-speed: needs ../shared/corpus/summaries" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=$(find ../shared/corpus/summaries -name article.txt | sort)
for _ in $(seq "$n"); do echo "$files"; done > "$work/list.txt"
count=$(wc -l < "$work/list.txt")
best=999999
for _ in 1 2 3; do
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$bin" summarize --files-from "$work/list.txt" --jsonl --jobs 1 > "$work/out.jsonl"
  read -r user sys kb < "$work/time"
  best=$(python3 -c "print(min($best, $user + $sys))")
done
python3 - "$work/list.txt" "$count" "$best" "$kb" <<'PY'
import re, sys, time
paths = [l.strip() for l in open(sys.argv[1]) if l.strip()]
count, best, kb = int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
def lead(text, budget=75):
    title, _, body = text.partition("\n")
    out, used = [], 0
    for s in re.split(r"(?<=[.!?。！？])\s+", body.strip()):
        n = len(s.split())
        if used + n > budget:
            break
        out.append(s); used += n
    return " ".join(out)
t = time.process_time()
for p in paths:
    lead(open(p, encoding="utf-8").read())
lead_cpu = time.process_time() - t
print(f"digest summarize: {count} articles in {best:.2f} s CPU = {count / best:.0f} articles/s (target >= 2000), peak {kb // 1024} MB")
print(f"python lead baseline: {count / lead_cpu:.0f} articles/s; ratio digest/lead {lead_cpu / best:.2f}")
PY
