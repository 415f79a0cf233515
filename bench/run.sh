#!/bin/sh
# make bench: dictionary load times, coding throughput on given parses,
# and (when ../shared/corpora is there) raw text -> events on Reuters-21578
# bodies. Results are copied by hand into docs/benchmarks.md.
set -eu
B=${1:-build}
echo "machine: $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "date: $(date -u +%Y-%m-%d)"
"$B/bench/bench" data tests/data/validation/PETR.UnitTest.records.xml 7
CORPUS=../shared/corpora/reuters21578
if [ ! -d "$CORPUS" ]; then
    echo "note: $CORPUS not found: raw-text benchmarks skipped"
    exit 0
fi
TXT=${TMPDIR:-/tmp}/khabar-bench-reuters.txt
# the bodies of the first three SGML files, a blank line between stories
for f in "$CORPUS"/reut2-000.sgm "$CORPUS"/reut2-001.sgm "$CORPUS"/reut2-002.sgm; do
    awk 'BEGIN{RS="</BODY>"} /<BODY>/{sub(/.*<BODY>/,""); gsub(/&lt;/,"<");
         gsub(/&amp;/,"\\&"); gsub(/&#3;/,""); print; print ""}' "$f"
done > "$TXT"
SENT=$("$B/khabar" parse "$TXT" | grep -c '^# sent_id')
TOK=$("$B/khabar" parse "$TXT" | grep -c '^[0-9]')
echo "reuters: $(wc -c < "$TXT") bytes, $SENT sentences, $TOK tokens"
for what in parse code code-j2; do
    best=
    for i in 1 2 3; do
        if [ $what = parse ]; then
            t=$( { /usr/bin/time -f '%e %M' "$B/khabar" parse "$TXT" > /dev/null; } 2>&1 | tail -1)
        elif [ $what = code ]; then
            t=$( { /usr/bin/time -f '%e %M' "$B/khabar" code --date 1987-03-01 "$TXT" > /dev/null; } 2>&1 | tail -1)
        else
            t=$( { /usr/bin/time -f '%e %M' "$B/khabar" code -j 2 --date 1987-03-01 "$TXT" > /dev/null; } 2>&1 | tail -1)
        fi
        best="$best$t\n"
    done
    med=$(printf "$best" | sort -n | sed -n 2p)
    secs=${med% *}
    kb=${med#* }
    echo "$what: median $secs s, peak ${kb} KB, $(echo "$SENT / $secs" | bc) sentences/s, $(echo "$TOK / $secs" | bc) tokens/s"
done
"$B/khabar" code --date 1987-03-01 "$TXT" 2>/dev/null | cksum | sed 's/^/events checksum: /'
