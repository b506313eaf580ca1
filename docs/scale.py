#!/usr/bin/env python3
"""The monthly cost model and the limits of docs/scale.md, computed from the parameters below.

    python3 docs/scale.py                      # print the tables
    python3 docs/scale.py --check docs/scale.md  # fail if the doc's tables are not this output

Standard library only. Change a parameter, rerun, paste the output between the doc's markers
(or let --check say where it differs).
"""

import argparse
import math
import sys

SECONDS_PER_MONTH = 30 * 24 * 3600
VOLUMES = [1_000_000, 100_000_000, 1_000_000_000]

# Traffic: share of all requests per function and kind. Reads are the cacheable GETs.
# (function, kind, share, response KB)
TRAFFIC = [
    ("catalog", "read", 0.35, 6.0),
    ("compare", "read", 0.10, 6.0),
    ("faq", "read", 0.15, 4.0),
    ("web", "read", 0.35, 12.0),
    ("recommend", "recommend", 0.0499, 5.0),
    ("catalog", "write", 0.0001, 1.0),
]
CDN_HIT_RATIO = 0.90  # of the reads; POST /recommendations and writes always reach the API
PEAK_TO_AVERAGE = 3.0  # busiest second of the month over the average second

# Lambda: memory from infra/variables.tf; CPU per request from docs/performance.md's request table
# (1 / req/s of one core: list 28,722, compare 16,574, FAQ search 18,343, recommend 18,170;
# the pages were not measured and take compare's figure). Lambda gives a function CPU in
# proportion to memory, a whole vCPU at 1,769 MB.
MEMORY_MB = {"catalog": 256, "compare": 128, "recommend": 256, "faq": 128, "web": 256}
CPU_US_ONE_CORE = {"catalog": 35, "compare": 60, "faq": 55, "recommend": 55, "web": 60}
FULL_VCPU_MB = 1769
RUNTIME_OVERHEAD_MS = 1.0  # Runtime API round trip and event conversion: assumed, not measured
COLD_START_SHARE = 0.001  # invocations that start a container
COLD_START_MS = 30  # docs/performance.md: 5.6 ms start-up + 24 ms first answer against a DynamoDB table
CACHE_TTL_SECS = 60  # cache_ttl_secs: each warm container rereads the catalog this often
CATALOG_READ_RRU = 7  # one read of the whole catalog (docs/deploy.md)
WRITE_WRU = 4  # a framework of about 1 KB, written to the table and its index

# List prices, us-east-1 / CloudFront North America and Europe, on-demand, no free tier, as
# known on 1 June 2025. (tier limit in units or None, price per unit)
PRICES_AS_OF = "1 June 2025"
API_GATEWAY_PER_M = [(300e6, 1.00), (None, 0.90)]  # HTTP API, per million requests
LAMBDA_REQUEST_PER_M = 0.20
LAMBDA_ARM_GB_S = 0.0000133334
DYNAMO_RRU_PER_M = 0.125
DYNAMO_WRU_PER_M = 0.625
CLOUDFRONT_HTTPS_PER_M = 1.00  # $0.0100 per 10,000
CLOUDFRONT_OUT_PER_GB = [(10_240, 0.085), (40_960, 0.080), (102_400, 0.060), (None, 0.040)]
INTERNET_OUT_PER_GB = [(10_240, 0.09), (40_960, 0.085), (102_400, 0.07), (None, 0.05)]
LOGS_PER_GB = 0.50
ORIGIN_LOG_KB = 1.0  # API access log + function log lines per request reaching the API
CDN_LOG_KB = 0.5  # a CloudFront access log line

# Limits, the defaults of this stack and of a new account.
STAGE_RATE_LIMIT = 100  # api_throttling_rate_limit (infra/variables.tf)
ACCOUNT_HTTP_API_RPS = 10_000  # API Gateway per account and region
RESERVED_CONCURRENCY = 50  # reserved_concurrency per function (infra/variables.tf)
ACCOUNT_CONCURRENCY = 1_000  # Lambda per account and region
PARTITION_RRU_PER_S = 3_000  # one DynamoDB partition; the catalog Query reads one GSI key
CLOUDFRONT_RPS = 250_000  # per distribution


def tiered(amount, tiers):
    cost, below = 0.0, 0.0
    for limit, price in tiers:
        top = amount if limit is None else min(amount, limit)
        if top > below:
            cost += (top - below) * price
        below = top if limit is not None else amount
        if amount <= below:
            break
    return cost


def billed_ms(function):
    cpu_ms = CPU_US_ONE_CORE[function] / 1000 * FULL_VCPU_MB / MEMORY_MB[function]
    warm = math.ceil(cpu_ms + RUNTIME_OVERHEAD_MS)
    return warm * (1 - COLD_START_SHARE) + (warm + COLD_START_MS) * COLD_START_SHARE


def origin_share(kind, cdn):
    return 1 - CDN_HIT_RATIO if cdn and kind == "read" else 1.0


def monthly(requests, cdn):
    """Cost lines in dollars for `requests` a month, with or without the CDN."""
    origin = sum(requests * share * origin_share(kind, cdn) for _, kind, share, _ in TRAFFIC)
    gb_s = sum(
        requests * share * origin_share(kind, cdn) * billed_ms(fn) / 1000 * MEMORY_MB[fn] / 1024
        for fn, kind, share, _ in TRAFFIC
    )
    out_gb = sum(requests * share * kb for _, _, share, kb in TRAFFIC) / 1024 / 1024
    peak_rps = requests / SECONDS_PER_MONTH * PEAK_TO_AVERAGE
    containers = sum(
        max(1, math.ceil(peak_rps * share * origin_share(kind, cdn) * billed_ms(fn) / 1000))
        for fn, kind, share, _ in TRAFFIC
    )
    rru = containers * SECONDS_PER_MONTH / CACHE_TTL_SECS * CATALOG_READ_RRU
    wru = sum(requests * share * WRITE_WRU for _, kind, share, _ in TRAFFIC if kind == "write")
    log_gb = (origin * ORIGIN_LOG_KB + (requests * CDN_LOG_KB if cdn else 0)) / 1024 / 1024
    return {
        "API Gateway": tiered(origin / 1e6, [(None if t is None else t / 1e6, p) for t, p in API_GATEWAY_PER_M]),
        "Lambda": origin / 1e6 * LAMBDA_REQUEST_PER_M + gb_s * LAMBDA_ARM_GB_S,
        "DynamoDB": rru / 1e6 * DYNAMO_RRU_PER_M + wru / 1e6 * DYNAMO_WRU_PER_M,
        "CloudFront requests": requests / 1e6 * CLOUDFRONT_HTTPS_PER_M if cdn else 0.0,
        "Data transfer out": tiered(out_gb, CLOUDFRONT_OUT_PER_GB if cdn else INTERNET_OUT_PER_GB),
        "Logs": log_gb * LOGS_PER_GB,
    }


def money(dollars):
    return f"${dollars:,.2f}" if dollars < 100 else f"${dollars:,.0f}"


def volume(requests):
    for unit, size in (("T", 1e12), ("B", 1e9), ("M", 1e6)):
        if requests >= size:
            return f"{requests / size:.3g} {unit}"
    return f"{requests:,.0f}"


def cost_table():
    lines = ["| requests / month | CDN | " + " | ".join(monthly(1, False)) + " | total | per million |",
             "|---|---|" + "---:|" * (len(monthly(1, False)) + 2)]
    for requests in VOLUMES:
        for cdn in (False, True):
            items = monthly(requests, cdn)
            total = sum(items.values())
            cells = " | ".join(money(v) for v in items.values())
            lines.append(f"| {volume(requests)} | {'yes' if cdn else 'no'} | {cells} | "
                         f"**{money(total)}** | {money(total / requests * 1e6)} |")
    return "\n".join(lines)


def monthly_at(peak_rps_limit):
    """Requests a month whose busiest second reaches `peak_rps_limit`."""
    return peak_rps_limit / PEAK_TO_AVERAGE * SECONDS_PER_MONTH


def limits_table():
    origin_fraction = {cdn: sum(share * origin_share(kind, cdn) for _, kind, share, _ in TRAFFIC) for cdn in (False, True)}
    per_function = {
        cdn: max(sum(share * origin_share(kind, cdn) for f, kind, share, _ in TRAFFIC if f == fn) * billed_ms(fn) / 1000
                 for fn in MEMORY_MB)
        for cdn in (False, True)
    }
    all_functions = {cdn: sum(share * origin_share(kind, cdn) * billed_ms(fn) / 1000 for fn, kind, share, _ in TRAFFIC) for cdn in (False, True)}
    read_share = sum(share for _, kind, share, _ in TRAFFIC if kind == "read")
    rows = [
        ("API Gateway stage throttle (`api_throttling_rate_limit`)", f"{STAGE_RATE_LIMIT:,} req/s",
         {cdn: monthly_at(STAGE_RATE_LIMIT / origin_fraction[cdn]) for cdn in (False, True)}),
        ("DynamoDB partition, if `cache_ttl_secs` were 0 (every read a catalog Query)", f"{PARTITION_RRU_PER_S:,} RRU/s",
         {cdn: monthly_at(PARTITION_RRU_PER_S / CATALOG_READ_RRU / (read_share * origin_share("read", cdn) + (1 - read_share))) for cdn in (False, True)}),
        ("API Gateway account quota", f"{ACCOUNT_HTTP_API_RPS:,} req/s",
         {cdn: monthly_at(ACCOUNT_HTTP_API_RPS / origin_fraction[cdn]) for cdn in (False, True)}),
        ("Lambda reserved concurrency, busiest function (`reserved_concurrency`)", f"{RESERVED_CONCURRENCY}",
         {cdn: monthly_at(RESERVED_CONCURRENCY / per_function[cdn]) for cdn in (False, True)}),
        ("Lambda account concurrency, all functions", f"{ACCOUNT_CONCURRENCY:,}",
         {cdn: monthly_at(ACCOUNT_CONCURRENCY / all_functions[cdn]) for cdn in (False, True)}),
        ("CloudFront per distribution", f"{CLOUDFRONT_RPS:,} req/s", {False: None, True: monthly_at(CLOUDFRONT_RPS)}),
    ]
    lines = ["| limit | default | reached at, no CDN | reached at, CDN |", "|---|---:|---:|---:|"]
    for name, value, reached in rows:
        cells = " | ".join("—" if reached[cdn] is None else volume(reached[cdn]) for cdn in (False, True))
        lines.append(f"| {name} | {value} | {cells} |")
    return "\n".join(lines)


def output():
    return (f"<!-- scale.py: prices as of {PRICES_AS_OF}; CDN hit ratio {CDN_HIT_RATIO:.0%} of reads; "
            f"peak {PEAK_TO_AVERAGE:g}x average -->\n\n" + cost_table() + "\n\n" + limits_table() + "\n")


BEGIN, END = "<!-- scale.py output: begin -->\n", "<!-- scale.py output: end -->"


def check(path):
    with open(path, encoding="utf-8") as doc:
        text = doc.read()
    if BEGIN not in text or END not in text:
        sys.exit(f"{path}: no '{BEGIN.strip()}' ... '{END}' block")
    shown = text.split(BEGIN, 1)[1].split(END, 1)[0]
    if shown != output():
        sys.exit(f"{path}: the tables differ from `python3 docs/scale.py`; paste its output between the markers")
    print(f"{path}: the tables are scale.py's output")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", metavar="DOC", help="fail unless DOC shows exactly this output")
    args = parser.parse_args()
    if args.check:
        check(args.check)
    else:
        sys.stdout.write(output())


if __name__ == "__main__":
    main()
