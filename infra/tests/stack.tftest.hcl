# The deployed shape of the stack, checked offline against a mocked AWS provider.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  artifacts_dir = "tests/fixtures/arm64"
}

# Distinct ARNs and ids per table, function and integration, so that the assertions below can tell
# which function a route reaches and which table a policy names.
override_resource {
  target = aws_dynamodb_table.frameworks
  values = { arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks" }
}

override_resource {
  target = aws_dynamodb_table.faq
  values = { arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-faq" }
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

run "one_function_per_crate_and_per_routed_name" {
  assert {
    condition     = toset(keys(var.functions)) == local.crate_functions
    error_message = "The functions map must have one entry per functions/<name>/Cargo.toml: map ${jsonencode(keys(var.functions))}, crates ${jsonencode(local.crate_functions)}."
  }

  assert {
    condition     = toset(keys(var.functions)) == toset([for route in jsondecode(file("../shared/routes.json")).routes : route.function])
    error_message = "The functions map must name exactly the functions routed in shared/routes.json."
  }

  assert {
    condition     = toset(keys(local.function_access)) == toset(keys(var.functions))
    error_message = "Every function needs exactly one entry in local.function_access."
  }

  assert {
    condition     = output.function_names == { for name in keys(var.functions) : name => "stack-advisor-${name}" }
    error_message = "function_names must map each function to stack-advisor-<name>."
  }
}

run "routes_equal_the_route_table" {
  assert {
    condition = (
      toset([for route in aws_apigatewayv2_route.this : route.route_key])
      == toset([for route in jsondecode(file("../shared/routes.json")).routes : "${route.method} ${route.path}"])
    )
    error_message = "API routes must be exactly the route keys of shared/routes.json."
  }

  assert {
    condition     = length(aws_apigatewayv2_route.this) == length(jsondecode(file("../shared/routes.json")).routes)
    error_message = "shared/routes.json must not list a route twice."
  }

  assert {
    condition = alltrue([
      for route in jsondecode(file("../shared/routes.json")).routes :
      aws_apigatewayv2_route.this["${route.method} ${route.path}"].target == "integrations/${aws_apigatewayv2_integration.this[route.function].id}"
    ])
    error_message = "Each route must target the integration of the function routes.json names."
  }

  assert {
    condition     = alltrue([for name, integration in aws_apigatewayv2_integration.this : integration.integration_uri == module.function[name].invoke_arn])
    error_message = "Each integration must invoke its own function."
  }

  assert {
    condition     = alltrue([for integration in aws_apigatewayv2_integration.this : integration.payload_format_version == "2.0" && integration.integration_type == "AWS_PROXY"])
    error_message = "Integrations must be AWS_PROXY with payload format 2.0."
  }
}

run "the_pages_and_their_assets_are_public_routes_of_web" {
  assert {
    condition = alltrue([
      for key in ["GET /", "GET /assets/{file}", "GET /catalog", "GET /catalog/{id}", "GET /versus", "GET /questions"] :
      aws_apigatewayv2_route.this[key].target == "integrations/int0web" && aws_apigatewayv2_route.this[key].authorization_type == "NONE"
    ])
    error_message = "GET / and the other pages, and GET /assets/{file}, must reach the web function without authorization."
  }
}

run "admin_routes_use_iam_and_the_rest_are_public" {
  assert {
    condition = alltrue([
      for route in jsondecode(file("../shared/routes.json")).routes :
      aws_apigatewayv2_route.this["${route.method} ${route.path}"].authorization_type == (route.auth == "iam" ? "AWS_IAM" : "NONE")
    ])
    error_message = "Routes with auth iam must be AWS_IAM, all others NONE."
  }

  assert {
    condition = (
      aws_apigatewayv2_route.this["PUT /frameworks/{id}"].authorization_type == "AWS_IAM"
      && aws_apigatewayv2_route.this["DELETE /frameworks/{id}"].authorization_type == "AWS_IAM"
    )
    error_message = "The admin write routes must require AWS_IAM."
  }

  assert {
    condition = toset([
      for key, route in aws_apigatewayv2_route.this : key if route.authorization_type == "AWS_IAM"
    ]) == toset(["PUT /frameworks/{id}", "DELETE /frameworks/{id}"])
    error_message = "Only the admin write routes may require AWS_IAM."
  }
}

run "each_role_is_least_privilege" {
  assert {
    condition = {
      for name in keys(var.functions) : name => toset(flatten([
        for statement in jsondecode(module.function[name].role_policy).Statement : statement.Action if startswith(statement.Sid, "DynamoDB")
      ]))
      } == {
      catalog   = toset(["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"])
      compare   = toset(["dynamodb:Query"])
      recommend = toset(["dynamodb:Query"])
      faq       = toset(["dynamodb:GetItem", "dynamodb:Scan"])
      web       = toset(["dynamodb:Query", "dynamodb:Scan"])
    }
    error_message = "DynamoDB actions per function must be exactly the least-privilege sets of the brief."
  }

  assert {
    condition = {
      for name in keys(var.functions) : name => toset(flatten([
        for statement in jsondecode(module.function[name].role_policy).Statement : statement.Resource if startswith(statement.Sid, "DynamoDB")
      ]))
      } == {
      catalog   = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks/index/*"])
      compare   = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks/index/*"])
      recommend = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks/index/*"])
      faq       = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-faq"])
      web       = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks/index/*", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-faq"])
    }
    error_message = "Each function may touch only the tables it reads and, for frameworks, its indexes."
  }

  assert {
    condition = {
      for statement in jsondecode(module.function["web"].role_policy).Statement : statement.Sid => {
        actions   = toset(flatten([statement.Action]))
        resources = toset(flatten([statement.Resource]))
      } if startswith(statement.Sid, "DynamoDB")
      } == {
      DynamoDBFrameworks = {
        actions   = toset(["dynamodb:Query"])
        resources = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks/index/*"])
      }
      DynamoDBFaq = {
        actions   = toset(["dynamodb:Scan"])
        resources = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-faq"])
      }
    }
    error_message = "web reads two tables with one statement each: Query on frameworks (and its index), Scan on faq; no action crosses over."
  }

  assert {
    condition = alltrue(flatten([
      for name in keys(var.functions) : [
        for statement in jsondecode(module.function[name].role_policy).Statement : [
          for action in flatten([statement.Action]) : !strcontains(action, "*")
        ]
      ]
    ]))
    error_message = "No policy may grant a wildcard action."
  }

  assert {
    condition = alltrue([
      for name in keys(var.functions) :
      toset(flatten([for statement in jsondecode(module.function[name].role_policy).Statement : statement.Action])) == setunion(
        toset(flatten([for statement in jsondecode(module.function[name].role_policy).Statement : statement.Action if startswith(statement.Sid, "DynamoDB")])),
        toset(["logs:CreateLogStream", "logs:PutLogEvents", "xray:PutTraceSegments", "xray:PutTelemetryRecords"])
      )
    ])
    error_message = "Besides DynamoDB, a role may only write its logs and X-Ray traces."
  }

  assert {
    condition = alltrue([
      for name in keys(var.functions) : alltrue([
        for statement in jsondecode(module.function[name].role_policy).Statement :
        statement.Resource == "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/stack-advisor-function:*" if statement.Sid == "Logs"
      ])
    ])
    error_message = "Log permissions must be limited to the function's own log group."
  }
}

run "functions_log_trace_and_run_as_configured" {
  assert {
    condition     = alltrue([for name, fn in module.function : fn.log_group_retention_in_days == 14 && fn.log_group_name == "/aws/lambda/stack-advisor-${name}"])
    error_message = "Each function needs its /aws/lambda/<name> log group with 14 days retention by default."
  }

  assert {
    condition     = alltrue([for fn in module.function : fn.tracing_mode == "Active" && fn.log_format == "JSON"])
    error_message = "Functions must trace actively with X-Ray and log JSON."
  }

  assert {
    condition     = alltrue([for fn in module.function : fn.runtime == "provided.al2023" && fn.architectures == tolist(["arm64"])])
    error_message = "Functions run on provided.al2023 with the architecture variable (arm64 by default)."
  }

  assert {
    condition     = alltrue([for fn in module.function : fn.reserved_concurrent_executions == 50])
    error_message = "Reserved concurrency defaults to 50."
  }

  assert {
    condition = { for name, fn in module.function : name => fn.environment } == {
      catalog   = tomap({ FRAMEWORKS_TABLE = "stack-advisor-frameworks", CACHE_TTL_SECS = "60", RUST_LOG = "info" })
      compare   = tomap({ FRAMEWORKS_TABLE = "stack-advisor-frameworks", CACHE_TTL_SECS = "60", RUST_LOG = "info" })
      recommend = tomap({ FRAMEWORKS_TABLE = "stack-advisor-frameworks", CACHE_TTL_SECS = "60", RUST_LOG = "info" })
      faq       = tomap({ FAQ_TABLE = "stack-advisor-faq", CACHE_TTL_SECS = "60", RUST_LOG = "info" })
      web       = tomap({ FRAMEWORKS_TABLE = "stack-advisor-frameworks", FAQ_TABLE = "stack-advisor-faq", CACHE_TTL_SECS = "60", RUST_LOG = "info" })
    }
    error_message = "Each function gets the names of the tables its role may read (and only those), CACHE_TTL_SECS and RUST_LOG."
  }

  assert {
    condition = alltrue([
      for name, fn in module.function :
      toset([for key in keys(fn.environment) : key if endswith(key, "_TABLE")]) == toset([for table in keys(local.function_access[name]) : "${upper(table)}_TABLE"])
    ])
    error_message = "A function's table variables must name exactly the tables in its local.function_access entry."
  }
}

run "tables_have_the_agreed_keys_and_protection" {
  assert {
    condition     = output.table_names == { frameworks = "stack-advisor-frameworks", faq = "stack-advisor-faq" }
    error_message = "table_names must map frameworks and faq to <prefix>-frameworks and <prefix>-faq."
  }

  assert {
    condition = (
      aws_dynamodb_table.frameworks.hash_key == "id"
      && length(aws_dynamodb_table.frameworks.global_secondary_index) == 1
      && one([for gsi in aws_dynamodb_table.frameworks.global_secondary_index : gsi.name == "by_name" && gsi.hash_key == "entity" && gsi.range_key == "name_key" && gsi.projection_type == "ALL"])
      && aws_dynamodb_table.faq.hash_key == "id"
    )
    error_message = "frameworks is keyed by id with GSI by_name (entity, name_key, ALL); faq is keyed by id."
  }

  assert {
    condition = alltrue([for table in [aws_dynamodb_table.frameworks, aws_dynamodb_table.faq] :
      table.billing_mode == "PAY_PER_REQUEST"
      && table.point_in_time_recovery[0].enabled
      && table.server_side_encryption[0].enabled
      && table.deletion_protection_enabled
    ])
    error_message = "Tables are on-demand with PITR, encryption and (by default) deletion protection."
  }
}

run "api_stage_cors_and_alarms" {
  assert {
    condition     = output.api_url == "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
    error_message = "api_url must be the API endpoint."
  }

  assert {
    condition = (
      aws_apigatewayv2_api.this.protocol_type == "HTTP"
      && toset(aws_apigatewayv2_api.this.cors_configuration[0].allow_methods) == toset(["GET", "POST", "PUT", "DELETE", "OPTIONS"])
      && toset(aws_apigatewayv2_api.this.cors_configuration[0].allow_headers) == toset(["content-type", "if-match", "if-none-match", "authorization", "x-amz-date", "x-amz-security-token"])
      && toset(aws_apigatewayv2_api.this.cors_configuration[0].expose_headers) == toset(["etag"])
    )
    error_message = "CORS must allow the API's methods and headers and expose ETag."
  }

  assert {
    condition = (
      aws_apigatewayv2_stage.default.name == "$default"
      && aws_apigatewayv2_stage.default.auto_deploy
      && aws_apigatewayv2_stage.default.access_log_settings[0].destination_arn == aws_cloudwatch_log_group.api_access.arn
      && can(jsondecode(aws_apigatewayv2_stage.default.access_log_settings[0].format).requestId)
      && aws_apigatewayv2_stage.default.default_route_settings[0].throttling_rate_limit == 100
      && aws_apigatewayv2_stage.default.default_route_settings[0].throttling_burst_limit == 200
    )
    error_message = "The $default stage auto-deploys, writes JSON access logs and throttles by default."
  }

  assert {
    condition = (
      toset(keys(aws_cloudwatch_metric_alarm.function)) == toset(flatten([for name in keys(var.functions) : ["${name}-errors", "${name}-throttles"]]))
      && length(aws_cloudwatch_metric_alarm.api_5xx_rate.metric_query) == 3
      && alltrue([for alarm in aws_cloudwatch_metric_alarm.function : length(alarm.alarm_actions) == 0])
    )
    error_message = "Expected a 5xx-rate alarm and Errors/Throttles alarms per function, silent without a topic."
  }
}

run "alarms_notify_the_topic_when_given" {
  variables {
    alarm_topic_arn = "arn:aws:sns:eu-west-1:123456789012:stack-advisor-alarms"
  }

  assert {
    condition = alltrue([
      for alarm in concat(values(aws_cloudwatch_metric_alarm.function), [aws_cloudwatch_metric_alarm.api_5xx_rate]) :
      alarm.alarm_actions == toset(["arn:aws:sns:eu-west-1:123456789012:stack-advisor-alarms"])
    ])
    error_message = "Every alarm must notify alarm_topic_arn."
  }
}

run "x86_64_and_unreserved_concurrency" {
  variables {
    architecture         = "x86_64"
    artifacts_dir        = "tests/fixtures/x86_64"
    reserved_concurrency = -1
    log_retention_days   = 30
  }

  assert {
    condition     = alltrue([for fn in module.function : fn.architectures == tolist(["x86_64"]) && fn.reserved_concurrent_executions == -1 && fn.log_group_retention_in_days == 30])
    error_message = "architecture, reserved_concurrency and log_retention_days must reach every function."
  }
}
