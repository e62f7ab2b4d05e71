import SamspilCommandLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(Samspil.main(Array(CommandLine.arguments.dropFirst())))
