import Testing
@testable import SamspilReport

/// The headline of a comparison: avoided admissions between runs first, per
/// episode beside it, and the offsetting flows when the two disagree in sign.
@Suite("Avoided admissions: the comparison's headline")
struct AvoidedAdmissionsLeadTests {
    static func point(_ mean: Double, _ half: Double) -> Estimate {
        Estimate(n: 20, mean: mean, sd: half, ciLow: mean - half, ciHigh: mean + half)
    }

    /// A base run with the metrics the explanation reads, and a comparison
    /// whose admissions rise by 55 while 70 are avoided episode by episode.
    static func comparison(admissions: Double, perEpisode: Double, escalations: Double, returns: Double) -> (Comparison, ScenarioRun) {
        let names = ["admissions", "admissionsFromEscalation", "readmissions"]
        let metrics = names.map { MetricInfo(name: $0, unit: "admissions", description: "", group: "admissions") }
        let base = ScenarioRun(label: "base", scenarioName: "base", resolvedScenario: "{}", metrics: metrics,
                               replicationNumbers: [0], values: [[0, 0, 0]], estimates: names.map { _ in point(0, 0) })
        let info = { (id: MetricID) in MetricInfo(name: id.name, unit: "admissions", description: "", group: "avoided admissions") }
        let c = Comparison(baseLabel: "base", label: "24/7", differences: [point(admissions, 8), point(escalations, 3), point(returns, 5)],
                           derived: [DerivedEstimate(metric: info(.avoidedAdmissionsCounterfactual), estimate: point(perEpisode, 4)),
                                     DerivedEstimate(metric: info(.avoidedAdmissionsBetweenRuns), estimate: point(-admissions, 8))])
        return (c, base)
    }

    @Test("agreeing measures: both shown, no explanation")
    func agree() throws {
        let (c, base) = Self.comparison(admissions: -428, perEpisode: 332, escalations: 67, returns: -86)
        let lead = try #require(AvoidedAdmissionsLead(c, base: base))
        #expect(lead.betweenRuns.mean == 428 && lead.perEpisode.mean == 332)
        #expect(lead.explanation == nil)
    }

    @Test("disagreeing measures: the offsetting flows add up to the change in admissions")
    func disagree() throws {
        let (c, base) = Self.comparison(admissions: 55, perEpisode: 70, escalations: 40, returns: 91)
        let lead = try #require(AvoidedAdmissionsLead(c, base: base))
        let text = try #require(lead.explanation)
        // 55 = −70 avoided + 40 escalations + 91 returns + (−6) other.
        #expect(text.contains("avoids 70 admissions"))
        #expect(text.contains("change by +55 between runs"))
        #expect(text.contains("escalations change by +40"))
        #expect(text.contains("returns within the window by +91"))
        #expect(text.contains("other admissions by −6"))
    }

    @Test("the terminal comparison opens with the decision, then the two measures")
    func terminal() throws {
        let (c, base) = Self.comparison(admissions: 55, perEpisode: 70, escalations: 40, returns: 91)
        let document = RunDocument(command: "compare", tool: Fixtures.tool,
                                   experiment: ExperimentInfo(seed: 1, replications: 20, warmupDays: 0, horizonDays: 365, jobs: 1, runSeconds: 1),
                                   runs: [base], comparisons: [c], stress: [])
        let text = TerminalTable.comparison(document, metrics: [.admissions], useColor: false)
        let lines = text.split(separator: "\n").map(String.init)
        // The decision box first, then the table led by the two measures.
        #expect(lines[0] == "The decision: 24/7 vs base")
        #expect(lines[1].hasPrefix("  admissions avoided, between runs  −55"))
        #expect(text.contains("not given: the admissions avoided between runs"))
        #expect(text.contains("The two measures disagree"))
        let table = try #require(lines.firstIndex { $0.hasPrefix("Metric") })
        #expect(lines[table + 2].hasPrefix("avoided admissions, between runs"))
        #expect(lines[table + 3].hasPrefix("avoided admissions, per episode"))
    }
}

/// The report's "who pays, who saves — by name" chart.
@Suite("Report: payers by name")
struct PayersByNameTests {
    @Test func namedPayersGetAChartPerLevel() {
        var doc = Fixtures.compare()
        for r in doc.runs.indices {
            for (entity, level, net) in [("Viborg", "municipality", 100.0 * Double(r)), ("Region Midtjylland", "region", -50.0 * Double(r))] {
                doc.runs[r].metrics.append(MetricInfo(name: "payer.net", unit: "DKK", description: "", group: "payer by name",
                                                      level: level, entity: entity))
                for k in doc.runs[r].values.indices { doc.runs[r].values[k].append(net + Double(k)) }
                doc.runs[r].estimates.append(Estimate(n: 10, mean: net, sd: 1, ciLow: net - 1, ciHigh: net + 1))
            }
        }
        doc.comparisons = doc.runs.dropFirst().map { run in
            let base = doc.runs[0]
            return Comparison(baseLabel: base.label, label: run.label, differences: base.metrics.indices.map { m in
                let d = run.estimates[m].mean - base.estimates[m].mean
                return Estimate(n: 10, mean: d, sd: 1, ciLow: d - 1, ciHigh: d + 1)
            })
        }
        let html = HTMLReport.render(doc)
        #expect(html.contains("Who pays, who saves — by name"))
        #expect(html.contains("chart-payers-by-name-acute-team"))
        #expect(html.contains(">Viborg<") && html.contains(">Region Midtjylland<"))
        #expect(WhoPays.sentence(doc.comparisons[0], base: doc.runs[0])?.hasPrefix("Viborg municipality pays 100 DKK more; Region Midtjylland saves 50") == true)
    }
}

@Suite("Sweep console table")
struct SweepTableTests {
    @Test func shortLabels() {
        #expect(SweepLabels.short("acuteTeams[*].shifts[night].nurses") == "night nurses")
        #expect(SweepLabels.short("decision.trust.gp") == "trust.gp")
        #expect(SweepLabels.short("economics.regime") == "regime")
        #expect(SweepLabels.short("acuteTeams[*].maximumCaseload") == "maximumCaseload")
    }

    @Test func oneRowPerPoint() {
        let document = Fixtures.sweep()
        let text = TerminalTable.sweep(document, useColor: false)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3 + document.runs.count + 1, "\(text)")
        #expect(lines[1].hasPrefix("capacity"))
    }
}
