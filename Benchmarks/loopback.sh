# Sourced by the benchmarks that fetch from Benchmarks/loopback_feeds.py:
#   start_loopback NAME FEEDS DELAY_MS
# checks the release build ($bin), makes $work (removed on exit unless KEEP is set), starts the
# server there on a random port ($port, pid $server, stopped on exit) and waits until it is ready;
# $work/feeds.yaml lists its feeds.
start_loopback() {
  bin=$PWD/.build/release/digest
  [ -x "$bin" ] || { echo "$1: build first: swift build -c release" >&2; exit 2; }
  work=$(mktemp -d)
  port=$((20000 + RANDOM % 20000))
  python3 Benchmarks/loopback_feeds.py "$work" "$2" "$port" "$3" > "$work/server.out" &
  server=$!
  trap 'kill $server 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
  for _ in $(seq 300); do grep -q READY "$work/server.out" 2>/dev/null && break; sleep 0.1; done
}
