/// The report's and the console's own words — headings, table headers, notes,
/// the decision box's sentences — in English and Danish, in one table.
///
/// Metric names live beside them in ``MetricLabels``; this table holds what is
/// not a metric. Each phrase is a key whose English and Danish texts may hold
/// numbered placeholders `{1}`, `{2}`, … filled by ``Phrase/callAsFunction(_:_:)``;
/// a test checks that every key has both texts with the same placeholders.
public enum Phrase: String, CaseIterable, Sendable {
    // Page and header.
    case contents, tool, commandWord, seed, replications, warmUp, horizon, shard, machine, commandLine
    case days, scenarios, inAll, warning
    // Tables.
    case metric, unit, run, mean, ci95, base, scenario, difference, minusBase, versus
    case keyResults, keyResultsNote, significanceNote, ciExcludesZero
    // Charts and sections.
    case occupancyOverTime, teamCaseloadOverTime, meanAndBand, bandDescription, day, bandCaption
    case avoidedAdmissions, avoidedPerRun, avoidedPerRunDescription, avoidedAxis, avoidedCaption
    case costsByPayer, costsByPayerMeaning, netByPayer, netByPayerMeaning, meanAndCI, payerBarsDescription, payerCaption
    case costsByProvider, providerBarsDescription, costsAxis, providerCaption, costsSection
    case comparisonSection, comparisonDescription, differenceAxis, comparisonNote, showingFirst
    case betweenRunMeasures, comparisonColumn, measure, estimateCI
    case whoPaysByName, municipalities, regions, theState, generalPractice, jointBudgets
    case changeInNetAxis, changeByPayerTitle, changeByPayerDescription, changeByPayerCaption
    case sweepSection, sweepDescription, sweepOneLinePer, sweepNote, sweepHeld, sweepPayerNets
    case heatMaps, heatMapTitle, heatMapNote
    case stressNote, appendix
    // The decision box and who pays.
    case theDecision, avoidedBetweenRuns, avoidedBetweenRunsRow, avoidedPerEpisode, perEpisode, withCI, changeInTotalCost
    case netCostPerAvoided, ratioWithheld, whoPaysWhoSaves, noPayerChanges, whyTheyDiffer, measuresDisagree
    case paysMore, alsoMore, saves, alsoSaves, whoPaysQualifier, whoPays
    case namedMunicipality, namedGeneralPractice, namedJointBudget
    case theRegion, theMunicipality, theJointBudget
    // Console.
    case sweepHeader, admissionsChange, totalCostChange, netChange, sweepFootnote, consoleFootnote
    case wroteResults, wrotePartialResult, warningPrefix
    // Warnings before quoting a number.
    case oneReplication, replicationCount, warnFewReplications, hospitals, warnOtherSystem, warnFullHospitals

    /// The text in `language` with `{1}`, `{2}`, … replaced by `arguments`.
    /// - Complexity: O(length of the text × arguments).
    public func callAsFunction(_ language: ReportLanguage, _ arguments: String...) -> String {
        text(language, arguments)
    }

    /// ``callAsFunction(_:_:)`` with the arguments as an array.
    public func text(_ language: ReportLanguage, _ arguments: [String]) -> String {
        let pair = Phrase._table[self] ?? (rawValue, rawValue)
        var text = language == .danish ? pair.da : pair.en
        for (i, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(i + 1)}", with: argument)
        }
        return text
    }

    static let _table: [Phrase: MetricLabels.Pair] = [
        .contents: ("Contents", "Indhold"),
        .tool: ("Tool", "Værktøj"),
        .commandWord: ("Command", "Kommando"),
        .seed: ("Seed", "Startværdi (seed)"),
        .replications: ("Replications", "Replikationer"),
        .warmUp: ("Warm-up", "Indsvingning"),
        .horizon: ("Horizon", "Måleperiode"),
        .shard: ("Shard", "Delkørsel"),
        .machine: ("Machine", "Maskine"),
        .commandLine: ("Command line", "Kommandolinje"),
        .days: ("{1} days", "{1} dage"),
        .scenarios: ("{1} scenarios", "{1} scenarier"),
        .inAll: ("… ({1} in all)", "… ({1} i alt)"),
        .warning: ("Warning:", "Advarsel:"),
        .metric: ("Metric", "Mål"),
        .unit: ("Unit", "Enhed"),
        .run: ("Run", "Kørsel"),
        .mean: ("Mean", "Gennemsnit"),
        .ci95: ("95 % CI", "95\u{A0}%-KI"),
        .base: ("Base", "Basis"),
        .scenario: ("Scenario", "Scenarie"),
        .difference: ("Difference", "Forskel"),
        .minusBase: ("{1} − base", "{1} − basis"),
        .versus: ("{1} vs {2}", "{1} mod {2}"),
        .keyResults: ("Key results", "Hovedresultater"),
        .keyResultsNote: ("Mean across replications with the 95 % confidence interval below it. Every metric is in summary.csv.",
                          "Gennemsnit over replikationerne med 95\u{A0}%-konfidensintervallet nedenunder. Alle mål står i summary.csv."),
        .significanceNote: ("* the 95 % confidence interval of the paired difference excludes 0.",
                            "* 95\u{A0}%-konfidensintervallet for den parrede forskel indeholder ikke 0."),
        .ciExcludesZero: ("95 % CI excludes 0", "95\u{A0}%-KI indeholder ikke 0"),
        .occupancyOverTime: ("Occupancy over time", "Belægning over tid"),
        .teamCaseloadOverTime: ("Acute team caseload over time", "Akutteamets patienter over tid"),
        .meanAndBand: ("{1} (mean and 95 % CI band)", "{1} (gennemsnit og 95\u{A0}%-KI-bånd)"),
        .bandDescription: ("Daily {1} for {2}: the line is the mean across replications, the shaded band its 95 % confidence interval.",
                           "Daglig {1} for {2}: linjen er gennemsnittet over replikationerne, det skraverede bånd dets 95\u{A0}%-konfidensinterval."),
        .day: ("Day", "Dag"),
        .bandCaption: ("Line: mean across replications; shaded band: 95 % confidence interval per day. Data: timeseries.csv.",
                       "Linje: gennemsnit over replikationerne; skraveret bånd: 95\u{A0}%-konfidensinterval pr. dag. Data: timeseries.csv."),
        .avoidedAdmissions: ("Avoided admissions", "Undgåede indlæggelser"),
        .avoidedPerRun: ("Avoided admissions per run (mean and 95 % CI)", "Undgåede indlæggelser pr. kørsel (gennemsnit og 95\u{A0}%-KI)"),
        .avoidedPerRunDescription: ("Avoided admissions for each run: bars show the mean, whiskers the 95 % confidence interval.",
                                    "Undgåede indlæggelser for hver kørsel: søjlerne viser gennemsnittet, stregerne 95\u{A0}%-konfidensintervallet."),
        .avoidedAxis: ("avoided admissions", "undgåede indlæggelser"),
        .avoidedCaption: ("Admissions avoided by the acute team and other pathways, mean across replications with 95 % CI whiskers.",
                          "Indlæggelser undgået af akutteamet og andre veje, gennemsnit over replikationerne med 95\u{A0}%-KI som streger."),
        .costsByPayer: ("Costs by payer", "Omkostninger pr. betaler"),
        .costsByPayerMeaning: ("gross costs borne by each payer", "bruttoomkostninger, som hver betaler bærer"),
        .netByPayer: ("Net by payer", "Netto pr. betaler"),
        .netByPayerMeaning: ("each payer's net position: its costs after transfers in and out",
                             "hver betalers nettostilling: omkostninger efter modtagne og betalte overførsler"),
        .meanAndCI: ("{1} (mean and 95 % CI)", "{1} (gennemsnit og 95\u{A0}%-KI)"),
        .payerBarsDescription: ("Grouped bars, one group per payer and one bar per run, showing {1}; whiskers are 95 % confidence intervals.",
                                "Grupperede søjler, én gruppe pr. betaler og én søjle pr. kørsel, der viser {1}; stregerne er 95\u{A0}%-konfidensintervaller."),
        .payerCaption: ("{1}: {2}. Negative values are below the zero line.", "{1}: {2}. Negative værdier ligger under nullinjen."),
        .costsByProvider: ("Costs by provider", "Omkostninger pr. udbyder"),
        .providerBarsDescription: ("Grouped bars, one group per provider and one bar per run; whiskers are 95 % confidence intervals.",
                                   "Grupperede søjler, én gruppe pr. udbyder og én søjle pr. kørsel; stregerne er 95\u{A0}%-konfidensintervaller."),
        .costsAxis: ("costs ({1})", "omkostninger ({1})"),
        .providerCaption: ("Costs by the provider that incurred them.", "Omkostninger hos den udbyder, der havde dem."),
        .costsSection: ("Costs and net by payer", "Omkostninger og netto pr. betaler"),
        .comparisonSection: ("Scenario comparison", "Sammenligning af scenarier"),
        .comparisonDescription: ("Paired difference in {1} of each scenario minus {2}, with 95 % confidence interval whiskers; the vertical line is zero.",
                                 "Parret forskel i {1} for hvert scenarie minus {2}, med 95\u{A0}%-konfidensinterval som streger; den lodrette linje er nul."),
        .differenceAxis: ("difference ({1})", "forskel ({1})"),
        .comparisonNote: ("Paired differences (scenario − {1}) with 95 % confidence intervals, using common random numbers. A whisker that does not cross the zero line is a difference the replications distinguish from chance; pale bars are those whose interval includes 0.",
                          "Parrede forskelle (scenarie − {1}) med 95\u{A0}%-konfidensintervaller, med fælles tilfældige tal. En streg, der ikke krydser nullinjen, er en forskel, replikationerne skelner fra tilfældighed; blege søjler er dem, hvis interval indeholder 0."),
        .showingFirst: ("Showing the first {1} of {2} comparisons; all are in comparison.csv.",
                        "Viser de første {1} af {2} sammenligninger; alle står i comparison.csv."),
        .betweenRunMeasures: ("Between-run measures", "Mål mellem kørsler"),
        .comparisonColumn: ("Comparison", "Sammenligning"),
        .measure: ("Measure", "Mål"),
        .estimateCI: ("Estimate (95 % CI)", "Skøn (95\u{A0}%-KI)"),
        .whoPaysByName: ("Who pays, who saves — by name", "Hvem betaler, hvem sparer — ved navn"),
        .municipalities: ("municipalities", "kommuner"),
        .regions: ("regions", "regioner"),
        .theState: ("the state", "staten"),
        .generalPractice: ("general practice", "almen praksis"),
        .jointBudgets: ("joint budgets", "fælles budgetter"),
        .changeInNetAxis: ("change in net burden (DKK)", "ændring i nettobyrde (kr.)"),
        .changeByPayerTitle: ("{1}: change in net burden by payer", "{1}: ændring i nettobyrde pr. betaler"),
        .changeByPayerDescription: ("Paired change in each named payer's net burden (costs + transfers paid − received), with 95 % confidence interval whiskers; red pays more, green saves.",
                                    "Parret ændring i hver navngiven betalers nettobyrde (omkostninger + betalte − modtagne overførsler), med 95\u{A0}%-konfidensinterval som streger; rød betaler mere, grøn sparer."),
        .changeByPayerCaption: ("Positive: the payer pays more. Every entity's account is in summary.csv and comparison.csv (columns level and entity).",
                                "Positiv: betaleren betaler mere. Hver enheds regnskab står i summary.csv og comparison.csv (kolonnerne level og entity)."),
        .sweepSection: ("Sweep", "Parametervariation"),
        .sweepDescription: ("Mean {1} at each value of {2}{3}, with 95 % confidence interval whiskers.",
                            "Gennemsnitlig {1} ved hver værdi af {2}{3}, med 95\u{A0}%-konfidensinterval som streger."),
        .sweepOneLinePer: (", one line per value of {1}", ", én linje pr. værdi af {1}"),
        .sweepNote: ("Mean of each metric (points) with 95 % confidence interval whiskers against {1}{2}. Every point and metric is in sweep.csv.",
                     "Gennemsnit af hvert mål (punkter) med 95\u{A0}%-konfidensinterval som streger mod {1}{2}. Alle punkter og mål står i sweep.csv."),
        .sweepHeld: ("Curves hold {1}; every point is in sweep.csv.", "Kurverne holder {1} fast; alle punkter står i sweep.csv."),
        .sweepPayerNets: ("Costs and payers' net burden", "Omkostninger og betalernes nettobyrde"),
        .heatMaps: ("Both parameters at once", "Begge parametre på én gang"),
        .heatMapTitle: ("{1} ({2}), mean", "{1} ({2}), gennemsnit"),
        .heatMapNote: ("Each cell is the mean at one combination of the two parameters; darker is higher. Intervals are in sweep.csv.",
                       "Hver celle er gennemsnittet ved én kombination af de to parametre; mørkere er højere. Intervallerne står i sweep.csv."),
        .stressNote: ("Reporting following STRESS-DES (Monks et al. 2019).", "Rapportering efter STRESS-DES (Monks m.fl. 2019)."),
        .appendix: ("Appendix: resolved scenarios", "Bilag: de kørte scenarier"),
        .theDecision: ("The decision: {1}", "Beslutningen: {1}"),
        .avoidedBetweenRuns: ("admissions avoided, between runs", "undgåede indlæggelser, mellem kørsler"),
        .avoidedBetweenRunsRow: ("avoided admissions, between runs", "undgåede indlæggelser, mellem kørsler"),
        .avoidedPerEpisode: ("avoided admissions, per episode", "undgåede indlæggelser, pr. forløb"),
        .perEpisode: ("{1}; per episode {2}", "{1}; pr. forløb {2}"),
        .withCI: ("{1} (95 % CI {2} to {3})", "{1} (95\u{A0}%-KI {2} til {3})"),
        .changeInTotalCost: ("change in total resource cost", "ændring i samlede ressourceomkostninger"),
        .netCostPerAvoided: ("net cost per avoided admission", "nettoomkostning pr. undgået indlæggelse"),
        .ratioWithheld: ("not given: the admissions avoided between runs are not clearly above zero, so the ratio would mean nothing",
                         "ikke angivet: de undgåede indlæggelser mellem kørsler er ikke tydeligt over nul, så forholdstallet ville intet betyde"),
        .whoPaysWhoSaves: ("who pays, who saves", "hvem betaler, hvem sparer"),
        .noPayerChanges: ("no payer's net burden changes beyond chance", "ingen betalers nettobyrde ændrer sig ud over tilfældighed"),
        .whyTheyDiffer: ("why the two measures differ", "hvorfor de to mål er forskellige"),
        .measuresDisagree: ("The two measures disagree: episode by episode the scenario avoids {1} admissions, but admissions change by {2} between runs, because escalations change by {3}, returns within the window by {4} and other admissions by {5} (system effects: referrals the municipal offer draws in, bed pressure, freed beds).",
                            "De to mål er uenige: forløb for forløb undgår scenariet {1} indlæggelser, men indlæggelserne ændrer sig med {2} mellem kørslerne, fordi forværringer ændrer sig med {3}, genindlæggelser inden for perioden med {4} og andre indlæggelser med {5} (systemeffekter: henvisninger, som det kommunale tilbud trækker til, sengepres, frigjorte senge)."),
        .paysMore: ("{1} pays {2} DKK more", "{1} betaler {2} kr. mere"),
        .alsoMore: ("{1} {2} DKK more", "{1} {2} kr. mere"),
        .saves: ("{1} saves {2} DKK", "{1} sparer {2} kr."),
        .alsoSaves: ("{1} {2} DKK", "{1} {2} kr."),
        .whoPaysQualifier: (" (net burden over the measured period; only differences whose 95 % CI excludes 0).",
                            " (nettobyrde over måleperioden; kun forskelle, hvis 95\u{A0}%-KI ikke indeholder 0)."),
        .whoPays: ("Who pays: {1}", "Hvem betaler: {1}"),
        .namedMunicipality: ("{1} municipality", "{1} Kommune"),
        .namedGeneralPractice: ("general practice in {1}", "almen praksis i {1}"),
        .namedJointBudget: ("the joint budget of {1}", "det fælles budget for {1}"),
        .theRegion: ("the region", "regionen"),
        .theMunicipality: ("the municipality", "kommunen"),
        .theJointBudget: ("the joint budget", "det fælles budget"),
        .sweepHeader: ("sweep: {1} points, differences against {2}", "parametervariation: {1} punkter, forskelle mod {2}"),
        .admissionsChange: ("admissions (Δ)", "indlæggelser (Δ)"),
        .totalCostChange: ("Δ total cost", "Δ samlede omkostninger"),
        .netChange: ("Δ {1} net", "Δ {1} netto"),
        .sweepFootnote: ("* 95 % confidence interval of the paired difference excludes 0; every metric is in sweep.csv and comparison.csv",
                         "* 95\u{A0}%-konfidensintervallet for den parrede forskel indeholder ikke 0; alle mål står i sweep.csv og comparison.csv"),
        .consoleFootnote: ("* 95 % confidence interval of the paired difference excludes 0",
                           "* 95\u{A0}%-konfidensintervallet for den parrede forskel indeholder ikke 0"),
        .wroteResults: ("wrote results to {1}", "skrev resultaterne til {1}"),
        .wrotePartialResult: ("wrote partial result to {1}", "skrev delresultatet til {1}"),
        .warningPrefix: ("warning", "advarsel"),
        .oneReplication: ("1 replication", "1 replikation"),
        .replicationCount: ("{1} replications", "{1} replikationer"),
        .warnFewReplications: ("only {1}: the 95 % intervals are wide and unreliable below {2}; use --replications 20 or more before quoting a number",
                               "kun {1}: 95\u{A0}%-intervallerne er brede og upålidelige under {2}; brug --replications 20 eller flere, før et tal citeres"),
        .hospitals: ("hospitals", "sygehuse"),
        .warnOtherSystem: ("'{1}' has other {2} than '{3}': the differences compare two health systems, not one change to a system",
                           "'{1}' har andre {2} end '{3}': forskellene sammenligner to sundhedssystemer, ikke én ændring af et system"),
        .warnFullHospitals: ("'{1}' runs its hospitals {2} % full on average: overcrowding and bed pressure dominate, and the beds are probably too few for the demand",
                             "'{1}' har sine sygehuse {2}\u{A0}% belagt i gennemsnit: overbelægning og sengepres dominerer, og sengene er sandsynligvis for få til efterspørgslen"),
    ]
}

extension ReportLanguage {
    /// Numbers as the language writes them: Danish swaps the decimal point and
    /// the thousands separator and writes millions as `mio.` and billions as
    /// `mia.`; English text is returned unchanged.
    /// - Complexity: O(length of `text`).
    public func number(_ text: String) -> String {
        let out = separators(text)
        guard self == .danish else { return out }
        if out.hasSuffix("bn") { return String(out.dropLast(2)) + " mia." }
        if out.hasSuffix("M") { return String(out.dropLast()) + " mio." }
        return out
    }

    /// Only the decimal and thousands separators as the language writes them,
    /// suffixes kept (chart ticks, whose room is measured for the English text).
    /// - Complexity: O(length of `text`).
    public func separators(_ text: String) -> String {
        guard self == .danish else { return text }
        return String(text.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
    }

    /// `svg` with every text element that is a number alone (axis ticks, bar
    /// values: `14.8M`, `1,000`) written with the language's decimal and
    /// thousands separators (suffixes kept, so the text keeps its width); the
    /// charts draw in English, and this leaves words and identifiers alone.
    /// - Complexity: O(length of `svg`).
    public func numbersInSVG(_ svg: String) -> String {
        guard self != .english else { return svg }
        return svg.replacing(/>(−?-?[0-9][0-9.,]*(?:M|bn)?)</) { match in ">" + separators(String(match.output.1)) + "<" }
    }

    /// A metric's plain-word label, or its identifier when the table has none.
    public func label(_ metric: String) -> String { MetricLabels.label(metric, self) ?? metric }

    /// A unit in this language.
    public func unit(_ unit: String) -> String { MetricLabels.unit(unit, self) }
}
