#!/bin/sh
# bench/run.sh — the benchmark table of selaras (`make bench`).
#
#   sh bench/run.sh [SELARAS [GEN]]
#
# SELARAS is the program (build/selaras), GEN the input generator built from
# bench/gen.c (compiled here into the temporary directory when not given).
# Environment:
#   BENCH_SIZES=small   the 10k-line bitext and the 1k-document batch only
#                       (under a minute); default: all sizes
#   BENCH_OUT=FILE      also write the final table to FILE
#   SELARAS_DATA=DIR    the gold sets (default ../shared/data)
#   BENCH_NO_TIME=1     wall time only, as without /usr/bin/time
#
# Inputs are generated in a temporary directory, removed on exit, from the
# gold sets of $SELARAS_DATA/align when present (strict F1 against the gold
# the generator writes beside each input), otherwise from the aligned units
# of samples/ (no gold: F1 "-"). Every input is aligned with 1 and with 2
# threads; a run under 5 s is timed three times and the fastest kept, and a
# run that other processes disturbed is made again (see measure below).
# See bench/README.md for what each row measures.
set -eu
BIN=${1:-build/selaras}
GEN=${2:-}
DATA=${SELARAS_DATA:-../shared/data}
SIZES=${BENCH_SIZES:-full}
HERE=$(dirname "$0")
SAMPLES=$HERE/../samples
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

case $SIZES in
small) BITEXTS="10000"; BATCHES="1000" ;;
full) BITEXTS="10000 100000 1000000"; BATCHES="1000 10000 100000" ;;
*) echo "bench: BENCH_SIZES is small or full, not '$SIZES'" >&2; exit 2 ;;
esac
SEED=1
UNITS=12 # units per batch document: an abstract's sentences
export SOURCE_DATE_EPOCH=0 # TMX bytes comparable across runs

if [ -z "$GEN" ]; then
    GEN=$TMP/gen
    ${CC:-cc} -std=c11 -O2 -o "$GEN" "$HERE/gen.c"
fi

# Where the units come from.
if [ -d "$DATA/align/pud" ] && [ -d "$DATA/align/panl-dev" ] && [ -d "$DATA/align/ted-dev" ]; then
    # a list of paths, split on spaces where it is used
    SOURCES="$DATA/align/pud $DATA/align/panl-dev $DATA/align/ted-dev"
    HAVE_GOLD=1
    FROM="gold sets pud, panl-dev, ted-dev of $DATA/align"
else
    "$BIN" align -f tsv -o "$TMP/samples.tsv" "$SAMPLES" 2>/dev/null
    SOURCES=$TMP/samples.tsv
    HAVE_GOLD=0
    FROM="the sentence units selaras aligns in samples/ (no gold sets: no F1)"
fi

if [ -x /usr/bin/time ] && [ -z "${BENCH_NO_TIME:-}" ]; then HAVE_TIME=1; else HAVE_TIME=0; fi

now_ns() { date +%s%N; }
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
# CPU seconds used so far by the whole machine (all processes, all cores).
busy() { awk -v hz="$HZ" '/^cpu / { printf "%.2f\n", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat 2>/dev/null || echo 0; }

# run OUT CMD...: one timed run of CMD, stdout to OUT. Sets W (wall s),
# C (CPU s: user + system), R (peak RSS, KiB) and O (CPU s that other
# processes took meanwhile: the machine's busy time less C); C, R and O are
# "-" without /usr/bin/time. Returns CMD's exit status; its stderr is kept
# in $TMP/err.
run() {
    out=$1; shift
    b0=$(busy)
    t0=$(now_ns)
    if [ $HAVE_TIME = 1 ]; then
        st=0; /usr/bin/time -o "$TMP/time" -f '%U %S %M' "$@" > "$out" 2> "$TMP/err" || st=$?
    else
        st=0; "$@" > "$out" 2> "$TMP/err" || st=$?
    fi
    t1=$(now_ns)
    b1=$(busy)
    W=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    if [ $HAVE_TIME = 1 ] && [ $st = 0 ]; then
        C=$(tail -1 "$TMP/time" | awk '{ printf "%.2f", $1 + $2 }')
        R=$(tail -1 "$TMP/time" | awk '{ print $3 }')
        O=$(awk -v a="$b0" -v b="$b1" -v c="$C" 'BEGIN { o = b - a - c; printf "%.2f", (o > 0 ? o : 0) }')
    else
        C=-; R=-; O=-
    fi
    return $st
}

# Whether the last run was disturbed: other processes took more than a
# tenth of a core on average (and more than the counters' 10 ms steps).
disturbed() { [ "$O" != - ] && awk -v o="$O" -v w="$W" 'BEGIN { exit !(o > 0.05 && o > 0.1 * w) }'; }

# Waits for a second in which other processes use less than a tenth of a
# core, so that a run does not start in the middle of someone's build; at
# most $wait seconds in all for one measurement (set by measure).
quiet() {
    [ $HAVE_TIME = 1 ] || return 0
    while [ "$wait" -gt 0 ]; do
        wait=$((wait - 1))
        q0=$(busy); sleep 1; q1=$(busy)
        awk -v a="$q0" -v b="$q1" 'BEGIN { exit !(b - a < 0.1) }' && return 0
    done
}

# measure OUT CMD...: the fastest of three runs under 5 s, or one run above.
# A disturbed run does not count: up to three more are made, and only when
# every run was disturbed is the fastest of them kept (O then says by how
# much). Sets W C R O as run does; returns non-zero when CMD failed.
measure() {
    need=1 good=0 tries=0 bw='' bdw='' wait=10
    while [ $good -lt $need ] && [ $tries -lt $((need + 3)) ]; do
        quiet
        run "$@" || return 1
        tries=$((tries + 1))
        [ $tries = 1 ] && awk -v w="$W" 'BEGIN { exit !(w < 5) }' && need=3
        if disturbed; then
            if [ -z "$bdw" ] || awk -v w="$W" -v b="$bdw" 'BEGIN { exit !(w < b) }'; then
                bdw=$W; bdc=$C; bdr=$R; bdo=$O
            fi
        else
            good=$((good + 1))
            if [ -z "$bw" ] || awk -v w="$W" -v b="$bw" 'BEGIN { exit !(w < b) }'; then
                bw=$W; bc=$C; br=$R; bo=$O
            fi
        fi
    done
    if [ -n "$bw" ]; then W=$bw; C=$bc; R=$br; O=$bo; else W=$bdw; C=$bdc; R=$bdr; O=$bdo; fi
}

# F1 of a bead file against gold, in one `selaras eval` (a batch's
# documents, between blank lines, are scored one against one).
f1() { # GOLD TEST
    "$BIN" eval "$1" "$2" | awk 'NR == 2 && $1 == "strict" { print $7; found = 1 } END { if (!found) print "?" }'
}

# One line of the table: input, items, unit, bytes, threads, wall, CPU,
# RSS KiB, speed-up, same bytes, F1, other processes' CPU s (tab-separated;
# formatted at the end).
row() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$TMP/rows"
}
: > "$TMP/rows"
NOTES=$TMP/notes
: > "$NOTES"
note() { echo "$*" >> "$NOTES"; echo "bench: $*" >&2; }

human() { # 10000 -> 10k
    awk -v n="$1" 'BEGIN { if (n >= 1e6 && n % 1e6 == 0) print n / 1e6 "M"; else if (n >= 1e3 && n % 1e3 == 0) print n / 1e3 "k"; else print n }'
}

# align_rows NAME ITEMS UNIT BYTES GOLD KIND OUTEXT CMD...: the rows of one
# input at 1 and 2 threads. CMD is completed with -j N and, for a batch,
# -o FILE; a bitext writes its beads to stdout. KIND is bitext or batch.
# Without gold, GOLD is "-". A command that fails gives "n/a" rows.
align_rows() {
    name=$1 items=$2 unit=$3 bytes=$4 gold=$5 kind=$6 ext=$7
    shift 7
    w1=
    for j in 1 2; do
        o=$TMP/out$j.$ext
        if [ "$kind" = batch ]; then
            measure /dev/null "$@" -j "$j" -o "$o" || { fail "$name" "$items" "$unit" "$bytes" "$j"; continue; }
        else
            measure "$o" "$@" -j "$j" || { fail "$name" "$items" "$unit" "$bytes" "$j"; continue; }
        fi
        su=- same=- f=-
        if [ $j = 1 ]; then
            w1=$W
        else
            [ -n "$w1" ] && su=$(awk -v a="$w1" -v b="$W" 'BEGIN { printf "%.2f", a / b }')
            if [ -f "$TMP/out1.$ext" ]; then
                if cmp -s "$TMP/out1.$ext" "$o"; then same=yes; else same=NO; fi
            fi
        fi
        if [ "$gold" != - ] && [ $j = 2 ]; then
            if [ "$kind" = bitext ]; then
                f=$(f1 "$gold" "$o")
            elif "$@" -j 2 -f beads -o "$TMP/out.beads" 2> "$TMP/err"; then
                f=$(f1 "$gold" "$TMP/out.beads")
            else
                f='?'
            fi
        fi
        row "$name" "$items" "$unit" "$bytes" "$j" "$W" "$C" "$R" "$su" "$same" "$f" "$O"
    done
    rm -f "$TMP"/out1.* "$TMP"/out2.* "$TMP/out.beads"
}

fail() { # NAME ITEMS UNIT BYTES THREADS
    row "$1" "$2" "$3" "$4" "$5" n/a n/a n/a - - - -
    note "$1 -j $5: n/a ($(head -1 "$TMP/err" | cut -c1-120))"
}

echo "bench: selaras $("$BIN" --version | awk '{ print $2 }'), $(nproc) cores, inputs from $FROM" >&2

# --- pre-split bitexts ------------------------------------------------------
for n in $BITEXTS; do
    p=$TMP/bitext
    # shellcheck disable=SC2086
    "$GEN" bitext "$p" "$n" $SEED $SOURCES
    gold=-; [ $HAVE_GOLD = 1 ] && gold=$p.gold
    bytes=$(($(wc -c < "$p.id") + $(wc -c < "$p.en")))
    echo "bench: bitext $(human "$n") lines" >&2
    align_rows "bitext $(human "$n")" "$n" lines "$bytes" "$gold" bitext beads \
        "$BIN" align --presplit "$p.id" "$p.en"
    rm -f "$p".*
done

# --- JSON Lines batches -> one TMX ------------------------------------------
# The same documents as running text (selaras splits them) and pre-split
# (arrays of segments); the second needs `align --presplit BATCH.jsonl`.
for n in $BATCHES; do
    for mode in jsonl jsonl-presplit; do
        p=$TMP/batch
        # shellcheck disable=SC2086
        "$GEN" $mode "$p" "$n" $UNITS $SEED $SOURCES
        gold=-; [ $HAVE_GOLD = 1 ] && gold=$p.gold
        opt=; [ $mode = jsonl-presplit ] && opt=--presplit
        echo "bench: $mode $(human "$n") documents" >&2
        align_rows "$mode $(human "$n")" "$n" docs "$(wc -c < "$p.jsonl")" "$gold" batch tmx \
            "$BIN" align $opt -f tmx "$p.jsonl"
        rm -f "$p".*
    done
done

# --- splitting --------------------------------------------------------------
# Multi-megabyte inputs, one thread: UD paragraphs one per line (--lines) and
# the sample records as running paragraphs.
split_row() { # NAME LANG FILE [--lines]
    name=$1 lang=$2 file=$3; shift 3
    echo "bench: $name" >&2
    if measure /dev/null "$BIN" split --lang "$lang" "$@" "$file"; then
        row "$name" "$(wc -l < "$file")" lines "$(wc -c < "$file")" 1 "$W" "$C" "$R" - - - "$O"
    else
        fail "$name" "$(wc -l < "$file")" lines "$(wc -c < "$file")" 1
    fi
}
for lang in id en; do
    raw=$DATA/seg/${lang}_pud.raw.txt
    [ -f "$raw" ] || continue
    i=0; while [ $i -lt 300 ]; do cat "$raw"; i=$((i + 1)); done > "$TMP/split.txt"
    split_row "split $lang UD --lines" $lang "$TMP/split.txt" --lines
done
i=0; while [ $i -lt 1500 ]; do cat "$SAMPLES"/*.txt; printf '\n\n'; i=$((i + 1)); done > "$TMP/split.txt"
split_row "split samples paragraphs" id "$TMP/split.txt"
rm -f "$TMP/split.txt"

# --- the table --------------------------------------------------------------
{
    rev=$(git -C "$HERE/.." rev-parse --short HEAD 2>/dev/null || echo '?')
    [ -z "$(git -C "$HERE/.." status --porcelain -- src include 2>/dev/null)" ] ||
        rev="$rev with uncommitted changes in src/"
    echo "selaras $("$BIN" --version | awk '{ print $2 }') at $rev," \
         "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
         "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "inputs from $FROM"
    [ $HAVE_TIME = 1 ] || echo "no /usr/bin/time (package time): CPU and peak RSS not measured"
    echo
    awk -F'\t' '
    function fmt(x, f) { return (x == "-" || x == "n/a" || x == "?") ? x : sprintf(f, x) }
    BEGIN {
        printf "%-26s %13s %8s %3s %8s %8s %8s %9s %8s %6s %5s %8s\n", "input", "size", "MB", "j",
               "wall s", "CPU s", "RSS MiB", "MB/s/core", "us/item", "1->2", "j1=j2", "F1"
    }
    {
        mb = $4 / 1e6
        rss = ($8 == "-" || $8 == "n/a") ? $8 : sprintf("%.0f", $8 / 1024)
        rate = ($6 == "n/a") ? "n/a" : sprintf("%.1f", mb / $6 / $5)
        per = ($6 == "n/a") ? "n/a" : sprintf("%.1f", $6 * 1e6 / $2)
        # another process busy for more than a tenth of a core (and more
        # than the 10 ms resolution of the counters) makes a timing suspect
        busy = ($12 != "-" && $12 > 0.05 && $12 > 0.1 * $6)
        if (busy) disturbed = disturbed sprintf("\n  %s -j %s: %.2f CPU s", $1, $5, $12)
        printf "%-26s %13s %8.1f %3s %8s %8s %8s %9s %8s %6s %5s %8s\n", $1, $2 " " $3, mb, $5,
               fmt($6, "%.3f") (busy ? "*" : ""), fmt($7, "%.2f"), rss, rate, per, $9, $10, $11
    }
    END {
        if (disturbed != "")
            print "\n* other processes used the machine during this run (timing disturbed):" disturbed
    }' "$TMP/rows"
    if [ -s "$NOTES" ]; then echo; cat "$NOTES"; fi
} > "$TMP/table"
echo
cat "$TMP/table"
if [ -n "${BENCH_OUT:-}" ]; then cp "$TMP/table" "$BENCH_OUT"; fi
