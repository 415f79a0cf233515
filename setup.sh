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
# The file carries no date; 2019-10-01, the publication date the tests use
# (tests/unit/test_article.c), makes its "on Sunday" 29 September 2019.
./build/khabar code --date 2019-10-01 data/examples/sample-article.txt
