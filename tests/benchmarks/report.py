#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns one benchmark run (tests/benchmarks/run) into the table of
docs/benchmarks.md and the raw figures of docs/benchmarks.json.

The Markdown file keeps whatever is written around its results markers
(history of changes, notes); only the part between them is replaced."""

import argparse
import json
import statistics
from pathlib import Path

BEGIN = "<!-- benchmark results: begin (written by tests/benchmarks/run) -->"
END = "<!-- benchmark results: end -->"

# (scenario, server, title, reference counterpart)
ROWS = [
    ("read", "signoff-sqlite", "1. point read `GET /api/v1/feature/{id}`, authenticated, random ids", "lookup"),
    ("read304", "signoff-sqlite", "2. the same with `If-None-Match` (304)", "lookup"),
    ("list", "signoff-sqlite", "3. list `?status=pending&limit=50`", None),
    ("create", "signoff-sqlite", "4. create `POST /api/v1/feature`, unique names", "insert"),
    ("workflow", "signoff-sqlite", "5. workflow mix: create, submit, approve by another user", None),
    ("read", "signoff-postgresql", "6. point read, PostgreSQL", "lookup"),
    ("list", "signoff-postgresql", "6. list, PostgreSQL", None),
    ("create", "signoff-postgresql", "6. create, PostgreSQL", "insert"),
    ("hello", "reference", "reference: fixed JSON `GET /hello`", None),
    ("lookup", "reference", "reference: primary-key lookup `GET /item/{id}`", None),
    ("insert", "reference", "reference: one-row insert `POST /item` (201)", None),
]


def load_lines(path):
    if not path or not Path(path).exists():
        return []
    return [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarize(runs):
    groups = {}
    for run in runs:
        groups.setdefault((run["scenario"], run["server"]), []).append(run)
    summary = {}
    for key, group in groups.items():
        summary[key] = {
            "runs": len(group),
            "requests_per_second": median([r["requests_per_second"] for r in group]),
            "p50_ms": median([r["latency_p50_us"] / 1000 for r in group]),
            "p99_ms": median([r["latency_p99_us"] / 1000 for r in group]),
            "max_ms": max(r["latency_max_us"] / 1000 for r in group),
            "cpu_percent": median([r["server_cpu_percent"] for r in group]),
            "peak_rss_mib": median([r["server_peak_rss_mib"] for r in group]),
            "errors": sum(r["errors_connect"] + r["errors_read"] + r["errors_write"] + r["errors_status"]
                          + r["errors_timeout"] for r in group),
            "requests": sum(r["requests"] for r in group),
        }
    return summary


def fmt(value, digits=0):
    if value is None:
        return "—"
    return f"{value:,.{digits}f}"


def verdict(ok):
    return "met" if ok else "**not met**"


def markdown(machine, summary, final, desktop):
    out = []
    out.append(f"Run of {machine['date']} at commit `{machine['commit']}`, "
               f"{machine['rounds']} rounds of {machine['duration']} s per server and scenario, "
               f"wrk with {machine['wrk_threads']} threads and {machine['connections']} keep-alive connections, "
               f"the two servers alternating within each round. Figures are medians over the rounds.")
    out.append("")
    out.append(f"* Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']}, {machine['kernel']}, "
               f"database files on {machine['filesystem']}.")
    out.append(f"* Software: Qt {machine['qt']}, SQLite {machine['sqlite']} (WAL, `synchronous=FULL` for both "
               f"servers), PostgreSQL {machine['postgresql']} (fsync on, `synchronous_commit=on`), wrk {machine['wrk']}.")
    out.append(f"* Data: {int(machine['features']):,} features and {int(machine['orders']):,} orders seeded per database; "
               f"`signoff serve --rate-limit 1000000` {machine.get('serve_args') or ''}(metrics and logging at their "
               f"defaults: one INFO line per request, to a file).".replace("  ", " "))
    out.append(f"* Load average before the run {machine['load_before']}, after {final.get('load_after', '?')}; "
               f"wrk runs on the same 2 cores as the servers."
               + (f" {machine['note']}" if machine.get("note") else ""))
    out.append("")
    out.append("| scenario | server | req/s | p50 ms | p99 ms | server CPU | peak RSS MiB | ratio to reference | errors |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for scenario, server, title, counterpart in ROWS:
        row = summary.get((scenario, server))
        if not row:
            continue
        ratio = "—"
        if counterpart and (counterpart, "reference") in summary:
            ref = summary[(counterpart, "reference")]["requests_per_second"]
            ratio = f"{row['requests_per_second'] / ref:.2f} × {counterpart}"
        out.append(f"| {title} | {server} | {fmt(row['requests_per_second'])} | {fmt(row['p50_ms'], 2)} | "
                   f"{fmt(row['p99_ms'], 2)} | {fmt(row['cpu_percent'])} % | {fmt(row['peak_rss_mib'])} | {ratio} | "
                   f"{row['errors']} |")
    out.append("")
    out.append("Server CPU is the server process's user and system time during the run divided by its length "
               "(100 % = one core). Peak RSS is the process's VmHWM during that run (reset before each). Errors "
               "count wrk's socket errors and answers of 400 and above. PostgreSQL rows are compared with the "
               "SQLite reference: there is no bare PostgreSQL program.")
    out.append("")

    out.append("**Targets**")
    out.append("")
    out.append("| target | measured | |")
    out.append("|---|---|---|")

    def ratio_of(scenario, server, counterpart):
        row, ref = summary.get((scenario, server)), summary.get((counterpart, "reference"))
        if not row or not ref:
            return None, row
        return row["requests_per_second"] / ref["requests_per_second"], row

    ratio, row = ratio_of("read", "signoff-sqlite", "lookup")
    if row and ratio is not None:
        out.append(f"| point read ≥ 0.8 × the reference's lookup, p99 < 5 ms | {ratio:.2f} ×, p99 {row['p99_ms']:.2f} ms | "
                   f"{verdict(ratio >= 0.8 and row['p99_ms'] < 5)} |")
    ratio, row = ratio_of("create", "signoff-sqlite", "insert")
    if row and ratio is not None:
        out.append(f"| create ≥ 0.7 × the reference's insert (same `synchronous`), p99 < 25 ms | {ratio:.2f} ×, "
                   f"p99 {row['p99_ms']:.2f} ms | {verdict(ratio >= 0.7 and row['p99_ms'] < 25)} |")
    row = summary.get(("list", "signoff-sqlite"))
    if row:
        out.append(f"| list page of 50 ≥ 5,000 req/s | {fmt(row['requests_per_second'])} req/s | "
                   f"{verdict(row['requests_per_second'] >= 5000)} |")
    rss = final.get("signoff_sqlite_rss_mib")
    if rss is not None:
        pg_rss = final.get("signoff_postgresql_rss_mib")
        measured = f"{rss:.0f} MiB (SQLite server)" + (f", {pg_rss:.0f} MiB (PostgreSQL server)" if pg_rss else "")
        out.append(f"| server RSS < 150 MB after all scenarios | {measured} | "
                   f"{verdict(rss * 1.048576 < 150 and (pg_rss is None or pg_rss * 1.048576 < 150))} |")
    if desktop:
        first = median([d["first_rows_ms"] for d in desktop])
        peak = max(d["peak_rss_mib"] for d in desktop)
        out.append(f"| desktop: Features page over {int(machine.get('desktop_features') or 1000000):,} features, first rows "
                   f"< 300 ms | {first:.0f} ms (median of {len(desktop)}; from opening the database to the rendered "
                   f"window) | {verdict(first < 300)} |")
        out.append(f"| desktop: process < 250 MB | peak {peak:.0f} MiB after {desktop[0]['rows_after_scrolling']:,} "
                   f"rows fetched | {verdict(peak * 1.048576 < 250)} |")
    for server in ("signoff-sqlite", "signoff-postgresql"):
        for scenario, what, per_minute, bound_ms in (("floor-create", "100 creates/min under 200 ms", 100, 200),
                                                     ("floor-read", "1,000 reads/min under 50 ms", 1000, 50)):
            row = summary.get((scenario, server))
            if not row:
                continue
            rate = row["requests_per_second"] * 60
            out.append(f"| seed floor, {server}: {what} | {rate:,.0f}/min on one paced connection, p99 "
                       f"{row['p99_ms']:.1f} ms, max {row['max_ms']:.1f} ms | "
                       f"{verdict(rate >= per_minute and row['p99_ms'] < bound_ms and row['errors'] == 0)} |")
    out.append("")
    if desktop:
        out.append("Desktop runs (`signoff-bench-desktop`, offscreen): "
                   + "; ".join(f"{d['first_rows_ms']} ms to the first {d['first_rows']} rows, peak {d['peak_rss_mib']:.0f} MiB"
                               for d in desktop) + ".")
        out.append("")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--machine", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--final", required=True)
    parser.add_argument("--desktop")
    parser.add_argument("--markdown", required=True)
    parser.add_argument("--json", required=True)
    args = parser.parse_args()

    machine = json.loads(Path(args.machine).read_text())
    runs = load_lines(args.results)
    final = json.loads(Path(args.final).read_text())
    desktop = load_lines(args.desktop)
    machine.setdefault("desktop_features", None)
    summary = summarize(runs)

    block = markdown(machine, summary, final, desktop)
    path = Path(args.markdown)
    text = path.read_text() if path.exists() else "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n"
    if BEGIN not in text or END not in text:
        text += "\n" + BEGIN + "\n" + END + "\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(head + BEGIN + "\n" + block + "\n" + END + tail)

    Path(args.json).write_text(json.dumps({
        "machine": machine,
        "final": final,
        "medians": [dict(scenario=s, server=v, **row) for (s, v), row in sorted(summary.items())],
        "runs": runs,
        "desktop": desktop,
    }, indent=1) + "\n")


if __name__ == "__main__":
    main()
