# The web function's browser test and measurements. Included by the root Makefile.
#   make test-browser   the pages in headless Chromium (JS on and off), axe-core, screenshots
#   make lighthouse     Lighthouse scores of every page (docs/performance.md, "Pages in a browser")

TOOLS_DIR ?= $(HOME)/.cache/stack-advisor
NODE_DIR  := $(TOOLS_DIR)/node
AXE_CORE_JS := $(NODE_DIR)/node_modules/axe-core/axe.min.js

.PHONY: tools-browser tools-node test-browser lighthouse

tools-browser: ## Debian's chromium and chromium-driver for the browser test, installed with apt-get when missing
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	else \
	  echo "Installing chromium and chromium-driver (apt-get)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) \
	    || { echo "tools-browser: could not install Debian's chromium and chromium-driver with apt-get; the browser test (make test-browser) needs both" >&2; exit 1; }; \
	fi

tools-node: ## axe-core, Lighthouse, openapi-typescript, openapi-fetch and tsc, pinned in tools/package.json, into $(TOOLS_DIR)/node
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing nodejs and npm (apt-get)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm) \
	    || { echo "tools-node: could not install nodejs and npm with apt-get" >&2; exit 1; }; }
	@if ! cmp -s tools/package-lock.json $(NODE_DIR)/package-lock.json || [ ! -f $(AXE_CORE_JS) ]; then \
	  echo "Installing tools/package.json into $(NODE_DIR)"; \
	  mkdir -p $(NODE_DIR) && cp tools/package.json tools/package-lock.json $(NODE_DIR)/ \
	    && npm ci --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error; \
	fi

test-browser: tools-browser tools-node ## every page in headless Chromium, JS on and off, axe-core; screenshots into docs/screenshots
	AXE_CORE_JS=$(AXE_CORE_JS) cargo test -p e2e --test browser -- --ignored

lighthouse: tools-browser tools-node ## Lighthouse scores (mobile) of every page against the release local server
	NODE_DIR=$(NODE_DIR) tests/web/lighthouse.sh
