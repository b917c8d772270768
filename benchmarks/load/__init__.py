"""Load test: a lecture hall of simulated students against a real `streamlit run app.py`.

    python -m benchmarks.load                      # 3 waves of 50 tabs, own server, ~2.5 min
    python -m benchmarks.load --sessions 5 --waves 1 --duration 10 --no-write   # a quick look
    python -m benchmarks.load --url http://127.0.0.1:8080 --server-pid A --server-pid B ...

Each tab speaks Streamlit's websocket protocol with the protobuf classes that ship inside the
`streamlit` package (protocol.py), so a 2-core machine holds 50-100 of them. Loopback only
(127.0.0.1), bounded in sessions, waves and time. Writes benchmarks/load_results.json and .md,
and exits 1 if a check fails: errors, dropped sessions, RSS over budget or growing by wave.

Modules: server (start it, read RSS and /_stcore/metrics), protocol (one tab), controls (the
widget a student moves), student (one tab's life), waves (the class), report (checks, files).
"""
