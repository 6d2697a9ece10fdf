#!/usr/bin/env python3
"""Floating-point and Advanced SIMD forms over random and special operands, for
differential testing against QEMU (tools/check_fp.py).

Usage: tools/random_fp.py [--seed N] [--values N] [--groups a,b] [--forms REGEX]
                          [--settings rn,fz,...] [--verbose] [--bin] OUT.S

Writes an assembly file for guests/fpdiff/driver.c (and OUT.lst, the list of
forms; with --bin the operand tables go to OUT.bin, included with .incbin).
TABLE below holds one line per instruction form: group, mnemonics, operand
template, variables. Every combination of the variables is a form;
sampled immediates and element indices give up to three instances of it
(lowest, highest, one random value); `{=a,b}` enumerates every value. Each
instance gets its own registers (random, from the seed; a destination
sometimes the same register as a source) and N operand sets: random bit
patterns and special values (signed zeros, denormals, min/max normals,
infinities, quiet and signalling NaNs with payloads, halfway cases, integers
near 2^31/2^32/2^63/2^64, saturation boundaries of integer lanes, shift
amounts around the lane size), sometimes related across operands (x and -x,
0 and inf, sNaN and qNaN, a tie for addition, a product and its negation for
the fused multiply-adds). Each operand set runs under every FPCR setting of
the form: RMode 0-3, FZ, DN, and AHP for the half-precision conversions
(groups fp.*), or FPCR = 0 only (integer and load/store groups). Operands and
registers depend only on the seed and the form, so a selection (--forms,
--groups) runs exactly the executions the full run does for those forms.

For each execution the guest records the destination V registers (all 128
bits), destination X registers, NZCV, FPSR (cleared before the instruction),
FPCR as read back, an EOR of all 32 V registers (a write to a register that
is not a destination shows there), the ESR of any exception the instruction
took, and for loads and stores a hash of the scratch buffer's window the
form can touch (filled from a per-execution seed). The driver prints, per
(form, setting), `H <form> <setting> <executions> <hash>`; with --verbose also
`E <form> <setting> <k> <inputs> | <outputs>` per execution. Standard library
only.

Operand template placeholders:
  {d:T}         a V register: T a scalar size (b h s d q), an arrangement
                (8b 16b 4h 8h 2s 4s 1d 2d) or V (the bare register, 2 x 64-bit lanes)
  {m:S[]}       an element, index sampled; {D:T*L} a list of L consecutive
                registers; {D:S*L[]} a list of lanes
  {n:x} {n:w}   a general-purpose register (sometimes XZR/WZR when a source)
  :flags        value class after a second colon: f (FP lanes, default in fp.*),
                i (integer lanes, default elsewhere), sh (shift amounts in the low
                byte), tix (table indices), off uoff idx uidx any (load/store index
                registers); e = by-element operand (V0-V15 for 16-bit elements)
  {#lo..hi%step} sampled immediate;  {=a,b,c} every value;  {cond} {fpimm}
  {bytemask} {lit}   a condition, an FMOV immediate, a MOVI 64-bit byte mask,
                a literal for LDR (literal)
Slots named d... are destinations; D and E are destinations for ld*, sources
for st*; b is a load/store base (its final value is recorded too). Numbers in
placeholders are Python expressions over the variables and eb() (element
bits), ebytes(), bytes(), log2().
"""

import argparse
import array
import itertools
import math
import os
import random
import re
import struct
import sys

SCRATCH = 16384                  # bytes of fp_scratch (guests/fpdiff/driver.c)
MAX_VOUT, MAX_XOUT = 4, 2        # destination registers an output record holds

FZ, DN, AHP = 1 << 24, 1 << 25, 1 << 26
# name, FPCR value. fp.* forms run under the first six, half conversions also ahp.
SETTINGS = [("rn", 0), ("rp", 1 << 22), ("rm", 2 << 22), ("rz", 3 << 22), ("fz", FZ), ("dn", DN), ("ahp", AHP)]
SETTING_INDEX = {name: i for i, (name, _) in enumerate(SETTINGS)}

CONDS = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"]

# group | mnemonics | operands | variables ("T = a b c" one variable, "A/B = a/b c/d" paired,
# "; " between independent variables). One form per mnemonic and combination of variables.
TABLE = r"""
# ---- floating point, scalar and vector ------------------------------------------------------
fp.arith   | fadd fsub fmul fdiv fmulx fabd                | {d:T}, {n:T}, {m:T}            | T = s d 2s 4s 2d
fp.arith   | fnmul                                         | {d:T}, {n:T}, {m:T}            | T = s d
fp.arith   | fmadd fmsub fnmadd fnmsub                     | {d:T}, {n:T}, {m:T}, {a:T}     | T = s d
fp.arith   | fmla fmls                                     | {d:T}, {n:T}, {m:T}            | T = 2s 4s 2d
fp.arith   | fsqrt                                         | {d:T}, {n:T}                   | T = s d 2s 4s 2d
fp.minmax  | fmax fmin fmaxnm fminnm                       | {d:T}, {n:T}, {m:T}            | T = s d 2s 4s 2d
fp.round   | frintn frintp frintm frintz frinta frintx frinti | {d:T}, {n:T}                | T = s d 2s 4s 2d
fp.recip   | frecpe frsqrte                                | {d:T}, {n:T}                   | T = s d 2s 4s 2d
fp.recip   | frecps frsqrts                                | {d:T}, {n:T}, {m:T}            | T = s d 2s 4s 2d
fp.recip   | frecpx                                        | {d:T}, {n:T}                   | T = s d
fp.cmp     | fcmp fcmpe                                    | {n:T}, {m:T}                   | T = s d
fp.cmp     | fcmp fcmpe                                    | {n:T}, #0.0                    | T = s d
fp.cmp     | fccmp fccmpe                                  | {n:T}, {m:T}, #{#0..15}, {cond} | T = s d
fp.cmp     | fcsel                                         | {d:T}, {n:T}, {m:T}, {cond}    | T = s d
fp.cmp     | fcmeq fcmge fcmgt facge facgt                 | {d:T}, {n:T}, {m:T}            | T = s d 2s 4s 2d
fp.cmp     | fcmeq fcmge fcmgt fcmle fcmlt                 | {d:T}, {n:T}, #0.0             | T = s d 2s 4s 2d
fp.mov     | fabs fneg                                     | {d:T}, {n:T}                   | T = s d 2s 4s 2d
fp.mov     | fmov                                          | {d:T}, {n:T}                   | T = s d
fp.mov     | fmov                                          | {d:T}, #{fpimm}                | T = s d 2s 4s 2d
fp.mov     | fmov                                          | {d:A}, {n:B}                   | A/B = w/s s/w x/d d/x
fp.mov     | fmov                                          | {d:x}, {n:V}.d[1]              |
fp.mov     | fmov                                          | {d:V}.d[1], {n:x}              |
fp.cvt     | fcvt                                          | {d:A}, {n:B}                   | A/B = s/d d/s h/s s/h h/d d/h
fp.cvt     | fcvtns fcvtnu fcvtps fcvtpu fcvtms fcvtmu fcvtzs fcvtzu fcvtas fcvtau | {d:R}, {n:F} | R/F = w/s x/s w/d x/d
fp.cvt     | fcvtns fcvtnu fcvtps fcvtpu fcvtms fcvtmu fcvtzs fcvtzu fcvtas fcvtau | {d:T}, {n:T} | T = s d 2s 4s 2d
fp.cvt     | fcvtzs fcvtzu                                 | {d:R}, {n:F}, #{#1..eb(R)}     | R/F = w/s x/s w/d x/d
fp.cvt     | fcvtzs fcvtzu                                 | {d:T}, {n:T}, #{#1..eb(T)}     | T = s d 2s 4s 2d
fp.cvt     | scvtf ucvtf                                   | {d:F}, {n:R}                   | F/R = s/w s/x d/w d/x
fp.cvt     | scvtf ucvtf                                   | {d:F}, {n:R}, #{#1..eb(R)}     | F/R = s/w s/x d/w d/x
fp.cvt     | scvtf ucvtf                                   | {d:T}, {n:T:i}                 | T = s d 2s 4s 2d
fp.cvt     | scvtf ucvtf                                   | {d:T}, {n:T:i}, #{#1..eb(T)}   | T = s d 2s 4s 2d
fp.cvt     | fcvtxn                                        | {d:A}, {n:B}                   | A/B = s/d 2s/2d
fp.cvt     | fcvtxn2                                       | {d:4s}, {n:2d}                 |
fp.cvt     | fcvtl                                         | {d:A}, {n:B}                   | A/B = 4s/4h 2d/2s
fp.cvt     | fcvtl2                                        | {d:A}, {n:B}                   | A/B = 4s/8h 2d/4s
fp.cvt     | fcvtn                                         | {d:A}, {n:B}                   | A/B = 4h/4s 2s/2d
fp.cvt     | fcvtn2                                        | {d:A}, {n:B}                   | A/B = 8h/4s 4s/2d
fp.pair    | faddp fmaxp fmaxnmp fminp fminnmp             | {d:T}, {n:T}, {m:T}            | T = 2s 4s 2d
fp.pair    | faddp fmaxp fmaxnmp fminp fminnmp             | {d:S}, {n:T}                   | S/T = s/2s d/2d
fp.across  | fmaxv fmaxnmv fminv fminnmv                   | {d:s}, {n:4s}                  |
fp.elem    | fmul fmla fmls fmulx                          | {d:T}, {n:T}, {m:S[]:e}        | T/S = 2s/s 4s/s 2d/d s/s d/d
# ---- integer SIMD: three registers, same type -----------------------------------------------
int.3same  | add sub sqadd uqadd sqsub uqsub cmeq cmge cmgt cmhi cmhs cmtst | {d:T}, {n:T}, {m:T} | T = 8b 16b 4h 8h 2s 4s 2d
int.3same  | sshl ushl sqshl uqshl srshl urshl sqrshl uqrshl | {d:T}, {n:T}, {m:T:sh}       | T = 8b 16b 4h 8h 2s 4s 2d
int.3same  | mul mla mls shadd uhadd srhadd urhadd shsub uhsub smax umax smin umin smaxp umaxp sminp uminp sabd uabd saba uaba | {d:T}, {n:T}, {m:T} | T = 8b 16b 4h 8h 2s 4s
int.3same  | addp                                          | {d:T}, {n:T}, {m:T}            | T = 8b 16b 4h 8h 2s 4s 2d
int.3same  | sqdmulh sqrdmulh                              | {d:T}, {n:T}, {m:T}            | T = 4h 8h 2s 4s
int.3same  | pmul and bic orr orn eor bsl bit bif          | {d:T}, {n:T}, {m:T}            | T = 8b 16b
int.3same  | mov                                           | {d:T}, {n:T}                   | T = 8b 16b
# ---- three registers, different types ---------------------------------------------------------
int.3diff  | saddl uaddl ssubl usubl sabal uabal sabdl uabdl smlal umlal smlsl umlsl smull umull | {d:W}, {n:N}, {m:N} | W/N = 8h/8b 4s/4h 2d/2s
int.3diff  | saddl2 uaddl2 ssubl2 usubl2 sabal2 uabal2 sabdl2 uabdl2 smlal2 umlal2 smlsl2 umlsl2 smull2 umull2 | {d:W}, {n:N}, {m:N} | W/N = 8h/16b 4s/8h 2d/4s
int.3diff  | saddw uaddw ssubw usubw                       | {d:W}, {n:W}, {m:N}            | W/N = 8h/8b 4s/4h 2d/2s
int.3diff  | saddw2 uaddw2 ssubw2 usubw2                   | {d:W}, {n:W}, {m:N}            | W/N = 8h/16b 4s/8h 2d/4s
int.3diff  | addhn raddhn subhn rsubhn                     | {d:N}, {n:W}, {m:W}            | N/W = 8b/8h 4h/4s 2s/2d
int.3diff  | addhn2 raddhn2 subhn2 rsubhn2                 | {d:N}, {n:W}, {m:W}            | N/W = 16b/8h 8h/4s 4s/2d
int.3diff  | sqdmlal sqdmlsl sqdmull                       | {d:W}, {n:N}, {m:N}            | W/N = 4s/4h 2d/2s
int.3diff  | sqdmlal2 sqdmlsl2 sqdmull2                    | {d:W}, {n:N}, {m:N}            | W/N = 4s/8h 2d/4s
int.3diff  | pmull                                         | {d:8h}, {n:8b}, {m:8b}         |
int.3diff  | pmull2                                        | {d:8h}, {n:16b}, {m:16b}       |
# ---- two-register miscellaneous ---------------------------------------------------------------
int.misc   | rev16 cnt not rbit                            | {d:T}, {n:T}                   | T = 8b 16b
int.misc   | rev32                                         | {d:T}, {n:T}                   | T = 8b 16b 4h 8h
int.misc   | rev64 cls clz                                 | {d:T}, {n:T}                   | T = 8b 16b 4h 8h 2s 4s
int.misc   | saddlp uaddlp sadalp uadalp                   | {d:W}, {n:N}                   | W/N = 4h/8b 8h/16b 2s/4h 4s/8h 1d/2s 2d/4s
int.misc   | suqadd usqadd sqabs sqneg abs neg             | {d:T}, {n:T}                   | T = 8b 16b 4h 8h 2s 4s 2d
int.misc   | cmgt cmeq cmlt cmge cmle                      | {d:T}, {n:T}, #0               | T = 8b 16b 4h 8h 2s 4s 2d
int.misc   | xtn sqxtn uqxtn sqxtun                        | {d:N}, {n:W}                   | N/W = 8b/8h 4h/4s 2s/2d
int.misc   | xtn2 sqxtn2 uqxtn2 sqxtun2                    | {d:N}, {n:W}                   | N/W = 16b/8h 8h/4s 4s/2d
int.misc   | shll                                          | {d:W}, {n:N}, #{=eb(N)}        | W/N = 8h/8b 4s/4h 2d/2s
int.misc   | shll2                                         | {d:W}, {n:N}, #{=eb(N)}        | W/N = 8h/16b 4s/8h 2d/4s
int.misc   | urecpe ursqrte                                | {d:T}, {n:T}                   | T = 2s 4s
# ---- shift by immediate -----------------------------------------------------------------------
int.shift  | sshr ushr ssra usra srshr urshr srsra ursra sri | {d:T}, {n:T}, #{#1..eb(T)}   | T = 8b 16b 4h 8h 2s 4s 2d
int.shift  | shl sli sqshl uqshl sqshlu                    | {d:T}, {n:T}, #{#0..eb(T)-1}   | T = 8b 16b 4h 8h 2s 4s 2d
int.shift  | shrn rshrn sqshrn uqshrn sqrshrn uqrshrn sqshrun sqrshrun | {d:N}, {n:W}, #{#1..eb(N)} | N/W = 8b/8h 4h/4s 2s/2d
int.shift  | shrn2 rshrn2 sqshrn2 uqshrn2 sqrshrn2 uqrshrn2 sqshrun2 sqrshrun2 | {d:N}, {n:W}, #{#1..eb(N)} | N/W = 16b/8h 8h/4s 4s/2d
int.shift  | sshll ushll                                   | {d:W}, {n:N}, #{#0..eb(N)-1}   | W/N = 8h/8b 4s/4h 2d/2s
int.shift  | sshll2 ushll2                                 | {d:W}, {n:N}, #{#0..eb(N)-1}   | W/N = 8h/16b 4s/8h 2d/4s
# ---- across lanes -----------------------------------------------------------------------------
int.across | addv smaxv umaxv sminv uminv                  | {d:S}, {n:T}                   | S/T = b/8b b/16b h/4h h/8h s/4s
int.across | saddlv uaddlv                                 | {d:S}, {n:T}                   | S/T = h/8b h/16b s/4h s/8h d/4s
# ---- copy -------------------------------------------------------------------------------------
int.copy   | dup                                           | {d:T}, {n:S[]}                 | T/S = 8b/b 16b/b 4h/h 8h/h 2s/s 4s/s 2d/d
int.copy   | dup                                           | {d:T}, {n:R}                   | T/R = 8b/w 16b/w 4h/w 8h/w 2s/w 4s/w 2d/x
int.copy   | ins                                           | {d:S[]}, {n:S[]}               | S = b h s d
int.copy   | ins                                           | {d:S[]}, {n:R}                 | S/R = b/w h/w s/w d/x
int.copy   | umov                                          | {d:R}, {n:S[]}                 | R/S = w/b w/h w/s x/d
int.copy   | smov                                          | {d:R}, {n:S[]}                 | R/S = w/b w/h x/b x/h x/s
# ---- modified immediate -----------------------------------------------------------------------
int.imm    | movi                                          | {d:T}, #{#0..255}              | T = 8b 16b
int.imm    | movi mvni orr bic                             | {d:T}, #{#0..255}, lsl #{=0,8} | T = 4h 8h
int.imm    | movi mvni orr bic                             | {d:T}, #{#0..255}, lsl #{=0,8,16,24} | T = 2s 4s
int.imm    | movi mvni                                     | {d:T}, #{#0..255}, msl #{=8,16} | T = 2s 4s
int.imm    | movi                                          | {d:T}, #{bytemask}             | T = d 2d
# ---- permutes ---------------------------------------------------------------------------------
int.perm   | zip1 zip2 uzp1 uzp2 trn1 trn2                 | {d:T}, {n:T}, {m:T}            | T = 8b 16b 4h 8h 2s 4s 2d
int.perm   | ext                                           | {d:T}, {n:T}, {m:T}, #{#0..bytes(T)-1} | T = 8b 16b
int.perm   | tbl tbx                                       | {d:T}, {n:16b*L}, {m:T:tix}    | T = 8b 16b; L = 1 2 3 4
# ---- by element -------------------------------------------------------------------------------
int.elem   | mul mla mls sqdmulh sqrdmulh                  | {d:T}, {n:T}, {m:S[]:e}        | T/S = 4h/h 8h/h 2s/s 4s/s
int.elem   | smull umull smlal umlal smlsl umlsl sqdmull sqdmlal sqdmlsl | {d:W}, {n:N}, {m:S[]:e} | W/N/S = 4s/4h/h 2d/2s/s
int.elem   | smull2 umull2 smlal2 umlal2 smlsl2 umlsl2 sqdmull2 sqdmlal2 sqdmlsl2 | {d:W}, {n:N}, {m:S[]:e} | W/N/S = 4s/8h/h 2d/4s/s
# ---- scalar forms of the SIMD operations ------------------------------------------------------
int.scalar | add sub cmeq cmge cmgt cmhi cmhs cmtst       | {d:d}, {n:d}, {m:d}            |
int.scalar | sshl ushl srshl urshl                         | {d:d}, {n:d}, {m:d:sh}         |
int.scalar | sqadd uqadd sqsub uqsub                       | {d:S}, {n:S}, {m:S}            | S = b h s d
int.scalar | sqshl uqshl sqrshl uqrshl                     | {d:S}, {n:S}, {m:S:sh}         | S = b h s d
int.scalar | sqdmulh sqrdmulh                              | {d:S}, {n:S}, {m:S}            | S = h s
int.scalar | sqdmlal sqdmlsl sqdmull                       | {d:W}, {n:N}, {m:N}            | W/N = s/h d/s
int.scalar | suqadd usqadd sqabs sqneg                     | {d:S}, {n:S}                   | S = b h s d
int.scalar | abs neg                                       | {d:d}, {n:d}                   |
int.scalar | cmgt cmeq cmlt cmge cmle                      | {d:d}, {n:d}, #0               |
int.scalar | sqxtn uqxtn sqxtun                            | {d:N}, {n:W}                   | N/W = b/h h/s s/d
int.scalar | sshr ushr ssra usra srshr urshr srsra ursra sri | {d:d}, {n:d}, #{#1..64}      |
int.scalar | shl sli                                       | {d:d}, {n:d}, #{#0..63}        |
int.scalar | sqshl uqshl sqshlu                            | {d:S}, {n:S}, #{#0..eb(S)-1}   | S = b h s d
int.scalar | sqshrn uqshrn sqrshrn uqrshrn sqshrun sqrshrun | {d:N}, {n:W}, #{#1..eb(N)}    | N/W = b/h h/s s/d
int.scalar | addp                                          | {d:d}, {n:2d}                  |
int.scalar | dup                                           | {d:S}, {n:S[]}                 | S = b h s d
int.scalar | sqdmulh sqrdmulh                              | {d:S}, {n:S}, {m:S[]:e}        | S = h s
int.scalar | sqdmull sqdmlal sqdmlsl                       | {d:W}, {n:N}, {m:N[]:e}        | W/N = s/h d/s
# ---- loads and stores of SIMD&FP registers (MMU off: every access aligned to its element) -----
ls.multi   | ld1 st1                                       | {D:T*L}, [{b:x}]               | T = 8b 16b 4h 8h 2s 4s 1d 2d; L = 1 2 3 4
ls.multi   | ld1 st1                                       | {D:T*L}, [{b:x}], #{=L*bytes(T)} | T = 8b 16b 4h 8h 2s 4s 1d 2d; L = 1 2 3 4
ls.multi   | ld1 st1                                       | {D:T*L}, [{b:x}], {r:x:any}    | T = 8b 16b 4h 8h 2s 4s 1d 2d; L = 1 2 3 4
ls.multi   | ld2 st2 ld3 st3 ld4 st4                       | {D:T*L}, [{b:x}]               | T = 8b 16b 4h 8h 2s 4s 2d; L = 0
ls.multi   | ld2 st2 ld3 st3 ld4 st4                       | {D:T*L}, [{b:x}], #{=L*bytes(T)} | T = 8b 16b 4h 8h 2s 4s 2d; L = 0
ls.multi   | ld2 st2 ld3 st3 ld4 st4                       | {D:T*L}, [{b:x}], {r:x:any}    | T = 8b 16b 4h 8h 2s 4s 2d; L = 0
ls.lane    | ld1 st1 ld2 st2 ld3 st3 ld4 st4               | {D:S*L[]}, [{b:x}]             | S = b h s d; L = 0
ls.lane    | ld1 st1 ld2 st2 ld3 st3 ld4 st4               | {D:S*L[]}, [{b:x}], #{=L*bytes(S)} | S = b h s d; L = 0
ls.lane    | ld1 st1 ld2 st2 ld3 st3 ld4 st4               | {D:S*L[]}, [{b:x}], {r:x:any}  | S = b h s d; L = 0
ls.rep     | ld1r ld2r ld3r ld4r                           | {D:T*L}, [{b:x}]               | T = 8b 16b 4h 8h 2s 4s 1d 2d; L = 0
ls.rep     | ld1r ld2r ld3r ld4r                           | {D:T*L}, [{b:x}], #{=L*ebytes(T)} | T = 8b 16b 4h 8h 2s 4s 1d 2d; L = 0
ls.rep     | ld1r ld2r ld3r ld4r                           | {D:T*L}, [{b:x}], {r:x:any}    | T = 8b 16b 4h 8h 2s 4s 1d 2d; L = 0
ls.reg     | ldr str                                       | {D:S}, [{b:x}, #{#0..min(4095*bytes(S),8192)%bytes(S)}] | S = b h s d q
ls.reg     | ldr str                                       | {D:S}, [{b:x}, #{#-256..255%bytes(S)}]! | S = b h s d q
ls.reg     | ldr str                                       | {D:S}, [{b:x}], #{#-256..255%bytes(S)} | S = b h s d q
ls.reg     | ldur stur                                     | {D:S}, [{b:x}, #{#-256..255%bytes(S)}] | S = b h s d q
ls.reg     | ldr str                                       | {D:S}, [{b:x}, {r:x:off}]      | S = b h s d q
ls.reg     | ldr str                                       | {D:S}, [{b:x}, {r:x:idx}, lsl #{=log2(bytes(S))}] | S = b h s d q
ls.reg     | ldr str                                       | {D:S}, [{b:x}, {r:w:uoff}, uxtw] | S = b h s d q
ls.reg     | ldr str                                       | {D:S}, [{b:x}, {r:w:uidx}, uxtw #{=log2(bytes(S))}] | S = b h s d q
ls.reg     | ldr str                                       | {D:S}, [{b:x}, {r:w:off}, sxtw] | S = b h s d q
ls.reg     | ldr str                                       | {D:S}, [{b:x}, {r:w:idx}, sxtw #{=log2(bytes(S))}] | S = b h s d q
ls.reg     | ldr str                                       | {D:S}, [{b:x}, {r:x:off}, sxtx] | S = b h s d q
ls.reg     | ldr str                                       | {D:S}, [{b:x}, {r:x:idx}, sxtx #{=log2(bytes(S))}] | S = b h s d q
ls.reg     | ldr                                           | {D:S}, {lit}                   | S = s d q
ls.pair    | ldp stp ldnp stnp                             | {D:S}, {E:S}, [{b:x}, #{#-64*bytes(S)..63*bytes(S)%bytes(S)}] | S = s d q
ls.pair    | ldp stp                                       | {D:S}, {E:S}, [{b:x}, #{#-64*bytes(S)..63*bytes(S)%bytes(S)}]! | S = s d q
ls.pair    | ldp stp                                       | {D:S}, {E:S}, [{b:x}], #{#-64*bytes(S)..63*bytes(S)%bytes(S)} | S = s d q
"""

# ---- sizes ------------------------------------------------------------------------------------

SCALAR_BITS = {"b": 8, "h": 16, "s": 32, "d": 64, "q": 128}
GPR_BITS = {"w": 32, "x": 64}


def eb(c):
    """Element bits of a scalar size, arrangement or GPR class."""
    if c in SCALAR_BITS:
        return SCALAR_BITS[c]
    if c in GPR_BITS:
        return GPR_BITS[c]
    if c == "V":
        return 64
    return SCALAR_BITS[c[-1]]


def lanes(c):
    """(lane bits, lanes holding operands) of a V register of class c."""
    if c in SCALAR_BITS:
        return SCALAR_BITS[c], 1
    if c == "V":
        return 64, 2
    return SCALAR_BITS[c[-1]], int(c[:-1])


def nbytes(c):
    if c in SCALAR_BITS:
        return SCALAR_BITS[c] // 8
    if c in GPR_BITS:
        return GPR_BITS[c] // 8
    bits, n = lanes(c)
    return bits * n // 8


EXPR_NAMES = {"eb": eb, "ebytes": lambda c: eb(c) // 8, "bytes": nbytes, "log2": lambda v: int(math.log2(v)),
              "min": min, "max": max}


def evaluate(expr, env):
    names = {k: int(v) if v.isdigit() else v for k, v in env.items()}
    return eval(expr, {"__builtins__": {}}, {**EXPR_NAMES, **names})  # noqa: S307 (our own table)


# ---- special values ---------------------------------------------------------------------------

def f32(x):
    b = struct.pack("<f", x)
    assert struct.unpack("<f", b)[0] == x, x
    return int.from_bytes(b, "little")


def f64(x):
    return int.from_bytes(struct.pack("<d", x), "little")


def _specials():
    """Bit patterns worth trying per format: zeros, denormals (smallest, largest), min/max
    normals, infinities, quiet and signalling NaNs with payloads, small integers and halves
    (ties for FRINT*), ties of addition, FRECPE's overflow and underflow thresholds, integers
    around 2^31, 2^32, 2^63, 2^64 (conversions), and the boundaries of the narrower formats
    (FLT_MAX, FLT_MIN, 65504, 65520 and ties in single or half precision) in the wider ones."""
    h = [0x0000, 0x8000, 0x0001, 0x8001, 0x03FF, 0x83FF, 0x0200, 0x0400, 0x8400, 0x0401, 0x7BFF, 0xFBFF,
         0x7C00, 0xFC00, 0x7E00, 0xFE00, 0x7E55, 0xFF01, 0x7C01, 0xFD55, 0x7DFF, 0x3C00, 0xBC00, 0x4000,
         0x3800, 0xB800, 0x3E00, 0x4100, 0x3C01, 0x3BFF, 0x7800, 0x5BFF, 0x7A00]
    s = [0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF, 0x00400000, 0x00000100,
         0x00800000, 0x80800000, 0x00800001, 0x7F7FFFFF, 0xFF7FFFFF, 0x7F000000, 0x7F7FFFFE,
         0x7F800000, 0xFF800000,
         0x7FC00000, 0xFFC00000, 0x7FC12345, 0xFFD5A5A5, 0x7F800001, 0xFF800001, 0x7FA54321, 0x7FBFFFFF,
         0x00200000, 0x001FFFFF, 0x00100000, 0x7E800000, 0x7E7FFFFF, 0x7E000000]
    s += [f32(x) for x in (1.0, -1.0, 2.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.0, 0.25,
                           2 ** -24, 2 ** -25, 2 ** -23, 1.5 * 2 ** -24, 1 + 2 ** -23, 1 - 2 ** -24,
                           0.5 - 2 ** -25, 2 ** 22 + 0.5, 2 ** 23, 2 ** 24 - 1, 2 ** 24, 2 ** 23 + 1,
                           2 ** 31, 2 ** 31 - 128, -2 ** 31, -2 ** 31 - 256, 2 ** 32, 2 ** 32 - 256,
                           2 ** 63, 2 ** 63 - 2 ** 39, -2 ** 63, -2 ** 63 - 2 ** 40, 2 ** 64, 2 ** 64 - 2 ** 40,
                           -(1 - 2 ** -24), 65504.0, 65520.0, 65519.99609375, 65536.0, 2 ** -14, 2 ** -14 - 2 ** -24,
                           2 ** -25 + 2 ** -48, 1 + 2 ** -11, 1 + 3 * 2 ** -11, 1 + 2 ** -11 + 2 ** -23, 2 ** -26)]
    s.append(0x3EAAAAAB)            # 1/3
    d = [0, 1 << 63, 1, (1 << 63) | 1, 0x000FFFFFFFFFFFFF, 0x800FFFFFFFFFFFFF, 0x0008000000000000,
         0x0010000000000000, 0x8010000000000000, 0x0010000000000001, 0x7FEFFFFFFFFFFFFF, 0xFFEFFFFFFFFFFFFF,
         0x7FE0000000000000, 0x7FF0000000000000, 0xFFF0000000000000,
         0x7FF8000000000000, 0xFFF8000000000000, 0x7FF8000012345678, 0xFFFA5A5A5A5A5A5A, 0x7FF0000000000001,
         0xFFF0000000000001, 0x7FF4321012345678, 0x7FF7FFFFFFFFFFFF,
         0x0004000000000000, 0x0003FFFFFFFFFFFF, 0x7FD0000000000000, 0x7FCFFFFFFFFFFFFF,
         0x3FD5555555555555,                                         # 1/3
         0x47EFFFFFE0000000, 0x47EFFFFFF0000000, 0x47EFFFFFEFFFFFFF, 0x47F0000000000000,  # around FLT_MAX
         0x3810000000000000, 0x380FFFFFFFFFFFFF, 0x36A0000000000000, 0x3690000000000000,  # FLT_MIN, denormals
         0x3690000000000001, 0x3698000000000000, 0x3FF0000010000000, 0x3FF0000010000001,  # ties in single
         0x3FF0000030000000, 0x3FF0000020000000, 0x3FF000001FFFFFFF]
    d += [f64(x) for x in (1.0, -1.0, 2.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.0, 0.25,
                           2 ** -53, 2 ** -54, 2 ** -52, 1.5 * 2 ** -53, 1 + 2 ** -52, 1 - 2 ** -53,
                           0.5 - 2 ** -54, 2 ** 51 + 0.5, 2 ** 52, 2 ** 53, 2 ** 53 - 1, 2 ** 24 + 1,
                           2 ** 31, 2 ** 31 - 1, 2 ** 31 - 0.5, 2 ** 31 + 0.5, -2 ** 31, -2 ** 31 - 1, -2 ** 31 - 0.5,
                           -2 ** 31 + 0.5, 2 ** 32, 2 ** 32 - 1, 2 ** 32 - 0.5, 2 ** 32 + 0.5,
                           2 ** 63, 2 ** 63 - 1024, -2 ** 63, -2 ** 63 - 2048, 2 ** 64, 2 ** 64 - 2048,
                           -(1 - 2 ** -53), 65504.0, 65520.0, 65519.99999, 65536.0, 2 ** -14, 2 ** -24, 2 ** -25,
                           2 ** -25 + 2 ** -60, 1 + 2 ** -11, 1 + 3 * 2 ** -11, 1 + 2 ** -11 + 2 ** -40)]
    return {16: sorted(set(h)), 32: sorted(set(s)), 64: sorted(set(d))}


FP_SPECIALS = _specials()
FP_FORMAT = {16: (5, 10), 32: (8, 23), 64: (11, 52)}     # exponent bits, fraction bits


def int_edges(e):
    m = (1 << e) - 1
    smax, smin = (1 << (e - 1)) - 1, 1 << (e - 1)
    v = {0, 1, 2, 3, m, m - 1, smax, smax - 1, smin, smin + 1, 0x5555555555555555 & m, 0xAAAAAAAAAAAAAAAA & m}
    if e >= 16:
        h = e // 2
        v |= {(1 << (h - 1)) - 1, 1 << (h - 1), (1 << h) - 1, 1 << h, (-(1 << (h - 1))) & m,
              (-(1 << (h - 1)) - 1) & m, ((1 << h) + 1) & m, (-(1 << h)) & m}
    if e >= 32:
        v |= {0x7FFFFFFF & m, 0x80000000 & m, 0xFFFFFFFF & m, 0x100000000 & m, 0x1000001 & m, 0xFFFFFF & m,
              0x7FFFFFC0 & m, 0x7FFFFF80 & m, 0xFFFFFF80 & m, 0x80000080 & m}
    if e >= 64:
        v |= {0x20000000000001, 0x1FFFFFFFFFFFFF, 0x7FFFFFFFFFFFFC00, 0x7FFFFFFFFFFFFE00, 0xFFFFFFFFFFFFF800,
              0xFFFFFFFFFFFFFC00, 0x8000000000000400, 0x8000008000000000, 0xFFFFFFFF80000000, 0x7FFFFF8000000000}
    return sorted(v)


INT_EDGES = {e: int_edges(e) for e in (8, 16, 32, 64)}


class Values:
    """Operand values for one form instance (its own seeded generator)."""

    def __init__(self, r):
        self.r = r

    def bits(self, n):
        return self.r.getrandbits(n)

    def fp(self, e):
        r = self.r
        if e not in FP_SPECIALS:
            return self.integer(e)
        p = r.random()
        if p < 0.45:
            v = r.choice(FP_SPECIALS[e])
            return v ^ (1 << (e - 1)) if r.random() < 0.2 else v
        if p < 0.7:
            ebits, fbits = FP_FORMAT[e]
            emax = (1 << ebits) - 1
            exp = r.choice([0, 0, 1, 2, emax - 1, emax - 2, emax // 2, emax // 2 + 1, emax // 2 - 1,
                            r.randrange(emax), emax // 2 + r.randrange(-fbits - 3, fbits + 4),
                            emax // 2 + 31, emax // 2 + 32, emax // 2 + 63, emax // 2 + 64])
            exp = min(max(exp, 0), emax - 1)
            frac = r.choice([0, (1 << fbits) - 1, r.getrandbits(fbits), 1 << r.randrange(fbits),
                             r.getrandbits(4) << (fbits - 4), 1, (1 << fbits) - 1 - r.getrandbits(3)])
            return (r.getrandbits(1) << (e - 1)) | (exp << fbits) | frac
        return r.getrandbits(e)

    def integer(self, e):
        # one draw decides the kind of value and which one (this runs for millions of lanes)
        r = self.r
        p = r.random()
        if p < 0.4:
            edges = INT_EDGES[e]
            return edges[int(p * 2.5 * len(edges))]
        if p < 0.5:
            return (int((p - 0.4) * 330) - 16) & ((1 << e) - 1)
        if p < 0.6:
            return r.getrandbits(1 + int((p - 0.5) * 10 * e))
        return r.getrandbits(e)

    def integers(self, e, n):
        """n integer lanes at once: as integer(), in fewer draws."""
        r = self.r
        edges = INT_EDGES[e]
        m = (1 << e) - 1
        kinds = r.getrandbits(4 * n)
        picks = r.getrandbits(16 * n)
        out = []
        for i in range(n):
            kind = kinds >> (4 * i) & 15
            pick = picks >> (16 * i) & 0xFFFF
            if kind < 6:
                out.append(edges[pick % len(edges)])
            elif kind == 6:
                out.append((pick % 33 - 16) & m)
            elif kind == 7:
                out.append(r.getrandbits(1 + pick % e))
            else:
                out.append(r.getrandbits(e))
        return out

    def shift(self, e):
        """A lane for SSHL and friends: the shift is the signed low byte."""
        r = self.r
        if r.random() < 0.85:
            amount = r.choice(list(range(-e - 2, e + 3)) + [127, -128, 64, -64, 100, -100]) & 0xFF
        else:
            amount = r.getrandbits(8)
        upper = r.getrandbits(e - 8) if e > 8 and r.random() < 0.7 else 0
        return (upper << 8) | amount

    def lane(self, cls, e, tix_limit=0):
        if cls == "f":
            return self.fp(e)
        if cls == "sh":
            return self.shift(e)
        if cls == "tix":
            return (self.r.randrange(tix_limit + 8) if self.r.random() < 0.85 else self.r.getrandbits(8)) \
                if e == 8 else self.bits(e)
        return self.integer(e)

    # -- related operands for one lane of two or three FP inputs ----------------------------------
    def fp_joint(self, e, n):
        r = self.r
        sign = 1 << (e - 1)
        ebits, fbits = FP_FORMAT[e]
        inf = ((1 << ebits) - 1) << fbits
        qnan = inf | (1 << (fbits - 1))
        snan = inf | 1 | (r.getrandbits(fbits - 2) << 1)
        qpay = qnan | r.getrandbits(fbits - 1)
        x = self.fp(e)
        k = r.randrange(9)
        if k == 0:
            vals = [x, x]
        elif k == 1:
            vals = [x, x ^ sign]
        elif k == 2:
            vals = r.choice([[0, inf], [inf, 0], [sign, inf], [inf | sign, 0], [inf, inf | sign], [inf, inf],
                             [0, sign], [sign, sign]])
        elif k == 3:
            vals = r.choice([[snan, qpay], [qpay, snan], [qnan | sign, qpay], [x, snan], [snan, x], [x, qpay],
                             [snan | sign, snan]])
        elif k == 4:                                   # x + y is a tie (or near one) for addition
            exp = r.randrange(fbits + 3, (1 << ebits) - 2)
            xv = (r.getrandbits(1) << (e - 1)) | (exp << fbits) | r.getrandbits(fbits)
            yexp = exp - fbits - 1
            yfrac = r.choice([0, 0, 1, (1 << fbits) - 1, 1 << (fbits - 1)])
            vals = [xv, (r.getrandbits(1) << (e - 1)) | (yexp << fbits) | yfrac]
        elif k == 5:                                   # overflow
            big = ((1 << ebits) - 2) << fbits | r.getrandbits(fbits)
            vals = [big, r.choice([big, big ^ sign, (1 << (ebits - 1)) << fbits])]
        elif k == 6:                                   # underflow to denormals
            tiny = (1 << fbits) | r.getrandbits(fbits)
            half = ((1 << (ebits - 1)) - 2) << fbits | r.getrandbits(fbits)
            vals = [tiny, r.choice([half, tiny, tiny ^ sign])]
        else:
            vals = [x, self.fp(e)]
        if r.random() < 0.5:
            vals.reverse()
        while len(vals) < n:
            vals.append(self.fp_addend(e, vals[0], vals[1]))
        return vals[:n]

    def fp_addend(self, e, a, b):
        """A third operand for the fused multiply-adds: often minus the rounded product, so
        the fused and the unfused result differ; sometimes a NaN, with 0 * inf."""
        r = self.r
        if e in (32, 64) and r.random() < 0.5:
            code = "<f" if e == 32 else "<d"
            fa, fb = (struct.unpack(code, x.to_bytes(e // 8, "little"))[0] for x in (a, b))
            try:
                p = fa * fb
                if math.isfinite(p):
                    bits = f32(struct.unpack("<f", struct.pack("<f", p))[0]) if e == 32 else f64(p)
                    return bits ^ (1 << (e - 1)) if r.random() < 0.8 else bits
            except (OverflowError, AssertionError):
                pass
        return self.fp(e)

    def int_joint(self, e, n):
        r = self.r
        m = (1 << e) - 1
        x = self.integer(e)
        smin = 1 << (e - 1)
        vals = r.choice([[x, x], [smin, smin], [smin, m], [m, smin], [smin - 1, smin - 1], [x, (x + 1) & m],
                         [x, (x - 1) & m], [0, x], [x, (-x) & m]])
        while len(vals) < n:
            vals.append(self.integer(e))
        return vals[:n]


# ---- the table --------------------------------------------------------------------------------

class Line:
    def __init__(self, number, group, mnemonics, operands, variables):
        self.number, self.group, self.mnemonics, self.operands = number, group, mnemonics, operands
        self.variables = variables       # list of dicts (the combinations)


def parse_variables(spec):
    spec = spec.strip()
    if not spec:
        return [{}]
    axes = []
    for part in spec.split(";"):
        names, values = part.split("=", 1)
        names = names.strip().split("/")
        choices = []
        for v in values.split():
            vs = v.split("/")
            assert len(vs) == len(names), (spec, v)
            choices.append(dict(zip(names, vs)))
        axes.append(choices)
    out = []
    for combo in itertools.product(*axes):
        d = {}
        for c in combo:
            d.update(c)
        out.append(d)
    return out


def parse_table(text=TABLE):
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        cols = [c.strip() for c in raw.split("|")]
        assert len(cols) == 4, raw
        lines.append(Line(number, cols[0], cols[1].split(), cols[2], parse_variables(cols[3])))
    return lines


PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class Slot:
    """A register operand of a form instance."""

    def __init__(self, name, cls, count, lane, flags, env):
        self.name, self.cls, self.count, self.lane, self.flags = name, cls, count, lane, flags
        self.gpr = cls in GPR_BITS
        self.index = None
        self.regs = []
        self.zr = False
        self.vclass = next((f for f in flags if f in ("f", "i", "sh", "tix", "off", "uoff", "idx", "uidx", "any")),
                           None)
        self.by_element = "e" in flags

    def render(self):
        if self.gpr:
            if self.zr:
                return "wzr" if self.cls == "w" else "xzr"
            return f"{self.cls}{self.regs[0]}"
        c = self.cls
        if self.count:
            if self.lane:
                return "{" + ", ".join(f"v{r}.{c}" for r in self.regs) + "}" + f"[{self.index}]"
            return "{" + ", ".join(f"v{r}.{c}" for r in self.regs) + "}"
        r = self.regs[0]
        if c == "V":
            return f"v{r}"
        if self.lane:
            return f"v{r}.{c}[{self.index}]"
        if c in SCALAR_BITS:
            return f"{c}{r}"
        return f"v{r}.{c}"


def parse_slot(body, env):
    parts = body.split(":")
    name, cls = parts[0], parts[1]
    flags = parts[2].split(",") if len(parts) > 2 else []
    lane = cls.endswith("[]")
    if lane:
        cls = cls[:-2]
    count = 0
    if "*" in cls:
        cls, n = cls.split("*")
        count = int(env.get(n, n))
    cls = env.get(cls, cls)
    return Slot(name, cls, count, lane, flags, env)


class Form:
    """One instance: an instruction with its registers and operand sets."""

    def __init__(self, group, mnemonic, text, slots, settings, key):
        self.group, self.mnemonic, self.text, self.slots = group, mnemonic, text, slots
        self.settings = settings
        self.key = key                   # the seed material: the template and its choices
        self.vregs = []                  # (reg, lane bits, lane count, value class, tix limit) in load order
        self.vout = []                   # registers stored after the instruction
        self.gin = []                    # GPR slots loaded before (not ZR)
        self.gout = []                   # GPR slots stored after
        self.base = None
        self.mem = None                  # (base0, align, window lo, window hi, offset class range)
        self.literal = None
        self.inputs = []                 # per execution: list of words

    def sizes(self):
        """Words of inputs per execution, and the stride (even: V registers stay 16-byte aligned)."""
        self.nin = 2 * len(self.vregs) + len(self.gin) + 2
        self.stride = self.nin + (self.nin & 1)


def mnemonic_count(m):
    d = re.search(r"(\d)", m)
    return int(d.group(1)) if d else 1


def expand_line(line, seed):
    """The form instances of one table line (before selection)."""
    forms = []
    for mnemonic in line.mnemonics:
        for env in line.variables:
            forms += expand(line, mnemonic, env, seed)
    return forms


def expand(line, mnemonic, env, seed):
    tmpl = line.operands
    if env.get("L") == "0":              # "L = 0": as many registers as the mnemonic's digit
        env = {**env, "L": str(mnemonic_count(mnemonic))}
    holders = PLACEHOLDER.findall(tmpl)
    # enumerations: every value
    enum_choices = []
    for h in holders:
        if h.startswith("="):
            enum_choices.append([evaluate(x, env) for x in h[1:].split(",")])
    out = []
    envkey = ",".join(f"{k}={v}" for k, v in sorted(env.items()))
    for enum_vals in itertools.product(*enum_choices):
        seen = set()
        base_key = f"{seed}|{line.group}|{mnemonic} {tmpl}|{envkey}|{enum_vals}"
        rs = random.Random("imm|" + base_key)
        # sampled placeholders: (kind, lo, hi, step) or element index ranges
        sampled = []
        for h in holders:
            if h.startswith("#"):
                lo, rest = h[1:].split("..", 1)
                hi, step = (rest.split("%") + ["1"])[:2]
                lo, hi, step = evaluate(lo, env), evaluate(hi, env), evaluate(step, env)
                lo = -((-lo) // step) * step
                hi = (hi // step) * step
                sampled.append(("imm", lo, hi, step))
            elif h in ("cond", "fpimm", "bytemask"):
                sampled.append((h,))
            elif h.startswith("=") or h == "lit":
                pass
            else:
                s = parse_slot(h, env)
                if s.lane:
                    sampled.append(("imm", 0, 128 // eb(s.cls) - 1, 1))
        instances = 3 if sampled else 1
        picks = []
        for k in range(instances):
            pick = []
            for smp in sampled:
                if smp[0] == "imm":
                    _, lo, hi, step = smp
                    if k == 0:
                        v = lo
                    elif k == 1:
                        v = hi
                    else:
                        n = (hi - lo) // step
                        v = lo + step * (rs.randrange(1, n) if n >= 2 else rs.randrange(n + 1))
                elif smp[0] == "cond":
                    v = rs.choice(CONDS)
                elif smp[0] == "fpimm":
                    sign = rs.choice([1, -1])
                    if k == 0:
                        v = sign * 0.125
                    elif k == 1:
                        v = sign * 31.0
                    else:
                        v = sign * (16 + rs.randrange(16)) / 16 * 2.0 ** rs.randrange(-3, 5)
                else:   # bytemask
                    if k == 0:
                        v = 0
                    elif k == 1:
                        v = (1 << 64) - 1
                    else:
                        mask = rs.getrandbits(8)
                        v = sum(0xFF << (8 * i) for i in range(8) if mask >> i & 1)
                pick.append(v)
            t = tuple(pick)
            if t in seen:
                continue
            seen.add(t)
            picks.append(t)
        for pick in picks:
            key = f"{base_key}|{pick}"
            out.append(instantiate(line, mnemonic, env, holders, enum_vals, pick, key))
    return out


def fmt_imm(v):
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, int) and v > 0xFFFF:
        return f"{v:#x}"
    return str(v)


def instantiate(line, mnemonic, env, holders, enum_vals, pick, key):
    r = random.Random("form|" + key)
    group = line.group
    slots, text_parts = [], []
    enum_i = pick_i = 0
    pos = 0
    tmpl = line.operands
    for mt in PLACEHOLDER.finditer(tmpl):
        text_parts.append(tmpl[pos:mt.start()])
        pos = mt.end()
        h = mt.group(1)
        if h.startswith("="):
            text_parts.append(fmt_imm(enum_vals[enum_i]))
            enum_i += 1
        elif h.startswith("#") or h in ("cond", "fpimm", "bytemask"):
            text_parts.append(fmt_imm(pick[pick_i]))
            pick_i += 1
        elif h == "lit":
            text_parts.append("fp_lit")
        else:
            s = parse_slot(h, env)
            if s.lane:
                s.index = pick[pick_i]
                pick_i += 1
            slots.append(s)
            text_parts.append(s)
    text_parts.append(tmpl[pos:])

    ls = group.startswith("ls.")
    load = mnemonic.startswith("ld")
    fp_group = group.startswith("fp.")
    for s in slots:
        if s.name.startswith("d"):
            s.role = "out"
        elif s.name in ("D", "E"):
            s.role = "out" if load else "in"
        elif s.name == "b":
            s.role = "base"
        else:
            s.role = "in"
        if s.vclass is None:
            s.vclass = "f" if fp_group and not ls and not s.gpr else "i"

    # registers
    used_v, used_g = set(), set()
    for s in slots:
        if s.gpr:
            choices = [x for x in range(15) if x not in used_g]
            s.regs = [r.choice(choices)]
            used_g.add(s.regs[0])
            if s.role == "in" and not ls and r.random() < 0.1:
                s.zr = True
        else:
            n = s.count or 1
            limit = 16 if s.by_element and eb(s.cls) == 16 else 32
            while True:
                start = r.randrange(limit)
                regs = [(start + i) % 32 for i in range(n)]
                if not used_v.intersection(regs):
                    break
            s.regs = regs
            used_v.update(regs)
    if not ls and r.random() < 0.25:
        outs = [s for s in slots if not s.gpr and s.role == "out" and not s.count]
        ins = [s for s in slots if not s.gpr and s.role == "in" and not s.count]
        if outs and ins:
            src = r.choice(ins)
            outs[0].regs = [src.regs[0]]

    text = mnemonic + " " + "".join(p.render() if isinstance(p, Slot) else p for p in text_parts)
    settings = ["rn"]
    if fp_group:
        settings = ["rn", "rp", "rm", "rz", "fz", "dn"]
        half = any(not s.gpr and eb(s.cls) == 16 for s in slots)
        if half and (mnemonic.startswith("fcvt")):
            settings.append("ahp")
    form = Form(group, mnemonic, text, slots, settings, key)
    if "fp_lit" in text:
        form.literal = (r.getrandbits(64), r.getrandbits(64))
    # V registers in load order, sources first (a destination that is also a source register
    # gets the source's values: shift amounts, table indices), then destinations; outputs; GPRs
    seen = {}
    for s in sorted(slots, key=lambda s: s.role != "in"):
        if s.gpr:
            continue
        bits, count = (eb(s.cls), 128 // eb(s.cls)) if s.lane else lanes(s.cls)
        for reg in s.regs:
            if reg not in seen:
                tix = 16 * len(next(t.regs for t in slots if t.name == "n")) if s.vclass == "tix" else 0
                seen[reg] = (reg, bits, count, s.vclass, tix, s.role == "in")
                form.vregs.append(seen[reg])
            if s.role == "out" and reg not in form.vout:
                form.vout.append(reg)
    for s in slots:
        if s.gpr and not s.zr:
            form.gin.append(s)
    form.gout = [s for s in slots if s.gpr and s.role == "out"] + [s for s in slots if s.role == "base"]
    assert len(form.vout) <= MAX_VOUT and len(form.gout) <= MAX_XOUT, text
    form.sizes()
    if ls and "[" in text:
        form.mem = memory_shape(form, mnemonic, slots, text)
    return form


def memory_shape(form, mnemonic, slots, text):
    """Where a load/store can reach: (base0, align, lo, hi, register-offset range)."""
    data = next(s for s in slots if s.name == "D")
    if data.lane:                                           # one lane of each register
        span, align = data.count * nbytes(data.cls), nbytes(data.cls)
    elif re.fullmatch(r"ld[1-4]r", mnemonic):               # one element, replicated
        span, align = data.count * eb(data.cls) // 8, eb(data.cls) // 8
    elif re.fullmatch(r"(ld|st)[1-4]", mnemonic):           # whole registers, element by element
        span, align = data.count * nbytes(data.cls), eb(data.cls) // 8
    elif mnemonic in ("ldp", "stp", "ldnp", "stnp"):
        span, align = 2 * nbytes(data.cls), nbytes(data.cls)
    else:
        span, align = nbytes(data.cls), nbytes(data.cls)
    addr = re.search(r"\[x\d+(?:, ([^\]]*))?\](!?)", text).group(1) or ""
    off, rlo, rhi = 0, 0, 0
    m = re.fullmatch(r"#(-?\d+)", addr)
    if m:
        off = int(m.group(1))
    elif addr:
        idx = next(s for s in slots if s.name == "r")
        sh = re.search(r"#(\d+)", addr)
        sh = int(sh.group(1)) if sh else 0
        rlo, rhi = {"off": (-512, 512), "uoff": (0, 512), "idx": (-32 << sh, 32 << sh),
                    "uidx": (0, 32 << sh)}[idx.vclass]
    base0 = max(64, 64 - off - rlo)
    base0 = (base0 + 15) // 16 * 16
    lo = max(0, base0 + off + rlo - 64) // 8 * 8
    hi = min(SCRATCH, (base0 + 256 + off + rhi + span + 64 + 7) // 8 * 8)
    assert base0 + 256 + off + rhi + span <= SCRATCH, text
    return base0, align, lo, hi


# ---- operand sets -----------------------------------------------------------------------------

def make_inputs(form, count):
    r = random.Random("values|" + form.key)
    val = Values(r)
    # per V register: how to make one lane, and the inputs whose lanes may be related
    makers, groups = [], {}
    for (reg, bits, n, cls, tix, is_in) in form.vregs:
        if bits > 64:
            makers.append(lambda b=bits, n=n: [val.bits(b) for _ in range(n)])
        elif cls == "f" and bits >= 16:
            makers.append(lambda b=bits, n=n: [val.fp(b) for _ in range(n)])
        elif cls in ("f", "i"):
            makers.append(lambda b=bits, n=n: val.integers(b, n))
        else:
            makers.append(lambda c=cls, b=bits, t=tix, n=n: [val.lane(c, b, t) for _ in range(n)])
        if is_in and cls in ("f", "i") and bits <= 64 and (cls == "i" or bits >= 16):
            groups.setdefault((bits, n, cls), []).append(len(makers) - 1)
    groups = [(bits, n, cls, members) for (bits, n, cls), members in groups.items() if len(members) > 1]
    rows = []
    for _ in range(count):
        regs = [make() for make in makers]
        for bits, n, cls, members in groups:
            for lane in range(n):
                if r.random() < 0.3:
                    vals = val.fp_joint(bits, len(members)) if cls == "f" else val.int_joint(bits, len(members))
                    for k, v in zip(members, vals):
                        regs[k][lane] = v
        words = []
        for lanes_, (reg, bits, n, cls, tix, is_in) in zip(regs, form.vregs):
            v = 0
            for i, lane in enumerate(lanes_):
                v |= lane << (i * bits)
            used = bits * n
            if used < 128:
                v |= r.getrandbits(128 - used) << used
            words += [v & 0xFFFFFFFFFFFFFFFF, v >> 64]
        for s in form.gin:
            words.append(gpr_value(form, s, val, r))
        words.append(r.getrandbits(4) << 28)            # NZCV
        words.append(r.getrandbits(64) | 1)             # scratch fill seed
        if form.stride > form.nin:
            words.append(0)
        rows.append(words)
    return rows


def gpr_value(form, s, val, r):
    w = s.cls == "w"
    if s.role == "base":
        base0, align = form.mem[0], form.mem[1]
        return base0 + align * r.randrange(256 // align)
    if s.vclass in ("off", "uoff", "idx", "uidx"):
        align = form.mem[1]
        if s.vclass == "off":
            v = align * r.randint(-512 // align, 512 // align)
        elif s.vclass == "uoff":
            v = align * r.randint(0, 512 // align)
        elif s.vclass == "idx":
            v = r.randint(-32, 32)
        else:
            v = r.randint(0, 32)
        v &= (1 << 64) - 1
        if w:
            v = (v & 0xFFFFFFFF) | (r.getrandbits(32) << 32)
        return v
    if s.role == "out":
        return r.getrandbits(64)
    if s.vclass == "f":
        v = val.fp(32 if w else 64)
    else:
        v = val.integer(32 if w else 64)
    if w:
        v |= r.getrandbits(32) << 32
    return v


# ---- selection and output ---------------------------------------------------------------------

def all_forms(seed):
    forms = []
    for line in parse_table():
        forms += expand_line(line, seed)
    return forms


def select(forms, groups=None, pattern=None, keys=None):
    out = []
    rx = re.compile(pattern) if pattern else None
    for f in forms:
        if groups and not any(f.group == g or f.group.startswith(g + ".") or f.group.split(".")[0] == g
                              for g in groups):
            continue
        if rx and not rx.search(f"{f.group}: {f.text}"):
            continue
        if keys is not None and f.text not in keys:
            continue
        out.append(f)
    return out


def generate(seed=1, values=64, groups=None, pattern=None, verbose=False, settings=None, only=None, incbin=None):
    """The assembly text and the selected forms. `only`: {form text: [setting names]} (a rerun).
    `incbin`: a file name; the operand tables are then `.incbin` from it, and input_data(forms)
    is what it must hold (else they are .quad lines in the text)."""
    forms = select(all_forms(seed), groups, pattern, None if only is None else set(only))
    for f in forms:
        if settings:
            f.settings = [s for s in f.settings if s in settings]
        if only is not None:
            f.settings = [s for s in f.settings if s in only[f.text]]
        f.inputs = make_inputs(f, values)
    forms = [f for f in forms if f.settings]
    return emit(seed, values, forms, verbose, incbin), forms


def input_data(forms):
    """The operand tables of the forms, as the .incbin file holds them (little-endian words)."""
    words = array.array("Q", (w for f in forms for row in f.inputs for w in row))
    if sys.byteorder != "little":
        words.byteswap()
    return words.tobytes()


def emit(seed, values, forms, verbose, incbin=None):
    a = [f"/* generated by tools/random_fp.py --seed {seed} --values {values}: {len(forms)} forms */",
         "    .text", "    .p2align 2",
         "fp_zero_v:"] + [f"    movi v{i}.2d, #0" for i in range(32)] + ["    ret",
         "fp_fold_v:"] + [f"    eor v0.16b, v0.16b, v{i}.16b" for i in range(1, 32)] + [
         "    str q0, [x17, #96]", "    ret",
         "    .globl fp_probe_fpcr",
         "fp_probe_fpcr:", "    msr fpcr, x0", "    mrs x0, fpcr", "    msr fpcr, xzr", "    ret"]
    for i, f in enumerate(forms):
        a += emit_form(i, f)
    a += ["    .section .rodata", "    .p2align 4"]
    if incbin:                           # one .incbin (the assembler reads the file once per directive)
        a += ["fp_inputs:", f'    .incbin "{incbin}"']
        offset = 0
        for i, f in enumerate(forms):
            a.append(f"    .set fp_in{i}, fp_inputs + {offset}")
            offset += 8 * sum(len(row) for row in f.inputs)
    else:
        for i, f in enumerate(forms):
            a.append(f"fp_in{i}:")
            for row in f.inputs:
                a.append("    .quad " + ",".join(f"{w:#x}" for w in row))
    a += ["    .globl fp_forms", "    .p2align 3", "fp_forms:"]
    for i, f in enumerate(forms):
        mask = sum(1 << SETTING_INDEX[s] for s in f.settings)
        lo, hi = (f.mem[2], f.mem[3]) if f.mem else (0, 0)
        a.append(f"    .quad fp_f{i}, fp_in{i}, {f.stride}, {f.nin}, {mask:#x}, {1 if f.mem else 0}, {lo}, {hi}")
    a += ["    .globl fp_form_count", f"fp_form_count: .quad {len(forms)}",
          "    .globl fp_values", f"fp_values: .quad {values}",
          "    .globl fp_verbose", f"fp_verbose: .quad {1 if verbose else 0}",
          "    .globl fp_setting_count", f"fp_setting_count: .quad {len(SETTINGS)}",
          "    .globl fp_setting_fpcr", "fp_setting_fpcr: .quad " + ", ".join(f"{v:#x}" for _, v in SETTINGS),
          "    .globl fp_setting_name",
          "fp_setting_name: .quad " + ", ".join(f"fp_sn{i}" for i in range(len(SETTINGS)))]
    a += [f'fp_sn{i}: .asciz "{n}"' for i, (n, _) in enumerate(SETTINGS)]
    return "\n".join(a) + "\n"


def emit_form(i, f):
    nv = len(f.vregs)
    a = [f"/* {f.group}: {f.text} */", "    .p2align 2", f"fp_f{i}:",
         "    stp x29, x30, [sp, #-16]!", "    mov x16, x0", "    mov x17, x1", "    bl fp_zero_v",
         "    msr fpcr, x2", "    msr fpsr, xzr",
         "    adrp x15, fp_scratch", "    add x15, x15, :lo12:fp_scratch",
         f"    ldr x3, [x16, #{8 * (2 * nv + len(f.gin))}]", "    msr nzcv, x3"]
    for k, v in enumerate(f.vregs):
        a.append(f"    ldr q{v[0]}, [x16, #{16 * k}]")
    for j, s in enumerate(f.gin):
        a.append(f"    ldr x{s.regs[0]}, [x16, #{16 * nv + 8 * j}]")
        if s.role == "base":
            a.append(f"    add x{s.regs[0]}, x{s.regs[0]}, x15")
    a += [f"fp_f{i}_insn:", "    " + f.text.replace("fp_lit", f"fp_lit{i}")]
    for k, reg in enumerate(f.vout):
        a.append(f"    str q{reg}, [x17, #{16 * k}]")
    for j, s in enumerate(f.gout):
        if s.role == "base":
            a.append(f"    sub x{s.regs[0]}, x{s.regs[0]}, x15")
        a.append(f"    str x{s.regs[0]}, [x17, #{64 + 8 * j}]")
    a += ["    mrs x3, nzcv", "    str x3, [x17, #80]", "    mrs x3, fpsr", "    str x3, [x17, #88]",
          "    mrs x3, fpcr", "    str x3, [x17, #112]", "    bl fp_fold_v",
          "    ldp x29, x30, [sp], #16", "    ret"]
    if f.literal:
        a += ["    .p2align 4", f"fp_lit{i}:", f"    .quad {f.literal[0]:#x}, {f.literal[1]:#x}"]
    return a


def listing(forms):
    return "".join(f"{i} {f.group} [{','.join(f.settings)}] {f.text}\n" for i, f in enumerate(forms))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--values", type=int, default=64, help="operand sets per form (default 64)")
    p.add_argument("--groups", help="comma-separated groups (fp, int, ls, or fp.cvt, int.perm, ...)")
    p.add_argument("--forms", help="regular expression over 'group: instruction'")
    p.add_argument("--settings", help="comma-separated FPCR settings (" + ",".join(n for n, _ in SETTINGS) + ")")
    p.add_argument("--verbose", action="store_true", help="print every execution")
    p.add_argument("--bin", action="store_true", help="operands in OUT.bin (.incbin), not in the text")
    p.add_argument("out")
    a = p.parse_args()
    stem = a.out.rsplit(".", 1)[0]
    asm, forms = generate(a.seed, a.values, a.groups.split(",") if a.groups else None, a.forms, a.verbose,
                          a.settings.split(",") if a.settings else None,
                          incbin=os.path.abspath(stem + ".bin") if a.bin else None)
    if not forms:
        sys.exit("random_fp.py: no form matches the selection")
    with open(a.out, "w") as f:
        f.write(asm)
    if a.bin:
        with open(stem + ".bin", "wb") as f:
            f.write(input_data(forms))
    with open(stem + ".lst", "w") as f:
        f.write(listing(forms))


if __name__ == "__main__":
    main()
