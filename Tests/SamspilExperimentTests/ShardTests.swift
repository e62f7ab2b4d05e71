import Testing
@testable import SamspilExperiment

@Suite struct ShardTests {
    @Test func parsesKOverN() {
        #expect(Shard("1/3") == Shard(index: 1, count: 3))
        #expect(Shard("3/3") == Shard(index: 3, count: 3))
        #expect(Shard("1/1") == Shard(index: 1, count: 1))
        #expect(Shard("12/40") == Shard(index: 12, count: 40))
    }

    @Test(arguments: ["", "1", "/3", "1/", "0/3", "4/3", "-1/3", "1/0", "1/-2", "a/3", "1/b", "1/3/5", "1.5/3", " 1/3"])
    func rejects(_ text: String) {
        #expect(Shard(text) == nil, "'\(text)' should not parse")
    }

    @Test func descriptionRoundTrips() {
        for n in 1...6 {
            for k in 1...n {
                let shard = Shard(index: k, count: n)
                #expect(shard.description == "\(k)/\(n)")
                #expect(Shard(shard.description) == shard)
            }
        }
    }

    @Test func takesEveryNthReplicationStartingAtKMinusOne() {
        #expect(Shard(index: 1, count: 3).replications(of: 10) == [0, 3, 6, 9])
        #expect(Shard(index: 2, count: 3).replications(of: 10) == [1, 4, 7])
        #expect(Shard(index: 3, count: 3).replications(of: 10) == [2, 5, 8])
        #expect(Shard(index: 4, count: 4).replications(of: 2) == [], "more shards than replications: some are empty")
    }

    /// The shards of 0..<R partition it — each replication in exactly one shard —
    /// and are balanced (sizes differ by at most one).
    @Test func shardsPartitionTheReplications() {
        for total in 0...60 {
            for count in 1...13 {
                let parts = (1...count).map { Shard(index: $0, count: count).replications(of: total) }
                let all = parts.flatMap { $0 }
                #expect(all.sorted() == Array(0..<total), "R=\(total) N=\(count)")
                #expect(Set(all).count == all.count, "R=\(total) N=\(count): a replication in two shards")
                let sizes = parts.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 1, "R=\(total) N=\(count): unbalanced \(sizes)")
                for part in parts { #expect(part == part.sorted()) }
            }
        }
    }
}
