#!/usr/bin/python3
"""faiss side of `./acgbot bench index`: the very same vectors the Java bench wrote, same machine, same run.

Usage: faiss_bench.py DIR THREADS M EF_CONSTRUCTION EF_SEARCH[,EF_SEARCH...]
Reads DIR/base.npy, DIR/query_image.npy, DIR/query_text.npy (float32, unit rows); writes DIR/faiss.json and
DIR/flat_ids_{image,text}.npy (exact top-10, the ground truth both sides are scored against).
"""
import json
import os
import sys
import time

# each module is named with the Debian package that has it (/usr/bin/python3 sees them); nothing is installed from here
for _module, _package in [("numpy", "python3-numpy"), ("faiss", "python3-faiss")]:
    try:
        __import__(_module)
    except ImportError:
        print("faiss_bench.py needs the Python module %s: install with `sudo apt-get install %s`" % (_module, _package), file=sys.stderr)
        sys.exit(2)

import numpy as np  # noqa: E402
import faiss  # noqa: E402

K = 10
THREADS = 1


def rss_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def percentile(xs, p):
    return float(np.percentile(np.array(xs), p))


def single_latencies(index, queries):
    # one query runs on one thread in faiss anyway; with more, OpenMP's spinning barrier only adds latency
    # (badly so on a loaded machine), so single queries are timed with one thread, batches with all
    faiss.omp_set_num_threads(1)
    index.search(queries[:5], K)  # warm-up
    times = []
    cpu = []
    for q in queries:
        c0 = time.thread_time()
        t0 = time.perf_counter()
        index.search(q.reshape(1, -1), K)
        times.append((time.perf_counter() - t0) * 1000)
        # this thread's CPU time: wall minus the time the OS ran something else (2 shared cores)
        cpu.append((time.thread_time() - c0) * 1000)
    faiss.omp_set_num_threads(THREADS)
    single_latencies.cpu = cpu
    return times


def batch_per_query_ms(index, queries, batch=16):
    # faiss only hands batches of 20+ queries to BLAS by default; lower the threshold so batch-16 gets
    # OpenBLAS's sgemm, the configuration the issue compares against
    faiss.cvar.distance_compute_blas_threshold = 1
    n = (len(queries) // batch) * batch
    t0 = time.perf_counter()
    for i in range(0, n, batch):
        index.search(queries[i:i + batch], K)
    return (time.perf_counter() - t0) * 1000 / n


def recall(found, truth):
    hits = sum(len(set(f[:K]) & set(t[:K])) for f, t in zip(found, truth))
    return hits / (len(truth) * K)


def main():
    global THREADS
    d, threads, m, efc = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    THREADS = threads
    efs_list = [int(x) for x in sys.argv[5].split(",")]
    faiss.omp_set_num_threads(threads)
    base = np.load(os.path.join(d, "base.npy"), mmap_mode="r")
    qi = np.ascontiguousarray(np.load(os.path.join(d, "query_image.npy")))
    qt = np.ascontiguousarray(np.load(os.path.join(d, "query_text.npy")))
    out = {"faiss_version": faiss.__version__, "threads": threads, "single_query_threads": 1, "n": int(base.shape[0]), "dim": int(base.shape[1])}

    rss0 = rss_bytes()
    t0 = time.perf_counter()
    flat = faiss.IndexFlatIP(base.shape[1])
    flat.add(np.ascontiguousarray(base))
    out["flat_build_s"] = time.perf_counter() - t0
    out["flat_memory_bytes"] = rss_bytes() - rss0
    truth = {}
    for name, q in (("image", qi), ("text", qt)):
        _, ids = flat.search(q, K)
        truth[name] = ids
        np.save(os.path.join(d, "flat_ids_%s.npy" % name), ids.astype(np.int64))
    lat = single_latencies(flat, qi)
    out["flat_single_p50_ms"] = percentile(lat, 50)
    out["flat_single_p99_ms"] = percentile(lat, 99)
    out["flat_batch16_per_query_ms"] = batch_per_query_ms(flat, np.concatenate([qi, qt]))
    del flat

    if m == 0:  # --skip-graph
        with open(os.path.join(d, "faiss.json"), "w") as f:
            json.dump(out, f, indent=1)
        return

    rss0 = rss_bytes()
    t0 = time.perf_counter()
    hnsw = faiss.IndexHNSWFlat(base.shape[1], m, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = efc
    hnsw.add(np.ascontiguousarray(base))
    out["hnsw_build_s"] = time.perf_counter() - t0
    out["hnsw_memory_bytes"] = rss_bytes() - rss0
    out["hnsw_m"] = m
    out["hnsw_ef_construction"] = efc
    sweep = []
    for efs in efs_list:
        hnsw.hnsw.efSearch = efs
        row = {"ef_search": efs}
        for name, q in (("image", qi), ("text", qt)):
            _, ids = hnsw.search(q, K)
            row["recall_" + name] = recall(ids, truth[name])
            lat = single_latencies(hnsw, q)
            row["p50_ms_" + name] = percentile(lat, 50)
            row["p99_ms_" + name] = percentile(lat, 99)
            row["p999_ms_" + name] = percentile(lat, 99.9)
            row["cpu_p99_ms_" + name] = percentile(single_latencies.cpu, 99)
            row["cpu_p999_ms_" + name] = percentile(single_latencies.cpu, 99.9)
        sweep.append(row)
        print("faiss hnsw ef=%d %s" % (efs, json.dumps(row)), file=sys.stderr, flush=True)
    out["hnsw_sweep"] = sweep
    with open(os.path.join(d, "faiss.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
