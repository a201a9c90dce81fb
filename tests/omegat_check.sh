#!/bin/sh
# omegat_check.sh — does OmegaT 3.6, given selaras's segmentation rules,
# segment a source text the way selaras did, so that every segment is
# translated from a selaras TMX?
#
# usage: omegat_check.sh SRC_DIR TMX SELARAS [WORK_DIR]
#   SRC_DIR  directory holding the Indonesian source text file(s) (*.txt,
#            UTF-8, a paragraph per line)
#   TMX      translation memory (srclang id, tuv xml:lang id / en) whose id
#            segments are the sentences selaras made of the source
#   SELARAS  the selaras program; `SELARAS srx --omegat` must print OmegaT's
#            segmentation.conf (the project's segmentation rules)
#   WORK_DIR where the OmegaT project and config directory are built
#            (default: a new temporary directory, removed on success)
# Environment: OMEGAT_JAR (default /usr/share/omegat/OmegaT.jar), JAVA
# (default java), SRC_LANG (id), TGT_LANG (en); GLOSSARIES: glossary files
# (space-separated paths) for the project's glossary/ folder, and
# GLOSSARY_TERMS: a file of "source TAB target" lines, the pairs OmegaT must
# show from each of them; SEGMENTS: a file to receive OmegaT's segments, one
# a line (file, number, 1 translated or 0 not, source text with \\ \t \n \r
# escaped; see omegat_segments.groovy), for a caller that judges which must
# be translated (not with GLOSSARIES: OmegaT runs one script).
#
# Builds PROJECT/{omegat.project,source,target,tm/auto,omegat} with the TMX in
# tm/auto/ and the rules in omegat/segmentation.conf, runs OmegaT headless
# (--mode=console-translate), fails when OmegaT's log shows the rules did not
# load (it would silently use its defaults) and reports total and remaining
# segments from omegat/project_stats.txt. With GLOSSARIES, OmegaT also runs
# omegat_glossary.groovy (--script): its own glossary loader and the search
# of its Glossary pane over every segment; each glossary file must load with
# one entry per pair of GLOSSARY_TERMS and OmegaT must show every pair on
# some segment.
# Exit: 0 every segment was translated from the memory (and every glossary
# pair shown; with SEGMENTS, the segments were written, whatever was
# translated); 1 some were not, or the rules did not load; 2 usage or setup
# error; 77 skipped (no OmegaT/java).
set -u

usage() { echo "usage: $0 SRC_DIR TMX SELARAS [WORK_DIR]" >&2; exit 2; }
if [ $# -lt 3 ] || [ $# -gt 4 ]; then usage; fi
src_dir=$1 tmx=$2 selaras=$3
jar=${OMEGAT_JAR:-/usr/share/omegat/OmegaT.jar}
java=${JAVA:-java}
src_lang=${SRC_LANG:-id}
tgt_lang=${TGT_LANG:-en}

if [ ! -f "$jar" ] || ! command -v "$java" >/dev/null 2>&1; then
    echo "omegat_check: skipped: OmegaT ($jar) or java not installed"
    exit 77
fi
[ -d "$src_dir" ] || { echo "omegat_check: no directory $src_dir" >&2; exit 2; }
[ -f "$tmx" ] || { echo "omegat_check: no file $tmx" >&2; exit 2; }
n=0
for f in "$src_dir"/*.txt; do [ -f "$f" ] && n=$((n + 1)); done
[ $n -gt 0 ] || { echo "omegat_check: no *.txt in $src_dir" >&2; exit 2; }

if [ -n "${4:-}" ]; then
    work=$4
    mkdir -p "$work" || exit 2
    keep=1
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/omegat_check.XXXXXX") || exit 2
    keep=0
fi
proj=$work/project
conf=$work/config
rm -rf "$proj" "$conf"
mkdir -p "$proj/source" "$proj/target" "$proj/tm/auto" "$proj/omegat" \
         "$proj/glossary" "$proj/dictionary" "$conf" || exit 2
cp "$src_dir"/*.txt "$proj/source/" || exit 2
cp "$tmx" "$proj/tm/auto/" || exit 2
script=
if [ -n "${SEGMENTS:-}" ]; then
    [ -z "${GLOSSARIES:-}" ] || { echo "omegat_check: SEGMENTS or GLOSSARIES, not both" >&2; exit 2; }
    script=$(cd "$(dirname "$0")" && pwd)/omegat_segments.groovy
    [ -f "$script" ] || { echo "omegat_check: no $script" >&2; exit 2; }
    case $SEGMENTS in /*) ;; *) SEGMENTS=$(pwd)/$SEGMENTS ;; esac
    rm -f "$SEGMENTS"
fi
if [ -n "${GLOSSARIES:-}" ]; then
    terms=${GLOSSARY_TERMS:?GLOSSARIES needs GLOSSARY_TERMS}
    [ -f "$terms" ] || { echo "omegat_check: no file $terms" >&2; exit 2; }
    for g in $GLOSSARIES; do
        cp "$g" "$proj/glossary/" || exit 2
    done
    script=$(cd "$(dirname "$0")" && pwd)/omegat_glossary.groovy
    [ -f "$script" ] || { echo "omegat_check: no $script" >&2; exit 2; }
fi

cat >"$proj/omegat.project" <<EOF
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>$src_lang</source_lang>
        <target_lang>$tgt_lang</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneIndonesianTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
        <sentence_seg>true</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
EOF

if ! "$selaras" srx --omegat >"$proj/omegat/segmentation.conf"; then
    echo "omegat_check: '$selaras srx --omegat' failed" >&2
    exit 2
fi

log=$work/omegat.log
start=$(date +%s)
SEGMENTS_OUT=${SEGMENTS:-} "$java" -Djava.awt.headless=true -Duser.home="$work" -jar "$jar" \
    --mode=console-translate --config-dir="$conf" --disable-project-locking --no-team \
    ${script:+--script="$script"} "$proj" >"$log" 2>&1
rc=$?
secs=$(( $(date +%s) - start ))
# OmegaT also logs to CONFIG/logs/
for f in "$conf"/logs/*.log; do
    [ -f "$f" ] && { echo "--- $f"; cat "$f"; } >>"$log"
done
echo "omegat_check: OmegaT exited $rc after ${secs}s (log: $log)"

status=0
if grep -q -E 'loading segmentation rules|CORE_SRX_EXC|XMLDecoder|PatternSyntaxException' "$log"; then
    echo "omegat_check: OmegaT did not load the segmentation rules:"
    grep -E -A3 'loading segmentation rules|CORE_SRX_EXC|XMLDecoder|PatternSyntaxException' "$log" |
        head -20
    status=1
fi

stats=$proj/omegat/project_stats.txt
if [ ! -f "$stats" ]; then
    echo "omegat_check: no $stats; OmegaT output:"
    tail -20 "$log"
    exit 1
fi
# "Total:" and "Remaining:" rows, tab-separated: the first number counts segments
total=$(awk -F'\t' '/^Total:/ { print $2 + 0; exit }' "$stats")
remaining=$(awk -F'\t' '/^Remaining:/ { print $2 + 0; exit }' "$stats")
if [ -z "$total" ] || [ -z "$remaining" ]; then
    echo "omegat_check: cannot read $stats:"
    cat "$stats"
    exit 1
fi
echo "omegat_check: segments total $total, remaining (not translated) $remaining"
if [ -n "${SEGMENTS:-}" ]; then
    # the caller judges the segments; they must all be there
    got=$(wc -l <"$SEGMENTS" 2>/dev/null || echo 0)
    if [ "$got" != "$total" ]; then
        echo "omegat_check: $SEGMENTS holds ${got:-no} segments of $total:"
        grep -E 'SEGMENTS-|Exception' "$log" | head -5
        status=1
    fi
elif [ "$remaining" != 0 ] || [ "$total" = 0 ]; then
    status=1
    # untranslated segments are copied into target/ in the source language
    echo "omegat_check: target text (untranslated segments stay Indonesian):"
    cat "$proj"/target/*.txt 2>/dev/null | head -20
fi
# the glossaries: loaded whole, and every pair shown where its source term is
for g in ${GLOSSARIES:-}; do
    name=$(basename "$g")
    want=$(awk -F'\t' 'NF >= 2 { n++ } END { print n + 0 }' "$terms")
    loaded=$(awk -F'\t' -v f="$name" '$1 == "GLOSSARY-FILE" && $2 == f { print $3 }' "$log")
    if [ "$loaded" != "$want" ]; then
        echo "omegat_check: OmegaT loaded ${loaded:-nothing} from glossary $name, $want entries expected:"
        grep -E 'GLOSSARY-ERROR|Exception' "$log" | head -5
        status=1
        continue
    fi
    missing=$(awk -F'\t' -v f="$name" '
        FNR == NR { if ($1 == "GLOSSARY-HIT" && $2 == f) shown[$4 "\t" $5] = 1; next }
        NF >= 2 && !(($1 "\t" $2) in shown) { print "  " $1 " = " $2 }' "$log" "$terms")
    if [ -n "$missing" ]; then
        echo "omegat_check: glossary $name: OmegaT shows these pairs on no segment:"
        echo "$missing"
        status=1
    else
        echo "omegat_check: glossary $name: $loaded entries loaded, every pair shown"
    fi
done
if [ $status = 0 ] && [ $keep = 0 ]; then
    rm -rf "$work"
fi
exit $status
