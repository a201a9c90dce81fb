#!/bin/sh
# bench/run.sh — throughput of `selaras split` on a multi-megabyte input.
# Usage: sh bench/run.sh [path/to/selaras]
# The input is built in a temporary directory by repeating the UD paragraphs
# of ../shared/data/seg (one paragraph per line, --lines mode) and the
# bundled sample records (paragraph mode); nothing is written to the repo.
set -eu
BIN=${1:-build/selaras}
DATA=${SELARAS_DATA:-../shared/data}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

# best of three wall-clock runs, in MB/s (1 MB = 10^6 bytes)
measure() { # name lang mode file
    size=$(wc -c < "$4")
    best=""
    for _ in 1 2 3; do
        t0=$(date +%s%N)
        "$BIN" split --lang "$2" $3 "$4" > /dev/null
        t1=$(date +%s%N)
        ns=$((t1 - t0))
        [ -z "$best" ] || [ "$ns" -lt "$best" ] && best=$ns
    done
    awk -v n="$1" -v s="$size" -v t="$best" \
        'BEGIN { printf "%-28s %7.1f MB  %7.3f s  %7.1f MB/s\n", n, s/1e6, t/1e9, (s/1e6)/(t/1e9) }'
}

echo "selaras split throughput (one thread, best of 3)"
if [ -f "$DATA/seg/id_pud.raw.txt" ]; then
    i=0; while [ $i -lt 300 ]; do cat "$DATA/seg/id_pud.raw.txt"; i=$((i+1)); done > "$TMP/id.txt"
    i=0; while [ $i -lt 300 ]; do cat "$DATA/seg/en_pud.raw.txt"; i=$((i+1)); done > "$TMP/en.txt"
    measure "id_pud x300 (--lines)" id --lines "$TMP/id.txt"
    measure "en_pud x300 (--lines)" en --lines "$TMP/en.txt"
else
    echo "(UD gold not found under $DATA: skipping the --lines inputs)"
fi
i=0; while [ $i -lt 1500 ]; do cat samples/*.txt; printf '\n\n'; i=$((i+1)); done > "$TMP/rec.txt"
measure "samples x1500 (paragraphs)" id "" "$TMP/rec.txt"

# --- records to one TMX ---------------------------------------------------
# 1,000 sample-sized records (the bundled ten, copied under new names) into
# one TMX, with 1 thread and with all cores.
mkdir -p "$TMP/records"
i=0
while [ $i -lt 100 ]; do
    for f in samples/[0-9]*.txt; do cp "$f" "$TMP/records/$(printf %03d $i)_$(basename "$f")"; done
    i=$((i+1))
done
echo
echo "selaras align: $(ls "$TMP/records" | wc -l) records -> one TMX (best of 3)"
for j in 1 $(nproc); do
    best=""
    for _ in 1 2 3; do
        t0=$(date +%s%N)
        "$BIN" align -j "$j" -o "$TMP/out.tmx" "$TMP/records" 2>/dev/null
        t1=$(date +%s%N)
        ns=$((t1 - t0))
        [ -z "$best" ] || [ "$ns" -lt "$best" ] && best=$ns
    done
    units=$(grep -c '<tu>' "$TMP/out.tmx")
    awk -v j="$j" -v t="$best" -v u="$units" \
        'BEGIN { printf "threads %-3s %7.3f s  %d units  %.0f records/s\n", j, t/1e9, u, 1000/(t/1e9) }'
done
if command -v /usr/bin/time >/dev/null 2>&1; then
    /usr/bin/time -f "peak RSS %M KiB (all cores)" "$BIN" align -o "$TMP/out.tmx" "$TMP/records" 2>&1 >/dev/null | tail -1
fi

# --- a long pre-split bitext ---------------------------------------------
# The UD PUD sentences repeated 5 times: 5,000 lines a side in one banded
# alignment (time and peak memory).
if [ -f "$DATA/align/pud/documents.tsv" ]; then
    : > "$TMP/long.id"; : > "$TMP/long.en"
    i=0
    while [ $i -lt 5 ]; do
        cat "$DATA"/align/pud/sent/*.id >> "$TMP/long.id"
        cat "$DATA"/align/pud/sent/*.en >> "$TMP/long.en"
        i=$((i+1))
    done
    echo
    echo "selaras align --presplit: $(wc -l < "$TMP/long.id") x $(wc -l < "$TMP/long.en") lines"
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%e s  peak RSS %M KiB" "$BIN" align --presplit "$TMP/long.id" \
            "$TMP/long.en" > "$TMP/long.beads" 2> "$TMP/long.time"
        tail -1 "$TMP/long.time"
    else
        t0=$(date +%s%N)
        "$BIN" align --presplit "$TMP/long.id" "$TMP/long.en" > "$TMP/long.beads" 2>/dev/null
        t1=$(date +%s%N)
        awk -v t=$((t1 - t0)) 'BEGIN { printf "%.2f s (install the time package for peak RSS)\n", t/1e9 }'
    fi
    echo "1-1 beads on the diagonal: $(awk -F'[][]' '$2 == $4' "$TMP/long.beads" | wc -l)"
fi
