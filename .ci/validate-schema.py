#!/usr/bin/env python3
"""Validates YAML specs against dcplan's JSON Schemas with an independent validator
(python-jsonschema, Draft 2020-12). Usage: validate-schema.py SCHEMA SPEC... ; exit 1 on any error.
With --expect-invalid, every spec must be rejected instead."""
import json
import sys

import jsonschema
import yaml

args = sys.argv[1:]
expect_invalid = "--expect-invalid" in args
args = [a for a in args if a != "--expect-invalid"]
schema = json.load(open(args[0]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = False
for path in args[1:]:
    errors = list(validator.iter_errors(yaml.safe_load(open(path))))
    if expect_invalid != bool(errors):
        failed = True
    for e in errors:
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    if not errors:
        print(f"{path}: valid")
sys.exit(1 if failed else 0)
