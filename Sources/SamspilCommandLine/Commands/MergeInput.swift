import Foundation
import SamspilReport

/// Reading one argument of `samspil merge`: a partial result's directory or
/// its `results.json`. Every failure is one line naming the path.
enum MergeInput {
    /// The results file `path` names and its document.
    static func read(_ path: String) throws -> (url: URL, document: RunDocument) {
        var url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard !path.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("cannot read \(path.isEmpty ? "''" : path): no such file or directory")
        }
        if isDirectory.boolValue { url.appendPathComponent("results.json") }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "not readable" : "no such file (is it a result directory?)"
            throw failure("cannot read \(url.path): \(reason)")
        }
        do {
            return (url, try ResultsJSON.decode(data))
        } catch {
            throw failure("cannot read \(url.path): not a results.json written by samspil (\(summary(error)))")
        }
    }

    private static func failure(_ message: String) -> InputError {
        InputError(description: "samspil merge: error: " + message)
    }

    /// A decoding error in one line: what is wrong and where.
    static func summary(_ error: Error) -> String {
        let text: String
        switch error as? DecodingError {
        case .dataCorrupted(let context): text = "invalid JSON: " + context.debugDescription
        case .keyNotFound(let key, let context): text = "missing '\(key.stringValue)' at \(location(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): text = "\(context.debugDescription) at \(location(context))"
        default: text = error.localizedDescription
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private static func location(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        return path.isEmpty ? "the top level" : String(path.drop { $0 == "." })
    }
}
