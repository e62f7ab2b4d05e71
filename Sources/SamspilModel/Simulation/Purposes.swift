import SamspilEngine

/// The purposes of random draws. Each episode draws every decision from its own
/// stream per purpose, keyed by the episode's identity, so two scenarios that
/// treat the same patient differently still give it the same severity, the same
/// length of stay, the same readmission draw (common random numbers).
enum Purpose {
    static let arrivals = StreamPurpose("arrivals")
    static let episode = StreamPurpose("episode")
    static let severity = StreamPurpose("severity").rawValue
    static let route = StreamPurpose("route").rawValue
    static let participation = StreamPurpose("gp-participation").rawValue
    static let decision = StreamPurpose("decision").rawValue
    static let forward = StreamPurpose("forward-visitation").rawValue
    static let hospital = StreamPurpose("hospital-choice").rawValue
    static let stay = StreamPurpose("length-of-stay").rawValue
    static let needsCare = StreamPurpose("needs-municipal-care").rawValue
    static let readmission = StreamPurpose("readmission").rawValue
    static let readmissionTime = StreamPurpose("readmission-time").rawValue
    /// One uniform per episode for deterioration in the community: escalation
    /// during team or acute-bed care and a return after any non-hospital ending.
    static let deterioration = StreamPurpose("community-deterioration").rawValue
    /// The time at which a patient waiting for the team's first visit deteriorates.
    static let waitingDeterioration = StreamPurpose("waiting-deterioration").rawValue
    static let teamEpisode = StreamPurpose("team-episode").rawValue
    static let visits = StreamPurpose("visits").rawValue
    static let acuteBed = StreamPurpose("acute-bed").rawValue
    static let followUp = StreamPurpose("follow-up").rawValue
    static let earlyDischarge = StreamPurpose("early-discharge").rawValue
    static let readmissionIdentity = StreamPurpose("readmission-identity").rawValue
    static let teamLevel = StreamPurpose("team-level")
    static let municipalityLevel = StreamPurpose("municipality-level")
    static let initialState = StreamPurpose("initial-state")
}

extension SplitMix64 {
    /// The stream of one purpose within one episode.
    ///
    /// These streams are short (one to a handful of draws: a severity, a stay,
    /// a readmission), and there are millions of them, so they use SplitMix64
    /// itself — a full-period 64-bit generator that passes BigCrush — whose
    /// state is one word: creating a stream costs one mix instead of the four
    /// that seeding xoshiro256** takes. Long-running streams (arrivals, team
    /// visits) use xoshiro256**.
    @inline(__always)
    init(episode key: UInt64, _ purpose: UInt64) {
        self.init(seed: SplitMix64.mix(key ^ purpose))
    }
}
