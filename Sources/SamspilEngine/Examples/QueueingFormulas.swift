/// Closed-form results for Markovian queues, against which the engine is
/// validated (and with which a benchmark's output can be checked at a glance).
public enum QueueingFormulas {
    /// Erlang's loss formula B(c, a): the probability that an arrival to an
    /// M/M/c/c system with offered load `a = λ/μ` finds every server busy.
    /// Computed by the stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
    /// - Complexity: O(c).
    public static func erlangB(servers: Int, offeredLoad a: Double) -> Double {
        precondition(servers >= 0 && a >= 0)
        var b = 1.0
        if servers > 0 {
            for k in 1...servers { b = a * b / (Double(k) + a * b) }
        }
        return b
    }

    /// Erlang's delay formula C(c, a): the probability that an arrival to an M/M/c
    /// queue has to wait. Requires `a < c` (a stable queue).
    public static func erlangC(servers c: Int, offeredLoad a: Double) -> Double {
        precondition(a < Double(c), "M/M/c is stable only for a < c")
        let b = erlangB(servers: c, offeredLoad: a)
        let rho = a / Double(c)
        return b / (1 - rho + rho * b)
    }

    /// Mean waiting time in queue Wq of an M/M/c queue.
    public static func meanWaitInQueue(servers c: Int, arrivalRate lambda: Double, serviceRate mu: Double) -> Double {
        let a = lambda / mu
        return erlangC(servers: c, offeredLoad: a) / (Double(c) * mu - lambda)
    }

    /// Mean queue length Lq of an M/M/c queue (Little: Lq = λ·Wq).
    public static func meanQueueLength(servers c: Int, arrivalRate lambda: Double, serviceRate mu: Double) -> Double {
        lambda * meanWaitInQueue(servers: c, arrivalRate: lambda, serviceRate: mu)
    }
}
