// libFuzzer entry of the semihosting fuzz target (Fuzz/README.md).
import Debugger

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSemihosting(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntry.run(.semihosting, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
