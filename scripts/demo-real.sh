#!/usr/bin/env bash
# Real-data demo: ingest one Boston Open311 page (Illegal Parking, 2019-09-30 .. 2019-12-29), compute the
# dashboard marts for December 2019 and write the English report. Reads ../shared/realdata (or
# $CIVICPULSE_REALDATA); copies the page to a scratch folder, never into the repository.
# Needs `mvn -B -q -o package -DskipTests` first.
set -euo pipefail
cd "$(dirname "$0")/.."
REAL="${CIVICPULSE_REALDATA:-../shared/realdata}"
PAGE="$REAL/open311_samples/boston_open311_raw_page__responses--0-1000--aa.json"
if [[ ! -r "$PAGE" ]]; then
  echo "demo-real: real data not found at $PAGE (set CIVICPULSE_REALDATA to the realdata folder); nothing done" >&2
  exit 2
fi
WORK="${1:-$(mktemp -d /tmp/civicpulse-real.XXXXXX)}"
mkdir -p "$WORK/in"
cp "$PAGE" "$WORK/in/requests.json"
COMMON=(--lake "$WORK/lake" --set timezone=America/New_York --set locale=en)
scripts/civicpulse ingest --format open311 --dev-key "${COMMON[@]}" \
  --communities conf/cities/boston/communities.csv --categories conf/cities/boston/categories.csv \
  --requests "$WORK/in"
scripts/civicpulse dashboard "${COMMON[@]}" --from 2019-12-01 --to 2019-12-29
scripts/civicpulse report "${COMMON[@]}" --date 2019-12-29 --out "$WORK/report"
echo "demo-real: report in $WORK/report"
