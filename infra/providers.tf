locals {
  # Set only for the deploy rehearsal against a local emulator (moto).
  local_endpoint = var.aws_endpoint_url != null
  default_tags   = merge({ Project = "stack-advisor", ManagedBy = "terraform" }, var.tags)
}

provider "aws" {
  region = var.aws_region

  skip_credentials_validation = local.local_endpoint
  skip_requesting_account_id  = local.local_endpoint
  skip_metadata_api_check     = local.local_endpoint
  s3_use_path_style           = local.local_endpoint

  dynamic "endpoints" {
    for_each = local.local_endpoint ? [var.aws_endpoint_url] : []
    content {
      apigatewayv2 = endpoints.value
      cloudwatch   = endpoints.value
      dynamodb     = endpoints.value
      iam          = endpoints.value
      lambda       = endpoints.value
      logs         = endpoints.value
      scheduler    = endpoints.value
      sns          = endpoints.value
      sqs          = endpoints.value
      sts          = endpoints.value
    }
  }

  default_tags {
    tags = local.default_tags
  }
}

# CloudFront is global, and the delivery of its access logs is configured in us-east-1. The
# rehearsal deploys no distribution, yet the provider is configured, so it too must not call
# real AWS there.
provider "aws" {
  alias                       = "us_east_1"
  region                      = "us-east-1"
  skip_credentials_validation = local.local_endpoint
  skip_requesting_account_id  = local.local_endpoint
  skip_metadata_api_check     = local.local_endpoint

  endpoints {
    cloudfront = var.aws_endpoint_url
    logs       = var.aws_endpoint_url
    sts        = var.aws_endpoint_url
  }

  default_tags {
    tags = local.default_tags
  }
}
