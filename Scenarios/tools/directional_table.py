#!/usr/bin/env python3
"""The directional validation table of docs/validation.md.

Usage: python3 Scenarios/tools/directional_table.py [path/to/samspil] > /tmp/directional.md

The same what-ifs as Tests/SamspilScenarioTests/DirectionalTests.swift, on
Scenarios/viborg-acute-team.json5, a year and 20 paired replications each
(the test uses 240 days and 6, to stay fast): prints the paired difference and
its 95 % interval for the outcomes whose sign the test checks.
"""
import csv, os, subprocess, sys, tempfile

samspil = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/samspil")
scenarios = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
viborg = os.path.join(scenarios, "viborg-acute-team.json5")
env = dict(os.environ, NO_COLOR="1")
TEAM = ('name: "Viborg akutteam", municipalities: ["Viborg"], maximumCaseload: 25, '
        'responseDelay: { lognormal: { meanHours: 1.5, sdHours: 1 } }, '
        'visitDuration: { lognormal: { meanMinutes: 40, sdMinutes: 15 } }, '
        'travelTime: { lognormal: { meanMinutes: 20, sdMinutes: 10 } }, ')
FORWARD = 'forwardVisitation: { from: 8, to: 20, share: 0.25 }, '
FOLLOW = 'followUp: { share: 0.2, afterHours: 24 }, '
SHIFTS = '{{ name: "day", from: 7, to: 15, nurses: {d} }}, {{ name: "evening", from: 15, to: 23, nurses: {e} }}'


def team(shifts=SHIFTS.format(d=4, e=3), forward=FORWARD, follow=FOLLOW, response=None):
    t = TEAM if response is None else TEAM.replace("{ lognormal: { meanHours: 1.5, sdHours: 1 } }", response)
    return f"acuteTeams: [ {{ {t}{forward}{follow}shifts: [ {shifts} ] }} ]"


WHAT_IFS = [
    ("a night shift (team staffed 24/7)", team(SHIFTS.format(d=4, e=3) + ', { name: "night", from: 23, to: 7, nurses: 1 }'),
     ["admissions", "teamEpisodes", "avoidedAdmissions"]),
    ("one nurse per shift", team(SHIFTS.format(d=1, e=1)),
     ["admissions", "teamResponseMeanHours", "teamNotCredibleNow", "avoidedAdmissions"]),
    ("eight nurses per shift", team(SHIFTS.format(d=8, e=8)), ["teamResponseMeanHours", "teamUtilisation", "admissions"]),
    ("20 of 81 beds closed", 'hospitals: [ { name: "Regionshospitalet Viborg", medicalBeds: 61 } ]',
     ["pressureDischarges", "readmissions", "overcrowdingPatients2300"]),
    ("notification 72 h instead of 24 h", "discharge: { notificationHours: 72 }", ["delayedDischargeDays", "bedDays"]),
    ("notification rules abolished", "discharge: { notificationHours: 0 }", ["delayedDischargeDays", "bedDays"]),
    ("shared IT", "coordination: { sharedIT: true }", ["readmissions", "teamEpisodes", "admissions"]),
    ("acute beds pooled with the hospital",
     'acuteBeds: [ { name: "Viborg akutpladser", pooledWith: "Regionshospitalet Viborg" } ]',
     ["hospitalPatientsInAcuteBeds", "overflowBedHours"]),
    ("no forward visitation", team(forward="forwardVisitation: { share: 0 }, "), ["forwardVisitationReferrals", "admissions"]),
    ("no follow-up visits", team(follow="followUp: { share: 0 }, "), ["teamFollowUpVisits", "readmissions"]),
    ("a fifth more citizens",
     'municipalities: [ { name: "Viborg", population: { "0-64": 91200, "65-79": 17400, "80+": 5640 } } ]',
     ["admissions", "occupancyRate", "pressureDischarges"]),
    ("no team at all", "acuteTeams: [ { name: \"Viborg akutteam\", $remove: true } ]",
     ["admissions", "teamEpisodes", "avoidedAdmissions"]),
    ("slower first response (6 h)", team(response="{ lognormal: { meanHours: 6, sdHours: 2 } }"),
     ["waitingDeteriorations", "teamEscalations"]),
]


def main():
    work = tempfile.mkdtemp()
    files = []
    for k, (name, body, _) in enumerate(WHAT_IFS):
        path = os.path.join(work, f"w{k}.json5")
        open(path, "w").write(f'{{ extends: "{viborg}", name: "w{k}", {body} }}\n')
        files.append(path)
    out = os.path.join(work, "out")
    subprocess.run([samspil, "compare", viborg, *files, "-n", "20", "--quiet", "--no-report", "--out", out],
                   check=True, env=env)
    rows = {}
    for r in csv.DictReader(open(os.path.join(out, "comparison.csv"))):
        if r.get("level", "system") != "system":  # entity rows share metric names
            continue
        rows[(r["scenario"], r["metric"])] = r
    print("| what-if (vs Viborg 07–23) | outcome | paired difference (95 % CI) |")
    print("|---|---|---|")
    for k, (name, _, metrics) in enumerate(WHAT_IFS):
        for j, m in enumerate(metrics):
            r = rows[(f"w{k}", m)]
            d, lo, hi = float(r["difference_mean"]), float(r["difference_ci_low"]), float(r["difference_ci_high"])
            digits = 2 if abs(d) < 10 else 0
            print(f"| {name if j == 0 else ''} | `{m}` | {d:+,.{digits}f} ({lo:+,.{digits}f} to {hi:+,.{digits}f}) |")


main()
