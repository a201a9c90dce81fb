#!/bin/sh
# tests/tsan.sh BIN — the parallel paths of selaras under ThreadSanitizer
# (`make tsan`): a directory of records and a JSON Lines batch aligned by
# two threads, and one long pre-split text aligned in parallel segments.
# BIN is built by clang with TSan and LLVM's OpenMP runtime; Archer (an
# OMPT tool shipped with it) tells TSan what the runtime's barriers and
# locks order, which TSan cannot see in an uninstrumented runtime (GCC's
# libgomp gives hundreds of such false reports). Any report fails the run,
# the preparation's too.
set -eu
BIN=$1
ARCHER=${ARCHER:-/usr/lib/llvm-14/lib/libarcher.so}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export OMP_TOOL_LIBRARIES=$ARCHER
export TSAN_OPTIONS="exitcode=66 ignore_noninstrumented_modules=1 log_path=$TMP/tsan"
HERE=$(dirname "$0")
SAMPLES=$HERE/../samples

mkdir "$TMP/recs"
for i in 1 2 3 4 5 6 7 8; do
    for f in "$SAMPLES"/0*.txt; do cp "$f" "$TMP/recs/r${i}_$(basename "$f")"; done
done
# the aligned units of the samples, as JSON Lines documents and as a long
# pre-split bitext (the samples' units repeated)
"$BIN" align -f tsv --text normalized -o "$TMP/units.tsv" --records "$SAMPLES"/0*.txt 2> /dev/null
awk -F '\t' 'function j(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return s }
     $1 != "" && $2 != "" { printf "{\"id\": \"%s\", \"en\": \"%s\"}\n", j($1), j($2) }' \
    "$TMP/units.tsv" > "$TMP/one.jsonl"
: > "$TMP/batch.jsonl"; : > "$TMP/long.id"; : > "$TMP/long.en"
for i in $(seq 40); do
    cat "$TMP/one.jsonl" >> "$TMP/batch.jsonl"
    awk -F '\t' '$1 != "" && $2 != "" { print $1 > "'"$TMP/long.id.$i"'"; print $2 > "'"$TMP/long.en.$i"'" }' \
        "$TMP/units.tsv"
    cat "$TMP/long.id.$i" >> "$TMP/long.id"; cat "$TMP/long.en.$i" >> "$TMP/long.en"
done

status=0
run() {
    name=$1; shift
    if "$BIN" "$@" > /dev/null 2> "$TMP/err"; then
        echo "tsan $name: clean"
    else
        echo "tsan $name: FAILED (exit $?)"; cat "$TMP/err" >&2; status=1
    fi
}
run "records, 2 threads" align -j 2 -o "$TMP/out.tmx" "$TMP/recs"
run "records with a learned lexicon, 2 threads" align -j 2 --learn -o "$TMP/out2.tmx" "$TMP/recs"
run "JSON Lines, 2 threads" align -j 2 -f tsv -o "$TMP/out.tsv" "$TMP/batch.jsonl"
run "long text in segments, 2 threads" align -j 2 --presplit -o "$TMP/out.beads" \
    "$TMP/long.id" "$TMP/long.en"
if ls "$TMP"/tsan.* > /dev/null 2>&1; then
    cat "$TMP"/tsan.* >&2
    status=1
fi
exit $status
