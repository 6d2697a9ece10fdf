// In a debug build SwiftPM links an executable with `main` defined as
// `<Module>_main` (so that tests can link executables), and a module built
// with -parse-as-library has no such function. These provide it: libFuzzer's
// own driver, on the target's LLVMFuzzerTestOneInput (main.swift). A release
// build uses libFuzzer's `main` and never calls them.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int drive(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }
int ELFFuzz_main(int argc, char **argv) { return drive(argc, argv); }
int SemihostingFuzz_main(int argc, char **argv) { return drive(argc, argv); }
int GDBFuzz_main(int argc, char **argv) { return drive(argc, argv); }
int ConsoleFuzz_main(int argc, char **argv) { return drive(argc, argv); }
