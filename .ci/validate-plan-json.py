#!/usr/bin/env python3
"""Validates plan.json files against dcplan's plan.json schema with an independent validator
(python-jsonschema, Draft 2020-12; DESIGN.md §8.3). Usage: validate-plan-json.py SCHEMA PLAN.json...
Exit 1 on any error. Besides the schema it checks the number hygiene: no number printed with a
fraction of zero (`15.0`) and no float noise (`26.733772800000004`: more than 12 significant digits)."""
import json
import re
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = False
for path in sys.argv[2:]:
    text = open(path).read()
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.loads(text))]
    for line_number, line in enumerate(text.splitlines(), 1):
        value = line.split(" : ", 1)[-1].strip().rstrip(",")
        if re.fullmatch(r"-?\d+\.\d*0|-?\d*\.\d{13,}\d*", value):
            errors.append(f"line {line_number}: number {value} is not shortest round-trip after rounding")
    for e in errors:
        print(f"{path}: {e}")
    if errors:
        failed = True
    else:
        print(f"{path}: valid")
sys.exit(1 if failed else 0)
