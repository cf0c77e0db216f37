#!/usr/bin/env bash
# Article extraction accuracy side by side: digest and trafilatura over the same pages of each
# article set in ../shared/corpus/articles, both scored by ../shared/tools/score_extract.py
# (token-shingle F1, the Zyte benchmark's measure) from their saved outputs. digest reads every
# page in one `digest extract --files-from LIST --jsonl` process, trafilatura in one Python
# process with its defaults, given each page as text decoded by its declared charset (GB2312
# read as GB18030; from raw bytes trafilatura misreads the GB2312 pages: F1 0.744, not 0.888).
# Prints each scorer's last line per set and tool.
# Usage: Benchmarks/extract-accuracy.sh   (needs a release build and `pip install trafilatura`)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd "${SHARED:-../shared}" && pwd)
bin=.build/release/digest
[ -x "$bin" ] || { echo "extract-accuracy: build first: swift build -c release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for set in "$shared"/corpus/articles/*/; do
  set=${set%/}
  name=$(basename "$set")
  find "$set" -name source.html | sort > "$work/$name.txt"
  "$bin" extract --files-from "$work/$name.txt" --jsonl > "$work/$name.digest.jsonl"
  python3 - "$set" "$work/$name.txt" "$work/$name.digest.jsonl" "$work/$name" <<'PY'
import json, os, re, sys
import trafilatura
root, listing, digest_out, prefix = sys.argv[1:]
pages = open(listing).read().split()
ids = [os.path.relpath(os.path.dirname(p), root) for p in pages]
lines = open(digest_out, encoding="utf-8").read().splitlines()
digest = {i: {"text": json.loads(l).get("text") or ""} for i, l in zip(ids, lines)}
def decode(b):
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        m = re.search(rb"charset=[\"']?([\w-]+)", b[:4096])
        cs = m.group(1).decode().lower() if m else "gb18030"
        cs = "gb18030" if cs in ("gb2312", "gbk", "x-gbk", "cp936") else cs
        try:
            return b.decode(cs, "replace")
        except LookupError:
            return b.decode("gb18030", "replace")
tra = {i: {"text": trafilatura.extract(decode(open(p, "rb").read())) or ""} for i, p in zip(ids, pages)}
json.dump(digest, open(prefix + ".digest.json", "w"))
json.dump(tra, open(prefix + ".trafilatura.json", "w"))
PY
  for tool in digest trafilatura; do
    line=$(cd "$work" && python3 "$shared/tools/score_extract.py" --predictions "$work/$name.$tool.json" \
      --set "$set" | tail -n 1)
    printf '%-14s %-12s %s\n' "$name" "$tool" "$line"
  done
done
