#!/bin/sh
# samples/run.sh — the main job on the bundled records (used by `make run`).
set -eu
BIN=${1:-build/selaras}
OUT=build/out
mkdir -p "$OUT"
for f in samples/[0-9]*.txt; do
    base=$(basename "$f" .txt)
    "$BIN" split --lang id -o "$OUT/$base.sent" "$f"
    echo "selaras: wrote $OUT/$base.sent ($(grep -c . "$OUT/$base.sent") segments)"
done
