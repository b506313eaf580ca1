# The scheduled refresh (refresh.tf), checked offline against the mocked AWS provider: a daily
# schedule with retries and a dead-letter queue, roles that reach only what they need, and an
# alarm on facts older than two days.

mock_provider "aws" {
  source = "./tests/mocks"
}

mock_provider "aws" {
  alias  = "us_east_1"
  source = "./tests/mocks"
}

run "the_refresh_runs_daily_with_retries_and_a_dead_letter_queue" {
  assert {
    condition     = can(regex("^cron\\([0-9]+ [0-9]+ \\* \\* \\? \\*\\)$", aws_scheduler_schedule.refresh.schedule_expression))
    error_message = "The default schedule must fire once a day."
  }

  assert {
    condition     = aws_scheduler_schedule.refresh.target[0].retry_policy[0].maximum_retry_attempts > 0
    error_message = "The schedule must retry a failed delivery."
  }

  assert {
    condition     = aws_scheduler_schedule.refresh.target[0].dead_letter_config[0].arn == aws_sqs_queue.refresh_dlq.arn
    error_message = "Undeliverable schedule events must go to the refresh's dead-letter queue."
  }

  assert {
    condition     = module.refresh.lambda.dead_letter_config[0].target_arn == aws_sqs_queue.refresh_dlq.arn
    error_message = "Failed asynchronous invocations must go to the dead-letter queue."
  }

  assert {
    condition     = aws_lambda_function_event_invoke_config.refresh.maximum_retry_attempts == 2
    error_message = "Lambda must retry a failed run twice."
  }

  assert {
    condition     = module.refresh.lambda.architectures == tolist(["arm64"]) && module.refresh.lambda.filename == "tests/fixtures/arm64/refresh/bootstrap.zip"
    error_message = "The refresh must deploy the arm64 zip make build writes."
  }

  assert {
    condition     = module.refresh.lambda.environment[0].variables["FACTS_TABLE"] == "stack-advisor-facts" && toset(keys(module.refresh.lambda.environment[0].variables)) == toset(["FACTS_TABLE", "RUST_LOG"])
    error_message = "The refresh must be told the facts table and no other."
  }
}

run "the_roles_reach_only_what_the_refresh_needs" {
  assert {
    condition = module.refresh.role_policy.Statement[0] == {
      Sid      = "DynamoDBFacts"
      Effect   = "Allow"
      Action   = ["dynamodb:PutItem", "dynamodb:Scan"]
      Resource = ["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-facts"]
    }
    error_message = "The refresh may only Scan and PutItem on the facts table."
  }

  assert {
    condition     = [for statement in module.refresh.role_policy.Statement : statement.Sid] == ["DynamoDBFacts", "Logs", "DeadLetters", "XRay"]
    error_message = "The refresh's role holds the facts table, its logs, its dead-letter queue and tracing, nothing else."
  }

  assert {
    condition     = module.refresh.role_policy.Statement[2].Resource == [aws_sqs_queue.refresh_dlq.arn]
    error_message = "The refresh may dead-letter to its own queue only."
  }

  assert {
    condition = [for statement in jsondecode(aws_iam_role_policy.refresh_scheduler.policy).Statement : statement.Resource] == [
      ["arn:aws:lambda:eu-west-1:123456789012:function:stack-advisor-refresh"],
      [aws_sqs_queue.refresh_dlq.arn],
    ]
    error_message = "The scheduler's role may only invoke the refresh and dead-letter to its queue."
  }

  assert {
    condition     = jsondecode(aws_iam_role.refresh_scheduler.assume_role_policy).Statement[0].Principal.Service == "scheduler.amazonaws.com"
    error_message = "Only EventBridge Scheduler may assume the scheduler's role."
  }

  assert {
    condition     = !contains(keys(module.function), "refresh")
    error_message = "The refresh is not an API function: no API Gateway permission, no route."
  }
}

run "stale_facts_raise_an_alarm_after_two_days" {
  assert {
    condition = (
      aws_cloudwatch_metric_alarm.facts_stale.namespace == "StackAdvisor/Refresh"
      && aws_cloudwatch_metric_alarm.facts_stale.metric_name == "OldestFactsAgeSeconds"
      && aws_cloudwatch_metric_alarm.facts_stale.threshold == 172800
      && aws_cloudwatch_metric_alarm.facts_stale.treat_missing_data == "breaching"
    )
    error_message = "The stale-facts alarm must watch the refresh's age metric at two days, and count silence as stale."
  }
}
