/* test_leverage.c — what a CAT tool retrieves from a selaras TMX: OmegaT
 * 3.6, headless, translates a project whose source is the Indonesian
 * abstracts of the sample records (and of tests/leverage/) as a translator
 * would have them in plain text, with selaras's TMX of the same records in
 * tm/auto/ and selaras's segmentation rules. Every unit whose Indonesian
 * side is one sentence (1-1, 1-2 ...) or the keyword line must be an exact
 * match, and every segment OmegaT leaves untranslated must be explained:
 * a sentence in a unit of two or more Indonesian sentences (2-1), one
 * with no English counterpart, or half of a sentence the record breaks
 * with a blank line (two paragraphs for OmegaT, one sentence for selaras). */
#include "tests.h"
#include "selaras/langid.h"
#include "selaras/record.h"
#include "selaras/text.h"

#include <glob.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIR "../build/tmp/leverage"

/* The translator's source file of a record: the Indonesian abstract as the
 * record parser cleans it (markup remnants such as ** and <hr /> gone, a
 * <br /> a line break), each paragraph on one line (a line break inside a
 * paragraph is one space, as a browser shows the catalogue page), a blank
 * line between paragraphs, then the keyword line. OmegaT's text filter
 * keeps a line break inside a paragraph in its segment, so a hard-wrapped
 * file would match nothing that crosses a line. */
static int write_source(const sl_langid *lid, const char *record, const char *dir)
{
    sl_text t;
    sl_error err;
    if (sl_text_load(record, NULL, &t, &err))
        return -1;
    sl_record r;
    int rc = sl_record_parse(t.data, t.len, record, lid, &r, &err);
    sl_text_free(&t);
    if (rc)
        return -1;
    const char *base = strrchr(record, '/');
    char path[512];
    snprintf(path, sizeof path, "%s/src/%s", dir, base ? base + 1 : record);
    FILE *f = fopen(path, "w");
    if (!f || !r.abstract[0]) {
        if (f)
            fclose(f);
        sl_record_free(&r);
        return -1;
    }
    for (const char *p = r.abstract[0]; *p; p++) {
        int soft = p[0] == '\n' && p[1] != '\n' && (p == r.abstract[0] || p[-1] != '\n');
        fputc(soft ? ' ' : *p, f);
    }
    fputc('\n', f);
    if (r.keywords[0])
        fprintf(f, "\n%s\n", r.keywords[0]);
    fclose(f);
    sl_record_free(&r);
    return 0;
}

typedef struct {
    char *text; /* the Indonesian <seg> */
    int kind;   /* 0 sentence, 1 title, 2 keywords */
    int ni;     /* Indonesian sentences of a sentence unit */
    int found;  /* an OmegaT segment holds exactly this text */
} unit_t;

typedef struct {
    char file[128];
    int translated;
    char *text;
    const char *why; /* explanation of a miss */
} seg_t;

/* The units of the TMX: x-unit, x-bead and the Indonesian text. */
static size_t read_units(const char *path, unit_t **out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    if (!doc)
        return 0;
    xmlNode *body = NULL;
    for (xmlNode *c = xmlDocGetRootElement(doc)->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "body") == 0)
            body = c;
    for (xmlNode *tu = body ? body->children : NULL; tu; tu = tu->next) {
        if (tu->type != XML_ELEMENT_NODE)
            continue;
        unit_t u = { NULL, 0, 1, 0 };
        for (xmlNode *c = tu->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            if (strcmp((const char *)c->name, "prop") == 0) {
                xmlChar *type = xmlGetProp(c, (const xmlChar *)"type"), *v = xmlNodeGetContent(c);
                if (strcmp((char *)type, "x-unit") == 0)
                    u.kind = strcmp((char *)v, "title") == 0      ? 1
                             : strcmp((char *)v, "keywords") == 0 ? 2
                                                                   : 0;
                else if (strcmp((char *)type, "x-bead") == 0)
                    u.ni = atoi((char *)v);
                xmlFree(type);
                xmlFree(v);
            } else if (strcmp((const char *)c->name, "tuv") == 0 && !u.text) {
                for (xmlNode *s = c->children; s; s = s->next)
                    if (s->type == XML_ELEMENT_NODE && strcmp((const char *)s->name, "seg") == 0) {
                        xmlChar *v = xmlNodeGetContent(s);
                        u.text = strdup((char *)v);
                        xmlFree(v);
                    }
            }
        }
        if (n == cap && !(*out = realloc(*out, (cap = cap ? cap * 2 : 64) * sizeof **out)))
            break;
        (*out)[n++] = u;
    }
    xmlFreeDoc(doc);
    return n;
}

/* omegat_check.sh's SEGMENTS file: file, number, translated, text. */
static size_t read_segments(const char *path, seg_t **out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while (f && (len = getline(&line, &lcap, f)) > 0) {
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL,
             *t3 = t2 ? strchr(t2 + 1, '\t') : NULL;
        if (!t3)
            continue;
        seg_t s;
        memset(&s, 0, sizeof s);
        snprintf(s.file, sizeof s.file, "%.*s", (int)(t1 - line), line);
        s.translated = t3[-1] == '1';
        char *o = s.text = malloc(strlen(t3));
        for (const char *p = t3 + 1; *p && *p != '\n'; p++) {
            if (*p == '\\' && p[1]) {
                p++;
                *o++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p;
            } else {
                *o++ = *p;
            }
        }
        *o = '\0';
        if (n == cap && !(*out = realloc(*out, (cap = cap ? cap * 2 : 128) * sizeof **out)))
            break;
        (*out)[n++] = s;
    }
    free(line);
    if (f)
        fclose(f);
    return n;
}

/* s with its whitespace runs collapsed, for comparing with the unaligned
 * list (whose TSV holds a tab as a space). */
static char *collapse(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    int sp = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            sp = o > out;
            continue;
        }
        if (sp)
            *o++ = ' ';
        sp = 0;
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

/* Is text the Indonesian side of an unaligned sentence in the list (TSV:
 * document, language, index, text)? */
static int unaligned(const char *list, const char *text)
{
    char *want = collapse(text);
    size_t wn = strlen(want);
    int found = 0;
    for (const char *l = list; *l && !found;) {
        size_t n = strcspn(l, "\n");
        const char *f[3] = { NULL, NULL, NULL }; /* the tabs */
        for (size_t i = 0, k = 0; i < n && k < 3; i++)
            if (l[i] == '\t')
                f[k++] = l + i;
        if (f[2] && f[1] - f[0] == 3 && memcmp(f[0], "\tid", 3) == 0)
            found = (size_t)(l + n - f[2] - 1) == wn && memcmp(f[2] + 1, want, wn) == 0;
        l += n + (l[n] == '\n');
    }
    free(want);
    return found;
}

static void test_omegat_leverage(void)
{
    char cmd[4096];
    CU_ASSERT_EQUAL_FATAL(test_run("rm -rf " DIR " && mkdir -p " DIR "/src"), 0);
    sl_error err;
    sl_langid *lid = sl_langid_new("id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lid);
    glob_t g;
    CU_ASSERT_EQUAL_FATAL(glob("../samples/0*.txt", 0, NULL, &g), 0);
    CU_ASSERT_EQUAL_FATAL(glob("leverage/*.txt", GLOB_APPEND, NULL, &g), 0);
    for (size_t i = 0; i < g.gl_pathc; i++)
        CU_ASSERT_EQUAL(write_source(lid, g.gl_pathv[i], DIR), 0);
    size_t records = g.gl_pathc;
    globfree(&g);
    sl_langid_free(lid);
    snprintf(cmd, sizeof cmd,
             "%s align -q -o " DIR "/mem.tmx --unaligned " DIR "/unaligned.tsv "
             "--records ../samples leverage && SEGMENTS=" DIR "/segments "
             "sh ../tests/omegat_check.sh " DIR "/src " DIR "/mem.tmx %s " DIR "/work > " DIR
             "/log 2>&1",
             test_bin(), test_bin());
    int rc = test_run(cmd);
    if (rc == 77) {
        printf("\n  (skipped: OmegaT not installed)");
        return;
    }
    if (rc != 0) {
        FILE *f = fopen(DIR "/log", "r");
        char buf[4096];
        size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
        buf[n] = '\0';
        if (f)
            fclose(f);
        printf("\n  OmegaT:\n%s", buf);
    }
    CU_ASSERT_EQUAL_FATAL(rc, 0);

    unit_t *u;
    seg_t *s;
    size_t nu = read_units(DIR "/mem.tmx", &u), ns = read_segments(DIR "/segments", &s);
    CU_ASSERT_FATAL(nu > 0 && ns > 0);
    FILE *f = fopen(DIR "/unaligned.tsv", "r");
    static char list[1 << 16];
    size_t ln = f ? fread(list, 1, sizeof list - 1, f) : 0;
    list[ln] = '\0';
    if (f)
        fclose(f);

    /* every unit whose Indonesian side is one segment must be matched */
    size_t bad = 0, broken = 0;
    for (size_t k = 0; k < nu; k++) {
        if (u[k].kind == 1 || (u[k].kind == 0 && u[k].ni != 1))
            continue; /* titles are not in the source; 2-1 units cannot match */
        for (size_t i = 0; i < ns; i++)
            if (strcmp(s[i].text, u[k].text) == 0) {
                u[k].found = 1;
                if (!s[i].translated) {
                    printf("\n  OmegaT did not match: %s", u[k].text);
                    bad++;
                }
            }
        if (u[k].found)
            continue;
        /* a sentence the record breaks with a blank line: two segments */
        int halves = 0;
        for (size_t i = 0; i + 1 < ns && !halves; i++) {
            size_t a = strlen(s[i].text);
            if (strcmp(s[i].file, s[i + 1].file) == 0 && strncmp(u[k].text, s[i].text, a) == 0 &&
                u[k].text[a] == ' ' && strcmp(u[k].text + a + 1, s[i + 1].text) == 0) {
                s[i].why = s[i + 1].why = "half of a sentence broken by a blank line";
                halves = 1;
                broken++;
            }
        }
        if (!halves) {
            printf("\n  no OmegaT segment is this unit's sentence: %s", u[k].text);
            bad++;
        }
    }
    /* every segment OmegaT left untranslated has a reason */
    size_t matched = 0, in_merged = 0, no_counterpart = 0, halves = 0;
    for (size_t i = 0; i < ns; i++) {
        if (s[i].translated) {
            matched++;
            continue;
        }
        if (s[i].why) {
            halves++;
            continue;
        }
        int merged = 0;
        for (size_t k = 0; k < nu && !merged; k++)
            merged = u[k].kind == 0 && u[k].ni > 1 && strstr(u[k].text, s[i].text);
        if (merged)
            in_merged++;
        else if (unaligned(list, s[i].text))
            no_counterpart++;
        else {
            printf("\n  unexplained miss: %s: %s", s[i].file, s[i].text);
            bad++;
        }
    }
    printf("\n  OmegaT exact matches on %zu records: %zu of %zu segments (%.1f%%); not matched: "
           "%zu in 2-1 units, %zu with no English counterpart, %zu halves of %zu sentence%s "
           "broken by a blank line\n",
           records, matched, ns, 100.0 * (double)matched / (double)ns, in_merged, no_counterpart,
           halves, broken, broken == 1 ? "" : "s");
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(matched + in_merged + no_counterpart + halves, ns);
    for (size_t k = 0; k < nu; k++)
        free(u[k].text);
    for (size_t i = 0; i < ns; i++)
        free(s[i].text);
    free(u);
    free(s);
}

int test_leverage_register(void)
{
    CU_pSuite s = CU_add_suite("leverage", NULL, NULL);
    if (!s || !CU_add_test(s, "OmegaT: every one-sentence unit an exact match",
                           test_omegat_leverage))
        return -1;
    return 0;
}
