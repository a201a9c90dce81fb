/* rules.c — access to the built-in language data: language codes and the
 * stop-word lists shared by the aligner, the lexicon and language
 * identification. */
#include "selaras/rules.h"

#include <stdio.h>
#include <string.h>

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

sl_strmap *sl_stopwords_new(const char *lang)
{
    char code[64], name[80];
    snprintf(name, sizeof name, "stop_%s", sl_lang_code(lang, code, sizeof code));
    sl_strmap *m = sl_strmap_new();
    const char *src = sl_rules_builtin(name);
    for (const char *p = src; m && p && *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const char *s = p;
        p += n + (e != NULL);
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
            n--;
        if (n == 0 || *s == '#' || *s == '[')
            continue;
        if (sl_strmap_intern(m, s, n) < 0) {
            sl_strmap_free(m);
            return NULL;
        }
    }
    return m;
}
