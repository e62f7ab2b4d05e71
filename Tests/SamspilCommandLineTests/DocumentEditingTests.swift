import Testing
import SamspilScenario

/// Paths into scenario documents, as `samspil sweep --set PATH=…` uses them.
@Suite struct DocumentEditingTests {
    static let document = """
    {
      name: "s",
      decision: { trust: { gp: 0.5, outOfHours: 0.4 } },
      acuteTeams: [
        { name: "Viborg akutteam", shifts: [{ name: "day", nurses: 4 }, { name: "evening", nurses: 3 }] },
        { name: "Skive team", shifts: [{ name: "day", nurses: 2 }] },
      ],
      list: [1, 2, 3],
    }
    """

    static func root() throws -> JSONValue { try JSON5Parser.parse(document, file: "t.json5") }

    func set(_ value: JSONValue, _ path: String) throws -> JSONValue {
        try DocumentEditing.setting(value, at: path, in: Self.root())
    }

    /// The message of the path error setting `path` must raise.
    func failure(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        do {
            _ = try DocumentEditing.setting(1, at: path, in: Self.root())
            Issue.record("expected a path error for \(path)", sourceLocation: sourceLocation)
            return ""
        } catch let error as DocumentEditing.PathError {
            return error.message
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
            return ""
        }
    }

    // MARK: parsing

    @Test func parsesKeysIndicesNamesAndWildcards() throws {
        typealias S = DocumentEditing.Segment
        #expect(try DocumentEditing.parse("decision.trust.gp") == [S.key("decision"), .key("trust"), .key("gp")])
        #expect(try DocumentEditing.parse("acuteTeams[0].shifts[day].nurses")
                == [.key("acuteTeams"), .index(0), .key("shifts"), .name("day"), .key("nurses")])
        #expect(try DocumentEditing.parse(#"acuteTeams["Viborg akutteam"][*]"#)
                == [.key("acuteTeams"), .name("Viborg akutteam"), .all])
        #expect(try DocumentEditing.parse("a['x y'].b") == [.key("a"), .name("x y"), .key("b")])
        #expect(try DocumentEditing.parse("a[ 12 ]") == [.key("a"), .index(12)])
        #expect(try DocumentEditing.parse(#"a["12"]"#) == [.key("a"), .name("12")], "a quoted number is a name")
        #expect(try DocumentEditing.parse("[*].x") == [.all, .key("x")])
    }

    @Test func pathSyntaxErrors() {
        #expect(throws: DocumentEditing.PathError.self) { try DocumentEditing.parse("") }
        #expect(throws: DocumentEditing.PathError.self) { try DocumentEditing.parse("...") }
        #expect(failure("") == "empty path")
        #expect(failure("acuteTeams[0") == "unclosed '[' in 'acuteTeams[0'")
        #expect(failure("acuteTeams[].x") == "empty '[]' in 'acuteTeams[].x'")
        #expect(failure("acuteTeams[  ]") == "empty '[]' in 'acuteTeams[  ]'")
    }

    // MARK: setting

    @Test func setsANestedKey() throws {
        let r = try set(0.9, "decision.trust.gp")
        #expect(r["decision"]?["trust"]?["gp"]?.doubleValue == 0.9)
        #expect(r["decision"]?["trust"]?["outOfHours"]?.doubleValue == 0.4, "siblings are kept")
        #expect(r["decision"]?["trust"]?.objectValue?.keys == ["gp", "outOfHours"], "key order is kept")
        #expect(try Self.root()["decision"]?["trust"]?["gp"]?.doubleValue == 0.5, "the input is not modified")
    }

    @Test func createsMissingKeys() throws {
        let r = try set("dk-2027", "economics.regime")
        #expect(r["economics"]?["regime"]?.stringValue == "dk-2027")
        #expect(r.objectValue?.keys.last == "economics")
    }

    @Test func newKeysAreLocatedWhereTheValueCameFrom() throws {
        let value = try JSON5Parser.parse("0.3", file: "--set decision.trst.gp")
        let r = try DocumentEditing.setting(value, at: "decision.trst.gp", in: Self.root())
        let trst = try #require(r["decision"]?.objectValue?.member("trst"))
        #expect(trst.keyLocation.description == "--set decision.trst.gp:1:1")
        #expect(r["decision"]?.objectValue?.member("trust")?.keyLocation.description.hasPrefix("t.json5:") == true,
                "existing keys keep their place in the file")
    }

    @Test func setsByIndex() throws {
        let r = try set(9, "acuteTeams[1].shifts[0].nurses")
        #expect(r["acuteTeams"]?.arrayValue?[1]["shifts"]?.arrayValue?[0]["nurses"]?.doubleValue == 9)
        #expect(r["acuteTeams"]?.arrayValue?[0]["shifts"]?.arrayValue?[0]["nurses"]?.doubleValue == 4)
        let list = try set(7, "list[2]")
        #expect(list["list"]?.arrayValue?.compactMap(\.doubleValue) == [1, 2, 7])
    }

    @Test func setsByNameBareOrQuoted() throws {
        for path in [#"acuteTeams["Viborg akutteam"].shifts[evening].nurses"#,
                     "acuteTeams['Viborg akutteam'].shifts[\"evening\"].nurses",
                     "acuteTeams[Viborg akutteam].shifts[evening].nurses"] {
            let r = try set(8, path)
            let shifts = r["acuteTeams"]?.arrayValue?[0]["shifts"]?.arrayValue
            #expect(shifts?.compactMap { $0["nurses"]?.doubleValue } == [4, 8], "\(path)")
        }
    }

    @Test func wildcardSetsEveryElement() throws {
        let r = try set(5, "acuteTeams[*].shifts[*].nurses")
        let nurses = r["acuteTeams"]?.arrayValue?.flatMap { $0["shifts"]?.arrayValue ?? [] }.compactMap { $0["nurses"]?.doubleValue }
        #expect(nurses == [5, 5, 5])
        let days = try set(6, "acuteTeams[*].shifts[day].nurses")
        let all = days["acuteTeams"]?.arrayValue?.flatMap { $0["shifts"]?.arrayValue ?? [] }.compactMap { $0["nurses"]?.doubleValue }
        #expect(all == [6, 3, 6])
    }

    @Test func indexOutOfRange() {
        #expect(failure("acuteTeams[2].name") == "'acuteTeams' has 2 elements, no [2]")
        #expect(failure("acuteTeams[0].shifts[5]") == "'acuteTeams[0].shifts' has 2 elements, no [5]")
    }

    @Test func unknownNameSuggestsTheClosest() {
        #expect(failure(#"acuteTeams["Viborg akuteam"].shifts[day].nurses"#)
                == "'acuteTeams' has no element named 'Viborg akuteam'; did you mean 'Viborg akutteam'?")
        #expect(failure("acuteTeams[0].shifts[dya].nurses")
                == "'acuteTeams[0].shifts' has no element named 'dya'; did you mean 'day'?")
        #expect(failure("acuteTeams[Aarhus].x") == "'acuteTeams' has no element named 'Aarhus'")
    }

    @Test func wrongKinds() {
        #expect(failure("decision[0]") == "'decision' is not a list")
        #expect(failure("name.first") == "'name' is not an object, cannot set 'first'")
        #expect(failure("list.x") == "'list' is not an object, cannot set 'x'")
        #expect(failure("list[0].x") == "'list[0]' is not an object, cannot set 'x'")
        #expect(failure("acuteTeams[*].name.x") == "'acuteTeams[*].name' is not an object, cannot set 'x'")
    }

    @Test func topLevelMustBeAnObjectForKeysAndAListForIndices() throws {
        let list: JSONValue = [1, 2]
        #expect(throws: DocumentEditing.PathError.self) { try DocumentEditing.setting(1, at: "a", in: list) }
        #expect(try DocumentEditing.setting(9, at: "[1]", in: list).arrayValue?.compactMap(\.doubleValue) == [1, 9])
    }
}
