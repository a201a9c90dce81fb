/* fuzz/tmx.c — the TMX writer on any document: the input, cut at 0x1F
 * bytes into the document name, URL, author and then source and target
 * texts of units in turn, is written as TMX; libxml2 must parse the result,
 * find one <tu> per unit with two non-empty sides, and read back every
 * <seg> and <prop> as the text it was given with the XML-forbidden
 * characters dropped and whitespace runs collapsed (what the writer
 * promises). Texts are valid UTF-8, as every text selaras reads is. */
#include "fuzz.h"
#include "selaras/tmx.h"
#include "selaras/text.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

enum { MAXF = 64 };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    xmlInitParser();
    return 0;
}

/* The text as the writer promises to write it, by a second, plain
 * implementation: forbidden characters gone, whitespace runs one space,
 * none at either end. */
static char *expect(const char *s)
{
    size_t len = strlen(s), o = 0, adv;
    char *e = malloc(len + 1);
    FUZZ_CHECK(e);
    int space = 0;
    for (size_t i = 0; i < len; i += adv) {
        unsigned cp = sl_utf8_decode(s + i, len - i, &adv);
        if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
            (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
            continue;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
            space = o > 0;
            continue;
        }
        if (space)
            e[o++] = ' ';
        space = 0;
        memcpy(e + o, s + i, adv);
        o += adv;
    }
    e[o] = '\0';
    return e;
}

static int nonempty(const char *s)
{
    char *e = expect(s);
    int r = e[0] != '\0';
    free(e);
    return r;
}

static void same(xmlNode *n, const char *given)
{
    xmlChar *got = xmlNodeGetContent(n);
    char *want = expect(given);
    FUZZ_CHECK(got);
    if (strcmp((const char *)got, want) != 0) {
        fprintf(stderr, "wrote \"%s\"\nread  \"%s\"\n", want, (const char *)got);
        FUZZ_CHECK(!"a text read back as written");
    }
    xmlFree(got);
    free(want);
}

static xmlNode *child(xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

static xmlNode *next_elem(xmlNode *n, const char *name)
{
    for (n = n ? n->next : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
            return n;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* valid UTF-8 without NUL (a C string), as loaded text always is */
    char *buf = malloc(size + 1);
    FUZZ_CHECK(buf);
    memcpy(buf, data, size);
    buf[size] = '\0';
    size_t len = sl_utf8_valid_prefix(buf, size);
    buf[len] = '\0';
    len = strlen(buf);
    char *field[MAXF];
    size_t nf = 0;
    for (char *p = buf; nf < MAXF;) {
        field[nf++] = p;
        char *us = strchr(p, 0x1F);
        if (!us)
            break;
        *us = '\0';
        p = us + 1;
    }
    sl_doc d;
    memset(&d, 0, sizeof d);
    sl_unit units[MAXF / 2];
    d.name = field[0];
    d.rec.url = nf > 1 ? field[1] : NULL;
    d.rec.author = nf > 2 ? field[2] : NULL;
    size_t expected = 0;
    for (size_t k = 3; k + 1 < nf; k += 2) {
        sl_unit *u = &units[d.nunits++];
        memset(u, 0, sizeof *u);
        u->src = field[k][0] ? field[k] : NULL;
        u->tgt = field[k + 1][0] ? field[k + 1] : NULL;
        u->kind = (unsigned)(k / 2 % 3);
        u->bead.ni = u->src != NULL;
        u->bead.nj = u->tgt != NULL;
        u->bead.conf = (double)(k % 7) / 6.0;
        if (u->src && u->tgt && nonempty(u->src) && nonempty(u->tgt))
            expected++;
    }
    d.units = units;
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    FUZZ_CHECK(f);
    sl_tmx_opts o = { { "id", "en-US" }, "0.1.0", 0, 0.0, 0 };
    FUZZ_CHECK(sl_tmx_begin(f, &o) == 0);
    size_t wrote = sl_tmx_doc(f, &o, &d);
    FUZZ_CHECK(sl_tmx_end(f) == 0);
    FUZZ_CHECK(fclose(f) == 0);
    FUZZ_CHECK(wrote == expected);

    xmlDoc *x = xmlReadMemory(out, (int)outlen, "fuzz.tmx", "UTF-8", XML_PARSE_NONET);
    if (!x)
        fprintf(stderr, "not well-formed:\n%s\n", out);
    FUZZ_CHECK(x);
    xmlNode *body = child(xmlDocGetRootElement(x), "body");
    FUZZ_CHECK(body);
    xmlNode *tu = child(body, "tu");
    for (size_t k = 0; k < d.nunits; k++) {
        const sl_unit *u = &d.units[k];
        if (!(u->src && u->tgt && nonempty(u->src) && nonempty(u->tgt)))
            continue;
        FUZZ_CHECK(tu);
        xmlNode *p = child(tu, "prop");
        FUZZ_CHECK(p);
        xmlChar *type = xmlGetProp(p, (const xmlChar *)"type");
        FUZZ_CHECK(type);
        if (strcmp((const char *)type, "x-document") == 0)
            same(p, d.name);
        else
            FUZZ_CHECK(!nonempty(d.name));
        xmlFree(type);
        xmlNode *tuv = child(tu, "tuv");
        FUZZ_CHECK(tuv);
        same(child(tuv, "seg"), u->src);
        tuv = next_elem(tuv, "tuv");
        FUZZ_CHECK(tuv);
        same(child(tuv, "seg"), u->tgt);
        tu = next_elem(tu, "tu");
    }
    FUZZ_CHECK(!tu);
    xmlFreeDoc(x);
    free(out);
    free(buf);
    return 0;
}
