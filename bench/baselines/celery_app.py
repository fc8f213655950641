"""Celery app for the Celery baseline: Redis broker + Redis result backend, one task per student.

Settings follow the current evaluator's Celery configuration: JSON serialisation, acks_late, prefetch 1,
results kept in the Redis backend (result_expires 3600 s), queue `desc-queue` consumed by a gevent pool
of 100:

  /usr/bin/python3 -m celery -A celery_app worker -P gevent -c 100 --prefetch-multiplier=1 -O fair \
      -Q desc-queue -l WARNING

The task body is evalify_baseline.process_student (the same per-student work as the RQ baseline).
"""

import os

from celery import Celery

import evalify_baseline as eb

REDIS_URL = os.environ["BASELINE_REDIS_URL"]

app = Celery("evalify_baseline", broker=REDIS_URL, backend=REDIS_URL)
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_default_queue="desc-queue",
    result_expires=3600,
    task_track_started=False,
    broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False,
)


@app.task(name="evaluator.worker.tasks.student.student_job")
def student_job(job_id, quiz_id, student_id):
    return eb.process_student(job_id, quiz_id, student_id)
