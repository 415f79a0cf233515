#!/bin/sh
# Installs what Khabar needs (Debian packages listed in .ci/debian-packages),
# builds it, and codes the bundled example with the bundled Phoenix
# dictionaries.
set -eu
cd "$(dirname "$0")"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $(cat .ci/debian-packages)
make
./build/khabar code data/examples/sample.xml
