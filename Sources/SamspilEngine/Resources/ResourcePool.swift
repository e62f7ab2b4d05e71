/// A pool of identical capacity units (beds, nurses, GP slots) with a FIFO queue,
/// whose capacity may change over time (shift schedules, bed closures).
///
/// The pool does not schedule anything itself; the model asks and is told:
///
/// ```swift
/// if pool.request(patient, at: now) { startService(patient) }   // else queued
/// ...
/// pool.release(at: now)
/// while let next = pool.admitNext(at: now) { startService(next) }
/// ```
///
/// Capacity reductions never pre-empt: units in use stay in use until released,
/// and no new unit is granted while `inUse >= capacity`. That is how shifts end
/// (a nurse finishes the visit) and how beds close (no new patient into a closed
/// bed). "No resource exceeds capacity" therefore means: nothing is ever
/// *granted* beyond capacity — checked by ``grantsBeyondCapacity``.
@frozen
public struct ResourcePool: Sendable {
    public struct Waiting: Sendable, Equatable {
        public var entity: UInt32
        public var since: Double
        @inlinable public init(entity: UInt32, since: Double) {
            self.entity = entity
            self.since = since
        }
    }

    @usableFromInline var _capacity: Int
    @usableFromInline var _inUse: Int
    @usableFromInline var _queue: RingBuffer<Waiting>
    /// Units in use over time.
    public var busy: TimeWeightedLevel
    /// Queue length over time.
    public var queueLength: TimeWeightedLevel
    /// Capacity over time (for utilisation under changing capacity).
    public var capacityLevel: TimeWeightedLevel
    /// Time from request to grant, for every granted request (zero when immediate).
    public var waits: Tally
    /// Requests made since the last statistics reset.
    @inlinable public var requests: Int { _requests }
    @usableFromInline var _requests: Int
    /// Requests refused by ``tryAcquire(at:)`` because the pool was full.
    @inlinable public var refusals: Int { _refusals }
    @usableFromInline var _refusals: Int
    /// Grants made while `inUse >= capacity`; stays 0 unless the model is wrong.
    @inlinable public var grantsBeyondCapacity: Int { _grantsBeyondCapacity }
    @usableFromInline var _grantsBeyondCapacity: Int

    public init(capacity: Int, at time: Double = 0) {
        precondition(capacity >= 0, "capacity must be non-negative")
        _capacity = capacity
        _inUse = 0
        _queue = RingBuffer()
        busy = TimeWeightedLevel(level: 0, at: time)
        queueLength = TimeWeightedLevel(level: 0, at: time)
        capacityLevel = TimeWeightedLevel(level: Double(capacity), at: time)
        waits = Tally()
        _requests = 0
        _refusals = 0
        _grantsBeyondCapacity = 0
    }

    @inlinable public var capacity: Int { _capacity }
    @inlinable public var inUse: Int { _inUse }
    @inlinable public var available: Int { Swift.max(0, _capacity - _inUse) }
    @inlinable public var queueCount: Int { _queue.count }

    /// Asks for one unit; grants it now (returns `true`) or queues the entity FIFO.
    /// - Complexity: O(1) amortised.
    @inlinable
    public mutating func request(_ entity: UInt32, at now: Double) -> Bool {
        _requests &+= 1
        if _inUse < _capacity && _queue.isEmpty {
            _grant(at: now, waited: 0)
            return true
        }
        _queue.append(Waiting(entity: entity, since: now))
        queueLength.set(Double(_queue.count), at: now)
        return false
    }

    /// Takes one unit if one is free; otherwise counts a refusal (a loss system:
    /// the caller sends the entity elsewhere).
    /// - Complexity: O(1).
    @inlinable
    public mutating func tryAcquire(at now: Double) -> Bool {
        _requests &+= 1
        if _inUse < _capacity && _queue.isEmpty {
            _grant(at: now, waited: 0)
            return true
        }
        _refusals &+= 1
        return false
    }

    /// Returns one unit. Call ``admitNext(at:)`` afterwards to serve the queue.
    /// - Complexity: O(1).
    @inlinable
    public mutating func release(at now: Double) {
        precondition(_inUse > 0, "release without a unit in use")
        _inUse &-= 1
        busy.set(Double(_inUse), at: now)
    }

    /// Grants a unit to the longest-waiting entity if capacity allows.
    /// - Complexity: O(1).
    @inlinable
    public mutating func admitNext(at now: Double) -> UInt32? {
        guard _inUse < _capacity, let head = _queue.popFirst() else { return nil }
        queueLength.set(Double(_queue.count), at: now)
        _grant(at: now, waited: now - head.since)
        return head.entity
    }

    /// Changes the capacity from `now` on. Call ``admitNext(at:)`` afterwards:
    /// an increase may serve queued entities.
    @inlinable
    public mutating func setCapacity(_ newCapacity: Int, at now: Double) {
        precondition(newCapacity >= 0, "capacity must be non-negative")
        _capacity = newCapacity
        capacityLevel.set(Double(newCapacity), at: now)
    }

    @inlinable
    mutating func _grant(at now: Double, waited: Double) {
        if _inUse >= _capacity { _grantsBeyondCapacity &+= 1 }
        _inUse &+= 1
        busy.set(Double(_inUse), at: now)
        waits.record(waited)
    }

    /// Mean units in use divided by mean capacity over the window ending at `now`.
    public func utilisation(upTo now: Double) -> Double {
        let c = capacityLevel.mean(upTo: now)
        return c > 0 ? busy.mean(upTo: now) / c : 0
    }

    /// Starts a new observation window at `now` (end of warm-up); the state carries over.
    public mutating func resetStatistics(at now: Double) {
        busy.reset(at: now)
        queueLength.reset(at: now)
        capacityLevel.reset(at: now)
        waits.reset()
        _requests = 0
        _refusals = 0
        _grantsBeyondCapacity = 0
    }
}
