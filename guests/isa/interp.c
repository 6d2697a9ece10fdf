/*
 * interp.c - compiled-code test (built at -O0 and at -O2): a small stack
 * bytecode machine.  Programs are assembled at run time (with labels and
 * fix-ups) and run by two dispatchers, a switch loop and a direct-threaded
 * one (computed goto, so indirect branches through a register); both must
 * agree with each other and with results and step counts computed
 * independently (a Python model of the same machine).
 */
#include <stdint.h>
#include "tap.h"

enum {
    OP_HALT, OP_PUSH, OP_POP, OP_DUP, OP_SWAP, OP_OVER, OP_ADD, OP_SUB,
    OP_MUL, OP_DIV, OP_MOD, OP_LT, OP_EQ, OP_JMP, OP_JZ, OP_JNZ, OP_LOAD,
    OP_STORE, OP_CALL, OP_RET, OP_COUNT
};

/* ---- assembler ---- */
#define MAXCODE 256
#define MAXLABEL 16

typedef struct {
    int32_t code[MAXCODE];
    int     n;
    int     label[MAXLABEL];
    int     fix_at[MAXLABEL * 4];
    int     fix_label[MAXLABEL * 4];
    int     nfix;
} prog_t;

static void emit(prog_t *p, int32_t w) { p->code[p->n++] = w; }
static void op(prog_t *p, int o) { emit(p, o); }
static void op1(prog_t *p, int o, int32_t arg) { emit(p, o); emit(p, arg); }
static void jump(prog_t *p, int o, int lbl)
{
    emit(p, o);
    p->fix_at[p->nfix] = p->n;
    p->fix_label[p->nfix++] = lbl;
    emit(p, -1);
}
static void label(prog_t *p, int lbl) { p->label[lbl] = p->n; }
static void link_prog(prog_t *p)
{
    for (int i = 0; i < p->nfix; i++)
        p->code[p->fix_at[i]] = p->label[p->fix_label[i]];
}
static void begin(prog_t *p) { p->n = 0; p->nfix = 0; }

/* ---- machine ---- */
typedef struct {
    int64_t  result;
    uint64_t steps;
    int      error;
} run_t;

#define STACK 64
#define RSTACK 64

static run_t run_switch(const int32_t *code)
{
    int64_t st[STACK], g[8] = { 0 };
    int32_t rs[RSTACK];
    int sp = 0, rsp = 0, pc = 0;
    run_t r = { 0, 0, 0 };
    for (;;) {
        int32_t o = code[pc++];
        r.steps++;
        if (sp < 0 || sp > STACK - 2 || rsp < 0 || rsp >= RSTACK) {
            r.error = 1;
            return r;
        }
        switch (o) {
        case OP_HALT:  r.result = st[sp - 1]; return r;
        case OP_PUSH:  st[sp++] = code[pc++]; break;
        case OP_POP:   sp--; break;
        case OP_DUP:   st[sp] = st[sp - 1]; sp++; break;
        case OP_SWAP: { int64_t t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; break; }
        case OP_OVER:  st[sp] = st[sp - 2]; sp++; break;
        case OP_ADD:   st[sp - 2] = (int64_t)((uint64_t)st[sp - 2] + (uint64_t)st[sp - 1]); sp--; break;
        case OP_SUB:   st[sp - 2] = (int64_t)((uint64_t)st[sp - 2] - (uint64_t)st[sp - 1]); sp--; break;
        case OP_MUL:   st[sp - 2] = (int64_t)((uint64_t)st[sp - 2] * (uint64_t)st[sp - 1]); sp--; break;
        case OP_DIV:   st[sp - 2] = st[sp - 1] ? st[sp - 2] / st[sp - 1] : 0; sp--; break;
        case OP_MOD:   st[sp - 2] = st[sp - 1] ? st[sp - 2] % st[sp - 1] : 0; sp--; break;
        case OP_LT:    st[sp - 2] = st[sp - 2] < st[sp - 1]; sp--; break;
        case OP_EQ:    st[sp - 2] = st[sp - 2] == st[sp - 1]; sp--; break;
        case OP_JMP:   pc = code[pc]; break;
        case OP_JZ:    pc = st[--sp] == 0 ? code[pc] : pc + 1; break;
        case OP_JNZ:   pc = st[--sp] != 0 ? code[pc] : pc + 1; break;
        case OP_LOAD:  st[sp++] = g[code[pc++] & 7]; break;
        case OP_STORE: g[code[pc++] & 7] = st[--sp]; break;
        case OP_CALL:  rs[rsp++] = pc + 1; pc = code[pc]; break;
        case OP_RET:   pc = rs[--rsp]; break;
        default:       r.error = 2; return r;
        }
    }
}

static run_t run_threaded(const int32_t *code)
{
    static const void *const table[OP_COUNT] = {
        &&l_halt, &&l_push, &&l_pop, &&l_dup, &&l_swap, &&l_over, &&l_add,
        &&l_sub, &&l_mul, &&l_div, &&l_mod, &&l_lt, &&l_eq, &&l_jmp, &&l_jz,
        &&l_jnz, &&l_load, &&l_store, &&l_call, &&l_ret,
    };
    int64_t st[STACK], g[8] = { 0 };
    int32_t rs[RSTACK];
    int sp = 0, rsp = 0, pc = 0;
    run_t r = { 0, 0, 0 };
#define NEXT do { \
        r.steps++; \
        if (sp < 0 || sp > STACK - 2 || rsp < 0 || rsp >= RSTACK || \
            (uint32_t)code[pc] >= OP_COUNT) { r.error = 1; return r; } \
        goto *table[code[pc++]]; \
    } while (0)
    NEXT;
l_halt:  r.result = st[sp - 1]; return r;
l_push:  st[sp++] = code[pc++]; NEXT;
l_pop:   sp--; NEXT;
l_dup:   st[sp] = st[sp - 1]; sp++; NEXT;
l_swap: { int64_t t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; NEXT; }
l_over:  st[sp] = st[sp - 2]; sp++; NEXT;
l_add:   st[sp - 2] = (int64_t)((uint64_t)st[sp - 2] + (uint64_t)st[sp - 1]); sp--; NEXT;
l_sub:   st[sp - 2] = (int64_t)((uint64_t)st[sp - 2] - (uint64_t)st[sp - 1]); sp--; NEXT;
l_mul:   st[sp - 2] = (int64_t)((uint64_t)st[sp - 2] * (uint64_t)st[sp - 1]); sp--; NEXT;
l_div:   st[sp - 2] = st[sp - 1] ? st[sp - 2] / st[sp - 1] : 0; sp--; NEXT;
l_mod:   st[sp - 2] = st[sp - 1] ? st[sp - 2] % st[sp - 1] : 0; sp--; NEXT;
l_lt:    st[sp - 2] = st[sp - 2] < st[sp - 1]; sp--; NEXT;
l_eq:    st[sp - 2] = st[sp - 2] == st[sp - 1]; sp--; NEXT;
l_jmp:   pc = code[pc]; NEXT;
l_jz:    pc = st[--sp] == 0 ? code[pc] : pc + 1; NEXT;
l_jnz:   pc = st[--sp] != 0 ? code[pc] : pc + 1; NEXT;
l_load:  st[sp++] = g[code[pc++] & 7]; NEXT;
l_store: g[code[pc++] & 7] = st[--sp]; NEXT;
l_call:  rs[rsp++] = pc + 1; pc = code[pc]; NEXT;
l_ret:   pc = rs[--rsp]; NEXT;
#undef NEXT
}

/* ---- programs ---- */
static void prog_sum(prog_t *p, int32_t n)          /* 1 + 2 + ... + n */
{
    begin(p);
    op1(p, OP_PUSH, 0); op1(p, OP_STORE, 0);
    op1(p, OP_PUSH, 1); op1(p, OP_STORE, 1);
    label(p, 0);
    op1(p, OP_LOAD, 1); op1(p, OP_PUSH, n + 1); op(p, OP_LT); jump(p, OP_JZ, 1);
    op1(p, OP_LOAD, 0); op1(p, OP_LOAD, 1); op(p, OP_ADD); op1(p, OP_STORE, 0);
    op1(p, OP_LOAD, 1); op1(p, OP_PUSH, 1); op(p, OP_ADD); op1(p, OP_STORE, 1);
    jump(p, OP_JMP, 0);
    label(p, 1);
    op1(p, OP_LOAD, 0); op(p, OP_HALT);
    link_prog(p);
}

static void prog_fib_iter(prog_t *p, int32_t n)
{
    begin(p);
    op1(p, OP_PUSH, 0); op1(p, OP_STORE, 0);
    op1(p, OP_PUSH, 1); op1(p, OP_STORE, 1);
    op1(p, OP_PUSH, n); op1(p, OP_STORE, 2);
    label(p, 0);
    op1(p, OP_LOAD, 2); jump(p, OP_JZ, 1);
    op1(p, OP_LOAD, 0); op1(p, OP_LOAD, 1); op(p, OP_ADD);
    op1(p, OP_LOAD, 1); op1(p, OP_STORE, 0);
    op1(p, OP_STORE, 1);
    op1(p, OP_LOAD, 2); op1(p, OP_PUSH, 1); op(p, OP_SUB); op1(p, OP_STORE, 2);
    jump(p, OP_JMP, 0);
    label(p, 1);
    op1(p, OP_LOAD, 0); op(p, OP_HALT);
    link_prog(p);
}

static void prog_fib_rec(prog_t *p, int32_t n)
{
    begin(p);
    op1(p, OP_PUSH, n); jump(p, OP_CALL, 0); op(p, OP_HALT);
    label(p, 0);                                    /* fib: [n] -> [fib(n)] */
    op(p, OP_DUP); op1(p, OP_PUSH, 2); op(p, OP_LT); jump(p, OP_JZ, 1);
    op(p, OP_RET);
    label(p, 1);
    op(p, OP_DUP); op1(p, OP_PUSH, 1); op(p, OP_SUB); jump(p, OP_CALL, 0);
    op(p, OP_SWAP); op1(p, OP_PUSH, 2); op(p, OP_SUB); jump(p, OP_CALL, 0);
    op(p, OP_ADD); op(p, OP_RET);
    link_prog(p);
}

static void prog_gcd(prog_t *p, int32_t a, int32_t b)
{
    begin(p);
    op1(p, OP_PUSH, a); op1(p, OP_STORE, 0);
    op1(p, OP_PUSH, b); op1(p, OP_STORE, 1);
    label(p, 0);
    op1(p, OP_LOAD, 1); jump(p, OP_JZ, 1);
    op1(p, OP_LOAD, 0); op1(p, OP_LOAD, 1); op(p, OP_MOD);
    op1(p, OP_LOAD, 1); op1(p, OP_STORE, 0);
    op1(p, OP_STORE, 1);
    jump(p, OP_JMP, 0);
    label(p, 1);
    op1(p, OP_LOAD, 0); op(p, OP_HALT);
    link_prog(p);
}

static void prog_collatz(prog_t *p, int32_t n)      /* steps to reach 1 */
{
    begin(p);
    op1(p, OP_PUSH, n); op1(p, OP_STORE, 0);
    op1(p, OP_PUSH, 0); op1(p, OP_STORE, 1);
    label(p, 0);
    op1(p, OP_LOAD, 0); op1(p, OP_PUSH, 1); op(p, OP_EQ); jump(p, OP_JNZ, 3);
    op1(p, OP_LOAD, 0); op1(p, OP_PUSH, 2); op(p, OP_MOD); jump(p, OP_JZ, 1);
    op1(p, OP_LOAD, 0); op1(p, OP_PUSH, 3); op(p, OP_MUL); op1(p, OP_PUSH, 1);
    op(p, OP_ADD); op1(p, OP_STORE, 0); jump(p, OP_JMP, 2);
    label(p, 1);
    op1(p, OP_LOAD, 0); op1(p, OP_PUSH, 2); op(p, OP_DIV); op1(p, OP_STORE, 0);
    label(p, 2);
    op1(p, OP_LOAD, 1); op1(p, OP_PUSH, 1); op(p, OP_ADD); op1(p, OP_STORE, 1);
    jump(p, OP_JMP, 0);
    label(p, 3);
    op1(p, OP_LOAD, 1); op(p, OP_HALT);
    link_prog(p);
}

static void prog_fact(prog_t *p, int32_t n)
{
    begin(p);
    op1(p, OP_PUSH, 1);                             /* accumulator on the stack */
    op1(p, OP_PUSH, n); op1(p, OP_STORE, 0);
    label(p, 0);
    op1(p, OP_LOAD, 0); jump(p, OP_JZ, 1);
    op1(p, OP_LOAD, 0); op(p, OP_MUL);
    op1(p, OP_LOAD, 0); op1(p, OP_PUSH, 1); op(p, OP_SUB); op1(p, OP_STORE, 0);
    jump(p, OP_JMP, 0);
    label(p, 1);
    op(p, OP_HALT);
    link_prog(p);
}

static void prog_signed(prog_t *p)                  /* x = (-7/2)*1000 + (-7%2) + (7/-2)*10 + 5/0; 99 - x */
{
    begin(p);
    op1(p, OP_PUSH, -7); op1(p, OP_PUSH, 2); op(p, OP_DIV);
    op1(p, OP_PUSH, 1000); op(p, OP_MUL);
    op1(p, OP_PUSH, -7); op1(p, OP_PUSH, 2); op(p, OP_MOD); op(p, OP_ADD);
    op1(p, OP_PUSH, 7); op1(p, OP_PUSH, -2); op(p, OP_DIV);
    op1(p, OP_PUSH, 10); op(p, OP_MUL); op(p, OP_ADD);
    op1(p, OP_PUSH, 5); op1(p, OP_PUSH, 0); op(p, OP_DIV); op(p, OP_ADD);   /* x / 0 = 0 */
    op1(p, OP_PUSH, 99); op(p, OP_OVER); op(p, OP_SUB);                     /* 99 - x */
    op(p, OP_SWAP); op(p, OP_POP);
    op(p, OP_HALT);
    link_prog(p);
}

static prog_t prog;

static void run_both(const char *name, int64_t result, uint64_t steps)
{
    char n1[64], n2[64], n3[64];
    int i = 0;
    for (; name[i] && i < 40; i++)
        n1[i] = n2[i] = n3[i] = name[i];
    const char *s1 = " result", *s2 = " steps", *s3 = " threaded = switch";
    int k;
    for (k = 0; s1[k]; k++) n1[i + k] = s1[k];
    n1[i + k] = 0;
    for (k = 0; s2[k]; k++) n2[i + k] = s2[k];
    n2[i + k] = 0;
    for (k = 0; s3[k]; k++) n3[i + k] = s3[k];
    n3[i + k] = 0;

    run_t a = run_switch(prog.code);
    run_t b = run_threaded(prog.code);
    check(n1, (uint64_t)a.result, (uint64_t)result);
    check(n2, a.steps, steps);
    check(n3, (uint64_t)(b.result == a.result && b.steps == a.steps && !a.error && !b.error), 1);
}

int main(void)
{
    prog_sum(&prog, 1000);       run_both("sum 1..1000", 500500, 13010);
    prog_fib_iter(&prog, 90);    run_both("fib(90) iterative", 2880067194370816120LL, 1180);
    prog_fib_rec(&prog, 14);     run_both("fib(14) recursive", 377, 11579);
    prog_gcd(&prog, 1071, 462);  run_both("gcd(1071,462)", 21, 35);
    prog_collatz(&prog, 27);     run_both("collatz(27)", 111, 2020);
    prog_fact(&prog, 20);        run_both("20!", 2432902008176640000LL, 186);
    prog_signed(&prog);          run_both("signed div/mod", 3130, 25);
    return tap_done();
}
