#!/usr/bin/env python3
"""Recomputes the equity lens's wait index for every area straight from a city's CSV export, without civicpulse,
and compares it with the report's data/equity.csv (docs/metrics.md, "Equity").

Usage: equity_check.py MAPPING.properties DAY WINDOW_DAYS EQUITY.csv EXPORT.csv...

Reads the mapping's column names, time format, zone and status map; a request counts as closed when its mapped
status is closed, its closing time falls on a local day of the window and is not before its creation; the rows
ingest quarantines (closed without a closing time, open with one) are left out. For each category k, g_k = the
mean of ln(hours + 1) over the city's closures; wait_index = exp(mean (ln(hours + 1) − g_k)) per area. Prints one
line per area and exits 1 when any differs from the report by 0.0005 or more.
"""
import csv
import datetime as dt
import math
import sys
from collections import defaultdict
from zoneinfo import ZoneInfo


def mapping(path):
    m = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        k, v = line.split("=", 1)
        m[k.strip().replace("\\ ", " ")] = v.strip()
    return m


def java_to_strptime(fmt):
    # The shipped mappings use MM/dd/yyyy hh:mm:ss a and yyyy-MM-dd HH:mm:ss.
    return (fmt.replace("yyyy", "%Y").replace("MM", "%m").replace("dd", "%d").replace("HH", "%H")
            .replace("hh", "%I").replace("mm", "%M").replace("ss", "%S").replace(" a", " %p"))


def main():
    mapping_file, day, window, equity_csv, *exports = sys.argv[1:]
    m = mapping(mapping_file)
    zone = ZoneInfo(m["time_zone"])
    fmt = java_to_strptime(m["time_format"])
    last = dt.date.fromisoformat(day)
    first = last - dt.timedelta(days=int(window) - 1)
    status_map = {k[len("status."):]: v for k, v in m.items() if k.startswith("status.")}
    col = {k[len("column."):]: v for k, v in m.items() if k.startswith("column.")}

    def parse(text):
        return dt.datetime.strptime(text.strip(), fmt).replace(tzinfo=zone) if text and text.strip() else None

    closures = []  # (area, category, ln(h + 1))
    for path in exports:
        with open(path, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                status = status_map.get(r[col["status"]].strip())
                created, closed = parse(r[col["created_at"]]), parse(r[col["closed_at"]])
                area, category = r[col["community_id"]].strip(), r[col["category"]].strip()
                if status == "closed" and closed is None or status == "open" and closed is not None:
                    continue  # quarantined by ingest as a whole record
                if status != "closed" or not area or not category or created is None:
                    continue
                if not (first <= closed.date() <= last) or closed < created:
                    continue
                hours = (closed - created).total_seconds() / 3600
                closures.append((area, category, math.log(hours + 1)))
    by_category = defaultdict(list)
    for _, k, x in closures:
        by_category[k].append(x)
    g = {k: sum(v) / len(v) for k, v in by_category.items()}
    r_by_area = defaultdict(list)
    for a, k, x in closures:
        r_by_area[a].append(x - g[k])
    ours = {a: math.exp(sum(v) / len(v)) for a, v in r_by_area.items()}

    report = {row["community_id"]: row for row in csv.DictReader(open(equity_csv, encoding="utf-8-sig"))}
    worst = 0.0
    for a in sorted(ours, key=lambda x: (len(x), x)):
        shown = report.get(a, {}).get("wait_index", "")
        diff = abs(float(shown) - ours[a]) if shown else float("inf")
        worst = max(worst, diff)
        print(f"area {a}: closed {len(r_by_area[a])}, wait_index recomputed {ours[a]:.4f}, report {shown or '—'}, "
              f"difference {diff:.5f}")
    missing = [a for a in report if a not in ours and a != "ALL" and report[a]["wait_index"]]
    ok = worst < 0.0005 and not missing
    print(f"equity check: {len(ours)} areas, {len(closures)} closures, largest difference {worst:.5f}"
          f"{', areas only in the report: ' + ' '.join(missing) if missing else ''} → {'AGREE' if ok else 'DIFFER'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
