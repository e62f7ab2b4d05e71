import SamspilEngine

/// Each bed pool's patients and overflow over time, as time-weighted levels
/// side by side in one `StateArray`: an admission or a discharge updates both
/// with plain stores in one place (through two arrays of structs it paid two
/// uniqueness checks). A copy shares the buffer; the monitor frees it with
/// `deallocate()` when the replication is done.
struct PoolLevels {
    /// Pool `h`'s occupancy at `2h`, its overflow at `2h + 1`.
    private let levels: StateArray<TimeWeightedLevel>
    /// The number of bed pools.
    let count: Int

    init(count: Int) {
        self.count = count
        levels = StateArray(repeating: TimeWeightedLevel(), count: 2 * count)
    }

    /// Pool `h`'s patients (in its beds or in overflow).
    /// - Complexity: O(1).
    @inline(__always)
    func occupancy(_ h: Int) -> UnsafeMutablePointer<TimeWeightedLevel> { levels._address(2 &* h) }

    /// Pool `h`'s patients without one of its available beds.
    /// - Complexity: O(1).
    @inline(__always)
    func overflow(_ h: Int) -> UnsafeMutablePointer<TimeWeightedLevel> { levels._address(2 &* h &+ 1) }

    /// Every pool's occupancy, in pool order (for the result).
    var occupancies: [TimeWeightedLevel] { (0..<count).map { occupancy($0).pointee } }
    /// Every pool's overflow, in pool order (for the result).
    var overflows: [TimeWeightedLevel] { (0..<count).map { overflow($0).pointee } }

    func deallocate() { levels.deallocate() }
}
