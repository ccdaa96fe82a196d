#!/usr/bin/env python3
"""The forecast benchmark's weekly sets, as wide CSVs (iso_week, then one column per series).

Usage: forecast_sets.py REALDATA_DIR SAMPLE_DIR OUT_DIR

Writes OUT_DIR/<set>.csv and OUT_DIR/sets.tsv (set, file, from, to, what). A set whose source is absent is left
out with a line on stderr. Every count is by ISO week of the request's own local time.
  boston3    Boston Open311: the 3 dense service types (realdata weekly_counts_by_service.csv)
  boston5    Boston Open311: all 5 service types, counted from the bulk CSV (boston_open311_requests_*.csv.gz)
  stlouis    St. Louis CSB 2009-2012: the weekly total and one series per intake channel (CALLERTYPE)
  sample     the committed sample data: the city total, each community and each category
  synthetic  24 generated series with known noise (seeded), where the right coverage is exactly 80 % / 95 %
"""
import csv
import datetime as dt
import glob
import gzip
import math
import os
import random
import sys
from collections import Counter, defaultdict


def iso(d):
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def weeks(first, last):
    """Every ISO week from the Monday of `first` to the Monday of `last`."""
    d = first - dt.timedelta(days=first.weekday())
    out = []
    while d <= last:
        out.append(iso(d))
        d += dt.timedelta(days=7)
    return out


def write(path, counts, names, first, last):
    """counts: {name: Counter(iso_week → n)}; zero-filled over every week first..last."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["iso_week"] + names)
        for week in weeks(first, last):
            w.writerow([week] + [counts[n].get(week, 0) for n in names])


def boston3(real, out):
    src = os.path.join(real, "boston_open311", "weekly_counts_by_service.csv")
    rows = list(csv.DictReader(open(src)))
    keep = ["Abandoned Vehicle", "Illegal Parking", "Other"]
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["iso_week"] + keep)
        for r in rows:
            w.writerow([r["iso_week"]] + [r[k] for k in keep])
    return "2013-W27", "2019-W13", "Boston Open311, 3 dense service types"


def boston5(real, out):
    src = glob.glob(os.path.join(real, "boston_open311", "boston_open311_requests_*.csv.gz"))[0]
    counts = defaultdict(Counter)
    first, last = None, None
    with gzip.open(src, "rt", newline="") as f:
        for r in csv.DictReader(f):
            d = dt.date.fromisoformat(r["requested_datetime"][:10])
            counts[r["service_name"]][iso(d)] += 1
            first = d if first is None or d < first else first
            last = d if last is None or d > last else last
    names = sorted(counts)
    write(out, counts, names, first, last)
    return "2013-W27", "2019-W13", f"Boston Open311 bulk CSV, all {len(names)} service types"


def stlouis(real, out):
    counts = defaultdict(Counter)
    for fn in sorted(glob.glob(os.path.join(real, "stlouis_csb_2008_2012", "stl_csb_20*.csv"))):
        with open(fn, newline="", encoding="utf-8", errors="replace") as f:
            for r in csv.DictReader(f):
                d = dt.date.fromisoformat(r["DATETIMEINIT"][:10])
                if d.year < 2009:  # 2008 was the soft launch (Traffic and Streets only)
                    continue
                week = iso(d)
                counts["total"][week] += 1
                channel = r["CALLERTYPE"].strip() or "unrecorded"
                counts[channel][week] += 1
    channels = [c for c, n in sorted(((c, sum(v.values())) for c, v in counts.items() if c != "total"),
                                     key=lambda x: -x[1]) if n >= 15]
    write(out, counts, ["total"] + channels, dt.date(2009, 1, 1), dt.date(2012, 12, 31))
    return "2009-W02", "2012-W52", f"St. Louis CSB 2009-2012, total and {len(channels)} intake channels"


def sample(sample_dir, out):
    counts = defaultdict(Counter)
    for fn in sorted(glob.glob(os.path.join(sample_dir, "requests-*.csv.gz"))):
        with gzip.open(fn, "rt", newline="") as f:
            for r in csv.DictReader(f):
                if not r["created_at"][:10]:
                    continue
                try:
                    d = dt.date.fromisoformat(r["created_at"][:10])
                except ValueError:
                    continue  # the sample's deliberately broken rows: ingest quarantines them
                week = iso(d)
                counts["ALL_CITY"][week] += 1
                if r["community_id"]:
                    counts["community " + r["community_id"]][week] += 1
                if r["category"]:
                    counts["category " + r["category"]][week] += 1
    names = ["ALL_CITY"] + sorted(n for n in counts if n.startswith("community ") and sum(counts[n].values()) > 500) \
        + sorted(n for n in counts if n.startswith("category ") and sum(counts[n].values()) > 500)
    write(out, counts, names, dt.date(2023, 1, 2), dt.date(2025, 12, 28))
    return "2023-W01", "2025-W52", f"sample data: city total, {sum(n.startswith('community') for n in names)} communities, " \
        f"{sum(n.startswith('category') for n in names)} categories"


def synthetic(out):
    """Level × (1 + seasonal) × trend, plus noise of a known law: the oracle 80 % interval covers exactly 80 %."""
    rng = random.Random(20261206)
    n_weeks = 260
    first = dt.date(2019, 12, 30)  # 2020-W01
    counts = {}
    names = []
    for i in range(24):
        level = rng.choice([20, 50, 200, 1000])
        amp = rng.choice([0.0, 0.2, 0.4])
        trend = rng.choice([-0.001, 0.0, 0.002])
        kind = "gauss" if i % 2 == 0 else "poisson"
        cv = rng.choice([0.1, 0.2, 0.3])
        name = f"{kind}{i:02d}"
        c = Counter()
        for t in range(n_weeks):
            mu = level * (1 + amp * math.sin(2 * math.pi * t / 52.1775)) * (1 + trend) ** t
            if kind == "gauss":
                y = max(0.0, rng.gauss(mu, cv * mu))
                value = round(y)
            else:
                value = poisson(rng, mu)
            c[iso(first + dt.timedelta(weeks=t))] = value
        counts[name] = c
        names.append(name)
    write(out, counts, names, first, first + dt.timedelta(weeks=n_weeks - 1))
    return "2020-W01", iso(first + dt.timedelta(weeks=n_weeks - 1)), \
        "24 synthetic series: seasonal level with Gaussian (12) or Poisson (12) noise, seed 20261206"


def poisson(rng, mu):
    if mu > 60:  # normal approximation, continuity-corrected: exact enough at these means
        return max(0, round(rng.gauss(mu, math.sqrt(mu))))
    k, p, limit = 0, 1.0, math.exp(-mu)
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def main():
    real, sample_dir, out_dir = sys.argv[1:4]
    os.makedirs(out_dir, exist_ok=True)
    builders = [("boston3", lambda o: boston3(real, o)), ("boston5", lambda o: boston5(real, o)),
                ("stlouis", lambda o: stlouis(real, o)), ("sample", lambda o: sample(sample_dir, o)),
                ("synthetic", synthetic)]
    with open(os.path.join(out_dir, "sets.tsv"), "w") as manifest:
        for name, build in builders:
            path = os.path.join(out_dir, name + ".csv")
            try:
                frm, to, what = build(path)
            except (FileNotFoundError, IndexError) as e:
                print(f"forecast sets: {name} skipped, its source is absent ({e})", file=sys.stderr)
                continue
            manifest.write(f"{name}\t{path}\t{frm}\t{to}\t{what}\n")


if __name__ == "__main__":
    main()
