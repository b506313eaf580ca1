# Realistic computed values, so the provider's ARN and id validations pass under mocks.
mock_data "aws_region" {
  defaults = {
    name = "eu-west-1"
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    arn       = "arn:aws:iam::123456789012:role/stack-advisor-function"
    unique_id = "AROAEXAMPLEEXAMPLE123"
  }
}

mock_resource "aws_cloudwatch_log_group" {
  defaults = {
    arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/stack-advisor-function"
  }
}

mock_resource "aws_lambda_function" {
  defaults = {
    arn           = "arn:aws:lambda:eu-west-1:123456789012:function:stack-advisor-function"
    qualified_arn = "arn:aws:lambda:eu-west-1:123456789012:function:stack-advisor-function:$LATEST"
    invoke_arn    = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:stack-advisor-function/invocations"
    version       = "$LATEST"
  }
}

mock_resource "aws_dynamodb_table" {
  defaults = {
    arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-table"
  }
}

mock_resource "aws_apigatewayv2_api" {
  defaults = {
    id            = "a1b2c3d4e5"
    arn           = "arn:aws:apigateway:eu-west-1::/apis/a1b2c3d4e5"
    execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5"
    api_endpoint  = "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
  }
}

mock_resource "aws_apigatewayv2_stage" {
  defaults = {
    arn           = "arn:aws:apigateway:eu-west-1::/apis/a1b2c3d4e5/stages/$default"
    execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/$default"
    invoke_url    = "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/"
  }
}

mock_resource "aws_cloudwatch_metric_alarm" {
  defaults = {
    arn = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:stack-advisor-alarm"
  }
}

mock_resource "aws_sqs_queue" {
  defaults = {
    arn = "arn:aws:sqs:eu-west-1:123456789012:stack-advisor-refresh-dlq"
    url = "https://sqs.eu-west-1.amazonaws.com/123456789012/stack-advisor-refresh-dlq"
  }
}

mock_resource "aws_scheduler_schedule" {
  defaults = {
    arn = "arn:aws:scheduler:eu-west-1:123456789012:schedule/default/stack-advisor-refresh"
  }
}

mock_resource "aws_cloudfront_distribution" {
  defaults = {
    id          = "E2EXAMPLE0CDN"
    arn         = "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE0CDN"
    domain_name = "d111111abcdef8.cloudfront.net"
  }
}

mock_resource "aws_cloudwatch_log_delivery_destination" {
  defaults = {
    arn = "arn:aws:logs:us-east-1:123456789012:delivery-destination:stack-advisor-cdn"
  }
}

# Distinct ARNs and ids per table, function and integration, so that the tests can tell which
# function a route reaches, which table a policy names and which function the schedule invokes.
# Here, not in each test file, so that every test file mocks the same stack.
override_resource {
  target = aws_dynamodb_table.frameworks
  values = { arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks" }
}

override_resource {
  target = aws_dynamodb_table.faq
  values = { arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-faq" }
}

override_resource {
  target = aws_dynamodb_table.facts
  values = { arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-facts" }
}

override_resource {
  target = module.function["catalog"].aws_lambda_function.this
  values = { invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:stack-advisor-catalog/invocations" }
}

override_resource {
  target = module.function["compare"].aws_lambda_function.this
  values = { invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:stack-advisor-compare/invocations" }
}

override_resource {
  target = module.function["recommend"].aws_lambda_function.this
  values = { invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:stack-advisor-recommend/invocations" }
}

override_resource {
  target = module.function["faq"].aws_lambda_function.this
  values = { invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:stack-advisor-faq/invocations" }
}

override_resource {
  target = module.function["web"].aws_lambda_function.this
  values = { invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:stack-advisor-web/invocations" }
}

override_resource {
  target = aws_apigatewayv2_integration.this["catalog"]
  values = { id = "int0cat" }
}

override_resource {
  target = aws_apigatewayv2_integration.this["compare"]
  values = { id = "int0cmp" }
}

override_resource {
  target = aws_apigatewayv2_integration.this["recommend"]
  values = { id = "int0rec" }
}

override_resource {
  target = aws_apigatewayv2_integration.this["faq"]
  values = { id = "int0faq" }
}

override_resource {
  target = aws_apigatewayv2_integration.this["web"]
  values = { id = "int0web" }
}

override_resource {
  target = module.refresh.aws_lambda_function.this
  values = { arn = "arn:aws:lambda:eu-west-1:123456789012:function:stack-advisor-refresh" }
}
