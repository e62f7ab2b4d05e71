#!/usr/bin/env python3
"""Regenerates the headline-number tables of Scenarios/README.md.

Usage: python3 Scenarios/tools/headlines.py [path/to/samspil] > /tmp/headlines.md
Runs the bundled scenarios with their own settings (seed 20260101) and prints
markdown tables; paste them into the README after a model change.
"""
import csv, os, subprocess, sys, tempfile

samspil = sys.argv[1] if len(sys.argv) > 1 else ".build/release/samspil"
env = dict(os.environ, NO_COLOR="1")

def run(args):
    out = tempfile.mkdtemp()
    subprocess.run([samspil, *args, "--quiet", "--no-report", "--out", out], check=True, env=env)
    return out

def summary(d):
    rows = {}
    for r in csv.DictReader(open(os.path.join(d, "summary.csv"))):
        if r.get("level", "system") != "system":  # entity rows share metric names
            continue
        rows.setdefault(r["scenario"], {})[r["metric"]] = r
    return rows

def comparison(d):
    rows = {}
    for r in csv.DictReader(open(os.path.join(d, "comparison.csv"))):
        if r.get("level", "system") != "system":  # entity rows share metric names
            continue
        rows.setdefault(r["scenario"], {})[r["metric"]] = r
    return rows

def n(x, digits=0):
    v = float(x)
    if abs(v) >= 1e9: return f"{v/1e9:.2f} bn"
    if abs(v) >= 1e6: return f"{v/1e6:.1f} M"
    return f"{v:,.{digits}f}"

def signed(x, digits=0):
    v = float(x)
    s = n(abs(v), digits)
    return ("+" if v > 0 else "−" if v < 0 else "") + s

def ci(r, key_low="ci_low", key_high="ci_high", digits=0):
    return f"{n(r[key_low], digits)} to {n(r[key_high], digits)}".replace("-", "−")

print("### The systems on their own (`samspil run`)\n")
print("| scenario | admissions (95 % CI) | mean occupancy (rate) | overcrowding at 23:00 | delayed-discharge days | region net | municipality net |")
print("|---|---|---|---|---|---|---|")
for f in ["baseline", "viborg-acute-team", "randers-cluster", "denmark"]:
    s = summary(run(["run", f"Scenarios/{f}.json5"]))
    (label, m), = s.items()
    print(f"| {f} | {n(m['admissions']['mean'])} ({ci(m['admissions'])}) | {n(m['meanOccupancy']['mean'], 1)} ({float(m['occupancyRate']['mean']):.3f}) "
          f"| {n(m['overcrowdingPatients2300']['mean'])} | {n(m['delayedDischargeDays']['mean'])} | {n(m['payer.region.net']['mean'])} | {n(m['payer.municipality.net']['mean'])} |")
    if f == "baseline":
        base = m
print(f"\nBaseline calibration: preventable admissions 65+ {float(base['preventableAdmissions65PerThousand']['mean']):.1f} per 1,000; "
      f"30-day readmission 65+ {100*float(base['readmissionRate65plus']['mean']):.1f} %.\n")

print("### Against the baseline (`samspil compare Scenarios/baseline.json5 FILE`)\n")
print("| scenario | admissions Δ (95 % CI) | avoided (counterfactual) | mean occupancy Δ | overcrowding Δ | delayed-discharge days Δ | total cost Δ | region net Δ | municipality net Δ | state net Δ |")
print("|---|---|---|---|---|---|---|---|---|---|")
for f, reps in [("viborg-acute-team", 20), ("fyn-sambo", 20), ("reform-2027", 20), ("esbjerg-null-effect", 40)]:
    c = comparison(run(["compare", "Scenarios/baseline.json5", f"Scenarios/{f}.json5", "--replications", str(reps)]))
    (label, m), = c.items()
    d = lambda k, digits=0: signed(m[k]["difference_mean"], digits)
    label = f + (f" ({reps} repl.)" if reps != 20 else "")
    print(f"| {label} | {d('admissions')} ({ci(m['admissions'], 'difference_ci_low', 'difference_ci_high')}) | {d('avoidedAdmissions')} | {d('meanOccupancy', 2)} | {d('overcrowdingPatients2300')} "
          f"| {d('delayedDischargeDays')} | {d('cost.total')} | {d('payer.region.net')} | {d('payer.municipality.net')} | {d('payer.state.net')} |")

print("\n### Same care under two regimes (`samspil compare Scenarios/viborg-acute-team.json5 --regime dk-2007-2026,dk-2027`)\n")
c = comparison(run(["compare", "Scenarios/viborg-acute-team.json5", "--regime", "dk-2007-2026,dk-2027"]))
(label, m), = c.items()
print("| payer | net Δ under dk-2027 (DKK a year) |")
print("|---|---|")
for p in ["region", "municipality", "generalPractice", "state"]:
    r = m[f"payer.{p}.net"]
    print(f"| {p} | {signed(r['difference_mean'])} ({ci(r, 'difference_ci_low', 'difference_ci_high')}) |")
print(f"| total resource cost | {signed(m['cost.total']['difference_mean'])} |")

print("\n### By name (`samspil compare Scenarios/randers-cluster.json5 Scenarios/randers-acute-team.json5`)\n")
d = run(["compare", "Scenarios/randers-cluster.json5", "Scenarios/randers-acute-team.json5"])
entity = {}
for r in csv.DictReader(open(os.path.join(d, "comparison.csv"))):
    entity[(r["level"], r["entity"], r["metric"])] = r
print("| payer | admissions of its citizens Δ | avoided (counterfactual) | team episodes | hospital bed-days Δ | change in net burden (DKK a year) |")
print("|---|---|---|---|---|---|")
names = sorted({e for (level, e, _) in entity if level == "municipality"},
               key=lambda e: float(entity[("municipality", e, "payer.net")]["difference_mean"]), reverse=True)
for e in names:
    g = lambda k, digits=0: signed(entity[("municipality", e, k)]["difference_mean"], digits)
    print(f"| {e} municipality | {g('admissions')} | {g('avoidedAdmissions')} | {g('teamEpisodes')} | {g('bedDays')} | {g('payer.net')} ({ci(entity[('municipality', e, 'payer.net')], 'difference_ci_low', 'difference_ci_high')}) |")
for level, e in sorted({(level, e) for (level, e, m) in entity if level in ("region", "state") and m == "payer.net"}):
    net = entity[(level, e, "payer.net")]
    extra = f"{signed(entity[(level, e, 'admissions')]['difference_mean'])} (its hospitals)" if (level, e, "admissions") in entity else ""
    print(f"| {e} | {extra} | | | | {signed(net['difference_mean'])} ({ci(net, 'difference_ci_low', 'difference_ci_high')}) |")
