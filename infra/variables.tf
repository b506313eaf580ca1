variable "aws_region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "aws_region must look like an AWS region, e.g. eu-west-1."
  }
}

variable "aws_endpoint_url" {
  description = "Endpoint of a local AWS emulator (e.g. http://127.0.0.1:5000 for moto). Null deploys to real AWS."
  type        = string
  default     = null

  validation {
    condition     = var.aws_endpoint_url == null || can(regex("^https?://", var.aws_endpoint_url))
    error_message = "aws_endpoint_url must be an http(s) URL or null."
  }
}

variable "name_prefix" {
  description = "Prefix of every resource name (functions, tables, API, log groups)."
  type        = string
  default     = "stack-advisor"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-32 characters of lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "tags" {
  description = "Extra tags applied to every resource through the provider's default_tags."
  type        = map(string)
  default     = {}
}

variable "architecture" {
  description = "Lambda instruction set; must match the ARCH the artifacts were built for."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "artifacts_dir" {
  description = "Directory holding <function>/bootstrap.zip as built by `make build`. Null means ../target/lambda/<architecture> relative to this module."
  type        = string
  default     = null

  validation {
    condition     = var.artifacts_dir == null ? true : length(trimspace(var.artifacts_dir)) > 0
    error_message = "artifacts_dir must be a directory path or null."
  }
}

variable "functions" {
  description = "The Lambda functions, keyed by the crate directory name under functions/, with their memory (MB) and timeout (seconds)."
  type = map(object({
    description = optional(string, "")
    memory_size = optional(number, 128)
    timeout     = optional(number, 10)
  }))
  default = {
    catalog = {
      description = "Framework catalog: list, get, admin create/replace/delete, OpenAPI document."
      memory_size = 256
    }
    compare = {
      description = "Side-by-side comparison of two to four frameworks."
    }
    recommend = {
      description = "Ranked, explained framework recommendations for a project profile."
      memory_size = 256
    }
    faq = {
      description = "FAQ entries and free-text search."
    }
    web = {
      description = "The advisor's web pages (advice, catalog, compare, releases, questions) and their assets."
      memory_size = 256
    }
  }

  validation {
    condition     = alltrue([for f in values(var.functions) : f.memory_size >= 128 && f.memory_size <= 10240])
    error_message = "memory_size must be between 128 and 10240 MB."
  }

  validation {
    condition     = alltrue([for f in values(var.functions) : f.timeout >= 1 && f.timeout <= 29])
    error_message = "timeout must be between 1 and 29 seconds (API Gateway HTTP APIs give up after 30 s)."
  }

  validation {
    condition     = alltrue([for name in keys(var.functions) : can(regex("^[a-z][a-z0-9-]*$", name))])
    error_message = "Function names must be lowercase crate directory names."
  }
}

variable "reserved_concurrency" {
  description = "Reserved concurrent executions per function; -1 leaves the functions unreserved (needed on accounts with a low concurrency quota)."
  type        = number
  default     = 50

  validation {
    condition     = var.reserved_concurrency == -1 || (var.reserved_concurrency >= 0 && floor(var.reserved_concurrency) == var.reserved_concurrency)
    error_message = "reserved_concurrency must be -1 (unreserved) or a non-negative integer."
  }
}

variable "cache_ttl_secs" {
  description = "CACHE_TTL_SECS given to every function: how long a warm function reuses what it read from DynamoDB."
  type        = number
  default     = 60

  validation {
    condition     = var.cache_ttl_secs >= 0 && var.cache_ttl_secs <= 3600 && floor(var.cache_ttl_secs) == var.cache_ttl_secs
    error_message = "cache_ttl_secs must be an integer between 0 and 3600."
  }
}

variable "rust_log" {
  description = "RUST_LOG filter given to every function."
  type        = string
  default     = "info"

  validation {
    condition     = length(trimspace(var.rust_log)) > 0
    error_message = "rust_log must not be empty."
  }
}

variable "log_retention_days" {
  description = "Retention of the function and API access log groups, in days."
  type        = number
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "deletion_protection" {
  description = "Deletion protection of the DynamoDB tables. `make destroy` lifts it before destroying."
  type        = bool
  default     = true
}

variable "cors_allow_origins" {
  description = "Origins allowed by the API's CORS configuration."
  type        = list(string)
  default     = ["*"]

  validation {
    condition     = length(var.cors_allow_origins) > 0
    error_message = "cors_allow_origins must list at least one origin."
  }
}

variable "api_throttling_rate_limit" {
  description = "Default steady-state request rate (requests per second) of the API stage."
  type        = number
  default     = 100

  validation {
    condition     = var.api_throttling_rate_limit > 0
    error_message = "api_throttling_rate_limit must be positive."
  }
}

variable "api_throttling_burst_limit" {
  description = "Default burst of requests of the API stage."
  type        = number
  default     = 200

  validation {
    condition     = var.api_throttling_burst_limit > 0 && floor(var.api_throttling_burst_limit) == var.api_throttling_burst_limit
    error_message = "api_throttling_burst_limit must be a positive integer."
  }
}

variable "api_5xx_alarm_threshold_percent" {
  description = "The API 5xx alarm fires when more than this percentage of requests in 5 minutes answer 5xx."
  type        = number
  default     = 1

  validation {
    condition     = var.api_5xx_alarm_threshold_percent > 0 && var.api_5xx_alarm_threshold_percent <= 100
    error_message = "api_5xx_alarm_threshold_percent must be in (0, 100]."
  }
}

variable "alarm_topic_arn" {
  description = "SNS topic notified when an alarm fires or recovers; null keeps the alarms silent (visible in the console only)."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_topic_arn == null || can(regex("^arn:aws[a-z-]*:sns:", var.alarm_topic_arn))
    error_message = "alarm_topic_arn must be an SNS topic ARN or null."
  }
}

variable "enable_cdn" {
  description = "Put a CloudFront distribution in front of the HTTP API: cached reads, security headers, access logs. Admin writes still go to api_url."
  type        = bool
  default     = true
}

variable "cdn_price_class" {
  description = "CloudFront price class: which edge locations serve the distribution (PriceClass_100 is North America and Europe, the cheapest)."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.cdn_price_class)
    error_message = "cdn_price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}
