/// One value per measured day: for occupancy-over-time charts.
public struct DailySeries: Sendable, Equatable {
    public var day: [Int] = []
    public var meanOccupancy: [Double] = []
    public var teamCaseload: [Double] = []
    public var overflow: [Double] = []

    mutating func append(day: Int, meanOccupancy: Double, teamCaseload: Double, overflow: Double) {
        self.day.append(day)
        self.meanOccupancy.append(meanOccupancy)
        self.teamCaseload.append(teamCaseload)
        self.overflow.append(overflow)
    }
}
