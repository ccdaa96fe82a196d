#!/usr/bin/env bash
# The whole pipeline on the committed sample data with local Spark:
#   ingest sample-data → curated lake → dashboard marts → static report for 2025-12-31.
# Usage: scripts/demo.sh [--work DIR]   (default work folder: ./work/demo; it is recreated on every run)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$CIVICPULSE_ROOT"

work="$CIVICPULSE_ROOT/work/demo"
[[ "${1:-}" == "--work" ]] && work="$2"
"$CIVICPULSE_ROOT/scripts/install-deps.sh" || log "warning: optional packages missing (see the line above); continuing"
build_if_needed

rm -rf "$work"
mkdir -p "$work"
lake="$work/lake"
reports="$work/reports"
log "demo: ingest sample-data into $lake"
scripts/civicpulse ingest --landing sample-data --lake "$lake" --dev-key --summary-json "$work/ingest-summary.json"
if [[ -x scripts/lib/demo-stages.sh ]]; then
  scripts/lib/demo-stages.sh "$lake" "$reports"
fi
if [[ -f "$reports/latest/index.html" ]]; then
  echo "report: $reports/latest/index.html"
else
  echo "lake: $lake"
fi
