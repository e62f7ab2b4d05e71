#!/usr/bin/env python3
"""Generate the tables behind `samspil init`.

Usage (from the repository root):

    python3 Scenarios/tools/make_init_tables.py

Writes two Swift files (deterministic: the same inputs give byte-identical
output):

  Sources/SamspilScenario/Templates/DanishGeographyTables.swift
      the 98 municipalities of Scenarios/denmark.json5 (real 2024 population
      totals, estimated age split, region, catchment hospitals and shares,
      24/7 acute-team staffing scaled from Viborg), each catchment hospital's
      beds scaled to that municipality (see BEDS below);
  Sources/SamspilScenario/Templates/BaselineTemplateTables.swift
      the sections of Scenarios/baseline.json5 that a generated scenario
      keeps verbatim (simulation, age bands, patient groups, profiles,
      contact, decision, discharge, readmission, coordination), so a new
      municipality's scenario carries the calibrated parameter set with its
      comments and sources. A unit test checks every section still occurs
      verbatim in baseline.json5.

Python 3 standard library only; reuses the JSON5 reader of make_denmark.py.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.dirname(HERE)
ROOT = os.path.dirname(SCENARIOS)
sys.path.insert(0, HERE)
from make_denmark import read, round_half_up  # noqa: E402

OUT = os.path.join(ROOT, "Sources", "SamspilScenario", "Templates")

# BEDS. A generated municipality gets, at each catchment hospital, beds in
# proportion to the bed-days its citizens are expected to use there, scaled
# from the calibrated baseline (81 beds for Viborg's citizens at ≈90 % mean
# occupancy with no acute team). Expected bed-days per citizen of an age band
# = Σ over patient groups of rate × (borderline + must-admit share) × mean
# stay. ILLUSTRATIVE, and said so in the generated file.
KEPT_SECTIONS = ["simulation", "ageBands", "patientGroups", "demandProfile", "contact",
                 "decision", "discharge", "readmission", "coordination"]


def mean_days(distribution):
    for kind, params in distribution.items():
        if "meanDays" in params:
            return params["meanDays"]
    raise ValueError(f"no meanDays in {distribution}")


def band_weights(base):
    bands = base["ageBands"]
    weights = []
    for band in bands:
        w = 0.0
        for g in base["patientGroups"]:
            rate = g["ratePerThousandPerYear"][band] / 1000
            admitted = g["severity"]["borderline"] + g["severity"]["mustAdmit"]
            stay = g["lengthOfStay"][band] if band in g["lengthOfStay"] else g["lengthOfStay"]
            w += rate * admitted * mean_days(stay)
        weights.append(w)
    return weights


def sections(text):
    """Top-level keys of a scenario file (two-space indent) with the comment lines just above each."""
    lines = text.split("\n")
    starts = []
    for i, line in enumerate(lines):
        m = re.match(r"^  ([A-Za-z]+):", line)
        if m:
            j = i
            while j > 0 and lines[j - 1].startswith("  //"):
                j -= 1
            starts.append((m.group(1), j))
    end = max(i for i, line in enumerate(lines) if line.startswith("}"))
    result = {}
    for k, (key, start) in enumerate(starts):
        stop = starts[k + 1][1] if k + 1 < len(starts) else end
        block = "\n".join(lines[start:stop]).rstrip("\n") + "\n"
        result[key] = block
    return result


def swift_string(s):
    assert '"""#' not in s
    return '#"""\n' + s + '"""#'


def swift_literal(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    base_path = os.path.join(SCENARIOS, "baseline.json5")
    with open(base_path, encoding="utf-8") as f:
        base_text = f.read()
    base = read(base_path)
    denmark = read(os.path.join(SCENARIOS, "denmark.json5"))

    bands = base["ageBands"]
    weights = band_weights(base)
    viborg = next(m for m in base["municipalities"] if m["name"] == "Viborg")
    viborg_load = sum(w * viborg["population"][b] for w, b in zip(weights, bands))
    beds_per_load = base["hospitals"][0]["medicalBeds"] / viborg_load

    hospitals = {h["name"]: h for h in denmark["hospitals"]["$replace"]}
    teams = {t["municipalities"][0]: t for t in denmark["acuteTeams"]["$replace"]}
    rows = []
    for m in denmark["municipalities"]["$replace"]:
        load = sum(w * m["population"][b] for w, b in zip(weights, bands))
        catchment = []
        for name, share in m["hospitals"].items():
            beds = max(1, round_half_up(beds_per_load * load * share))
            catchment.append(f"(hospital: {swift_literal(name)}, share: {share!r}, beds: {beds})")
        team = teams[m["name"]]
        nurses = {s["name"]: s["nurses"] for s in team["shifts"]}
        population = ", ".join(str(m["population"][b]) for b in bands)
        rows.append(
            f"        DanishMunicipality(name: {swift_literal(m['name'])}, region: {swift_literal(m['region'])},\n"
            f"                           population: [{population}],\n"
            f"                           catchment: [{', '.join(catchment)}],\n"
            f"                           nurses: (day: {nurses['day']}, evening: {nurses['evening']}, night: {nurses['night']}), "
            f"maximumCaseload: {team['maximumCaseload']}),")
    hospital_regions = "\n".join(
        f"        {swift_literal(name)}: {swift_literal(h['region'])}," for name, h in hospitals.items())

    header = ("// GENERATED by Scenarios/tools/make_init_tables.py — do not edit by hand.\n"
              "// Regenerate from the repository root: python3 Scenarios/tools/make_init_tables.py\n")
    geography = header + f"""
// Source: Scenarios/denmark.json5 (populations: Statistics Denmark FOLK1AM, 1 January 2024, real totals,
// estimated age split; catchments and team staffing illustrative). Beds per catchment hospital: scaled from
// the baseline's 81 beds for Viborg's citizens (≈90 % mean occupancy, no acute team) in proportion to
// expected bed-days (population by age band × admission rates × stays of the baseline's patient groups).
extension DanishGeography {{
    /// Age bands of `DanishMunicipality.population`, in order.
    public static let ageBands = [{', '.join(swift_literal(b) for b in bands)}]

    /// Every municipality, in the order of Statistics Denmark's table.
    public static let municipalities: [DanishMunicipality] = [
{chr(10).join(rows)}
    ]

    /// The region of each acute hospital.
    public static let hospitalRegions: [String: String] = [
{hospital_regions}
    ]
}}
"""
    parts = sections(base_text)
    missing = [k for k in KEPT_SECTIONS if k not in parts]
    if missing:
        sys.stderr.write(f"baseline.json5 lacks sections {missing}\n")
        return 1
    kept = "\n".join(f"        ({swift_literal(k)}, {swift_string(parts[k])})," for k in KEPT_SECTIONS)
    template = header + f"""
// The calibrated parameter set of Scenarios/baseline.json5, section by section, verbatim.
extension MunicipalityScenario {{
    /// Top-level sections copied into every generated scenario, in file order.
    static let baselineSections: [(key: String, text: String)] = [
{kept}
    ]
}}
"""
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "DanishGeographyTables.swift"), "w", encoding="utf-8") as f:
        f.write(geography)
    with open(os.path.join(OUT, "BaselineTemplateTables.swift"), "w", encoding="utf-8") as f:
        f.write(template)
    return 0


if __name__ == "__main__":
    sys.exit(main())
