#!/usr/bin/env python3
"""Generate Scenarios/denmark.json5, the national Samspil scenario.

Usage (from the repository root):

    python3 Scenarios/tools/make_denmark.py Scenarios/data/denmark-geography.json5 > Scenarios/denmark.json5

Python 3 standard library only. The output is deterministic: the same inputs
give byte-identical output.

Inputs
  * the geography file named on the command line (98 municipalities, 5
    regions, 22 acute hospitals, catchment shares);
  * Scenarios/baseline.json5 (next to this script's parent folder): the age
    bands, the hospitals' discharge hours, and Viborg's 65+ population, which
    is the reference for scaling team staffing;
  * Scenarios/viborg-acute-team.json5: the Viborg team's staffing (4 day /
    3 evening nurses, caseload 25) and its visit and response settings.

What it writes
  * `extends: "baseline.json5"`, so patient groups, profiles, contact,
    decision (trust), discharge, readmission and coordination are the
    baseline's calibrated parameter set;
  * regions, hospitals and municipalities replaced wholesale (`$replace`);
  * one acute team per municipality, staffed 24/7 (the 2023 national
    standard), nurses and caseload proportional to the population 65+;
  * medicalBeds per hospital from CALIBRATED_BEDS below (see there).
"""
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.dirname(HERE)

# --------------------------------------------------------------------------
# A small JSON5 reader (the subset the scenario files use: comments, unquoted
# keys, single or double quotes, trailing commas, decimal numbers).


class JSON5Error(ValueError):
    pass


def load_json5(text):
    p = _Parser(text)
    value = p.value()
    p.skip()
    if p.i != len(p.s):
        p.fail("unexpected text after the document")
    return value


class _Parser:
    def __init__(self, s):
        self.s = s.lstrip("\ufeff")
        self.i = 0

    def fail(self, msg):
        line = self.s.count("\n", 0, self.i) + 1
        raise JSON5Error(f"line {line}: {msg}")

    def skip(self):
        s = self.s
        while self.i < len(s):
            c = s[self.i]
            if c in " \t\r\n\u00a0\ufeff":
                self.i += 1
            elif s.startswith("//", self.i):
                j = s.find("\n", self.i)
                self.i = len(s) if j < 0 else j + 1
            elif s.startswith("/*", self.i):
                j = s.find("*/", self.i + 2)
                if j < 0:
                    self.fail("unclosed comment")
                self.i = j + 2
            else:
                break

    def value(self):
        self.skip()
        if self.i >= len(self.s):
            self.fail("unexpected end")
        c = self.s[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c in "\"'":
            return self.string()
        for word, v in (("true", True), ("false", False), ("null", None)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return v
        return self.number()

    def obj(self):
        self.i += 1
        out = {}
        while True:
            self.skip()
            if self.s[self.i] == "}":
                self.i += 1
                return out
            if self.s[self.i] in "\"'":
                key = self.string()
            else:
                j = self.i
                while self.i < len(self.s) and (self.s[self.i].isalnum() or self.s[self.i] in "_$"):
                    self.i += 1
                key = self.s[j:self.i]
                if not key:
                    self.fail("expected a key")
            self.skip()
            if self.s[self.i] != ":":
                self.fail("expected ':'")
            self.i += 1
            if key in out:
                self.fail(f"duplicate key {key!r}")
            out[key] = self.value()
            self.skip()
            if self.s[self.i] == ",":
                self.i += 1
            elif self.s[self.i] != "}":
                self.fail("expected ',' or '}'")

    def arr(self):
        self.i += 1
        out = []
        while True:
            self.skip()
            if self.s[self.i] == "]":
                self.i += 1
                return out
            out.append(self.value())
            self.skip()
            if self.s[self.i] == ",":
                self.i += 1
            elif self.s[self.i] != "]":
                self.fail("expected ',' or ']'")

    def string(self):
        q = self.s[self.i]
        self.i += 1
        out = []
        esc = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0",
               "\\": "\\", "/": "/", "'": "'", '"': '"', "\n": ""}
        while True:
            if self.i >= len(self.s):
                self.fail("unclosed string")
            c = self.s[self.i]
            self.i += 1
            if c == q:
                return "".join(out)
            if c == "\\":
                d = self.s[self.i]
                self.i += 1
                if d == "u":
                    out.append(chr(int(self.s[self.i:self.i + 4], 16)))
                    self.i += 4
                elif d in esc:
                    out.append(esc[d])
                else:
                    self.fail(f"invalid escape \\{d}")
            else:
                out.append(c)

    def number(self):
        j = self.i
        while self.i < len(self.s) and self.s[self.i] in "+-0123456789.eE":
            self.i += 1
        text = self.s[j:self.i]
        if not text:
            self.fail("expected a value")
        try:
            return int(text) if all(ch in "+-0123456789" for ch in text) else float(text)
        except ValueError:
            self.fail(f"bad number {text!r}")


def read(path):
    with open(path, encoding="utf-8") as f:
        return load_json5(f.read())


# --------------------------------------------------------------------------
# Calibrated medical beds.
#
# Sized so that each hospital's simulated mean occupancy in THIS scenario
# (baseline patient groups, a 24/7 acute team in every municipality, baseline
# trust) is about 90 %. Procedure: start from the geography file's
# illustrative beds, run the scenario, read each hospital's simulated mean
# occupancy (patients in beds, time average over the measured window), set
# beds = round(mean occupancy / 0.90), repeat until stable. A hospital not
# listed here keeps the geography file's illustrative number.
# ILLUSTRATIVE: no real bed counts are used.
#
# Calibrated 4 replications, seed of baseline.json5. `samspil run` prints only
# national totals, so per-hospital occupancy was read from
# ReplicationResult.usage.bedDays with a throwaway probe outside the
# repository. One step sufficed: with the default overflow policy
# (moveToFreeBed, bedPressureStayFactor 1) patients are admitted whatever the
# beds, so occupancy in patients does not depend on the bed count. Result:
# every hospital 0.897-0.908, national occupancyRate 0.900 ± 0.003.
# Re-calibrate if patient groups, trust or team staffing change.
TARGET_OCCUPANCY = 0.90
CALIBRATED_BEDS = {
    "Rigshospitalet": 96,
    "Bispebjerg og Frederiksberg Hospital": 222,
    "Amager og Hvidovre Hospital": 407,
    "Herlev og Gentofte Hospital": 373,
    "Nordsjællands Hospital": 315,
    "Bornholms Hospital": 42,
    "Sjællands Universitetshospital, Køge": 317,
    "Holbæk Sygehus": 151,
    "Slagelse Sygehus": 206,
    "Nykøbing Falster Sygehus": 132,
    "Odense Universitetshospital": 348,
    "OUH Svendborg Sygehus": 115,
    "Sygehus Lillebælt, Kolding": 273,
    "Sydvestjysk Sygehus, Esbjerg": 166,
    "Sygehus Sønderjylland, Aabenraa": 215,
    "Aarhus Universitetshospital": 359,
    "Regionshospitalet Randers": 212,
    "Regionshospitalet Viborg": 185,
    "Gødstrup Hospital": 260,
    "Regionshospitalet Horsens": 134,
    "Aalborg Universitetshospital": 368,
    "Regionshospital Nordjylland, Hjørring": 173,
}

# Team staffing relative to the Viborg reference (baseline Viborg, 65+
# population read from baseline.json5): Viborg team 4 day / 3 evening nurses
# (viborg-acute-team.json5) plus 1 night nurse for 24/7 cover.
NIGHT_NURSES_REFERENCE = 1
SHIFT_HOURS = [("day", 7, 15), ("evening", 15, 23), ("night", 23, 7)]
MINIMUM_CASELOAD = 2

# Settings copied from the Viborg team (visits and response only; forward
# visitation at the ED and follow-up visits are Viborg's mature cooperation,
# not part of the national standard).
COPIED_TEAM_KEYS = ["responseDelay", "visitDuration", "travelTime"]


def round_half_up(x):
    return int(math.floor(x + 0.5))


def js(value):
    """Compact JSON for one value, non-ASCII kept."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def inline(obj):
    """An object on one line with unquoted identifier keys."""
    if isinstance(obj, dict):
        parts = []
        for k, v in obj.items():
            key = k if (k.isidentifier() and k.isascii()) else js(k)
            parts.append(f"{key}: {inline(v)}")
        return "{ " + ", ".join(parts) + " }"
    if isinstance(obj, list):
        return "[" + ", ".join(inline(v) for v in obj) + "]"
    if isinstance(obj, float) and obj.is_integer():
        return str(int(obj))
    return js(obj)


def shorten_municipality_source(src):
    if "split across hospitals" in src:
        catch = "catchment split across hospitals, shares ILLUSTRATIVE"
    else:
        catch = "catchment: regional acute-hospital area (analyst's knowledge, not verified against 2024 documents)"
    return ("total: Statistics Denmark FOLK1AM 1 Jan 2024, real; age split ESTIMATED (by municipality type, "
            "raked to the real national 2024 totals for 65-79 and 80+); " + catch)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: make_denmark.py GEOGRAPHY.json5 > denmark.json5\n")
        return 2
    geo_path = argv[1]
    geo = read(geo_path)
    base = read(os.path.join(SCENARIOS, "baseline.json5"))
    viborg = read(os.path.join(SCENARIOS, "viborg-acute-team.json5"))

    bands = base["ageBands"]
    old_bands = [b for b in bands if b != bands[0]]
    base_hospital = base["hospitals"][0]
    ref = next(m for m in base["municipalities"] if m["name"] == "Viborg")
    ref65 = sum(ref["population"][b] for b in old_bands)
    team = viborg["acuteTeams"][0]
    ref_shifts = {s["name"]: s["nurses"] for s in team["shifts"]}
    ref_nurses = {"day": ref_shifts["day"], "evening": ref_shifts["evening"], "night": NIGHT_NURSES_REFERENCE}
    ref_caseload = team["maximumCaseload"]

    regions = [r["name"] for r in geo["regions"]]
    hospitals = geo["hospitals"]
    municipalities = geo["municipalities"]
    hospital_names = {h["name"] for h in hospitals}
    for m in municipalities:
        if set(m["population"]) != set(bands):
            raise SystemExit(f"{m['name']}: population bands {sorted(m['population'])} differ from baseline {bands}")
        for h in m["hospitals"]:
            if h not in hospital_names:
                raise SystemExit(f"{m['name']}: unknown hospital {h}")
    unknown = set(CALIBRATED_BEDS) - hospital_names
    if unknown:
        raise SystemExit(f"CALIBRATED_BEDS names unknown hospitals: {sorted(unknown)}")

    pop = sum(sum(m["population"].values()) for m in municipalities)
    pop65 = sum(sum(m["population"][b] for b in old_bands) for m in municipalities)
    pop80 = sum(m["population"][bands[-1]] for m in municipalities)

    out = []
    w = out.append
    w("// denmark.json5 — the Danish national system: 5 regions, 22 acute hospitals, 98 municipalities,")
    w("// each municipality with a 24/7 acute team (the national standard since 2023, docs/domain.md §4.15).")
    w("// The large-run benchmark: about 6 million citizens, ≈" + f"{pop65:,}".replace(",", " ") + " aged 65+.")
    w("//")
    w("// GENERATED — do not edit by hand. Regenerate from the repository root with:")
    w("//   python3 Scenarios/tools/make_denmark.py Scenarios/data/denmark-geography.json5 > Scenarios/denmark.json5")
    w("// (the generator also reads Scenarios/baseline.json5 and Scenarios/viborg-acute-team.json5).")
    w("//")
    w("// Patient groups, demand profiles, contact, decision (trust), discharge, readmission and coordination")
    w("// are inherited from baseline.json5, the calibrated parameter set. Trust is the baseline's: the national")
    w("// average is not Viborg's mature cooperation.")
    w("//")
    w("// What is real and what is not:")
    w("//   REAL       municipal populations (Statistics Denmark FOLK1AM, 1 January 2024; 98 municipalities,")
    w(f"//              total {pop:,}, Christiansø's 91 residents excluded); the national totals 65+ ({pop65:,})")
    w(f"//              and 80+ ({pop80:,}); the 5 regions and which region each municipality belongs to.")
    w("//   ESTIMATED  each municipality's age split (0-64 / 65-79 / 80+), estimated by municipality type and")
    w("//              raked to the real national totals.")
    w("//   ILLUSTRATIVE  the list of 22 acute hospitals and their catchments (analyst's knowledge, 2023-24),")
    w("//              the catchment shares of municipalities split between hospitals, medical beds (sized")
    w("//              so that simulated mean occupancy is ≈90 % at every hospital; no real bed counts), and")
    w("//              acute-team staffing (scaled from the illustrative Viborg team by population 65+).")
    w("// Sources in full: the header of Scenarios/data/denmark-geography.json5 (a copy of the data helper's")
    w("// output; its build.py and check.py are not in the repository).")
    w("{")
    w('  extends: "baseline.json5",')
    w('  name: "denmark",')
    w('  description: "Denmark: 5 regions, 22 acute hospitals, 98 municipalities (2024 populations), '
      'a 24/7 municipal acute team in every municipality; baseline patient groups and trust.",')
    w("")
    w("  simulation: { replications: 10, horizonDays: 365 },")
    w("")
    w("  regions: { $replace: [")
    for r in regions:
        w(f"    {{ name: {js(r)} }},")
    w("  ] },")
    w("")
    w("  // Medical beds ILLUSTRATIVE: calibrated in this scenario to ≈" + f"{TARGET_OCCUPANCY:.0%}"
      + " mean occupancy per hospital (see make_denmark.py).")
    w("  hospitals: { $replace: [")
    total_beds = 0
    for h in hospitals:
        beds = CALIBRATED_BEDS.get(h["name"], h["medicalBeds"])
        total_beds += beds
        calibrated = h["name"] in CALIBRATED_BEDS
        src = ("illustrative: sized for ≈90 % simulated mean occupancy in this scenario" if calibrated
               else "illustrative: proportional to age-weighted catchment population (geography file), not yet calibrated")
        entry = {"name": h["name"], "region": h["region"], "medicalBeds": beds}
        if "dischargeHours" in base_hospital:
            entry["dischargeHours"] = base_hospital["dischargeHours"]
        entry["source"] = src
        w(f"    {inline(entry)},")
    w(f"  ] }},  // {total_beds:,} medical beds in all")
    w("")
    w("  municipalities: { $replace: [")
    for m in municipalities:
        entry = {"name": m["name"], "region": m["region"],
                 "population": {b: m["population"][b] for b in bands},
                 "hospitals": m["hospitals"],
                 "source": shorten_municipality_source(m.get("source", ""))}
        w(f"    {inline(entry)},")
    w("  ] },")
    w("")
    w("  // One acute team per municipality, staffed around the clock (day 07-15, evening 15-23, night 23-07).")
    w(f"  // Nurses per shift = Viborg's {ref_nurses['day']}/{ref_nurses['evening']}/{ref_nurses['night']} "
      f"× (population 65+ / {ref65:,}), rounded, at least 1;")
    w(f"  // maximumCaseload = {ref_caseload} × the same ratio, rounded, at least {MINIMUM_CASELOAD}. "
      "Response and visit times as the Viborg team.")
    w("  acuteTeams: { $replace: [")
    copied = {k: team[k] for k in COPIED_TEAM_KEYS if k in team}
    for m in municipalities:
        p65 = sum(m["population"][b] for b in old_bands)
        ratio = p65 / ref65
        shifts = []
        for name, start, end in SHIFT_HOURS:
            nurses = max(1, round_half_up(ref_nurses[name] * ratio))
            shifts.append({"name": name, "from": start, "to": end, "nurses": nurses})
        caseload = max(MINIMUM_CASELOAD, round_half_up(ref_caseload * ratio))
        entry = {"name": f"{m['name']} akutteam", "municipalities": [m["name"]], "shifts": shifts,
                 "maximumCaseload": caseload}
        entry.update(copied)
        entry["source"] = "illustrative: Viborg team scaled by population 65+"
        w(f"    {inline(entry)},")
    w("  ] },")
    w("}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
