import A64

/// The SIMD&FP rows of `a64Encodings` as text (llvm-objdump's syntax).
extension Disassembler {
    static func simd(_ form: SIMDForm, _ row: EncodingRow, _ f: inout InstructionFormatter) -> String? {
        nil
    }
}
