#!/usr/bin/env bash
# Installs digest: the program (templates, topics and styles are inside it), shell completions
# for bash, zsh and fish, and the man page.
#   scripts/install.sh [PREFIX]          builds a release and installs under PREFIX (default /usr/local)
#   DIGEST_BIN=path scripts/install.sh P installs an already built binary instead of building
# Needs the system packages of scripts/install-deps.sh to build.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
bin=${DIGEST_BIN:-}
if [ -z "$bin" ]; then
  swift build -c release --product digest
  bin=.build/release/digest
fi
[ -x "$bin" ] || { echo "install: $bin: no such program" >&2; exit 1; }
install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$bin" "$prefix/bin/digest"
"$prefix/bin/digest" --generate-completion-script bash > "$prefix/share/bash-completion/completions/digest"
"$prefix/bin/digest" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_digest"
"$prefix/bin/digest" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/digest.fish"
python3 scripts/manpage.py "$prefix/bin/digest" > "$prefix/share/man/man1/digest.1"
echo "installed $("$prefix/bin/digest" --version) in $prefix (bin/digest, man page, bash/zsh/fish completions)"
echo "start a digest: digest init my-digest && digest run --config my-digest/feeds.yaml"
