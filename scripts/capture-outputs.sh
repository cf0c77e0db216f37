#!/usr/bin/env bash
# Captures every output a refactor must not change, for `cmp`/`diff -r` against an earlier
# capture: `digest parse` of every corpus feed and feed fixture, `extract` of every corpus page
# and page fixture, `summarize` of every summaries-corpus article, `metrics` of every metrics-
# corpus text, and the quick start's three-week sample run (output tree without the SQLite
# file). Usage: scripts/capture-outputs.sh OUT_DIR [BINARY]   (default .build/release/digest)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: capture-outputs.sh OUT_DIR [BINARY]}
bin=${2:-.build/release/digest}
shared=$(cd .. && pwd)/shared/corpus
rm -rf "$out" && mkdir -p "$out"
list=$(mktemp)
if [ -d "$shared" ]; then
  find "$shared/feeds" -type f \( -name '*.xml' -o -name '*.json' -o -name '*.rss' -o -name '*.atom' -o -name '*.rdf' \) \
    ! -name '*.expected.json' ! -name 'MANIFEST*' | sort > "$list"
fi
find Tests -path '*Fixtures/feeds/*' -type f ! -name '*.expect.json' | sort >> "$list"
"$bin" parse --files-from "$list" --jsonl > "$out/parse.jsonl" || true
: > "$list"
[ -d "$shared" ] && find "$shared/articles" -name source.html | sort > "$list"
find Tests -path '*Fixtures/pages/*' -name '*.html' | sort >> "$list"
"$bin" extract --files-from "$list" --jsonl > "$out/extract.jsonl" || true
if [ -d "$shared" ]; then
  find "$shared/summaries" -name article.txt | sort > "$list"
  "$bin" summarize --files-from "$list" --jsonl > "$out/summarize.jsonl" || true
  python3 - "$bin" "$shared/metrics" > "$out/metrics.jsonl" <<'PY'
import json, subprocess, sys, glob
binary, folder = sys.argv[1], sys.argv[2]
for path in sorted(glob.glob(folder + "/*.jsonl")):
    for line in open(path, encoding="utf-8"):
        item = json.loads(line)
        r = subprocess.run([binary, "metrics", "-", "--json"], input=item["text"].encode(), capture_output=True)
        print(json.dumps({"id": item["id"], "status": r.returncode, "out": r.stdout.decode()}, ensure_ascii=False))
PY
fi
rm -f "$list"
work=/tmp/digest-capture-work; rm -rf "$work"; mkdir -p "$work"
cp -r Samples "$work/Samples"
cp -r Templates "$work/Templates"
for week in 2026-W46 2026-W47 2026-W48; do
  "$bin" run --config "$work/Samples/feeds.yaml" --week "$week" --now 2026-11-30T08:00:00Z --quiet > /dev/null 2>&1 || true
done
mkdir -p "$out/sample-run"
(cd "$work" && find . -path ./Samples/feeds -prune -o -path ./Samples/articles -prune -o -path ./Templates -prune -o -type f ! -name '*.sqlite*' -print | sort | while read -r f; do
  mkdir -p "$out/sample-run/$(dirname "$f")"; cp "$f" "$out/sample-run/$f"; done)
rm -rf "$work"
echo "captured into $out: $(cat "$out"/*.jsonl | wc -l) lines, $(find "$out/sample-run" -type f | wc -l) sample-run files"
