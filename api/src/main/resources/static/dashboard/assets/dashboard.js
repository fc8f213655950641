// Evalify dashboard: local times, confirmations, and live progress over Server-Sent Events.
// Plain script, no framework: the pages are server-rendered and work without it; this only keeps them current.
"use strict";

const TERMINAL = new Set(["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED", "EXPIRED"]);

function localizeTimes(root) {
  root.querySelectorAll("time[datetime]").forEach((t) => {
    const when = new Date(t.getAttribute("datetime"));
    if (!isNaN(when)) {
      t.textContent = when.toLocaleString();
      t.title = when.toISOString();
    }
  });
}

function confirmActions() {
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      const question = form.dataset.confirm;
      if (question && !window.confirm(question)) {
        event.preventDefault();
      }
    });
  });
}

function setField(scope, name, text) {
  scope.querySelectorAll(`[data-field="${name}"]`).forEach((el) => { el.textContent = text; });
}

function setStatus(scope, status) {
  scope.querySelectorAll('[data-field="status"] .status').forEach((el) => {
    el.textContent = status;
    el.className = "status status-" + status;
  });
}

function setBar(scope, percent) {
  scope.querySelectorAll('[data-field="bar"]').forEach((el) => {
    el.style.width = percent + "%";
    el.parentElement.setAttribute("aria-valuenow", String(percent));
  });
}

// Applies one status JSON (the API's GET /{id} shape) to the elements of a row or page.
function applyStatus(scope, job) {
  const c = job.counts;
  setStatus(scope, job.status);
  setBar(scope, job.percent);
  setField(scope, "percent", job.percent + " %");
  setField(scope, "done", c.processed + " / " + c.total);
  setField(scope, "total", c.total);
  setField(scope, "succeeded", c.succeeded);
  setField(scope, "failed", c.failed);
  setField(scope, "cancelled", c.cancelled);
  setField(scope, "waiting", c.total - c.processed);
  setField(scope, "rate", job.rate_per_second == null ? "–" : job.rate_per_second + "/s");
  setField(scope, "eta", job.eta_seconds == null ? "–" : Math.round(job.eta_seconds) + " s");
  scope.dataset.status = job.status;
}

// A sparkline of students per second between consecutive events, while the page is open.
function sparkline(svg) {
  const points = [];
  let previous = null;
  return (job) => {
    const now = performance.now();
    if (previous) {
      const seconds = (now - previous.at) / 1000;
      if (seconds > 0) points.push((job.counts.processed - previous.done) / seconds);
    }
    previous = { at: now, done: job.counts.processed };
    const shown = points.slice(-60);
    const max = Math.max(1, ...shown);
    const step = shown.length > 1 ? 300 / (shown.length - 1) : 300;
    svg.querySelector("polyline").setAttribute("points",
      shown.map((v, i) => `${(i * step).toFixed(1)},${(40 - (v / max) * 38).toFixed(1)}`).join(" "));
    setField(document, "spark-max", max.toFixed(1) + "/s");
  };
}

function followJob(main) {
  if (TERMINAL.has(main.dataset.status)) return;
  const spark = sparkline(document.getElementById("sparkline"));
  const source = new EventSource(main.dataset.events);
  const onEvent = (event) => {
    const job = JSON.parse(event.data);
    applyStatus(main, job);
    spark(job);
    if (event.type === "done") {
      source.close();
      const cancel = document.getElementById("cancel-job");
      if (cancel) cancel.closest("form").hidden = true;
    }
  };
  source.addEventListener("progress", onEvent);
  source.addEventListener("done", onEvent);
  source.addEventListener("gone", () => source.close());
}

function followList(table) {
  const rows = new Map();
  table.querySelectorAll("tr[data-job-id]").forEach((row) => {
    if (!TERMINAL.has(row.dataset.status)) rows.set(row.dataset.jobId, row);
  });
  if (rows.size === 0) return;
  const url = table.dataset.events + "?ids=" + encodeURIComponent([...rows.keys()].join(","));
  const source = new EventSource(url);
  source.addEventListener("job", (event) => {
    const job = JSON.parse(event.data);
    const row = rows.get(job.job_id);
    if (row) applyStatus(row, job);
  });
  source.onerror = () => { if (source.readyState === EventSource.CLOSED) rows.clear(); };
}

document.addEventListener("DOMContentLoaded", () => {
  localizeTimes(document);
  confirmActions();
  const job = document.querySelector("[data-live-job]");
  if (job) followJob(job);
  const list = document.querySelector("[data-live-list]");
  if (list) followList(list);
});
