#!/usr/bin/env bash
# Feed parsing throughput side by side: digest parse (one process, --jsonl), xmllint --stream
# (libxml2's raw floor), python feedparser and feedparser-rs, over one corpus built from the
# real feeds in ../shared/corpus/feeds/real by repeating and varying their items (RSS and
# Atom, Chinese and English). Prints MB/s, items/s, peak memory and ratios; digest on one core
# (`--jobs 1`) and on every core (the default).
# Each tool runs RUNS times (default 3) and its best time is kept: the machine is shared.
# Usage: [RUNS=3] Benchmarks/parse-speed.sh [MB]   (default 50; needs a release build,
#        pip install feedparser feedparser-rs, apt-get install libxml2-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
shared=${SHARED:-../shared}
bin=.build/release/digest
[ -x "$bin" ] || { echo "parse-speed: build first: swift build -c release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$shared/corpus/feeds/real" "$work/corpus" "$mb" <<'PY'
import os, re, sys
src, dst, target = sys.argv[1], sys.argv[2], float(sys.argv[3]) * 1e6
os.makedirs(dst)
feeds = [f for f in sorted(os.listdir(src)) if f.endswith((".xml", ".rss", ".atom")) and "36kr-user-feed-full" not in f]
chunks = []
for f in feeds:
    raw = open(os.path.join(src, f), "rb").read().lstrip()
    text = raw.decode("utf-8", "replace") if b"utf-8" in raw[:100].lower() or b"encoding" not in raw[:100] else None
    if text is None:
        continue  # keep the benchmark to UTF-8 documents so every tool reads the same bytes
    tag = "entry" if "<entry" in text else "item"
    first, last = text.find("<" + tag), text.rfind("</" + tag + ">")
    if first < 0 or last < 0:
        continue
    chunks.append((f, text[:first], text[first:last + len(tag) + 3], text[last + len(tag) + 3:], tag))
total, n = 0, 0
while total < target:
    for f, head, items, tail, tag in chunks:
        copies = max(1, int(2e6 // max(1, len(items))))
        body = "".join(items.replace("</title>", " #%d-%d</title>" % (n, k), 1000) for k in range(copies))
        doc = head + body + tail
        path = os.path.join(dst, "%04d-%s" % (n, f))
        open(path, "w", encoding="utf-8").write(doc)
        total += os.path.getsize(path)
        n += 1
        if total >= target:
            break
print("corpus: %d files, %.1f MB" % (n, total / 1e6))
PY
size=$(du -sb "$work/corpus" | cut -f1)
files=("$work"/corpus/*)
runs=${RUNS:-3}
run() {  # name, command... — best time of $runs runs (the machine is shared), largest peak
  local name=$1 best="" peak=0 secs rss
  shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>/dev/null || true
    read -r secs rss < "$work/time"
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $secs < $best else 1)"; then best=$secs; fi
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  echo "$name $best $peak"
}
{
  run digest-1core "$bin" parse "${files[@]}" --jsonl --jobs 1
  run digest "$bin" parse "${files[@]}" --jsonl
  items=$(python3 -c "import json,sys; print(sum(len(json.loads(l).get('items',[])) for l in open(sys.argv[1])))" "$work/out")
  echo "items $items"
  run xmllint xmllint --stream --noout "${files[@]}"
  run feedparser python3 -c "import feedparser,sys; [feedparser.parse(open(f,'rb').read()) for f in sys.argv[1:]]" "${files[@]}"
  run feedparser-rs python3 -c "import feedparser_rs,sys; [feedparser_rs.parse(open(f,'rb').read()) for f in sys.argv[1:]]" "${files[@]}"
} > "$work/results"
python3 - "$work/results" "$size" <<'PY'
import sys
rows, items = {}, 0
for line in open(sys.argv[1]):
    parts = line.split()
    if parts[0] == "items":
        items = int(parts[1]); continue
    rows[parts[0]] = (float(parts[1]), int(parts[2]) / 1024)
mb = int(sys.argv[2]) / 1e6
print(f"{'tool':<14}{'seconds':>9}{'MB/s':>9}{'items/s':>11}{'peak MB':>9}")
for name, (secs, rss) in rows.items():
    print(f"{name:<14}{secs:>9.2f}{mb / secs:>9.1f}{items / secs:>11.0f}{rss:>9.0f}")
for mine in ("digest-1core", "digest"):
    d = rows[mine][0]
    for other in ("feedparser", "feedparser-rs", "xmllint"):
        if other in rows:
            print(f"{mine} vs {other}: {rows[other][0] / d:.2f}x the throughput")
PY
