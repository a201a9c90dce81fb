/* srx.h — the splitters' rules as SRX 2.0 (OmegaT, Okapi) and as OmegaT 3.6's
 * segmentation.conf, so that a CAT tool segments a source text the way
 * selaras did and the units of its translation memory match. */
#ifndef SELARAS_SRX_H
#define SELARAS_SRX_H

#include <stdio.h>
#include "selaras/error.h"
#include "selaras/segment.h"

/* Writes an SRX 2.0 document for the given splitters to f. Either may be
 * NULL. The rule sets are named "Indonesian" and "English"; the language
 * maps, in this order, are Indonesian "(?i)(?:id|in|ind)(?:[-_].*)?",
 * English "(?i)en(?:[-_].*)?" and a catch-all ".*" "Default" map with a few
 * generic rules (cascade="yes": the language's own rules claim every
 * position first, so the defaults only serve other languages). Rules use
 * Java regular expressions (java.util.regex, which OmegaT and Okapi use).
 * Returns SL_OK; SL_EINPUT when a rules section cannot be expressed (a
 * [terminator] that is not a cluster of two character classes, a [protect]
 * pattern that does not compile); SL_ENOMEM; SL_EIO when writing fails. */
int sl_srx_write(FILE *f, const sl_seg *id_seg, const sl_seg *en_seg, sl_error *err);

/* Writes the same rules as OmegaT 3.6's segmentation.conf: a Java
 * XMLEncoder dump of org.omegat.core.segmentation.SRX with version "0.2.2",
 * so that OmegaT loads it as is and merges none of its defaults in; maps in
 * the order Indonesian, English, Default. Put it in PROJECT/omegat/ (project
 * rules) or in OmegaT's configuration directory (global rules). Same
 * returns as sl_srx_write. */
int sl_srx_write_omegat(FILE *f, const sl_seg *id_seg, const sl_seg *en_seg, sl_error *err);

#endif
