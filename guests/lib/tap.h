/*
 * tap.h - a TAP (Test Anything Protocol) harness for guests.
 *
 *   check("name", got, expected);   prints "ok N - name" or
 *                                    "not ok N - name # got 0x... expected 0x..."
 *   return tap_done();               prints "1..N"; 0 if every check passed, else 1
 *
 * Output goes through the PL011.  Assembly tests use the same functions
 * through the macros in tap_asm.h.
 */
#ifndef A64EMU_TAP_H
#define A64EMU_TAP_H

#include <stdint.h>

/* Returns 1 if got == expected, else 0. */
int  check(const char *name, uint64_t got, uint64_t expected);
/* A check that is just a condition (got = cond, expected = 1). */
int  check_true(const char *name, int cond);
/* A check that is not run: "ok N - name # SKIP reason" (counts as passed). */
void tap_skip(const char *name, const char *reason);
/* "# text" diagnostic line. */
void tap_note(const char *text);
/* Prints the plan "1..N"; returns 0 if every check passed, else 1. */
int  tap_done(void);
/* Number of checks so far, failures so far. */
unsigned tap_count(void);
unsigned tap_failures(void);

#endif
