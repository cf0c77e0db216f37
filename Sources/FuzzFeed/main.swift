#if FUZZING
import CFuzzer
import Foundation

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    guard let data else { return 0 }
    return fuzzOneInput(data, size)
})
#else
print("FuzzFeed: build with -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING (see Fuzz/README.md)")
#endif
