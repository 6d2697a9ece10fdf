import XCTest
@testable import Debugger

/// demangleSwift and demangleSwiftShort on symbol names taken from the
/// hypervisor's ELF (build/guests/hypervisor/hyp.elf: Embedded Swift, whose
/// names start "$e") and, for the forms it lacks, from ordinary Swift.
final class DemangleTests: XCTestCase {
    func testFullDemangling() {
        XCTAssertEqual(demangleSwift("$e10Hypervisor10handleExit_4code3cpuSbAA4VCPUC_s6UInt64VSitF"),
                       "Hypervisor.handleExit(_: Hypervisor.VCPU, code: Swift.UInt64, cpu: Swift.Int) -> Swift.Bool")
        XCTAssertEqual(demangleSwift("$e10Hypervisor11MaintenanceO10cleanToPoC4pageys6UInt64V_tFZ"),
                       "static Hypervisor.Maintenance.cleanToPoC(page: Swift.UInt64) -> ()")
        XCTAssertEqual(demangleSwift("$e10Hypervisor17handleStage2Abort33_456EC00E60E421B64630C403B94C6485LL_3esr5traceSbAA4VCPUC_s6UInt64VSStF"),
                       "Hypervisor.(handleStage2Abort in _456EC00E60E421B64630C403B94C6485)(_: Hypervisor.VCPU, esr: Swift.UInt64, trace: Swift.String) -> Swift.Bool")
        XCTAssertEqual(demangleSwift("$e10Hypervisor13VMIDAllocatorV4bits5limitACSi_SitcfC"),
                       "Hypervisor.VMIDAllocator.init(bits: Swift.Int, limit: Swift.Int) -> Hypervisor.VMIDAllocator")
        // With the underscore some object formats add, and ordinary Swift.
        XCTAssertEqual(demangleSwift("_$e10Hypervisor16hypSecondaryMainyys6UInt64VF"),
                       "Hypervisor.hypSecondaryMain(Swift.UInt64) -> ()")
        XCTAssertEqual(demangleSwift("$s4Demo1VV1loiySbACyxG_AEtFZ"),
                       "static Demo.V.< infix(Demo.V<A>, Demo.V<A>) -> Swift.Bool")
        XCTAssertEqual(demangleSwift("_$s4Demo5outerSiycyF"), "Demo.outer() -> () -> Swift.Int")
    }

    func testNotSwift() {
        // C symbols of the hypervisor and guests/lib, and broken names.
        for name in ["hyp_main", "mmu_map", "_start", "main", "", "$", "$e", "_$s", "$sfoo", "s4main3fooyyF"] {
            XCTAssertNil(demangleSwift(name), name)
            XCTAssertNil(demangleSwiftShort(name), name)
        }
    }

    func testShortFunctionsAndMethods() {
        let cases: [(String, String)] = [
            ("$e10Hypervisor10handleExit_4code3cpuSbAA4VCPUC_s6UInt64VSitF", "Hypervisor.handleExit(_:code:cpu:)"),
            // A file-private function: no discriminator.
            ("$e10Hypervisor17handleStage2Abort33_456EC00E60E421B64630C403B94C6485LL_3esr5traceSbAA4VCPUC_s6UInt64VSStF",
             "Hypervisor.handleStage2Abort(_:esr:trace:)"),
            ("$e10Hypervisor10vmRegister33_456EC00E60E421B64630C403B94C6485LLySo11vcpu_sysregVSgs6UInt64V_A3HtF",
             "Hypervisor.vmRegister(_:_:_:_:)"),
            // Static methods, initializers, accessors.
            ("$e10Hypervisor11MaintenanceO10cleanToPoC4pageys6UInt64V_tFZ", "Hypervisor.Maintenance.cleanToPoC(page:)"),
            ("$e10Hypervisor13VMIDAllocatorV4bits5limitACSi_SitcfC", "Hypervisor.VMIDAllocator.init(bits:limit:)"),
            ("$e10Hypervisor11MaintenanceO15instructionLines6UInt64VvgZ", "Hypervisor.Maintenance.instructionLine.getter"),
            ("$e10Hypervisor19FlattenedDeviceTreeV4blobSays5UInt8VGyF", "Hypervisor.FlattenedDeviceTree.blob()"),
            // A merged function ("Tm") and an operator.
            ("$e10Hypervisor16hypSecondaryMainyys6UInt64VFTm", "Hypervisor.hypSecondaryMain(_:)"),
            ("$eSS1poiyS2S_SStFZ", "Swift.String.+ infix(_:_:)"),
        ]
        for (mangled, short) in cases { XCTAssertEqual(demangleSwiftShort(mangled), short, mangled) }
    }

    func testShortClosuresAndLocalFunctions() {
        let cases: [(String, String)] = [
            ("$e10Hypervisor10handleExit_4code3cpuSbAA4VCPUC_s6UInt64VSitFSSyXEfu0_",
             "implicit closure #2 in Hypervisor.handleExit(_:code:cpu:)"),
            ("$e10Hypervisor20handleSystemRegister33_456EC00E60E421B64630C403B94C6485LL_3esr5traceSbAA4VCPUC_s6UInt64VSStFSSyXEfu9_",
             "implicit closure #11 in Hypervisor.handleSystemRegister(_:esr:trace:)"),
            ("$e10Hypervisor14readGuestImage_7ramBase0E4SizeAA0cD0VSS_s6UInt64VAHtF3badL_ys5NeverOSSF",
             "bad #1 in Hypervisor.readGuestImage(_:ramBase:ramSize:)"),
            ("$es11_StringGutsV29_opaqueComplexCharacterStride10startingAtS2i_tFSiSRys5UInt8VGXEfU_s7UnicodeO6ScalarV6scalar_Si3endtSgSiXEfU_",
             "closure #1 in closure #1 in Swift._StringGuts._opaqueComplexCharacterStride(startingAt:)"),
        ]
        for (mangled, short) in cases { XCTAssertEqual(demangleSwiftShort(mangled), short, mangled) }
    }

    func testShortSpecializationsAndThunks() {
        let cases: [(String, String)] = [
            // Function signature specialization (closure propagated): its
            // "<...>" does not balance in the full demangling.
            ("$e10HypervisorAAC5traceyySSyXKF101$e10Hypervisor15tlbFlushVMIDIPA33_6387C8E8FE25FCC51A58B4E2B5D55BEALL_3ipayAA2VMC_s6UInt64VtFSSyXEfu1_Tf1cn_n",
             "specialized Hypervisor.Hypervisor.trace(_:)"),
            ("$e10Hypervisor19FlattenedDeviceTreeV4blobSays5UInt8VGyF1wL_yySiFTf0ns_n",
             "specialized w #1 in Hypervisor.FlattenedDeviceTree.blob()"),
            // Generic specializations of the standard library.
            ("$eSa6appendyyxnF10Hypervisor2VMC_Tg5", "specialized Swift.Array.append(_:)"),
            ("$eSa6append10contentsOfyqd__n_t7ElementQyd__RszSTRd__lF10Hypervisor4VCPUC_SayAGGTg5",
             "specialized Swift.Array.append<A>(contentsOf:)"),
            ("$eSlsSQ7ElementRpzrlE5split9separator9maxSplits25omittingEmptySubsequencesSay11SubSequenceQzGAB_SiSbtFSbABXEfU_SS_TG5TA",
             "partial apply forwarder for specialized closure #1 in Swift.Collection.split(separator:maxSplits:omittingEmptySubsequences:)"),
            ("$e10Hypervisor16SchedulingPolicyOSHAASH4hash4intoys6HasherVz_tFTW",
             "protocol witness for Swift.Hashable.hash(into:) in conformance Hypervisor.SchedulingPolicy"),
            ("$e10Hypervisor3FixO8allCasesSayACGvgZTv_r", "outlined read-only object #0 of Hypervisor.Fix.allCases.getter"),
        ]
        for (mangled, short) in cases { XCTAssertEqual(demangleSwiftShort(mangled), short, mangled) }
    }

    func testShortOrdinarySwift() {
        let cases: [(String, String)] = [
            ("$s4Demo1VV1loiySbACyxG_AEtFZ", "Demo.V.< infix(_:_:)"),
            ("$s4Demo1VV3zzloiySiACyxG_AEtFZ", "Demo.V...< infix(_:_:)"),
            ("$s4Demo1VV1f_1gSay7ElementQyd__Gqd___ySiKctYaKSTRd__SQAGRQlF", "Demo.V.f<A>(_:g:)"),
            ("$s4Demo1VV1mySi1x_Si1ytSgSDySSSi_SitGzF", "Demo.V.m(_:)"),
            ("$s4Demo1VVyxSi_Sitcig", "Demo.V.subscript.getter"),
            ("$sSa4DemoSiRszlE3sumSiyF", "Swift.Array<A>.sum()"),
            ("_$s4Demo5outerSiycyF", "Demo.outer()"),
            ("$s4Demo1VV1xxvM.resume.0", "Demo.V.x.modify.resume.0"),
        ]
        for (mangled, short) in cases { XCTAssertEqual(demangleSwiftShort(mangled), short, mangled) }
    }

    /// Bracket matching never runs off the end of odd input.
    func testShortenerOnOddText() {
        for text in ["", "(", ")", "<", ">", "->", "f(", "f(a: (", "a in b in", "closure #1 (", " : ",
                     "generic specialization <", "protocol witness for x in conformance ", "f<A where>()"] {
            _ = SwiftNameShortener.shorten(text)
        }
        XCTAssertEqual(SwiftNameShortener.shorten("M.f(a: (Swift.Int, Swift.Int), _: [Swift.String : Swift.Int], c: @escaping (Swift.Int) -> ()) throws -> Swift.Int"),
                       "M.f(a:_:c:)")
        // The unbalanced "[" of a function signature specialization does
        // not hide the " in " after it.
        XCTAssertEqual(SwiftNameShortener.shorten("function signature specialization <Arg[0] = [Closure Propagated : $e1M1fyyF, Argument Types : []> of closure #1 (Swift.Int) -> () in M.g(a: Swift.Int) -> ()"),
                       "specialized closure #1 in M.g(a:)")
        XCTAssertEqual(SwiftNameShortener.shorten("generic specialization <Swift.Array<Swift.Int>> of M.h<A>(A) -> ()"),
                       "specialized M.h<A>(_:)")
    }
}
