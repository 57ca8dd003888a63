#!/bin/sh
# Runs a dcplan sweep on a Slurm cluster: a job array of SHARDS shards (sweep-array.sbatch), then the
# merge (merge.sbatch), which waits for every shard to succeed (--dependency=afterok; REFERENCE.md P472).
#   Scripts/slurm/submit.sh SWEEP OUT [SHARDS]
#   Scripts/slurm/submit.sh Sites/sweeps/samsung-distribution-water.yaml out/samsung 16
# writes out/samsung/shard-0 … shard-15, their logs out/samsung/slurm-<job>_<task>.log, and the merged
# results in out/samsung/merged. Environment: CPUS (CPUs, hence threads, per shard; default 1), DCPLAN
# (the dcplan executable; default dcplan on PATH); sbatch options as SBATCH_PARTITION, SBATCH_ACCOUNT, ….
# Prints the two job ids ("array merge") on standard output.
set -eu
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 SWEEP OUT [SHARDS]" >&2
  exit 64
fi
here=$(cd "$(dirname "$0")" && pwd)
sweep=$1
out=$2
shards=${3:-16}
case $shards in
  '' | *[!0-9]* | 0) echo "error: SHARDS must be a positive integer, got '$shards'" >&2; exit 64 ;;
esac
mkdir -p "$out"
# --parsable prints "jobid" or "jobid;cluster".
array=$(sbatch --parsable --array="0-$((shards - 1))" --cpus-per-task="${CPUS:-1}" \
  --output="$out/slurm-%A_%a.log" --export="ALL,SWEEP=$sweep,OUT=$out,SHARDS=$shards" \
  "$here/sweep-array.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --output="$out/slurm-%j-merge.log" --export="ALL,OUT=$out,SHARDS=$shards" "$here/merge.sbatch")
merge=${merge%%;*}
echo "$array $merge"
