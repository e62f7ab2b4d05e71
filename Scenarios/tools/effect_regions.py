#!/usr/bin/env python3
"""Where in the uncertain parameters does an acute team avoid admissions, and
where is its effect null or harmful?

Usage: python3 Scenarios/tools/effect_regions.py [path/to/samspil] > /tmp/regions.md

For the Viborg and Esbjerg configurations (Scenarios/viborg-acute-team.json5,
Scenarios/esbjerg-null-effect.json5) it varies the two least-known parameters
that decide the sign — the team's escalation probability (every group) and how
risky staying at home with the doctor is (readmission.afterHomeMultiplier,
which also applies to patients the team takes but the doctor could have kept
at home) — and
for each point compares with Scenarios/baseline.json5 (20 paired replications,
common random numbers). It prints markdown tables of the between-run change in
admissions with its 95 % interval and a verdict: fewer (interval below 0),
null (interval spans 0) or more (interval above 0). docs/validation.md holds
the output.
"""
import csv, os, subprocess, sys, tempfile

samspil = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/samspil")
here = os.path.dirname(os.path.abspath(__file__))
scenarios = os.path.dirname(here)
env = dict(os.environ, NO_COLOR="1")
GROUPS = ["pneumonia", "urinary tract infection", "COPD exacerbation", "dehydration", "heart failure",
          "reduced general condition"]
ESCALATION = [0.05, 0.15, 0.30, 0.45, 0.60, 0.75, 0.90]
HOME_RISK = [0.4, 1.0, 1.6]


def point(extends, escalation, home, directory):
    groups = ", ".join(f'{{ name: "{g}", acuteTeam: {{ escalationProbability: {escalation} }} }}' for g in GROUPS)
    text = (f'{{ extends: "{os.path.join(scenarios, extends)}", name: "e{escalation}-h{home}",\n'
            f'  patientGroups: [{groups}],\n'
            f'  readmission: {{ afterHomeMultiplier: {home} }} }}\n')
    path = os.path.join(directory, f"e{escalation}-h{home}.json5")
    open(path, "w").write(text)
    return path


def base_with(home, directory):
    path = os.path.join(directory, f"base-h{home}.json5")
    open(path, "w").write(f'{{ extends: "{os.path.join(scenarios, "baseline.json5")}", name: "base-h{home}",\n'
                          f'  readmission: {{ afterHomeMultiplier: {home} }} }}\n')
    return path


def main():
    for title, extends in [("Viborg", "viborg-acute-team.json5"), ("Esbjerg", "esbjerg-null-effect.json5")]:
        work = tempfile.mkdtemp()
        rows = {}
        # The home-risk multiplier applies to the baseline's patients too: each
        # column is compared with a baseline that has the same value.
        for h in HOME_RISK:
            files = [point(extends, e, h, work) for e in ESCALATION]
            out = os.path.join(work, f"out-h{h}")
            subprocess.run([samspil, "compare", base_with(h, work), *files, "-n", "20", "--quiet", "--no-report",
                            "--out", out], check=True, env=env)
            for r in csv.DictReader(open(os.path.join(out, "comparison.csv"))):
                if r.get("level", "system") != "system":  # entity rows share metric names
                    continue
                if r["metric"] == "admissions":
                    rows[r["scenario"]] = r
        print(f"\n**{title}** — change in admissions a year against the baseline (95 % CI), by the team's escalation"
              " probability (rows) and the return-risk multiplier at home with the doctor, in both (columns):\n")
        print("| escalation | " + " | ".join(f"home risk × {h}" for h in HOME_RISK) + " |")
        print("|---|" + "---|" * len(HOME_RISK))
        for e in ESCALATION:
            cells = []
            for h in HOME_RISK:
                r = rows[f"e{e}-h{h}"]
                d, lo, hi = float(r["difference_mean"]), float(r["difference_ci_low"]), float(r["difference_ci_high"])
                verdict = "fewer" if hi < 0 else ("more" if lo > 0 else "null")
                cells.append(f"{d:+.0f} ({lo:+.0f} to {hi:+.0f}) {verdict}")
            print(f"| {e} | " + " | ".join(cells) + " |")


main()
