import SamspilEngine

/// Where an episode is in its pathway.
enum Phase: UInt8 {
    case free = 0
    /// Waiting for the next GP office day.
    case waitingForGP
    /// In a hospital bed, not yet medically ready.
    case inHospital
    /// Medically ready, waiting for the municipality (notification, accepted hours, capacity).
    case awaitingDischarge
    /// Treated at home by the acute team.
    case teamCare
    /// Treated in a municipal acute bed.
    case acuteBed
    /// Discharged; a readmission is scheduled.
    case awaitingReadmission
    /// Finished, but nurse visits it requested are still queued; freed when they clear.
    case draining
}

/// How an episode (or an admission) came about.
public enum Route: UInt8, Sendable, CaseIterable {
    case gp = 0
    case outOfHours
    case emergencyCall
    case escalation
    case readmission
}

/// Where a hospital patient lies.
enum Place: UInt8 {
    case hospitalBed = 0
    /// A free bed of a pooled municipal acute-bed unit.
    case pooledAcuteBed
    /// Outside the ward for the whole stay (`OverflowPolicy.stayInOverflow`).
    case overflow
}

/// One live episode: about 80 bytes, no references, recycled through a free list.
struct Episode {
    var key: UInt64 = 0
    var start: Double = 0
    var admitTime: Double = 0
    var readyTime: Double = 0
    var phaseEnd: Double = 0
    var municipality: UInt16 = 0
    /// `UInt16.max` until a hospital is chosen.
    var hospital: UInt16 = .max
    var group: UInt8 = 0
    var age: UInt8 = 0
    var band: UInt8 = 0
    var route: UInt8 = 0
    var phase: Phase = .free
    var place: Place = .hospitalBed
    var readmissionOrdinal: UInt8 = 0
    var visitsPerDay: UInt8 = 0
    /// Nurse requests queued or in service for this episode.
    var nurseRequests: UInt16 = 0
    var flags: Flags = []
    var team: Int16 = -1
    var bedUnit: Int16 = -1

    struct Flags: OptionSet {
        var rawValue: UInt32
        /// Started after the warm-up: counted in episode metrics.
        static let measured = Flags(rawValue: 1 << 0)
        /// The same doctor would have admitted with no acute alternative.
        static let counterfactualAdmit = Flags(rawValue: 1 << 1)
        /// Admitted to hospital at some point of the index episode.
        static let admittedInPath = Flags(rawValue: 1 << 2)
        /// A readmission (not an index episode).
        static let isReadmission = Flags(rawValue: 1 << 3)
        static let followUp = Flags(rawValue: 1 << 4)
        static let rushed = Flags(rawValue: 1 << 5)
        static let delayed = Flags(rawValue: 1 << 6)
        /// The team episode has reached its end but a visit is still under way.
        static let teamEnding = Flags(rawValue: 1 << 7)
        /// The first visit has started (response time recorded).
        static let firstVisitDone = Flags(rawValue: 1 << 8)
        /// The outcome of the index episode has been recorded.
        static let outcomeRecorded = Flags(rawValue: 1 << 9)
        static let needsCare = Flags(rawValue: 1 << 10)
        static let temporaryBed = Flags(rawValue: 1 << 11)
        /// A team episode that came from early discharge (it ends the hospital stay).
        static let fromEarlyDischarge = Flags(rawValue: 1 << 13)
        /// The acute-bed episode lies in a pooled hospital bed.
        static let inLentHospitalBed = Flags(rawValue: 1 << 14)
        /// A home-care start has been granted; the patient leaves at the accepted hour.
        static let homeCareGranted = Flags(rawValue: 1 << 16)
        /// A patient placed in hospital at time 0 by the initial state: not an episode.
        static let synthetic = Flags(rawValue: 1 << 17)
        /// The pending return follows an ending without a hospital stay.
        static let returnFromCommunity = Flags(rawValue: 1 << 18)
    }
}

/// Live episodes; finished slots are reused, so memory follows the number of
/// concurrent episodes, not the number simulated.
struct EpisodeStore {
    /// Handlers write a slot several times per event: in a `StateStack` each
    /// write is a store, not a uniqueness check and a store.
    var slots = StateStack<Episode>()
    var free = StateStack<UInt32>()
    /// Each slot's generation: bumping it cancels every pending event of the
    /// slot (`Event.tag` carries the generation it was scheduled in).
    var generations = StateStack<UInt32>()
    var live = 0
    var peak = 0

    mutating func allocate() -> UInt32 {
        live += 1
        if live > peak { peak = live }
        if let id = free.popLast() { return id }
        slots.append(Episode())
        generations.append(0)
        return UInt32(slots.count - 1)
    }

    mutating func release(_ id: UInt32) {
        slots[Int(id)] = Episode()
        invalidate(id)
        free.append(id)
        live -= 1
    }

    /// Cancels every pending event of slot `id`.
    /// - Complexity: O(1).
    @inline(__always)
    func invalidate(_ id: UInt32) { generations[Int(id)] &+= 1 }

    /// Whether `event` was scheduled in its slot's current generation.
    /// - Complexity: O(1).
    @inline(__always)
    func isCurrent(_ event: Event) -> Bool { generations[Int(event.entity)] == event.tag }

    /// Frees the buffers (at the end of the replication).
    func deallocate() {
        slots.deallocate()
        free.deallocate()
        generations.deallocate()
    }
}
