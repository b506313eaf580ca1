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
  value       = { for name, fn in module.function : name => fn.function_name }
}

output "table_names" {
  description = "DynamoDB table names, keyed frameworks and faq."
  value       = { for key, table in local.tables : key => table.name }
}
