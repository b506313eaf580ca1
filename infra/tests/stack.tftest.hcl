# The deployed shape of the stack, checked offline against a mocked AWS provider.
# Every test file shares tests/mocks (mocked values, the distinct ARNs and ids the assertions
# tell apart) and tests/terraform.tfvars (the fixture zips).

mock_provider "aws" {
  source = "./tests/mocks"
}

mock_provider "aws" {
  alias  = "us_east_1"
  source = "./tests/mocks"
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
    condition     = alltrue([for name, integration in aws_apigatewayv2_integration.this : integration.integration_uri == module.function[name].lambda.invoke_arn])
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
      for key in ["GET /", "GET /assets/{file}", "GET /catalog", "GET /catalog/{id}", "GET /versus", "GET /questions", "GET /activity"] :
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
        for statement in module.function[name].role_policy.Statement : statement.Action if startswith(statement.Sid, "DynamoDB")
      ]))
      } == {
      catalog   = toset(["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:Scan"])
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
        for statement in module.function[name].role_policy.Statement : statement.Resource if startswith(statement.Sid, "DynamoDB")
      ]))
      } == {
      catalog   = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks/index/*", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-facts"])
      compare   = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks/index/*"])
      recommend = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks/index/*"])
      faq       = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-faq"])
      web       = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-frameworks/index/*", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-faq", "arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-facts"])
    }
    error_message = "Each function may touch only the tables it reads and, for frameworks, its indexes."
  }

  assert {
    condition = {
      for statement in module.function["web"].role_policy.Statement : statement.Sid => {
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
      DynamoDBFacts = {
        actions   = toset(["dynamodb:Scan"])
        resources = toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/stack-advisor-facts"])
      }
    }
    error_message = "web reads three tables with one statement each: Query on frameworks (and its index), Scan on faq, Scan on facts; no action crosses over."
  }

  assert {
    condition = alltrue(flatten([
      for name in keys(var.functions) : [
        for statement in module.function[name].role_policy.Statement : [
          for action in flatten([statement.Action]) : !strcontains(action, "*")
        ]
      ]
    ]))
    error_message = "No policy may grant a wildcard action."
  }

  assert {
    condition = alltrue([
      for name in keys(var.functions) :
      toset(flatten([for statement in module.function[name].role_policy.Statement : statement.Action])) == setunion(
        toset(flatten([for statement in module.function[name].role_policy.Statement : statement.Action if startswith(statement.Sid, "DynamoDB")])),
        toset(["logs:CreateLogStream", "logs:PutLogEvents", "xray:PutTraceSegments", "xray:PutTelemetryRecords"])
      )
    ])
    error_message = "Besides DynamoDB, a role may only write its logs and X-Ray traces."
  }

  assert {
    condition = alltrue([
      for name in keys(var.functions) : alltrue([
        for statement in module.function[name].role_policy.Statement :
        statement.Resource == "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/stack-advisor-function:*" if statement.Sid == "Logs"
      ])
    ])
    error_message = "Log permissions must be limited to the function's own log group."
  }
}

run "functions_log_trace_and_run_as_configured" {
  assert {
    condition     = alltrue([for name, fn in module.function : fn.log_group.retention_in_days == 14 && fn.log_group.name == "/aws/lambda/stack-advisor-${name}"])
    error_message = "Each function needs its /aws/lambda/<name> log group with 14 days retention by default."
  }

  assert {
    condition     = alltrue([for fn in module.function : fn.lambda.tracing_config[0].mode == "Active" && fn.lambda.logging_config[0].log_format == "JSON"])
    error_message = "Functions must trace actively with X-Ray and log JSON."
  }

  assert {
    condition     = alltrue([for fn in module.function : fn.lambda.runtime == "provided.al2023" && fn.lambda.architectures == tolist(["arm64"])])
    error_message = "Functions run on provided.al2023 with the architecture variable (arm64 by default)."
  }

  assert {
    condition     = alltrue([for fn in module.function : fn.lambda.reserved_concurrent_executions == 50])
    error_message = "Reserved concurrency defaults to 50."
  }

  assert {
    condition = { for name, fn in module.function : name => fn.lambda.environment[0].variables } == {
      catalog   = tomap({ FRAMEWORKS_TABLE = "stack-advisor-frameworks", FACTS_TABLE = "stack-advisor-facts", CACHE_TTL_SECS = "60", RUST_LOG = "info" })
      compare   = tomap({ FRAMEWORKS_TABLE = "stack-advisor-frameworks", CACHE_TTL_SECS = "60", RUST_LOG = "info" })
      recommend = tomap({ FRAMEWORKS_TABLE = "stack-advisor-frameworks", CACHE_TTL_SECS = "60", RUST_LOG = "info" })
      faq       = tomap({ FAQ_TABLE = "stack-advisor-faq", CACHE_TTL_SECS = "60", RUST_LOG = "info" })
      web       = tomap({ FRAMEWORKS_TABLE = "stack-advisor-frameworks", FAQ_TABLE = "stack-advisor-faq", FACTS_TABLE = "stack-advisor-facts", CACHE_TTL_SECS = "60", RUST_LOG = "info" })
    }
    error_message = "Each function gets the names of the tables its role may read (and only those), CACHE_TTL_SECS and RUST_LOG."
  }

  assert {
    condition = alltrue([
      for name, fn in module.function :
      toset([for key in keys(fn.lambda.environment[0].variables) : key if endswith(key, "_TABLE")]) == toset([for table in keys(local.function_access[name]) : "${upper(table)}_TABLE"])
    ])
    error_message = "A function's table variables must name exactly the tables in its local.function_access entry."
  }
}

run "tables_have_the_agreed_keys_and_protection" {
  assert {
    condition     = output.table_names == { frameworks = "stack-advisor-frameworks", faq = "stack-advisor-faq", facts = "stack-advisor-facts" }
    error_message = "table_names must map frameworks, faq and facts to <prefix>-frameworks, <prefix>-faq and <prefix>-facts."
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
      toset(keys(aws_cloudwatch_metric_alarm.count)) == toset(concat(
        flatten([for name in concat(keys(var.functions), ["refresh"]) : ["${name}-errors", "${name}-throttles"]]),
        ["refresh-dead-letters"],
      ))
      && aws_cloudwatch_metric_alarm.count["catalog-errors"].alarm_name == "stack-advisor-catalog-errors"
      && aws_cloudwatch_metric_alarm.count["refresh-throttles"].dimensions.FunctionName == "stack-advisor-refresh"
      && aws_cloudwatch_metric_alarm.count["refresh-dead-letters"].namespace == "AWS/SQS"
      && aws_cloudwatch_metric_alarm.count["refresh-dead-letters"].dimensions.QueueName == "stack-advisor-refresh-dlq"
      && length(aws_cloudwatch_metric_alarm.api_5xx_rate.metric_query) == 3
      && alltrue([for alarm in aws_cloudwatch_metric_alarm.count : length(alarm.alarm_actions) == 0])
    )
    error_message = "Expected a 5xx-rate alarm, Errors/Throttles alarms per function (the refresh too) and a dead-letter alarm, silent without a topic."
  }
}

run "alarms_notify_the_topic_when_given" {
  variables {
    alarm_topic_arn = "arn:aws:sns:eu-west-1:123456789012:stack-advisor-alarms"
  }

  assert {
    condition = alltrue([
      for alarm in concat(values(aws_cloudwatch_metric_alarm.count), [aws_cloudwatch_metric_alarm.api_5xx_rate]) :
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
    condition     = alltrue([for fn in module.function : fn.lambda.architectures == tolist(["x86_64"]) && fn.lambda.reserved_concurrent_executions == -1 && fn.log_group.retention_in_days == 30])
    error_message = "architecture, reserved_concurrency and log_retention_days must reach every function."
  }
}

# The CloudFront distribution in front of the API: what each route's behaviour caches, on what
# key, and what it never caches.
run "the_cache_policies_follow_the_origin_and_key_on_what_the_routes_read" {
  assert {
    condition = alltrue([
      for policy in aws_cloudfront_cache_policy.reads :
      policy.min_ttl == 0 && policy.default_ttl == 0 && policy.max_ttl == 31536000
    ])
    error_message = "The reads honour the API's Cache-Control: min TTL 0 (max-age=0 and no-store obeyed), default TTL 0 (no header, no copy), max a year (hashed assets)."
  }

  assert {
    condition = alltrue([
      for policy in aws_cloudfront_cache_policy.reads : (
        policy.parameters_in_cache_key_and_forwarded_to_origin[0].cookies_config[0].cookie_behavior == "none"
        && policy.parameters_in_cache_key_and_forwarded_to_origin[0].headers_config[0].header_behavior == "whitelist"
        && toset(policy.parameters_in_cache_key_and_forwarded_to_origin[0].headers_config[0].headers[0].items) == toset(["origin"])
        && policy.parameters_in_cache_key_and_forwarded_to_origin[0].enable_accept_encoding_gzip
        && policy.parameters_in_cache_key_and_forwarded_to_origin[0].enable_accept_encoding_brotli
      )
    ])
    error_message = "The cache key holds no cookies and, of the headers, only Origin (CORS) and the accepted encoding."
  }

  assert {
    condition = {
      for kind, policy in aws_cloudfront_cache_policy.reads :
      kind => policy.parameters_in_cache_key_and_forwarded_to_origin[0].query_strings_config[0].query_string_behavior
    } == { read = "none", read_query = "all" }
    error_message = "One policy keys on the whole query string, the other on none of it."
  }
}

run "each_route_gets_the_behaviour_of_its_kind" {
  assert {
    condition = alltrue([
      for route in jsondecode(file("../shared/routes.json")).routes : (
        route.path == "/"
        ? aws_cloudfront_distribution.this["this"].default_cache_behavior[0].cache_policy_id
        : one([
          for behaviour in aws_cloudfront_distribution.this["this"].ordered_cache_behavior :
          behaviour.cache_policy_id if behaviour.path_pattern == replace(route.path, "/\\{[^}]+\\}/", "*")
        ])
        ) == (
        route.method == "POST" ? "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
        : route.method != "GET" ? (route.path == "/frameworks/{id}" ? aws_cloudfront_cache_policy.reads["read"].id : "no write shares a path with another read")
        : try(route.query, false) ? aws_cloudfront_cache_policy.reads["read_query"].id : aws_cloudfront_cache_policy.reads["read"].id
      )
    ])
    error_message = "A route's path must use CachingDisabled for a POST, the query-keyed policy for a GET that reads its query string, the query-free one for the other GETs."
  }

  assert {
    condition     = length(aws_cloudfront_distribution.this["this"].ordered_cache_behavior) == length(distinct([for route in jsondecode(file("../shared/routes.json")).routes : route.path])) - 1
    error_message = "One ordered behaviour per path of routes.json, \"/\" being the default behaviour."
  }

  assert {
    condition = {
      for behaviour in aws_cloudfront_distribution.this["this"].ordered_cache_behavior :
      behaviour.path_pattern => [behaviour.cache_policy_id, behaviour.origin_request_policy_id]
      if contains(["/recommendations", "/frameworks", "/frameworks/*", "/compare", "/faq/*", "/catalog/*", "/assets/*"], behaviour.path_pattern)
      } == {
      "/recommendations" = ["4135ea2d-6df8-44a3-9df3-4b5a84be39ad", "b689b0a8-53d0-40ab-baf2-68738e2966ac"]
      "/frameworks"      = [aws_cloudfront_cache_policy.reads["read_query"].id, aws_cloudfront_origin_request_policy.preflight["this"].id]
      "/frameworks/*"    = [aws_cloudfront_cache_policy.reads["read"].id, aws_cloudfront_origin_request_policy.preflight["this"].id]
      "/compare"         = [aws_cloudfront_cache_policy.reads["read_query"].id, aws_cloudfront_origin_request_policy.preflight["this"].id]
      "/faq/*"           = [aws_cloudfront_cache_policy.reads["read"].id, aws_cloudfront_origin_request_policy.preflight["this"].id]
      "/catalog/*"       = [aws_cloudfront_cache_policy.reads["read"].id, aws_cloudfront_origin_request_policy.preflight["this"].id]
      "/assets/*"        = [aws_cloudfront_cache_policy.reads["read"].id, aws_cloudfront_origin_request_policy.preflight["this"].id]
    }
    error_message = "POST /recommendations passes every viewer header but Host and caches nothing; the list, compare and FAQ search key on the query; a single framework, FAQ entry, framework page or asset does not."
  }

  assert {
    condition = (
      aws_cloudfront_distribution.this["this"].default_cache_behavior[0].cache_policy_id == aws_cloudfront_cache_policy.reads["read_query"].id
      && aws_cloudfront_distribution.this["this"].default_cache_behavior[0].origin_request_policy_id == aws_cloudfront_origin_request_policy.preflight["this"].id
    )
    error_message = "The default behaviour is GET /'s: the advice page, keyed on its form's query string."
  }

  assert {
    condition = alltrue([
      for behaviour in concat(
        aws_cloudfront_distribution.this["this"].default_cache_behavior,
        aws_cloudfront_distribution.this["this"].ordered_cache_behavior,
        ) : (
        toset(behaviour.cached_methods) == toset(["GET", "HEAD"])
        && length(behaviour.allowed_methods) == 7
        && behaviour.viewer_protocol_policy == "redirect-to-https"
        && behaviour.compress
        && behaviour.target_origin_id == "api"
        && behaviour.response_headers_policy_id == aws_cloudfront_response_headers_policy.security["this"].id
      )
    ])
    error_message = "Every behaviour sends every method on to the API, caches only GET and HEAD (never a write), redirects to HTTPS, compresses and adds the security headers."
  }
}

run "the_origin_is_the_api_and_its_url_is_kept_for_signed_writes" {
  assert {
    condition = (
      one(aws_cloudfront_distribution.this["this"].origin).domain_name == "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
      && one(one(aws_cloudfront_distribution.this["this"].origin).custom_origin_config).origin_protocol_policy == "https-only"
      && toset(one(one(aws_cloudfront_distribution.this["this"].origin).custom_origin_config).origin_ssl_protocols) == toset(["TLSv1.2"])
    )
    error_message = "The one origin is the HTTP API's host, over HTTPS with TLS 1.2."
  }

  assert {
    condition = (
      output.api_url == "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
      && output.cdn_url == "https://d111111abcdef8.cloudfront.net"
      && output.public_url == output.cdn_url
      && output.cdn_distribution_id == "E2EXAMPLE0CDN"
    )
    error_message = "Readers get the CDN's URL; the API's own URL stays an output for SigV4-signed admin writes."
  }
}

run "security_headers_and_access_logs" {
  assert {
    condition = (
      aws_cloudfront_response_headers_policy.security["this"].security_headers_config[0].strict_transport_security[0].access_control_max_age_sec >= 31536000
      && aws_cloudfront_response_headers_policy.security["this"].security_headers_config[0].content_type_options[0].override
      && aws_cloudfront_response_headers_policy.security["this"].security_headers_config[0].frame_options[0].frame_option == "DENY"
      && aws_cloudfront_response_headers_policy.security["this"].security_headers_config[0].referrer_policy[0].referrer_policy == "strict-origin-when-cross-origin"
      && !aws_cloudfront_response_headers_policy.security["this"].security_headers_config[0].content_security_policy[0].override
    )
    error_message = "HSTS for a year or more, nosniff, DENY framing and a referrer policy; the pages keep their own CSP."
  }

  assert {
    condition = (
      aws_cloudwatch_log_delivery_source.cdn["this"].resource_arn == aws_cloudfront_distribution.this["this"].arn
      && aws_cloudwatch_log_delivery_source.cdn["this"].log_type == "ACCESS_LOGS"
      && aws_cloudwatch_log_delivery_destination.cdn["this"].delivery_destination_configuration[0].destination_resource_arn == aws_cloudwatch_log_group.cdn_access["this"].arn
      && aws_cloudwatch_log_delivery.cdn["this"].delivery_source_name == aws_cloudwatch_log_delivery_source.cdn["this"].name
      && aws_cloudwatch_log_delivery.cdn["this"].delivery_destination_arn == aws_cloudwatch_log_delivery_destination.cdn["this"].arn
      && aws_cloudwatch_log_group.cdn_access["this"].retention_in_days == 14
    )
    error_message = "The distribution's access logs are delivered to their own log group, kept log_retention_days."
  }
}

run "the_cdn_can_be_left_out" {
  variables {
    enable_cdn = false
  }

  assert {
    condition = (
      length(aws_cloudfront_distribution.this) == 0
      && length(aws_cloudfront_cache_policy.reads) == 0
      && length(aws_cloudwatch_log_delivery.cdn) == 0
      && output.cdn_url == null
      && output.public_url == output.api_url
    )
    error_message = "enable_cdn = false deploys no distribution, policy or log delivery, and readers get api_url."
  }
}
