#!/bin/sh
# make bench: generates a corpus of at least 100 MB at run time (the seed
# articles copied under distinct names, with their actors' names varied so
# the graph grows too) and reports throughput and peak memory. Not a timed
# test: compare runs on the same machine.
set -eu
BIN=${1:-./netbuild}
MB=${NB_BENCH_MB:-110}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
/usr/bin/python3 - "$dir" "$MB" <<'PY'
import os, sys
out, mb = sys.argv[1], int(sys.argv[2])
seeds = [open(os.path.join("seeds", f), "rb").read() for f in sorted(os.listdir("seeds"))]
total, i = 0, 0
while total < mb * 1024 * 1024:
    sub = os.path.join(out, "d%03d" % (i // 1000))
    os.makedirs(sub, exist_ok=True)
    text = seeds[i % len(seeds)]
    # vary one person's name per copy so the network is not 5 articles' worth
    text = text.replace(b"Erica Gaston", b"Erica Gaston%d" % (i % 997))
    with open(os.path.join(sub, "a%06d.txt" % i), "wb") as f:
        f.write(text)
    total += len(text)
    i += 1
print("corpus: %d articles, %.1f MB" % (i, total / 1048576))
PY
/usr/bin/python3 - "$BIN" "$dir" <<'PY'
import os, resource, subprocess, sys, time
binp, corpus = sys.argv[1], sys.argv[2]
size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(corpus) for f in fs)
t0 = time.time()
subprocess.run([binp, "-q", corpus, "-o", os.path.join(corpus, "..", "bench-out.graphml")], check=False)
dt = time.time() - t0
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
print("bench: %.1f MB in %.2f s = %.2f MB/s, peak RSS %.1f MB" % (size / 1048576, dt, size / 1048576 / dt, rss))
PY
rm -f "$dir/../bench-out.graphml"
