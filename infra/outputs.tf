output "api_url" {
  description = "Base URL of the HTTP API (no trailing slash), e.g. <api_url>/frameworks."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "api_id" {
  description = "Id of the HTTP API."
  value       = aws_apigatewayv2_api.this.id
}

output "aws_region" {
  description = "Region the stack is deployed in (the SigV4 region for signing admin requests)."
  value       = data.aws_region.current.name
}

output "function_names" {
  description = "Lambda function name of each function, keyed by crate name."
  value       = { for name, fn in module.function : name => fn.lambda.function_name }
}

output "table_names" {
  description = "DynamoDB table names, keyed frameworks, faq and facts."
  value       = { for key, table in local.tables : key => table.name }
}

output "cdn_url" {
  description = "Base URL of the CloudFront distribution in front of the API (no trailing slash); null when enable_cdn is false. Readers use it; signed admin writes go to api_url."
  value       = var.enable_cdn ? "https://${aws_cloudfront_distribution.this["this"].domain_name}" : null
}

output "cdn_distribution_id" {
  description = "Id of the CloudFront distribution (for an invalidation after a re-seed); null when enable_cdn is false."
  value       = var.enable_cdn ? aws_cloudfront_distribution.this["this"].id : null
}

output "public_url" {
  description = "The URL to give readers: cdn_url when the CDN is on, api_url otherwise."
  value       = var.enable_cdn ? "https://${aws_cloudfront_distribution.this["this"].domain_name}" : aws_apigatewayv2_api.this.api_endpoint
}
