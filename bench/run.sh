#!/usr/bin/env bash
# Times `certaudit audit --format json` against `openssl verify` on the same synthetic hosts (the mixed RSA / ECDSA
# one and the all-ECDSA one), started both ways (the launcher, and plain `java -jar certaudit.jar`), checks that
# certaudit with each signature engine and openssl find the same broken chains, and times the example host against
# the JVM's start-up floor. See README "Performance".
#
#   bench/run.sh [--personal N] [--intermediates N] [--roots N] [--repeat R] [--scaling M] [--hosts LIST]
#                [--skip-build] [--regenerate] [--work DIR] [--check]
#
#   --personal N       certificates in MY (default 10000); intermediates default to N/10, every tenth left out of CA
#   --roots N          roots in ROOT (default 400)
#   --repeat R         runs of each command; medians and ranges are reported (default 3)
#   --scaling M        also audit a mixed host of M Personal certificates (launcher) and report the time ratio to N
#   --hosts LIST       mixed,ecdsa (default both): RSA and ECDSA alternating, or P-256 everywhere with a key per CA
#   --skip-build       use the jars already built
#   --regenerate       generate the hosts again even when a recent one of the same shape is in the work folder
#   --work DIR         where hosts and outputs go (default bench/target/run)
#   --check            exit 1 when a target is missed (the verdicts must agree in any case)
set -euo pipefail

cd "$(dirname "$0")/.."
project=$(pwd)

personal=10000
intermediates=""
roots=400
repeat=3
scaling=""
hosts=mixed,ecdsa
build=yes
regenerate=no
work="$project/bench/target/run"
check=no
while [ $# -gt 0 ]; do
  case "$1" in
    --personal) personal=$2; shift 2 ;;
    --intermediates) intermediates=$2; shift 2 ;;
    --roots) roots=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --scaling) scaling=$2; shift 2 ;;
    --hosts) hosts=$2; shift 2 ;;
    --skip-build) build=no; shift ;;
    --regenerate) regenerate=yes; shift ;;
    --work) work=$2; shift 2 ;;
    --check) check=yes; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 3 ;;
  esac
done

# --- tools ------------------------------------------------------------------------------------------------------
# GNU time reports wall time, CPU time and peak resident memory of a command and all its children.
need_packages=()
[ -x /usr/bin/time ] || need_packages+=(time)
command -v openssl > /dev/null || need_packages+=(openssl)
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "installing ${need_packages[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" > /dev/null
  else
    echo "run.sh: needs ${need_packages[*]} (Debian/Ubuntu: apt-get install ${need_packages[*]})" >&2
    exit 3
  fi
fi
command -v java > /dev/null || { echo "run.sh: needs a JDK 17 on PATH" >&2; exit 3; }

if [ "$build" = yes ]; then
  echo "building (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package -pl bench -am
fi
launcher=("$project/agent/target/certaudit")
# Plain `java -jar` as a user types it, no JVM options: the jar starts a second, tuned JVM itself (README "Plain
# `java -jar`"), and its times include that second start.
plain_jar=(java -jar "$project/agent/target/certaudit.jar")
[ -f "${launcher[0]}" ] || { echo "run.sh: ${launcher[0]} is missing; build first" >&2; exit 3; }
# The start-up floor: `java -version` with the options the launcher gives the JVM.
jvm_options=$(sed -n 's/^options=//p' "$project/agent/target/classes/io/certaudit/agent/install/jvm.properties")
sharing=()
[ -f "$project/agent/target/certaudit.jsa" ] && sharing=(-XX:SharedArchiveFile="$project/agent/target/certaudit.jsa")
bench_cp="$project/bench/target/classes:$project/bench/target/lib/*"

mkdir -p "$work"
work=$(cd "$work" && pwd)

# --- helpers ----------------------------------------------------------------------------------------------------
# timed NAME COMMAND...: runs COMMAND, appends "wall user sys maxrss_kb" to $work/NAME.times. Exit codes 0-2 are
# audit verdicts (and openssl exits 2 when a chain fails), anything else is a failure.
timed() {
  local name=$1; shift
  local status=0
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.last" "$@" || status=$?
  if [ "$status" -gt 2 ]; then
    echo "run.sh: $name failed with exit code $status" >&2
    cat "$work/$name.last" >&2
    exit 1
  fi
  tail -n 1 "$work/$name.last" >> "$work/$name.times"
}

# median NAME COLUMN: the median of one column (1 wall, 2 user, 3 sys, 4 maxrss) of NAME.times; CPU = user + sys.
median() {
  local name=$1 column=$2
  if [ "$column" = cpu ]; then
    awk '{print $2 + $3}' "$work/$name.times"
  else
    awk -v c="$column" '{print $c}' "$work/$name.times"
  fi | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}

# generate SIZE KIND: prints the folder of a host of SIZE Personal certificates (KIND mixed or ecdsa), generated
# unless one of the same shape made in the last 30 days is there (its leaves are valid for 397 days from then).
generate() {
  local size=$1 kind=$2
  local count=$size
  local args=(--personal "$size" --roots "$roots")
  [ "$kind" = ecdsa ] && args+=(--ecdsa)
  if [ -n "$intermediates" ] && [ "$size" = "$personal" ]; then
    args+=(--intermediates "$intermediates")
    count=$intermediates
  else
    count=$(( size / 10 > 0 ? size / 10 : 1 ))
  fi
  local dir="$work/host-$size-$count-$roots"
  [ "$kind" = ecdsa ] && dir="$dir-ecdsa"
  if [ "$regenerate" = yes ] || [ -z "$(find "$dir/expected-broken.txt" -mtime -30 2> /dev/null)" ]; then
    rm -rf "$dir"
    java -cp "$bench_cp" io.certaudit.bench.SyntheticHost --out "$dir" "${args[@]}" >&2
  fi
  echo "$dir"
}

# run_certaudit DIR NAME OUTPUT COMMAND...: one timed audit of DIR's host with COMMAND (a way to start certaudit).
run_certaudit() {
  local dir=$1 name=$2 output=$3; shift 3
  timed "$name" "$@" audit --source "$dir/host" --format json > "$dir/$output"
}

# One openssl process verifies every MY file (xargs splits only if the argument list exceeds the system limit).
# openssl exits 2 when a chain fails, which xargs reports as 123: the expected outcome here.
run_openssl() {
  local dir=$1 name=$2
  (cd "$dir/host/MY" && timed "$name" sh -c 'printf "%s\0" * | xargs -0 -s "$0" openssl verify \
      -CAfile ../../roots.pem -untrusted ../../cas.pem > ../../openssl.out 2> ../../openssl.err;
      status=$?; [ $status -eq 0 ] || [ $status -eq 123 ]' "$(( $(getconf ARG_MAX) / 2 ))")
}

# --- the runs ---------------------------------------------------------------------------------------------------
IFS=, read -r -a kinds <<< "$hosts"
declare -A host_dir
for kind in "${kinds[@]}"; do
  host_dir[$kind]=$(generate "$personal" "$kind")
done
rm -f "$work"/*.times
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "timing $repeat run(s) of each (load average before: $load_before)"
for _ in $(seq "$repeat"); do
  for kind in "${kinds[@]}"; do
    dir=${host_dir[$kind]}
    run_certaudit "$dir" "launcher-$kind" audit.json "${launcher[@]}"
    run_openssl "$dir" "openssl-$kind"
    run_certaudit "$dir" "jar-$kind" audit-jar.json "${plain_jar[@]}"
  done
  timed floor java -Xlog:disable "${sharing[@]}" $jvm_options -version 2> /dev/null
  timed example-launcher "${launcher[@]}" audit --source "$project/examples/bems-host" \
      --config "$project/examples/bems-host/certaudit.yaml" --format json > "$work/example.json"
  timed example-jar "${plain_jar[@]}" audit --source "$project/examples/bems-host" \
      --config "$project/examples/bems-host/certaudit.yaml" --format json > "$work/example-jar.json"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
# Every engine must find the same broken chains: the run above used the native one where it loads; once more with
# Java only.
verdicts=0
: > "$work/verdicts.txt"
for kind in "${kinds[@]}"; do
  dir=${host_dir[$kind]}
  CERTAUDIT_JAVA_OPTS="-Dcertaudit.nativeCrypto=false" "${launcher[@]}" audit --source "$dir/host" --format json \
      > "$dir/audit-java.json" || [ $? -le 2 ]
  for audit in audit.json audit-jar.json audit-java.json; do
    engines=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(", ".join("%s %d" % (e["engine"], e["verifications"]) for e in r.get("signatureEngines") or []))' "$dir/$audit" 2> /dev/null || echo "?")
    echo "$kind, $audit ($engines):" >> "$work/verdicts.txt"
    java -cp "$bench_cp" io.certaudit.bench.ChainVerdicts "$dir" "$dir/$audit" "$dir/openssl.out" \
        >> "$work/verdicts.txt" || verdicts=$?
  done
done

if [ -n "$scaling" ]; then
  large=$(generate "$scaling" mixed)
  for _ in $(seq "$repeat"); do
    run_certaudit "$large" certaudit-large audit.json "${launcher[@]}"
  done
fi

# --- the report -------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
verdict() { awk -v v="$1" -v limit="$2" 'BEGIN {print (v <= limit) ? "met" : "MISSED"}'; }
# ratios NAME REFERENCE: min-max of the run-by-run wall time ratios (run i of NAME against run i of REFERENCE).
ratios() {
  paste -d' ' <(awk '{print $1}' "$work/$1.times") <(awk '{print $1}' "$work/$2.times") \
    | awk '{r = ($2 > 0) ? $1 / $2 : 0; if (NR == 1 || r < lo) lo = r; if (NR == 1 || r > hi) hi = r}
           END {printf "%.2f-%.2f", lo, hi}'
}
row() { printf '%-44s %8s %8s %10s\n' "$1" "$(median "$2" 1)" "$(median "$2" cpu)" "$(mb "$(median "$2" 4)")"; }

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), \
$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(java -version 2>&1 | head -n 1); \
$(openssl version)"
echo "load average before: $load_before, after: $load_after; median of $repeat run(s)"
echo
printf '%-44s %8s %8s %10s\n' "command" "wall s" "CPU s" "peak MB"
for kind in "${kinds[@]}"; do
  dir=${host_dir[$kind]}
  echo "$kind host: $personal in MY, $(ls "$dir/host/CA" | wc -l) in CA, $(ls "$dir/host/ROOT" | wc -l) in ROOT"
  row "  certaudit (launcher)" "launcher-$kind"
  row "  java -jar certaudit.jar" "jar-$kind"
  row "  openssl verify (reference)" "openssl-$kind"
done
row "example host, launcher" example-launcher
row "example host, java -jar" example-jar
row "java -version, launcher's JVM options" floor
if [ -n "$scaling" ]; then
  row "certaudit (launcher), mixed, $scaling in MY" certaudit-large
fi
echo
cat "$work/verdicts.txt"
echo
targets=()
for kind in "${kinds[@]}"; do
  for path in launcher jar; do
    limit=0.35; rss_limit=256
    [ "$path" = jar ] && { limit=0.6; rss_limit=512; }
    r=$(ratio "$(median "$path-$kind" 1)" "$(median "openssl-$kind" 1)")
    rss=$(mb "$(median "$path-$kind" 4)")
    targets+=("$kind, $path: wall / openssl <= $limit: $r (runs $(ratios "$path-$kind" "openssl-$kind")), $(verdict "$r" "$limit")")
    targets+=("$kind, $path: peak RSS <= $rss_limit MB: $rss MB, $(verdict "$rss" "$rss_limit")")
  done
done
floor_ratio=$(ratio "$(median example-launcher 1)" "$(median floor 1)")
targets+=("example host (launcher) <= 3 x java -version: $floor_ratio (runs $(ratios example-launcher floor)), $(verdict "$floor_ratio" 3)")
if [ -n "$scaling" ]; then
  growth=$(ratio "$(median certaudit-large 1)" "$(median launcher-mixed 1)")
  limit=$(awk -v l="$scaling" -v s="$personal" 'BEGIN {printf "%.2f", 1.1 * l / s}')
  targets+=("$scaling / $personal wall time <= $limit: $growth, $(verdict "$growth" "$limit")")
fi
echo "targets:"
printf '  %s\n' "${targets[@]}"

if [ "$verdicts" -ne 0 ]; then
  echo "run.sh: certaudit and openssl disagree on which chains are broken" >&2
  exit 1
fi
if [ "$check" = yes ] && printf '%s\n' "${targets[@]}" | grep -q MISSED; then
  exit 1
fi
