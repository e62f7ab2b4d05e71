import Testing
import SamspilReport
@testable import SamspilExperiment

@Suite("Replications for a target precision")
struct PrecisionTargetTests {
    @Test("adds replications until the target is met; the result is the direct run with that many")
    func reachesTheTarget() throws {
        let c = try Experiments.configuration("baseline.json5", replications: 3)
        let options = Experiment.Options(jobs: 2, tool: Experiments.tool)
        let outcome = try PrecisionTarget.perform(.run(c), targets: [PrecisionTarget(metric: .admissions, relativeHalfWidth: 0.01)],
                                                  maximum: 200, options: options)
        #expect(outcome.reached && outcome.replications > 3)
        let direct = try Experiments.configuration("baseline.json5", replications: outcome.replications)
        let document = try Experiments.document("run", [direct])
        #expect(outcome.document?.runs[0].values == document.runs[0].values)
        #expect(outcome.lines.first?.contains("admissions ±") == true)
    }

    @Test("stops at the maximum and says so; unknown metrics and malformed targets are refused")
    func limits() throws {
        let c = try Experiments.configuration("baseline.json5", replications: 3)
        let outcome = try PrecisionTarget.perform(.run(c), targets: [PrecisionTarget(metric: .admissions, relativeHalfWidth: 0.0001)],
                                                  maximum: 5, options: Experiment.Options(jobs: 2, tool: Experiments.tool))
        #expect(!outcome.reached && outcome.replications == 5)
        #expect(throws: ExperimentError.self) {
            try PrecisionTarget.perform(.run(c), targets: [PrecisionTarget(metric: MetricID("nope"), relativeHalfWidth: 0.1)],
                                        maximum: 5, options: Experiment.Options(jobs: 2, tool: Experiments.tool))
        }
        #expect(PrecisionTarget.parse("admissions=0.01,bedDays=0.02")?.count == 2)
        #expect(PrecisionTarget.parse("admissions=2") == nil && PrecisionTarget.parse("admissions") == nil)
    }
}
