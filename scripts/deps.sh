#!/bin/sh
# Installs the build and test dependencies on Debian 12 when any is missing.
# Run by the Makefile before the first build; safe to run again.
set -e
PKGS="build-essential pkg-config libigraph-dev libcsv-dev libsqlite3-dev libcmocka-dev parallel graphviz libxml2-utils python3 python3-networkx valgrind gdb clang libclang-rt-14-dev git wordnet-base chromium mandoc"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends $missing
