#!/usr/bin/env bash
# Regression guard for performance-sensitive changes. Run it before submitting:
#
#   Benchmarks/check-regression.sh            compare against Benchmarks/baseline.json
#   Benchmarks/check-regression.sh --update   record a new baseline (after an intended change)
#
# It runs `model-bench json` three times and takes the median of each number.
# Absolute speeds depend on the machine, so the check uses a ratio measured in
# the same process: the national model's events per second divided by the
# engine's M/M/10 customers per second. Machine speed cancels; a change that
# slows the model (or the engine more than the model) moves the ratio. The check
# fails when the ratio falls more than 15 % below the baseline, or when loading
# the national scenario takes more than 50 ms. CI builds the benchmarks but does
# not run this (timings on shared CI machines are noise).
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=Benchmarks/baseline.json
swift build -c release --product model-bench >/dev/null
runs=()
for i in 1 2 3; do runs+=("$(.build/release/model-bench json)"); done
python3 - "$baseline" "${1:-}" "${runs[@]}" <<'PY'
import json, statistics, sys
path, mode, *runs = sys.argv[1:]
runs = [json.loads(r) for r in runs]
median = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
median["modelToEngineRatio"] = median["denmarkEventsPerSecond"] / median["mmcCustomersPerSecond"]
print("this machine, median of 3:")
for k, v in median.items(): print(f"  {k:32} {v:,.4f}")
if mode == "--update":
    json.dump(median, open(path, "w"), indent=2, sort_keys=True)
    print(f"recorded {path}")
    sys.exit(0)
base = json.load(open(path))
ratio = median["modelToEngineRatio"] / base["modelToEngineRatio"]
print(f"model/engine speed ratio: {ratio:.3f} of the baseline (fails below 0.85)")
ok = ratio >= 0.85 and median["denmarkLoadMilliseconds"] <= 50
print("OK" if ok else "REGRESSION")
sys.exit(0 if ok else 1)
PY
