import SamspilEconomics
import SamspilModel
import SamspilReport
import Testing
@testable import SamspilExperiment

/// The typed identities the report looks data up by are the ones the producers
/// write: a rename on either side fails here (or does not compile).
@Suite struct MetricIdentityTests {
    @Test func featuredModelMetricsAreTheModelsOwn() {
        for (id, metric) in MetricID.featuredModelMetrics {
            #expect(id == MetricID(metric), "\(id) is \(metric.definition.name) in the model")
        }
        let catalogue = Set(ExperimentRunner.metricInfos.map(\.id))
        for id in HTMLReport.defaultKeyMetrics { #expect(catalogue.contains(id), "\(id) is not produced") }
        #expect(catalogue.contains(.totalCost))
    }

    @Test func everyPayerMetricHasATypedIdentity() {
        let payerMetrics = CostMetrics.definitions.filter { $0.name.hasPrefix("payer.") }
        #expect(!payerMetrics.isEmpty)
        for d in payerMetrics {
            let id = PayerMetricID(MetricID(d.name))
            #expect(id != nil, "\(d.name) does not read as payer.<payer>.<kind>")
            #expect(id?.metric == MetricID(d.name), "the identity round-trips")
        }
        #expect(PayerMetricID(.totalCost) == nil)
        #expect(PayerMetricID(MetricID("payer.general practice.net")) == PayerMetricID(payer: "general practice", kind: .net))
    }

    @Test func derivedMetricsUseTheirIdentities() throws {
        let c = try Experiments.configuration("viborg-acute-team.json5", replications: 3)
        let base = try Experiments.configuration("baseline.json5", replications: 3)
        let document = try Experiments.document("compare", [base, c])
        let derived: [MetricID] = (document.comparisons[0].derived ?? []).map { $0.metric.id }
        #expect(derived.starts(with: [.avoidedAdmissionsCounterfactual, .avoidedAdmissionsBetweenRuns]))
        #expect(document.runs[0].series.compactMap(\.id) == SeriesID.allCases, "every series the runner writes has its identity")
        #expect(document.runs[0].series(.occupancy)?.unit == "patients")
    }
}
