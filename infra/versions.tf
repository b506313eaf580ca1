terraform {
  required_version = ">= 1.7"

  # State stays in infra/terraform.tfstate unless `init -backend-config=path=...` says otherwise
  # (the rehearsal keeps its own). Swap in an "s3" backend to share state between deployers.
  backend "local" {}

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
