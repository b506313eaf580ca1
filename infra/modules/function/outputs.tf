output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "ARN of the Lambda function."
  value       = aws_lambda_function.this.arn
}

output "invoke_arn" {
  description = "ARN API Gateway uses to invoke the function."
  value       = aws_lambda_function.this.invoke_arn
}

output "role_name" {
  description = "Name of the function's execution role."
  value       = aws_iam_role.this.name
}

output "role_policy" {
  description = "The execution role's inline policy document (JSON)."
  value       = aws_iam_role_policy.this.policy
}

output "log_group_name" {
  description = "Name of the function's log group."
  value       = aws_cloudwatch_log_group.this.name
}

output "log_group_retention_in_days" {
  description = "Retention of the function's log group in days."
  value       = aws_cloudwatch_log_group.this.retention_in_days
}

output "tracing_mode" {
  description = "X-Ray tracing mode of the function."
  value       = aws_lambda_function.this.tracing_config[0].mode
}

output "log_format" {
  description = "Log format of the function."
  value       = aws_lambda_function.this.logging_config[0].log_format
}

output "architectures" {
  description = "Instruction set architectures of the function."
  value       = aws_lambda_function.this.architectures
}

output "environment" {
  description = "Environment variables of the function."
  value       = aws_lambda_function.this.environment[0].variables
}

output "reserved_concurrent_executions" {
  description = "Reserved concurrency of the function (-1 for unreserved)."
  value       = aws_lambda_function.this.reserved_concurrent_executions
}

output "runtime" {
  description = "Runtime of the function."
  value       = aws_lambda_function.this.runtime
}

output "dead_letter_target_arn" {
  description = "Queue that receives failed asynchronous invocations, or null."
  value       = one(aws_lambda_function.this.dead_letter_config[*].target_arn)
}

output "artifact_path" {
  description = "The zip the function was deployed from."
  value       = aws_lambda_function.this.filename
}
