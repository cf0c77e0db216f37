#ifndef CFUZZER_SHIM_H
#define CFUZZER_SHIM_H
#include <stdint.h>
#include <stddef.h>
/* libFuzzer's driver entry, available when linking with -sanitize=fuzzer. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *data, size_t size));
#endif
