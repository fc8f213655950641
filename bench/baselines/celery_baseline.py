"""Celery baseline: one Celery task per student, one worker with a gevent pool of 100.

Run by run_baseline.sh (which starts Redis and the fakes and sets BASELINE_* variables), or directly:

  /usr/bin/python3 celery_baseline.py --scenario S2 --quiz bench-s2 [--students N] [--concurrency 100]
                                      [--timeout-s 1800]

Starts `/usr/bin/python3 -m celery -A celery_app worker -P gevent -c 100 --prefetch-multiplier=1 -O fair`
(not timed), waits until it answers a ping, then starts the clock, lists the students (GET /student, like
quiz_job), creates the progress hash, dispatches one student_job per student as a Celery group (like
quiz_job), and stops the clock at the `finished_at` the last task wrote into the progress hash.
Prints one JSON line.
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
from celery import group  # noqa: E402
from celery._state import _set_task_join_will_block  # noqa: E402
from celery_app import app, student_job  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", required=True)
    ap.add_argument("--quiz", required=True)
    ap.add_argument("--students", type=int, default=0, help="limit (0 = every student of the quiz)")
    ap.add_argument("--concurrency", type=int, default=100)
    ap.add_argument("--prefetch-multiplier", type=int, default=1, help="sensitivity runs only; evaluator uses 1")
    ap.add_argument("--no-fair", action="store_true", help="sensitivity runs only: drop -O fair")
    ap.add_argument("--timeout-s", type=float, default=1800)
    ap.add_argument("--log-dir", default=os.environ.get("BASELINE_LOG_DIR", "/tmp"))
    args = ap.parse_args()
    deadline = time.time() + args.timeout_s

    env = dict(os.environ)
    env["PYTHONPATH"] = HERE + os.pathsep + env.get("PYTHONPATH", "")
    node = "desc-worker-%d@bench" % os.getpid()
    log = open(os.path.join(args.log_dir, "celery-worker.log"), "wb")
    worker = subprocess.Popen(
        ["/usr/bin/python3", "-m", "celery", "-A", "celery_app", "worker", "-P", "gevent",
         "-c", str(args.concurrency), "--prefetch-multiplier=%d" % args.prefetch_multiplier]
        + ([] if args.no_fair else ["-O", "fair"]) + ["-Q", "desc-queue", "-n", node, "-l", "WARNING"],
        cwd=HERE, env=env, stdout=log, stderr=subprocess.STDOUT)
    t_start = time.time()
    try:
        while not app.control.ping(destination=[node], timeout=0.5):
            if worker.poll() is not None:
                raise RuntimeError("celery worker exited during startup; see %s/celery-worker.log" % args.log_dir)
            if time.time() > deadline:
                raise TimeoutError("celery worker did not answer ping")

        print("celery worker ready in %.1f s" % (time.time() - t_start), file=sys.stderr, flush=True)
        job_id = "celery-%s-%d" % (args.scenario, int(time.time()))
        cpu0 = eb.cpu_seconds(worker.pid)
        t0 = time.time()
        ids = eb.list_student_ids(args.quiz)
        if args.students:
            ids = ids[:args.students]
        eb.init_progress(job_id, len(ids))
        # quiz_job dispatches the group from inside a worker, where Celery does not SUBSCRIBE to a
        # result channel per task id; do the same here (otherwise each apply_async costs a SUBSCRIBE).
        _set_task_join_will_block(True)
        group_result = group(student_job.s(job_id, args.quiz, sid) for sid in ids).apply_async()
        group_result.save()  # quiz_job stores its GroupResult too
        enqueued = time.time() - t0
        h = eb.wait_done(job_id, deadline)
        seconds = int(h["finished_at"]) / 1000.0 - t0
        worker_cpu = eb.cpu_seconds(worker.pid) - cpu0
        print(json.dumps({"system": "celery", "scenario": args.scenario, "students": len(ids),
                          "seconds": round(seconds, 2), "workers": 1, "pool": "gevent",
                          "concurrency": args.concurrency,
                          "prefetch_multiplier": args.prefetch_multiplier, "fair": not args.no_fair, "worker_class": "gevent x%d" % args.concurrency,
                          "enqueue_seconds": round(enqueued, 2), "failed": int(h.get("failed", 0)), "peak_inflight_per_process": int(h.get("peak_inflight", 0)),
                "avg_task_ms": round(int(h.get("busy_ms", 0)) / max(1, len(ids)), 1),
                "avg_inflight": round(int(h.get("busy_ms", 0)) / 1000.0 / max(seconds, 1e-3), 1),
                          "worker_cpu_seconds": round(worker_cpu, 2), "loadavg_1m": os.getloadavg()[0]}),
              flush=True)
    finally:
        t_stop = time.time()
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        print("celery worker stopped in %.1f s" % (time.time() - t_stop), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
