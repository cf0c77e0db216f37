#ifndef CSYSTEM_SHIM_H
#define CSYSTEM_SHIM_H
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <stddef.h>

/* glibc's memmem (two-way search), declared here because the Glibc module hides GNU extensions. */
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

static inline const void *csystem_memmem(const void *hay, size_t hay_len, const void *needle, size_t needle_len) {
    return memmem(hay, hay_len, needle, needle_len);
}

/* Atomically exchange two paths (renameat2 with RENAME_EXCHANGE); 0 on success, -1 and errno otherwise.
   Swift cannot call the variadic syscall(2) itself. */
static inline int csystem_exchange(const char *a, const char *b) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */);
#else
    (void)a; (void)b;
    return -1;
#endif
}
#endif
