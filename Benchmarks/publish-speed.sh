#!/usr/bin/env bash
# Publishing a large history: BenchPublish writes N generated cards over W weeks into a store,
# then `digest recap --week 2026-W48` rebuilds from the store alone every card page, week page,
# topic page, archive, feed and sitemap, swaps the site in, and writes the recap and email.
# Prints wall time, files, and peak memory. Target (issue #8): 10,000 cards in under 10 s.
# Usage: Benchmarks/publish-speed.sh [CARDS] [WEEKS]   (defaults 10000 52). Needs a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
weeks=${2:-52}
for b in digest BenchPublish; do
  [ -x ".build/release/$b" ] || { echo "publish-speed: build first: swift build -c release" >&2; exit 2; }
done
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cat > "$work/feeds.yaml" <<YAML
site:
  title: Publish benchmark
  base_url: https://bench.example/
timezone: UTC
output: out
templates: $PWD/Templates
sources:
  - id: 36kr
    name: 36氪
    url: https://36kr.com/feed
YAML
.build/release/BenchPublish "$work/out/digest.sqlite" "$n" "$weeks"
for run in 1 2; do  # the second run replaces an existing site (the weekly case)
  /usr/bin/time -f "%e %M" -o "$work/time" .build/release/digest recap --config "$work/feeds.yaml" \
    --week 2026-W48 --now 2026-11-30T08:00:00Z 2>"$work/err"
  read -r secs kb < "$work/time"
  files=$(find "$work/out/site" -type f | wc -l)
  echo "run $run: $n cards, $weeks weeks: ${secs} s wall, $files site files, peak $((kb / 1024)) MB" \
    "(target < 10 s: $(python3 -c "print('met' if $secs < 10 else 'MISSED')"))"
done
