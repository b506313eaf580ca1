variable "function_name" {
  description = "Name of the Lambda function; also names its role and its log group /aws/lambda/<function_name>."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.function_name))
    error_message = "function_name must be 1-64 letters, digits, hyphens or underscores."
  }
}

variable "description" {
  description = "Description of the Lambda function."
  type        = string
  default     = ""
}

variable "artifact_path" {
  description = "Path of the bootstrap.zip built by cargo lambda for this function."
  type        = string
}

variable "architecture" {
  description = "Lambda instruction set: arm64 or x86_64."
  type        = string

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "memory_size" {
  description = "Memory of the function in MB."
  type        = number
}

variable "timeout" {
  description = "Timeout of the function in seconds."
  type        = number
}

variable "reserved_concurrency" {
  description = "Reserved concurrent executions; -1 for unreserved."
  type        = number
}

variable "log_retention_days" {
  description = "Retention of the function's log group in days."
  type        = number
}

variable "environment" {
  description = "Environment variables of the function."
  type        = map(string)
}

variable "api_execution_arn" {
  description = "Execution ARN of the API Gateway API allowed to invoke the function; null for a function the API does not route (a scheduled one)."
  type        = string
  default     = null
}

# Known at plan time, unlike the API's ARN, so it can decide whether the permission exists.
variable "routed_by_api" {
  description = "Whether API Gateway invokes the function (api_execution_arn is then required)."
  type        = bool
  default     = true
}

variable "dead_letter_queue_arn" {
  description = "SQS queue that receives the events of failed asynchronous invocations (a scheduled function's); null for a function invoked synchronously."
  type        = string
  default     = null
}

variable "dynamodb_access" {
  description = "Per table (keyed by a short name such as frameworks), the DynamoDB actions the function may call and the table/index ARNs they apply to; one policy statement each."
  type = map(object({
    actions   = list(string)
    resources = list(string)
  }))

  validation {
    condition     = length(var.dynamodb_access) > 0 && alltrue([for access in values(var.dynamodb_access) : length(access.actions) > 0 && alltrue([for a in access.actions : can(regex("^dynamodb:[A-Za-z]+$", a))])])
    error_message = "dynamodb_access must name DynamoDB actions explicitly (no wildcards) for at least one table."
  }

  validation {
    condition     = alltrue([for table in keys(var.dynamodb_access) : can(regex("^[a-z]+$", table))])
    error_message = "dynamodb_access keys are short lowercase table names; they name the policy statements."
  }
}
