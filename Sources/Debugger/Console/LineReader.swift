#if canImport(Glibc)
import Glibc
#endif
import CLibEdit

/// The console's input: libedit's `readline` with history on a terminal;
/// plain lines from a pipe or file (scripts and tests), without echo.
public final class LineReader {
    public let interactive: Bool

    public init() { interactive = isatty(0) != 0 }

    /// The next line, or nil at end of input.
    public func read(prompt: String) -> String? {
        guard interactive else { return readLine(strippingNewline: true) }
        guard let p = readline(prompt) else { return nil }
        defer { free(p) }
        let line = String(cString: p)
        if !line.allSatisfy({ $0 == " " }) { add_history(p) }
        return line
    }
}
