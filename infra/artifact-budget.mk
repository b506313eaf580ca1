# The most bytes one function's bootstrap.zip may have: `make test-artifacts` fails above it,
# so a dependency that doubles an artefact is caught in review. Lower it when the zips shrink.
# The largest arm64 zip was 3,136,179 bytes (web; 2.99 MiB) when this was set: rustls on ring,
# no regex engine, every dependency off the request path at "s". The goal is 3 MiB.
# Issue 27 raised it from 3,300,000: the catalog grew from 26 to 61 frameworks, and the web
# zip, which embeds the dataset, went from 3,296,070 (as last recorded) to 3,328,891 bytes (measured with
# `make build FUNCTIONS=web`, arm64); the new budget is that plus about 21 KB of margin.
ARTIFACT_ZIP_BUDGET ?= 3350000
