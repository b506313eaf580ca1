locals {
  # Set only for the deploy rehearsal against a local emulator (moto).
  local_endpoint = var.aws_endpoint_url != null
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
    tags = merge({ Project = "stack-advisor", ManagedBy = "terraform" }, var.tags)
  }
}
