locals {
  routes = jsondecode(file("${path.module}/../shared/routes.json")).routes

  # Crate directories under functions/ but the scheduled ones (refresh.tf); tests hold this
  # equal to the functions map and routes.json.
  crate_functions = setsubtract(
    toset([for manifest in fileset("${path.module}/../functions", "*/Cargo.toml") : dirname(manifest)]),
    local.scheduled_functions,
  )

  artifacts_dir = coalesce(var.artifacts_dir, "${path.module}/../target/lambda/${var.architecture}")

  tables = {
    frameworks = aws_dynamodb_table.frameworks
    faq        = aws_dynamodb_table.faq
    facts      = aws_dynamodb_table.facts
  }

  # Least privilege, in one place: per function, the DynamoDB actions it may call on each
  # table it reads, and whether on that table's indexes too. One statement per table, so an
  # action granted for one table never reaches another. A delete is a conditional PutItem of
  # a tombstone (docs/dynamodb.md), so nothing needs DeleteItem.
  function_access = {
    # The facts (written by the refresh, refresh.tf) are read whole, shown with each
    # framework and counted into the trends.
    catalog = {
      frameworks = { indexes = true, actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"] }
      facts      = { indexes = false, actions = ["dynamodb:Scan"] }
    }
    compare = {
      frameworks = { indexes = true, actions = ["dynamodb:Query"] }
    }
    recommend = {
      frameworks = { indexes = true, actions = ["dynamodb:Query"] }
    }
    faq = {
      faq = { indexes = false, actions = ["dynamodb:GetItem", "dynamodb:Scan"] }
    }
    # The pages list and compare through the catalog's Query, search the FAQ's Scan and
    # show the facts' Scan.
    web = {
      frameworks = { indexes = true, actions = ["dynamodb:Query"] }
      faq        = { indexes = false, actions = ["dynamodb:Scan"] }
      facts      = { indexes = false, actions = ["dynamodb:Scan"] }
    }
  }

  # Each function is told the names of the tables it may read (FRAMEWORKS_TABLE, FAQ_TABLE,
  # FACTS_TABLE)
  # and no other, so its settings and its role agree.
  environment = {
    for name, access in local.function_access : name => merge(
      {
        CACHE_TTL_SECS = tostring(var.cache_ttl_secs)
        RUST_LOG       = var.rust_log
      },
      { for table in keys(access) : "${upper(table)}_TABLE" => local.tables[table].name },
    )
  }
}

resource "aws_dynamodb_table" "frameworks" {
  #checkov:skip=CKV_AWS_119:Public reference data; the AWS owned key is enough and a customer managed KMS key adds cost and key policy upkeep.
  name                        = "${var.name_prefix}-frameworks"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "id"
    type = "S"
  }

  attribute {
    name = "entity"
    type = "S"
  }

  attribute {
    name = "name_key"
    type = "S"
  }

  global_secondary_index {
    name            = "by_name"
    hash_key        = "entity"
    range_key       = "name_key"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

resource "aws_dynamodb_table" "faq" {
  #checkov:skip=CKV_AWS_119:Public FAQ content; the AWS owned key is enough and a customer managed KMS key adds cost and key policy upkeep.
  name                        = "${var.name_prefix}-faq"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

module "function" {
  source   = "./modules/function"
  for_each = var.functions

  function_name        = "${var.name_prefix}-${each.key}"
  description          = each.value.description
  artifact_path        = "${local.artifacts_dir}/${each.key}/bootstrap.zip"
  architecture         = var.architecture
  memory_size          = each.value.memory_size
  timeout              = each.value.timeout
  reserved_concurrency = var.reserved_concurrency
  log_retention_days   = var.log_retention_days
  environment          = local.environment[each.key]
  api_execution_arn    = aws_apigatewayv2_api.this.execution_arn

  dynamodb_access = {
    for table, grant in local.function_access[each.key] : table => {
      actions = grant.actions
      resources = concat(
        [local.tables[table].arn],
        grant.indexes ? ["${local.tables[table].arn}/index/*"] : [],
      )
    }
  }

}
