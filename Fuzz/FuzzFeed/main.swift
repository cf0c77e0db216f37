#if FUZZING
import CFuzzer
import DigestMarkup
import Foundation

if ProcessInfo.processInfo.environment["FUZZ_ARENA"] == "compare" {
    // A build without AddressSanitizer: the arena on, each input also read twice in it, compared.
    guard MarkupArena.isAvailable else { fatalError("FUZZ_ARENA=compare needs a build without AddressSanitizer") }
    compareArena = true
} else {
    MarkupArena.setEnabled(false)  // every libxml2 block a malloc AddressSanitizer watches
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    guard let data else { return 0 }
    return fuzzOneInput(data, size)
})
#else
print("FuzzFeed: build with -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING (see Fuzz/README.md)")
#endif
