#!/bin/sh
# cli.sh - checks of the khabar command-line client (called by `make cases`).
#
#   sh tests/cli.sh build/khabar
#
# Exit statuses and usage messages, --help, `validate` (summary line, --json,
# failing records, --min-pass) and `code` (JSON Lines fields and values,
# Phoenix TSV, a malformed record in a batch, a missing file, standard input).
# Prints one line on success; stops at the first failed check with a message.

if [ $# -ne 1 ]; then
    echo "usage: sh tests/cli.sh PATH/TO/khabar" >&2
    exit 2
fi
KB=$1
case $KB in /*) ;; *) KB=$(pwd)/$KB ;; esac
if [ ! -x "$KB" ]; then
    echo "cli.sh: $KB is not an executable" >&2
    exit 1
fi
HERE=$(cd "$(dirname "$0")" && pwd)
CASES=$HERE/cases
CLI=$HERE/cli
DICT=$CASES/dict
TMP=$(mktemp -d "${TMPDIR:-/tmp}/khabar-cli.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT HUP INT TERM
OUT=$TMP/out
ERR=$TMP/err
n=0      # checks passed
what=""  # the command being checked, for messages

fail() {
    echo "cli.sh: FAILED: $what: $*" >&2
    if [ -s "$OUT" ]; then
        echo "--- stdout:" >&2
        head -n 20 "$OUT" >&2
    fi
    if [ -s "$ERR" ]; then
        echo "--- stderr:" >&2
        head -n 20 "$ERR" >&2
    fi
    exit 1
}

# run ARGS...: runs khabar, keeping stdout, stderr and the exit status.
run() {
    what="khabar${*:+ $*}"
    "$KB" "$@" >"$OUT" 2>"$ERR"
    rc=$?
}

# run_in FILE ARGS...: same with standard input from FILE.
run_in() {
    f=$1
    shift
    what="khabar $* < $(basename "$f")"
    "$KB" "$@" <"$f" >"$OUT" 2>"$ERR"
    rc=$?
}

status() {
    [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1"
    n=$((n + 1))
}

# has FILE PATTERN (fixed string)
has() {
    grep -F -e "$2" "$1" >/dev/null || fail "no '$2' in $(basename "$1")"
    n=$((n + 1))
}

hasnt() {
    if grep -F -e "$2" "$1" >/dev/null; then
        fail "unexpected '$2' in $(basename "$1")"
    fi
    n=$((n + 1))
}

has_i() {
    grep -i -F -e "$2" "$1" >/dev/null || fail "no '$2' (any case) in $(basename "$1")"
    n=$((n + 1))
}

empty() {
    [ ! -s "$1" ] || fail "$(basename "$1") is not empty"
    n=$((n + 1))
}

lines() {
    k=$(wc -l <"$1" | tr -d ' ')
    [ "$k" -eq "$2" ] || fail "$(basename "$1") has $k lines, expected $2"
    n=$((n + 1))
}

# ---- usage errors: exit 2 with a message on stderr --------------------------

run
status 2
has_i "$ERR" "usage"
empty "$OUT"

run frobnicate
status 2
has "$ERR" "frobnicate"
has_i "$ERR" "usage"

run validate
status 2
has_i "$ERR" "usage"

run validate --bogus "$CLI/fail.xml"
status 2
has "$ERR" "--bogus"
has_i "$ERR" "usage"

run validate "$CLI/fail.xml" "$CLI/fail.xml"
status 2
has_i "$ERR" "one validation file"

run validate "$CLI/fail.xml" --min-pass
status 2
has "$ERR" "--min-pass"

run validate "$CLI/fail.xml" --min-pass many
status 2
has "$ERR" "--min-pass"

run validate "$CLI/fail.xml" --dict-dir
status 2
has "$ERR" "--dict-dir"

run code --bogus
status 2
has "$ERR" "--bogus"
has_i "$ERR" "usage"

run code --dict
status 2
has "$ERR" "--dict"

run code --actors
status 2
has "$ERR" "--actors"

run code --format
status 2
has "$ERR" "--format"

run code --format xml "$CLI/batch.xml"
status 2
has "$ERR" "xml"

# ---- help: exit 0 with the usage on stdout ----------------------------------

for args in "--help" "-h" "help" "validate --help" "validate -h" "code --help" \
            "code -h"; do
    # shellcheck disable=SC2086 # split on purpose
    run $args
    status 0
    has_i "$OUT" "usage"
    empty "$ERR"
done
run --help
has "$OUT" "validate"
has "$OUT" "code"
run validate --help
has "$OUT" "--min-pass"
has "$OUT" "--json"
run code --help
has "$OUT" "--format"
has "$OUT" "--dict"

run --version
status 0
has "$OUT" "khabar"

# ---- validate ---------------------------------------------------------------

f=$CASES/events.xml
active=$(grep -c '<Sentence [^>]*sentence="true"' "$f")
[ "$active" -gt 0 ] || { what="counting records"; fail "no active record in $f"; }
run validate "$f"
status 0
last=$(tail -n 1 "$OUT")
case $last in
*" passed, "*" failed") ;;
*) fail "last line '$last' is not 'N passed, M failed'" ;;
esac
p=${last%% passed*}
m=${last#*passed, }
m=${m%% failed}
if [ "$p" -ne "$active" ] || [ "$m" -ne 0 ]; then
    fail "'$last' for $active active records"
fi
n=$((n + 1))

run validate "$f" --json
status 0
has "$OUT" "\"passed\":$active"
has "$OUT" "\"failed\":0"
lines "$OUT" 1

# a failing record: exit 1, the record named, the count right
f=$CLI/fail.xml
run validate "$f"
status 1
has "$OUT" "FAIL CLI-02"
hasnt "$OUT" "CLI-01"
hasnt "$OUT" "CLI-03"
[ "$(tail -n 1 "$OUT")" = "1 passed, 1 failed" ] ||
    fail "last line '$(tail -n 1 "$OUT")', expected '1 passed, 1 failed'"
n=$((n + 1))

run validate "$f" --json
status 1
has "$OUT" "\"passed\":1"
has "$OUT" "\"failed\":1"
has "$OUT" "\"id\":\"CLI-02\""

run validate "$f" --min-pass 1
status 0
run validate "$f" --min-pass 2
status 1

# the dictionaries named in <Environment> are looked up beside the file,
# whatever the current directory
what="validate from another directory"
(cd "$TMP" && "$KB" validate "$CASES/verbs.xml" >"$OUT" 2>"$ERR")
rc=$?
status 0

run validate "$TMP/no-such-file.xml"
status 1
has "$ERR" "no-such-file.xml"

# ---- code -------------------------------------------------------------------

DICTS="--dict $DICT/verbs.txt --actors $DICT/actors.txt --agents $DICT/agents.txt
       --discards $DICT/discards.txt --issues $CLI/issues.txt"
pat_line=$(grep -n '^- \* FULL_&TIES \[065\]' "$DICT/verbs.txt" | cut -d: -f1)
act_line=$(grep -n '^ALPHALAND ' "$DICT/actors.txt" | cut -d: -f1)

# shellcheck disable=SC2086
run code $DICTS "$CLI/batch.xml"
status 1                               # DOC2_1 is malformed
has "$ERR" "DOC2_1"
lines "$OUT" 2                         # the two good records are coded
cp "$OUT" "$TMP/jsonl"
J1=$TMP/j1
J2=$TMP/j2
grep -F '"record_id":"DOC1_1"' "$TMP/jsonl" >"$J1" || fail "no event for DOC1_1"
grep -F '"record_id":"DOC3_2"' "$TMP/jsonl" >"$J2" || fail "no event for DOC3_2"
hasnt "$TMP/jsonl" "DOC2_1"
for key in doc_id sentence date source target code root_code quad_class \
           goldstein plover source_text target_text verb pattern pattern_at \
           source_entry; do
    has "$J1" "\"$key\":"
    has "$J2" "\"$key\":"
done
has "$J1" '"doc_id":"DOC1"'
has "$J1" '"sentence":1,'
has "$J1" '"date":"2005-03-17"'
has "$J1" '"source":"ALP"'
has "$J1" '"target":"BET"'
has "$J1" '"code":"190"'
has "$J1" '"root_code":"19"'
has "$J1" '"quad_class":4'
has "$J1" '"goldstein":-10.0'
has "$J1" '"plover":{"event":"ASSAULT"'
has "$J1" '"source_text":"ALPHALAND"'
has "$J1" '"target_text":"BETALAND"'
has "$J1" '"verb":"ATTACKED"'
has "$J1" '"pattern":null'
has "$J1" '"pattern_at":null'
has "$J1" "\"source_entry\":\"actors.txt:$act_line ALPHALAND\""
has "$J2" '"doc_id":"DOC3"'
has "$J2" '"sentence":2,'
has "$J2" '"date":"2005-03-18"'
has "$J2" '"source":"ALP"'
has "$J2" '"target":"GAM"'
has "$J2" '"code":"065"'
has "$J2" '"root_code":"06"'
has "$J2" '"quad_class":2'
has "$J2" '"verb":"RESTORED"'
has "$J2" '"pattern":"- * FULL_&TIES [065]"'
has "$J2" "\"pattern_at\":\"verbs.txt:$pat_line\""
# every line is one JSON object
what="JSON Lines shape"
if grep -v '^{.*}$' "$TMP/jsonl" >/dev/null; then
    fail "a line is not a JSON object"
fi
n=$((n + 1))

# Phoenix TSV: 10 tab-separated fields per event
# shellcheck disable=SC2086
run code --format phoenix $DICTS "$CLI/batch.xml"
status 1
has "$ERR" "DOC2_1"
lines "$OUT" 2
awk -F '\t' 'NF != 10 { exit 1 }' "$OUT" || fail "a line has not 10 fields"
n=$((n + 1))
first=$(head -n 1 "$OUT" | cut -f 1-4,6 | tr '\t' ' ')
[ "$first" = "20050317 ALP BET 190 DOC1_1" ] ||
    fail "first line starts '$first', expected '20050317 ALP BET 190 DOC1_1'"
n=$((n + 1))

# standard input, with '-' and with no file at all
# shellcheck disable=SC2086
run_in "$CLI/batch.xml" code $DICTS -
status 1
has "$ERR" "DOC2_1"
cmp -s "$OUT" "$TMP/jsonl" || fail "output differs from the one for the file"
n=$((n + 1))
# shellcheck disable=SC2086
run_in "$CLI/batch.xml" code $DICTS
status 1
cmp -s "$OUT" "$TMP/jsonl" || fail "output differs from the one for the file"
n=$((n + 1))

# a missing input file: named in the message, exit 1
# shellcheck disable=SC2086
run code $DICTS "$TMP/missing-input.xml"
status 1
has "$ERR" "missing-input.xml"
empty "$OUT"

# a missing dictionary: named in the message, exit 1
run code --dict "$TMP/missing-verbs.txt" --actors "$DICT/actors.txt" \
    --agents "$DICT/agents.txt" --issues "$CLI/issues.txt" "$CLI/batch.xml"
status 1
has "$ERR" "missing-verbs.txt"

# options that need a value say so
run code --format
status 2
has "$ERR" "needs a name"
run validate "$CLI/fail.xml" --min-pass
status 2
has "$ERR" "needs a count"

# named dictionaries form the whole set: no bundled file is mixed in
run code --actors "$DICT/actors.txt" "$CLI/batch.xml"
status 2
has "$ERR" "--dict FILE is needed"

# the bundled Phoenix set codes the bundled example, issues included
run code "$HERE/../data/examples/sample.xml"
status 0
has "$OUT" '"source":"USA","target":"IRN","code":"130"'
has "$OUT" '"issues":"SECURITY_SERVICES,1'

# --json escapes the file name
mkdir -p "$TMP/a\"b/cli" "$TMP/a\"b/cases"
cp "$CLI/fail.xml" "$TMP/a\"b/cli/"
cp -r "$DICT" "$TMP/a\"b/cases/dict"
run validate --json "$TMP/a\"b/cli/fail.xml"
has "$OUT" 'a\"b'

# CoNLL-U input: dependency parses coded like Penn Treebank ones
run code --date 2019-11-24 "$CLI/sample.conllu"
status 0
has "$OUT" '"date":"2019-11-24","source":"USA","target":"IRN","code":"130"'
run code "$CLI/sample.conllu"
status 1
has "$ERR" "no date"
run_in "$CLI/sample.conllu" code --input conllu --date 20191124 -
status 0
has "$OUT" '"record_id":"doc1_1"'
run code --input yaml "$CLI/sample.conllu"
status 2
has "$ERR" "unknown input format"

# raw text: khabar parse writes CoNLL-U that codes (sentence by sentence)
# to the same events
TXT=$HERE/text/sample-article.txt
run parse "$TXT"
status 0
has "$OUT" "TokenRange="
has "$OUT" "# sent_id = sample-article_1"
cp "$OUT" "$TMP/article.conllu"
run code --sentences --date 2019-11-24 "$TXT"
status 0
grep -o '"source":"[^"]*","target":"[^"]*","code":"[^"]*"' "$OUT" > "$TMP/direct"
[ -s "$TMP/direct" ] || fail "no events from the sample article"
n=$((n + 1))
run code --date 2019-11-24 --input conllu "$TMP/article.conllu"
status 0
grep -o '"source":"[^"]*","target":"[^"]*","code":"[^"]*"' "$OUT" > "$TMP/via"
cmp -s "$TMP/direct" "$TMP/via" || fail "events from the CoNLL-U round trip differ"
n=$((n + 1))
# JSON Lines articles: ids become doc ids, a bad line is reported and skipped
printf '%s\n' '{"id":"a1","date":"2019-11-24","text":"The United States warned Iran."}' \
    '{"id":"a2","text":' \
    '{"id":7,"date":"2019-11-25","title":"Iraq","text":"Iraq condemned Iran."}' > "$TMP/a.jsonl"
run code "$TMP/a.jsonl"
status 1
has "$ERR" "a.jsonl:2:"
has "$OUT" '"doc_id":"a1"'
has "$OUT" '"doc_id":"7"'
has "$OUT" '"date":"2019-11-25"'
# eval-parse
run eval-parse --json "$HERE/data/conllu/ewt-sample.conllu"
status 0
has "$OUT" '"upos":'
has "$OUT" '"las":'

# -j N: the same output, in the same order
run code -j 1 --date 2019-11-24 "$TXT" "$HERE/../data/examples/sample.xml"
status 0
cp "$OUT" "$TMP/j1"
run code -j 3 --date 2019-11-24 "$TXT" "$HERE/../data/examples/sample.xml"
status 0
cmp -s "$TMP/j1" "$OUT" || fail "-j 3 output differs from -j 1"
n=$((n + 1))
# -jN and --jobs N / --jobs=N spell the same option
for opt in -j2 "--jobs 2" --jobs=2; do
    # shellcheck disable=SC2086
    run code $opt --date 2019-11-24 "$TXT" "$HERE/../data/examples/sample.xml"
    status 0
    cmp -s "$TMP/j1" "$OUT" || fail "$opt output differs from -j 1"
    n=$((n + 1))
done
run code -j 0 "$TXT"
status 2
has "$ERR" "thread count"
run code -jx "$TXT"
status 2
has "$ERR" "thread count"

# passive voice with the PETRARCH-2 dictionaries: the by-phrase is the source
printf '%s' '<Sentences><Sentence date="20190101" id="p_1" sentence="True"><Text>Iran was attacked by Iraq.</Text><Parse>(ROOT (S (NP (NNP Iran)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNP Iraq))))) (. .)))</Parse></Sentence></Sentences>' > "$TMP/passive.xml"
run code "$TMP/passive.xml"
status 0
has "$OUT" '"source":"IRQ","target":"IRN"'

# eval-parse from raw text: the raw-text line and the raw keys in --json
run eval-parse "$HERE/data/conllu/ewt-sample.conllu"
status 0
has "$OUT" "raw text: tokens F1 "
has "$OUT" "sentences F1 "
run eval-parse --json "$HERE/data/conllu/ewt-sample.conllu"
status 0
for k in upos xpos uas las tokens_f1 words_f1 sentences_f1 raw_upos raw_xpos \
    raw_uas raw_las; do
    has "$OUT" "\"$k\":"
done
hasnt "$OUT" '"raw_las":null'

# articles: the sample article with dates, places, merged mentions, and
# nothing from its "Read More:" and "Editing by" lines
run code --date 2019-10-01 "$TXT"
status 0
has "$OUT" '"source":"IRQKURGOV","target":"IRQGOV","code":"043"'
has "$OUT" '"event_date":"2019-09-29","date_text":"on Sunday"'
has "$OUT" '"geonameid":95446'
has "$OUT" '"num_mentions":2'
hasnt "$OUT" '"text":"Read More'
hasnt "$OUT" '"text":"Editing by'
has "$ERR" "khabar: 1 articles, "
visits=$(grep -c '"code":"043"' "$OUT")
[ "$visits" -eq 1 ] || fail "$visits visit events, expected 1 (merged)"
n=$((n + 1))
run code --no-merge --date 2019-10-01 "$TXT"
status 0
visits=$(grep -c '"code":"043"' "$OUT")
[ "$visits" -eq 2 ] || fail "$visits visit events with --no-merge, expected 2"
n=$((n + 1))
run code --no-places --date 2019-10-01 "$TXT"
status 0
has "$OUT" '"place":null'
run code "$TXT"
status 1
has "$ERR" "no date"
# an invalid byte is replaced and reported as a warning, not an error
printf '{"id":"bad","date":"2019-10-01","text":"Iraqi President Barham Salih met the Turkish foreign minister in Baghdad on Monday \377."}\n' > "$TMP/invalid.jsonl"
run code "$TMP/invalid.jsonl"
status 0
has "$ERR" "invalid UTF-8"
has "$ERR" "0 errors, 1 warnings"
# the formats, by their columns
run code --format csv --date 2019-10-01 "$TXT"
status 0
head -n 1 "$OUT" | grep -q '^event_id,doc_id,' || fail "no CSV header"
n=$((n + 1))
run code --format gdelt --date 2019-10-01 "$TXT"
status 0
awk -F'\t' 'NF != 61 { exit 1 }' "$OUT" || fail "GDELT lines without 61 columns"
n=$((n + 1))
run code --format gdelt-mentions --date 2019-10-01 "$TXT"
status 0
awk -F'\t' 'NF != 16 { exit 1 }' "$OUT" || fail "GDELT mentions without 16 columns"
[ "$(wc -l < "$OUT")" -ge 7 ] || fail "fewer mention lines than mentions"
n=$((n + 1))
run code --format plover --date 2019-10-01 "$TXT"
status 0
has "$OUT" '"event":"CONSULT"'
# batches: a directory and a glob, duplicates merged across articles
mkdir -p "$TMP/dir/sub"
printf 'T\n\nIraqi President Barham Salih met the Turkish foreign minister in Baghdad on Monday.\n' > "$TMP/dir/a.txt"
cp "$TMP/dir/a.txt" "$TMP/dir/sub/b.txt"
run code --date 2019-10-02 "$TMP/dir"
status 0
has "$ERR" "khabar: 2 articles, "
has "$OUT" '"num_articles":2'
run code --date 2019-10-02 "$TMP/dir/*.txt"
status 0
has "$ERR" "khabar: 1 articles, "
run code --one-a-day --date 2019-10-02 "$TMP/dir"
status 0
has "$OUT" '"num_mentions":2'
# khabar actors --unknown: names to add, with the code the article gave them
run actors --unknown --min 1 --date 2019-10-01 "$TXT"
status 0
has "$OUT" "BARZANI  # 2 mentions in 1 article"
has "$OUT" "[IRQKURGOV]"
has "$OUT" "MIKE_POMPEO"
run actors "$TXT"
status 2
has "$ERR" "--unknown"
# the same list whatever the thread count; a link back up a directory tree
# is not followed
run actors --unknown --min 1 -j 1 --date 2019-10-01 "$TXT" "$TMP/dir"
status 0
cp "$OUT" "$TMP/u1"
run actors --unknown --min 1 -j 3 --date 2019-10-01 "$TXT" "$TMP/dir"
status 0
cmp -s "$TMP/u1" "$OUT" || fail "actors --unknown -j 3 differs from -j 1"
n=$((n + 1))
ln -s .. "$TMP/dir/sub/up"
run code --date 2019-10-02 "$TMP/dir"
status 0
has "$ERR" "khabar: 2 articles, "

echo "cli.sh: $n checks passed"
