#!/usr/bin/env bash
# Intake throughput measured with a native load client (wrk), so the hub, not a client sharing its JVM, is what
# gets measured. Starts the hub from its jar (demo profile, simulators in, a fresh data directory, rate limits
# lifted) and an nginx answering a fixed 202 JSON (the same-run ceiling of this machine and client), warms the
# hub up, runs each flow for a fixed time, measures end to end delivery after the new-dossier flow, prints one
# Markdown table and writes it to a file.
#
#   bash bench/intake.sh                      # table to target/bench-native.md
#   bash bench/intake.sh /tmp/run.md          # elsewhere
#   BENCH_SECONDS=30 BENCH_CLIENTS=200 bash bench/intake.sh
#
# Settings (environment): BENCH_SECONDS (15) per flow, BENCH_CLIENTS (100) connections, BENCH_THREADS (2) wrk
# threads, BENCH_MANY_CLIENTS (1000) connections of the second new-dossier run (0: none), BENCH_WARMUP (10) seconds
# of new dossiers before the first measured flow (0: none), BENCH_HUB_PORT
# (18480), BENCH_BASELINE_PORT (18481), BENCH_JAVA_OPTS (-Xmx512m), BENCH_HUB_ARGS (more --key=value settings for
# the hub), BENCH_E2E_TIMEOUT (300) seconds to wait for delivery.
# Needs bash, curl, python3, java 17; installs wrk and nginx-light from Debian when missing (as root).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT=${1:-$ROOT/target/bench-native.md}
SECONDS_PER_FLOW=${BENCH_SECONDS:-15}
CLIENTS=${BENCH_CLIENTS:-100}
MANY_CLIENTS=${BENCH_MANY_CLIENTS:-1000}
THREADS=${BENCH_THREADS:-2}
HUB_PORT=${BENCH_HUB_PORT:-18480}
BASE_PORT=${BENCH_BASELINE_PORT:-18481}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}
E2E_TIMEOUT=${BENCH_E2E_TIMEOUT:-300}
WARMUP=${BENCH_WARMUP:-10}
HUB=http://127.0.0.1:$HUB_PORT
BASE=http://127.0.0.1:$BASE_PORT
KEY=demo-sector-land-key # a demo system allowed to submit dossiers
LUA=$ROOT/bench/intake.lua
TICKS=$(getconf CLK_TCK)
CORES=$(nproc)

say() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { say "$*"; exit 1; }

# ---- what it needs ----------------------------------------------------------------------------------------------
for tool in curl python3 java; do command -v "$tool" >/dev/null || die "$tool is needed"; done
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get install -y "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y "${missing[@]}" >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
JAR=$ROOT/target/lgsp-hub.jar
if [ ! -f "$JAR" ]; then
  say "building $JAR"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
for port in "$HUB_PORT" "$BASE_PORT"; do
  ! curl -s -o /dev/null -m 2 "http://127.0.0.1:$port/" || die "port $port is already in use (BENCH_HUB_PORT, BENCH_BASELINE_PORT)"
done

WORK=$(mktemp -d -t bench-native.XXXXXX)
HUB_PID= NGINX_PID=
stop() { # stop PID SIGNAL: that signal, then SIGKILL after 30 s (a hub with a backlog drains it before it stops)
  kill "-$2" "$1" 2>/dev/null || return 0
  for _ in $(seq 30); do kill -0 "$1" 2>/dev/null || break; sleep 1; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  [ -z "$HUB_PID" ] || stop "$HUB_PID" TERM
  [ ! -f "$WORK/hub.log" ] || cp "$WORK/hub.log" "${OUT%.md}-hub.log" 2>/dev/null || true
  [ -z "$NGINX_PID" ] || stop "$NGINX_PID" QUIT
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- bodies: as the Java benchmarks' (Dossiers.java): Vietnamese content, at most 200 documents ----------------
body() { # body KILOBYTES REF > file: a valid dossier of about that size
  python3 - "$1" "$2" <<'PY'
import math, sys
kb, ref = int(sys.argv[1]), sys.argv[2]
titles_all = [
    "Tờ khai đăng ký khai sinh có xác nhận của Ủy ban nhân dân xã Minh Tân, huyện Vị Xuyên",
    "Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
    "Hợp đồng chuyển nhượng quyền sử dụng đất đã được công chứng tại Văn phòng công chứng Hà Giang",
    "Sơ đồ thửa đất, trích lục bản đồ địa chính do Văn phòng đăng ký đất đai cấp tỉnh lập",
    "Giấy ủy quyền nộp hồ sơ và nhận kết quả thủ tục hành chính của ông Nguyễn Văn Hùng"]
head = ('{"procedureCode":"1.004227","procedureName":"Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",'
        '"agencyCode":"H15.50.05.13","sourceRef":"%s","applicant":{"type":"CITIZEN","personalId":"002190012345",'
        '"fullName":"Nguyễn Thị Hoà","birthDate":"1990-05-12","address":"Số 12 đường Trần Phú, phường Minh Khai, tỉnh Hà Giang",'
        '"phone":"0912345678"},"summary":"Đăng ký biến động do chuyển nhượng quyền sử dụng đất tại thửa số 215, tờ bản đồ số 12, xã Đạo Đức",'
        '"channel":"ONLINE","dueAt":"2026-12-15T17:00:00+07:00",'
        '"fees":[{"code":"LP01","name":"Lệ phí cấp Giấy chứng nhận","amount":100000}],"documents":[') % ref
target = kb * 1024
size = len(head.encode()) + 2
titles = max(1, math.ceil(target / (200 * 233)))  # a name holds at most 500 characters: longer names, not more documents
docs = []
while size < target - 150 and len(docs) < 200:
    i = len(docs)
    name = "; kèm theo: ".join(titles_all[(i + t) % 5] for t in range(titles))
    doc = '%s{"code":"TP%03d","name":"%s","url":"https://dvc.hagiang.gov.vn/files/%d.pdf","digitized":true}' % (
        "," if i else "", i, name, i)
    docs.append(doc)
    size += len(doc.encode())
sys.stdout.write(head + "".join(docs) + "]}")
PY
}
body 1 '@REF@' > "$WORK/new-1k.json"
body 100 '@REF@' > "$WORK/new-100k.json"
body 1 "WRK-REPOST-$(date +%s)-$$" > "$WORK/repost.json"
printf '{"procedureCode":"1.004227","agencyCode":' > "$WORK/malformed.json"
kib() { python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 1024:.1f} KiB')" "$1"; }

# ---- the baseline: nginx answering a fixed 202 JSON -------------------------------------------------------------
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes $CORES;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  client_max_body_size 10m;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$BASE_PORT;
    location / {
      default_type application/json;
      return 202 '{"dossierCode":"H15.50.05.13-261204-0001","trackingUrl":"/api/v1/dossiers/H15.50.05.13-261204-0001","state":"ACCEPTED","duplicate":false}';
    }
  }
}
EOF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!

# ---- the hub, as a user starts it -------------------------------------------------------------------------------
say "starting the hub on port $HUB_PORT (log: $WORK/hub.log while it runs)"
# The per-system rate limit (1,000/s) and the politeness limit towards DVCQG (50 calls/s) would measure themselves.
# The politeness limit is lifted to 10,000 calls/s, not more: Camel's throttler keeps one object per permitted call
# of a second, and a million of them would be 24 MB of the hub's heap.
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$HUB_PORT" --hub.data-dir="$WORK/data" \
  --hub.security.rate-limit.requests-per-second=1000000 --hub.security.rate-limit.burst=1000000 \
  --hub.systems.dvcqg.max-requests-per-second=10000 ${BENCH_HUB_ARGS:-} > "$WORK/hub.log" 2>&1 &
HUB_PID=$!
STARTED=$(date +%s.%N)
deadline=$((SECONDS + 600))
until curl -s -m 5 "$HUB/actuator/health" | grep -q '"status":"UP"'; do
  kill -0 "$HUB_PID" 2>/dev/null || { tail -n 40 "$WORK/hub.log" >&2; die "the hub stopped while starting"; }
  [ $SECONDS -lt $deadline ] || { tail -n 40 "$WORK/hub.log" >&2; die "the hub is not UP after 600 s"; }
  sleep 1
done
STARTUP=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$STARTED" "$(date +%s.%N)")
say "hub UP, $STARTUP s after java started"
curl -s -o /dev/null -m 5 "$BASE/" || die "the baseline server does not answer on $BASE"

# ---- one check per flow that it answers what the flow is about ------------------------------------------------
answer() { curl -s -m 30 -o /dev/null -w '%{http_code}' -X POST "$HUB/api/v1/dossiers" -H 'Content-Type: application/json' "$@"; }
[ "$(answer --data-binary @"$WORK/new-1k.json")" = 401 ] || die "no key: not 401"
[ "$(answer -H "X-Api-Key: $KEY" --data-binary @"$WORK/malformed.json")" = 400 ] || die "malformed JSON: not 400"
[ "$(answer -H "X-Api-Key: $KEY" --data-binary @"$WORK/repost.json")" = 202 ] || die "the dossier to repost: not 202"
curl -s -m 30 -X POST "$HUB/api/v1/dossiers" -H 'Content-Type: application/json' -H "X-Api-Key: $KEY" \
  --data-binary @"$WORK/repost.json" | grep -q '"duplicate":true' || die "the repost is not answered as a duplicate"
for size in 1k 100k; do
  sed "s/@REF@/WRK-CHECK-$size-$$/" "$WORK/new-$size.json" > "$WORK/check.json"
  [ "$(answer -H "X-Api-Key: $KEY" --data-binary @"$WORK/check.json")" = 202 ] || die "a new $size dossier: not 202"
done

# ---- the runs ---------------------------------------------------------------------------------------------------
cpu_of() { # cpu_of PID...: user+system CPU time of these processes so far, in clock ticks
  local total=0 pid stat
  for pid in "$@"; do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    stat=${stat##*") "} # after the command name, which may hold spaces: fields from the third on
    set -- $stat
    total=$((total + ${12} + ${13})) # utime and stime: fields 14 and 15 of the line
  done
  echo "$total"
}
heap_mb() { # heap in use now, in MB: the sum of jvm_memory_used_bytes{area="heap"} on the Prometheus endpoint
  curl -s -m 10 "$HUB/actuator/prometheus" | python3 -c '
import sys
used = sum(float(line.rsplit(" ", 1)[1]) for line in sys.stdin
           if line.startswith("jvm_memory_used_bytes{") and "area=\"heap\"" in line)
print(round(used / 2**20) if used else "?")' 2>/dev/null || echo '?'
}
server_pids() { if [ "$1" = baseline ]; then echo "$NGINX_PID" $(pgrep -P "$NGINX_PID"); else echo "$HUB_PID"; fi; }

ROWS=()
declare -A BASELINE_RATE
LAST_OK=0 LAST_START=0
run() { # run FLOW SIZE-LABEL EXPECTED-STATUS URL BODY KEY MODE [CLIENTS]
  local flow=$1 size=$2 expected=$3 url=$4 file=$5 key=$6 mode=$7 clients=${8:-$CLIENTS} server pids before after wrk_cpu result heap
  server=$([ "$flow" = baseline ] && echo baseline || echo hub)
  pids=$(server_pids "$server")
  say "$flow, $size, $clients clients, $SECONDS_PER_FLOW s"
  before=$(cpu_of $pids)
  LAST_START=$(date +%s.%N)
  TIMEFORMAT='%U %S'
  wrk_cpu=$( { time wrk -t "$THREADS" -c "$clients" -d "${SECONDS_PER_FLOW}s" --timeout 30s -s "$LUA" "$url" \
                 -- "$file" "$key" "$mode" "$expected" > "$WORK/wrk.out" 2>&1; } 2>&1 )
  after=$(cpu_of $pids)
  heap=—
  [ "$server" = baseline ] || heap=$(heap_mb)
  result=$(grep '^RESULT ' "$WORK/wrk.out") || { cat "$WORK/wrk.out" >&2; die "wrk gave no result"; }
  ROWS+=("$(python3 - "$flow" "$size" "$expected" "$clients" "$result" "$((after - before))" "$TICKS" "$wrk_cpu" \
            "$CORES" "${BASELINE_RATE[$size]:-}" "$heap" <<'PY'
import sys
flow, size, expected, clients, result, server_ticks, ticks, wrk_cpu, cores, base, heap = sys.argv[1:]
r = dict(kv.split("=") for kv in result.split()[1:])
seconds = int(r["duration_us"]) / 1e6
requests, unexpected, socket_errors = int(r["requests"]), int(r["unexpected"]), int(r["socket_errors"])
rate = requests / seconds
server_cpu = int(server_ticks) / int(ticks)
client_cpu = sum(float(x) for x in wrk_cpu.split())
share = lambda cpu: f"{100 * cpu / (seconds * int(cores)):.0f} %"
ratio = f"{rate / float(base):.3f}×" if base else "1×"
others = f"{unexpected} / {socket_errors}" + (f" ({r['unexpected_statuses']})" if unexpected else "")
print("\t".join([flow, size, clients, expected, f"{rate:.0f}", f"{int(r['p50_us']) / 1000:.1f}",
                 f"{int(r['p99_us']) / 1000:.1f}", others, ratio,
                 f"{server_cpu:.1f} s ({share(server_cpu)})", f"{client_cpu:.1f} s ({share(client_cpu)})",
                 heap, str(requests - unexpected)]))
PY
  )")
  [ "$flow" != baseline ] || BASELINE_RATE[$size]=$(cut -f5 <<< "${ROWS[-1]}")
  LAST_OK=$(cut -f13 <<< "${ROWS[-1]}")
}

count() { curl -s -m 60 "$HUB$1" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'; }
delivered() { # delivered ACCEPTED: waits until that many more dossiers than at the last "mark" are at both simulators
  local deadline=$((SECONDS + E2E_TIMEOUT))
  while :; do
    onestop=$(( $(count /sim/onestop/received/arrivals) - onestop0 )) dvcqg=$(( $(count /sim/dvcqg/dossiers/counts) - dvcqg0 ))
    if [ "$onestop" -ge "$1" ] && [ "$dvcqg" -ge "$1" ]; then done_at=$(date +%s.%N); return; fi
    if [ $SECONDS -ge $deadline ]; then done_at=; return; fi
    sleep 1
  done
}
mark() { onestop0=$(count /sim/onestop/received/arrivals) dvcqg0=$(count /sim/dvcqg/dossiers/counts); }

S1="1 KB ($(kib "$WORK/new-1k.json"))" S100="100 KB ($(kib "$WORK/new-100k.json"))"
if [ "$WARMUP" -gt 0 ]; then # the JIT compiles the intake path; its dossiers are delivered before anything is measured
  say "warm-up: new 1 KB dossiers for $WARMUP s"
  mark
  wrk -t "$THREADS" -c "$CLIENTS" -d "${WARMUP}s" --timeout 30s -s "$LUA" "$HUB/api/v1/dossiers" \
    -- "$WORK/new-1k.json" "$KEY" unique 202 > "$WORK/wrk.out" 2>&1
  warm=$(sed -n 's/^RESULT .*requests=\([0-9]*\).*unexpected=\([0-9]*\).*/\1 \2/p' "$WORK/wrk.out")
  delivered $(( ${warm% *} - ${warm#* } ))
  [ -n "$done_at" ] || say "the warm-up's dossiers were not all delivered within $E2E_TIMEOUT s"
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
run baseline "$S1" 202 "$BASE/" "$WORK/new-1k.json" - unique
run baseline "$S100" 202 "$BASE/" "$WORK/new-100k.json" - unique
run "no key" "$S1" 401 "$HUB/api/v1/dossiers" "$WORK/new-1k.json" - unique
SMAL="$(stat -c %s "$WORK/malformed.json") B"
BASELINE_RATE[$SMAL]=${BASELINE_RATE[$S1]} # the small bodies are compared with the 1 KB ceiling
run "malformed JSON" "$SMAL" 400 "$HUB/api/v1/dossiers" "$WORK/malformed.json" "$KEY" same
run "repost (duplicate)" "$S1" 202 "$HUB/api/v1/dossiers" "$WORK/repost.json" "$KEY" same

# End to end after the new-dossier flow: until as many new dossiers as it got 202s for are at both simulators.
mark
run "new dossier" "$S1" 202 "$HUB/api/v1/dossiers" "$WORK/new-1k.json" "$KEY" unique
accepted=$LAST_OK load_end=$(date +%s.%N)
say "waiting until the $accepted accepted dossiers are at the one-stop and DVCQG simulators"
delivered "$accepted"
E2E=$(python3 - "$accepted" "$LAST_START" "$load_end" "${done_at:-}" "$onestop" "$dvcqg" "$E2E_TIMEOUT" <<'PY'
import sys
accepted, start, end, done, onestop, dvcqg, timeout = sys.argv[1:]
if done:
    took = float(done) - float(start)
    print(f"{int(accepted) / took:.0f}/s: all {accepted} at both simulators {float(done) - float(end):.1f} s after the load")
else:
    print(f"not all within {timeout} s: {onestop} at one-stop, {dvcqg} at DVCQG of {accepted}")
PY
)
say "end to end: $E2E"
[ "$MANY_CLIENTS" -eq 0 ] || run "new dossier" "$S1" 202 "$HUB/api/v1/dossiers" "$WORK/new-1k.json" "$KEY" unique "$MANY_CLIENTS"
run "new dossier" "$S100" 202 "$HUB/api/v1/dossiers" "$WORK/new-100k.json" "$KEY" unique

# ---- the table --------------------------------------------------------------------------------------------------
mkdir -p "$(dirname "$OUT")"
{
  printf '%s, wrk %s s per flow after %s s of warm-up, %s threads; hub: `java %s -jar target/lgsp-hub.jar` (demo profile: H2, embedded Artemis, simulators in the hub JVM), rate limits lifted, healthy %s s after `java` started; %s cores; load average 1/5/15 before: %s, after: %s\n\n' \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$SECONDS_PER_FLOW" "$WARMUP" "$THREADS" "$JAVA_OPTS" "$STARTUP" "$CORES" "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo '| flow | size | clients | answer | rate /s | p50 ms | p99 ms | other answers / socket errors | ratio to baseline | server CPU (share of cores) | wrk CPU (share of cores) | heap after, MB | end to end |'
  echo '|---|---|---|---|---|---|---|---|---|---|---|---|---|'
  for row in "${ROWS[@]}"; do
    IFS=$'\t' read -r flow size clients expected rate p50 p99 unexpected ratio server client heap _ <<< "$row"
    e2e=—
    [ "$flow $size $clients" != "new dossier $S1 $CLIENTS" ] || e2e=$E2E
    echo "| $flow | $size | $clients | $expected | $rate | $p50 | $p99 | $unexpected | $ratio | $server | $client | $heap | $e2e |"
  done
} > "$OUT"
cat "$OUT"
say "written to $OUT"
