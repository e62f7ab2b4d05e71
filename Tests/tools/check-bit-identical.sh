#!/usr/bin/env bash
# Records or checks the outputs of every bundled scenario, byte for byte.
#
#   Tests/tools/check-bit-identical.sh --record DIR   # before a restructuring
#   Tests/tools/check-bit-identical.sh --check DIR    # after it: exit 1 on any difference
#
# Compares summary.csv, replications.csv and timeseries.csv of `samspil run`
# for every Scenarios/*.json5 (and the trace of its first replication, which
# catches a change in event order that summaries might average away; not for
# the national scenario), plus one `compare`, one `sweep` and one shard-and-merge
# (results.json also carries run time and machine, so it is not compared).
# Set SAMSPIL_BIN to use an already built executable.
set -euo pipefail

mode="${1:-}"; dir="${2:-}"
if [[ ( "$mode" != "--record" && "$mode" != "--check" ) || -z "$dir" ]]; then
    echo "usage: $0 --record DIR | --check DIR" >&2
    exit 2
fi
cd "$(dirname "$0")/../.."
if [[ -z "${SAMSPIL_BIN:-}" ]]; then
    swift build -c release --product samspil >&2
    SAMSPIL_BIN=.build/release/samspil
fi
# The scenarios' own horizon and warm-up; three replications keep the check to about a minute.
options=(--replications 3 --jobs 2 --quiet --no-report)
files=(summary.csv replications.csv timeseries.csv trace.csv)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

produce() {  # produce OUTDIR: every output this check covers
    local out="$1"
    for scenario in Scenarios/*.json5; do
        local name; name=$(basename "$scenario" .json5)
        local trace=()
        if [[ $name != denmark ]]; then mkdir -p "$out/trace-$name"; trace=(--trace "$out/trace-$name/trace.csv"); fi
        "$SAMSPIL_BIN" run "$scenario" "${options[@]}" "${trace[@]}" --out "$out/run-$name"
    done
    "$SAMSPIL_BIN" compare Scenarios/baseline.json5 Scenarios/viborg-acute-team.json5 "${options[@]}" --out "$out/compare"
    "$SAMSPIL_BIN" sweep Scenarios/viborg-acute-team.json5 --set decision.trust.gp=0.3,0.9 "${options[@]}" --out "$out/sweep"
    "$SAMSPIL_BIN" run Scenarios/viborg-acute-team.json5 "${options[@]}" --shard 1/2 --out "$work/part-1"
    "$SAMSPIL_BIN" run Scenarios/viborg-acute-team.json5 "${options[@]}" --shard 2/2 --out "$work/part-2"
    "$SAMSPIL_BIN" merge "$work/part-1" "$work/part-2" --quiet --no-report --out "$out/merge"
}

if [[ "$mode" == "--record" ]]; then
    mkdir -p "$dir"
    produce "$work/out"
    for run in "$work/out"/*; do
        mkdir -p "$dir/$(basename "$run")"
        for f in "${files[@]}"; do [[ -f "$run/$f" ]] && cp "$run/$f" "$dir/$(basename "$run")/$f"; done
    done
    echo "recorded $(find "$dir" -name '*.csv' | wc -l | tr -d ' ') files in $dir"
    exit 0
fi

produce "$work/out"
different=0; compared=0
for reference in "$dir"/*/*.csv; do
    name="$(basename "$(dirname "$reference")")/$(basename "$reference")"
    compared=$((compared + 1))
    if ! cmp -s "$reference" "$work/out/$name"; then
        echo "DIFFERENT: $name" >&2
        different=$((different + 1))
    fi
done
if (( compared == 0 )); then echo "no reference files in $dir" >&2; exit 2; fi
if (( different > 0 )); then echo "$different of $compared files differ" >&2; exit 1; fi
echo "bit-identical: $compared files"
