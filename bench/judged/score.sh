#!/bin/sh
# score.sh VERDICTS EVENTS.tsv [unjudged|wrong]
#
# Scores events written by `khabar code --no-merge --format phoenix`
# against a file of verdicts (record id, source, target, code, verdict:
# "right" or "wrong: why"; tab-separated), as kept in this directory for
# the precision draws of docs/accuracy.md. Prints how many of the events
# were judged right, judged wrong and not judged, and with a third
# argument lists the events not judged or judged wrong.
set -eu
verdicts=$1
events=$2
show=${3:-}
awk -F'\t' -v show="$show" '
NR == FNR { v[$1 "\t" $2 "\t" $3 "\t" $4] = $5; next }
{
    k = $24 "\t" $6 "\t" $10 "\t" $14
    if (!(k in v)) { u++; if (show == "unjudged") print k; next }
    if (v[k] == "right") r++
    else { w++; if (show == "wrong") print k "\t" v[k] }
}
END {
    n = r + w
    printf "events %d: judged right %d, judged wrong %d, not judged %d", \
        r + w + u, r, w, u
    if (n > 0) printf " (%.1f%% of the judged right)", 100 * r / n
    printf "\n"
}' "$verdicts" "$events"
