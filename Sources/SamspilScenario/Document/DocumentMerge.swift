/// Deep merge of an override document onto its base (`"extends"`).
///
/// Rules (documented in docs/guides/scenario-documents.md):
/// - objects merge key by key, recursively; keys new in the override are
///   appended after the base's keys;
/// - scalars and arrays are replaced by the override's value, *except*
/// - named lists: when the base and override values are both arrays whose
///   elements are all objects with a string `"name"`, and the override is not
///   empty, elements merge by name: an override element with a base element of
///   the same name deep-merges into it (keeping the base's position), one with
///   a new name is appended, and one with `"$remove": true` deletes the base
///   element of that name;
/// - `{"$replace": value}` anywhere in an override replaces the base value
///   with `value` wholesale, without merging (e.g. to replace a named list);
/// - `null` is an ordinary value: it replaces the base value, and readers treat
///   an optional key set to `null` as not set, so `null` resets to the default.
///
/// Merged nodes keep the location where each value was written, so errors
/// found later point at the right file and line.
public enum DocumentMerge {
    public static let nameKey = "name"
    public static let removeKey = "$remove"
    public static let replaceKey = "$replace"

    /// `override` merged onto `base`. Problems with directives (`$remove` of a
    /// name that does not exist, …) are reported to `diagnostics`.
    public static func merge(
        base: JSONValue, override: JSONValue, path: JSONPath = .root, diagnostics: DiagnosticCollector
    ) -> JSONValue {
        if let object = override.objectValue, let replacement = replacement(in: object, path: path, diagnostics: diagnostics) {
            return normalize(replacement, path: path, diagnostics: diagnostics)
        }
        switch (base.kind, override.kind) {
        case let (.object(b), .object(o)):
            var members = b.members
            var indexByKey: [String: Int] = [:]
            for (k, m) in members.enumerated() { indexByKey[m.key] = k }
            for member in o.members {
                let childPath = path.appending(key: member.key)
                if let k = indexByKey[member.key] {
                    let merged = merge(base: members[k].value, override: member.value, path: childPath, diagnostics: diagnostics)
                    members[k] = JSONMember(key: member.key, keyLocation: member.keyLocation, value: merged)
                } else {
                    indexByKey[member.key] = members.count
                    members.append(JSONMember(
                        key: member.key, keyLocation: member.keyLocation,
                        value: normalize(member.value, path: childPath, diagnostics: diagnostics)))
                }
            }
            return JSONValue(.object(JSONObject(members)), at: override.location)
        case let (.array(b), .array(o)) where !o.isEmpty && isNamedList(b) && isNamedList(o):
            return JSONValue(
                .array(mergeNamedList(base: b, override: o, path: path, diagnostics: diagnostics)), at: override.location)
        default:
            return normalize(override, path: path, diagnostics: diagnostics)
        }
    }

    /// Whether every element is an object with a string `"name"` (vacuously true for `[]`).
    public static func isNamedList(_ elements: [JSONValue]) -> Bool {
        elements.allSatisfy { $0.objectValue?[nameKey]?.stringValue != nil }
    }

    private static func mergeNamedList(
        base: [JSONValue], override: [JSONValue], path: JSONPath, diagnostics: DiagnosticCollector
    ) -> [JSONValue] {
        var result = base
        var indexByName: [String: Int] = [:]
        for (k, element) in base.enumerated() {
            let name = element.objectValue![nameKey]!.stringValue!
            if indexByName[name] == nil { indexByName[name] = k }
        }
        var removed = Set<Int>()
        var seenInOverride: [String: SourceLocation] = [:]
        for (k, element) in override.enumerated() {
            let elementPath = path.appending(index: k)
            var object = element.objectValue!
            let nameValue = object[nameKey]!
            let name = nameValue.stringValue!
            if let first = seenInOverride[name] {
                diagnostics.error(
                    "duplicate name \(JSONPrinter.quoted(name)) in list; each element may be overridden only once",
                    at: nameValue.location, path: elementPath, notes: [Diagnostic.Note("first used here", at: first)])
                continue
            }
            seenInOverride[name] = nameValue.location

            var remove = false
            if let member = object.member(removeKey) {
                object[removeKey] = nil
                if let flag = member.value.boolValue {
                    remove = flag
                } else {
                    diagnostics.error(
                        "expected true or false, found \(member.value.foundDescription)", at: member.value.location,
                        path: elementPath.appending(key: removeKey))
                }
            }
            let stripped = JSONValue(.object(object), at: element.location)
            if let target = indexByName[name], !removed.contains(target) {
                if remove {
                    removed.insert(target)
                } else {
                    result[target] = merge(base: result[target], override: stripped, path: elementPath, diagnostics: diagnostics)
                }
            } else if remove {
                diagnostics.error(
                    "cannot remove \(JSONPrinter.quoted(name)): the base list has no element with that name",
                    at: object.member(nameKey)?.value.location ?? element.location, path: elementPath,
                    suggestion: Suggestions.closest(to: name, among: indexByName.keys.sorted()).map {
                        "did you mean \(JSONPrinter.quoted($0))?"
                    })
            } else {
                indexByName[name] = result.count
                result.append(normalize(stripped, path: elementPath, diagnostics: diagnostics))
            }
        }
        if removed.isEmpty { return result }
        return result.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// The value of a `{"$replace": value}` directive, if `object` is one.
    private static func replacement(in object: JSONObject, path: JSONPath, diagnostics: DiagnosticCollector) -> JSONValue? {
        guard let member = object.member(replaceKey) else { return nil }
        if object.count != 1 {
            diagnostics.error(
                "'\(replaceKey)' must be the only key in its object; the other keys are ignored",
                at: member.keyLocation, path: path)
        }
        return member.value
    }

    /// Applies directives in a value that has no base: unwraps `$replace`, and
    /// reports a misplaced `$remove`. Returns the value unchanged (no copy) when
    /// it contains no directives.
    public static func normalize(_ value: JSONValue, path: JSONPath = .root, diagnostics: DiagnosticCollector) -> JSONValue {
        guard containsDirective(value) else { return value }
        switch value.kind {
        case .object(let object):
            if let inner = replacement(in: object, path: path, diagnostics: diagnostics) {
                return normalize(inner, path: path, diagnostics: diagnostics)
            }
            var members: [JSONMember] = []
            members.reserveCapacity(object.count)
            for member in object.members {
                if member.key == removeKey {
                    diagnostics.error(
                        "'\(removeKey)' can only delete an element of a named list inherited from a base scenario",
                        at: member.keyLocation, path: path)
                    continue
                }
                var copy = member
                copy.value = normalize(member.value, path: path.appending(key: member.key), diagnostics: diagnostics)
                members.append(copy)
            }
            return JSONValue(.object(JSONObject(members)), at: value.location)
        case .array(let elements):
            return JSONValue(
                .array(elements.enumerated().map {
                    normalize($0.element, path: path.appending(index: $0.offset), diagnostics: diagnostics)
                }), at: value.location)
        default:
            return value
        }
    }

    private static func containsDirective(_ value: JSONValue) -> Bool {
        switch value.kind {
        case .object(let object):
            for member in object.members {
                if member.key == replaceKey || member.key == removeKey || containsDirective(member.value) { return true }
            }
            return false
        case .array(let elements):
            return elements.contains(where: containsDirective)
        default:
            return false
        }
    }
}
