"""Fail when a plan (terraform show -json) changes anything beyond what the emulator cannot store.

moto does not return Lambda's LoggingConfig and DeadLetterConfig nor DynamoDB table tags, so right after an apply the
provider sees those as missing and plans to add them again. Everything else must be a no-op.
"""

import json
import sys

EMULATOR_GAPS = {"aws_lambda_function": {"logging_config", "dead_letter_config"}, "aws_dynamodb_table": {"tags"}}


def drift(plan):
    for change in plan.get("resource_changes", []):
        actions = change["change"]["actions"]
        if actions == ["no-op"]:
            continue
        before = change["change"]["before"] or {}
        after = change["change"]["after"] or {}
        changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
        changed -= EMULATOR_GAPS.get(change["type"], set())
        if changed or actions != ["update"]:
            yield f"{change['address']} {actions}: {sorted(changed)}"


def main():
    found = list(drift(json.load(sys.stdin)))
    if found:
        sys.exit("rehearsal: a second plan still finds changes:\n  " + "\n  ".join(found))
    print("rehearsal: a second plan finds no changes (beyond moto's gaps: Lambda logging_config and dead_letter_config, table tags)")


if __name__ == "__main__":
    main()
