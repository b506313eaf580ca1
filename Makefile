# Stack Advisor — the only entry point a user needs. `make help` lists the targets.
#   make run    the whole API on http://127.0.0.1:$(PORT), embedded store, nothing but cargo
#   make check  the inner loop: format, clippy, every Rust test that needs no outside service
#   make test   every test: unit, router, Lambda events, black-box, infrastructure, contract

SHELL       := bash
.SHELLFLAGS := -eu -o pipefail -c
PORT        ?= 3000
WATCH_PORT  ?= 9000
API_URL     ?=
# Logs of long-running dev servers live outside the workspace: `cargo lambda watch`
# rebuilds on any change inside it.
LOG_DIR     ?= $(or $(TMPDIR),/tmp)/stack-advisor
# The project's own tools live outside the workspace, in one venv from tools/requirements.txt.
TOOLS_DIR   ?= $(HOME)/.cache/stack-advisor
VENV        := $(TOOLS_DIR)/venv
# Commands that need those tools (cargo-lambda and its zig) find them first.
WITH_TOOLS  := PATH="$(VENV)/bin:$$PATH"
# Cargo-installed tools (cargo-machete) live beside them, pinned here.
CARGO_TOOLS := $(TOOLS_DIR)/cargo
MACHETE_VERSION := 0.9.2
# Where cargo builds, honouring CARGO_TARGET_DIR and .cargo/config: never assume ./target.
# Asked the one way the scripts ask it (tests/lib/servers.sh).
CARGO_TARGET := $(shell root="$(CURDIR)" bash -c 'source tests/lib/servers.sh && target_dir' 2>/dev/null || echo target)

# $(call python-venv,DIR,REQUIREMENTS[,CONSTRAINTS]): DIR holds a venv with exactly REQUIREMENTS
# installed, their dependencies pinned by CONSTRAINTS when given; rebuilt only when either list
# changes. One retry, loudly, for a registry hiccup.
define python-venv
	@if ! cat $(2) $(3) | cmp -s - "$(1)/requirements.txt"; then \
	  echo "Installing $(2) into $(1)"; \
	  python3 -m venv "$(1)"; \
	  "$(1)/bin/pip" install --quiet -r $(2) $(if $(3),-c $(3)) || \
	    { echo "pip failed once (a registry hiccup?); trying again"; \
	      "$(1)/bin/pip" install -r $(2) $(if $(3),-c $(3)); }; \
	  cat $(2) $(3) > "$(1)/requirements.txt"; \
	fi
endef

.DEFAULT_GOAL := help
.PHONY: help run refresh watch test test-rust test-e2e test-watch lint bench bench-compare tools-venv tools-machete tools-cargo-lambda

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | sort | expand -t 20

run: ## serve every function at production paths on 127.0.0.1:$(PORT), embedded store
	PORT=$(PORT) cargo run --release -p local-server

# Every variable the refresh reads passes through: FACTS_TABLE (DynamoDB), FACTS_FILE (JSON),
# REGISTRY_URL (one fake registry for all), REGISTRY_TIMEOUT_SECS, REFRESH_CONCURRENCY.
refresh: ## fetch every framework's facts from its package registry once (REGISTRY_URL: a fake one; FACTS_FILE or FACTS_TABLE: where)
	cargo run --release -p refresh

watch: tools-cargo-lambda ## the same API through the real Lambda runtime path on 127.0.0.1:$(WATCH_PORT)
	@mkdir -p $(LOG_DIR)
	@echo "cargo lambda watch on http://127.0.0.1:$(WATCH_PORT) (routes from [workspace.metadata.lambda.watch.router])"
	$(WITH_TOOLS) cargo lambda watch --invoke-address 127.0.0.1 --invoke-port $(WATCH_PORT) 2>&1 | tee $(LOG_DIR)/watch.log

tools-venv: ## the pinned Python tools (tools/requirements.txt) in $(VENV)
	$(call python-venv,$(VENV),tools/requirements.txt,tools/constraints.txt)

tools-machete: ## cargo-machete $(MACHETE_VERSION), which finds unused dependencies, in $(CARGO_TOOLS)
	@"$(CARGO_TOOLS)/bin/cargo-machete" --version 2>/dev/null | grep -q "$(MACHETE_VERSION)" || \
	  cargo install --locked --quiet --version $(MACHETE_VERSION) --root "$(CARGO_TOOLS)" cargo-machete

tools-cargo-lambda: tools-venv

# The inner loop, minutes from a warm build: what a change most often breaks, with nothing to
# install or start. The two `dynamodb` test binaries (local, refresh) need moto and run in
# `make test`, as do the browser, contract, client, infrastructure and artefact suites.
# cargo-nextest selects by binary, which `cargo test` cannot.
check: ## format, clippy, and every Rust test that needs no outside service (no moto, no browser)
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	@command -v cargo-nextest >/dev/null 2>&1 || cargo install --locked cargo-nextest
	cargo nextest run --workspace --all-targets --no-fail-fast -E 'not binary(dynamodb)'

test: lint test-rust test-browser test-infra test-watch test-contract test-clients test-artifacts ## every test
	@if command -v $(or $(TERRAFORM),terraform) >/dev/null 2>&1; then \
	  echo "make test: all suites passed"; \
	else \
	  echo "make test: all suites passed EXCEPT test-infra, skipped: terraform is not installed"; \
	fi

test-rust: ## unit, router, Lambda-event and black-box tests (the black-box suite starts its own server)
	MOTO_PYTHON=$(VENV)/bin/python3 cargo test --workspace --all-targets

test-e2e: ## the black-box suite against API_URL (any deployment), or a local server when unset
	API_URL=$(API_URL) cargo test -p e2e --test api

test-watch: tools-cargo-lambda ## the same requests through `cargo lambda watch` and the local server get the same answers
	$(WITH_TOOLS) tests/watch/parity.sh

lint: tools-machete tools-venv ## formatting, clippy (warnings are errors), unused dependencies, the CI workflow, docs/scale.md's tables
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	"$(CARGO_TOOLS)/bin/cargo-machete"
	"$(VENV)/bin/actionlint" -shellcheck "$(VENV)/bin/shellcheck" .github/workflows/*.yml
	python3 docs/scale.py --check docs/scale.md

bench: ## criterion benchmarks (compare, recommend, search, description reading, catalog growth) and what a cold load reads from DynamoDB
	cargo bench -p model
	cargo run --quiet -p dynamo --example read_cost

bench-compare: ## GET /compare against the shared harness's ceiling (../shared/bench), one ratio
	bench/compare-ceiling.sh

include shared/dynamo/dynamo.mk
include infra/infra.mk
include tests/tests.mk
include functions/web/web.mk
