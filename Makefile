# a64emu — build, run the demo, test.
#
#   make            build the release binary (.build/release/a64emu)
#   make run        build and run the demo guest
#   make run-hyp    the demo guest in a VM of the mini-hypervisor (--hyp --trace hyp)
#   make guests     build every guest ELF into build/guests
#   make check      swift build + swift test + every guest suite (summary line), also
#                   with the guests built without -mgeneral-regs-only
#   make check-disasm   the disassembler against llvm-objdump (part of make check)
#   make check-debugger the console and the GDB stub (part of make check)
#   make check-qemu the same guest ELFs on QEMU and a64emu, compared line by line,
#                   and a64emu's device tree against QEMU's (tools/dtb_compare.py)
#   make check-diff random instruction blocks on a64emu and QEMU, compared
#                   register by register (N=instructions, default 200000)
#   make check-fp   every FP/SIMD form over random and special operands on a64emu
#                   and QEMU (SEEDS=A-B, VALUES=operand sets per form)
#   make bench      the benchmark guests on a64emu and QEMU (a table, bench/results.json,
#                   bench/results.svg; BENCH_RUNS=N, BENCH_ONLY=SUBSTR)
#   make fuzz       libFuzzer on the four untrusted inputs (ELF files, semihosting
#                   calls, GDB packets, console commands), FUZZ_SECONDS (60) each;
#                   FUZZ_MERGE=1 minimises the new inputs into Fuzz/Corpus (Fuzz/README.md)
#   make check-fuzz-corpus  replay Fuzz/Corpus and Fuzz/Regressions without
#                   libFuzzer (also part of swift test, so of make check)
#   make clean
#
# System packages the build needs are installed here when missing (Debian).

SWIFT      ?= swift
EMU        := .build/release/a64emu
GUESTS_OUT := $(CURDIR)/build/guests
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
MANIFESTS  := $(wildcard guests/*/suite.manifest)
PYTHON     ?= python3

.PHONY: fuzz check-fuzz-corpus check-litmus check-explain check-disasm check-debugger gdb-deps check-fp suites-guest-fp all build deps qemu-deps run run-hyp guests check-diff check unit-test suites check-qemu bench clean

all: build

# --- system packages ------------------------------------------------------
APT_UPDATED := build/.apt-updated
$(APT_UPDATED):
	@mkdir -p build
	apt-get update -qq
	@touch $@

deps:
	@if ! pkg-config --exists libelf 2>/dev/null; then \
	  echo "make: libelf not found by pkg-config: installing libelf-dev"; \
	  $(MAKE) --no-print-directory $(APT_UPDATED) && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libelf-dev pkg-config; \
	fi
	@if ! pkg-config --exists libdw 2>/dev/null; then \
	  echo "make: libdw not found by pkg-config: installing libdw-dev"; \
	  $(MAKE) --no-print-directory $(APT_UPDATED) && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libdw-dev pkg-config; \
	fi
	@if ! pkg-config --exists libedit 2>/dev/null; then \
	  echo "make: libedit not found by pkg-config: installing libedit-dev"; \
	  $(MAKE) --no-print-directory $(APT_UPDATED) && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev pkg-config; \
	fi
	@# libfdt-dev ships no libfdt.pc: look for its header and library.
	@if ! { [ -f /usr/include/libfdt.h ] && ls /usr/lib/*/libfdt.so /usr/lib/libfdt.so 2>/dev/null | grep -q .; }; then \
	  echo "make: libfdt not found: installing libfdt-dev"; \
	  $(MAKE) --no-print-directory $(APT_UPDATED) && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libfdt-dev; \
	fi

qemu-deps:
	@if ! command -v qemu-system-aarch64 >/dev/null 2>&1; then \
	  echo "make: qemu-system-aarch64 not found: installing qemu-system-arm"; \
	  $(MAKE) --no-print-directory $(APT_UPDATED) && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-system-arm; \
	fi

# --- build ------------------------------------------------------------------
build: deps
	$(SWIFT) build -c release --product a64emu

guests:
	$(MAKE) --no-print-directory -C guests OUT=$(GUESTS_OUT) -j$(JOBS)

run: build guests
	$(EMU) run build/guests/demo/hello.elf

run-hyp: build guests
	$(EMU) run --hyp --trace hyp build/guests/demo/hello.elf

# --- tests ------------------------------------------------------------------
unit-test: deps
	$(SWIFT) test
	$(PYTHON) -m unittest discover -s tools/tests

suites: build guests
	$(PYTHON) tools/determinism.py --emu $(EMU) $(GUESTS_OUT)/el/smp_psci.elf --smp 4 --el 2
	$(PYTHON) tools/determinism.py --emu $(EMU) $(GUESTS_OUT)/el/smp_psci.elf --smp 4
	$(PYTHON) tools/determinism.py --emu $(EMU) $(GUESTS_OUT)/hyp/vm_spinlock.elf --hyp --smp 2 --vcpus 4 --sched migrate --slice 50000 --mode nvhe
	$(PYTHON) tools/determinism.py --emu $(EMU) $(GUESTS_OUT)/el/smp_psci.elf --hyp --smp 2 --vcpus 4 --sched round-robin --slice 50000 --mode vhe
	$(PYTHON) tools/determinism.py --emu $(EMU) -j $(JOBS) --manifest guests/el/suite.manifest --manifest guests/mmu/suite.manifest --manifest guests/cache/suite.manifest --manifest guests/hyp/suite.manifest
	$(PYTHON) tools/seed_sweep.py --emu $(EMU) $(GUESTS_OUT)/mmu/remap_stale.elf
	$(PYTHON) tools/seed_sweep.py --emu $(EMU) $(GUESTS_OUT)/mmu/remap.elf
	$(PYTHON) tools/seed_sweep.py --emu $(EMU) $(GUESTS_OUT)/mmu/tlbi_local_vs_is.elf --smp 2
	$(PYTHON) tools/seed_sweep.py --emu $(EMU) --manifest guests/cache/suite.manifest
	$(PYTHON) tools/seed_sweep.py --emu $(EMU) --manifest guests/hyp/suite.manifest --filter seed0
	$(PYTHON) tools/seed_sweep.py --emu $(EMU) --manifest guests/nv/suite.manifest --filter nested
	$(PYTHON) tools/suite.py --emu $(EMU) -j $(JOBS) $(MANIFESTS)

# The same suites with the guests and guests/lib built without
# -mgeneral-regs-only (GUEST_FP=1), so that compiled code uses the FP/SIMD
# registers; the hypervisor is always the one built above.
GUESTS_FP_OUT := $(CURDIR)/build/guests-fp
suites-guest-fp: build guests
	$(MAKE) --no-print-directory -C guests OUT=$(GUESTS_FP_OUT) GUEST_FP=1 -j$(JOBS)
	$(PYTHON) tools/suite.py --emu $(EMU) -j $(JOBS) --guests build/guests-fp --results build/results-guest-fp $(MANIFESTS)

check: unit-test suites suites-guest-fp check-disasm check-debugger check-explain check-litmus

# The instruction-fetch litmus tests (guests/litmus): no outcome Arm forbids
# over seeds 1-20 x the cache knobs, and SM's stale outcome reached.
check-litmus: build guests
	$(PYTHON) tools/litmus.py --emu $(EMU) --guests $(GUESTS_OUT)/litmus -j $(JOBS)

# --explain-stale over the el, mmu, cache, hyp and nv suites: no stale use with
# every fix on (except the guests that show stale state on purpose), one
# for every case that shows a hypervisor bug.
check-explain: build guests
	$(PYTHON) tools/explain_sweep.py --emu $(EMU) -j $(JOBS) guests/el/suite.manifest guests/mmu/suite.manifest guests/cache/suite.manifest guests/hyp/suite.manifest guests/nv/suite.manifest

# The disassembler against llvm-objdump: every instruction of every guest
# (also the FP build) and random words from every decode-table row.
check-disasm: build guests
	$(PYTHON) tools/disasm_compare.py --emu $(EMU) --guests build/guests --guests build/guests-fp --random 200

# The console through a pipe and in tmux, and the GDB stub under gdb-multiarch -batch.
check-debugger: build guests gdb-deps
	$(PYTHON) tools/check_debugger.py --emu $(EMU) --guests build/guests

gdb-deps:
	@if ! command -v gdb-multiarch >/dev/null 2>&1 || ! command -v tmux >/dev/null 2>&1; then \
	  echo "make: gdb-multiarch or tmux not found: installing them"; \
	  $(MAKE) --no-print-directory $(APT_UPDATED) && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdb-multiarch tmux; \
	fi

# Coverage-guided fuzzing (Fuzz/run.sh, Fuzz/Package.swift): each target
# for FUZZ_SECONDS, one process and one job; a crash fails the run.
FUZZ_SECONDS ?= 60
FUZZ_MERGE ?= 0
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_MERGE=$(FUZZ_MERGE) Fuzz/run.sh

# The corpus replay alone (FuzzCorpusTests, also run by swift test).
check-fuzz-corpus: deps
	$(SWIFT) test --filter FuzzCorpusTests

check-qemu: build guests qemu-deps
	$(PYTHON) tools/suite.py --qemu --emu $(EMU) -j $(JOBS) --results build/results-qemu $(MANIFESTS)
	$(PYTHON) tools/dtb_compare.py --emu $(EMU)
	$(PYTHON) tools/check_diff.py --emu $(EMU)
	$(PYTHON) tools/check_fp.py --emu $(EMU)
	$(PYTHON) tools/litmus.py --qemu --guests $(GUESTS_OUT)/litmus -j $(JOBS)

# Every FP/SIMD form over random and special operands under each FPCR
# setting, on a64emu and QEMU (tools/check_fp.py); SEEDS=1-10 VALUES=256 for more.
SEEDS ?= 1-1
VALUES ?= 64
check-fp: build guests qemu-deps
	$(PYTHON) tools/check_fp.py --emu $(EMU) --seeds $(SEEDS) --values $(VALUES)

N ?= 200000
check-diff: build guests qemu-deps
	$(PYTHON) tools/check_diff.py --emu $(EMU) --instructions $(N)

# The rows of guests/bench/bench.plan (every benchmark guest with the cache
# model off and on, the hypervisor scenario, the integer mix on 1, 2 and 4
# CPUs, 128M vs 4G of RAM), BENCH_RUNS runs each on a64emu and QEMU,
# alternating: one table, bench/results.json and bench/results.svg.
# BENCH_ONLY=SUBSTR runs only the rows whose `SECTION GUEST CONFIG` contains it.
BENCH_RUNS ?= 3
bench: build guests qemu-deps
	$(PYTHON) tools/bench.py --emu $(EMU) --runs $(BENCH_RUNS) --plan guests/bench/bench.plan \
	    --json bench/results.json --svg bench/results.svg $(if $(BENCH_ONLY),--only "$(BENCH_ONLY)")

clean:
	rm -rf build .build
	$(MAKE) --no-print-directory -C guests clean OUT=$(GUESTS_OUT)
