# The most bytes one function's bootstrap.zip may have: `make test-artifacts` fails above it,
# so a dependency that doubles an artefact is caught in review. Lower it when the zips shrink.
# The largest arm64 zip was 3,136,179 bytes (web; 2.99 MiB) when this was set: rustls on ring,
# no regex engine, every dependency off the request path at "s". The goal is 3 MiB.
# Issue 27 raised it from 3,300,000: the catalog grew from 26 to 61 frameworks (web embeds the
# dataset) and ratings gained their evidence (its types and reader, the framework page's
# evidence, data/evidence.json, a larger OpenAPI document). MEASURED_BELOW
ARTIFACT_ZIP_BUDGET ?= 3350000
