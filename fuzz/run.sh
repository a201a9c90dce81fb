#!/bin/sh
# fuzz/run.sh BUILD SECONDS TARGET... — runs each libFuzzer target for
# SECONDS (or FUZZ_RUNS executions, when set) from its seeds (made here from samples/ and fuzz/corpus/) and the
# corpus it grew before; prints the executions of each and fails on any
# crash, leak or timeout, whose input is left in BUILD/crashes/.
set -u
build=$1 secs=$2
shift 2
mkdir -p "$build/seeds" "$build/corpus" "$build/crashes" "$build/logs"

# seeds: the samples, the committed corpus, and for some targets more
seeds() {
    t=$1 d="$build/seeds/$1"
    rm -rf "$d" && mkdir -p "$d" "$build/corpus/$t"
    [ -d "fuzz/corpus/$t" ] && cp fuzz/corpus/"$t"/* "$d"/ 2>/dev/null
    case $t in
    record|split_id|split_en|text)
        for f in samples/0*.txt; do cp "$f" "$d/"; done ;;
    esac
    case $t in
    text)
        iconv -f UTF-8 -t UTF-16LE samples/001_law.txt > "$d/utf16le" 2>/dev/null
        iconv -f UTF-8 -t CP1252//TRANSLIT samples/002_medicine.txt > "$d/cp1252" 2>/dev/null ;;
    lexicon_tsv)
        head -n 60 src/rules/lexicon_id_en.txt > "$d/core" ;;
    lexicon_dictd)
        # the first entries of FreeDict, when it is installed, as index
        # 0x1E dict (the offsets of an uncompressed prefix)
        idx=/usr/share/dictd/freedict-eng-ind.index
        if [ -r "$idx" ] && [ -r "${idx%.index}.dict.dz" ]; then
            head -n 12 "$idx" | grep -v '^00' > "$d/i"
            { cat "$d/i"; printf '\036'; zcat "${idx%.index}.dict.dz" | head -c 6000; } > "$d/freedict"
            rm -f "$d/i"
        fi ;;
    esac
}

# the largest input tried: a record or an abstract, or a few lines
maxlen() {
    case $1 in
    record|split_id|split_en|text|lexicon_dictd) echo 16384 ;;
    *) echo 8192 ;;
    esac
}

status=0
for t in "$@"; do
    seeds "$t"
    log="$build/logs/$t.log"
    start=$(date +%s)
    if [ -n "${FUZZ_RUNS:-}" ]; then limit="-runs=$FUZZ_RUNS"; else limit="-max_total_time=$secs"; fi
    "$build/fuzz-$t" "$limit" -timeout=10 -rss_limit_mb=2048 -max_len="$(maxlen "$t")" \
        -print_final_stats=1 -artifact_prefix="$build/crashes/$t-" \
        "$build/corpus/$t" "$build/seeds/$t" > "$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    took=$(( $(date +%s) - start ))
    if [ $rc -eq 0 ]; then
        echo "fuzz $t: ${runs:-?} executions in ${took}s, no crash"
    else
        echo "fuzz $t: FAILED (exit $rc) after ${runs:-?} executions; see $log"
        grep -m 3 -E 'ERROR|invariant|runtime error|Test unit written' "$log"
        status=1
    fi
done
exit $status
