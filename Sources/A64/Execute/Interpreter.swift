import Memory

/// The interpreter loop: fetch the decoded instruction for PC from the
/// decoded-instruction cache (decoding the slot on first use), then one
/// `switch` over its operation. Each case is the ARM ARM's "Operation"
/// pseudocode for that instruction (C6.2), with the decode part already done
/// by `Decoder`.
extension CPU {
    /// Executes at most `budget` instructions; returns how many retired
    /// (an exception entry counts as one). Returns early, with `stopReason`
    /// set, when the guest exits or the run cannot go on, and without it when
    /// the CPU sleeps (WFI), powers off, or yields (WFE).
    public func run(budget: Int) -> Int { runLoop(budget: budget, Unobserved.self) }

    /// `run` with `observer.beforeInstruction` called before every
    /// instruction, stopping where it says so or where an event handler set
    /// `observerStopRequested` (the debugger's and the trace's loop). The
    /// same loop, specialised: `run` itself has no check.
    public func runObserved(budget: Int) -> Int {
        guard observer != nil else { return run(budget: budget) }
        return runLoop(budget: budget, Observed.self)
    }

    @inline(never)
    private func runLoop<Mode: InterpreterMode>(budget: Int, _: Mode.Type) -> Int {
        // Only the slot, the register file and the CPU live in registers
        // across the switch. The rest of the loop's state is in the CPU's
        // `loopState`, read and written through these local views: LLVM
        // kept such locals in registers where it could, and the cases
        // then moved the slot and register file about to make room.
        let x = self.x
        loopState.budget = budget
        var budget: Int { loopState.budget }
        loopState.executed = 0
        var executed: Int { get { loopState.executed } set { loopState.executed = newValue } }
        // The fetch block the loop executes from: a 4K page of the decoded
        // cache (cache model off), or one I-cache line (cache model on).
        var pageVA: UInt64 { get { loopState.va } set { loopState.va = newValue } }
        var page: UnsafeMutablePointer<Decoded> { get { loopState.slots } set { loopState.slots = newValue } }
        var code: UnsafeRawPointer { get { loopState.code } set { loopState.code = newValue } }
        var blockMask: UInt64 { loopState.mask }
        pageVA = 1          // never a block base: forces a lookup
        loopState.mask = shared.dataCaches != nil ? UInt64(features.caches.icache.lineSize) &- 4 : PhysicalMemory.pageSize &- 4
        // The current run (see `branch`).
        var runPC: UInt64 { get { loopState.runPC } set { loopState.runPC = newValue } }
        var runFloor: UInt64 { loopState.runFloor }
        // PC between runs (a run computes its cases' PCs from their slots);
        // self.pc is written back before anything outside the loop can
        // look at it.
        var pc: UInt64 { get { loopState.pc } set { loopState.pc = newValue } }
        pc = self.pc
        // The slot a run's budget ends at is put back when the run ends,
        // unless a write or an I-cache refill has reset it meanwhile.
        @inline(__always) func unpatch() {
            if let p = runEndPatch {
                if p.pointee.op == .runEnd { p.pointee = runEndPatchValue }
                runEndPatch = nil
            }
        }
        defer {
            unpatch()
            self.pc = pc
            shared.counter &+= UInt64(executed)
            executedInRun = 0
            retire(executed)
        }
        if poweredOff || waitingForInterrupt { return 0 }

        // The outer loop runs between instructions whenever something may
        // have changed what can be taken: interrupts, PSTATE.IL.
        outer: while executed < budget {
            executedInRun = executed
            if Mode.observed && observerStopRequested { break outer }
            // The translation context may have changed (EL, registers, TLBI):
            // look the fetch page up again and use the EL's software TLB.
            // Not a block base, and pc - pageVA is odd: the first fetch below
            // takes the slow path whatever the PC. (A fixed 1 let an odd PC
            // such as 1 or 5, left by ERET, BR or the debugger, read the
            // decoded page at offset pc - 1 of no page at all.)
            pageVA = pc ^ 1
            forgetFetchPage()
            selectSoftTLB()
            fpTrapEL = fpAccessTrapTarget()
            if let vector = takePendingInterrupt(pc: pc) {
                statistics.interruptsTaken &+= 1
                pc = vector
                executed &+= 1
                continue outer
            }
            if illegalState {
                // D1.4.4: any instruction executed with PSTATE.IL = 1 takes
                // an Illegal Execution state exception instead.
                pc = takeSynchronousException(ExceptionRecord(.illegalExecutionState), pc: pc)
                executed &+= 1
                continue outer
            }

        loop: while executed < budget {
            unpatch()
            let offset = pc &- pageVA
            if offset & ~blockMask != 0 {
                // Outside the current block, or PC misaligned.
                if pc & 3 != 0 {
                    // PC alignment fault (D1.3.5.2): FAR = the PC.
                    pc = takeSynchronousException(ExceptionRecord(.pcAlignment, faultAddress: pc), pc: pc)
                    executed &+= 1
                    continue outer
                }
                // Instruction fetch: translated once per block.
                let base = pc & ~(blockMask | 3)
                do {
                    (code, page) = try fetchBlock(base)
                } catch {
                    if case .abort(var f) = error {
                        f.va = pc
                        pc = takeAbort(f, Decoded(), pc: pc)
                        executed &+= 1
                        continue outer
                    }
                    stopReason = .requested
                    break outer
                }
                pageVA = base
                continue loop
            }
            // The slot of PC, decoded on its first execution. An instruction
            // that does not branch goes on to the next slot of the block
            // without a lookup (the `sequential` loop's tail, up to the
            // run's `.runEnd` slot); observed, every instruction comes through
            // here.
            var slot = page + Int(offset &>> 2)
            if slot.pointee.op == .undecoded {
                var decoded = shared.decode(code.load(fromByteOffset: Int(offset), as: UInt32.self))
                decoded.at = slot.pointee.at
                slot.pointee = decoded
            }
            // The run of sequential slots from here: it stops at the block's
            // end (the `.runEnd` slot after every block) or where the budget
            // does, whichever comes first: a budget that ends inside the
            // block patches its slot to `.runEnd` for this run. No compare
            // per instruction, so the dispatch can be copied into every
            // case's tail. PC is not kept per instruction either: a case that
            // needs it computes it from its slot (`here`), and `pc` is set
            // where the run is left. The instructions a run retires are
            // counted then (`instructions(from: runPC, to: pc)`), not one by
            // one.
            unpatch()
            runPC = pc
            let left = budget &- executed
            // The lowest `runPC` (see `branch`) with which a run from
            // anywhere in the block reaches the block's end within the
            // budget: the block's end less the budget left, in bytes (a
            // budget beyond any block's reach counts as 2^40).
            loopState.runFloor = pageVA &+ (blockMask &+ 4)
                &- (UInt64(truncatingIfNeeded: left < 1 << 40 ? left : 1 << 40) &<< 2)
            if !Mode.observed {
                let inBlock = Int(truncatingIfNeeded: (blockMask &- (pc &- pageVA)) &>> 2) &+ 1
                if left < inBlock {
                    let p = slot + left
                    runEndPatchValue = p.pointee
                    p.pointee = Decoded(.runEnd, at: Int(p.pointee.at))
                    runEndPatch = p
                }
            }
            // The PC of the slot: the block's address and where the slot is
            // in it (`Decoded.at`, which no reset or patch changes).
            @inline(__always) func here() -> UInt64 { pageVA &+ UInt64(slot.pointee.at) }
            // A taken branch from `from` to `target`. A target in the same
            // block goes on at once at the dispatch (`continue sequential`),
            // without the lookup at `loop` or the run's head: a loop's
            // backward branch, mostly. Its instructions are not counted
            // there: `runPC` moves by as much as PC jumps, so that
            // `instructions(from: runPC, to: pc)` still counts the whole run.
            // That needs the budget left to cover a run from the target to
            // the block's end, wherever the target is: then `runPC` is at
            // least `runFloor`. (A slot patched for the budget may still be
            // met on the way: it ends the run early, which `loop` takes
            // as any other end.) Returns false, with `pc` and `executed` set,
            // when `loop` must look the target up: another block, a
            // misaligned PC, less budget left, or an observer.
            @inline(__always) func branch(from: UInt64, to target: UInt64) -> Bool {
                runPC &+= target &- (from &+ 4)
                let offset = target &- pageVA
                if !Mode.observed, offset & ~blockMask == 0,
                   Int(truncatingIfNeeded: runPC &- runFloor) >= 0 {
                    slot = page + Int(offset &>> 2)
                    return true
                }
                pc = target
                executed &+= instructions(from: runPC, to: pc)
                return false
            }
        sequential: while true {
            if Mode.observed {
                if observerStopRequested || observer!.beforeInstruction(self, pc: pc) {
                    observerStopRequested = true
                    executed &+= instructions(from: runPC, to: pc)
                    break outer
                }
            }
            // The decoded instruction is read in place, field by field where
            // each case needs it, not copied out whole (`d` names the slot).
            // A case that stores reads its operands first: a store over this
            // instruction's own word resets the slot (SharedProcessorState
            // .observeWrite); the functions that take `d.value` get a copy.
            let d = DecodedSlot(slot)

            do throws(CPUException) {
                switch d.op {
                case .undecoded:
                    // The slot's first execution: `loop` decodes it.
                    pc = here()
                    executed &+= instructions(from: runPC, to: pc)
                    continue loop
                case .runEnd:
                    // The block's end, or the budget's: `loop` goes on.
                    pc = here()
                    executed &+= instructions(from: runPC, to: pc)
                    continue loop
                case .UNDEFINED:
                    throw CPUException.undefined

                // MARK: Data processing - immediate
                case .ADR:
                    x[d.rd] = here() &+ d.imm
                case .ADRP:
                    x[d.rd] = (here() & ~0xFFF) &+ d.imm
                case .ADD_imm:
                    let r = x[d.rn] &+ d.imm
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ADDS_imm:
                    let (r, f) = d.sf ? addWithCarry64(x[d.rn], d.imm, 0) : addWithCarry32(x[d.rn], d.imm, 0)
                    nzcv = f; x[d.rd] = r
                case .SUB_imm:
                    let r = x[d.rn] &- d.imm
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .SUBS_imm:
                    let (r, f) = d.sf ? subtractWithFlags64(x[d.rn], d.imm) : subtractWithFlags32(x[d.rn], d.imm)
                    nzcv = f; x[d.rd] = r
                // Their 64-bit forms (InterpreterForms.swift).
                case .ADDX_imm:
                    x[d.rd] = x[d.rn] &+ d.imm
                case .SUBX_imm:
                    x[d.rd] = x[d.rn] &- d.imm
                case .SUBSX_imm:
                    let (r, f) = subtractWithFlags64(x[d.rn], d.imm)
                    nzcv = f; x[d.rd] = r
                case .AND_imm:
                    x[d.rd] = x[d.rn] & d.imm
                case .ORR_imm:
                    let r = x[d.rn] | d.imm
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .EOR_imm:
                    let r = x[d.rn] ^ d.imm
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ANDS_imm:
                    let r = x[d.rn] & d.imm
                    nzcv = logicalFlags(r, d.sf); x[d.rd] = r
                case .MOVZ:
                    x[d.rd] = d.imm
                case .MOVN:
                    x[d.rd] = d.sf ? ~d.imm : ~d.imm & 0xFFFF_FFFF
                case .MOVK:
                    let r = (x[d.rd] & ~(UInt64(0xFFFF) &<< UInt64(d.a))) | d.imm
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .UBFM:
                    x[d.rd] = UBFM(x[d.rn], r: Int(d.a), s: Int(d.b), sf: d.sf)
                case .SBFM:
                    x[d.rd] = SBFM(x[d.rn], r: Int(d.a), s: Int(d.b), sf: d.sf)
                case .BFM:
                    x[d.rd] = BFM(x[d.rd], x[d.rn], r: Int(d.a), s: Int(d.b), sf: d.sf)
                // UBFM and SBFM as UBFX, UBFIZ, SBFX, SBFIZ
                // (InterpreterForms.swift: masks and shifts precomputed).
                case .UBFX:
                    x[d.rd] = (x[d.rn] &>> UInt64(d.a)) & d.imm
                case .UBFIZ:
                    x[d.rd] = (x[d.rn] & d.imm) &<< UInt64(d.c)
                case .SBFX:
                    x[d.rd] = UInt64(bitPattern: Int64(bitPattern: x[d.rn] &<< UInt64(d.c)) &>> Int64(d.a)) & d.imm
                case .SBFIZ:
                    let v = Int64(bitPattern: x[d.rn] &<< UInt64(d.c)) &>> Int64(d.c)
                    x[d.rd] = UInt64(bitPattern: v &<< Int64(d.a)) & d.imm
                case .EXTR:
                    let lsb = UInt64(d.a)
                    if d.sf {
                        x[d.rd] = lsb == 0 ? x[d.rm] : (x[d.rm] &>> lsb) | (x[d.rn] &<< (64 &- lsb))
                    } else {
                        let c = (x[d.rn] & 0xFFFF_FFFF) << 32 | (x[d.rm] & 0xFFFF_FFFF)
                        x[d.rd] = (c &>> lsb) & 0xFFFF_FFFF
                    }

                // MARK: Branches, exception generation, system
                case .B_cond:
                    if conditionHolds(mask: d.holds) { let pc = here(); if branch(from: pc, to: pc &+ d.imm) { continue sequential }; continue loop }
                case .B:
                    let pc = here(); if branch(from: pc, to: pc &+ d.imm) { continue sequential }; continue loop
                case .BL:
                    let pc = here()
                    x[30] = pc &+ 4
                    if branch(from: pc, to: pc &+ d.imm) { continue sequential }; continue loop
                case .BR, .RET:
                    if branch(from: here(), to: x[d.rn]) { continue sequential }; continue loop
                case .BLR:
                    let pc = here(), target = x[d.rn]
                    x[30] = pc &+ 4
                    if branch(from: pc, to: target) { continue sequential }; continue loop
                case .CBZ:
                    if (d.sf ? x[d.rd] : x[d.rd] & 0xFFFF_FFFF) == 0 { let pc = here(); if branch(from: pc, to: pc &+ d.imm) { continue sequential }; continue loop }
                case .CBNZ:
                    if (d.sf ? x[d.rd] : x[d.rd] & 0xFFFF_FFFF) != 0 { let pc = here(); if branch(from: pc, to: pc &+ d.imm) { continue sequential }; continue loop }
                case .TBZ:
                    if (x[d.rd] &>> UInt64(d.a)) & 1 == 0 { let pc = here(); if branch(from: pc, to: pc &+ d.imm) { continue sequential }; continue loop }
                case .TBNZ:
                    if (x[d.rd] &>> UInt64(d.a)) & 1 != 0 { let pc = here(); if branch(from: pc, to: pc &+ d.imm) { continue sequential }; continue loop }
                case .HLT:
                    // Semihosting (the Arm semihosting spec, AArch64: HLT #0xF000).
                    // Any other HLT is UNDEFINED: halting debug is not enabled.
                    guard d.imm == 0xF000, let host else { throw CPUException.undefined }
                    pc = here()
                    self.pc = pc
                    try host.semihostingCall(self)
                    if stopReason != nil { pc &+= 4; executed &+= instructions(from: runPC, to: pc); break outer }
                case .SVC:
                    throw CPUException.exception(ExceptionRecord(.svc, iss: UInt32(d.imm), returnTo: .nextInstruction))
                case .BRK:
                    throw CPUException.exception(ExceptionRecord(.brk, iss: UInt32(d.imm)))
                case .HVC:
                    pc = here()
                    // C6.2.115 HVC: UNDEFINED at EL0 and when HCR_EL2.HCD = 1.
                    // Without EL2 the board's firmware (PSCI) may answer it.
                    if currentEL == 0 { throw CPUException.undefined }
                    if !features.el2 {
                        try firmwareCall(.hvc, pc: pc)
                        if stopReason != nil || poweredOff { pc &+= 4; executed &+= instructions(from: runPC, to: pc); break outer }
                    } else {
                        if hcrEL2 & HCR.HCD != 0 { throw CPUException.undefined }
                        throw CPUException.exception(ExceptionRecord(.hvc, iss: UInt32(d.imm), targetEL: 2,
                                                                     returnTo: .nextInstruction))
                    }
                case .SMC:
                    pc = here()
                    // C6.2.283 SMC: UNDEFINED at EL0; trapped from EL1 by
                    // HCR_EL2.TSC (preferred return: the SMC itself). EL3 is
                    // not implemented: with EL2 the board's firmware answers
                    // it (the PSCI conduit), else it is UNDEFINED.
                    if currentEL == 0 { throw CPUException.undefined }
                    if currentEL == 1 && hcrEL2 & HCR.TSC != 0 {
                        throw CPUException.exception(ExceptionRecord(.smc, iss: UInt32(d.imm), targetEL: 2))
                    }
                    guard features.el2 else { throw CPUException.undefined }
                    try firmwareCall(.smc, pc: pc)
                    if stopReason != nil || poweredOff { pc &+= 4; executed &+= instructions(from: runPC, to: pc); break outer }
                case .ERET:
                    pc = here()
                    let retired = instructions(from: runPC, to: pc &+ 4)
                    pc = try exceptionReturn(at: pc)
                    pageVA = 1
                    executed &+= retired
                    continue outer
                case .NOP, .DMB, .DSB, .SB, .PRFM:
                    // Barriers are complete at once: memory accesses and
                    // maintenance are performed in order as they execute
                    // (a legal, strong implementation); PRFM is a hint.
                    // Counted so that no case is empty: an empty case would
                    // jump straight back to the loop's head, and LLVM does not
                    // copy a block that is its own successor into the cases.
                    statistics.hintsAndBarriers &+= 1
                case .ISB:
                    pc = here()
                    // Context synchronization: instructions already fetched
                    // are fetched again (the current block is dropped).
                    pc &+= 4; executed &+= instructions(from: runPC, to: pc)
                    continue outer
                case .SEV:
                    sendEventToAll()
                case .SEVL:
                    setEventRegister()
                case .WFI:
                    pc = here()
                    try checkWaitTrap(isWFE: false)
                    // D1.6.2: WFI completes at once if an interrupt is pending
                    // (whatever PSTATE's masks); otherwise the CPU sleeps until one.
                    if !hasWakeUpEvent {
                        waitingForInterrupt = true
                        pc &+= 4; executed &+= instructions(from: runPC, to: pc)
                        break outer
                    }
                case .WFE:
                    pc = here()
                    try checkWaitTrap(isWFE: true)
                    // With the event register set WFE clears it and goes on;
                    // otherwise this CPU yields the rest of its turn (a WFE may
                    // wake for many reasons, so waking at its next turn is allowed).
                    if !consumeEventRegister() {
                        pc &+= 4; executed &+= instructions(from: runPC, to: pc)
                        yielded = true
                        break outer
                    }
                case .CLREX:
                    clearExclusiveMonitor()
                case .MSR_imm:
                    pc = here()
                    try writePSTATEField(PSTATEField(rawValue: d.a)!, UInt64(d.b),
                                         op1: UInt32(d.c >> 3), op2: UInt32(d.c & 7))
                    pc &+= 4; executed &+= instructions(from: runPC, to: pc)
                    continue outer
                case .MRS:
                    pc = here()
                    executedInRun = executed &+ instructions(from: runPC, to: pc)
                    let i = try checkSystemRegisterAccess(Int(d.imm), isRead: true, rt: d.b)
                    x[d.rd] = readSystemRegister(i)
                    if observer != nil { observeSystemRegister(i, isRead: true, value: x[d.rd], pc: pc) }
                case .MSR_reg:
                    pc = here()
                    executedInRun = executed &+ instructions(from: runPC, to: pc)
                    let i = try checkSystemRegisterAccess(Int(d.imm), isRead: false, rt: d.b)
                    writeSystemRegister(i, x[d.rd])
                    if observer != nil { observeSystemRegister(i, isRead: false, value: x[d.rd], pc: pc) }
                    pc &+= 4; executed &+= instructions(from: runPC, to: pc)
                    continue outer
                case .SYS:
                    pc = here()
                    let row = SystemInstructions.table[Int(d.imm)]
                    try checkSystemInstruction(row, rt: d.b)
                    if observer != nil {
                        try systemInstructionObserved(row, Int(d.imm), x[d.rd], pc: pc)
                    } else {
                        try systemInstruction(row.operation, x[d.rd])
                    }
                    // A TLBI or AT may have changed what translations hold.
                    pc &+= 4; executed &+= instructions(from: runPC, to: pc)
                    continue outer
                case .SYSL:
                    throw CPUException.undefined

                // MARK: Loads and stores
                // The register-offset forms with LSL/UXTX
                // (InterpreterForms.swift).
                case .STRB_lsl: try write8(x[d.rn] &+ (x[d.rm] &<< UInt64(d.b)), x[d.rd])
                case .STRH_lsl: try write16(x[d.rn] &+ (x[d.rm] &<< UInt64(d.b)), x[d.rd])
                case .STRW_lsl: try write32(x[d.rn] &+ (x[d.rm] &<< UInt64(d.b)), x[d.rd])
                case .STRX_lsl: try write64(x[d.rn] &+ (x[d.rm] &<< UInt64(d.b)), x[d.rd])
                case .LDRB_lsl: x[d.rd] = try read8(x[d.rn] &+ (x[d.rm] &<< UInt64(d.b)))
                case .LDRH_lsl: x[d.rd] = try read16(x[d.rn] &+ (x[d.rm] &<< UInt64(d.b)))
                case .LDRW_lsl: x[d.rd] = try read32(x[d.rn] &+ (x[d.rm] &<< UInt64(d.b)))
                case .LDRX_lsl: x[d.rd] = try read64(x[d.rn] &+ (x[d.rm] &<< UInt64(d.b)))
                case .STRB_off: try write8(x[d.rn] &+ d.imm, x[d.rd])
                case .STRB_pre:
                    let rn = d.rn, a = x[rn] &+ d.imm
                    try write8(a, x[d.rd]); x[rn] = a
                case .STRB_post:
                    let rn = d.rn, a = x[rn], imm = d.imm
                    try write8(a, x[d.rd]); x[rn] = a &+ imm
                case .STRB_reg: try write8(x[d.rn] &+ extendReg(x[d.rm], d.a, d.b), x[d.rd])
                case .STRH_off: try write16(x[d.rn] &+ d.imm, x[d.rd])
                case .STRH_pre:
                    let rn = d.rn, a = x[rn] &+ d.imm
                    try write16(a, x[d.rd]); x[rn] = a
                case .STRH_post:
                    let rn = d.rn, a = x[rn], imm = d.imm
                    try write16(a, x[d.rd]); x[rn] = a &+ imm
                case .STRH_reg: try write16(x[d.rn] &+ extendReg(x[d.rm], d.a, d.b), x[d.rd])
                case .STRW_off: try write32(x[d.rn] &+ d.imm, x[d.rd])
                case .STRW_pre:
                    let rn = d.rn, a = x[rn] &+ d.imm
                    try write32(a, x[d.rd]); x[rn] = a
                case .STRW_post:
                    let rn = d.rn, a = x[rn], imm = d.imm
                    try write32(a, x[d.rd]); x[rn] = a &+ imm
                case .STRW_reg: try write32(x[d.rn] &+ extendReg(x[d.rm], d.a, d.b), x[d.rd])
                case .STRX_off: try write64(x[d.rn] &+ d.imm, x[d.rd])
                case .STRX_pre:
                    let rn = d.rn, a = x[rn] &+ d.imm
                    try write64(a, x[d.rd]); x[rn] = a
                case .STRX_post:
                    let rn = d.rn, a = x[rn], imm = d.imm
                    try write64(a, x[d.rd]); x[rn] = a &+ imm
                case .STRX_reg: try write64(x[d.rn] &+ extendReg(x[d.rm], d.a, d.b), x[d.rd])
                case .LDRB_off: x[d.rd] = try read8(x[d.rn] &+ d.imm)
                case .LDRB_pre:
                    let rn = d.rn, a = x[rn] &+ d.imm
                    let v = try read8(a); x[rn] = a; x[d.rd] = v
                case .LDRB_post:
                    let rn = d.rn, a = x[rn]
                    let v = try read8(a); x[rn] = a &+ d.imm; x[d.rd] = v
                case .LDRB_reg: x[d.rd] = try read8(x[d.rn] &+ extendReg(x[d.rm], d.a, d.b))
                case .LDRH_off: x[d.rd] = try read16(x[d.rn] &+ d.imm)
                case .LDRH_pre:
                    let rn = d.rn, a = x[rn] &+ d.imm
                    let v = try read16(a); x[rn] = a; x[d.rd] = v
                case .LDRH_post:
                    let rn = d.rn, a = x[rn]
                    let v = try read16(a); x[rn] = a &+ d.imm; x[d.rd] = v
                case .LDRH_reg: x[d.rd] = try read16(x[d.rn] &+ extendReg(x[d.rm], d.a, d.b))
                case .LDRW_off: x[d.rd] = try read32(x[d.rn] &+ d.imm)
                case .LDRW_pre:
                    let rn = d.rn, a = x[rn] &+ d.imm
                    let v = try read32(a); x[rn] = a; x[d.rd] = v
                case .LDRW_post:
                    let rn = d.rn, a = x[rn]
                    let v = try read32(a); x[rn] = a &+ d.imm; x[d.rd] = v
                case .LDRW_reg: x[d.rd] = try read32(x[d.rn] &+ extendReg(x[d.rm], d.a, d.b))
                case .LDRX_off: x[d.rd] = try read64(x[d.rn] &+ d.imm)
                case .LDRX_pre:
                    let rn = d.rn, a = x[rn] &+ d.imm
                    let v = try read64(a); x[rn] = a; x[d.rd] = v
                case .LDRX_post:
                    let rn = d.rn, a = x[rn]
                    let v = try read64(a); x[rn] = a &+ d.imm; x[d.rd] = v
                case .LDRX_reg: x[d.rd] = try read64(x[d.rn] &+ extendReg(x[d.rm], d.a, d.b))
                case .LDRSBW_off: x[d.rd] = signExtend(try read8(x[d.rn] &+ d.imm), 8) & 0xFFFF_FFFF
                case .LDRSBW_pre: try load(d.value, 1, 1, true, false)
                case .LDRSBW_post: try load(d.value, 2, 1, true, false)
                case .LDRSBW_reg: try load(d.value, 3, 1, true, false)
                case .LDRSBX_off: x[d.rd] = signExtend(try read8(x[d.rn] &+ d.imm), 8)
                case .LDRSBX_pre: try load(d.value, 1, 1, true, true)
                case .LDRSBX_post: try load(d.value, 2, 1, true, true)
                case .LDRSBX_reg: try load(d.value, 3, 1, true, true)
                case .LDRSHW_off: x[d.rd] = signExtend(try read16(x[d.rn] &+ d.imm), 16) & 0xFFFF_FFFF
                case .LDRSHW_pre: try load(d.value, 1, 2, true, false)
                case .LDRSHW_post: try load(d.value, 2, 2, true, false)
                case .LDRSHW_reg: try load(d.value, 3, 2, true, false)
                case .LDRSHX_off: x[d.rd] = signExtend(try read16(x[d.rn] &+ d.imm), 16)
                case .LDRSHX_pre: try load(d.value, 1, 2, true, true)
                case .LDRSHX_post: try load(d.value, 2, 2, true, true)
                case .LDRSHX_reg: try load(d.value, 3, 2, true, true)
                case .LDRSW_off: x[d.rd] = signExtend(try read32(x[d.rn] &+ d.imm), 32)
                case .LDRSW_pre: try load(d.value, 1, 4, true, true)
                case .LDRSW_post: try load(d.value, 2, 4, true, true)
                case .LDRSW_reg: x[d.rd] = signExtend(try read32(x[d.rn] &+ extendReg(x[d.rm], d.a, d.b)), 32)
                case .LDRW_lit:
                    x[d.rd] = try read32(here() &+ d.imm)
                case .LDRX_lit:
                    x[d.rd] = try read64(here() &+ d.imm)
                case .LDRSW_lit:
                    x[d.rd] = signExtend(try read32(here() &+ d.imm), 32)
                case .STPW_off: try storePair(d.value, 0, 4)
                case .STPW_pre: try storePair(d.value, 1, 4)
                case .STPW_post: try storePair(d.value, 2, 4)
                // Every operand is read before the first store: a store over
                // this very instruction resets its decoded slot (`d`).
                case .STPX_off:
                    let a = x[d.rn] &+ d.imm, second = x[d.ra]
                    try write64(a, x[d.rd]); try write64(a &+ 8, second)
                case .STPX_pre:
                    let rn = d.rn, a = x[rn] &+ d.imm, second = x[d.ra]
                    try write64(a, x[d.rd]); try write64(a &+ 8, second)
                    x[rn] = a
                case .STPX_post: try storePair(d.value, 2, 8)
                case .LDPW_off: try loadPair(d.value, 0, 4, false)
                case .LDPW_pre: try loadPair(d.value, 1, 4, false)
                case .LDPW_post: try loadPair(d.value, 2, 4, false)
                case .LDPX_off:
                    let a = x[d.rn] &+ d.imm
                    let v1 = try read64(a), v2 = try read64(a &+ 8)
                    x[d.rd] = v1; x[d.ra] = v2
                case .LDPX_pre: try loadPair(d.value, 1, 8, false)
                case .LDPX_post:
                    let a = x[d.rn]
                    let v1 = try read64(a), v2 = try read64(a &+ 8)
                    x[d.rn] = a &+ d.imm
                    x[d.rd] = v1; x[d.ra] = v2
                case .LDPSW_off: try loadPair(d.value, 0, 4, true)
                case .LDPSW_pre: try loadPair(d.value, 1, 4, true)
                case .LDPSW_post: try loadPair(d.value, 2, 4, true)
                case .LDXR: try loadExclusive(d.value)
                case .STXR: try storeExclusive(d.value)
                case .LDXP: try loadExclusivePair(d.value)
                case .STXP: try storeExclusivePair(d.value)
                case .LDAR:
                    try checkAligned(x[d.rn], 1 << Int(d.a), isWrite: false)
                    x[d.rd] = try readSized(x[d.rn], Int(d.a))
                case .STLR:
                    try checkAligned(x[d.rn], 1 << Int(d.a), isWrite: true)
                    try writeSized(x[d.rn], Int(d.a), x[d.rd])
                case .CAS: try compareAndSwap(d.value)
                case .CASP: try compareAndSwapPair(d.value)
                case .LDADD, .LDCLR, .LDEOR, .LDSET, .LDSMAX, .LDSMIN, .LDUMAX, .LDUMIN, .SWP:
                    try atomic(d.value)

                // MARK: Data processing - register
                case .UDIV:
                    if d.sf {
                        let m = x[d.rm]
                        x[d.rd] = m == 0 ? 0 : x[d.rn] / m
                    } else {
                        let n = UInt32(truncatingIfNeeded: x[d.rn]), m = UInt32(truncatingIfNeeded: x[d.rm])
                        x[d.rd] = m == 0 ? 0 : UInt64(n / m)
                    }
                case .SDIV:
                    if d.sf {
                        let n = Int64(bitPattern: x[d.rn]), m = Int64(bitPattern: x[d.rm])
                        x[d.rd] = m == 0 ? 0 : UInt64(bitPattern: n.dividedReportingOverflow(by: m).partialValue)
                    } else {
                        let n = Int32(truncatingIfNeeded: x[d.rn]), m = Int32(truncatingIfNeeded: x[d.rm])
                        x[d.rd] = m == 0 ? 0 : UInt64(UInt32(bitPattern: n.dividedReportingOverflow(by: m).partialValue))
                    }
                case .LSLV:
                    x[d.rd] = shiftReg(x[d.rn], 0, UInt8(x[d.rm] & (d.sf ? 63 : 31)), d.sf)
                case .LSRV:
                    x[d.rd] = shiftReg(x[d.rn], 1, UInt8(x[d.rm] & (d.sf ? 63 : 31)), d.sf)
                case .ASRV:
                    x[d.rd] = shiftReg(x[d.rn], 2, UInt8(x[d.rm] & (d.sf ? 63 : 31)), d.sf)
                case .RORV:
                    x[d.rd] = shiftReg(x[d.rn], 3, UInt8(x[d.rm] & (d.sf ? 63 : 31)), d.sf)
                case .CRC32, .CRC32C:
                    x[d.rd] = UInt64(CRC.update(UInt32(truncatingIfNeeded: x[d.rn]), x[d.rm],
                                                bytes: 1 << Int(d.a), castagnoli: d.op == .CRC32C))
                case .RBIT:
                    x[d.rd] = d.sf ? reverseBits64(x[d.rn]) : reverseBits64(x[d.rn]) >> 32
                case .REV16:
                    let v = x[d.rn]
                    let r = ((v & 0x00FF_00FF_00FF_00FF) << 8) | ((v >> 8) & 0x00FF_00FF_00FF_00FF)
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .REV32:
                    let v = x[d.rn]
                    x[d.rd] = UInt64(UInt32(truncatingIfNeeded: v).byteSwapped)
                        | UInt64(UInt32(truncatingIfNeeded: v >> 32).byteSwapped) << 32
                case .REV:
                    x[d.rd] = d.sf ? x[d.rn].byteSwapped : UInt64(UInt32(truncatingIfNeeded: x[d.rn]).byteSwapped)
                case .CLZ:
                    x[d.rd] = d.sf ? UInt64(x[d.rn].leadingZeroBitCount)
                                   : UInt64(UInt32(truncatingIfNeeded: x[d.rn]).leadingZeroBitCount)
                case .CLS:
                    let v = x[d.rn]
                    if d.sf {
                        x[d.rd] = UInt64(((v >> 1) ^ (v & ~(1 << 63))).leadingZeroBitCount - 1)
                    } else {
                        let w = UInt32(truncatingIfNeeded: v)
                        x[d.rd] = UInt64(((w >> 1) ^ (w & 0x7FFF_FFFF)).leadingZeroBitCount - 1)
                    }
                case .AND_shift:
                    x[d.rd] = x[d.rn] & shiftReg(x[d.rm], d.a, d.b, d.sf)
                case .BIC_shift:
                    let r = x[d.rn] & ~shiftReg(x[d.rm], d.a, d.b, d.sf)
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ORR_shift:
                    let r = x[d.rn] | shiftReg(x[d.rm], d.a, d.b, d.sf)
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ORN_shift:
                    let r = x[d.rn] | ~shiftReg(x[d.rm], d.a, d.b, d.sf)
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .EOR_shift:
                    let r = x[d.rn] ^ shiftReg(x[d.rm], d.a, d.b, d.sf)
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .EON_shift:
                    let r = x[d.rn] ^ ~shiftReg(x[d.rm], d.a, d.b, d.sf)
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ANDS_shift:
                    let r = x[d.rn] & shiftReg(x[d.rm], d.a, d.b, d.sf)
                    let m = d.sf ? r : r & 0xFFFF_FFFF
                    nzcv = logicalFlags(m, d.sf); x[d.rd] = m
                case .BICS_shift:
                    let r = x[d.rn] & ~shiftReg(x[d.rm], d.a, d.b, d.sf)
                    let m = d.sf ? r : r & 0xFFFF_FFFF
                    nzcv = logicalFlags(m, d.sf); x[d.rd] = m
                case .ADD_shift:
                    let r = x[d.rn] &+ shiftReg(x[d.rm], d.a, d.b, d.sf)
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .SUB_shift:
                    let r = x[d.rn] &- shiftReg(x[d.rm], d.a, d.b, d.sf)
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ADDS_shift:
                    let op2 = shiftReg(x[d.rm], d.a, d.b, d.sf)
                    let (r, f) = d.sf ? addWithCarry64(x[d.rn], op2, 0) : addWithCarry32(x[d.rn], op2, 0)
                    nzcv = f; x[d.rd] = r
                case .SUBS_shift:
                    let op2 = shiftReg(x[d.rm], d.a, d.b, d.sf)
                    let (r, f) = d.sf ? subtractWithFlags64(x[d.rn], op2) : subtractWithFlags32(x[d.rn], op2)
                    nzcv = f; x[d.rd] = r
                // The LSL forms of the shifted-register operations
                // (InterpreterForms.swift): op2 = X[m] << amount; in a
                // 32-bit operation the bits above 31 of a sum, difference or
                // logical result are dropped, so shifting in 64 bits and
                // masking the result gives the same value.
                case .ADD_lsl:
                    let r = x[d.rn] &+ (x[d.rm] &<< UInt64(d.b))
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .SUB_lsl:
                    let r = x[d.rn] &- (x[d.rm] &<< UInt64(d.b))
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ADDX_lsl:
                    x[d.rd] = x[d.rn] &+ (x[d.rm] &<< UInt64(d.b))
                case .SUBX_lsl:
                    x[d.rd] = x[d.rn] &- (x[d.rm] &<< UInt64(d.b))
                case .SUBSX_lsl:
                    let (r, f) = subtractWithFlags64(x[d.rn], x[d.rm] &<< UInt64(d.b))
                    nzcv = f; x[d.rd] = r
                case .ADDX_reg:
                    x[d.rd] = x[d.rn] &+ x[d.rm]
                case .SUBSX_reg:
                    let (r, f) = subtractWithFlags64(x[d.rn], x[d.rm])
                    nzcv = f; x[d.rd] = r
                case .ADDS_lsl:
                    let op2 = x[d.rm] &<< UInt64(d.b)
                    let (r, f) = d.sf ? addWithCarry64(x[d.rn], op2, 0) : addWithCarry32(x[d.rn], op2, 0)
                    nzcv = f; x[d.rd] = r
                case .SUBS_lsl:
                    let op2 = x[d.rm] &<< UInt64(d.b)
                    let (r, f) = d.sf ? subtractWithFlags64(x[d.rn], op2) : subtractWithFlags32(x[d.rn], op2)
                    nzcv = f; x[d.rd] = r
                case .AND_lsl:
                    let r = x[d.rn] & (x[d.rm] &<< UInt64(d.b))
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ANDS_lsl:
                    let r = x[d.rn] & (x[d.rm] &<< UInt64(d.b))
                    let m = d.sf ? r : r & 0xFFFF_FFFF
                    nzcv = logicalFlags(m, d.sf); x[d.rd] = m
                case .ORR_lsl:
                    let r = x[d.rn] | (x[d.rm] &<< UInt64(d.b))
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .EOR_lsl:
                    let r = x[d.rn] ^ (x[d.rm] &<< UInt64(d.b))
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ADD_ext:
                    let r = x[d.rn] &+ extendReg(x[d.rm], d.a, d.b)
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                // Its forms (InterpreterForms.swift): c = 64 - the width.
                case .ADD_uxt:
                    let r = x[d.rn] &+ (((x[d.rm] &<< UInt64(d.c)) &>> UInt64(d.c)) &<< UInt64(d.b))
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ADD_sxt:
                    let e = UInt64(bitPattern: Int64(bitPattern: x[d.rm] &<< UInt64(d.c)) &>> Int64(d.c))
                    let r = x[d.rn] &+ (e &<< UInt64(d.b))
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .SUB_ext:
                    let r = x[d.rn] &- extendReg(x[d.rm], d.a, d.b)
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .ADDS_ext:
                    let op2 = extendReg(x[d.rm], d.a, d.b)
                    let (r, f) = d.sf ? addWithCarry64(x[d.rn], op2, 0) : addWithCarry32(x[d.rn], op2, 0)
                    nzcv = f; x[d.rd] = r
                case .SUBS_ext:
                    let op2 = extendReg(x[d.rm], d.a, d.b)
                    let (r, f) = d.sf ? subtractWithFlags64(x[d.rn], op2) : subtractWithFlags32(x[d.rn], op2)
                    nzcv = f; x[d.rd] = r
                case .ADC:
                    let c = UInt64(nzcv >> 29 & 1)
                    x[d.rd] = d.sf ? addWithCarry64(x[d.rn], x[d.rm], c).0 : addWithCarry32(x[d.rn], x[d.rm], c).0
                case .SBC:
                    let c = UInt64(nzcv >> 29 & 1)
                    x[d.rd] = d.sf ? addWithCarry64(x[d.rn], ~x[d.rm], c).0 : addWithCarry32(x[d.rn], ~x[d.rm], c).0
                case .ADCS:
                    let c = UInt64(nzcv >> 29 & 1)
                    let (r, f) = d.sf ? addWithCarry64(x[d.rn], x[d.rm], c) : addWithCarry32(x[d.rn], x[d.rm], c)
                    nzcv = f; x[d.rd] = r
                case .SBCS:
                    let c = UInt64(nzcv >> 29 & 1)
                    let (r, f) = d.sf ? addWithCarry64(x[d.rn], ~x[d.rm], c) : addWithCarry32(x[d.rn], ~x[d.rm], c)
                    nzcv = f; x[d.rd] = r
                case .CCMN, .CCMP:
                    if conditionHolds(mask: d.holds) {
                        var op2 = d.c != 0 ? d.imm : x[d.rm]
                        var carry: UInt64 = 0
                        if d.op == .CCMP { op2 = ~op2; carry = 1 }
                        nzcv = d.sf ? addWithCarry64(x[d.rn], op2, carry).1 : addWithCarry32(x[d.rn], op2, carry).1
                    } else {
                        nzcv = UInt32(d.b) << 28
                    }
                case .CSEL:
                    let r = conditionHolds(mask: d.holds) ? x[d.rn] : x[d.rm]
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .CSINC:
                    let r = conditionHolds(mask: d.holds) ? x[d.rn] : x[d.rm] &+ 1
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .CSINV:
                    let r = conditionHolds(mask: d.holds) ? x[d.rn] : ~x[d.rm]
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .CSNEG:
                    let r = conditionHolds(mask: d.holds) ? x[d.rn] : 0 &- x[d.rm]
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .MADD:
                    let r = x[d.ra] &+ x[d.rn] &* x[d.rm]
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .MSUB:
                    let r = x[d.ra] &- x[d.rn] &* x[d.rm]
                    x[d.rd] = d.sf ? r : r & 0xFFFF_FFFF
                case .SMADDL:
                    x[d.rd] = x[d.ra] &+ signExtend(x[d.rn], 32) &* signExtend(x[d.rm], 32)
                case .SMSUBL:
                    x[d.rd] = x[d.ra] &- signExtend(x[d.rn], 32) &* signExtend(x[d.rm], 32)
                case .UMADDL:
                    x[d.rd] = x[d.ra] &+ (x[d.rn] & 0xFFFF_FFFF) &* (x[d.rm] & 0xFFFF_FFFF)
                case .UMSUBL:
                    x[d.rd] = x[d.ra] &- (x[d.rn] & 0xFFFF_FFFF) &* (x[d.rm] & 0xFFFF_FFFF)
                case .SMULH:
                    let p = Int64(bitPattern: x[d.rn]).multipliedFullWidth(by: Int64(bitPattern: x[d.rm]))
                    x[d.rd] = UInt64(bitPattern: p.high)
                case .UMULH:
                    x[d.rd] = x[d.rn].multipliedFullWidth(by: x[d.rm]).high
                // Every SIMD&FP operation, named: a switch that names every
                // operation jumps through its table without a range test
                // first (a `default` would add one per instruction).
                case .firstFPSIMD, .LDRV_off, .LDRV_pre, .LDRV_post, .LDRV_reg, .LDRV_lit, .STRV_off,
                     .STRV_pre, .STRV_post, .STRV_reg, .LDPV_off, .LDPV_pre, .LDPV_post, .STPV_off, .STPV_pre,
                     .STPV_post, .LDn_multiple, .STn_multiple, .LDn_single, .STn_single, .LDnR, .FMOV_reg,
                     .FABS, .FNEG, .FSQRT, .FCVT_fp, .FRINTN, .FRINTP, .FRINTM, .FRINTZ, .FRINTA, .FRINTX,
                     .FRINTI, .FMUL, .FDIV, .FADD, .FSUB, .FMAX, .FMIN, .FMAXNM, .FMINNM, .FNMUL, .FMADD,
                     .FMSUB, .FNMADD, .FNMSUB, .FCMP, .FCCMP, .FCSEL, .FMOV_imm, .FMOV_toGeneral,
                     .FMOV_fromGeneral, .FCVTNS, .FCVTNU, .FCVTPS, .FCVTPU, .FCVTMS, .FCVTMU, .FCVTZS, .FCVTZU,
                     .FCVTAS, .FCVTAU, .SCVTF, .UCVTF, .SHADD, .UHADD, .SQADD, .UQADD, .SRHADD, .URHADD,
                     .SHSUB, .UHSUB, .SQSUB, .UQSUB, .CMGT, .CMHI, .CMGE, .CMHS, .CMTST, .CMEQ, .SSHL, .USHL,
                     .SQSHL, .UQSHL, .SRSHL, .URSHL, .SQRSHL, .UQRSHL, .SMAX, .UMAX, .SMIN, .UMIN, .SABD,
                     .UABD, .SABA, .UABA, .ADD_vec, .SUB_vec, .MLA, .MLS, .MUL_vec, .PMUL, .SMAXP, .UMAXP,
                     .SMINP, .UMINP, .ADDP, .SQDMULH, .SQRDMULH, .AND_vec, .BIC_vec, .ORR_vec, .ORN_vec,
                     .EOR_vec, .BSL, .BIT, .BIF, .FMLA, .FMLS, .FMULX, .FCMEQ, .FCMGE, .FCMGT, .FACGE, .FACGT,
                     .FABD, .FRECPS, .FRSQRTS, .FADDP, .FMAXP, .FMINP, .FMAXNMP, .FMINNMP, .SADDL, .UADDL,
                     .SADDW, .UADDW, .SSUBL, .USUBL, .SSUBW, .USUBW, .ADDHN, .RADDHN, .SUBHN, .RSUBHN, .SABAL,
                     .UABAL, .SABDL, .UABDL, .SMLAL, .UMLAL, .SMLSL, .UMLSL, .SMULL, .UMULL, .SQDMLAL,
                     .SQDMLSL, .SQDMULL, .PMULL, .REV64, .REV32_vec, .REV16_vec, .SADDLP, .UADDLP, .SADALP,
                     .UADALP, .SUQADD, .USQADD, .CLS_vec, .CLZ_vec, .CNT, .NOT, .RBIT_vec, .SQABS, .SQNEG,
                     .ABS, .NEG, .CMGT_zero, .CMEQ_zero, .CMLT_zero, .CMGE_zero, .CMLE_zero, .XTN, .SQXTN,
                     .UQXTN, .SQXTUN, .SHLL, .FCVTN, .FCVTL, .FCVTXN, .FCMGT_zero, .FCMEQ_zero, .FCMLT_zero,
                     .FCMGE_zero, .FCMLE_zero, .URECPE, .URSQRTE, .FRECPE, .FRSQRTE, .FRECPX, .SADDLV, .UADDLV,
                     .SMAXV, .UMAXV, .SMINV, .UMINV, .ADDV, .FMAXNMV, .FMINNMV, .FMAXV, .FMINV, .DUP_element,
                     .DUP_general, .INS_general, .INS_element, .UMOV, .SMOV, .TBL, .TBX, .UZP1, .UZP2, .TRN1,
                     .TRN2, .ZIP1, .ZIP2, .EXT, .MOVI, .ORR_vecimm, .BIC_vecimm, .SSHR, .USHR, .SSRA, .USRA,
                     .SRSHR, .URSHR, .SRSRA, .URSRA, .SHL, .SLI, .SRI, .SQSHL_imm, .UQSHL_imm, .SQSHLU, .SHRN,
                     .RSHRN, .SQSHRN, .UQSHRN, .SQRSHRN, .UQRSHRN, .SQSHRUN, .SQRSHRUN, .SSHLL, .USHLL:
                    try executeFPSIMD(d.value, pc: here())
                }
            } catch {
                pc = here()
                executed &+= instructions(from: runPC, to: pc)
                switch error {
                case .exception(let e):
                    pc = takeSynchronousException(e, pc: pc)
                    executed &+= 1
                    continue outer
                case .abort(let f):
                    pc = takeAbort(f, d.value, pc: pc)
                    executed &+= 1
                    continue outer
                case .bus(let e): stopReason = .busError(e, pc: pc, isFetch: false)
                case .stop(let r): stopReason = r
                }
                break outer
            }
            // Not a taken branch (those went to `run` or `loop` with their
            // target): the next slot. LLVM copies this step, with the
            // dispatch at the loop's head, into every case that ends here
            // (Package.swift): each case's own jump through the table is
            // predicted apart.
            slot += 1
            if Mode.observed {
                // Observed, every instruction comes through `loop`.
                pc = here()
                executed &+= instructions(from: runPC, to: pc)
                continue loop
            }
        }
        }
        }
        return executed
    }
}

/// The instructions a sequential run of the interpreter retired: from the
/// run's first PC up to `pc`, excluded (a run never leaves its block).
@inline(__always) private func instructions(from start: UInt64, to pc: UInt64) -> Int {
    Int(truncatingIfNeeded: (pc &- start) &>> 2)
}

extension CPU {
    /// SYS with an observer: it sees the operation and what it changed.
    @inline(never) func systemInstructionObserved(_ row: SystemInstructionRow, _ index: Int, _ operand: UInt64, pc: UInt64) throws(CPUException) {
        let before = shared.maintenanceEffects
        observeSystemInstruction(index, operand: operand, pc: pc)
        try systemInstruction(row.operation, operand)
        observeSystemInstructionDone(index, effect: Int(shared.maintenanceEffects &- before), pc: pc)
    }

    // The observer's calls, out of line so that the interpreter's switch
    // carries only a test for them.
    @inline(never) func observeSystemRegister(_ i: Int, isRead: Bool, value: UInt64, pc: UInt64) {
        observer?.systemRegisterAccessed(self, pc: pc, index: i, isRead: isRead, value: value)
    }
    @inline(never) func observeSystemInstruction(_ i: Int, operand: UInt64, pc: UInt64) {
        observer?.systemInstructionExecuted(self, pc: pc, index: i, operand: operand)
    }
    @inline(never) func observeSystemInstructionDone(_ i: Int, effect: Int, pc: UInt64) {
        observer?.systemInstructionCompleted(self, pc: pc, index: i, effect: effect)
    }
}

/// Whether the interpreter loop calls its observer before each instruction
/// (a compile-time constant of each specialisation).
protocol InterpreterMode { static var observed: Bool { get } }
enum Unobserved: InterpreterMode { static var observed: Bool { false } }
enum Observed: InterpreterMode { static var observed: Bool { true } }

// MARK: Bitfield moves (C6.2.31 BFM, C6.2.266 SBFM, C6.2.377 UBFM)
// The ARM ARM builds wmask/tmask with DecodeBitMasks(immediate = FALSE); the
// two cases below (imms >= immr: extract; imms < immr: insert at
// width - immr) are what those masks select.

@inline(__always) func UBFM(_ src: UInt64, r: Int, s: Int, sf: Bool) -> UInt64 {
    let width = sf ? 64 : 32
    if s >= r { return (src &>> UInt64(r)) & ones(s - r + 1) }
    return ((src & ones(s + 1)) &<< UInt64(width - r)) & ones(width)
}

@inline(__always) func SBFM(_ src: UInt64, r: Int, s: Int, sf: Bool) -> UInt64 {
    let width = sf ? 64 : 32
    let v: UInt64
    if s >= r { v = signExtend((src &>> UInt64(r)) & ones(s - r + 1), s - r + 1) }
    else { v = signExtend(src & ones(s + 1), s + 1) &<< UInt64(width - r) }
    return v & ones(width)
}

@inline(__always) func BFM(_ dst: UInt64, _ src: UInt64, r: Int, s: Int, sf: Bool) -> UInt64 {
    let width = sf ? 64 : 32
    let v: UInt64
    if s >= r {
        let m = ones(s - r + 1)
        v = (dst & ~m) | ((src &>> UInt64(r)) & m)
    } else {
        let lsb = UInt64(width - r)
        let m = ones(s + 1) &<< lsb
        v = (dst & ~m) | ((src &<< lsb) & m)
    }
    return v & ones(width)
}

@inline(__always) func reverseBits64(_ v: UInt64) -> UInt64 {
    var x = v
    x = ((x >> 1) & 0x5555_5555_5555_5555) | ((x & 0x5555_5555_5555_5555) << 1)
    x = ((x >> 2) & 0x3333_3333_3333_3333) | ((x & 0x3333_3333_3333_3333) << 2)
    x = ((x >> 4) & 0x0F0F_0F0F_0F0F_0F0F) | ((x & 0x0F0F_0F0F_0F0F_0F0F) << 4)
    return x.byteSwapped
}

/// A slot of the decoded-instruction cache, read field by field: each case
/// of the interpreter's switch loads only the operands it uses.
struct DecodedSlot {
    let p: UnsafeMutablePointer<Decoded>
    @inline(__always) init(_ p: UnsafeMutablePointer<Decoded>) { self.p = p }
    @inline(__always) var op: Op { p.pointee.op }
    @inline(__always) var rd: UInt8 { p.pointee.rd }
    @inline(__always) var rn: UInt8 { p.pointee.rn }
    @inline(__always) var rm: UInt8 { p.pointee.rm }
    @inline(__always) var ra: UInt8 { p.pointee.ra }
    @inline(__always) var sf: Bool { p.pointee.sf }
    @inline(__always) var a: UInt8 { p.pointee.a }
    @inline(__always) var b: UInt8 { p.pointee.b }
    @inline(__always) var c: UInt8 { p.pointee.c }
    @inline(__always) var holds: UInt16 { p.pointee.holds }
    @inline(__always) var imm: UInt64 { p.pointee.imm }
    /// A copy, for the functions that take a whole `Decoded`.
    @inline(__always) var value: Decoded { p.pointee }
}
