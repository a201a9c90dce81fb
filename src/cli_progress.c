/* cli_progress.c — the progress line of long runs. */
#include "cli.h"

#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(cli_progress *p, int quiet)
{
    p->on = !quiet && isatty(STDERR_FILENO);
    p->shown = 0;
    p->t0 = p->last = now();
}

/* Draws the line when a quarter of a second has passed since the last. */
static void draw(cli_progress *p, const char *what, double rate, const char *unit, double frac)
{
    double t = now();
    if (!p->on || t - p->last < 0.25)
        return;
    p->last = t;
    char left[32] = "";
    if (frac > 0.01 && frac < 1) {
        long s = (long)((t - p->t0) * (1 - frac) / frac + 0.5);
        snprintf(left, sizeof left, ", %ld:%02ld left", s / 60, s % 60);
    }
    char pct[16] = "";
    if (frac > 0)
        snprintf(pct, sizeof pct, " (%.0f%%)", frac * 100);
    fprintf(stderr, "\rselaras: %s%s, %.0f %s/s%s\033[K", what, pct, rate, unit, left);
    fflush(stderr);
    p->shown = 1;
}

void cli_progress_docs(cli_progress *p, size_t docs, unsigned long long done,
                       unsigned long long total)
{
    char what[64];
    snprintf(what, sizeof what, "%zu documents", docs);
    double el = now() - p->t0;
    draw(p, what, el > 0 ? (double)docs / el : 0, "documents",
         total ? (double)done / (double)total : 0);
}

void cli_progress_lines(cli_progress *p, size_t done, size_t total)
{
    char what[64];
    snprintf(what, sizeof what, "aligning, %zu of %zu", done, total);
    double el = now() - p->t0;
    draw(p, what, el > 0 ? (double)done / el : 0, "sentences",
         total ? (double)done / (double)total : 0);
}

void cli_progress_end(cli_progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    p->shown = 0;
}
