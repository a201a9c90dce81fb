# bench/onedoc.awk — two multi-document bead files as one document each.
#
#   awk -f bench/onedoc.awk -v dir=DIR GOLD TEST GOLD TEST
#
# GOLD and TEST hold beads ([i,j]:[k]) with a blank line between documents,
# as bench/gen writes a batch's gold and `selaras align -f beads` a batch's
# output; their sentence numbers start again at 0 in every document.
# `selaras eval` reads blank lines as nothing, so given those files as they
# are it would take a bead [0]:[0] of one document as right when any other
# document has it. Here every document's sentences are numbered on after the
# documents before it (the same offsets in both files), and the files are
# written as DIR/gold and DIR/test: one `selaras eval DIR/gold DIR/test`
# then gives exactly the sums of scoring each pair of documents on its own.
#
# The files are named twice: the first reading finds each document's
# highest sentence number on each side (in either file), the second writes.
# Exit status 1 when the two files do not hold the same number of documents.

FNR == 1 { file++; doc = 0 }

/^[ \t\r]*$/ { doc++; next }

file <= 2 {
    if (doc + 1 > ndocs[file]) ndocs[file] = doc + 1
    split($0, side, ":")
    for (s = 1; s <= 2; s++) {
        list = side[s]
        gsub(/[^0-9,]/, "", list)
        n = split(list, v, ",")
        for (k = 1; k <= n; k++)
            if (v[k] + 1 > top[s, doc]) top[s, doc] = v[k] + 1
    }
    next
}

file == 3 && FNR == 1 {
    if (ndocs[1] != ndocs[2]) {
        printf "onedoc.awk: %d documents in %s, %d in %s\n", ndocs[1], ARGV[1], ndocs[2], ARGV[2] > "/dev/stderr"
        exit 1
    }
    for (s = 1; s <= 2; s++) {
        off[s, 0] = 0
        for (d = 0; d < ndocs[1]; d++) off[s, d + 1] = off[s, d] + top[s, d]
    }
}

{
    out = dir (file == 3 ? "/gold" : "/test")
    split($0, side, ":")
    line = ""
    for (s = 1; s <= 2; s++) {
        list = side[s]
        gsub(/[^0-9,]/, "", list)
        n = split(list, v, ",")
        text = ""
        for (k = 1; k <= n; k++) text = text (k > 1 ? "," : "") (v[k] + off[s, doc])
        line = line (s == 2 ? ":" : "") "[" text "]"
    }
    print line > out
}
