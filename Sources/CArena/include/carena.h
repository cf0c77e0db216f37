#ifndef CARENA_H
#define CARENA_H
#include <stddef.h>

/* libxml2's memory functions (see xmlMemSetup), backed by a per-thread bump arena while a
   scope is open on the thread, and by malloc otherwise. Freeing arena memory is a no-op;
   closing the outermost scope makes the whole arena free at once. Everything libxml2
   allocates inside a scope must be released before the scope ends. */
void *carena_malloc(size_t size);
void carena_free(void *p);
void *carena_realloc(void *p, size_t size);
char *carena_strdup(const char *s);

/* Turns the arena off (0) or on for the whole process; only before any scope is opened. */
void carena_set_enabled(int on);
/* Opens a scope on this thread. Scopes nest: closing an inner scope makes what was taken
   inside it free again, so nothing allocated inside it may outlive it, and memory from
   before it must not be reallocated inside it. */
void carena_begin(void);
/* Closes a scope; returns 1 when it was the outermost (call carena_reset next), 2 when an
   inner scope gave its memory back, 0 when the arena is off. */
int carena_end(void);
/* Makes the arena free again and returns chunks beyond the retained size to the system. */
void carena_reset(void);
/* 1 when scopes use the arena (0 under AddressSanitizer or after carena_set_enabled(0)). */
int carena_available(void);
/* Bytes handed out from the arena since the last reset (for tests). */
size_t carena_used(void);
/* Fills this thread's chunks with `byte` (no scope open): whatever reads memory it did not
   write, or memory of a scope that ended, then reads that byte (tests and fuzzing). */
void carena_scribble(unsigned char byte);
/* Open scopes on this thread. */
int carena_depth(void);
/* 1 when the innermost open scope is `depth` deep and every block it still holds is the
   arena's (the blocks malloc handed out in it, too large for a chunk, are freed already):
   ending the scope frees all of it, so a tree built in it need not be freed node by node. */
int carena_clean(int depth);
#endif
