#!/usr/bin/env bash
# Checks a demo run's output: every dataset's counts reconcile, and the report exists when one was made.
set -euo pipefail
work="$1"
python3 - "$work/ingest-summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
names = [d["dataset"] for d in s["datasets"]]
assert names == ["communities", "categories", "service_requests", "feedback", "participation"], names
for d in s["datasets"]:
    total = d["inserted"] + d["updated"] + d["unchanged"] + d["quarantined"]
    assert d["read"] == total, f"{d['dataset']}: read {d['read']} != {total}"
    assert d["read"] > 0, d
print("check-demo: ingest counts reconcile for", ", ".join(names))
PY
if [[ -d "$work/reports" ]]; then
  test -s "$work/reports/latest/index.html" || { echo "check-demo: no report index.html" >&2; exit 1; }
  echo "check-demo: report present at $work/reports/latest/index.html"
fi
