import SamspilEconomics
import SamspilModel
import Testing
@testable import SamspilReport

/// Every metric any output carries has a plain-word label in English and
/// Danish, and every unit a Danish word.
@Suite struct MetricLabelsTests {
    static var everyMetric: [(name: String, unit: String)] {
        Metric.allCases.map { ($0.definition.name, $0.definition.unit) }
            + CostMetrics.definitions.map { ($0.name, $0.unit) }
            + [("avoidedAdmissions.counterfactual", "admissions"), ("avoidedAdmissions.betweenRuns", "admissions"),
               ("netCostPerAvoidedAdmission", "DKK")]
            + ["payer.costs", "payer.transfersIn", "payer.transfersOut", "payer.net"].map { ($0, "DKK") }
            + [("teamAllVisits", "visits"), ("acuteBedOccupancy", "ratio"), ("meanLengthOfStay", "days")]
    }

    @Test func everyMetricHasBothLabels() {
        for m in Self.everyMetric {
            for language in ReportLanguage.allCases {
                let label = MetricLabels.label(m.name, language)
                #expect(label != nil && !label!.isEmpty, "\(m.name) has no \(language) label")
            }
            #expect(MetricLabels._units[m.unit] != nil, "unit \(m.unit) of \(m.name) has no Danish word")
        }
    }

    @Test func composedFamilies() {
        #expect(MetricLabels.label("payer.municipality.net", .danish) == "kommune: nettobyrde")
        #expect(MetricLabels.label("payer.municipality.net", .english) == "municipality: net burden")
        #expect(MetricLabels.label("transfer.coFinancing", .danish) == "overførsel: kommunal medfinansiering")
        #expect(MetricLabels.label("cost.acuteTeam", .english) == "cost: acute team")
        #expect(MetricLabels.label("payer.nobody.net", .english) == nil)
        #expect(MetricLabels.unit("DKK", .danish) == "kr.")
        #expect(MetricLabels.unit("admissions", .english) == "admissions")
    }
}
