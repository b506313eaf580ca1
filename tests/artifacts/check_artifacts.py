"""Start every release artefact `make deploy` would upload and hold it to its event fixtures.

For each function's `bootstrap.zip`: check its size against the budget, unpack it, and run its
`bootstrap` (under QEMU user-mode emulation when it is not built for this machine) against the
Lambda Runtime API emulator in `runtime_api.py`, once per store configuration — the embedded
dataset, then DynamoDB tables on a moto server seeded for the run. Each configuration is one
warm container that answers the function's API Gateway v2 fixtures in the order `events.json`
lists them; status and content type must match, and a problem document must carry its status.
The scheduled refresh answers its schedule's event with a report, against a fake registry
serving the recorded documents: every framework must have been fetched.
When everything passes, the zips' checksums go to the stamp `make deploy` checks.

Times are taken under emulation: a regression signal between runs on this machine, never a
Lambda cold-start figure.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from fake_registry import FakeRegistry
from runtime_api import RuntimeApi

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
START_TIMEOUT_S = 60.0
INVOKE_TIMEOUT_S = 60.0
JSON_TYPES = ("application/json", "application/problem+json")


@dataclass
class Expectation:
    name: str
    event: bytes
    status: int
    content_type: str | None  # None: no body; "*": any (an event built from the route table)
    fetched: int | None = None  # a scheduled function's report: how many frameworks it fetched


@dataclass
class Answer:
    expectation: Expectation
    status: int | None = None
    content_type: str | None = None
    problems: list[str] = field(default_factory=list)


@dataclass
class ContainerRun:
    config: str
    started: bool = False
    startup_ms: float | None = None
    first_answer_ms: float | None = None
    answers: list[Answer] = field(default_factory=list)
    failure: str | None = None
    log: Path | None = None

    @property
    def passed(self) -> bool:
        return self.started and self.failure is None and all(not a.problems for a in self.answers)


def main() -> int:
    args = parse_args()
    lambda_dir = Path(args.lambda_dir)
    stamp = Path(args.stamp)
    stamp.unlink(missing_ok=True)  # a failing run must not leave an earlier pass behind
    log_dir = Path(args.log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    runner = runner_prefix(args.arch, args.qemu, args.qemu_sysroot)

    manifest = json.loads((HERE / "events.json").read_text())["functions"]
    routes = json.loads((REPO / "shared/routes.json").read_text())["routes"]
    expectations, errors = {}, []
    for function in args.functions:
        found, missing = expectations_for(function, manifest.get(function), routes)
        expectations[function] = found
        errors += missing
    if errors:
        print("\n".join(f"test-artifacts: {e}" for e in errors), file=sys.stderr)
        return 1

    print(f"test-artifacts: {args.arch} zips in {lambda_dir}, "
          f"{'run under ' + ' '.join(runner) if runner else 'run natively'}")
    print("  start-up = process spawn to its first poll for an event; first answer = spawn to the"
          " first response.\n  Both are EMULATED timings on this machine: a regression signal,"
          " not a Lambda cold start.\n")

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="stack-advisor-artifacts-") as scratch, \
            store_configurations(args, Path(scratch), log_dir) as configs:
        for function in args.functions:
            zip_path = lambda_dir / function / "bootstrap.zip"
            if not zip_path.is_file():
                print(f"{function}: {zip_path} is missing (make build)", file=sys.stderr)
                return 1
            unpacked = Path(scratch) / function
            unpacked_bytes = unpack(zip_path, unpacked)
            zip_bytes = zip_path.stat().st_size
            runs = [run_container(runner, unpacked / "bootstrap", function, config, environment(function),
                                  expectations[function], log_dir)
                    for config, environment in configs]
            results[function] = {"zip": zip_bytes, "unpacked": unpacked_bytes, "runs": runs,
                                  "sha256": sha256(zip_path), "path": zip_path}
            report_function(function, zip_bytes, unpacked_bytes, args.budget, runs)

    failed = summarise(results, args.budget)
    if failed:
        print(f"\ntest-artifacts: FAILED ({', '.join(failed)}); no stamp written, make deploy will refuse")
        return 1
    stamp.write_text("".join(f"{r['sha256']}  {r['path']}\n" for r in results.values()))
    print(f"\ntest-artifacts: all {len(results)} artefacts passed; checksums in {stamp}")
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arch", required=True, choices=["arm64", "x86_64"])
    parser.add_argument("--lambda-dir", required=True, help="where cargo lambda put <name>/bootstrap.zip")
    parser.add_argument("--budget", required=True, type=int, help="the most bytes one zip may have")
    parser.add_argument("--stamp", required=True, help="checksums of the zips, written on success")
    parser.add_argument("--log-dir", required=True)
    parser.add_argument("--qemu", default="qemu-aarch64-static")
    parser.add_argument("--qemu-sysroot", default="/usr/aarch64-linux-gnu")
    parser.add_argument("--seed", required=True, help="command that creates and seeds the tables named by "
                        "FRAMEWORKS_TABLE and FAQ_TABLE at AWS_ENDPOINT_URL")
    parser.add_argument("functions", nargs="+")
    return parser.parse_args()


def runner_prefix(arch: str, qemu: str, sysroot: str) -> list[str]:
    native = {"x86_64": "x86_64", "aarch64": "arm64"}.get(os.uname().machine)
    if arch == native:
        return []
    if arch != "arm64" or shutil.which(qemu) is None:
        sys.exit(f"test-artifacts: cannot run {arch} binaries here: {qemu} is missing (make tools-qemu)")
    return [qemu, "-L", sysroot]


def expectations_for(function: str, listed: list[dict] | None, routes: list[dict]) -> tuple[list, list]:
    """The function's fixtures as `events.json` lists them, all of them; or, for a function
    with no fixtures yet, a GET event for each of its routes without a path parameter."""
    data = REPO / "functions" / function / "tests" / "data"
    on_disk = {p.name for p in data.glob("*.json")} if data.is_dir() else set()
    if listed is None:
        if on_disk:
            return [], [f"{function} has fixtures in {data} but no entry in tests/artifacts/events.json"]
        built = [Expectation(f"GET {r['path']} (built from shared/routes.json)", built_event(r["path"]), 200, "*")
                 for r in routes
                 if r["function"] == function and r["method"] == "GET" and "{" not in r["path"]]
        if not built:
            return [], [f"{function} has no fixtures and no GET route without a path parameter to try"]
        return built, []
    names = [entry["event"] for entry in listed]
    errors = [f"{function}: {n} is listed in events.json but not in {data}" for n in names if n not in on_disk]
    errors += [f"{function}: fixture {n} is not listed in tests/artifacts/events.json"
               for n in sorted(on_disk - set(names))]
    found = [Expectation(e["event"], (data / e["event"]).read_bytes(), e.get("status", 0), e.get("content_type"),
                         e.get("fetched"))
             for e in listed if e["event"] in on_disk]
    return found, errors


def built_event(path: str) -> bytes:
    now = time.time()
    return json.dumps({
        "version": "2.0", "routeKey": f"GET {path}", "rawPath": path, "rawQueryString": "",
        "headers": {"accept": "*/*", "host": "artifact-test.execute-api.us-east-1.amazonaws.com",
                    "user-agent": "stack-advisor-test-artifacts"},
        "requestContext": {
            "accountId": "123456789012", "apiId": "artifact-test",
            "domainName": "artifact-test.execute-api.us-east-1.amazonaws.com", "domainPrefix": "artifact-test",
            "http": {"method": "GET", "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                     "userAgent": "stack-advisor-test-artifacts"},
            "requestId": "artifact-test", "routeKey": f"GET {path}", "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)), "timeEpoch": int(now * 1000),
        },
        "isBase64Encoded": False,
    }).encode()


class store_configurations:
    """The environments each artefact runs in: the embedded dataset, then DynamoDB tables of its
    own on one moto server, created and seeded for it (catalog's writes must not change what
    the next function reads)."""

    def __init__(self, args: argparse.Namespace, scratch: Path, log_dir: Path) -> None:
        self.args, self.scratch, self.log_dir = args, scratch, log_dir
        self.moto: subprocess.Popen | None = None
        self.registry: FakeRegistry | None = None
        self.endpoint = ""

    def __enter__(self) -> list[tuple[str, Callable[[str], dict[str, str]]]]:
        port = free_port()
        self.endpoint = f"http://127.0.0.1:{port}"
        log = open(self.log_dir / "artifacts-moto.log", "w")
        self.moto = subprocess.Popen([sys.executable, str(REPO / "shared/dynamo/scripts/moto_serial.py"),
                                      "127.0.0.1", str(port)], stdout=log, stderr=subprocess.STDOUT)
        wait_for_http(f"{self.endpoint}/moto-api/", self.moto)
        self.registry = FakeRegistry(REPO / "functions/refresh/fixtures").__enter__()
        return [("embedded", self.embedded), ("dynamodb (moto)", self.seeded_tables)]

    def embedded(self, function: str) -> dict[str, str]:
        return {"REGISTRY_URL": self.registry.url} if function == "refresh" else {}

    def facts_table(self, function: str) -> dict[str, str]:
        """The refresh's table (moto, through boto3 from moto's own environment)."""
        import boto3

        table = f"artifact-test-{function}-facts"
        boto3.client("dynamodb", endpoint_url=self.endpoint, region_name="us-east-1",
                     aws_access_key_id="test", aws_secret_access_key="test").create_table(
            TableName=table, BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
        return {"FACTS_TABLE": table, "REGISTRY_URL": self.registry.url}

    def seeded_tables(self, function: str) -> dict[str, str]:
        env = {
            "AWS_ENDPOINT_URL": self.endpoint, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_REGION": "us-east-1", "FRAMEWORKS_TABLE": f"artifact-test-{function}-frameworks",
            "FAQ_TABLE": f"artifact-test-{function}-faq",
        }
        seeded = subprocess.run(self.args.seed, shell=True, cwd=REPO, env={**os.environ, **env},
                                capture_output=True, text=True)
        if seeded.returncode != 0:
            sys.exit(f"test-artifacts: seeding moto for {function} failed:\n{seeded.stdout}{seeded.stderr}")
        return env | self.facts_table(function) if function == "refresh" else env

    def __exit__(self, *_exc) -> None:
        if self.registry is not None:
            self.registry.__exit__()
        if self.moto is not None:
            stop(self.moto)


def run_container(runner: list[str], bootstrap: Path, function: str, config: str, extra_env: dict[str, str],
                  expectations: list[Expectation], log_dir: Path) -> ContainerRun:
    run = ContainerRun(config, log=log_dir / f"artifacts-{function}-{config.split()[0]}.log")
    with RuntimeApi() as api, open(run.log, "w") as log:
        env = lambda_environment(function, api.address) | extra_env
        started_at = time.perf_counter()
        process = subprocess.Popen([*runner, str(bootstrap)], env=env, stdout=log, stderr=subprocess.STDOUT,
                                   cwd=bootstrap.parent)
        try:
            run.started = wait_for_start(api, process)
            if not run.started:
                run.failure = describe_start_failure(api, process)
                return run
            run.startup_ms = (api.first_poll_at - started_at) * 1e3
            for expectation in expectations:
                outcome = api.invoke(expectation.event, INVOKE_TIMEOUT_S)
                if run.first_answer_ms is None:
                    run.first_answer_ms = (time.perf_counter() - started_at) * 1e3
                run.answers.append(check(expectation, outcome))
                if process.poll() is not None:
                    run.failure = f"the process exited with {process.returncode} after {expectation.name}"
                    return run
        finally:
            stop(process)
    return run


def lambda_environment(function: str, runtime_api: str) -> dict[str, str]:
    """What Lambda sets for a provided.al2023 function, and nothing from this machine's shell
    but PATH: an artefact must not lean on a variable it will not have in AWS."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin", "AWS_LAMBDA_RUNTIME_API": runtime_api,
        "AWS_LAMBDA_FUNCTION_NAME": f"stack-advisor-{function}", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST", "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/stack-advisor-{function}",
        "AWS_LAMBDA_LOG_STREAM_NAME": "artifact-test", "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "LAMBDA_TASK_ROOT": "/var/task",
        "TZ": ":UTC",
    }


def wait_for_start(api: RuntimeApi, process: subprocess.Popen) -> bool:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if api.first_poll.wait(0.05):
            return api.init_error is None
        if process.poll() is not None:
            return False
    return False


def describe_start_failure(api: RuntimeApi, process: subprocess.Popen) -> str:
    if api.init_error is not None:
        return f"reported an init error: {api.init_error[:300]}"
    if process.poll() is not None:
        return f"exited with status {process.returncode} before asking for an event"
    return f"did not ask for an event within {START_TIMEOUT_S:.0f} s"


def check(expectation: Expectation, outcome) -> Answer:
    answer = Answer(expectation)
    if outcome.error is not None:
        answer.problems.append(f"no response: {outcome.error[:300]}")
        return answer
    response = outcome.response
    if expectation.fetched is not None:
        outcomes = (response or {}).get("outcomes") or {}
        fetched = sum(1 for verdict in outcomes.values() if verdict == "fetched")
        answer.content_type = "report"
        if fetched != expectation.fetched:
            answer.problems.append(f"fetched {fetched} frameworks, expected {expectation.fetched}; "
                                   f"errors {(response or {}).get('errors')}")
        return answer
    answer.status = response.get("statusCode")
    headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
    answer.content_type = headers.get("content-type", "").split(";")[0].strip() or None
    body = response.get("body") or ""
    if response.get("isBase64Encoded"):
        body = base64.b64decode(body).decode(errors="replace")
    if answer.status != expectation.status:
        answer.problems.append(f"status {answer.status}, expected {expectation.status}")
    if expectation.content_type != "*" and answer.content_type != expectation.content_type:
        answer.problems.append(f"content type {answer.content_type}, expected {expectation.content_type}")
    if expectation.content_type is None and body:
        answer.problems.append(f"a body where none belongs: {body[:80]!r}")
    if answer.content_type in JSON_TYPES:
        try:
            document = json.loads(body)
        except ValueError:
            answer.problems.append(f"body is not JSON: {body[:80]!r}")
        else:
            if answer.content_type == "application/problem+json" and document.get("status") != answer.status:
                answer.problems.append(f"problem document says status {document.get('status')}")
    return answer


def report_function(function: str, zip_bytes: int, unpacked_bytes: int, budget: int, runs: list[ContainerRun]) -> None:
    verdict = "within budget" if zip_bytes <= budget else "OVER BUDGET"
    print(f"{function}: zip {zip_bytes:,} B ({zip_bytes / budget:.0%} of the {budget:,} B budget, {verdict}), "
          f"unpacked {unpacked_bytes:,} B")
    for run in runs:
        if not run.started:
            print(f"  {run.config}: DID NOT START: {run.failure}")
            print_log_tail(run.log)
            continue
        print(f"  {run.config}: started in {run.startup_ms:,.0f} ms, first answer at {run.first_answer_ms:,.0f} ms"
              f" (emulated)")
        for answer in run.answers:
            mark = "ok  " if not answer.problems else "FAIL"
            shown = answer.content_type or "(no body)"
            print(f"    {mark} {answer.status} {shown:<25} {answer.expectation.name}"
                  + (f"  <- {'; '.join(answer.problems)}" if answer.problems else ""))
        if run.failure:
            print(f"    FAIL {run.failure}")
        if not run.passed:
            print_log_tail(run.log)


def summarise(results: dict[str, dict], budget: int) -> list[str]:
    print("\n| function | zip bytes | budget | unpacked bytes | config | start-up ms (emulated) | "
          "first answer ms (emulated) | events |")
    print("|---|---:|---:|---:|---|---:|---:|---|")
    failed = []
    for function, r in results.items():
        if r["zip"] > budget:
            failed.append(f"{function} zip over budget")
        for run in r["runs"]:
            good = sum(1 for a in run.answers if not a.problems)
            startup = f"{run.startup_ms:,.0f}" if run.startup_ms is not None else "-"
            first = f"{run.first_answer_ms:,.0f}" if run.first_answer_ms is not None else "-"
            print(f"| {function} | {r['zip']:,} | {budget:,} | {r['unpacked']:,} | {run.config} | {startup} | "
                  f"{first} | {good}/{len(run.answers)} ok |")
            if not run.passed:
                failed.append(f"{function} on {run.config}")
    return failed


def print_log_tail(log: Path | None, lines: int = 15) -> None:
    if log is None or not log.exists():
        return
    tail = log.read_text(errors="replace").splitlines()[-lines:]
    print(f"    last lines of {log}:")
    for line in tail:
        print(f"      {line[:300]}")


def unpack(zip_path: Path, into: Path) -> int:
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(into)
        for info in archive.infolist():  # zipfile drops the mode bits; Lambda keeps them
            mode = info.external_attr >> 16
            if mode:
                os.chmod(into / info.filename, mode & 0o7777)
        return sum(info.file_size for info in archive.infolist())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"test-artifacts: the moto server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"test-artifacts: {url} did not answer within {timeout:.0f} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":
    sys.exit(main())
