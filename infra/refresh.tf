# The refresh function: run daily by EventBridge Scheduler (not routed by the API), it reads
# each framework's package registry and writes the facts table. In a file of its own: its
# schedule, dead-letter queue, table and alarms belong to it alone.

variable "refresh_schedule" {
  description = "When the refresh runs: an EventBridge Scheduler expression, in UTC."
  type        = string
  default     = "cron(15 3 * * ? *)"

  validation {
    condition     = can(regex("^(cron|rate)\\(.+\\)$", var.refresh_schedule))
    error_message = "refresh_schedule must be a cron(...) or rate(...) expression."
  }
}

variable "refresh_timeout" {
  description = "Timeout of the refresh function in seconds: the whole catalog takes seconds, registries across the internet can be slow."
  type        = number
  default     = 120

  validation {
    condition     = var.refresh_timeout >= 30 && var.refresh_timeout <= 900
    error_message = "refresh_timeout must be 30 to 900 seconds."
  }
}

variable "facts_max_age_hours" {
  description = "Facts older than this raise the stale-facts alarm."
  type        = number
  default     = 48

  validation {
    condition     = var.facts_max_age_hours >= 24 && floor(var.facts_max_age_hours) == var.facts_max_age_hours
    error_message = "facts_max_age_hours must be a whole number of hours, at least 24 (the refresh runs daily)."
  }
}

locals {
  # Functions run by a schedule rather than routed by the API; main.tf leaves them out of the
  # routed functions map.
  scheduled_functions = toset(["refresh"])
  refresh_name        = "${var.name_prefix}-refresh"
  # The namespace the refresh's embedded metrics go to (functions/refresh/src/metrics.rs).
  refresh_metrics_namespace = "StackAdvisor/Refresh"
  # An invocation that failed every retry lands in the dead-letter queue; alarms.tf raises
  # this with the functions' error and throttle alarms.
  refresh_count_alarms = {
    "refresh-dead-letters" = {
      alarm_name  = "${local.refresh_name}-dead-letters"
      description = "A refresh invocation failed every retry and landed in ${aws_sqs_queue.refresh_dlq.name}."
      namespace   = "AWS/SQS"
      metric      = "ApproximateNumberOfMessagesVisible"
      dimensions  = { QueueName = aws_sqs_queue.refresh_dlq.name }
      statistic   = "Maximum"
    }
  }
}

resource "aws_dynamodb_table" "facts" {
  #checkov:skip=CKV_AWS_119:Facts copied from public package registries; the AWS owned key is enough.
  #checkov:skip=CKV_AWS_28:Nothing to recover: the next refresh fetches every item again.
  name         = "${var.name_prefix}-facts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  # No deletion protection: every item is fetched again by the next refresh.

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = true
  }
}

resource "aws_sqs_queue" "refresh_dlq" {
  name                      = "${local.refresh_name}-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

# The facts table only (read whole, written per framework), and the dead-letter queue Lambda
# sends a failed asynchronous invocation to.
module "refresh" {
  source = "./modules/function"

  function_name         = local.refresh_name
  description           = "Daily refresh of each framework's facts from its package registry."
  artifact_path         = "${local.artifacts_dir}/refresh/bootstrap.zip"
  architecture          = var.architecture
  memory_size           = 256
  timeout               = var.refresh_timeout
  reserved_concurrency  = 1 # one refresh at a time: a retry must not race the run it retries
  log_retention_days    = var.log_retention_days
  dead_letter_queue_arn = aws_sqs_queue.refresh_dlq.arn
  routed_by_api         = false

  environment = {
    FACTS_TABLE = aws_dynamodb_table.facts.name
    RUST_LOG    = var.rust_log
  }

  dynamodb_access = {
    facts = { actions = ["dynamodb:PutItem", "dynamodb:Scan"], resources = [aws_dynamodb_table.facts.arn] }
  }
}

# Lambda's own retries of the asynchronous invocation the schedule makes; what still fails
# goes to the dead-letter queue.
resource "aws_lambda_function_event_invoke_config" "refresh" {
  function_name                = module.refresh.lambda.function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 3600
}

resource "aws_iam_role" "refresh_scheduler" {
  name        = "${local.refresh_name}-scheduler"
  description = "Lets EventBridge Scheduler invoke ${local.refresh_name} and dead-letter what it cannot deliver."

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "scheduler.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "refresh_scheduler" {
  name = "invoke-refresh"
  role = aws_iam_role.refresh_scheduler.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokeRefresh"
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = [module.refresh.lambda.arn]
      },
      {
        Sid      = "DeadLetters"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = [aws_sqs_queue.refresh_dlq.arn]
      },
    ]
  })
}

resource "aws_scheduler_schedule" "refresh" {
  #checkov:skip=CKV_AWS_297:The schedule's input is a constant with no data in it; the AWS owned key is enough.
  name                         = local.refresh_name
  description                  = "Refreshes the frameworks' facts from their package registries once a day."
  schedule_expression          = var.refresh_schedule
  schedule_expression_timezone = "UTC"

  # Registries do not care about the minute; a window spreads the load.
  flexible_time_window {
    mode                      = "FLEXIBLE"
    maximum_window_in_minutes = 30
  }

  target {
    arn      = module.refresh.lambda.arn
    role_arn = aws_iam_role.refresh_scheduler.arn
    input    = jsonencode({ source = "schedule" })

    retry_policy {
      maximum_retry_attempts       = 3
      maximum_event_age_in_seconds = 3600
    }

    dead_letter_config {
      arn = aws_sqs_queue.refresh_dlq.arn
    }
  }
}

# The refresh logs the age of the oldest facts it holds after each run (an EMF line).
# Two days without a run that brings them up to date, or two days with no run at all
# (missing data counts as breaching), is stale.
resource "aws_cloudwatch_metric_alarm" "facts_stale" {
  alarm_name          = "${var.name_prefix}-facts-stale"
  alarm_description   = "The oldest framework facts are more than ${var.facts_max_age_hours} hours old, or the refresh has not reported for two days."
  namespace           = local.refresh_metrics_namespace
  metric_name         = "OldestFactsAgeSeconds"
  statistic           = "Minimum"
  period              = 86400
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  threshold           = var.facts_max_age_hours * 3600
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

output "refresh_function_name" {
  description = "Lambda function name of the scheduled refresh."
  value       = module.refresh.lambda.function_name
}

output "facts_table_name" {
  description = "DynamoDB table of the frameworks' registry facts."
  value       = aws_dynamodb_table.facts.name
}
