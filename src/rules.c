/* rules.c — access to the built-in language data: language codes and the
 * stop-word lists shared by the aligner, the lexicon and language
 * identification. */
#include "selaras/rules.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *sl_lang_code(const char *lang, char *buf, size_t size)
{
    static const char *const names[][3] = {
        { "id", "ind", "indonesian" }, { "en", "eng", "english" }, { "ms", "msa", "malay" },
        { "nl", "nld", "dutch" },      { "fr", "fra", "french" },  { "de", "deu", "german" },
    };
    size_t n = 0;
    for (; lang[n] && n + 1 < size; n++)
        buf[n] = (char)(lang[n] >= 'A' && lang[n] <= 'Z' ? lang[n] + 32 : lang[n]);
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        for (int k = 0; k < 3; k++)
            if (strcmp(buf, names[i][k]) == 0)
                return names[i][0];
    return buf;
}

int sl_rules_item(const char **p, const char **item, size_t *n)
{
    while (*p && **p) {
        const char *s = *p, *e = strchr(s, '\n');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        *p = s + len + (e != NULL);
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
            len--;
        if (len == 0 || *s == '#' || *s == '[')
            continue;
        *item = s;
        *n = len;
        return 1;
    }
    return 0;
}

const char *sl_rules_section(const char *text, const char *section)
{
    size_t n = strlen(section);
    for (const char *p = text; p && *p;) {
        if (*p == '[' && strncmp(p + 1, section, n) == 0 && p[n + 1] == ']') {
            const char *e = strchr(p, '\n');
            return e ? e + 1 : p + strlen(p);
        }
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    return NULL;
}

int sl_rules_section_item(const char **p, const char **item, size_t *n)
{
    /* a header ends the section: look at the next line before taking it */
    while (*p && **p) {
        const char *s = *p;
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s == '[')
            return 0;
        if (*s == '#' || *s == '\n' || *s == '\r') {
            const char *e = strchr(s, '\n');
            *p = e ? e + 1 : s + strlen(s);
            continue;
        }
        return sl_rules_item(p, item, n);
    }
    return 0;
}

size_t sl_rules_section_prefix(const char *section, const char *s, size_t n)
{
    const char *p = section, *w;
    size_t m;
    while (sl_rules_section_item(&p, &w, &m))
        if (n >= m && strncasecmp(s, w, m) == 0 && (n == m || !isalpha((unsigned char)s[m])))
            return m;
    return 0;
}

sl_strmap *sl_stopwords_new(const char *lang)
{
    char code[64], name[80];
    snprintf(name, sizeof name, "stop_%s", sl_lang_code(lang, code, sizeof code));
    sl_strmap *m = sl_strmap_new();
    const char *src = sl_rules_builtin(name);
    const char *s;
    size_t n;
    for (const char *p = src; m && sl_rules_item(&p, &s, &n);) {
        if (sl_strmap_intern(m, s, n) < 0) {
            sl_strmap_free(m);
            return NULL;
        }
    }
    return m;
}
