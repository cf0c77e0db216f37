#!/usr/bin/env bash
# Screenshots of the sample site at phone and desktop widths with headless Chromium, for a
# look by eye: index, one card page, the weekly recap page. Writes output/screenshots/*.png.
# Usage: scripts/screenshots.sh [OUTPUT_DIR]   (run scripts/quickstart.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-output}
site="$out/site"
[ -f "$site/index.html" ] || { echo "screenshots: no site at $site; run scripts/quickstart.sh first" >&2; exit 2; }
fc-list :lang=zh | grep -q . || echo "screenshots: no CJK font; Chinese shows as boxes (apt-get install -y fonts-noto-cjk)" >&2
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "screenshots: install chromium (apt-get install -y chromium)" >&2; exit 2; }
mkdir -p "$out/screenshots"
card=$(ls -S "$site"/cards/*/*.html | head -n 1)  # the fullest card
for page in "index:$site/index.html" "card:$card" "recap:$site/weeks/$(ls "$site/weeks" | sort | tail -n 1)" \
            "topic:$(ls "$site"/topics/*.html | head -n 1)" "archive:$site/archive.html"; do
  name=${page%%:*}; file=$(realpath "${page#*:}")
  for size in "phone:390,844" "desktop:1280,900"; do
    label=${size%%:*}; dims=${size#*:}
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$dims" \
      --screenshot="$out/screenshots/$name-$label.png" "file://$file" >/dev/null 2>&1
    echo "$out/screenshots/$name-$label.png"
  done
done
