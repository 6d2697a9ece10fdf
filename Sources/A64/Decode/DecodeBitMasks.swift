/// DecodeBitMasks (ARM ARM J1, shared/functions/bitmasks) for logical
/// immediates: returns wmask for (N, imms, immr), or nil when the encoding is
/// reserved. `datasize` is 32 or 64.
public func decodeBitMasks(n: UInt32, imms: UInt32, immr: UInt32, datasize: Int) -> UInt64? {
    // len = HighestSetBit(N:NOT(imms))
    let combined = (n << 6) | (~imms & 0x3F)
    guard combined != 0 else { return nil }
    let len = 31 - combined.leadingZeroBitCount
    guard len >= 1 else { return nil }
    let esize = 1 << len
    guard esize <= datasize else { return nil }
    let levels = UInt32(esize - 1)
    // For logical immediates an all-ones element is reserved.
    guard imms & levels != levels else { return nil }
    let s = Int(imms & levels), r = Int(immr & levels)
    let welem: UInt64 = (s + 1 == 64) ? ~0 : (UInt64(1) << UInt64(s + 1)) - 1
    let emask: UInt64 = esize == 64 ? ~0 : (UInt64(1) << UInt64(esize)) - 1
    // ROR(welem, r) within esize bits
    var elem = welem
    if r != 0 { elem = ((welem >> UInt64(r)) | (welem << UInt64(esize - r))) & emask }
    // Replicate to 64 bits
    var result: UInt64 = 0
    var pos = 0
    while pos < 64 { result |= elem << UInt64(pos); pos += esize }
    return datasize == 32 ? result & 0xFFFF_FFFF : result
}
