import Foundation

/// The entry point for the command line: every output file of a run, written
/// all-or-nothing into one directory.
///
/// ```swift
/// try ReportOutput.write(document, to: URL(fileURLWithPath: "results/viborg"))
/// print(TerminalTable.summary(document.runs[0], useColor: useColor), terminator: "")
/// ```
public enum ReportOutput {
    /// Every name a result may have (see ``files(for:keyMetrics:html:)``): what
    /// Samspil owns in an output directory written before manifests existed.
    public static let knownFileNames: Set<String> = [
        "results.json", "summary.csv", "replications.csv", "timeseries.csv", "comparison.csv", "between-runs.csv",
        "sweep.csv", "report.html",
    ]

    /// The files of a run: `results.json`, the CSV files the document has data
    /// for (see ``ResultsCSV/files(for:)``) and, unless `html` is false,
    /// `report.html`. Contents are rendered lazily, while writing.
    public static func files(for document: RunDocument, keyMetrics: [MetricID]? = nil, html: Bool = true,
                             csv dialect: CSVDialect = .standard, language: ReportLanguage = .english) -> [OutputFile] {
        var files = [OutputFile(name: "results.json", contents: { try ResultsJSON.encode(document) })]
        files += ResultsCSV.outputFiles(for: document, dialect: dialect)
        if html {
            files.append(OutputFile(name: "report.html", contents: {
                Data(HTMLReport.render(document, keyMetrics: keyMetrics, language: language).utf8)
            }))
        }
        return files
    }

    /// Writes ``files(for:keyMetrics:html:)`` into `directory` atomically
    /// (see ``OutputDirectory``); returns the written files' URLs.
    @discardableResult
    public static func write(_ document: RunDocument, to directory: URL, keyMetrics: [MetricID]? = nil,
                             html: Bool = true) throws -> [URL] {
        try OutputDirectory(directory).commit(files(for: document, keyMetrics: keyMetrics, html: html))
    }
}
