"""RQ baseline: one RQ job per student on one queue, 8 `rq worker` processes.

Run by run_baseline.sh (which starts Redis and the fakes and sets BASELINE_* variables), or directly:

  /usr/bin/python3 rq_baseline.py --scenario S1 --quiz bench-s1 [--students N] [--workers 8]
                                  [--worker-class both|Worker|SimpleWorker] [--timeout-s 1800]

For each worker class: start N `/usr/bin/rq worker` processes (not timed), wait until all are registered,
then start the clock, list the students (GET /student, like the quiz-level job), create the progress hash,
enqueue one job per student with Queue.prepare_data + Queue.enqueue_many (pipelined, chunks of 1,000),
and stop the clock at the `finished_at` the last job wrote into the progress hash (done == total).
Prints one JSON line per worker class, then the headline line (the faster class) last.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import evalify_baseline as eb  # noqa: E402
from rq import Queue, Worker  # noqa: E402

QUEUE = "task_queue"  # DescriptiveEval's queue name
WORKER_CLASSES = {"Worker": "rq.worker.Worker", "SimpleWorker": "rq.worker.SimpleWorker"}


def start_workers(n, worker_class, tag, log_dir):
    env = dict(os.environ)
    env["PYTHONPATH"] = HERE + os.pathsep + env.get("PYTHONPATH", "")
    procs = []
    for i in range(n):
        log = open(os.path.join(log_dir, "rq-worker-%s-%d.log" % (tag, i)), "wb")
        procs.append(subprocess.Popen(
            ["/usr/bin/rq", "worker", "--url", os.environ["BASELINE_REDIS_URL"],
             "--worker-class", WORKER_CLASSES[worker_class], "--name", "bench-%s-%d" % (tag, i),
             "--quiet", QUEUE],
            cwd=HERE, env=env, stdout=log, stderr=subprocess.STDOUT))
    return procs


def stop_workers(procs):
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)  # warm shutdown
    deadline = time.time() + 15
    for p in procs:
        try:
            p.wait(timeout=max(0.1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def run_once(args, worker_class, deadline):
    r = eb.redis_client()
    queue = Queue(QUEUE, connection=r)
    queue.empty()
    tag = "%s-%d" % (worker_class, int(time.time()))
    procs = start_workers(args.workers, worker_class, tag, args.log_dir)
    try:
        while len([w for w in Worker.all(queue=queue) if w.name.startswith("bench-%s-" % tag)]) < args.workers:
            if any(p.poll() is not None for p in procs):
                raise RuntimeError("an rq worker exited during startup; see %s" % args.log_dir)
            if time.time() > deadline:
                raise TimeoutError("rq workers did not register")
            time.sleep(0.05)

        job_id = "rq-%s-%s" % (args.scenario, tag)
        cpu0 = sum(eb.cpu_seconds(p.pid) for p in procs)
        t0 = time.time()
        ids = eb.list_student_ids(args.quiz)
        if args.students:
            ids = ids[:args.students]
        eb.init_progress(job_id, len(ids))
        for start in range(0, len(ids), 1000):
            datas = [Queue.prepare_data(eb.process_student, args=(job_id, args.quiz, sid), timeout=600)
                     for sid in ids[start:start + 1000]]
            queue.enqueue_many(datas)
        enqueued = time.time() - t0
        h = eb.wait_done(job_id, deadline)
        seconds = int(h["finished_at"]) / 1000.0 - t0
        worker_cpu = sum(eb.cpu_seconds(p.pid) for p in procs) - cpu0
        return {"system": "rq", "scenario": args.scenario, "students": len(ids), "seconds": round(seconds, 2),
                "workers": args.workers, "worker_class": worker_class, "enqueue_seconds": round(enqueued, 2),
                "failed": int(h.get("failed", 0)), "peak_inflight_per_process": int(h.get("peak_inflight", 0)),
                "avg_task_ms": round(int(h.get("busy_ms", 0)) / max(1, len(ids)), 1),
                "avg_inflight": round(int(h.get("busy_ms", 0)) / 1000.0 / max(seconds, 1e-3), 1),
                "worker_cpu_seconds": round(worker_cpu, 2), "loadavg_1m": os.getloadavg()[0], "job": job_id}
    finally:
        stop_workers(procs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", required=True)
    ap.add_argument("--quiz", required=True)
    ap.add_argument("--students", type=int, default=0, help="limit (0 = every student of the quiz)")
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--worker-class", default="both", choices=["both"] + list(WORKER_CLASSES))
    ap.add_argument("--timeout-s", type=float, default=1800)
    ap.add_argument("--log-dir", default=os.environ.get("BASELINE_LOG_DIR", "/tmp"))
    args = ap.parse_args()
    deadline = time.time() + args.timeout_s
    classes = list(WORKER_CLASSES) if args.worker_class == "both" else [args.worker_class]
    results = []
    for cls in classes:
        res = run_once(args, cls, deadline)
        print(json.dumps(dict(res, line="variant")), flush=True)
        results.append(res)
    best = min(results, key=lambda x: x["seconds"])
    headline = {k: best.get(k) for k in ("system", "scenario", "students", "seconds", "workers", "worker_class",
                                      "enqueue_seconds", "failed", "peak_inflight_per_process", "avg_task_ms", "avg_inflight",
                                      "worker_cpu_seconds", "loadavg_1m")}
    headline["all_classes"] = {x["worker_class"]: x["seconds"] for x in results}
    print(json.dumps(headline), flush=True)


if __name__ == "__main__":
    main()
