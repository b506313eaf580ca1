resource "aws_iam_role" "this" {
  name        = var.function_name
  description = "Execution role of the ${var.function_name} Lambda function."

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "this" {
  name = "least-privilege"
  role = aws_iam_role.this.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat([
      for table, access in var.dynamodb_access : {
        Sid      = "DynamoDB${title(table)}"
        Effect   = "Allow"
        Action   = access.actions
        Resource = access.resources
      }
      ], [
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.this.arn}:*"
      },
      ], var.dead_letter_queue_arn == null ? [] : [
      {
        Sid      = "DeadLetters"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = [var.dead_letter_queue_arn]
      },
      ], [
      {
        Sid      = "XRay"
        Effect   = "Allow"
        Action   = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"]
        Resource = "*"
      },
    ])
  })
}

resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_158:Logs hold no secrets; the CloudWatch Logs service key is enough and a customer managed KMS key adds cost and key policy upkeep.
  #checkov:skip=CKV_AWS_338:Retention is a variable (default 14 days) chosen for cost; one year of debug logs is not needed for this service.
  name              = "/aws/lambda/${var.function_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "this" {
  #checkov:skip=CKV_AWS_116:API functions are invoked synchronously by API Gateway, where a DLQ does not apply; a scheduled function passes dead_letter_queue_arn.
  #checkov:skip=CKV_AWS_117:Talks only to DynamoDB, CloudWatch and X-Ray over AWS endpoints; a VPC would add NAT or endpoint cost and cold-start latency for no gain.
  #checkov:skip=CKV_AWS_173:The environment holds only table names and tuning knobs, no secrets; the Lambda service key is enough.
  #checkov:skip=CKV_AWS_272:Artifacts are built and deployed by the same pipeline (make deploy); no code signing profile is set up.
  function_name                  = var.function_name
  description                    = var.description
  role                           = aws_iam_role.this.arn
  filename                       = var.artifact_path
  source_code_hash               = fileexists(var.artifact_path) ? filebase64sha256(var.artifact_path) : null
  runtime                        = "provided.al2023"
  handler                        = "bootstrap"
  architectures                  = [var.architecture]
  memory_size                    = var.memory_size
  timeout                        = var.timeout
  reserved_concurrent_executions = var.reserved_concurrency

  environment {
    variables = var.environment
  }

  logging_config {
    log_format = "JSON"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  tracing_config {
    mode = "Active"
  }

  dynamic "dead_letter_config" {
    for_each = var.dead_letter_queue_arn == null ? [] : [var.dead_letter_queue_arn]
    content {
      target_arn = dead_letter_config.value
    }
  }

  depends_on = [aws_iam_role_policy.this]

  lifecycle {
    precondition {
      condition     = fileexists(var.artifact_path)
      error_message = "No artifact at ${var.artifact_path}: build it first (make build ARCH=${var.architecture})."
    }
  }
}

resource "aws_lambda_permission" "api" {
  count = var.routed_by_api ? 1 : 0

  statement_id  = "AllowApiGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${var.api_execution_arn}/*/*"
}

moved {
  from = aws_lambda_permission.api
  to   = aws_lambda_permission.api[0]
}
