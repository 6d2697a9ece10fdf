// libFuzzer entry of the gdb fuzz target (Fuzz/README.md).
import Debugger

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGDB(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntry.run(.gdb, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
