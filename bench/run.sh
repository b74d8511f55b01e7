#!/usr/bin/env bash
# Times `certaudit audit --format json` against `openssl verify` on the same synthetic host, checks that both find
# the same broken chains, and times the example host. See README "Performance".
#
#   bench/run.sh [--personal N] [--intermediates N] [--roots N] [--repeat R] [--scaling M] [--skip-build]
#                [--regenerate] [--work DIR] [--check]
#
#   --personal N       certificates in MY (default 10000); intermediates default to N/10, every tenth left out of CA
#   --roots N          roots in ROOT (default 400)
#   --repeat R         runs of each command; medians are reported (default 3)
#   --scaling M        also audit a host of M Personal certificates and report the time ratio to N (e.g. 50000)
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
certaudit=("$project/agent/target/certaudit")
[ -f "${certaudit[0]}" ] || { echo "run.sh: ${certaudit[0]} is missing; build first" >&2; exit 3; }
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

# generate SIZE: prints the folder of a host of SIZE Personal certificates, generated unless one of the same shape
# made in the last 30 days is there (its leaves are valid for 397 days from their generation).
generate() {
  local size=$1
  local count=$size
  local args=(--personal "$size" --roots "$roots")
  if [ -n "$intermediates" ] && [ "$size" = "$personal" ]; then
    args+=(--intermediates "$intermediates")
    count=$intermediates
  else
    count=$(( size / 10 > 0 ? size / 10 : 1 ))
  fi
  local dir="$work/host-$size-$count-$roots"
  if [ "$regenerate" = yes ] || [ -z "$(find "$dir/expected-broken.txt" -mtime -30 2> /dev/null)" ]; then
    rm -rf "$dir"
    java -cp "$bench_cp" io.certaudit.bench.SyntheticHost --out "$dir" "${args[@]}" >&2
  fi
  echo "$dir"
}

run_certaudit() {
  local dir=$1 name=$2
  timed "$name" "${certaudit[@]}" audit --source "$dir/host" --format json > "$dir/audit.json"
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
host=$(generate "$personal")
rm -f "$work"/*.times
echo "timing $repeat run(s) of each (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
for _ in $(seq "$repeat"); do
  run_certaudit "$host" certaudit
  run_openssl "$host" openssl
  timed example "${certaudit[@]}" audit --source "$project/examples/bems-host" \
      --config "$project/examples/bems-host/certaudit.yaml" --format json > "$work/example.json"
done
verdicts=0
java -cp "$bench_cp" io.certaudit.bench.ChainVerdicts "$host" "$host/audit.json" "$host/openssl.out" \
    > "$work/verdicts.txt" || verdicts=$?

if [ -n "$scaling" ]; then
  large=$(generate "$scaling")
  for _ in $(seq "$repeat"); do
    run_certaudit "$large" certaudit-large
  done
fi

# --- the report -------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
verdict() { awk -v v="$1" -v limit="$2" 'BEGIN {print (v <= limit) ? "met" : "MISSED"}'; }

c_wall=$(median certaudit 1); c_cpu=$(median certaudit cpu); c_rss=$(median certaudit 4)
o_wall=$(median openssl 1); o_cpu=$(median openssl cpu); o_rss=$(median openssl 4)
e_wall=$(median example 1); e_cpu=$(median example cpu); e_rss=$(median example 4)
wall_ratio=$(ratio "$c_wall" "$o_wall")

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), \
$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(java -version 2>&1 | head -n 1); \
$(openssl version)"
echo "host: $personal in MY, $(ls "$host/host/CA" | wc -l) in CA, $(ls "$host/host/ROOT" | wc -l) in ROOT; \
median of $repeat run(s)"
echo
printf '%-34s %8s %8s %10s\n' "command" "wall s" "CPU s" "peak MB"
printf '%-34s %8s %8s %10s\n' "certaudit audit --format json" "$c_wall" "$c_cpu" "$(mb "$c_rss")"
printf '%-34s %8s %8s %10s\n' "openssl verify (reference)" "$o_wall" "$o_cpu" "$(mb "$o_rss")"
printf '%-34s %8s %8s %10s\n' "certaudit, example host" "$e_wall" "$e_cpu" "$(mb "$e_rss")"
if [ -n "$scaling" ]; then
  l_wall=$(median certaudit-large 1); l_cpu=$(median certaudit-large cpu); l_rss=$(median certaudit-large 4)
  printf '%-34s %8s %8s %10s\n' "certaudit, $scaling in MY" "$l_wall" "$l_cpu" "$(mb "$l_rss")"
fi
echo
echo "ratio certaudit / openssl: wall $wall_ratio, CPU $(ratio "$c_cpu" "$o_cpu")"
cat "$work/verdicts.txt"
echo
targets=(
  "wall ratio certaudit / openssl <= 0.5: $wall_ratio, $(verdict "$wall_ratio" 0.5)"
  "peak RSS <= 512 MB at $personal: $(mb "$c_rss") MB, $(verdict "$(mb "$c_rss")" 512)"
  "example host <= 1 s wall: $e_wall s, $(verdict "$e_wall" 1)"
)
if [ -n "$scaling" ]; then
  growth=$(ratio "$l_wall" "$c_wall")
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
