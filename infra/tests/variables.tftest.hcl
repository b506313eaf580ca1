# Inputs that must be refused before anything reaches AWS.

mock_provider "aws" {
  source = "./tests/mocks"
}

mock_provider "aws" {
  alias  = "us_east_1"
  source = "./tests/mocks"
}

run "rejects_an_unknown_architecture" {
  command = plan

  variables {
    architecture = "sparc"
  }

  expect_failures = [var.architecture]
}

run "rejects_negative_reserved_concurrency_other_than_minus_one" {
  command = plan

  variables {
    reserved_concurrency = -2
  }

  expect_failures = [var.reserved_concurrency]
}

run "rejects_a_retention_cloudwatch_does_not_offer" {
  command = plan

  variables {
    log_retention_days = 10
  }

  expect_failures = [var.log_retention_days]
}

run "rejects_a_timeout_beyond_the_api_gateway_limit" {
  command = plan

  variables {
    functions = {
      catalog   = { timeout = 30 }
      compare   = {}
      recommend = {}
      faq       = {}
      web       = {}
    }
  }

  expect_failures = [var.functions]
}

run "rejects_a_non_sns_alarm_topic" {
  command = plan

  variables {
    alarm_topic_arn = "arn:aws:sqs:eu-west-1:123456789012:queue"
  }

  expect_failures = [var.alarm_topic_arn]
}

run "rejects_an_unknown_cdn_price_class" {
  command = plan

  variables {
    cdn_price_class = "PriceClass_Cheapest"
  }

  expect_failures = [var.cdn_price_class]
}
