#!/usr/bin/env bash
# Feed parsing throughput side by side: digest parse (one process, --jsonl), xmllint --stream
# (libxml2's raw floor), python feedparser and feedparser-rs, over one corpus built from the
# real feeds in ../shared/corpus/feeds/real by repeating and varying their items (RSS and
# Atom, Chinese and English). Prints MB/s, items/s, peak memory and ratios; digest on one core
# (`--jobs 1`) and on every core (the default).
# Each tool runs RUNS times (default 3), in rounds of one run of every tool so that a slow spell
# of the shared machine falls on all of them alike; each keeps its best time and largest peak.
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
timed() {  # name, command...: one run, appended to $work/times as "name seconds peak-KB"
  local name=$1
  shift
  /usr/bin/time -f "$name %e %M" -a -o "$work/times" "$@" > /dev/null 2>&1 || true
}
for _ in $(seq "$runs"); do
  timed digest-1core "$bin" parse "${files[@]}" --jsonl --jobs 1
  timed digest "$bin" parse "${files[@]}" --jsonl
  timed xmllint xmllint --stream --noout "${files[@]}"
  timed feedparser python3 -c "import feedparser,sys; [feedparser.parse(open(f,'rb').read()) for f in sys.argv[1:]]" "${files[@]}"
  timed feedparser-rs python3 -c "import feedparser_rs,sys; [feedparser_rs.parse(open(f,'rb').read()) for f in sys.argv[1:]]" "${files[@]}"
done
"$bin" parse "${files[@]}" --jsonl > "$work/out" 2>/dev/null
items=$(python3 -c "import json,sys; print(sum(len(json.loads(l).get('items',[])) for l in open(sys.argv[1])))" "$work/out")
python3 - "$work/times" "$items" > "$work/results" <<'PY'
import sys
best = {}
for line in open(sys.argv[1]):
    name, secs, rss = line.split()
    b = best.get(name)
    best[name] = (min(float(secs), b[0]) if b else float(secs), max(int(rss), b[1]) if b else int(rss))
print("items", sys.argv[2])
for name, (secs, rss) in best.items():
    print(name, secs, rss)
PY
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
