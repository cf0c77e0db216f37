#!/usr/bin/env bash
# Installs the system packages digest builds against (Debian/Ubuntu, as root or with sudo).
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libxml2-dev libcurl4-openssl-dev libsqlite3-dev pkg-config python3 >/dev/null
