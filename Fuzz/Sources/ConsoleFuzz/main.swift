// libFuzzer entry of the console fuzz target (Fuzz/README.md).
import Debugger

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConsole(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntry.run(.console, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
