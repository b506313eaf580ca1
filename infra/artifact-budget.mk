# The most bytes one function's bootstrap.zip may have: `make test-artifacts` fails above it,
# so a dependency that doubles an artefact is caught in review. Lower it when the zips shrink.
# The largest arm64 zip was 3,136,179 bytes (web; 2.99 MiB) when this was set: rustls on ring,
# no regex engine, every dependency off the request path at "s". The goal is 3 MiB.
# Issue 27 raised it from 3,300,000: the catalog grew from 26 to 61 frameworks (web embeds the
# dataset) and ratings gained their evidence (its types and reader, the framework page's
# # evidence, data/evidence.json, a larger OpenAPI document). Each, measured on its own: web
# 3,296,070 → 3,328,891 bytes (the catalog) and → 3,331,982 (the evidence); both together,
# about 3.37 MB; the budget leaves about 30 KB above that.
ARTIFACT_ZIP_BUDGET ?= 3400000
