#!/bin/sh
# bench/faults.sh — how well `selaras check` finds seeded faults (`make faults`).
#
#   sh bench/faults.sh [SELARAS [FAULTS [OUTDIR]]]
#
# SELARAS is the program (build/selaras), FAULTS the generator and scorer
# built from bench/faults.c (build/selaras-faults). Environment:
#   SELARAS_DATA=DIR   the shared data (default ../shared/data)
#   FAULTS_SEED=N      the generator's seed (default 1)
# OUTDIR (default: a temporary directory, removed on exit) keeps the
# batches, the answer key faults.key, each batch's report BATCH.out,
# figures.tsv and misses.txt (every fault not reported, with what was).
#
# One `selaras check --json` run per batch: the seeded faults of each kind,
# the clean documents (every document of pud, the sample records but
# 006_agriculture, whose ground truth has a real omission, and the seed
# record), and the panl-dev and ted-dev documents as they are.
set -eu
HERE=$(dirname "$0")
BIN=${1:-build/selaras}
GEN=${2:-build/selaras-faults}
OUT=${3:-}
DATA=${SELARAS_DATA:-$HERE/../../shared/data}
SEED=${FAULTS_SEED:-1}
SAMPLES=$HERE/../samples
if [ -z "$OUT" ]; then
  OUT=$(mktemp -d)
  trap 'rm -rf "$OUT"' EXIT
fi
mkdir -p "$OUT"
ALIGN=$DATA/align
if [ ! -d "$ALIGN" ]; then
  echo "faults: $ALIGN not found: the sample records only" >&2
  ALIGN=
fi
SEEDS= # the real catalogue records of ../shared/seeds
SEEDARGS=
for f in "$DATA"/../seeds/*.txt; do
  if [ -f "$f" ]; then SEEDS="$SEEDS $f"; SEEDARGS="$SEEDARGS -r $f"; fi
done

# shellcheck disable=SC2086
"$GEN" gen -s "$SEED" ${ALIGN:+-d "$ALIGN"} -S "$SAMPLES" $SEEDARGS "$OUT" 2>"$OUT/gen.log"

check() { # OUTPUT INPUT... (exit status 1 only says that errors were found)
  o=$1
  shift
  "$BIN" check --json -q --fail-on never -j 2 "$@" >"$OUT/$o.out"
}
for b in del-en del-id add untranslated number; do check "$b" "$OUT/$b.jsonl"; done
check keywords "$OUT/keywords"
check abstract "$OUT/abstract"
CLEAN=
for f in "$SAMPLES"/*.txt; do
  case $(basename "$f") in 006_*) ;; *) CLEAN="$CLEAN $f" ;; esac
done
# shellcheck disable=SC2086
check clean1 --records $CLEAN $SEEDS
if [ -n "$ALIGN" ]; then
  check clean0 --presplit "$ALIGN/pud/sent"
  check gold "$OUT/gold.jsonl"
fi
"$GEN" score "$OUT"
