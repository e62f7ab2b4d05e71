#!/usr/bin/env bash
# CI: renders the reports a planner opens — a comparison (in English and in
# Danish), a sweep, a comparison
# with payers by name (the Randers cluster) and an uncertainty analysis — and
# checks each in headless Chromium with check-report.sh (no console messages,
# no network, every chart rendered). Installs Debian's Chromium if missing.
#
#   bash Tests/browser/ci-reports.sh [PATH/TO/samspil]
set -euo pipefail
cd "$(dirname "$0")/../.."
samspil=${1:-.build/release/samspil}
if ! command -v chromium >/dev/null 2>&1; then
    echo "ci-reports: installing chromium"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
        || { echo "ci-reports: cannot install chromium" >&2; exit 1; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
short=(--replications 3 --horizon-days 30 --warmup-days 7 --quiet)
"$samspil" compare Scenarios/baseline.json5 Scenarios/viborg-acute-team.json5 "${short[@]}" --out "$work/compare"
"$samspil" compare Scenarios/baseline.json5 Scenarios/viborg-acute-team.json5 "${short[@]}" --language da --out "$work/compare-da"
"$samspil" sweep Scenarios/viborg-acute-team.json5 --set 'acuteTeams[*].shifts[day].nurses=2:6:2' "${short[@]}" --out "$work/sweep"
cat >"$work/randers-team.json5" <<JSON5
{ extends: "$PWD/Scenarios/randers-cluster.json5", name: "randers-team",
  acuteTeams: [ { name: "Randers akutteam", municipalities: ["Randers", "Norddjurs", "Syddjurs", "Favrskov"],
    shifts: [ { name: "day", from: 7, to: 15, nurses: 8 }, { name: "evening", from: 15, to: 23, nurses: 6 } ], maximumCaseload: 50 } ] }
JSON5
"$samspil" compare Scenarios/randers-cluster.json5 "$work/randers-team.json5" "${short[@]}" --out "$work/entities"
"$samspil" uncertainty Scenarios/baseline.json5 Scenarios/viborg-uncertainty.json5 --draws 6 "${short[@]}" --out "$work/uncertainty"
for report in compare sweep entities uncertainty; do
    SCREENSHOT="$work/$report.png" bash Tests/browser/check-report.sh "$work/$report/report.html" 1400 3000
done
# A planner finds the decision without scrolling, in English and in Danish.
for report in compare compare-da entities; do
    DECISION_WITHIN=900 SCREENSHOT="$work/$report-first-screen.png" bash Tests/browser/check-report.sh "$work/$report/report.html" 1400 900
done
echo "ci-reports: OK (compare in English and Danish, sweep, payers by name, uncertainty; decision in the first 900 px)"
