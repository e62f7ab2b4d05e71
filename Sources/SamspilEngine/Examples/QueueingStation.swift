/// A reference model on the engine: one multi-server station with Poisson
/// arrivals and exponential service — M/M/c, M/M/c/c (loss) and M/M/∞.
///
/// It exists to validate the engine against closed-form queueing results (Erlang
/// B and C, Little's law, Poisson occupancy) and to benchmark it, so it is written
/// exactly as a model would be: a scheduler, a resource pool, named event kinds,
/// one `switch`, and random streams named by purpose.
public enum QueueingStation {
    public enum Discipline: Sendable {
        /// Customers who find every server busy wait in a FIFO queue (M/M/c).
        case queue
        /// Customers who find every server busy are lost (M/M/c/c, Erlang B).
        case loss
    }

    public struct Configuration: Sendable {
        /// Servers; `Int.max` for M/M/∞.
        public var servers: Int
        public var arrivalRate: Double
        public var serviceRate: Double
        public var discipline: Discipline
        /// Customers whose statistics are discarded before measurement starts.
        public var warmupCustomers: Int
        /// Customers measured after the warm-up.
        public var customers: Int
        public var seed: UInt64
        public var replication: Int

        public init(servers: Int, arrivalRate: Double, serviceRate: Double, discipline: Discipline = .queue,
                    warmupCustomers: Int = 0, customers: Int, seed: UInt64 = 1, replication: Int = 0) {
            self.servers = servers
            self.arrivalRate = arrivalRate
            self.serviceRate = serviceRate
            self.discipline = discipline
            self.warmupCustomers = warmupCustomers
            self.customers = customers
            self.seed = seed
            self.replication = replication
        }
    }

    public struct Result: Sendable {
        /// Waiting time in queue of every customer who entered service during the
        /// measurement window (zero for those served at once).
        public var waitInQueue: Tally
        /// Fraction of measured arrivals that had to wait (P(W > 0)).
        public var probabilityOfWaiting: Double
        /// Fraction of measured arrivals lost (loss discipline).
        public var blockingProbability: Double
        /// Time-average number of busy servers over the measurement window.
        public var meanBusy: Double
        /// Time-average queue length over the measurement window.
        public var meanQueueLength: Double
        /// Exact time-weighted distribution of the number in service.
        public var busyDistribution: LevelHistogram
        /// Measured arrivals per unit time.
        public var arrivalRateObserved: Double
        /// ∫ queue length dt over the window, for Little's law checks.
        public var queueLengthIntegral: Double
        public var measurementTime: Double
        public var events: UInt64

        @inlinable
        public init(waitInQueue: Tally, probabilityOfWaiting: Double, blockingProbability: Double, meanBusy: Double,
                    meanQueueLength: Double, busyDistribution: LevelHistogram, arrivalRateObserved: Double,
                    queueLengthIntegral: Double, measurementTime: Double, events: UInt64) {
            self.waitInQueue = waitInQueue
            self.probabilityOfWaiting = probabilityOfWaiting
            self.blockingProbability = blockingProbability
            self.meanBusy = meanBusy
            self.meanQueueLength = meanQueueLength
            self.busyDistribution = busyDistribution
            self.arrivalRateObserved = arrivalRateObserved
            self.queueLengthIntegral = queueLengthIntegral
            self.measurementTime = measurementTime
            self.events = events
        }
    }

    @usableFromInline
    enum _Kind {
        @usableFromInline static let arrival: UInt16 = 0
        @usableFromInline static let departure: UInt16 = 1
    }

    public static let arrivalPurpose = StreamPurpose("queueing.arrivals")
    public static let servicePurpose = StreamPurpose("queueing.service")

    /// Runs one replication.
    /// - Complexity: O(customers) events, each O(calendar operation).
    @inlinable
    public static func run<Calendar: EventCalendar>(_ configuration: Configuration,
                                                    calendar: Calendar.Type = LadderQueueCalendar.self) -> Result {
        let c = configuration
        precondition(c.arrivalRate > 0 && c.serviceRate > 0 && c.servers > 0 && c.customers > 0)
        var arrivals = Xoshiro256StarStar(StreamKey(masterSeed: c.seed, replication: c.replication, purpose: arrivalPurpose))
        var services = Xoshiro256StarStar(StreamKey(masterSeed: c.seed, replication: c.replication, purpose: servicePurpose))
        let interarrival = Distribution.exponential(mean: 1 / c.arrivalRate)
        let service = Distribution.exponential(mean: 1 / c.serviceRate)

        var scheduler = Scheduler<Calendar>()
        var pool = ResourcePool(capacity: c.servers)
        var busyDistribution = LevelHistogram()
        var measuredArrivals = 0
        var waited = 0
        var lost = 0
        var arrived = 0
        var windowStart = 0.0
        let total = c.warmupCustomers + c.customers

        // The run ends at the last arrival: measuring until the system drains would
        // add an unrepresentative emptying period to every time average.
        scheduler.schedule(_Kind.arrival, at: interarrival.sample(using: &arrivals), priority: .seize)
        loop: while let event = scheduler.next() {
            let now = event.time
            switch event.kind {
            case _Kind.arrival:
                arrived &+= 1
                if arrived == c.warmupCustomers &+ 1 {
                    windowStart = now
                    pool.resetStatistics(at: now)
                    busyDistribution.reset(at: now)
                }
                if arrived > total { break loop }
                scheduler.schedule(_Kind.arrival, after: interarrival.sample(using: &arrivals), priority: .seize)
                let measuring = arrived > c.warmupCustomers
                if measuring { measuredArrivals &+= 1 }
                let granted: Bool
                switch c.discipline {
                case .queue:
                    granted = pool.request(UInt32(truncatingIfNeeded: arrived), at: now)
                    if !granted && measuring { waited &+= 1 }
                case .loss:
                    granted = pool.tryAcquire(at: now)
                    if !granted && measuring { lost &+= 1 }
                }
                if granted {
                    busyDistribution.set(pool.inUse, at: now)
                    scheduler.schedule(_Kind.departure, after: service.sample(using: &services), priority: .release)
                }
            case _Kind.departure:
                pool.release(at: now)
                if pool.admitNext(at: now) != nil {
                    scheduler.schedule(_Kind.departure, after: service.sample(using: &services), priority: .release)
                }
                busyDistribution.set(pool.inUse, at: now)
            default:
                preconditionFailure("unknown event kind")
            }
        }
        let end = scheduler.now
        let span = end - windowStart
        return Result(
            waitInQueue: pool.waits,
            probabilityOfWaiting: Double(waited) / Double(Swift.max(measuredArrivals, 1)),
            blockingProbability: Double(lost) / Double(Swift.max(measuredArrivals, 1)),
            meanBusy: pool.busy.mean(upTo: end),
            meanQueueLength: pool.queueLength.mean(upTo: end),
            busyDistribution: busyDistribution,
            arrivalRateObserved: span > 0 ? Double(measuredArrivals) / span : 0,
            queueLengthIntegral: pool.queueLength.integral(upTo: end),
            measurementTime: span,
            events: scheduler.eventsProcessed)
    }
}
