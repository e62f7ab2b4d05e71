import SamspilEngine

/// Each bed pool's patients and overflow over time, as time-weighted levels
/// in one manually managed buffer: an admission or a discharge updates both
/// with plain stores (through two arrays of structs it paid two uniqueness
/// checks). A copy shares the buffer; the monitor owns it and the
/// simulation frees it with `deallocate()` when the replication is done.
struct PoolLevels {
    private let base: UnsafeMutablePointer<TimeWeightedLevel>
    /// The number of bed pools.
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: 2 * Swift.max(count, 1))
        base.initialize(repeating: TimeWeightedLevel(), count: 2 * Swift.max(count, 1))
    }

    /// Pool `h`'s patients (in its beds or in overflow).
    /// - Complexity: O(1).
    @inline(__always)
    func occupancy(_ h: Int) -> UnsafeMutablePointer<TimeWeightedLevel> {
        precondition(UInt(bitPattern: h) < UInt(bitPattern: count), "bed pool out of range")
        return base + 2 &* h
    }

    /// Pool `h`'s patients without one of its available beds.
    /// - Complexity: O(1).
    @inline(__always)
    func overflow(_ h: Int) -> UnsafeMutablePointer<TimeWeightedLevel> {
        precondition(UInt(bitPattern: h) < UInt(bitPattern: count), "bed pool out of range")
        return base + (2 &* h &+ 1)
    }

    /// Every pool's occupancy, in pool order (for the result).
    var occupancies: [TimeWeightedLevel] { (0..<count).map { occupancy($0).pointee } }
    /// Every pool's overflow, in pool order (for the result).
    var overflows: [TimeWeightedLevel] { (0..<count).map { overflow($0).pointee } }

    func deallocate() { base.deallocate() }
}
