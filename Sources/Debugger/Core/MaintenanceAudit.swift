import A64

/// `--stats`: for every TLBI, DC and IC executed, how many TLB entries or
/// cache lines it removed or cleaned, per instruction form and per call
/// site; the sites whose maintenance never removed anything (candidates
/// for over-invalidation) and those that removed the most.
public final class MaintenanceAudit {
    struct Site: Hashable {
        /// Row of SystemInstructions.table.
        let form: Int
        let pc: UInt64
        let inVM: Bool
    }
    struct Tally {
        var executed = 0
        var effect = 0
    }
    private var sites: [Site: Tally] = [:]

    public init() {}

    public func record(form: Int, pc: UInt64, inVM: Bool, effect: Int) {
        let site = Site(form: form, pc: pc, inVM: inVM)
        var t = sites[site] ?? Tally()
        t.executed += 1
        t.effect += effect
        sites[site] = t
    }

    public var isEmpty: Bool { sites.isEmpty }

    /// The report, one line each (without a prefix).
    public func report(symbols: SymbolTable, limit: Int = 8) -> [String] {
        guard !sites.isEmpty else { return ["maintenance: no TLBI, DC or IC executed"] }
        var lines = ["maintenance (TLB entries and cache lines each form removed or cleaned):"]
        var forms: [String: (executed: Int, effect: Int, sites: Int)] = [:]
        for (site, t) in sites {
            let name = SystemInstructions.table[site.form].name
            let f = forms[name] ?? (0, 0, 0)
            forms[name] = (f.executed + t.executed, f.effect + t.effect, f.sites + 1)
        }
        for (form, f) in forms.sorted(by: { ($0.value.executed, $1.key) > ($1.value.executed, $0.key) }) {
            lines.append("  \(form.padded(18)) executed \(f.executed), removed or cleaned \(f.effect), at \(f.sites) call site(s)")
        }
        func where_(_ s: Site) -> String {
            "\(SystemInstructions.table[s.form].name) at \(hex(s.pc)) " + (symbols.describe(s.pc, inVM: s.inVM).map { "<\($0)>" } ?? "")
        }
        let idle = sites.filter { $0.value.effect == 0 }.sorted { ($0.value.executed, $1.key.pc) > ($1.value.executed, $0.key.pc) }
        if !idle.isEmpty {
            lines.append("maintenance that never removed anything (candidates for over-invalidation):")
            for (s, t) in idle.prefix(limit) { lines.append("  \(where_(s)): executed \(t.executed)") }
            if idle.count > limit { lines.append("  ... and \(idle.count - limit) more call site(s)") }
        }
        let busiest = sites.filter { $0.value.effect > 0 }.sorted { ($0.value.effect, $1.key.pc) > ($1.value.effect, $0.key.pc) }
        if !busiest.isEmpty {
            lines.append("maintenance that removed the most:")
            for (s, t) in busiest.prefix(limit) { lines.append("  \(where_(s)): executed \(t.executed), removed or cleaned \(t.effect)") }
        }
        return lines
    }
}
