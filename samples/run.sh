#!/bin/sh
# samples/run.sh — the main job on the bundled records (used by `make run`):
# every record in samples/ aligned into one TMX 1.4b memory.
set -eu
BIN=${1:-build/selaras}
OUT=build/out
mkdir -p "$OUT"
"$BIN" align -o "$OUT/samples.tmx" --unaligned "$OUT/samples.unaligned.tsv" --records samples/0*.txt
"$BIN" align -f tsv -o "$OUT/samples.tsv" --records samples/0*.txt 2>/dev/null
echo "selaras: TMX written to $OUT/samples.tmx (also $OUT/samples.tsv, $OUT/samples.unaligned.tsv)"
