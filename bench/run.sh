#!/bin/sh
# make bench: dictionary load times and coding throughput on given parses.
# Results are recorded by hand in docs/benchmarks.md with date and machine.
set -eu
B=${1:-build}
echo "machine: $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "date: $(date -u +%Y-%m-%d)"
"$B/bench/bench" data tests/data/validation/PETR.UnitTest.records.xml 7
SHARED=../shared
if [ ! -d "$SHARED/corpora" ]; then
    echo "note: $SHARED/corpora not found: corpus benchmarks (raw text) skipped"
fi
