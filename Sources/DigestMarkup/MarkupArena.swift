import CArena
import CLibXML2

/// Scopes in which libxml2 takes its memory from a per-thread bump arena (`Sources/CArena`):
/// a parsed page is a few thousand nodes, strings and attributes, each one `malloc` and one
/// `free` otherwise; in a scope each is a pointer bump, freeing is a no-op, and the scope's
/// end makes the whole arena free at once. Parsing and freeing a page took 25% less time.
///
/// Every document, node list or string libxml2 allocates inside `scope` must be released
/// (or copied into Swift values) before it returns; the body is synchronous so that it runs
/// on one thread from start to end. Under AddressSanitizer (C targets built with it) and in
/// the fuzz build (`setEnabled(false)`) the arena is off: every libxml2 block is a malloc
/// that the sanitizer watches.
public enum MarkupArena {
    /// Runs `body` with libxml2's allocations in this thread's arena. Scopes nest; an inner
    /// scope's memory is free again when it ends (a feed's tree stays while each item's HTML is
    /// parsed and dropped), so memory from an outer scope must not be grown inside it.
    public static func scope<R>(_ body: () throws -> R) rethrows -> R {
        MarkupLibrary.initialize()
        carena_begin()
        defer {
            let closed = carena_end()
            if closed != 0 { xmlResetLastError() }  // the thread's last error may hold strings from the scope
            if closed == 1 { carena_reset() }
        }
        return try body()
    }

    /// Turns the arena off (plain malloc) or on for the whole process; only before any scope
    /// is opened. The fuzz build turns it off so AddressSanitizer sees every libxml2 block.
    public static func setEnabled(_ on: Bool) { carena_set_enabled(on ? 1 : 0) }

    /// Whether scopes use the arena (not under AddressSanitizer, not after `setEnabled(false)`).
    public static var isAvailable: Bool { carena_available() != 0 }

    /// Whether every block the innermost open scope still holds is the arena's (those malloc had
    /// to hand out, too large for a chunk, are freed already): a document made in it is then
    /// dropped with the scope, not freed node by node.
    public static var scopeIsClean: Bool { carena_clean(carena_depth()) != 0 }

    /// Fills this thread's arena with `byte` while no scope is open, so that a reading that
    /// depends on memory it did not write (or on a scope that already ended) changes: for the
    /// fuzz target's differential runs and for tests.
    public static func scribble(_ byte: UInt8) { carena_scribble(byte) }

    /// Bytes handed out by this thread's arena since it was last reset.
    public static var bytesInUse: Int { carena_used() }
}
