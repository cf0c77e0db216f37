#!/usr/bin/env bash
# Article extraction throughput: `digest extract FILE... --jsonl` (one process) beside
# trafilatura in one Python process, over the same pages (../shared/corpus/articles, both dev
# sets). Prints pages/s, peak memory and the ratio. Needs a release build and
# `pip install trafilatura lxml_html_clean`.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
bin=.build/release/digest
[ -x "$bin" ] || { echo "extract-speed: build first: swift build -c release" >&2; exit 2; }
mapfile -t pages < <(find "$shared/corpus/articles" -name source.html | sort)
n=${#pages[@]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf "%s\n" "${pages[@]}" > "$work/list.txt"
/usr/bin/time -f "%e %M" -o "$work/d" "$bin" extract --files-from "$work/list.txt" --jsonl > /dev/null 2>&1 || true
/usr/bin/time -f "%e %M" -o "$work/t" python3 -c "
import sys, trafilatura
for p in sys.argv[1:]:
    trafilatura.extract(open(p, 'rb').read())
" "${pages[@]}" > /dev/null 2>&1 || true
read -r ds dm < "$work/d"
read -r ts tm < "$work/t"
python3 -c "
n, ds, dm, ts, tm = $n, $ds, $dm, $ts, $tm
print(f'{n} pages')
print(f'digest extract --jsonl : {n/ds:8.1f} pages/s  peak {dm/1024:6.0f} MB')
print(f'trafilatura (1 process): {n/ts:8.1f} pages/s  peak {tm/1024:6.0f} MB')
print(f'digest / trafilatura: {ts/ds:.1f}x the throughput')
"
