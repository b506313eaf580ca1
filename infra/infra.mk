# Build, test and deploy targets for the infrastructure. Included by the root Makefile and
# run from the repository root; also usable alone: make -f infra/infra.mk test-infra

ARCH             ?= arm64
AWS_REGION       ?= eu-west-1
INFRA_DIR        ?= infra
LAMBDA_DIR       ?= $(or $(CARGO_TARGET),target)/lambda/$(ARCH)
FUNCTIONS        ?= $(patsubst functions/%/Cargo.toml,%,$(wildcard functions/*/Cargo.toml))
TERRAFORM        ?= terraform
# An offline provider mirror (a directory holding registry.terraform.io/...), for machines
# without registry access; unset, providers come from the registry.
TF_PLUGIN_MIRROR ?=
# checkov has a venv of its own beside $(VENV): its pins would downgrade the boto3 moto needs.
CHECKOV_VENV     ?= $(or $(TOOLS_DIR),$(HOME)/.cache/stack-advisor)/checkov
AUTO_APPROVE     ?=
FORCE            ?=
LOG_DIR          ?= $(or $(TMPDIR),/tmp)/stack-advisor
WITH_TOOLS       ?=
# Where `make test-artifacts` records the checksums of the zips it passed; `make deploy` checks it.
ARTIFACT_STAMP   ?= $(LAMBDA_DIR)/test-artifacts.sha256
QEMU_AARCH64     ?= qemu-aarch64-static
QEMU_SYSROOT     ?= /usr/aarch64-linux-gnu
include $(INFRA_DIR)/artifact-budget.mk

INFRA_TF_RC   := $(abspath $(INFRA_DIR))/.terraformrc
INFRA_MAKE     = $(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST))
TF             = TF_CLI_CONFIG_FILE=$(INFRA_TF_RC) TF_IN_AUTOMATION=1 $(TERRAFORM) -chdir=$(INFRA_DIR)
TF_VARS        = -var 'architecture=$(ARCH)' -var 'artifacts_dir=$(abspath $(LAMBDA_DIR))' -var 'aws_region=$(AWS_REGION)'
TF_APPROVE     = $(if $(filter 1 yes true,$(AUTO_APPROVE)),-input=false -auto-approve)
JSON_FIELD     = python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])'
RUST_TARGET    = $(if $(filter arm64,$(ARCH)),aarch64-unknown-linux-gnu,x86_64-unknown-linux-gnu)
CARGO_LAMBDA_ARCH_FLAG = $(if $(filter arm64,$(ARCH)),--arm64,$(if $(filter x86_64,$(ARCH)),--x86-64,$(error ARCH must be arm64 or x86_64, not '$(ARCH)')))

.PHONY: build test-artifacts verify-artifacts tools-qemu test-infra plan deploy destroy \
        infra-tf-config infra-init infra-fmt infra-validate infra-unit infra-rehearsal infra-checkov

build: tools-cargo-lambda ## cross-compile every function to $(LAMBDA_DIR)/<name>/bootstrap.zip (ARCH=arm64|x86_64)
	@rustup target list --installed 2>/dev/null | grep -qx $(RUST_TARGET) || rustup target add $(RUST_TARGET)
	$(WITH_TOOLS) cargo lambda build --release --output-format zip $(CARGO_LAMBDA_ARCH_FLAG) --lambda-dir $(LAMBDA_DIR) $(addprefix --package ,$(FUNCTIONS))

test-artifacts: build tools-qemu tools-moto ## start each zip make deploy would ship (QEMU for arm64), answer its event fixtures on both stores, sizes vs budget
	python3 tests/artifacts/check_artifacts.py --arch $(ARCH) --lambda-dir $(LAMBDA_DIR) \
	  --budget $(ARTIFACT_ZIP_BUDGET) --stamp $(ARTIFACT_STAMP) --log-dir $(LOG_DIR) \
	  --qemu $(QEMU_AARCH64) --qemu-sysroot $(QEMU_SYSROOT) \
	  --seed 'cargo run --quiet -p dynamo --bin seed -- --create-tables' $(FUNCTIONS)

# Running arm64 binaries here takes QEMU's user-mode emulator and the aarch64 C library.
tools-qemu:
	@if [ "$(ARCH)" = arm64 ] && [ "$$(uname -m)" != aarch64 ] && \
	    ! { command -v $(QEMU_AARCH64) >/dev/null 2>&1 && [ -e $(QEMU_SYSROOT)/lib/ld-linux-aarch64.so.1 ]; }; then \
	  if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
	    echo "tools-qemu: running the arm64 bootstraps needs $(QEMU_AARCH64) and an aarch64 C library in"; \
	    echo "$(QEMU_SYSROOT), and they cannot be installed here (needs root and apt-get). Install qemu-user-static and"; \
	    echo "libc6-arm64-cross (or your system's qemu-aarch64 and an aarch64 glibc: QEMU_AARCH64=, QEMU_SYSROOT=),"; \
	    echo "or test x86_64 zips natively with ARCH=x86_64."; \
	    exit 1; \
	  fi; \
	  echo "Installing Debian's qemu-user-static and libc6-arm64-cross to run the arm64 bootstraps"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-user-static libc6-arm64-cross; } \
	    || { echo "tools-qemu: apt-get could not install qemu-user-static and libc6-arm64-cross"; exit 1; }; \
	fi

# Deploy only what test-artifacts passed: the stamp names every function's zip and its checksum.
verify-artifacts:
	@if [ -n "$(filter 1 yes true,$(FORCE))" ]; then \
	  echo "FORCE=$(FORCE): deploying zips without checking that make test-artifacts passed on them"; exit 0; \
	fi; \
	refuse() { echo "make deploy: $$1. Run 'make test-artifacts ARCH=$(ARCH)' first, or FORCE=1 to deploy anyway." >&2; exit 1; }; \
	[ -f $(ARTIFACT_STAMP) ] || refuse "no passing test-artifacts run for $(LAMBDA_DIR) ($(ARTIFACT_STAMP) is missing)"; \
	for function in $(FUNCTIONS); do \
	  grep -q "  $(LAMBDA_DIR)/$$function/bootstrap.zip$$" $(ARTIFACT_STAMP) || refuse "test-artifacts did not run $$function"; \
	done; \
	sha256sum --check --quiet $(ARTIFACT_STAMP) >/dev/null 2>&1 || refuse "the zips changed since test-artifacts passed on them"; \
	echo "deploying the zips test-artifacts passed ($(ARTIFACT_STAMP))"

test-infra: ## terraform fmt/validate, terraform test (mocked AWS), deploy rehearsal on moto, checkov
	@if ! command -v $(TERRAFORM) >/dev/null 2>&1; then \
	  echo "SKIP test-infra: terraform is not installed (needs Terraform >= 1.7)"; \
	else \
	  $(INFRA_MAKE) infra-fmt infra-validate infra-unit infra-rehearsal infra-checkov; \
	fi

# Terraform reads its CLI configuration from $(INFRA_TF_RC): the offline provider mirror when
# this machine has one, the public registry otherwise.
infra-tf-config:
	@if [ -n "$(TF_PLUGIN_MIRROR)" ] && [ -d "$(TF_PLUGIN_MIRROR)/registry.terraform.io" ]; then \
	  printf '%s\n' \
	    'provider_installation {' \
	    '  filesystem_mirror {' \
	    '    path    = "$(TF_PLUGIN_MIRROR)"' \
	    '    include = ["registry.terraform.io/hashicorp/*"]' \
	    '  }' \
	    '  direct {' \
	    '    exclude = ["registry.terraform.io/hashicorp/*"]' \
	    '  }' \
	    '}' > $(INFRA_TF_RC); \
	else \
	  printf '# No provider mirror on this machine: providers come from the registry.\n' > $(INFRA_TF_RC); \
	fi

infra-init: infra-tf-config
	$(TF) init -input=false -backend=false

infra-fmt: infra-tf-config
	$(TF) fmt -check -recursive -diff

infra-validate: infra-init
	$(TF) validate

infra-unit: infra-init
	$(TF) test

infra-rehearsal: infra-init tools-moto
	$(WITH_TOOLS) TF_CLI_CONFIG_FILE=$(INFRA_TF_RC) TERRAFORM=$(TERRAFORM) ARCH=$(ARCH) MAKE_CMD='$(INFRA_MAKE)' \
	  bash $(INFRA_DIR)/scripts/rehearse.sh

infra-checkov:
	$(call python-venv,$(CHECKOV_VENV),tools/checkov-requirements.txt)
	"$(CHECKOV_VENV)/bin/checkov" -d $(INFRA_DIR) --framework terraform --skip-download --quiet --compact

plan: infra-tf-config ## show what deploy would change in the account of the current AWS credentials
	$(TF) init -input=false
	$(TF) plan $(TF_VARS)

deploy: build infra-tf-config ## build, refuse zips test-artifacts did not pass (FORCE=1 overrides), apply, seed, read-only e2e, print the URL (AUTO_APPROVE=1)
	$(INFRA_MAKE) verify-artifacts
	$(TF) init -input=false
	$(TF) apply $(TF_APPROVE) $(TF_VARS)
	$(INFRA_MAKE) seed AWS_REGION=$(AWS_REGION) \
	  FRAMEWORKS_TABLE=$$($(TF) output -json table_names | $(JSON_FIELD) frameworks) \
	  FAQ_TABLE=$$($(TF) output -json table_names | $(JSON_FIELD) faq)
	$(INFRA_MAKE) test-e2e API_URL=$$($(TF) output -raw api_url) E2E_READ_ONLY=1
	@echo "Stack Advisor is live at $$($(TF) output -raw public_url) (signed admin writes: $$($(TF) output -raw api_url))"

destroy: infra-tf-config ## lift the tables' deletion protection, then destroy everything deploy created
	$(TF) init -input=false
	@if $(TF) state list 2>/dev/null | grep -q '^aws_dynamodb_table\.'; then \
	  echo "Lifting deletion protection of the DynamoDB tables"; \
	  $(TF) apply $(TF_APPROVE) $(TF_VARS) -var deletion_protection=false \
	    -target=aws_dynamodb_table.frameworks -target=aws_dynamodb_table.faq; \
	fi
	$(TF) destroy $(TF_APPROVE) $(TF_VARS) -var deletion_protection=false
