#!/bin/sh
# make bench: dictionary load times, coding throughput on given parses,
# and (when ../shared/corpora is there) raw text -> events on Reuters-21578
# bodies, articles -> events (the whole pipeline) on Reuters-21578 and AG
# News, and the over-generation measure on AG News. Results are copied by
# hand into docs/benchmarks.md and docs/accuracy.md.
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
            t=$( { /usr/bin/time -f '%e %M' "$B/khabar" code --sentences --date 1987-03-01 "$TXT" > /dev/null; } 2>&1 | tail -1)
        else
            t=$( { /usr/bin/time -f '%e %M' "$B/khabar" code --sentences -j 2 --date 1987-03-01 "$TXT" > /dev/null; } 2>&1 | tail -1)
        fi
        best="$best$t\n"
    done
    med=$(printf "$best" | sort -n | sed -n 2p)
    secs=${med% *}
    kb=${med#* }
    echo "$what: median $secs s, peak ${kb} KB, $(echo "$SENT / $secs" | bc) sentences/s, $(echo "$TOK / $secs" | bc) tokens/s"
done
"$B/khabar" code --sentences --date 1987-03-01 "$TXT" 2>/dev/null | cksum | sed 's/^/events checksum: /'

# ---- articles: the whole pipeline (dates, actors, places, merging) ----
JSONL=${TMPDIR:-/tmp}/khabar-bench-reuters.jsonl
"$B/bench/corpus" reuters "$CORPUS"/reut2-000.sgm "$CORPUS"/reut2-001.sgm \
    "$CORPUS"/reut2-002.sgm > "$JSONL"
ART=$(wc -l < "$JSONL")
echo "reuters articles: $ART"
for what in sentences articles articles-j2; do
    best=
    for i in 1 2 3; do
        case $what in
        sentences) set -- code --sentences --input jsonl "$JSONL" ;;
        articles) set -- code --input jsonl "$JSONL" ;;
        *) set -- code -j 2 --input jsonl "$JSONL" ;;
        esac
        TF=${TMPDIR:-/tmp}/khabar-bench-time
        /usr/bin/time -o "$TF" -f '%e %M' "$B/khabar" "$@" > /dev/null 2>&1
        t=$(tail -1 "$TF")
        best="$best$t\n"
    done
    med=$(printf "$best" | sort -n | sed -n 2p)
    secs=${med% *}
    kb=${med#* }
    eval "t_$(echo $what | tr - _)=$secs"
    echo "$what: median $secs s, peak ${kb} KB, $(echo "$ART / $secs" | bc) articles/s"
done
SUM=$("$B/khabar" code --input jsonl "$JSONL" 2>&1 >/dev/null | tail -1)
echo "articles summary: $SUM"
echo "articles keep $(echo "scale=1; 100 * $t_sentences / $t_articles" | bc)% of the sentence-by-sentence rate"

# ---- AG News: every class end to end, and over-generation ----
AG=../shared/corpora/ag_news/test.csv
if [ -f "$AG" ]; then
    for c in 1 2 3 4; do
        F=${TMPDIR:-/tmp}/khabar-bench-ag$c.jsonl
        "$B/bench/corpus" agnews "$AG" $c > "$F"
        start=$(date +%s.%N)
        line=$("$B/khabar" code --no-merge --input jsonl "$F" 2>&1 >/dev/null | tail -1)
        end=$(date +%s.%N)
        s=$(echo "$line" | sed -n 's/.* \([0-9]*\) sentences.*/\1/p')
        e=$(echo "$line" | sed -n 's/.* \([0-9]*\) events.*/\1/p')
        echo "ag news class $c: $line; $(echo "scale=1; 1000 * $e / $s" | bc) events per 1,000 sentences; $(echo "scale=2; $end - $start" | bc) s"
    done
else
    echo "note: $AG not found: AG News runs skipped"
fi
