// libFuzzer entry of the elf fuzz target (Fuzz/README.md).
import Debugger

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzELF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntry.run(.elf, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
