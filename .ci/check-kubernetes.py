#!/usr/bin/env python3
"""Checks the Kubernetes manifests in Scripts/kubernetes (DESIGN.md §7.1) with python3-yaml: every file
parses, every document is a batch/v1 Job with a name and restartPolicy Never, the Indexed Job's shard
count ("--shard $JOB_COMPLETION_INDEX/N") equals its completions, each shard runs with --threads, and
the merge Job joins that many shards. Prints one line per problem; exit 1 when there is one."""
import glob, os, re, sys
import yaml

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
files = sorted(glob.glob(os.path.join(root, "Scripts", "kubernetes", "*.yaml")))
problems = []
jobs = {}
for path in files:
    name = os.path.relpath(path, root)
    try:
        documents = [d for d in yaml.safe_load_all(open(path, encoding="utf-8")) if d is not None]
    except yaml.YAMLError as error:
        problems.append(f"{name}: {error}")
        continue
    for doc in documents:
        if doc.get("apiVersion") != "batch/v1" or doc.get("kind") != "Job" or not doc.get("metadata", {}).get("name"):
            problems.append(f"{name}: expected a batch/v1 Job with metadata.name")
            continue
        spec = doc["spec"]
        pod = spec["template"]["spec"]
        if pod.get("restartPolicy") != "Never":
            problems.append(f"{name}: restartPolicy must be Never (a failed shard is retried as a new pod)")
        script = " ".join(" ".join(c.get("command", []) + c.get("args", [])) for c in pod["containers"])
        jobs[doc["metadata"]["name"]] = (name, spec, script)

sweep = jobs.get("dcplan-sweep")
merge = jobs.get("dcplan-sweep-merge")
if sweep is None or merge is None:
    problems.append("Scripts/kubernetes: expected the Jobs dcplan-sweep and dcplan-sweep-merge")
else:
    name, spec, script = sweep
    completions = spec.get("completions")
    if spec.get("completionMode") != "Indexed" or not isinstance(completions, int) or completions < 1:
        problems.append(f"{name}: dcplan-sweep must be an Indexed Job with a positive completions")
    shards = re.search(r'--shard "?\$JOB_COMPLETION_INDEX/(\d+)', script)
    if not shards or int(shards.group(1)) != completions:
        problems.append(f"{name}: --shard $JOB_COMPLETION_INDEX/N must have N = completions ({completions})")
    if not 1 <= spec.get("parallelism", 1) <= (completions or 0):
        problems.append(f"{name}: parallelism must be within 1 and completions")
    if "--threads" not in script:
        problems.append(f"{name}: each shard must set --threads (else it runs one thread per core of the node)")
    merge_name, _, merge_script = merge
    count = re.search(r'-lt (\d+)', merge_script)
    if "sweep merge" not in merge_script or not count or int(count.group(1)) != completions:
        problems.append(f"{merge_name}: the merge must join all {completions} shards")

for problem in problems:
    print(problem)
print(f"{len(files)} Kubernetes manifests checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
