import SamspilEngine

let usage = """
usage: engine-bench mmc [--servers C] [--arrival-rate λ] [--service-rate μ] [--customers N]
                        [--warmup N] [--seed S] [--calendar binary|quaternary|radix|ladder] [--repeats R]
       engine-bench hold [--all-increments]
       engine-bench sample
Build with: swift build -c release --product engine-bench
"""

let allArguments = Array(CommandLine.arguments.dropFirst())
guard let command = allArguments.first else { print(usage); exit(0) }
let arguments = Array(allArguments.dropFirst())

func value(_ i: inout Int, _ name: String, in arguments: [String] = arguments) -> String {
    i += 1
    guard i < arguments.count else { fail("\(name) needs a value") }
    return arguments[i]
}

switch command {
case "mmc":
    var o = MMcOptions()
    var i = 0
    while i < arguments.count {
        let a = arguments[i]
        switch a {
        case "--servers": o.servers = parsed(value(&i, a), as: { Int($0) }, "--servers takes an integer")
        case "--arrival-rate": o.arrivalRate = parsed(value(&i, a), as: { Double($0) }, "--arrival-rate takes a number")
        case "--service-rate": o.serviceRate = parsed(value(&i, a), as: { Double($0) }, "--service-rate takes a number")
        case "--customers": o.customers = parsed(value(&i, a), as: { Int($0) }, "--customers takes an integer")
        case "--warmup": o.warmup = parsed(value(&i, a), as: { Int($0) }, "--warmup takes an integer")
        case "--seed": o.seed = parsed(value(&i, a), as: { UInt64($0) }, "--seed takes a non-negative integer")
        case "--calendar": o.calendar = value(&i, a)
        case "--repeats": o.repeats = parsed(value(&i, a), as: { Int($0) }, "--repeats takes an integer")
        default: fail("unknown option \(a)\n\(usage)")
        }
        i += 1
    }
    guard o.servers > 0, o.arrivalRate > 0, o.serviceRate > 0, o.customers > 0, o.repeats > 0 else {
        fail("servers, rates, customers and repeats must be positive")
    }
    runMMc(o)
case "hold":
    runHoldBenchmarks(increments: arguments.contains("--all-increments") ? HoldIncrement.allCases : [.exponential])
case "sample":
    runSamplingBenchmark()
case "-h", "--help", "help":
    print(usage)
default:
    fail("unknown benchmark '\(command)'\n\(usage)")
}
