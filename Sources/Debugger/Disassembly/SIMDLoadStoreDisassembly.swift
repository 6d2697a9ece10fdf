import A64

/// The SIMD&FP loads and stores (C4.1.88) as text.
extension Disassembler {
    /// LD1-LD4 and ST1-ST4 (multiple structures): opcode gives the registers
    /// per structure (selem) or, for LD1/ST1, the registers (rpt).
    static func loadStoreMultiple(_ f: inout InstructionFormatter) -> String {
        let q = f.bit(30), size = f.bits(11, 10)
        let selem: UInt32, registers: UInt32
        switch f.bits(15, 12) {
        case 0b0000: (selem, registers) = (4, 4)
        case 0b0100: (selem, registers) = (3, 3)
        case 0b1000: (selem, registers) = (2, 2)
        case 0b0010: (selem, registers) = (1, 4)
        case 0b0110: (selem, registers) = (1, 3)
        case 0b1010: (selem, registers) = (1, 2)
        default: (selem, registers) = (1, 1)
        }
        let name = (f.bit(22) ? "ld" : "st") + "\(selem)"
        let list = registerList(f.rd, count: registers, arrangement(size, q))
        return "\(name)\t\(list), " + structureAddress(bytes: registers * (q ? 16 : 8), &f)
    }

    /// LD1-LD4 and ST1-ST4 (single structure) and LD1R-LD4R: opcode<0>:R
    /// is selem - 1; opcode<2:1> the element size, whose index is Q:S:size
    /// with the bits the size uses dropped (size<0> of 32-bit elements
    /// selects 64-bit ones instead).
    static func loadStoreSingle(replicate: Bool, _ f: inout InstructionFormatter) -> String {
        let q = f.bit(30), size = f.bits(11, 10), s = f.bits(12, 12)
        let selem = (f.bits(13, 13) << 1 | f.bits(21, 21)) + 1
        let qs = (q ? 2 : 0) | s
        if replicate {
            let list = registerList(f.rd, count: selem, arrangement(size, q))
            return "ld\(selem)r\t\(list), " + structureAddress(bytes: selem << size, &f)
        }
        let scale: UInt32, index: UInt32
        switch f.bits(15, 14) {
        case 0: (scale, index) = (0, qs << 2 | size)
        case 1: (scale, index) = (1, qs << 1 | size >> 1)
        default: (scale, index) = size & 1 == 0 ? (2, qs) : (3, qs >> 1)
        }
        let list = registerList(f.rd, count: selem, elementLetter(scale)) + "[\(index)]"
        let name = (f.bit(22) ? "ld" : "st") + "\(selem)"
        return "\(name)\t\(list), " + structureAddress(bytes: selem << scale, &f)
    }

    /// "[x0]", or with post-index writeback "[x0], x2", or, for Rm = 31,
    /// the bytes transferred ("[x0], #32": LLVM prints this one in decimal).
    static func structureAddress(bytes: UInt32, _ f: inout InstructionFormatter) -> String {
        let base = "[\(f.x(f.rn, sp: true))]"
        guard f.bit(23) else { return base }
        return base + ", " + (f.rm == 31 ? dec(bytes) : f.x(f.rm))
    }

    /// LDR/STR (immediate) and LDUR/STUR: size and opc<1> give the register,
    /// B to Q.
    static func loadStoreSIMDRegister(_ form: AddressingForm, _ f: inout InstructionFormatter) -> String {
        let scale = (f.bits(23, 23) << 2) | f.bits(31, 30)
        let load = f.bit(22)
        let name = form == .unscaled ? (load ? "ldur" : "stur") : (load ? "ldr" : "str")
        let offset = form == .unsignedOffset
            ? Int64(f.bits(21, 10)) << Int64(scale)
            : Int64(bitPattern: signExtend(UInt64(f.bits(20, 12)), 9))
        return "\(name)\t\(scalar(f.rd, scale)), " + address(f.rn, offset, form)
    }

    /// LDR/STR (register): the index register is extended (option) and, with
    /// S, shifted by the access size (printed even when that is 0).
    static func loadStoreSIMDRegisterOffset(_ f: inout InstructionFormatter) -> String {
        let scale = (f.bits(23, 23) << 2) | f.bits(31, 30), option = f.bits(15, 13)
        let name = f.bit(22) ? "ldr" : "str"
        var ext = ""
        if f.bit(12) {
            ext = ", \(option == 3 ? "lsl" : extendNames[Int(option)]) #\(scale)"
        } else if option != 3 {
            ext = ", " + extendNames[Int(option)]
        }
        return "\(name)\t\(scalar(f.rd, scale)), [\(f.x(f.rn, sp: true)), \(f.r(f.rm, option & 1 == 1))\(ext)]"
    }

    /// LDP/STP and LDNP/STNP: opc 00 S, 01 D, 10 Q registers; imm7 scaled.
    static func loadStoreSIMDPair(_ form: AddressingForm, noAllocate: Bool, _ f: inout InstructionFormatter) -> String {
        let scale = f.bits(31, 30) + 2, load = f.bit(22)
        let name = noAllocate ? (load ? "ldnp" : "stnp") : (load ? "ldp" : "stp")
        let offset = Int64(bitPattern: signExtend(UInt64(f.bits(21, 15)), 7) << UInt64(scale))
        return "\(name)\t\(scalar(f.rd, scale)), \(scalar(f.ra, scale)), " + address(f.rn, offset, form)
    }
}
