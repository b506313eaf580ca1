# DynamoDB targets: seeding the tables, and the local server on a local DynamoDB (moto).
# Included by the root Makefile and run from the repository root.

DYNAMO_PORT      ?= 8000
TABLE_PREFIX     ?= stack-advisor
FRAMEWORKS_TABLE ?= $(TABLE_PREFIX)-frameworks
FAQ_TABLE        ?= $(TABLE_PREFIX)-faq
SEED_FLAGS       ?=
MOTO             := $(VENV)/bin/python3 shared/dynamo/scripts/moto_serial.py
# Dummy credentials for a local server; a real account's come from the caller's environment.
LOCAL_AWS        := AWS_ENDPOINT_URL=http://127.0.0.1:$(DYNAMO_PORT) AWS_ACCESS_KEY_ID=test \
                    AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1

.PHONY: seed run-dynamodb tools-moto

# A debug build is plenty for a few dozen conditional puts, and it is the one `make test` already has.
seed: ## load the dataset into FRAMEWORKS_TABLE and FAQ_TABLE, idempotently (SEED_FLAGS=--create-tables for a local server)
	FRAMEWORKS_TABLE=$(FRAMEWORKS_TABLE) FAQ_TABLE=$(FAQ_TABLE) $(if $(AWS_REGION),AWS_REGION=$(AWS_REGION)) \
	  cargo run --quiet -p dynamo --bin seed -- $(SEED_FLAGS)

# moto comes from the project venv (tools/requirements.txt).
tools-moto: tools-venv

run-dynamodb: tools-moto ## make run on DynamoDB: moto on 127.0.0.1:$(DYNAMO_PORT), tables created and seeded, local writes allowed
	@mkdir -p $(LOG_DIR)
	@$(MOTO) 127.0.0.1 $(DYNAMO_PORT) >$(LOG_DIR)/moto.log 2>&1 & moto=$$!; \
	  trap 'kill $$moto 2>/dev/null' EXIT; \
	  for _ in $$(seq 100); do (echo >/dev/tcp/127.0.0.1/$(DYNAMO_PORT)) 2>/dev/null && break; sleep 0.1; done; \
	  echo "DynamoDB (moto) on http://127.0.0.1:$(DYNAMO_PORT), log in $(LOG_DIR)/moto.log"; \
	  $(LOCAL_AWS) $(MAKE) --no-print-directory seed SEED_FLAGS=--create-tables; \
	  $(LOCAL_AWS) FRAMEWORKS_TABLE=$(FRAMEWORKS_TABLE) FAQ_TABLE=$(FAQ_TABLE) ALLOW_LOCAL_WRITES=true \
	    PORT=$(PORT) cargo run --release -p local-server

# The DynamoDB tests start moto themselves (MOTO_PYTHON, the venv's python); make sure it is there first.
test-rust: tools-moto
