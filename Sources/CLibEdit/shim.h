// libedit (Debian libedit-dev): line editing and history for the debugger
// console, through its readline-compatible interface.
#include <stdio.h>
#include <editline/readline.h>
