locals {
  alarm_actions = var.alarm_topic_arn == null ? [] : [var.alarm_topic_arn]

  # Alarms that fire on any count within five minutes: each function's errors and throttles
  # (the scheduled refresh's too), and refresh runs that failed every retry (refresh.tf).
  count_alarms = merge(local.refresh_count_alarms, merge([
    for name, fn in merge(module.function, { refresh = module.refresh }) : {
      for metric in ["Errors", "Throttles"] : "${name}-${lower(metric)}" => {
        alarm_name  = "${fn.lambda.function_name}-${lower(metric)}"
        description = "${fn.lambda.function_name} reported ${metric} in the last 5 minutes."
        namespace   = "AWS/Lambda"
        metric      = metric
        dimensions  = { FunctionName = fn.lambda.function_name }
        statistic   = "Sum"
      }
    }
  ]...))
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

resource "aws_cloudwatch_metric_alarm" "count" {
  for_each = local.count_alarms

  alarm_name          = each.value.alarm_name
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Deployments made before the count alarms were one resource keep their alarms.
moved {
  from = aws_cloudwatch_metric_alarm.function
  to   = aws_cloudwatch_metric_alarm.count
}

moved {
  from = aws_cloudwatch_metric_alarm.refresh_dead_letters
  to   = aws_cloudwatch_metric_alarm.count["refresh-dead-letters"]
}
