#!/usr/bin/env python3
"""The expected results of the benchmark guests in guests/bench, computed
independently of any emulator: the integer kernels directly in Python (the
bytecode programs of mix.h as the functions they implement, not by
interpreting their bytecode), memops' block operations on a bytearray, the
matrix products in exact integer arithmetic.

  python3 guests/bench/model.py [GUEST[-small]...]

prints, for each guest and size, the constants its C file checks against.
Standard library only; the full sizes take a minute or so.
"""

import operator
import struct
import sys
import zlib

M64 = (1 << 64) - 1


def mix64(x):
    x &= M64
    x ^= x >> 30
    x = (x * 0xbf58476d1ce4e5b9) & M64
    x ^= x >> 27
    x = (x * 0x94d049bb133111eb) & M64
    x ^= x >> 31
    return x


# ---- mix.h: the bytecode programs, as functions ---------------------------

def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) & M64
    return a


def fib_rec(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a & M64


def memsum(n, seed):
    x, words = seed & M64, []
    for _ in range(n):
        x = (x * 1103515245 + 12345) & M64
        words.append(x)
    h = 0
    for i, w in enumerate(words):
        h = ((h ^ w) * 0x5bd1e995 + i) & M64
        h ^= h >> 29
    return h


def collatz(m):
    steps = 0
    for i in range(1, m + 1):
        x = i
        while x > 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            steps += 1
    return steps


# ---- mix.h: one round of the integer mix --------------------------------------

MIX_BUF, MIX_SIEVE_BASE, MIX_SORT_N = 8192, 30000, 1024
_primes_cache = {}


def primes_upto(n):
    if n not in _primes_cache:
        sieve = bytearray([1]) * (n + 1)
        sieve[0:2] = b"\0\0"
        for i in range(2, int(n ** 0.5) + 1):
            if sieve[i]:
                sieve[i * i::i] = bytes(len(range(i * i, n + 1, i)))
        _primes_cache[n] = sum(sieve)
    return _primes_cache[n]


def lcg_numbers(state, count):
    out = []
    for _ in range(count):
        state = (state * 6364136223846793005 + 1442695040888963407) & M64
        out.append(state >> 32)
    return out


def mix_round(r):
    buf = bytes((i * 31 + (i >> 7) + r * 7) & 0xff for i in range(MIX_BUF))
    crc = zlib.crc32(buf)
    primes = primes_upto(MIX_SIEVE_BASE + (r % 16) * 64)
    arr = sorted(lcg_numbers((r * 0x9e3779b97f4a7c15 + 1) & M64, MIX_SORT_N))
    s = sum(v * (i + 1) for i, v in enumerate(arr)) & M64
    v = fib_iter(1000 + r % 64)
    v = mix64(v ^ fib_rec(12 + r % 4))
    v = mix64(v ^ memsum(256 + r % 64, r))
    v = mix64(v ^ collatz(64 + r % 32))
    h = mix64(crc ^ (primes << 32))
    h = mix64(h ^ s)
    return mix64(h ^ v)


# ---- the guests ------------------------------------------------------------------

def interp(rounds):
    h = 0
    for r in range(rounds):
        h = mix64(h ^ fib_iter(20000 + r))
        h = mix64(h ^ fib_rec(18 + r % 4))
        h = mix64(h ^ memsum(4096, r))
        h = mix64(h ^ collatz(1000 + r % 64))
    return {"hash": h}


def intmix(rounds):
    return {"mix": sum(mix_round(r) for r in range(rounds)) & M64}


def memops(ops):
    half = 256 << 10
    arena = bytearray((i * 7 + (i >> 9)) & 0xff for i in range(2 * half))
    state = 0x2545f4914f6cdd1d

    def rng():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & M64
        return state >> 32

    check, counts = 0, [0, 0, 0]
    for _ in range(ops):
        a, b, c, e = rng(), rng(), rng(), rng()
        cls, kind = a & 15, (a >> 4) % 10
        n = 1 + (b & 63) if cls < 7 else 65 + b % 960 if cls < 13 else 1025 + b % 31744
        here = ((a >> 12) & 1) * half
        other = half - here
        align = ~15 if (a >> 13) & 1 else ~0
        if kind < 5:
            d = here + (c % (half - n + 1) & align)
            s = other + (e % (half - n + 1) & align)
            arena[d:d + n] = arena[s:s + n]
        elif kind < 8:
            d = here + (c % (half - n + 1) & align)
            arena[d:d + n] = bytes([(e >> 8) & 0xff if e & 1 else 0]) * n
        else:
            shift = e % 129 - 64
            lo, hi = 64, half - n - 64
            s = here + ((lo + c % (hi - lo + 1)) & align)
            d = s + shift
            arena[d:d + n] = arena[s:s + n]
        counts[0 if kind < 5 else 1 if kind < 8 else 2] += 1
        check = mix64(check ^ arena[d] ^ (arena[d + n // 2] << 8) ^ (arena[d + n - 1] << 16) ^ (n << 32))
    h = 0
    for i in range(0, 2 * half, 8):
        h = mix64(h ^ int.from_bytes(arena[i:i + 8], "little"))
    return {"memcpy/memset/memmove": "/".join(map(str, counts)), "check": check, "arena": h}


def matmul(rounds, n=64):
    state = 0x0ddc0ffeebadf00d

    def small():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & M64
        return (state >> 33) % 17 - 8

    a = [[small() for _ in range(n)] for _ in range(n)]
    b = [[small() for _ in range(n)] for _ in range(n)]
    bt = [list(col) for col in zip(*b)]
    h = 0xcbf29ce484222325
    for _ in range(rounds):
        c = [[sum(map(operator.mul, row, col)) for col in bt] for row in a]
        for i in range(n):
            for j in range(n):
                bits = struct.unpack("<Q", struct.pack("<d", float(c[i][j])))[0]
                h = ((h ^ bits) * 0x100000001b3) & M64
                h ^= h >> 29
                v = c[i][j]
                rem = abs(v) % 17 * (1 if v >= 0 else -1)     # C's %: truncated
                a[i][j] = rem - 8
    return {"C[63][63]": c[n - 1][n - 1], "bits": h}


def exc(iterations, nphys=8):
    total = el1 = 0
    for i in range(iterations):
        acc = i
        for j in range(4):
            k = (i * 4 + j) % nphys
            idx = (acc >> 3) & 511
            acc = mix64(acc * 3 + ((k << 32) | idx))
        total = mix64(total ^ acc)
        el1 = (el1 + 2 * i + 1) & M64
    return {"user": total, "el1": el1}


GUESTS = {
    "interp": (interp, {"": 24, "-small": 3}),
    "intmix": (intmix, {"": 128, "-small": 16}),
    "vmmix": (intmix, {"": 64, "-small": 16}),     # intmix's partition of the same rounds
    "memops": (memops, {"": 90000, "-small": 30000}),
    "matmul": (matmul, {"": 120, "-small": 40}),
    "exc": (exc, {"": 80000, "-small": 20000}),
}


def main(argv):
    names = argv or [g + v for g, (_, sizes) in GUESTS.items() for v in sizes]
    for name in names:
        base, _, small = name.partition("-")
        fn, sizes = GUESTS[base]
        size = sizes["-" + small if small else ""]
        result = fn(size)
        print(f"{name} ({size}): " + ", ".join(
            f"{k} = {v:#018x}" if isinstance(v, int) and v > 0xffffffff else f"{k} = {v}"
            for k, v in result.items()), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
