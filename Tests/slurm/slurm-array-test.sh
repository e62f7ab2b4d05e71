#!/usr/bin/env bash
# Integration test: Samspil as a Slurm job array on a one-node cluster on localhost.
#
#   bash Tests/slurm/slurm-array-test.sh [PATH/TO/samspil]
#
# Installs Debian's slurmctld, slurmd, slurm-client and munge if they are missing,
# starts a private munged (as the munge user, own key and socket) and a one-node
# Slurm cluster (own slurm.conf, ports, state and spool directories, all in a
# temporary directory), submits `sbatch --array=1-TASKS` where task K runs
# `samspil run --shard K/TASKS`, polls squeue until the array is done, checks every
# task's exit marker, merges the parts and compares them with a single-process run:
# summary.csv, replications.csv and timeseries.csv byte-identical, results.json
# identical apart from `tool`, `experiment.runSeconds` and `experiment.jobs`.
#
# Needs root (it starts daemons and, if needed, apt-get installs). No systemd, no
# cgroups. Takes 5-10 s once the packages are installed (10 s more to install). See
# docs/guides/cluster.md. Settings (environment):
#   SAMSPIL_SLURM_TASKS         array tasks = shards              (default 4)
#   SAMSPIL_SLURM_REPLICATIONS  replications in the experiment    (default 20)
#   SAMSPIL_SLURM_PORT          slurmctld port; slurmd uses +1    (default 26817)
#   SAMSPIL_SLURM_KEEP=1        keep the temporary directory (logs, parts)
set -euo pipefail

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SAMSPIL=${1:-$REPO/.build/release/samspil}
SCENARIO=$REPO/Scenarios/baseline.json5
TASKS=${SAMSPIL_SLURM_TASKS:-4}
REPS=${SAMSPIL_SLURM_REPLICATIONS:-20}
PORT=${SAMSPIL_SLURM_PORT:-26817}
# Every run records its temporary directory here, so that a later run can stop
# whatever a run that was killed (no cleanup) left behind.
REGISTRY=/tmp/samspil-slurm-test.runs
MARK=SAMSPIL_SLURM_TEST_WORK   # environment variable that tags our processes

T0=${EPOCHREALTIME/./}   # microseconds (bash 5)
elapsed() { local us=$(( ${EPOCHREALTIME/./} - T0 )); printf '%d.%d' $((us / 1000000)) $((us % 1000000 / 100000)); }
log() { echo "[slurm-test $(elapsed)s $(date +%T.%3N)] $*"; }
WORK=""
JOBID=""
CTLD_PID="" SLURMD_PID="" MUNGED_PID=""
FAILED=1

fail() {
  echo "slurm-array-test: FAIL: $*" >&2
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    for f in "$WORK"/log/slurmctld.log "$WORK"/log/slurmd.log "$WORK"/munge/munged.log "$WORK"/out/*.out; do
      [ -s "$f" ] || continue
      echo "---- last lines of $f" >&2
      tail -n 8 "$f" >&2
    done
  fi
  exit 1
}

# PIDs of the processes of the run in DIR: those whose environment carries MARK=DIR
# (munged, the daemons, the job scripts and samspil) and those with a file open in DIR
# (slurmstepd overwrites its environment with its process title, but keeps the job's
# output file and slurmd's log open).
tagged_pids() {
  local dir=$1
  {
    grep -lzxF "$MARK=$dir" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3
    find /proc/[0-9]*/fd -maxdepth 1 -lname "$dir/*" 2>/dev/null | cut -d/ -f3
  } | sort -un
  return 0
}

# Stop PIDs: TERM, wait up to 5 s, then KILL.
stop_pids() {
  local pids=("$@") p alive
  [ ${#pids[@]} -gt 0 ] || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 1 25); do
    alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && return 0
    sleep 0.2
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
}

# Leftovers of earlier runs that did not get to clean up (killed with SIGKILL, machine
# reused): stop their tagged processes and remove their directories.
clean_stale_runs() {
  [ -f "$REGISTRY" ] || return 0
  local dir pids p alive
  while read -r dir; do
    case $dir in /tmp/samspil-slurm.*) ;; *) continue ;; esac
    mapfile -t pids < <(tagged_pids "$dir")
    if [ ${#pids[@]} -gt 0 ]; then
      echo "slurm-array-test: killing ${#pids[@]} leftover process(es) of an earlier run ($dir)"
      kill -KILL "${pids[@]}" 2>/dev/null
      for _ in $(seq 1 20); do
        alive=0
        for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
        [ $alive = 0 ] && break
        sleep 0.1
      done
    fi
    rm -rf "$dir"
  done <"$REGISTRY"
  rm -f "$REGISTRY"
}

cleanup() {
  local rc=$? pids
  set +e
  trap - EXIT INT TERM
  if [ -n "$JOBID" ] && [ -n "$CTLD_PID" ] && kill -0 "$CTLD_PID" 2>/dev/null; then
    scancel "$JOBID" 2>/dev/null
    # Job steps outlive the daemons if these stop first: wait for the array to go.
    for _ in $(seq 1 100); do
      [ -z "$(squeue -h -j "$JOBID" -o %i 2>/dev/null)" ] && break
      sleep 0.2
    done
  fi
  # A finished task's slurmstepd may still be reporting to slurmd: give it a moment.
  if [ -n "$WORK" ]; then
    for _ in $(seq 1 25); do
      tagged_pids "$WORK" | while read -r p; do [ "$(cat "/proc/$p/comm" 2>/dev/null)" = slurmstepd ] && echo "$p"; done | grep -q . || break
      sleep 0.2
    done
  fi
  for pid in "$SLURMD_PID" "$CTLD_PID" "$MUNGED_PID"; do
    [ -n "$pid" ] && stop_pids "$pid"
  done
  wait 2>/dev/null
  if [ -n "$WORK" ]; then
    mapfile -t pids < <(tagged_pids "$WORK")
    # slurmstepd ignores SIGTERM; anything left now is a leftover.
    [ ${#pids[@]} -gt 0 ] && kill -KILL "${pids[@]}" 2>/dev/null
    if [ "${SAMSPIL_SLURM_KEEP:-0}" = 1 ]; then
      echo "slurm-array-test: kept $WORK"
    else
      rm -rf "$WORK"
    fi
    if [ -f "$REGISTRY" ]; then
      grep -vxF "$WORK" "$REGISTRY" >"$REGISTRY.new" || true
      mv "$REGISTRY.new" "$REGISTRY"
      [ -s "$REGISTRY" ] || rm -f "$REGISTRY"
    fi
  fi
  if [ $rc = 0 ] && [ $FAILED = 0 ]; then
    log "cleaned up; total $(elapsed) s"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- prerequisites
[ "$(id -u)" = 0 ] || fail "must run as root (starts munged, slurmctld and slurmd; may apt-get install)"
[ -x "$SAMSPIL" ] || fail "no samspil binary at $SAMSPIL: run 'swift build -c release --product samspil' first or pass its path"
SAMSPIL=$(cd "$(dirname "$SAMSPIL")" && pwd)/$(basename "$SAMSPIL")
[ -f "$SCENARIO" ] || fail "no scenario at $SCENARIO"

missing=()
for cmd in slurmctld slurmd sbatch munged; do command -v $cmd >/dev/null || missing+=("$cmd"); done
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing slurmctld slurmd slurm-client munge (missing: ${missing[*]})"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurmctld slurmd slurm-client munge python3 >/dev/null
  for cmd in slurmctld slurmd sbatch munged python3; do command -v $cmd >/dev/null || fail "$cmd still missing after apt-get install"; done
  log "installed"
fi

clean_stale_runs
for p in "$PORT" $((PORT + 1)); do
  python3 -c "import socket,sys; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('', int(sys.argv[1])))" "$p" 2>/dev/null \
    || fail "port $p is in use; set SAMSPIL_SLURM_PORT to a free pair of ports"
done

WORK=$(mktemp -d /tmp/samspil-slurm.XXXXXX)
echo "$WORK" >>"$REGISTRY"
TAG=(env "$MARK=$WORK")   # only the processes we start carry it, not this script
chmod 755 "$WORK"
mkdir -p "$WORK"/{state,spool,log,out,marks,parts,tmp,munge}
log "work directory $WORK; samspil $SAMSPIL"

# ---------------------------------------------------------------- munge
# A private munged: own key, socket, pid and log file. It refuses to run as root.
M=$WORK/munge
chown munge: "$M"
chmod 755 "$M"
dd if=/dev/urandom of="$M/munge.key" bs=1024 count=1 status=none
chown munge: "$M/munge.key"
chmod 400 "$M/munge.key"
"${TAG[@]}" setpriv --reuid=munge --regid=munge --init-groups \
  munged --foreground --force --socket="$M/munge.socket" --key-file="$M/munge.key" \
  --pid-file="$M/munged.pid" --log-file="$M/munged.log" --seed-file="$M/munged.seed" \
  >"$WORK/log/munged.out.log" 2>&1 &
MUNGED_PID=$!
for _ in $(seq 1 50); do [ -S "$M/munge.socket" ] && break; kill -0 $MUNGED_PID 2>/dev/null || break; sleep 0.1; done
[ -S "$M/munge.socket" ] || fail "munged did not start: $(tail -n 5 "$WORK/log/munged.out.log")"
munge -n --socket="$M/munge.socket" | unmunge --socket="$M/munge.socket" >/dev/null || fail "munge credential round trip failed"
log "munged up (pid $MUNGED_PID)"

# ---------------------------------------------------------------- slurm.conf
NODELINE=$(slurmd -C | head -n 1)
case $NODELINE in NodeName=*) ;; *) fail "unexpected 'slurmd -C' output: $NODELINE" ;; esac
NODE=${NODELINE%% *}
NODE=${NODE#NodeName=}
export SLURM_CONF=$WORK/slurm.conf
cat >"$SLURM_CONF" <<EOF
# One-node test cluster on localhost, written by Tests/slurm/slurm-array-test.sh
ClusterName=samspiltest
SlurmctldHost=localhost
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$M/munge.socket
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/log/slurmctld.log
SlurmdLogFile=$WORK/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
TmpFS=$WORK/tmp
# No systemd, no cgroups:
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
MailProg=/bin/true
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldTimeout=10
SlurmdTimeout=10
MessageTimeout=5
InactiveLimit=0
KillWait=2
Waittime=0
MinJobAge=300
$NODELINE NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF

# ---------------------------------------------------------------- daemons
"${TAG[@]}" slurmctld -D -c -f "$SLURM_CONF" >"$WORK/log/slurmctld.out.log" 2>&1 &
CTLD_PID=$!
"${TAG[@]}" slurmd -D -N "$NODE" -f "$SLURM_CONF" >"$WORK/log/slurmd.out.log" 2>&1 &
SLURMD_PID=$!
state=""
for _ in $(seq 1 150); do
  kill -0 $CTLD_PID 2>/dev/null || fail "slurmctld exited"
  kill -0 $SLURMD_PID 2>/dev/null || fail "slurmd exited"
  state=$(sinfo -h -N -n "$NODE" -o %t 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || fail "node $NODE not idle after 30 s (state: '${state:-no answer}')"
log "cluster up: slurmctld pid $CTLD_PID, slurmd pid $SLURMD_PID, node $NODE idle"

# ---------------------------------------------------------------- the job array
cat >"$WORK/array-job.sh" <<EOF
#!/bin/bash
set -euo pipefail
trap 'echo \$? >"$WORK/marks/task-\${SLURM_ARRAY_TASK_ID}.exit"' EXIT
"$SAMSPIL" run "$SCENARIO" --replications $REPS \\
  --shard "\${SLURM_ARRAY_TASK_ID}/\${SLURM_ARRAY_TASK_COUNT}" \\
  --jobs "\${SLURM_CPUS_PER_TASK:-1}" \\
  --out "$WORK/parts/part-\${SLURM_ARRAY_TASK_ID}" --quiet
EOF
JOBID=$("${TAG[@]}" sbatch --parsable --array="1-$TASKS" --cpus-per-task=1 --job-name=samspil-array \
  --chdir="$REPO" --output="$WORK/out/task-%a.out" "$WORK/array-job.sh") || fail "sbatch failed"
JOBID=${JOBID%%;*}
log "submitted array job $JOBID (tasks 1-$TASKS, $REPS replications)"
left=""
for _ in $(seq 1 600); do
  left=$(squeue -h -j "$JOBID" -o %i 2>/dev/null || true)
  [ -z "$left" ] && break
  sleep 0.2
done
[ -z "$left" ] || fail "array job $JOBID not done after 120 s: $(squeue -j "$JOBID" 2>&1)"
for k in $(seq 1 "$TASKS"); do
  f=$WORK/marks/task-$k.exit
  [ -f "$f" ] || fail "array task $k left no exit marker (never ran or was killed)"
  [ "$(cat "$f")" = 0 ] || fail "array task $k exited with status $(cat "$f"): $(cat "$WORK/out/task-$k.out" 2>/dev/null)"
  [ -f "$WORK/parts/part-$k/results.json" ] || fail "array task $k wrote no $WORK/parts/part-$k/results.json"
done
log "array job $JOBID done: $TASKS tasks exited 0"

# ---------------------------------------------------------------- merge and compare
cd "$REPO"
"$SAMSPIL" merge "$WORK"/parts/part-* --out "$WORK/merged" --quiet || fail "samspil merge failed"
"$SAMSPIL" run "$SCENARIO" --replications "$REPS" --out "$WORK/single" --quiet || fail "single-process samspil run failed"
for f in summary.csv replications.csv timeseries.csv; do
  cmp "$WORK/merged/$f" "$WORK/single/$f" || fail "$f of the merged array differs from the single run"
done
python3 - "$WORK/merged/results.json" "$WORK/single/results.json" <<'PY' || fail "results.json of the merged array differs from the single run"
import json, sys

def load(path):
    with open(path) as f:
        d = json.load(f)
    d.pop("tool", None)
    for key in ("runSeconds", "jobs"):
        d.get("experiment", {}).pop(key, None)
    return d

def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return path
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}"
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path} (length {len(a)} vs {len(b)})"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else path

merged, single = load(sys.argv[1]), load(sys.argv[2])
where = first_difference(merged, single)
if where:
    print(f"results.json: first difference at {where}", file=sys.stderr)
    sys.exit(1)
PY
log "merged == single run (3 CSV files byte-identical, results.json equal but for tool/runSeconds/jobs)"

# ---------------------------------------------------------------- a sharded uncertainty analysis
# The same array mechanism for `samspil uncertainty --shard K/N`: every task
# runs every N-th evaluation; --merge must give the single process's files.
PSA=(uncertainty Scenarios/baseline.json5 Scenarios/viborg-uncertainty.json5 --draws 4 --replications 2
     --horizon-days 30 --warmup-days 7 --quiet)
cat >"$WORK/psa-job.sh" <<JOB
#!/bin/bash
set -euo pipefail
trap 'echo \$? >"$WORK/marks/psa-\${SLURM_ARRAY_TASK_ID}.exit"' EXIT
"$SAMSPIL" ${PSA[@]} --shard "\${SLURM_ARRAY_TASK_ID}/\${SLURM_ARRAY_TASK_COUNT}" --jobs 1 \\
  --out "$WORK/psa/part-\${SLURM_ARRAY_TASK_ID}"
JOB
JOBID=$("${TAG[@]}" sbatch --parsable --array="1-$TASKS" --cpus-per-task=1 --job-name=samspil-psa \
  --chdir="$REPO" --output="$WORK/out/psa-%a.out" "$WORK/psa-job.sh") || fail "sbatch of the uncertainty array failed"
JOBID=${JOBID%%;*}
left=""
for _ in $(seq 1 600); do
  left=$(squeue -h -j "$JOBID" -o %i 2>/dev/null || true)
  [ -z "$left" ] && break
  sleep 0.2
done
[ -z "$left" ] || fail "uncertainty array job $JOBID not done after 120 s"
for k in $(seq 1 "$TASKS"); do
  [ "$(cat "$WORK/marks/psa-$k.exit" 2>/dev/null)" = 0 ] || fail "uncertainty task $k failed: $(cat "$WORK/out/psa-$k.out" 2>/dev/null)"
done
"$SAMSPIL" uncertainty --merge "$WORK"/psa/part-* --out "$WORK/psa-merged" --quiet || fail "samspil uncertainty --merge failed"
"$SAMSPIL" "${PSA[@]}" --out "$WORK/psa-single" || fail "single-process uncertainty run failed"
for f in draws.csv ceac.csv tornado.csv results.json; do
  cmp "$WORK/psa-merged/$f" "$WORK/psa-single/$f" || fail "$f of the merged uncertainty array differs from the single run"
done
log "uncertainty: $TASKS array tasks merged == single run (draws, ceac, tornado, results byte-identical)"
FAILED=0
echo "slurm-array-test: OK: $TASKS array tasks, $REPS replications, in $(elapsed) s"
