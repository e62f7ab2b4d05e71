import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-replication daily series of one configuration, spooled to an unlinked
/// temporary file so that memory does not grow with the number of replications.
///
/// The file is laid out day-major — `[series][day][replication]` — so summarising
/// a day reads one contiguous column. The bands are then computed from exactly
/// the values, in exactly the order, of an in-memory summary: bit-identical, at
/// a transient cost of one `Double` per replication for the day being summarised.
/// The file is unlinked as soon as it is opened, so nothing is left behind
/// whatever happens to the process.
final class SeriesSpool {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let names: [String]
    let days: Int
    let replications: Int
    private let descriptor: Int32

    /// - Parameters:
    ///   - names: the series, in output order.
    ///   - days: values per series and replication.
    ///   - replications: the number of replications that will be appended.
    init(names: [String], days: Int, replications: Int) throws(Failure) {
        self.names = names
        self.days = days
        self.replications = replications
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("samspil-series-\(UUID().uuidString).bin").path
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot create a temporary file for the daily series in \(FileManager.default.temporaryDirectory.path): \(String(cString: strerror(errno)))") }
        unlink(path)
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Stores the series of replications `first ..< first + rows.count` (indices into the run's replication list).
    /// `rows[i][s]` is series `s` of one replication, `days` values long.
    /// - Complexity: O(rows × series × days), in `series × days` writes.
    func store(_ rows: [[[Double]]], startingAt first: Int) throws(Failure) {
        guard !rows.isEmpty else { return }
        var column = [Double](repeating: 0, count: rows.count)
        for s in names.indices {
            for d in 0..<days {
                for (i, row) in rows.enumerated() { column[i] = row[s][d] }
                let written = column.withUnsafeBytes { write($0, at: offset(series: s, day: d, replication: first)) }
                guard written else { throw Failure(description: "cannot spool the daily series to a temporary file: \(String(cString: strerror(errno)))") }
            }
        }
    }

    /// Series `s` on day `d` across every replication, in replication order.
    /// - Complexity: O(replications), one read.
    func column(series s: Int, day d: Int) throws(Failure) -> [Double] {
        var column = [Double](repeating: 0, count: replications)
        let wanted = replications * MemoryLayout<Double>.stride
        let got = column.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset(series: s, day: d, replication: 0))) }
        guard got == wanted else { throw Failure(description: "cannot read back the spooled daily series") }
        return column
    }

    private func offset(series s: Int, day d: Int, replication r: Int) -> Int {
        ((s * days + d) * replications + r) * MemoryLayout<Double>.stride
    }

    /// Writes every byte; false on a failure (errno says why).
    private func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}
