#!/bin/sh
# Installs what Khabar needs (Debian packages listed in .ci/debian-packages),
# builds it, and codes the bundled sample article (a Kurdistan 24 story)
# with the bundled dictionaries, model and gazetteer.
set -eu
cd "$(dirname "$0")"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $(cat .ci/debian-packages)
make
./build/khabar code --date 2019-11-24 data/examples/sample-article.txt
