#!/usr/bin/env bash
# Cards per second, end to end: a generated JSON Feed of N distinct stories (each with token
# metrics) is run through `digest run` (fetch via file://, parse, metrics, clustering, cards,
# rendering, site and email). Prints cards/s. Needs a release build.
# Usage: Benchmarks/cards-speed.sh [N]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
bin=.build/release/digest
[ -x "$bin" ] || { echo "cards-speed: build first: swift build -c release" >&2; exit 2; }
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
python3 - "$work" "$n" <<'PY'
import json, random, sys
work, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(48)
syll = ["ka", "lo", "mi", "ren", "tor", "vex", "zu", "qua", "nim", "bel", "sor", "tav"]
def word(i):
    out, k = "", i + 1
    while k:
        out += syll[k % len(syll)]
        k //= len(syll)
    return out.capitalize()
items = []
for i in range(n):
    w = word(i)
    vol = round(rnd.uniform(0.1, 40), 2)
    growth = round(rnd.uniform(1, 60), 2)
    price = round(rnd.uniform(0.05, 9), 3)
    text = (f"{w} models processed {vol}T tokens on the router this week, up {growth}% week over week. "
            f"{w} now charges ${price} per million input tokens. Developers moved workloads to {w} after the change. "
            f"Analysts said the shift signals broader adoption of {w} models.")
    verbs = ["climbs", "surges", "tops chart", "gains ground", "cuts prices", "leads", "expands", "doubles down"]
    nouns = ["router data", "weekly ranking", "developer uptake", "API traffic", "price war", "agent boom"]
    title = f"{w} {rnd.choice(verbs)}: {rnd.choice(nouns)} {word(i * 7 + 3)}"
    items.append({"id": f"b{i}", "url": f"https://bench.example/{i}", "title": title,
                  "date_published": f"2026-11-2{4 + i % 5}T0{i % 10}:00:00Z", "content_text": text})
json.dump({"version": "https://jsonfeed.org/version/1.1", "title": "bench", "items": items},
          open(f"{work}/bench.json", "w"))
PY
cat > "$work/feeds.yaml" <<YAML
output: $work/out
templates: $PWD/Templates
sources:
  - id: bench
    name: Bench
    url: bench.json
    kind: json
    full_content: false
YAML
start=$(date +%s.%N)
"$bin" run --config "$work/feeds.yaml" --week 2026-W48 --now 2026-11-30T08:00:00Z --quiet 2> "$work/err"
end=$(date +%s.%N)
cards=$(grep -o '[0-9]* cards' "$work/err" | head -1 | cut -d' ' -f1)
python3 -c "import sys; c,s=int(sys.argv[1]),float(sys.argv[2])-float(sys.argv[3]); print(f'{c} cards in {s:.2f} s: {c/s:.0f} cards/s (end to end, rendering and publishing included)')" "$cards" "$end" "$start"
