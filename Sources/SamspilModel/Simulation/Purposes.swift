import SamspilEngine

/// The purposes of random draws. Each episode draws every decision from its own
/// stream per purpose, keyed by the episode's identity, so two scenarios that
/// treat the same patient differently still give it the same severity, the same
/// length of stay, the same readmission draw (common random numbers).
///
/// Each value is the FNV-1a hash of the purpose's name (`StreamPurpose(name)`),
/// written out as a literal so that a handler reads a constant rather than a
/// lazily initialised global; `PurposeTests` checks every literal against its name.
enum Purpose {
    static var arrivals: StreamPurpose { StreamPurpose(rawValue: 0xB10B_C22C_A203_CC53) }         // "arrivals"
    static var episode: StreamPurpose { StreamPurpose(rawValue: 0xDC04_396C_642E_5212) }          // "episode"
    static var severity: UInt64 { 0x70EA_1438_B142_A712 }                                         // "severity"
    static var route: UInt64 { 0x3127_FB46_9F19_EBDE }                                            // "route"
    static var participation: UInt64 { 0x62F9_768E_B924_B37E }                                    // "gp-participation"
    static var decision: UInt64 { 0x4065_E278_CD75_60A3 }                                         // "decision"
    static var forward: UInt64 { 0x43EB_5B10_F721_A3D9 }                                          // "forward-visitation"
    static var hospital: UInt64 { 0x3E20_DF64_6F5B_E9B9 }                                         // "hospital-choice"
    static var stay: UInt64 { 0x63B4_96A8_D874_3685 }                                             // "length-of-stay"
    static var needsCare: UInt64 { 0xD1FC_B4EC_78B0_38CB }                                        // "needs-municipal-care"
    static var readmission: UInt64 { 0x9A14_DD31_F5B7_88B9 }                                      // "readmission"
    static var readmissionTime: UInt64 { 0x3A9E_65E6_13B5_887D }                                  // "readmission-time"
    /// One uniform per episode for deterioration in the community: escalation
    /// during team or acute-bed care and a return after any non-hospital ending.
    static var deterioration: UInt64 { 0x94AB_C5E8_A673_9B2E }                                    // "community-deterioration"
    /// The time at which a patient waiting for the team's first visit deteriorates.
    static var waitingDeterioration: UInt64 { 0xF254_22B2_BC5F_9424 }                             // "waiting-deterioration"
    /// Whether a patient whose later visit came late deteriorated meanwhile.
    static var lateVisit: UInt64 { 0xEA77_ABB0_832F_1C67 }                                        // "late-visit"
    static var teamEpisode: UInt64 { 0x61C3_A851_8CE6_561C }                                      // "team-episode"
    static var acuteBed: UInt64 { 0x1B3D_39B0_A1BA_1F89 }                                         // "acute-bed"
    static var followUp: UInt64 { 0x96F8_4ADE_34F8_6912 }                                         // "follow-up"
    static var earlyDischarge: UInt64 { 0xD60B_979B_F963_48E1 }                                   // "early-discharge"
    static var readmissionIdentity: UInt64 { 0xF387_86D6_2808_D016 }                              // "readmission-identity"
    static var teamLevel: StreamPurpose { StreamPurpose(rawValue: 0xB462_A450_5541_2B63) }        // "team-level"
    static var municipalityLevel: StreamPurpose { StreamPurpose(rawValue: 0x7979_7EE8_C220_9096) } // "municipality-level"
    static var initialState: StreamPurpose { StreamPurpose(rawValue: 0x7D24_7BF1_913E_C8BF) }     // "initial-state"
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
