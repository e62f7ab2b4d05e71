/// Setting values inside a scenario document by a path, for sweeps and for
/// overrides from the command line: `decision.trust.gp`,
/// `acuteTeams[0].maximumCaseload`, `acuteTeams["Viborg akutteam"].shifts[day].nurses`,
/// `acuteTeams[*].shifts[*].nurses` (every element).
public enum DocumentEditing {
    public enum Segment: Sendable, Equatable, CustomStringConvertible {
        case key(String)
        case index(Int)
        case name(String)
        case all

        public var description: String {
            switch self {
            case .key(let k): return ".\(k)"
            case .index(let i): return "[\(i)]"
            case .name(let n): return "[\(n)]"
            case .all: return "[*]"
            }
        }
    }

    public struct PathError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Parses `a.b[2].c["x y"][*]`.
    public static func parse(_ path: String) throws(PathError) -> [Segment] {
        var segments: [Segment] = []
        var chars = Array(path)
        var i = 0
        var key = ""
        func flushKey() {
            if !key.isEmpty { segments.append(.key(key)); key = "" }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "." {
                flushKey()
                i += 1
            } else if c == "[" {
                flushKey()
                guard let close = chars[(i + 1)...].firstIndex(of: "]") else {
                    throw PathError(message: "unclosed '[' in '\(path)'")
                }
                var inner = String(chars[(i + 1)..<close]).trimmingWhitespace()
                if inner.count >= 2, let q = inner.first, q == "\"" || q == "'", inner.last == q {
                    inner = String(inner.dropFirst().dropLast())
                    segments.append(.name(inner))
                } else if inner == "*" {
                    segments.append(.all)
                } else if let n = Int(inner), n >= 0 {
                    segments.append(.index(n))
                } else if !inner.isEmpty {
                    segments.append(.name(inner))
                } else {
                    throw PathError(message: "empty '[]' in '\(path)'")
                }
                i = close + 1
            } else {
                key.append(c)
                i += 1
            }
        }
        flushKey()
        guard !segments.isEmpty else { throw PathError(message: "empty path") }
        chars = []
        return segments
    }

    /// `root` with `value` set at `path` (creating missing object keys).
    public static func setting(_ value: JSONValue, at path: String, in root: JSONValue) throws(PathError) -> JSONValue {
        let segments = try parse(path)
        return try set(value, segments[...], in: root, walked: "")
    }

    /// `root` with the value at `path` set to `value`, for every element of a
    /// `[*]` that has the rest of the path: inside a `[*]` no object is created
    /// on the way (a patient group without an acute team is skipped, not given
    /// half a team); elsewhere missing keys are created as by ``setting(_:at:in:)``.
    /// Throws when nothing is set.
    public static func replacing(_ value: JSONValue, at path: String, in root: JSONValue) throws(PathError) -> JSONValue {
        let segments = try parse(path)
        var replaced = 0
        let result = try set(value, segments[...], in: root, walked: "", existingOnly: &replaced)
        guard replaced > 0 else { throw PathError(message: "'\(path)' names no value in this scenario") }
        return result
    }

    static func set(_ value: JSONValue, _ segments: ArraySlice<Segment>, in node: JSONValue, walked: String) throws(PathError) -> JSONValue {
        var unused: Int? = nil
        return try set(value, segments, in: node, walked: walked, counting: &unused)
    }

    static func set(_ value: JSONValue, _ segments: ArraySlice<Segment>, in node: JSONValue, walked: String,
                    existingOnly replaced: inout Int) throws(PathError) -> JSONValue {
        var count: Int? = 0
        let result = try set(value, segments, in: node, walked: walked, counting: &count)
        replaced = count ?? 0
        return result
    }

    /// With `replaced` nil: sets, creating missing keys. Otherwise: counts the
    /// values set, and `[*]` skips elements that lack an object on the rest of the path.
    static func set(_ value: JSONValue, _ segments: ArraySlice<Segment>, in node: JSONValue, walked: String,
                    counting replaced: inout Int?, underAll: Bool = false) throws(PathError) -> JSONValue {
        guard let first = segments.first else {
            if replaced != nil { replaced! += 1 }
            return value
        }
        let rest = segments.dropFirst()
        // The path walked so far, as the user would write it: no leading dot.
        let here: String
        if case .key(let k) = first, walked.isEmpty { here = k } else { here = walked + first.description }
        switch first {
        case .key(let k):
            var object = node.objectValue ?? JSONObject()
            guard node.objectValue != nil || node.isNull else {
                throw PathError(message: "'\(walked.isEmpty ? "(top)" : walked)' is not an object, cannot set '\(k)'")
            }
            if replaced != nil && underAll && object[k] == nil && !rest.isEmpty {
                throw PathError(message: "'\(walked.isEmpty ? "(top)" : walked)' has no '\(k)'")
            }
            let child = object[k] ?? JSONValue(.null)
            let updated = try set(value, rest, in: child, walked: here, counting: &replaced, underAll: underAll)
            if let index = object.index(forKey: k) {
                object.members[index].value = updated
            } else {
                // A new key is reported (an unknown key, say) where the value came from, e.g. `--set a.b:1:1`.
                object.members.append(JSONMember(key: k, keyLocation: value.location, value: updated))
            }
            return JSONValue(.object(object), at: node.location)
        case .index, .name, .all:
            guard var elements = node.arrayValue else {
                throw PathError(message: "'\(walked)' is not a list")
            }
            let targets: [Int]
            switch first {
            case .index(let i):
                guard i < elements.count else { throw PathError(message: "'\(walked)' has \(elements.count) elements, no [\(i)]") }
                targets = [i]
            case .name(let n):
                guard let i = elements.firstIndex(where: { $0["name"]?.stringValue == n }) else {
                    let names = elements.compactMap { $0["name"]?.stringValue }
                    throw PathError(message: "'\(walked)' has no element named '\(n)'"
                                    + (Suggestions.closest(to: n, among: names).map { "; did you mean '\($0)'?" } ?? ""))
                }
                targets = [i]
            default:
                targets = Array(elements.indices)
            }
            for i in targets {
                if replaced != nil, case .all = first {
                    // Every element that has the rest of the path; the others stay as they are.
                    if let updated = try? set(value, rest, in: elements[i], walked: here, counting: &replaced, underAll: true) {
                        elements[i] = updated
                    }
                } else {
                    elements[i] = try set(value, rest, in: elements[i], walked: here, counting: &replaced, underAll: underAll)
                }
            }
            return JSONValue(.array(elements), at: node.location)
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
