#!/usr/bin/env python3
"""Markdown tables of the forecast benchmark: per set, civicpulse's `chosen` against its own candidates and R's peer,
interval coverage (pooled, and leave-series-out), and chosen's coverage per horizon step.

Usage: forecast_summary.py RUNS.tsv
RUNS.tsv: set, description, our output dir, leave-series-out output dir, R peer csv (or -), wall s, CPU s, R wall s.
The aims (docs/forecast.md): chosen ≤ R's best single method and ≤ 1.01 × the best of its own candidates (mean MASE
over series × origins); 80 % coverage in 0.75–0.85, 95 % in 0.91–0.98.
"""
import csv
import os
import sys

R_SINGLES = {"snaive", "stlf_ets", "tbats", "arima_fourier"}


def all_rows(path):
    return {r["model"]: r for r in csv.DictReader(open(path)) if r["series"] == "ALL"}


def f(x, d=3):
    return f"{float(x):.{d}f}" if x not in ("", None) else "—"


def mark(ok):
    return "✓" if ok else "✗"


def main():
    runs = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
    print("| set | series × origins | `chosen` MASE | best own candidate | chosen ÷ it (≤ 1.01) | R's best single | "
          "chosen ÷ it (≤ 1) | cover80 (0.75–0.85) | cover95 (0.91–0.98) | leave-series-out 80 / 95 | "
          "R best single's 80 / 95 | wall / CPU s (R s) |")
    print("| --- | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    steps = {}
    for name, what, ours, lso, peer, wall, cpu, rwall in runs:
        acc = all_rows(os.path.join(ours, "forecast_accuracy.csv"))
        chosen = acc["chosen"]
        cands = {m: float(r["mase"]) for m, r in acc.items() if m != "chosen" and r["mase"]}
        best = min(cands, key=cands.get)
        ratio = float(chosen["mase"]) / cands[best]
        lso_chosen = all_rows(os.path.join(lso, "forecast_accuracy.csv"))["chosen"]
        c80, c95 = float(chosen["coverage80"]), float(chosen["coverage95"])
        cov_ok = 0.75 <= c80 <= 0.85 and 0.91 <= c95 <= 0.98
        r_cell = r_ratio = r_cov = "—"
        if peer != "-" and os.path.exists(peer):
            prow = {r["model"]: r for r in csv.DictReader(open(peer))}
            singles = {m: float(r["mase"]) for m, r in prow.items() if m in R_SINGLES}
            rb = min(singles, key=singles.get)
            r_cell = f"{rb} {singles[rb]:.3f}"
            rr = float(chosen["mase"]) / singles[rb]
            r_ratio = f"{rr:.3f} {mark(rr <= 1.0)}"
            r_cov = f"{f(prow[rb]['coverage80'])} / {f(prow[rb]['coverage95'])}"
        print(f"| {name}: {what} | {chosen['origins']} | {f(chosen['mase'])} | {best} {cands[best]:.3f} | "
              f"{ratio:.3f} {mark(ratio <= 1.01)} | {r_cell} | {r_ratio} | {c80:.3f} | {c95:.3f} {mark(cov_ok)} | "
              f"{f(lso_chosen['coverage80'])} / {f(lso_chosen['coverage95'])} | {r_cov} | {wall} / {cpu} ({rwall}) |")
        for r in csv.DictReader(open(os.path.join(ours, "forecast_coverage.csv"))):
            if r["model"] == "chosen":
                steps.setdefault(int(r["horizon"]), {})[name] = (float(r["coverage80"]), float(r["coverage95"]))
    names = [r[0] for r in runs]
    print()
    print("`chosen`'s coverage per horizon step (80 % / 95 %; `forecast_coverage.csv`):")
    print()
    print("| step | " + " | ".join(names) + " |")
    print("| ---: | " + " | ".join("---:" for _ in names) + " |")
    for h in sorted(steps):
        print(f"| {h} | " + " | ".join(f"{steps[h][n][0]:.2f} / {steps[h][n][1]:.2f}" if n in steps[h] else "—"
                                       for n in names) + " |")


if __name__ == "__main__":
    main()
