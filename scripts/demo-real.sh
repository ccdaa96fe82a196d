#!/usr/bin/env bash
# Real-data demo, two cities, each ingest → dashboard → (forecast) → report, into a scratch folder:
#  1. Boston: one Open311 page (Illegal Parking, 2019-09-30 .. 2019-12-29), marts for December 2019.
#  2. St. Louis: the Citizens' Service Bureau exports 2008–2012 through conf/mappings/stlouis.properties and the
#     reference files conf/cities/stlouis/, marts for Q4 2012, the weekly forecast as of the last week, the report.
#  3. Kansas City (only with --city kansascity, ~4.5 min): the resident survey's 311 ratings as feedback per council
#     district (conf/cities/kansascity/), marts 2021-09-15 … 2022-03-15 (three waves), the report of 2022-03-15.
# Reads ../shared/realdata (or $CIVICPULSE_REALDATA); never copies real data into the repository.
# Usage: scripts/demo-real.sh [WORK_DIR] [--city boston|stlouis|all|kansascity]
set -euo pipefail
cd "$(dirname "$0")/.."
REAL="${CIVICPULSE_REALDATA:-../shared/realdata}"
WORK=""
CITY=all
while [[ $# -gt 0 ]]; do
  case "$1" in
    --city) CITY="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) WORK="$1"; shift ;;
  esac
done
WORK="${WORK:-$(mktemp -d /tmp/civicpulse-real.XXXXXX)}"
PAGE="$REAL/open311_samples/boston_open311_raw_page__responses--0-1000--aa.json"
STL="$REAL/stlouis_csb_2008_2012"
KC="$REAL/kcmo_resident_survey"
if [[ ! -r "$PAGE" && ! -d "$STL" && ! -d "$KC" ]]; then
  echo "demo-real: real data not found under $REAL (set CIVICPULSE_REALDATA to the realdata folder; docs/real-data.md says where to download it); nothing done" >&2
  exit 2
fi

if [[ "$CITY" == all || "$CITY" == boston ]] && [[ -r "$PAGE" ]]; then
  mkdir -p "$WORK/boston/in"
  cp "$PAGE" "$WORK/boston/in/requests.json"
  B=(--lake "$WORK/boston/lake" --set timezone=America/New_York --set locale=en)
  scripts/civicpulse ingest --format open311 --dev-key "${B[@]}" \
    --communities conf/cities/boston/communities.csv --categories conf/cities/boston/categories.csv \
    --requests "$WORK/boston/in"
  scripts/civicpulse dashboard "${B[@]}" --from 2019-12-01 --to 2019-12-29
  scripts/civicpulse report "${B[@]}" --date 2019-12-29 --out "$WORK/boston/report"
  echo "demo-real: Boston report: $WORK/boston/report/2019-12-29/index.html"
fi

if [[ "$CITY" == all || "$CITY" == stlouis ]] && [[ -d "$STL" ]]; then
  S=(--lake "$WORK/stlouis/lake" --set timezone=America/Chicago --set locale=en)
  # 6 % of the rows break a rule (mostly bulk close-outs years later); the default limit is 5 %.
  scripts/civicpulse ingest --format city311 --mapping conf/mappings/stlouis.properties --dev-key "${S[@]}" \
    --set ingest.max_quarantine_share=0.1 \
    --communities conf/cities/stlouis/communities.csv --categories conf/cities/stlouis/categories.csv \
    --requests "$STL"
  scripts/civicpulse dashboard "${S[@]}" --from 2012-10-01 --to 2012-12-31
  scripts/civicpulse forecast "${S[@]}"
  scripts/civicpulse report "${S[@]}" --date 2012-12-31 --out "$WORK/stlouis/report"
  echo "demo-real: St. Louis report: $WORK/stlouis/report/2012-12-31/index.html"
fi

if [[ "$CITY" == kansascity ]] && [[ -d "$KC" ]]; then
  K=(--lake "$WORK/kansascity/lake" --set timezone=America/Chicago --set locale=en)
  # 14–17 % of respondents answer "don't know" (9): quarantined as no_rating, above the default 5 % limit.
  scripts/civicpulse ingest --format kcsurvey --dev-key "${K[@]}" --set ingest.max_quarantine_share=0.2 \
    --communities conf/cities/kansascity/communities.csv --feedback "$KC"
  scripts/civicpulse dashboard "${K[@]}" --from 2021-09-15 --to 2022-03-15
  scripts/civicpulse report "${K[@]}" --date 2022-03-15 --out "$WORK/kansascity/report"
  echo "demo-real: Kansas City report: $WORK/kansascity/report/2022-03-15/index.html"
fi
