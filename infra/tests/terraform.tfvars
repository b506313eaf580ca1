# Read by `terraform test` for every test file (a test directory's terraform.tfvars), never by a
# plan or apply in infra/: the committed fixture zips stand in for what `make build` writes.
artifacts_dir = "tests/fixtures/arm64"
