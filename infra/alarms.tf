locals {
  alarm_actions = var.alarm_topic_arn == null ? [] : [var.alarm_topic_arn]

  function_alarms = merge([
    for name, fn in module.function : {
      "${name}-errors"    = { function_name = fn.lambda.function_name, metric = "Errors" }
      "${name}-throttles" = { function_name = fn.lambda.function_name, metric = "Throttles" }
    }
  ]...)
}

resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  alarm_name          = "${var.name_prefix}-api-5xx-rate"
  alarm_description   = "More than ${var.api_5xx_alarm_threshold_percent}% of API requests answered 5xx over 5 minutes."
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.api_5xx_alarm_threshold_percent
  evaluation_periods  = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "rate"
    expression  = "IF(requests > 0, 100 * errors / requests, 0)"
    label       = "5xx rate (%)"
    return_data = true
  }

  # The two API Gateway counts the rate divides, keyed by the ids the expression names.
  dynamic "metric_query" {
    for_each = { errors = "5xx", requests = "Count" }
    content {
      id = metric_query.key
      metric {
        namespace   = "AWS/ApiGateway"
        metric_name = metric_query.value
        period      = 300
        stat        = "Sum"
        dimensions = {
          ApiId = aws_apigatewayv2_api.this.id
          Stage = aws_apigatewayv2_stage.default.name
        }
      }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "function" {
  for_each = local.function_alarms

  alarm_name          = "${each.value.function_name}-${lower(each.value.metric)}"
  alarm_description   = "${each.value.function_name} reported ${each.value.metric} in the last 5 minutes."
  namespace           = "AWS/Lambda"
  metric_name         = each.value.metric
  dimensions          = { FunctionName = each.value.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}
