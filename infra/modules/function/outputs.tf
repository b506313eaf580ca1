# The Lambda function, its policy and its log group whole rather than one output per attribute:
# callers take the name and ARNs, the tests check the settings, and a new setting needs no
# new output.
output "lambda" {
  description = "The Lambda function as deployed (function_name, arn, invoke_arn and its settings)."
  value       = aws_lambda_function.this
}

output "role_policy" {
  description = "The execution role's inline policy document, decoded."
  value       = jsondecode(aws_iam_role_policy.this.policy)
}

output "log_group" {
  description = "The function's log group (name, retention_in_days)."
  value       = aws_cloudwatch_log_group.this
}
