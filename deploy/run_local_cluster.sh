#!/usr/bin/env bash
# Two replicas of the lab behind nginx, all on loopback:
#
#   http://127.0.0.1:8080      nginx, deploy/nginx.conf (sticky sessions by cookie)
#   http://127.0.0.1:8601      replica 1: streamlit run app.py
#   http://127.0.0.1:8602      replica 2
#
# Usage:
#   deploy/run_local_cluster.sh              # serve until Ctrl-C
#   deploy/run_local_cluster.sh CMD [ARG...] # run CMD against the cluster, then stop it
#
# CMD sees LAB_URL (nginx), LAB_REPLICA_1_URL, LAB_REPLICA_2_URL, LAB_REPLICA_1_PID and
# LAB_REPLICA_2_PID, e.g. the failover drill of the load test (benchmarks/load):
#   deploy/run_local_cluster.sh sh -c '.venv/bin/python -m benchmarks.load --url "$LAB_URL" \
#     --server-pid "$LAB_REPLICA_1_PID" --server-pid "$LAB_REPLICA_2_PID" \
#     --metrics-url "$LAB_REPLICA_1_URL" --metrics-url "$LAB_REPLICA_2_URL" \
#     --reconnect --kill-pid "$LAB_REPLICA_1_PID" --kill-after 25 --scenario cluster-failover'
#
# Needs nginx on PATH (or in /usr/sbin):
#   Debian/Ubuntu: sudo apt-get install nginx   (the packaged service need not run; this
#                  script starts its own nginx as the current user with its own config)
#   macOS:         brew install nginx
# and the project's virtualenv (make run creates it), or PYTHON=/path/to/python.
#
# Every replica gets the same server.cookieSecret (LAB_COOKIE_SECRET, or one drawn for this
# run): cookies Streamlit signs on one replica must verify on the other after a failover.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
PORTS=(8601 8602)  # must match the upstream in deploy/nginx.conf
PROXY_URL="http://127.0.0.1:8080"

if [[ ! -x "$NGINX" ]]; then
    echo "nginx not found: sudo apt-get install nginx (Debian/Ubuntu) or brew install nginx" >&2
    exit 1
fi

for port in "${PORTS[@]}" 8080; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is already in use on 127.0.0.1" >&2
        exit 1
    fi
done

RUN_DIR="$(mktemp -d -t lab-cluster.XXXXXX)"
chmod 755 "$RUN_DIR"  # nginx workers run as another user when started by root
COOKIE_SECRET="${LAB_COOKIE_SECRET:-$("$PYTHON" -c 'import secrets; print(secrets.token_hex(32))')}"
PIDS=()

stop_all() {
    # Only what this script started, by pid.
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    echo "stopped; logs in $RUN_DIR" >&2
}
trap stop_all EXIT
trap 'exit 130' INT TERM

wait_healthy() {  # URL PID
    for _ in $(seq 1 180); do
        if curl -fsS --noproxy '*' "$1/_stcore/health" >/dev/null 2>&1; then
            return 0
        fi
        if ! kill -0 "$2" 2>/dev/null; then
            echo "$1 exited (see $RUN_DIR)" >&2
            return 1
        fi
        sleep 0.5
    done
    echo "$1 did not become healthy (see $RUN_DIR)" >&2
    return 1
}

# Streamlit takes the cookie secret from its environment only, not from a CLI flag. Files
# edited under a running replica must not reload it mid-session: no file watcher. No full
# garbage collection after every run: it stalls every session of the replica (see
# benchmarks/load_results.md).
for i in 0 1; do
    (cd "$ROOT" && STREAMLIT_SERVER_COOKIE_SECRET="$COOKIE_SECRET" exec "$PYTHON" -m streamlit \
        run app.py --server.address 127.0.0.1 --server.port "${PORTS[$i]}" \
        --server.headless true --server.fileWatcherType none --runner.postScriptGC false \
        --browser.gatherUsageStats false) >"$RUN_DIR/replica-$((i + 1)).log" 2>&1 &
    PIDS+=("$!")
done
for i in 0 1; do
    wait_healthy "http://127.0.0.1:${PORTS[$i]}" "${PIDS[$i]}"
done

"$NGINX" -p "$RUN_DIR" -e "$RUN_DIR/error.log" -c "$ROOT/deploy/nginx.conf" -g 'daemon off;' &
PIDS+=("$!")
wait_healthy "$PROXY_URL" "${PIDS[2]}"

export LAB_URL="$PROXY_URL"
export LAB_REPLICA_1_URL="http://127.0.0.1:${PORTS[0]}" LAB_REPLICA_1_PID="${PIDS[0]}"
export LAB_REPLICA_2_URL="http://127.0.0.1:${PORTS[1]}" LAB_REPLICA_2_PID="${PIDS[1]}"
echo "lab on $LAB_URL (replicas: pid $LAB_REPLICA_1_PID on ${PORTS[0]}," \
    "pid $LAB_REPLICA_2_PID on ${PORTS[1]}; logs in $RUN_DIR)" >&2

if [[ $# -gt 0 ]]; then
    "$@"
else
    wait
fi
