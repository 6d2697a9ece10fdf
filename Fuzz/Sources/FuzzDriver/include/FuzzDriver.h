// Intentionally empty: FuzzDriver.c only provides entry symbols to the linker.
