import SamspilReport

/// A validator for the part of JSON Schema that `docs/results.schema.json`
/// uses: `type`, `properties`, `required`, `items`, `enum`,
/// `additionalProperties` (a boolean or a schema) and local `$ref`s into
/// `$defs`. Any other keyword (besides annotations) is reported, so the schema
/// cannot quietly rely on something this validator ignores.
struct SchemaValidator {
    let root: JSONTree
    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]
    static let keywords: Set<String> = ["type", "properties", "required", "items", "enum", "additionalProperties", "$ref"]

    /// Every way `value` breaks the schema, each with its JSON path; empty when valid.
    func problems(_ value: JSONTree) -> [String] {
        var out: [String] = []
        check(value, against: root, at: "$", into: &out)
        return out
    }

    func check(_ value: JSONTree, against schema: JSONTree, at path: String, into out: inout [String]) {
        guard case .object(let s) = schema else { out.append("\(path): the schema is not an object"); return }
        for key in s.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            out.append("\(path): unsupported schema keyword '\(key)'")
        }
        if case .string(let ref)? = s["$ref"] {
            guard let target = resolve(ref) else { out.append("\(path): cannot resolve \(ref)"); return }
            check(value, against: target, at: path, into: &out)
        }
        if let type = s["type"] {
            let allowed: [String]
            switch type {
            case .string(let t): allowed = [t]
            case .array(let ts): allowed = ts.compactMap { if case .string(let t) = $0 { t } else { nil } }
            default: allowed = []
            }
            guard allowed.contains(where: { Self.matches(value, $0) }) else {
                out.append("\(path): expected \(allowed.joined(separator: " or ")), found \(Self.kind(value))")
                return
            }
        }
        if case .array(let options)? = s["enum"], !options.contains(value) {
            out.append("\(path): \(value) is not one of the allowed values")
        }
        if case .object(let members) = value {
            let properties: [String: JSONTree]
            if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
            if case .array(let required)? = s["required"] {
                for case .string(let name) in required where members[name] == nil { out.append("\(path): '\(name)' is required") }
            }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let p = properties[name] {
                    check(member, against: p, at: "\(path).\(name)", into: &out)
                } else if let extra = s["additionalProperties"] {
                    if case .bool(false) = extra { out.append("\(path): unexpected property '\(name)'") } else if case .object = extra {
                        check(member, against: extra, at: "\(path).\(name)", into: &out)
                    }
                }
            }
        }
        if case .array(let elements) = value, let items = s["items"] {
            for (i, element) in elements.enumerated() { check(element, against: items, at: "\(path)[\(i)]", into: &out) }
        }
    }

    /// `#/$defs/name` (or any `#/a/b` path) in the root schema.
    func resolve(_ ref: String) -> JSONTree? {
        guard ref.hasPrefix("#/") else { return nil }
        var node = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard case .object(let o) = node, let next = o[String(part)] else { return nil }
            node = next
        }
        return node
    }

    static func matches(_ value: JSONTree, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .number(let x)): x == x.rounded() && abs(x) < 9.1e18
        default: false
        }
    }

    static func kind(_ value: JSONTree) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
