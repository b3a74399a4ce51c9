/* cache.c - the compiled cache (cache.h): save and load a coder's tables. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "dyad.h"
#include "paths.h"
#include "util.h"

#define MAGIC "DYADCACH"
#define ENDIAN_MARK 0x01020304u
#define MAX_CACHE ((size_t)1 << 30)
#define ALIGN 16
#define MAC_LEN 32
#define KEY_NAME "key"

/* The build id comes from the sources, not the clock: the Makefile passes a hash
 * of every library source and header as DYAD_SOURCE_ID (and rebuilds cache.o when
 * one changes); the file format's version and the compiler are part of it too. */
#ifndef DYAD_SOURCE_ID
#define DYAD_SOURCE_ID "unknown"
#endif
#define STR_(x) #x
#define STR(x) STR_(x)
uint64_t dyad_cache_build_id(void)
{
    static const char id[] = DYAD_SOURCE_ID " " DYAD_VERSION " format " STR(DYAD_CACHE_VERSION)
#ifdef __VERSION__
                             " " __VERSION__
#endif
        ;
    return dyad_hash(id, sizeof id - 1);
}

/* ---- file layout ------------------------------------------------------------ */

enum {
    S_SCALARS, S_LEX_POOL, S_LEX_OFF, S_LEX_LEN, S_LEX_SLOTS, S_LEX_SLOT_HASH,
    S_WORD_LEMMA, S_WORD_VERB, S_WORD_CLASS, S_ROOT_CHILD,
    S_EDGE_KEY, S_EDGE_CHILD, S_NODE_ENTRY, S_NODE_FLAGS,
    S_ENTRIES, S_ROLES, S_VERBS, S_PATS, S_PELS, S_SETS, S_MEMBERS, S_MEMBER_WORDS, S_CODES,
    S_POOL, S_FILES,
    S_TAGGER_HEAD, S_TAGGER_SLOTS, S_TAGGER_POOL,
    S_WORD_TAG, S_WORD_CAPS,
    S_MAN_RECS, S_MAN_PATHS,
    S_COUNT
};

enum {
    Z_HEADER, Z_DICT, Z_LEXICON, Z_ENTRY, Z_ROLE, Z_VERB, Z_PATTERN, Z_PEL, Z_SET, Z_MEMBER,
    Z_CODE, Z_TAGGER, Z_SIZE_T, Z_POINTER, Z_COUNT
};

typedef struct {
    uint64_t off, len;
} section;

typedef struct {
    char magic[8];
    uint32_t version;
    uint32_t endian;
    uint64_t build_id;
    uint64_t file_size;
    unsigned char mac[MAC_LEN]; /* keyed BLAKE2b of the whole file, this field as zeros */
    uint32_t sizes[Z_COUNT];    /* sizeof of what the sections hold */
    uint32_t n_sections;
    section sec[S_COUNT];
} header;

typedef struct {
    uint64_t lex_n, lex_pool_len, lex_nslots;
    uint64_t edge_slots, edge_n, node_n;
    uint64_t n_entries, n_roles, n_verbs, n_pats, n_pels, n_sets, n_members, n_member_words,
        n_codes;
    uint64_t pool_len, n_files;
    uint64_t n_names, names_written[AK_DISCARD + 1], n_story_discards;
    uint64_t n_words;
    dyad_dict_opts opts;
    uint64_t warnings;
} scalars;

/* A file the tables were built from; size -1: it did not exist. */
typedef struct {
    int64_t size, sec, nsec;
    uint32_t path_off, path_len;
} man_rec;

/* Every field of these structs is saved and restored by hand below: a new one must
 * be added there (and DYAD_CACHE_VERSION raised) before these sizes are updated. */
#if UINTPTR_MAX == 0xffffffffffffffffu
_Static_assert(sizeof(dyad_lexicon) == 80, "dyad_lexicon changed: update cache.c");
_Static_assert(sizeof(dyad_dict) == 528, "dyad_dict changed: update cache.c");
#endif

struct dyad_cache {
    unsigned char *buf;
    size_t len;
};

static void struct_sizes(uint32_t z[Z_COUNT])
{
    z[Z_HEADER] = sizeof(header);
    z[Z_DICT] = sizeof(dyad_dict);
    z[Z_LEXICON] = sizeof(dyad_lexicon);
    z[Z_ENTRY] = sizeof(dyad_entry);
    z[Z_ROLE] = sizeof(dyad_role);
    z[Z_VERB] = sizeof(dyad_verb);
    z[Z_PATTERN] = sizeof(dyad_pattern);
    z[Z_PEL] = sizeof(dyad_pel);
    z[Z_SET] = sizeof(dyad_set);
    z[Z_MEMBER] = sizeof(dyad_set_member);
    z[Z_CODE] = sizeof(dyad_code_info);
    z[Z_TAGGER] = (uint32_t)dyad_tagger_head_size();
    z[Z_SIZE_T] = sizeof(size_t);
    z[Z_POINTER] = sizeof(void *);
}

/* The file's MAC: BLAKE2b (libsodium) keyed with the user's cache key, over the
 * whole file with the MAC field read as zeros; so a flipped bit anywhere (header,
 * section table, data) and a file made by someone without the key are rejected. */
static void file_mac(const unsigned char *buf, size_t len, const unsigned char *key,
                     unsigned char out[MAC_LEN])
{
    static const unsigned char zeros[MAC_LEN];
    size_t at = offsetof(header, mac);
    crypto_generichash_state st;
    crypto_generichash_init(&st, key, DYAD_CACHE_KEY_LEN, MAC_LEN);
    crypto_generichash_update(&st, buf, at);
    crypto_generichash_update(&st, zeros, MAC_LEN);
    crypto_generichash_update(&st, buf + at + MAC_LEN, len - at - MAC_LEN);
    crypto_generichash_final(&st, out, MAC_LEN);
}

/* ---- where ------------------------------------------------------------------ */

static int cache_off(void)
{
    const char *e = getenv("DYAD_NO_CACHE");
    return e && *e && strcmp(e, "0") != 0;
}

static char *join2(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 2);
    if (s) {
        memcpy(s, a, la);
        s[la] = '/';
        memcpy(s + la + 1, b, lb + 1);
    }
    return s;
}

/* All n bytes read into p (writing 0) or written from p (writing 1); 0 or -1. */
static int io_all(int fd, unsigned char *p, size_t n, int writing)
{
    while (n) {
        ssize_t k = writing ? write(fd, p, n) : read(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

static int read_all(int fd, unsigned char *p, size_t n) { return io_all(fd, p, n, 0); }

static int write_all(int fd, const unsigned char *p, size_t n)
{
    return io_all(fd, (unsigned char *)(uintptr_t)p, n, 1);
}

/* The user's cache key (folder/key, 32 random bytes, mode 0600): read, or made
 * when missing (written to a temporary name and linked, so that of two processes
 * making it at once one wins and both read the same key). */
static int cache_key(const char *folder, unsigned char key[DYAD_CACHE_KEY_LEN], char *why,
                     size_t whylen)
{
    char *path = join2(folder, KEY_NAME);
    if (!path)
        return -1;
    int rc = -1;
    for (int attempt = 0; attempt < 2 && rc != 0; attempt++) {
        struct stat st;
        int fd = dyad_open_private(path, &st, why, whylen);
        if (fd >= 0) {
            if (st.st_size == DYAD_CACHE_KEY_LEN && read_all(fd, key, DYAD_CACHE_KEY_LEN) == 0)
                rc = 0;
            else
                dyad_errf(why, whylen, "%s: not a cache key", path);
            close(fd);
            break;
        }
        if (why[0])
            break;
        size_t pl = strlen(path);
        char *tmp = malloc(pl + 8);
        if (!tmp)
            break;
        memcpy(tmp, path, pl);
        memcpy(tmp + pl, ".XXXXXX", 8);
        fd = mkstemp(tmp);
        if (fd >= 0) {
            unsigned char k[DYAD_CACHE_KEY_LEN];
            randombytes_buf(k, sizeof k);
            int ok = write_all(fd, k, sizeof k) == 0;
            ok &= close(fd) == 0;
            if (ok && link(tmp, path) != 0 && errno != EEXIST)
                dyad_errf(why, whylen, "%s: %s", path, strerror(errno));
            unlink(tmp);
        }
        free(tmp);
    }
    free(path);
    return rc;
}

void dyad_cache_loc_free(dyad_cache_loc *loc)
{
    free(loc->dict_dir);
    free(loc->tagger_dir);
    free(loc->wordnet_dir);
    free(loc->path);
    memset(loc, 0, sizeof *loc);
}

int dyad_cache_locate(dyad_cache_loc *loc, const char *dict_dir, const char *tagger_dir,
                      const char *wordnet_dir)
{
    memset(loc, 0, sizeof *loc);
    if (cache_off() || sodium_init() < 0)
        return -1;
    loc->dict_given = dict_dir;
    loc->dict_dir = realpath(dict_dir, NULL);
    loc->tagger_dir = realpath(tagger_dir, NULL);
    loc->wordnet_dir = realpath(wordnet_dir, NULL);
    char folder[PATH_MAX];
    if (!loc->dict_dir || !loc->tagger_dir || !loc->wordnet_dir ||
        dyad_cache_dir(folder, sizeof folder, loc->note, sizeof loc->note) <= 0 ||
        cache_key(folder, loc->key, loc->note, sizeof loc->note) != 0) {
        char note[sizeof loc->note];
        memcpy(note, loc->note, sizeof note);
        dyad_cache_loc_free(loc);
        memcpy(loc->note, note, sizeof note);
        return -1;
    }
    size_t l1 = strlen(loc->dict_dir) + 1, l2 = strlen(loc->tagger_dir) + 1,
           l3 = strlen(loc->wordnet_dir) + 1;
    char *key = malloc(l1 + l2 + l3);
    char name[64];
    if (key) {
        memcpy(key, loc->dict_dir, l1);
        memcpy(key + l1, loc->tagger_dir, l2);
        memcpy(key + l1 + l2, loc->wordnet_dir, l3);
        snprintf(name, sizeof name, "dict-%016llx.cache",
                 (unsigned long long)dyad_hash(key, l1 + l2 + l3));
        free(key);
        loc->path = join2(folder, name);
    }
    if (!loc->path) {
        dyad_cache_loc_free(loc);
        return -1;
    }
    return 0;
}

/* ---- the manifest ----------------------------------------------------------- */

typedef struct {
    man_rec *rec;
    size_t n, cap;
    char *paths;
    size_t len, pcap;
    int oom;
} manifest;

static void stat_rec(const char *path, man_rec *r)
{
    struct stat st;
    r->size = -1;
    r->sec = r->nsec = 0;
    if (stat(path, &st) == 0) {
        r->size = (int64_t)st.st_size;
        r->sec = (int64_t)st.st_mtim.tv_sec;
        r->nsec = (int64_t)st.st_mtim.tv_nsec;
    }
}

static void man_add(manifest *m, const char *dir, const char *file)
{
    char *p = file ? join2(dir, file) : NULL;
    const char *path = file ? p : dir;
    size_t l = path ? strlen(path) : 0;
    if (!path || DYAD_GROW(m->rec, m->cap, m->n + 1) < 0 ||
        DYAD_GROW(m->paths, m->pcap, m->len + l + 1) < 0 || m->len + l + 1 > UINT32_MAX) {
        m->oom = 1;
        free(p);
        return;
    }
    man_rec *r = &m->rec[m->n++];
    stat_rec(path, r);
    r->path_off = (uint32_t)m->len;
    r->path_len = (uint32_t)l;
    memcpy(m->paths + m->len, path, l + 1);
    m->len += l + 1;
    free(p);
}

static const char *const TAGGER_FILES[] = {"words.yml", "unknown.yml", "tags.yml"};
static const char *const WORDNET_FILES[] = {"verb.exc", "noun.exc"};

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The three folders first (their paths are checked against loc's), then files. */
static void man_build(manifest *m, const dyad_cache_loc *loc, const dyad_dict *d)
{
    man_add(m, loc->dict_dir, NULL);
    man_add(m, loc->tagger_dir, NULL);
    man_add(m, loc->wordnet_dir, NULL);
    for (size_t i = 0; i < d->n_files; i++)
        man_add(m, loc->dict_dir, base_name(d->files[i]));
    for (size_t i = 0; i < 3; i++)
        man_add(m, loc->tagger_dir, TAGGER_FILES[i]);
    for (size_t i = 0; i < 2; i++)
        man_add(m, loc->wordnet_dir, WORDNET_FILES[i]);
}

/* ---- saving ----------------------------------------------------------------- */

typedef struct {
    const void *p;
    size_t len;
} part;

static size_t align_up(size_t n) { return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1); }

/* A new file under a temporary name (mkstemp: mode 0600), renamed over path: a
 * cache file is never modified in place. */
static int write_file(const char *path, const unsigned char *buf, size_t len)
{
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 8);
    if (!tmp)
        return -1;
    memcpy(tmp, path, pl);
    memcpy(tmp + pl, ".XXXXXX", 8);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    int ok = write_all(fd, buf, len) == 0;
    ok &= close(fd) == 0;
    if (ok)
        ok = rename(tmp, path) == 0;
    if (!ok)
        unlink(tmp);
    free(tmp);
    return ok ? 0 : -1;
}

int dyad_cache_save(const dyad_cache_loc *loc, const dyad_cache_parts *cp)
{
    const dyad_dict *d = cp->dict;
    if (cp->n_words != d->lex.n || d->n_files > UINT16_MAX + 1u)
        return -1;
    int rc = -1;
    manifest m = {0};
    uint32_t *tag_off = malloc((cp->n_words ? cp->n_words : 1) * sizeof *tag_off);
    size_t head_len = dyad_tagger_head_size();
    void *thead = calloc(1, head_len);
    size_t flen = 0;
    for (size_t i = 0; i < d->n_files; i++)
        flen += strlen(base_name(d->files[i])) + 1;
    char *fnames = malloc(flen ? flen : 1);
    unsigned char *buf = NULL;
    if (!tag_off || !thead || !fnames)
        goto out;
    man_build(&m, loc, d);
    if (m.oom)
        goto out;
    for (size_t i = 3; i < m.n; i++)
        if (m.rec[i].size < 0 && i < 3 + d->n_files + 3)
            goto out;   /* a file read a moment ago is gone */
    for (size_t i = 0; i < cp->n_words; i++)
        tag_off[i] = dyad_tagger_rec_offset(cp->tagger, cp->word_tag[i]);
    flen = 0;
    for (size_t i = 0; i < d->n_files; i++) {
        const char *b = base_name(d->files[i]);
        size_t l = strlen(b) + 1;
        memcpy(fnames + flen, b, l);
        flen += l;
    }
    dyad_tagger_table tslots, tpool;
    dyad_tagger_export(cp->tagger, thead, &tslots, &tpool);
    scalars sc;
    memset(&sc, 0, sizeof sc);
    sc.lex_n = d->lex.n;
    sc.lex_pool_len = d->lex.pool_len;
    sc.lex_nslots = d->lex.nslots;
    sc.edge_slots = d->edge_slots;
    sc.edge_n = d->edge_n;
    sc.node_n = d->node_n;
    sc.n_entries = d->n_entries;
    sc.n_roles = d->n_roles;
    sc.n_verbs = d->n_verbs;
    sc.n_pats = d->n_pats;
    sc.n_pels = d->n_pels;
    sc.n_sets = d->n_sets;
    sc.n_members = d->n_members;
    sc.n_member_words = d->n_member_words;
    sc.n_codes = d->n_codes;
    sc.pool_len = d->pool_len;
    sc.n_files = d->n_files;
    sc.n_names = d->n_names;
    for (int k = 0; k <= AK_DISCARD; k++)
        sc.names_written[k] = d->names_written[k];
    sc.n_story_discards = d->n_story_discards;
    sc.opts = d->opts;
    sc.n_words = cp->n_words;
    sc.warnings = cp->warnings;
    size_t n = d->lex.n;
    part parts[S_COUNT] = {
        [S_SCALARS] = {&sc, sizeof sc},
        [S_LEX_POOL] = {d->lex.pool, d->lex.pool_len},
        [S_LEX_OFF] = {d->lex.off, n * sizeof *d->lex.off},
        [S_LEX_LEN] = {d->lex.len, n * sizeof *d->lex.len},
        [S_LEX_SLOTS] = {d->lex.slots, d->lex.nslots * sizeof *d->lex.slots},
        [S_LEX_SLOT_HASH] = {d->lex.slot_hash, d->lex.nslots * sizeof *d->lex.slot_hash},
        [S_WORD_LEMMA] = {d->word_lemma, n * sizeof *d->word_lemma},
        [S_WORD_VERB] = {d->word_verb, n * sizeof *d->word_verb},
        [S_WORD_CLASS] = {d->word_class, n * sizeof *d->word_class},
        [S_ROOT_CHILD] = {d->root_child, n * sizeof *d->root_child},
        [S_EDGE_KEY] = {d->edge_key, d->edge_slots * sizeof *d->edge_key},
        [S_EDGE_CHILD] = {d->edge_child, d->edge_slots * sizeof *d->edge_child},
        [S_NODE_ENTRY] = {d->node_entry, d->node_n * sizeof *d->node_entry},
        [S_NODE_FLAGS] = {d->node_flags, d->node_n * sizeof *d->node_flags},
        [S_ENTRIES] = {d->entries, d->n_entries * sizeof *d->entries},
        [S_ROLES] = {d->roles, d->n_roles * sizeof *d->roles},
        [S_VERBS] = {d->verbs, d->n_verbs * sizeof *d->verbs},
        [S_PATS] = {d->pats, d->n_pats * sizeof *d->pats},
        [S_PELS] = {d->pels, d->n_pels * sizeof *d->pels},
        [S_SETS] = {d->sets, d->n_sets * sizeof *d->sets},
        [S_MEMBERS] = {d->members, d->n_members * sizeof *d->members},
        [S_MEMBER_WORDS] = {d->member_words, d->n_member_words * sizeof *d->member_words},
        [S_CODES] = {d->codes, d->n_codes * sizeof *d->codes},
        [S_POOL] = {d->pool, d->pool_len},
        [S_FILES] = {fnames, flen},
        [S_TAGGER_HEAD] = {thead, head_len},
        [S_TAGGER_SLOTS] = {tslots.p, tslots.len},
        [S_TAGGER_POOL] = {tpool.p, tpool.len},
        [S_WORD_TAG] = {tag_off, cp->n_words * sizeof *tag_off},
        [S_WORD_CAPS] = {cp->word_caps, cp->n_words},
        [S_MAN_RECS] = {m.rec, m.n * sizeof *m.rec},
        [S_MAN_PATHS] = {m.paths, m.len},
    };
    header h;
    memset(&h, 0, sizeof h);
    size_t total = align_up(sizeof h);
    for (int s = 0; s < S_COUNT; s++) {
        h.sec[s].off = total;
        h.sec[s].len = parts[s].len;
        total += align_up(parts[s].len);
    }
    if (total > MAX_CACHE)
        goto out;
    buf = calloc(1, total);
    if (!buf)
        goto out;
    for (int s = 0; s < S_COUNT; s++)
        if (parts[s].len)
            memcpy(buf + h.sec[s].off, parts[s].p, parts[s].len);
    memcpy(h.magic, MAGIC, 8);
    h.version = DYAD_CACHE_VERSION;
    h.endian = ENDIAN_MARK;
    h.build_id = dyad_cache_build_id();
    h.file_size = total;
    struct_sizes(h.sizes);
    h.n_sections = S_COUNT;
    memcpy(buf, &h, sizeof h);
    file_mac(buf, total, loc->key, buf + offsetof(header, mac));
    rc = write_file(loc->path, buf, total);
    if (rc == 0)
        dyad_cache_prune(loc->path);    /* the folder: old builds, gone dictionaries */
out:
    free(buf);
    free(m.rec);
    free(m.paths);
    free(tag_off);
    free(thead);
    free(fnames);
    return rc;
}

/* ---- loading ---------------------------------------------------------------- */

/* Reads the whole file into memory of our own (so that nothing done to the file
 * afterwards, such as truncating or rewriting it in place, can reach the tables),
 * after checking that it is a regular file we may trust: opened without following
 * a symbolic link or blocking on a FIFO, owned by the user or root, not writable by
 * group or others. */
static unsigned char *read_whole(dyad_cache_loc *loc, size_t *len)
{
    struct stat st;
    int fd = dyad_open_private(loc->path, &st, loc->note, sizeof loc->note);
    if (fd < 0)
        return NULL;
    unsigned char *buf = NULL;
    if (st.st_size >= (off_t)sizeof(header) && (uint64_t)st.st_size <= MAX_CACHE) {
        size_t n = (size_t)st.st_size;
        buf = aligned_alloc(ALIGN, align_up(n));
        unsigned char extra;
        if (buf && (read_all(fd, buf, n) != 0 || read(fd, &extra, 1) != 0)) {
            free(buf);      /* the file changed size while being read */
            buf = NULL;
        }
        *len = n;
    }
    close(fd);
    return buf;
}

static int man_ok(const unsigned char *buf, const header *h, const dyad_cache_loc *loc)
{
    const section *rs = &h->sec[S_MAN_RECS], *ps = &h->sec[S_MAN_PATHS];
    if (rs->len % sizeof(man_rec) || rs->len / sizeof(man_rec) < 3 + 3 + 2)
        return 0;
    const man_rec *rec = (const man_rec *)(const void *)(buf + rs->off);
    const char *paths = (const char *)(buf + ps->off);
    size_t n = rs->len / sizeof(man_rec);
    const char *dirs[3] = {loc->dict_dir, loc->tagger_dir, loc->wordnet_dir};
    for (size_t i = 0; i < n; i++) {
        const man_rec *r = &rec[i];
        if (r->path_off > ps->len || r->path_len >= ps->len - r->path_off ||
            paths[r->path_off + r->path_len] != 0)
            return 0;
        const char *p = paths + r->path_off;
        if (i < 3 && strcmp(p, dirs[i]) != 0)
            return 0;
        man_rec now;
        stat_rec(p, &now);
        if (now.size != r->size || now.sec != r->sec || now.nsec != r->nsec)
            return 0;
    }
    return 1;
}

/* The file names: a pointer array and the strings ("given/name") in one block. */
static char **files_of(const char *given, const char *names, size_t len, size_t n)
{
    size_t gl = strlen(given), cnt = 0;
    for (size_t i = 0; i < len; i++)
        cnt += names[i] == 0;
    if (cnt != n || (len && names[len - 1]))
        return NULL;
    char **f = malloc(n * sizeof *f + len + n * (gl + 1) + 1);
    if (!f)
        return NULL;
    char *s = (char *)(f + n);
    const char *p = names;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(p);
        f[i] = s;
        memcpy(s, given, gl);
        s[gl] = '/';
        memcpy(s + gl + 1, p, l + 1);
        s += gl + 1 + l + 1;
        p += l + 1;
    }
    return f;
}

dyad_cache *dyad_cache_load(dyad_cache_loc *loc, dyad_cache_parts *cp)
{
    size_t len = 0;
    unsigned char *buf = read_whole(loc, &len);
    if (!buf)
        return NULL;
    unsigned char mac[MAC_LEN];
    file_mac(buf, len, loc->key, mac);
    if (sodium_memcmp(mac, buf + offsetof(header, mac), MAC_LEN) != 0) {
        dyad_errf(loc->note, sizeof loc->note, "%s: damaged or not made by you: rebuilt",
                  loc->path);
        free(buf);
        return NULL;
    }
    dyad_cache *cache = NULL;
    dyad_tagger *tg = NULL;
    const void **word_tag = NULL;
    char **files = NULL;
    header h;
    memcpy(&h, buf, sizeof h);
    uint32_t z[Z_COUNT];
    struct_sizes(z);
    if (memcmp(h.magic, MAGIC, 8) || h.version != DYAD_CACHE_VERSION || h.endian != ENDIAN_MARK ||
        h.build_id != dyad_cache_build_id() || h.file_size != len ||
        memcmp(h.sizes, z, sizeof z) || h.n_sections != S_COUNT)
        goto bad;
    for (int s = 0; s < S_COUNT; s++)
        if (h.sec[s].off % ALIGN || h.sec[s].off < align_up(sizeof h) || h.sec[s].off > len ||
            h.sec[s].len > len - h.sec[s].off)
            goto bad;
    if (!man_ok(buf, &h, loc))
        goto bad;
    if (h.sec[S_SCALARS].len != sizeof(scalars))
        goto bad;
    scalars sc;
    memcpy(&sc, buf + h.sec[S_SCALARS].off, sizeof sc);
    uint64_t n = sc.lex_n;
#define SEC(id, count, type) (h.sec[id].len / sizeof(type) == (count) && h.sec[id].len % sizeof(type) == 0)
    if (!SEC(S_LEX_POOL, sc.lex_pool_len, char) || !SEC(S_LEX_OFF, n, uint32_t) ||
        !SEC(S_LEX_LEN, n, uint32_t) || !SEC(S_LEX_SLOTS, sc.lex_nslots, int32_t) ||
        !SEC(S_LEX_SLOT_HASH, sc.lex_nslots, uint32_t) ||
        !SEC(S_WORD_LEMMA, n, int32_t) || !SEC(S_WORD_VERB, n, int32_t) ||
        !SEC(S_WORD_CLASS, n, uint16_t) || !SEC(S_ROOT_CHILD, n, uint8_t) ||
        !SEC(S_EDGE_KEY, sc.edge_slots, uint64_t) || !SEC(S_EDGE_CHILD, sc.edge_slots, int32_t) ||
        !SEC(S_NODE_ENTRY, sc.node_n, int32_t) || !SEC(S_NODE_FLAGS, sc.node_n, uint8_t) ||
        !SEC(S_ENTRIES, sc.n_entries, dyad_entry) || !SEC(S_ROLES, sc.n_roles, dyad_role) ||
        !SEC(S_VERBS, sc.n_verbs, dyad_verb) || !SEC(S_PATS, sc.n_pats, dyad_pattern) ||
        !SEC(S_PELS, sc.n_pels, dyad_pel) || !SEC(S_SETS, sc.n_sets, dyad_set) ||
        !SEC(S_MEMBERS, sc.n_members, dyad_set_member) ||
        !SEC(S_MEMBER_WORDS, sc.n_member_words, int32_t) ||
        !SEC(S_CODES, sc.n_codes, dyad_code_info) || !SEC(S_POOL, sc.pool_len, char) ||
        !SEC(S_WORD_TAG, sc.n_words, uint32_t) || !SEC(S_WORD_CAPS, sc.n_words, uint8_t) ||
        sc.n_words != n || n > INT32_MAX || sc.n_files > UINT16_MAX + 1u || !sc.n_files)
        goto bad;
#undef SEC
    dyad_dict *d = cp->dict;
    memset(d, 0, sizeof *d);
#define AT(id) ((h.sec[id].len) ? (void *)(buf + h.sec[id].off) : NULL)
    d->lex.pool = AT(S_LEX_POOL);
    d->lex.pool_len = d->lex.pool_cap = sc.lex_pool_len;
    d->lex.off = AT(S_LEX_OFF);
    d->lex.len = AT(S_LEX_LEN);
    d->lex.n = d->lex.cap = n;
    d->lex.slots = AT(S_LEX_SLOTS);
    d->lex.slot_hash = AT(S_LEX_SLOT_HASH);
    d->lex.nslots = sc.lex_nslots;
    d->word_lemma = AT(S_WORD_LEMMA);
    d->word_verb = AT(S_WORD_VERB);
    d->word_class = AT(S_WORD_CLASS);
    d->root_child = AT(S_ROOT_CHILD);
    d->word_cap = n;
    d->edge_key = AT(S_EDGE_KEY);
    d->edge_child = AT(S_EDGE_CHILD);
    d->edge_slots = sc.edge_slots;
    d->edge_n = sc.edge_n;
    d->node_entry = AT(S_NODE_ENTRY);
    d->node_flags = AT(S_NODE_FLAGS);
    d->node_n = d->node_cap = sc.node_n;
    /* the arrays whose count and capacity are both sc.n_<name> */
#define ARR(f, id) do { d->f = AT(id); d->n_##f = d->cap_##f = sc.n_##f; } while (0)
    ARR(entries, S_ENTRIES);
    ARR(roles, S_ROLES);
    ARR(verbs, S_VERBS);
    ARR(pats, S_PATS);
    ARR(pels, S_PELS);
    ARR(sets, S_SETS);
    ARR(members, S_MEMBERS);
    ARR(member_words, S_MEMBER_WORDS);
    ARR(codes, S_CODES);
#undef ARR
    d->pool = AT(S_POOL);
    d->pool_len = d->pool_cap = sc.pool_len;
    d->n_files = d->cap_files = sc.n_files;
    d->n_names = sc.n_names;
    for (int k = 0; k <= AK_DISCARD; k++)
        d->names_written[k] = sc.names_written[k];
    d->n_story_discards = sc.n_story_discards;
    d->opts = sc.opts;
    cp->warnings = (size_t)sc.warnings;
    if (!dyad_cache_dict_ok(d))
        goto bad_dict;
    dyad_tagger_table ts = {AT(S_TAGGER_SLOTS), h.sec[S_TAGGER_SLOTS].len};
    dyad_tagger_table tp = {AT(S_TAGGER_POOL), h.sec[S_TAGGER_POOL].len};
    const uint32_t *tag_off = AT(S_WORD_TAG);
    tg = dyad_tagger_import(AT(S_TAGGER_HEAD), h.sec[S_TAGGER_HEAD].len, ts, tp, tag_off, n);
    if (!tg)
        goto bad_dict;
    word_tag = malloc((n ? n : 1) * sizeof *word_tag);
    if (!word_tag)
        goto bad_dict;
    for (size_t i = 0; i < n; i++)
        word_tag[i] = dyad_tagger_rec_from_offset(tg, tag_off[i]);
    files = files_of(loc->dict_given, (const char *)AT(S_FILES), h.sec[S_FILES].len, sc.n_files);
    cache = malloc(sizeof *cache);
    if (!files || !cache)
        goto bad_dict;
#undef AT
    d->files = files;
    cache->buf = buf;
    cache->len = len;
    cp->tagger = tg;
    cp->word_tag = word_tag;
    cp->word_caps = n ? buf + h.sec[S_WORD_CAPS].off : NULL;
    cp->n_words = n;
    return cache;
bad_dict:
    memset(cp->dict, 0, sizeof *cp->dict);
bad:
    free(cache);
    free(files);
    free(word_tag);
    dyad_tagger_free(tg);
    free(buf);
    return NULL;
}

void dyad_cache_free(dyad_cache *cache, dyad_dict *d)
{
    if (!cache)
        return;
    if (d) {
        free(d->files);
        memset(d, 0, sizeof *d);
    }
    free(cache->buf);
    free(cache);
}

int dyad_cache_seal(const dyad_cache_loc *loc, unsigned char *buf, size_t len)
{
    if (len < sizeof(header))
        return -1;
    file_mac(buf, len, loc->key, buf + offsetof(header, mac));
    return 0;
}

int dyad_cache_peek(const char *path, char *source, size_t cap, int *current)
{
    struct stat st;
    *current = 0;
    source[0] = 0;
    int fd = dyad_open_private(path, &st, NULL, 0);
    if (fd < 0)
        return -1;
    header h;
    int rc = -1;
    if (pread(fd, &h, sizeof h, 0) == (ssize_t)sizeof h && !memcmp(h.magic, MAGIC, 8)) {
        rc = 0;
        uint32_t z[Z_COUNT];
        struct_sizes(z);
        *current = h.version == DYAD_CACHE_VERSION && h.endian == ENDIAN_MARK &&
                   h.build_id == dyad_cache_build_id() && !memcmp(h.sizes, z, sizeof z) &&
                   h.n_sections == S_COUNT;
        /* the manifest's first path is the dictionary folder */
        const section *ps = &h.sec[S_MAN_PATHS];
        if (*current && cap > 1 && ps->len && ps->off < (uint64_t)st.st_size) {
            size_t n = ps->len < cap - 1 ? (size_t)ps->len : cap - 1;
            ssize_t got = pread(fd, source, n, (off_t)ps->off);
            source[got > 0 ? (size_t)got : 0] = 0;
        }
    }
    close(fd);
    return rc;
}

