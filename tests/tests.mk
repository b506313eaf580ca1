# The contract's attacks: generated (schemathesis), load (wrk) and fuzzing (cargo-fuzz).
# Included by the Makefile.

FUZZ_SECONDS ?= 60
DURATION     ?= 10s

.PHONY: test-contract test-clients load fuzz

test-contract: tools-venv ## schemathesis against the local server: every operation, every check, bounded; writes refused, then allowed (stateful)
	$(WITH_TOOLS) tests/contract/schemathesis.sh
	$(WITH_TOOLS) LOCAL_WRITES=allowed tests/contract/schemathesis.sh

test-clients: tools-venv tools-node ## clients generated from the served document (openapi-python-client; openapi-typescript + openapi-fetch) call every operation
	TOOLS_DIR=$(TOOLS_DIR) tests/clients/run.sh

load: ## wrk at concurrency 64 on the release local server: 0 errors, p50/p99, req/s, RSS before/after
	DURATION=$(DURATION) tests/load/run.sh

fuzz: ## cargo-fuzz over the request parsers and the whole router, FUZZ_SECONDS per target (nightly; not in CI)
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@cargo +nightly fuzz --help >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	@for target in parsers router; do \
	  mkdir -p fuzz/corpus/$$target; \
	  echo "fuzzing $$target for $(FUZZ_SECONDS)s"; \
	  cargo +nightly fuzz run -O $$target fuzz/corpus/$$target fuzz/seeds/$$target -- \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=1 || exit 1; \
	done
