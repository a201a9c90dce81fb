/* cli_out.c — the program's outputs, and how a run that is stopped leaves
 * them.
 *
 * Writers write into memory; the CLI commits the bytes to the target in
 * whole pieces (a chunk of documents, a chunk of sentences), so a target
 * only ever ends where a writer left something complete.
 *
 * A regular file (or a new one) is never written in place: a temporary file
 * beside it takes the bytes, gets the mode the file would have (the umask's,
 * or the replaced file's own), is fsynced and renamed over it. A symbolic
 * link is followed, through chains and relative and dangling links, and its
 * target replaced, so the link stays a link. Stdout, a FIFO or a device is
 * written in place: replacing one would break the pipe or the device node.
 *
 * SIGINT, SIGTERM and SIGHUP remove the temporary files and exit with
 * 128 + the signal; an in-place target first receives its tail (the TMX
 * footer) when a header has gone out, so it ends well-formed. A signal
 * that arrives while a piece is being committed waits until the piece is
 * complete; a second one does not wait. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- what the signal handler may touch ---------------------------------- */

enum { SLOTS = 8 };
enum { SLOT_FREE, SLOT_TEMP, SLOT_INPLACE };
enum { PH_IDLE, PH_BUSY, PH_STOPPING };

/* One entry per open output. Slots change only inside busy sections,
 * which a signal never interrupts (it waits for their end), so the handler
 * reads them without a lock; the phase's atomic operations order the
 * accesses across the threads OpenMP adds, any of which may take the
 * signal. */
static struct {
    atomic_int kind;
    int fd;
    char tmp[PATH_MAX];
    const char *tail; /* written to fd when the run is stopped */
    size_t taillen;
} slots[SLOTS];

static atomic_int phase = PH_IDLE;
static atomic_int pending; /* the signal to act on once the busy section ends */

/* write(2) until done; also used by the signal handler, so only
 * async-signal-safe calls. */
static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            if (k == 0)
                errno = EIO;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Removes the temporary files, closes the in-place targets with their
 * tails (unless hurried) and exits. */
static _Noreturn void stop(int sig, int tails)
{
    for (int k = 0; k < SLOTS; k++) {
        int kind = atomic_load(&slots[k].kind);
        if (kind == SLOT_TEMP)
            unlink(slots[k].tmp);
        else if (kind == SLOT_INPLACE && tails && slots[k].tail)
            write_all(slots[k].fd, slots[k].tail, slots[k].taillen);
    }
    _exit(128 + sig);
}

static void on_signal(int sig)
{
    int saved = errno, idle = PH_IDLE;
    int again = atomic_exchange(&pending, sig) != 0;
    if (atomic_compare_exchange_strong(&phase, &idle, PH_STOPPING))
        stop(sig, 1);
    /* a piece is being committed and leave() will stop; unless the user
     * is asking twice (a reader that never reads keeps a commit waiting) */
    if (again)
        stop(sig, 0);
    errno = saved;
}

static void enter(void)
{
    int idle = PH_IDLE;
    while (!atomic_compare_exchange_strong(&phase, &idle, PH_BUSY)) {
        /* another thread's handler is ending the process */
        pause();
        idle = PH_IDLE;
    }
}

static void leave(void)
{
    atomic_store(&phase, PH_IDLE);
    int sig = atomic_load(&pending), idle = PH_IDLE;
    if (!sig)
        return;
    if (atomic_compare_exchange_strong(&phase, &idle, PH_STOPPING))
        stop(sig, 1);
    for (;;)
        pause();
}

/* Installs the handler once; a signal ignored on entry stays ignored
 * (nohup, background jobs). SIGPIPE keeps its default: a reader that went
 * away ends the program quietly, as it does any filter's. */
static void install(void)
{
    static int done;
    static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
    if (done++)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    for (size_t k = 0; k < sizeof sigs / sizeof *sigs; k++)
        sigaddset(&sa.sa_mask, sigs[k]);
    for (size_t k = 0; k < sizeof sigs / sizeof *sigs; k++) {
        struct sigaction old;
        if (sigaction(sigs[k], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[k], &sa, NULL);
    }
}

/* Takes a free slot for an in-place fd (tmp NULL) or for a temporary file
 * made from the template tmp, created here so that no moment exists where
 * the file is there and the handler does not know it. Returns the slot and
 * stores the fd, or -1 with errno set. */
static int slot_take(const char *tmp, int fd, int *fd_out)
{
    int k = -1;
    enter();
    for (int i = 0; i < SLOTS && k < 0; i++)
        if (atomic_load(&slots[i].kind) == SLOT_FREE)
            k = i;
    if (k < 0) {
        errno = EMFILE;
    } else if (tmp) {
        snprintf(slots[k].tmp, sizeof slots[k].tmp, "%s", tmp);
        if ((fd = mkstemp(slots[k].tmp)) < 0)
            k = -1;
    }
    if (k >= 0) {
        slots[k].fd = fd;
        slots[k].tail = NULL;
        atomic_store(&slots[k].kind, tmp ? SLOT_TEMP : SLOT_INPLACE);
        *fd_out = fd;
    }
    int e = errno;
    leave();
    errno = e;
    return k;
}

/* ---- targets ------------------------------------------------------------ */

/* Follows path through symbolic links into out; *st and *exists describe
 * what is there (nothing yet for a new file or a dangling link). A
 * relative link is relative to the directory that holds it. */
static int resolve(const char *path, char *out, struct stat *st, int *exists)
{
    if (snprintf(out, PATH_MAX, "%s", path) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (int hops = 0; hops < 40; hops++) {
        if (lstat(out, st) != 0) {
            *exists = 0;
            return errno == ENOENT ? 0 : -1;
        }
        *exists = 1;
        if (!S_ISLNK(st->st_mode))
            return 0;
        char link[PATH_MAX];
        ssize_t n = readlink(out, link, sizeof link);
        if (n < 0)
            return -1;
        const char *slash = strrchr(out, '/');
        size_t dir = link[0] == '/' || !slash ? 0 : (size_t)(slash - out) + 1;
        if ((size_t)n >= sizeof link || dir + (size_t)n >= PATH_MAX) {
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(out + dir, link, (size_t)n);
        out[dir + (size_t)n] = '\0';
    }
    errno = ELOOP;
    return -1;
}

static void fail(cli_out *o, const char *what, int e)
{
    if (!o->failed)
        cli_msg("%s: %s: %s", o->name, what, strerror(e));
    o->failed = 1;
}

static int open_stdout(cli_out *o)
{
    if ((o->slot = slot_take(NULL, STDOUT_FILENO, &o->fd)) >= 0)
        return 0;
    fail(o, "cannot write", errno);
    return -1;
}

/* Opens the destination of a path: a temporary file beside a regular
 * file (or a new one), or the FIFO or device itself. */
static int open_target(cli_out *o, const char *path)
{
    char target[PATH_MAX], tmp[PATH_MAX];
    struct stat st;
    int exists;
    if (resolve(path, target, &st, &exists)) {
        fail(o, "cannot open", errno);
        return -1;
    }
    if (exists && S_ISDIR(st.st_mode)) {
        fail(o, "cannot write", EISDIR);
        return -1;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        int fd = open(target, O_WRONLY | O_CLOEXEC);
        if (fd < 0 || (o->slot = slot_take(NULL, fd, &o->fd)) < 0) {
            fail(o, "cannot open", errno);
            if (fd >= 0)
                close(fd);
            return -1;
        }
        return 0;
    }
    mode_t mode;
    if (exists) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0); /* the umask can only be read by setting it */
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", target) >= (int)sizeof tmp) {
        fail(o, "cannot create", ENAMETOOLONG);
        return -1;
    }
    if (!(o->target = strdup(target))) {
        fail(o, "cannot create", ENOMEM);
        return -1;
    }
    if ((o->slot = slot_take(tmp, -1, &o->fd)) < 0) {
        fail(o, "cannot create", errno);
        return -1;
    }
    /* the replacement keeps the owner where we may set it (root), then the
     * mode, which chown would have cleared of its set-id bits */
    if (exists && fchown(o->fd, st.st_uid, st.st_gid) != 0) {
        /* an ordinary user's replacement is theirs, as with any editor */
    }
    if (fchmod(o->fd, mode) != 0) {
        fail(o, "cannot create", errno);
        return -1;
    }
    return 0;
}

/* Releases the slot; a temporary file is renamed over the target when
 * keep, else removed. Inside a busy section, so a signal never finds the
 * slot pointing at a name that is already the target. */
static int slot_release(cli_out *o, int keep)
{
    int rc = 0, e = 0;
    enter();
    if (o->target) {
        if (keep && rename(slots[o->slot].tmp, o->target) != 0) {
            e = errno;
            rc = -1;
        }
        if (!keep || rc)
            unlink(slots[o->slot].tmp);
    }
    atomic_store(&slots[o->slot].kind, SLOT_FREE);
    leave();
    errno = e;
    return rc;
}

/* ---- the API ------------------------------------------------------------ */

int cli_out_open(cli_out *o, const char *path)
{
    memset(o, 0, sizeof *o);
    o->fd = o->slot = -1;
    install();
    int std = !path || strcmp(path, "-") == 0;
    if (!(o->name = strdup(std ? "<stdout>" : path)) ||
        !(o->f = open_memstream(&o->buf, &o->len))) {
        cli_msg("out of memory");
        free(o->name);
        memset(o, 0, sizeof *o);
        return -1;
    }
    if (std ? open_stdout(o) : open_target(o, path)) {
        if (o->slot >= 0) {
            slot_release(o, 0);
            close(o->fd);
        }
        fclose(o->f);
        free(o->buf);
        free(o->name);
        free(o->target);
        memset(o, 0, sizeof *o);
        return -1;
    }
    return 0;
}

void cli_out_tail(cli_out *o, const char *tail)
{
    o->tail = tail;
    o->new_tail = 1;
}

int cli_out_commit(cli_out *o)
{
    if (o->failed)
        return -1;
    if (fflush(o->f) != 0 || ferror(o->f)) {
        fail(o, "cannot hold the output", ENOMEM);
        return -1;
    }
    enter();
    int rc = write_all(o->fd, o->buf, o->len), e = errno;
    if (rc == 0 && o->new_tail) {
        slots[o->slot].tail = o->tail;
        slots[o->slot].taillen = o->tail ? strlen(o->tail) : 0;
        o->new_tail = 0;
    } else if (rc) {
        slots[o->slot].tail = NULL; /* after half a piece no tail makes it whole */
    }
    leave();
    rewind(o->f);
    if (rc)
        fail(o, "write error", e);
    return rc;
}

int cli_out_close(cli_out *o, int ok)
{
    if (!o->f)
        return -1;
    /* a temporary file is only worth finishing when it will replace the
     * target; what the caller left for an in-place target (docs and the
     * footer after an input error) still goes out */
    if (ok || !o->target)
        cli_out_commit(o);
    ok = ok && !o->failed;
    if (o->target) {
        if (ok && fsync(o->fd) != 0)
            fail(o, "write error", errno);
        if (close(o->fd) != 0 && ok && !o->failed)
            fail(o, "write error", errno);
        ok = ok && !o->failed;
        if (slot_release(o, ok) != 0)
            fail(o, "cannot replace the file", errno);
    } else {
        slot_release(o, 0);
        if (o->fd != STDOUT_FILENO && close(o->fd) != 0)
            fail(o, "write error", errno);
    }
    int rc = o->failed ? -1 : 0;
    fclose(o->f);
    free(o->buf);
    free(o->name);
    free(o->target);
    memset(o, 0, sizeof *o);
    return rc;
}
