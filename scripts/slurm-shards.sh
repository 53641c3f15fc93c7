#!/bin/sh
# slurm-shards.sh CORPUS WORKDIR N [NETBUILD OPTIONS...] - an example: runs
# netbuild over CORPUS as a Slurm job array of N shards, then one merge job
# once every shard has succeeded. CORPUS and WORKDIR must be on a file
# system every node sees, at the same path; the nodes must run the same
# netbuild with the same data files. Options after N (say -a actors.csv)
# go to every shard and to the merge.
#
#   sh scripts/slurm-shards.sh /shared/corpus /shared/work 16 -a /shared/actors.csv
#
# Outputs: WORKDIR/net.graphml and WORKDIR/net.html; logs in WORKDIR/logs.
set -eu
if [ $# -lt 3 ]; then
    echo "usage: $0 CORPUS WORKDIR N [NETBUILD OPTIONS...]" >&2
    exit 2
fi
CORPUS=$1 WORK=$2 N=$3
shift 3
NB=${NETBUILD:-netbuild}
mkdir -p "$WORK/logs"
# Each array task K extracts part K of N: every task scans the same CORPUS,
# so articles keep the names and order a single run gives them.
jid=$(sbatch --parsable --array=1-"$N" --job-name=nb-shard --chdir="$WORK" \
    --output="$WORK/logs/shard-%a.log" --cpus-per-task=1 --mem=4G \
    --wrap="$NB shard -q $* '$CORPUS' --part \$SLURM_ARRAY_TASK_ID/$N --store shard-\$SLURM_ARRAY_TASK_ID.db")
# The merge runs once, after all of them succeeded.
sbatch --dependency=afterok:"$jid" --job-name=nb-merge --chdir="$WORK" --output="$WORK/logs/merge.log" \
    --cpus-per-task=1 --mem=16G \
    --wrap="$NB merge $* shard-*.db -o net.graphml -o net.html"
echo "submitted shard array $jid ($N tasks) and its merge job"
