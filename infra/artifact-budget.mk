# The most bytes one function's bootstrap.zip may have: `make test-artifacts` fails above it,
# so a dependency that doubles an artefact is caught in review. Lower it when the zips shrink.
# The largest arm64 zip was 3,136,179 bytes (web; 2.99 MiB) when this was set: rustls on ring,
# no regex engine, every dependency off the request path at "s". The goal is 3 MiB.
# Raised from 3,300,000 for the evidence behind ratings (issue 27: its types and reader, the
# framework page's evidence, data/evidence.json and the larger OpenAPI document): web measured
# 3,331,982 bytes, 35,912 more than the 3,296,070 before it; the rest is a margin of 18,018.
ARTIFACT_ZIP_BUDGET ?= 3350000
