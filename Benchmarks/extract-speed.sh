#!/usr/bin/env bash
# Article extraction throughput: `digest extract FILE... --jsonl` (one process) beside
# trafilatura in one Python process, over the same pages (../shared/corpus/articles, both dev
# sets). Prints pages/s, peak memory and the ratio, for digest on one core (`--jobs 1`) and on
# every core (the default). Needs a release build and `pip install trafilatura lxml_html_clean`.
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
/usr/bin/time -f "%e %M" -o "$work/d1" "$bin" extract --files-from "$work/list.txt" --jsonl --jobs 1 > /dev/null 2>&1 || true
/usr/bin/time -f "%e %M" -o "$work/d" "$bin" extract --files-from "$work/list.txt" --jsonl > /dev/null 2>&1 || true
/usr/bin/time -f "%e %M" -o "$work/t" python3 -c "
import sys, trafilatura
for p in sys.argv[1:]:
    trafilatura.extract(open(p, 'rb').read())
" "${pages[@]}" > /dev/null 2>&1 || true
read -r d1s d1m < "$work/d1"
read -r ds dm < "$work/d"
read -r ts tm < "$work/t"
python3 -c "
n, d1s, d1m, ds, dm, ts, tm = $n, $d1s, $d1m, $ds, $dm, $ts, $tm
cores = $(nproc)
print(f'{n} pages')
print(f'digest extract --jsonl --jobs 1 : {n/d1s:8.1f} pages/s  peak {d1m/1024:6.0f} MB')
print(f'digest extract --jsonl ({cores} cores): {n/ds:8.1f} pages/s  peak {dm/1024:6.0f} MB')
print(f'trafilatura (1 process)        : {n/ts:8.1f} pages/s  peak {tm/1024:6.0f} MB')
print(f'digest / trafilatura: {ts/d1s:.1f}x the throughput on one core, {ts/ds:.1f}x on {cores} cores')
"
