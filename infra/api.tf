locals {
  routes_by_key = { for route in local.routes : "${route.method} ${route.path}" => route }

  authorization_types = {
    none = "NONE"
    iam  = "AWS_IAM"
  }
}

resource "aws_apigatewayv2_api" "this" {
  name          = "${var.name_prefix}-http"
  description   = "Stack Advisor HTTP API."
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins  = var.cors_allow_origins
    allow_methods  = ["GET", "POST", "PUT", "DELETE", "OPTIONS"]
    allow_headers  = ["content-type", "if-match", "if-none-match", "authorization", "x-amz-date", "x-amz-security-token"]
    expose_headers = ["etag"]
    max_age        = 3600
  }
}

resource "aws_apigatewayv2_integration" "this" {
  for_each = module.function

  api_id                 = aws_apigatewayv2_api.this.id
  description            = "Lambda proxy to ${each.value.lambda.function_name}."
  integration_type       = "AWS_PROXY"
  integration_method     = "POST"
  integration_uri        = each.value.lambda.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "this" {
  #checkov:skip=CKV_AWS_309:The read routes are a public, read-only API by design (api.md); the admin write routes use AWS_IAM.
  for_each = local.routes_by_key

  api_id             = aws_apigatewayv2_api.this.id
  route_key          = each.key
  target             = "integrations/${aws_apigatewayv2_integration.this[each.value.function].id}"
  authorization_type = local.authorization_types[each.value.auth]
}

resource "aws_cloudwatch_log_group" "api_access" {
  #checkov:skip=CKV_AWS_158:Access logs hold no secrets; the CloudWatch Logs service key is enough and a customer managed KMS key adds cost and key policy upkeep.
  #checkov:skip=CKV_AWS_338:Retention is a variable (default 14 days) chosen for cost; one year of access logs is not needed for this service.
  name              = "/aws/apigateway/${var.name_prefix}-http"
  retention_in_days = var.log_retention_days
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      ip                 = "$context.identity.sourceIp"
      userAgent          = "$context.identity.userAgent"
      caller             = "$context.identity.caller"
      httpMethod         = "$context.httpMethod"
      routeKey           = "$context.routeKey"
      path               = "$context.path"
      status             = "$context.status"
      protocol           = "$context.protocol"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integrationStatus"
      integrationError   = "$context.integrationErrorMessage"
      errorMessage       = "$context.error.message"
    })
  }

  default_route_settings {
    throttling_rate_limit    = var.api_throttling_rate_limit
    throttling_burst_limit   = var.api_throttling_burst_limit
    detailed_metrics_enabled = true
  }
}
