locals {
  cdn = var.enable_cdn ? { this = true } : {}

  # CloudFront matches a request by path alone, so the route table is grouped by path and each
  # path gets one behaviour by what its routes are:
  #   pass        a public route that is not a GET (POST /recommendations): the answer depends on
  #               the body, so nothing is cached and every viewer header but Host reaches the API;
  #   read_query  public GETs that read their query string: cached, the query in the cache key;
  #   read        the other public GETs: cached, the query left out of the key (and not sent).
  # Signed admin writes share a path with a read (PUT /frameworks/{id}); they go to api_url
  # directly, since SigV4 signs the host, and CloudFront never caches a PUT or a DELETE.
  cdn_path_kinds = {
    for path in distinct([for route in local.routes : route.path]) : path => (
      anytrue([for route in local.routes : route.path == path && route.method != "GET" && route.auth == "none"]) ? "pass"
      : anytrue([for route in local.routes : route.path == path && route.method == "GET" && try(route.query, false)]) ? "read_query"
      : "read"
    )
  }

  # "/" is the default behaviour, which also answers paths no route has (their 404 problems say
  # no-store). Every other path becomes a pattern: /frameworks/{id} -> /frameworks/*.
  cdn_behaviours = {
    for path, kind in local.cdn_path_kinds : replace(path, "/\\{[^}]+\\}/", "*") => kind if path != "/"
  }

  cdn_origin_id = "api"

  # Every method reaches the API as it would without the CDN (a 405 problem names what a path
  # allows); only GET and HEAD are ever cached.
  cdn_allowed_methods = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]

  # The query string per cacheable kind: in the key (and so sent to the API), or neither.
  cdn_read_kinds = var.enable_cdn ? { read = "none", read_query = "all" } : {}

  # AWS managed policies, by their documented ids: CachingDisabled, and
  # AllViewerExceptHostHeader (API Gateway answers only to its own host name).
  cdn_caching_disabled_policy_id       = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  cdn_all_viewer_except_host_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
}

# The cache policies of the reads: the API's own Cache-Control decides how long a copy lives
# (min TTL 0, so max-age=0 and no-store are obeyed) and an answer without one is not kept
# (default TTL 0). Origin is in the key because API Gateway adds the CORS headers only when a
# request names one. CloudFront compresses; the key holds the encoding the viewer accepts.
resource "aws_cloudfront_cache_policy" "reads" {
  for_each = local.cdn_read_kinds

  name        = "${var.name_prefix}-${replace(each.key, "_", "-")}"
  comment     = "Stack Advisor reads: the origin's Cache-Control; query string ${each.value == "all" ? "in" : "not in"} the key."
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 31536000

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true

    cookies_config {
      cookie_behavior = "none"
    }

    headers_config {
      header_behavior = "whitelist"
      headers {
        items = ["origin"]
      }
    }

    query_strings_config {
      query_string_behavior = each.value
    }
  }
}

# A browser's CORS preflight (OPTIONS, never cached) needs these two headers to reach API
# Gateway, which answers it; they are not in the key, and a GET does not carry them.
resource "aws_cloudfront_origin_request_policy" "preflight" {
  for_each = local.cdn

  name    = "${var.name_prefix}-cors-preflight"
  comment = "Stack Advisor reads: pass a CORS preflight's request headers to API Gateway."

  cookies_config {
    cookie_behavior = "none"
  }

  headers_config {
    header_behavior = "whitelist"
    headers {
      items = ["access-control-request-method", "access-control-request-headers"]
    }
  }

  query_strings_config {
    query_string_behavior = "none"
  }
}

# Added where the API did not set its own: the pages carry their own CSP and framing rule,
# a JSON answer gets one that lets it run nothing and be framed nowhere.
resource "aws_cloudfront_response_headers_policy" "security" {
  #checkov:skip=CKV_AWS_259:HSTS is on for two years with subdomains; preload asks browsers to hard-code a whole registrable domain, a choice for the owner of a custom domain, not for *.cloudfront.net.
  for_each = local.cdn

  name    = "${var.name_prefix}-security"
  comment = "Stack Advisor: HSTS, nosniff, framing, referrer and content security policy."

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      override                   = true
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "DENY"
      override     = false
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = false
    }

    content_security_policy {
      content_security_policy = "default-src 'none'; frame-ancestors 'none'"
      override                = false
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  #checkov:skip=CKV_AWS_68:A WAF web ACL costs a monthly fee per rule and per request; API Gateway throttles every miss (api_throttling_*); web_acl_id attaches an ACL when abuse calls for one.
  #checkov:skip=CKV2_AWS_47:As CKV_AWS_68: no WAF by default, so no Log4j rule set either; the functions are Rust, not Java.
  #checkov:skip=CKV_AWS_174:The default *.cloudfront.net certificate; a custom domain with its ACM certificate (and TLSv1.2_2021) is a deployment's own choice.
  #checkov:skip=CKV2_AWS_42:As CKV_AWS_174: no custom domain, so no custom certificate.
  #checkov:skip=CKV_AWS_86:Access logs go to CloudWatch Logs through a log delivery (aws_cloudwatch_log_delivery.cdn), which this check does not look for.
  #checkov:skip=CKV_AWS_310:One origin: API Gateway is regional and has no second copy to fail over to.
  #checkov:skip=CKV_AWS_305:"/" is a page rendered by the web function, not an object; a default root object would rewrite it.
  #checkov:skip=CKV_AWS_374:A public reference service: no country is blocked.
  for_each = local.cdn

  enabled         = true
  comment         = "Stack Advisor: cached reads in front of ${aws_apigatewayv2_api.this.name}."
  is_ipv6_enabled = true
  http_version    = "http2and3"
  price_class     = var.cdn_price_class

  origin {
    origin_id   = local.cdn_origin_id
    domain_name = trimprefix(aws_apigatewayv2_api.this.api_endpoint, "https://")

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = local.cdn_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    compress                   = true
    allowed_methods            = local.cdn_allowed_methods
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = local.cdn_path_kinds["/"] == "pass" ? local.cdn_caching_disabled_policy_id : aws_cloudfront_cache_policy.reads[local.cdn_path_kinds["/"]].id
    origin_request_policy_id   = local.cdn_path_kinds["/"] == "pass" ? local.cdn_all_viewer_except_host_policy_id : aws_cloudfront_origin_request_policy.preflight["this"].id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security["this"].id
  }

  dynamic "ordered_cache_behavior" {
    for_each = local.cdn_behaviours
    content {
      path_pattern               = ordered_cache_behavior.key
      target_origin_id           = local.cdn_origin_id
      viewer_protocol_policy     = "redirect-to-https"
      compress                   = true
      allowed_methods            = local.cdn_allowed_methods
      cached_methods             = ["GET", "HEAD"]
      cache_policy_id            = ordered_cache_behavior.value == "pass" ? local.cdn_caching_disabled_policy_id : aws_cloudfront_cache_policy.reads[ordered_cache_behavior.value].id
      origin_request_policy_id   = ordered_cache_behavior.value == "pass" ? local.cdn_all_viewer_except_host_policy_id : aws_cloudfront_origin_request_policy.preflight["this"].id
      response_headers_policy_id = aws_cloudfront_response_headers_policy.security["this"].id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

# CloudFront access logs (standard logging v2) into CloudWatch Logs, beside the API's. The
# delivery of a CloudFront distribution is configured in us-east-1, whatever the stack's region.
resource "aws_cloudwatch_log_group" "cdn_access" {
  #checkov:skip=CKV_AWS_158:Access logs hold no secrets; the CloudWatch Logs service key is enough and a customer managed KMS key adds cost and key policy upkeep.
  #checkov:skip=CKV_AWS_338:Retention is a variable (default 14 days) chosen for cost; one year of access logs is not needed for this service.
  for_each = local.cdn
  provider = aws.us_east_1

  name              = "/aws/cloudfront/${var.name_prefix}"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_delivery_source" "cdn" {
  for_each = local.cdn
  provider = aws.us_east_1

  name         = "${var.name_prefix}-cdn"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.this[each.key].arn
}

resource "aws_cloudwatch_log_delivery_destination" "cdn" {
  for_each = local.cdn
  provider = aws.us_east_1

  name          = "${var.name_prefix}-cdn"
  output_format = "json"

  delivery_destination_configuration {
    destination_resource_arn = aws_cloudwatch_log_group.cdn_access[each.key].arn
  }
}

resource "aws_cloudwatch_log_delivery" "cdn" {
  for_each = local.cdn
  provider = aws.us_east_1

  delivery_source_name     = aws_cloudwatch_log_delivery_source.cdn[each.key].name
  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.cdn[each.key].arn
}
