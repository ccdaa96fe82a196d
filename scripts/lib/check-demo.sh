#!/usr/bin/env bash
# Checks a demo run's output: every dataset's counts reconcile and equal what the generator's manifest says an
# empty lake must report for the sample data; the report exists, offline, with its images and kpis_daily.csv.
set -euo pipefail
work="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python3 - "$work/ingest-summary.json" "$root/sample-data/manifest.json" <<'PY'
import json, sys
from collections import defaultdict
s = json.load(open(sys.argv[1]))
m = json.load(open(sys.argv[2]))
names = [d["dataset"] for d in s["datasets"]]
assert names == ["communities", "categories", "service_requests", "feedback", "participation"], names
expected = defaultdict(lambda: defaultdict(int))
for f in m["files"]:
    for k, v in (f.get("expected_on_empty_lake") or {}).items():
        expected[f["dataset"]][k] += v
for d in s["datasets"]:
    total = d["inserted"] + d["updated"] + d["unchanged"] + d["quarantined"]
    assert d["read"] == total, f"{d['dataset']}: read {d['read']} != {total}"
    want = dict(expected[d["dataset"]])
    got = {k: d[k] for k in want}
    assert got == want, f"{d['dataset']}: ingest says {got}, the generator's manifest expects {want}"
print("check-demo: ingest counts reconcile and match the manifest for", ", ".join(names))
PY
index="$work/reports/2025-12-31/index.html"
test -s "$index" || { echo "check-demo: no report at $index" >&2; exit 1; }
test -s "$work/reports/latest/index.html" || { echo "check-demo: no latest/index.html" >&2; exit 1; }
if grep -lE 'https?://' "$work/reports/2025-12-31/"*.html; then echo "check-demo: external URL in the report" >&2; exit 1; fi
for img in $(grep -oh 'src="[^"]*"' "$work/reports/2025-12-31/"*.html | sed 's/src="//; s/"$//' | sort -u); do
  test -s "$work/reports/2025-12-31/$img" || { echo "check-demo: missing image $img" >&2; exit 1; }
done
head -c 3 "$work/reports/2025-12-31/data/kpis_daily.csv" | od -An -tx1 | grep -q "ef bb bf" || { echo "check-demo: kpis_daily.csv has no BOM" >&2; exit 1; }
rows=$(($(wc -l < "$work/reports/2025-12-31/data/kpis_daily.csv") - 1))
# 90 days × (12 communities + ALL) × (15 categories + ALL + UNLINKED)
test "$rows" -eq $((90 * 13 * 17)) || { echo "check-demo: kpis_daily.csv has $rows rows, expected $((90 * 13 * 17))" >&2; exit 1; }
for page in forecast.html decisions.html data/forecast_accuracy.csv data/capacity.csv; do
  test -s "$work/reports/2025-12-31/$page" || { echo "check-demo: no $page in the report (forecast section)" >&2; exit 1; }
done
grep -q '2025-W52' "$work/reports/2025-12-31/forecast.html" || { echo "check-demo: forecast.html does not show as-of 2025-W52" >&2; exit 1; }
echo "check-demo: report at $index: offline, images present, kpis_daily.csv $rows rows"
