# Build, test and deploy targets for the infrastructure. Included by the root Makefile and
# run from the repository root; also usable alone: make -f infra/infra.mk test-infra

ARCH             ?= arm64
AWS_REGION       ?= eu-west-1
INFRA_DIR        ?= infra
LAMBDA_DIR       ?= target/lambda/$(ARCH)
FUNCTIONS        ?= $(patsubst functions/%/Cargo.toml,%,$(wildcard functions/*/Cargo.toml))
TERRAFORM        ?= terraform
TF_PLUGIN_MIRROR ?= /opt/tf-plugins
CHECKOV_VENV     ?= $(HOME)/.cache/stack-advisor/checkov
AUTO_APPROVE     ?=

INFRA_TF_RC   := $(abspath $(INFRA_DIR))/.terraformrc
INFRA_MAKE     = $(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST))
TF             = TF_CLI_CONFIG_FILE=$(INFRA_TF_RC) TF_IN_AUTOMATION=1 $(TERRAFORM) -chdir=$(INFRA_DIR)
TF_VARS        = -var 'architecture=$(ARCH)' -var 'artifacts_dir=$(abspath $(LAMBDA_DIR))' -var 'aws_region=$(AWS_REGION)'
TF_APPROVE     = $(if $(filter 1 yes true,$(AUTO_APPROVE)),-input=false -auto-approve)
JSON_FIELD     = python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])'
CARGO_LAMBDA_ARCH_FLAG = $(if $(filter arm64,$(ARCH)),--arm64,$(if $(filter x86_64,$(ARCH)),--x86-64,$(error ARCH must be arm64 or x86_64, not '$(ARCH)')))

.PHONY: build test-infra plan deploy destroy \
        infra-tf-config infra-init infra-fmt infra-validate infra-unit infra-rehearsal infra-checkov

build: ## cross-compile every function to target/lambda/$(ARCH)/<name>/bootstrap.zip (ARCH=arm64|x86_64)
	@cargo lambda --version >/dev/null 2>&1 || pip install cargo-lambda
	cargo lambda build --release --output-format zip $(CARGO_LAMBDA_ARCH_FLAG) --lambda-dir $(LAMBDA_DIR) $(addprefix --package ,$(FUNCTIONS))

test-infra: ## terraform fmt/validate, terraform test (mocked AWS), deploy rehearsal on moto, checkov
	@if ! command -v $(TERRAFORM) >/dev/null 2>&1; then \
	  echo "SKIP test-infra: terraform is not installed (needs Terraform >= 1.7)"; \
	else \
	  $(INFRA_MAKE) infra-fmt infra-validate infra-unit infra-rehearsal infra-checkov; \
	fi

# Terraform reads its CLI configuration from $(INFRA_TF_RC): the offline provider mirror when
# this machine has one, the public registry otherwise.
infra-tf-config:
	@if [ -d "$(TF_PLUGIN_MIRROR)/registry.terraform.io" ]; then \
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

infra-rehearsal: infra-init
	@python3 -c 'import moto.server' 2>/dev/null || pip install --quiet 'moto[server]'
	TF_CLI_CONFIG_FILE=$(INFRA_TF_RC) TERRAFORM=$(TERRAFORM) ARCH=$(ARCH) MAKE_CMD='$(INFRA_MAKE)' \
	  bash $(INFRA_DIR)/scripts/rehearse.sh

infra-checkov:
	@if ! command -v checkov >/dev/null 2>&1 && [ ! -x "$(CHECKOV_VENV)/bin/checkov" ]; then \
	  echo "Installing checkov into $(CHECKOV_VENV) (its pins would downgrade a shared boto3)"; \
	  python3 -m venv "$(CHECKOV_VENV)" && "$(CHECKOV_VENV)/bin/pip" install --quiet checkov; \
	fi
	PATH="$(CHECKOV_VENV)/bin:$$PATH" checkov -d $(INFRA_DIR) --framework terraform --skip-download --quiet --compact

plan: infra-tf-config ## show what deploy would change in the account of the current AWS credentials
	$(TF) init -input=false
	$(TF) plan $(TF_VARS)

deploy: build infra-tf-config ## build, apply, seed, read-only e2e against the API, print its URL (AUTO_APPROVE=1)
	$(TF) init -input=false
	$(TF) apply $(TF_APPROVE) $(TF_VARS)
	$(INFRA_MAKE) seed AWS_REGION=$(AWS_REGION) \
	  FRAMEWORKS_TABLE=$$($(TF) output -json table_names | $(JSON_FIELD) frameworks) \
	  FAQ_TABLE=$$($(TF) output -json table_names | $(JSON_FIELD) faq)
	$(INFRA_MAKE) test-e2e API_URL=$$($(TF) output -raw api_url) E2E_READ_ONLY=1
	@echo "Stack Advisor is live at $$($(TF) output -raw api_url)"

destroy: infra-tf-config ## lift the tables' deletion protection, then destroy everything deploy created
	$(TF) init -input=false
	@if $(TF) state list 2>/dev/null | grep -q '^aws_dynamodb_table\.'; then \
	  echo "Lifting deletion protection of the DynamoDB tables"; \
	  $(TF) apply $(TF_APPROVE) $(TF_VARS) -var deletion_protection=false \
	    -target=aws_dynamodb_table.frameworks -target=aws_dynamodb_table.faq; \
	fi
	$(TF) destroy $(TF_APPROVE) $(TF_VARS) -var deletion_protection=false
