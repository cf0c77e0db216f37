#include "carena.h"
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define CARENA_DISABLED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CARENA_DISABLED 1
#endif
#endif

enum { CHUNK = 1 << 20, MAX_CHUNKS = 256, KEPT_CHUNKS = 16, MAX_DEPTH = 32, SLOTS = 512, LIVE = 64 };

/* Every arena block starts with its size, so realloc can copy it; 16 bytes keep alignment. */
typedef struct { size_t size; size_t pad; } header;

typedef struct {
    char *chunk[MAX_CHUNKS];
    int count;    /* chunks allocated */
    int current;  /* chunk being filled */
    size_t used;  /* bytes used in the current chunk */
    size_t total; /* bytes handed out since the last reset */
    int depth;    /* open scopes */
    struct { int current; size_t used, total, untracked; } mark[MAX_DEPTH]; /* where each open scope began */
    /* Blocks malloc handed out while a scope was open (too large for a chunk, arena full), with
       the depth they were taken at, until they are freed; and a count of those that could not
       be followed (list full, memory from before a scope reallocated inside one). */
    struct { void *p; int depth; } live[LIVE];
    int nlive;
    size_t untracked;
    uintptr_t slot[SLOTS]; /* the chunks' addresses, hashed: is a block the arena's? in O(1) */
} arena;

static __thread arena A;

/* Chunks are CHUNK-aligned: a block's chunk is its address with the low bits cleared. */
static size_t slot_of(uintptr_t base) { return (size_t)((base >> 20) * 0x9E3779B97F4A7C15ull >> 55) % SLOTS; }

static void remember(uintptr_t base) {
    size_t i = slot_of(base);
    while (A.slot[i]) i = (i + 1) % SLOTS;
    A.slot[i] = base;
}

static int owns(const void *p) {
    uintptr_t base = (uintptr_t)p & ~(uintptr_t)(CHUNK - 1);
    for (size_t i = slot_of(base); A.slot[i]; i = (i + 1) % SLOTS)
        if (A.slot[i] == base) return 1;
    return 0;
}

static void *escape(size_t size) {
    void *p = malloc(size);
    if (!p) return p;
    if (A.nlive < LIVE) {
        A.live[A.nlive].p = p;
        A.live[A.nlive].depth = A.depth;
        A.nlive++;
    } else {
        A.untracked++;
    }
    return p;
}

static int live_index(const void *p) {
    for (int i = 0; i < A.nlive; i++)
        if (A.live[i].p == p) return i;
    return -1;
}

void *carena_malloc(size_t size) {
    size_t need = (size + sizeof(header) + 15) & ~(size_t)15;
    if (A.depth == 0) return malloc(size);
    if (need > CHUNK / 4 || need < size) return escape(size);
    if (A.count == 0 || A.used + need > CHUNK) {
        int next = A.count == 0 ? 0 : A.current + 1;
        if (next >= MAX_CHUNKS) return escape(size); /* arena full: plain malloc for the rest */
        if (next == A.count) {
            void *c = NULL;
            if (posix_memalign(&c, CHUNK, CHUNK) != 0) return escape(size);
            A.chunk[A.count++] = c;
            remember((uintptr_t)c);
        }
        A.current = next;
        A.used = 0;
    }
    header *h = (header *)(A.chunk[A.current] + A.used);
    h->size = size;
    A.used += need;
    A.total += need;
    return h + 1;
}

void carena_free(void *p) {
    if (!p || owns(p)) return;
    int i = live_index(p);
    if (i >= 0) A.live[i] = A.live[--A.nlive];
    free(p);
}

void *carena_realloc(void *p, size_t size) {
    if (!p) return carena_malloc(size);
    if (!owns(p)) { /* memory from before the scope, or too large: stays malloc's */
        int i = live_index(p);
        void *q = realloc(p, size);
        if (i >= 0 && q) A.live[i].p = q;
        else if (i < 0 && A.depth > 0) A.untracked++;
        return q;
    }
    header *h = (header *)p - 1;
    if (size <= h->size) return p;
    /* The newest block grows in place while its chunk has room (buffers grown step by step). */
    size_t had = (h->size + sizeof(header) + 15) & ~(size_t)15;
    size_t need = (size + sizeof(header) + 15) & ~(size_t)15;
    if (A.depth > 0 && (char *)h + had == A.chunk[A.current] + A.used && need > had
        && A.used - had + need <= CHUNK) {
        A.used += need - had;
        A.total += need - had;
        h->size = size;
        return p;
    }
    void *q = carena_malloc(size);
    if (q) memcpy(q, p, h->size);
    return q;
}

char *carena_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *q = carena_malloc(n);
    if (q) memcpy(q, s, n);
    return q;
}

static int enabled = 1;

void carena_set_enabled(int on) { enabled = on; }

void carena_begin(void) {
#ifndef CARENA_DISABLED
    if (!enabled) return;
    if (A.depth < MAX_DEPTH) {
        A.mark[A.depth].current = A.current;
        A.mark[A.depth].used = A.used;
        A.mark[A.depth].total = A.total;
        A.mark[A.depth].untracked = A.untracked;
    }
    A.depth++;
#endif
}

int carena_end(void) {
#ifndef CARENA_DISABLED
    if (!enabled || A.depth == 0) return 0;
    if (--A.depth == 0) return 1;
    /* An inner scope gives back what it took: a feed's tree stays while each item's HTML
       fragment is parsed and dropped in a scope of its own. */
    if (A.depth < MAX_DEPTH) {
        A.current = A.mark[A.depth].current;
        A.used = A.mark[A.depth].used;
        A.total = A.mark[A.depth].total;
        A.untracked = A.mark[A.depth].untracked; /* its malloc blocks were freed before it ended, too */
    }
    return 2;
#endif
    return 0;
}

void carena_reset(void) {
    if (A.depth != 0) return;
    A.nlive = 0; /* any left were malloc's to free, and are not the arena's business now */
    A.untracked = 0;
    if (A.count > KEPT_CHUNKS) {
        while (A.count > KEPT_CHUNKS) free(A.chunk[--A.count]);
        memset(A.slot, 0, sizeof A.slot);
        for (int i = 0; i < A.count; i++) remember((uintptr_t)A.chunk[i]);
    }
    A.current = 0;
    A.used = 0;
    A.total = 0;
}

size_t carena_used(void) { return A.total; }

void carena_scribble(unsigned char byte) {
    if (A.depth != 0) return;
    for (int i = 0; i < A.count; i++) memset(A.chunk[i], byte, CHUNK);
}

int carena_depth(void) { return A.depth; }

int carena_clean(int depth) {
#ifdef CARENA_DISABLED
    return 0;
#else
    if (!enabled || depth <= 0 || depth > MAX_DEPTH || A.depth != depth || A.untracked != A.mark[depth - 1].untracked) return 0;
    for (int i = 0; i < A.nlive; i++)
        if (A.live[i].depth >= depth) return 0;
    return 1;
#endif
}

int carena_available(void) {
#ifdef CARENA_DISABLED
    return 0;
#else
    return enabled;
#endif
}
