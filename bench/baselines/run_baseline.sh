#!/usr/bin/env bash
# Runs one baseline end to end and prints its JSON result line last.
#
#   bench/baselines/run_baseline.sh SYSTEM SCENARIO [--students N] [--timeout-s S] [-- DRIVER-ARGS...]
#
#   SYSTEM    rq | celery
#   SCENARIO  S1 (N students x 1 DESCRIPTIVE, fake LLM fixed 500 ms)
#             S2 (N students x 20 MCQ/MMCQ/TRUE_FALSE, backend latency 5 ms)
#   --students N    students in the generated quiz (default 10000)
#   --timeout-s S   global bound for the whole run (default 1800 = 30 min; env BASELINE_TIMEOUT_S)
#   DRIVER-ARGS     passed to the driver, e.g. `-- --worker-class SimpleWorker` (rq) or `-- --concurrency 50`
#
# Starts its own redis-server and the Java fakes on 127.0.0.1 (free ports), stops both on exit.
# Needs: redis-server, /usr/bin/python3 with Debian's python3-rq python3-celery python3-redis python3-gevent,
# JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64) and fakes/target/fakes-0.1.0-SNAPSHOT-exec.jar.
set -euo pipefail

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[[ $# -ge 2 ]] || usage
SYSTEM=$1 SCENARIO=$2; shift 2
STUDENTS=10000
TIMEOUT_S=${BASELINE_TIMEOUT_S:-1800}
DRIVER_ARGS=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --students) STUDENTS=$2; shift 2 ;;
    --timeout-s) TIMEOUT_S=$2; shift 2 ;;
    --) shift; DRIVER_ARGS=("$@"); break ;;
    *) usage ;;
  esac
done
case $SYSTEM in rq|celery) ;; *) usage ;; esac

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
FAKES_JAR=$REPO/fakes/target/fakes-0.1.0-SNAPSHOT-exec.jar
PY=/usr/bin/python3
API_KEY=bench_api_key
QUIZ="bench-$(echo "$SCENARIO" | tr 'A-Z' 'a-z')"

case $SCENARIO in
  S1) FAKE_ARGS=(--questions 1 --types DESCRIPTIVE --answers graded --llm-latency fixed:500) ;;
  S2) FAKE_ARGS=(--questions 20 --types MCQ,MMCQ,TRUE_FALSE --backend-latency-ms 5) ;;
  *) usage ;;
esac

[[ -f $FAKES_JAR ]] || { echo "missing $FAKES_JAR; build: (cd $REPO && JAVA_HOME=$JAVA_HOME ./mvnw -B -q -pl fakes package -DskipTests)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/evalify-baseline.XXXXXX)
REDIS_PID= FAKES_PID=
cleanup() {
  local rc=$?
  if [[ -n $FAKES_PID ]] && kill -0 "$FAKES_PID" 2>/dev/null; then
    kill "$FAKES_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$FAKES_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$FAKES_PID" 2>/dev/null || true
  fi
  if [[ -f $WORK/redis.pid ]]; then
    REDIS_PID=$(cat "$WORK/redis.pid")
    kill "$REDIS_PID" 2>/dev/null || true
  fi
  echo "logs: $WORK" >&2
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"
for _ in $(seq 100); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.05; done
redis-cli -p "$REDIS_PORT" ping >/dev/null

"$JAVA_HOME/bin/java" -jar "$FAKES_JAR" --host 127.0.0.1 --backend-port 0 --llm-port 0 --judge0-port 0 \
  --api-key "$API_KEY" --generate-quiz "$QUIZ" --students "$STUDENTS" --seed 1 "${FAKE_ARGS[@]}" \
  --ready-file "$WORK/fakes.json" >"$WORK/fakes.log" 2>&1 &
FAKES_PID=$!
for _ in $(seq 600); do [[ -f $WORK/fakes.json ]] && break; kill -0 "$FAKES_PID" || { cat "$WORK/fakes.log" >&2; exit 1; }; sleep 0.1; done
[[ -f $WORK/fakes.json ]] || { echo "fakes not ready" >&2; exit 1; }

read_url() { $PY -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$WORK/fakes.json" "$1"; }
export BASELINE_BACKEND_URL=$(read_url backend_url)
export BASELINE_LLM_URL=$(read_url llm_url)
export BASELINE_API_KEY=$API_KEY
export BASELINE_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
export BASELINE_LOG_DIR=$WORK
echo "redis 127.0.0.1:$REDIS_PORT backend $BASELINE_BACKEND_URL llm $BASELINE_LLM_URL quiz $QUIZ students $STUDENTS ($(nproc) cores)" >&2

# The driver gets the budget minus 30 s; `timeout` also signals the driver's whole process group
# (the worker processes stay in it), then SIGKILLs it 20 s later.
DRIVER_TIMEOUT=$(( TIMEOUT_S > 60 ? TIMEOUT_S - 30 : TIMEOUT_S ))
set +e
timeout --kill-after=20 "$TIMEOUT_S" "$PY" "$HERE/${SYSTEM}_baseline.py" --scenario "$SCENARIO" --quiz "$QUIZ" \
  --timeout-s "$DRIVER_TIMEOUT" "${DRIVER_ARGS[@]}" >"$WORK/result.jsonl"
RC=$?
set -e
[[ $RC -eq 0 ]] || { cat "$WORK/result.jsonl"; echo "driver failed (rc $RC; 124 = timeout); logs in $WORK" >&2; exit $RC; }
cat "$WORK/result.jsonl"   # per-variant lines (rq), then the headline JSON line last
