#!/usr/bin/python3
"""The bounded mixed load of scripts/cluster-check.sh (issue 16 item 4; not run by ./mvnw verify).

N users sign in through the balancer with the login form (each a session of its own, carried by its cookie), then
for a bounded time read pages and API results and write cases through the API (PUT /api/v1/cases/{case number}: the
case number is the write's key, so sending it again changes nothing). A write that fails is sent again with the same
key until it is answered 2xx (at most 5 times). At --kill-after seconds the process --kill-pid is killed with SIGKILL
(the moment is recorded here, between requests of the users, so each request is known to have started before, been in
flight over, or started after the kill). At the end every user reads once more with his session. Writes a JSON summary
(--out) and every request (--requests, one JSON per line): start, end, user, method, path, status, instance.
"""
import argparse
import csv
import http.client
import json
import os
import random
import re
import signal
import threading
import time
import urllib.parse

p = argparse.ArgumentParser()
p.add_argument("--base", required=True)             # http://127.0.0.1:PORT (the balancer)
p.add_argument("--username", default="legal")
p.add_argument("--password", required=True)
p.add_argument("--users", type=int, default=12)
p.add_argument("--seconds", type=float, default=90)
p.add_argument("--cases", required=True)            # generated cases.csv: the rows written, one key each
p.add_argument("--period", required=True)           # e.g. 2024-Q1 for the API reads
p.add_argument("--write-share", type=float, default=0.3)
p.add_argument("--kill-pid", type=int, default=0)
p.add_argument("--kill-after", type=float, default=0)
p.add_argument("--out", required=True)
p.add_argument("--requests", required=True)
args = p.parse_args()

base = urllib.parse.urlparse(args.base)
HOST, PORT = base.hostname, base.port

with open(args.cases, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
header, rows = rows[0], rows[1:]
KEY = next(h for h in header if h in ("案件编号", "案件号", "caseNo"))
key_at = header.index(KEY)

lock = threading.Lock()
log = open(args.requests, "w", encoding="utf-8")
t0 = time.time()
kill_at = None            # wall-clock seconds since t0 of the SIGKILL
stop = threading.Event()


def record(entry):
    with lock:
        log.write(json.dumps(entry, ensure_ascii=False) + "\n")


class User:
    def __init__(self, n):
        self.n = n
        self.cookie = None
        self.csrf = None
        self.csrf_header = "X-CSRF-TOKEN"
        self.conn = None
        self.signed_out = 0
        self.session_changes = 0

    def request(self, method, path, body=None, headers=None, kind="read"):
        h = {"Connection": "keep-alive"}
        if self.cookie:
            h["Cookie"] = "JSESSIONID=" + self.cookie
        h.update(headers or {})
        start = time.time()
        status, data, location, instance, error = 0, b"", None, None, None
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
            self.conn.request(method, path, body=body, headers=h)
            r = self.conn.getresponse()
            data = r.read()
            status = r.status
            location = r.getheader("Location")
            instance = r.getheader("X-Upstream")
            for c in r.headers.get_all("Set-Cookie") or []:
                m = re.match(r"JSESSIONID=([^;]*)", c)
                if m and m.group(1):
                    if self.cookie and self.cookie != m.group(1) and kind != "login":
                        self.session_changes += 1
                    self.cookie = m.group(1)
            if r.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
        except Exception as e:  # connection reset, refused, timeout
            error = type(e).__name__
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None
        end = time.time()
        record({"start": round(start - t0, 4), "end": round(end - t0, 4), "user": self.n, "kind": kind,
                "method": method, "path": path, "status": status, "error": error, "instance": instance})
        return status, data, location

    def sign_in(self):
        s, html, _ = self.request("GET", "/login", kind="login")
        m = re.search(rb'name="_csrf"\s+value="([^"]+)"', html) or re.search(rb'value="([^"]+)"\s+name="_csrf"', html)
        form = {"username": args.username, "password": args.password}
        if m:
            form["_csrf"] = m.group(1).decode()
        s, _, loc = self.request("POST", "/login", body=urllib.parse.urlencode(form),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"}, kind="login")
        if s != 302 or (loc and "error" in loc):
            raise SystemExit(f"user {self.n}: sign-in failed ({s} {loc})")
        self.refresh_csrf()

    def refresh_csrf(self):
        s, html, _ = self.request("GET", "/", kind="login")
        m = re.search(rb'<meta name="_csrf" content="([^"]+)"', html)
        h = re.search(rb'<meta name="_csrf_header" content="([^"]+)"', html)
        if m:
            self.csrf = m.group(1).decode()
        if h:
            self.csrf_header = h.group(1).decode()

    def signed_in(self, status, location):
        """False when the answer sends this user to sign in again (page: redirect to /login; API: 401)."""
        if status == 401 or (status in (301, 302, 303) and location and "/login" in location):
            self.signed_out += 1
            return False
        return True


reads = ["/", "/api/v1/rankings?period={p}", "/api/v1/scores?period={p}", "/api/v1/standards?period={p}",
         "/cases", "/messages"]
acked = {}      # key -> status of the first 2xx
attempts = {}   # key -> how many times sent
failed_for_good = []
next_row = [0]


def take_row():
    with lock:
        i = next_row[0]
        next_row[0] += 1
    return rows[i] if i < len(rows) else None


def write(user, row):
    key = row[key_at]
    body = json.dumps({h: v for h, v in zip(header, row) if h != KEY and v != ""}, ensure_ascii=False).encode()
    path = "/api/v1/cases/" + urllib.parse.quote(key)
    for attempt in range(5):
        with lock:
            attempts[key] = attempts.get(key, 0) + 1
        s, data, loc = user.request("PUT", path, body=body, kind="write",
                                    headers={"Content-Type": "application/json; charset=utf-8",
                                             user.csrf_header: user.csrf or ""})
        if 200 <= s < 300:
            with lock:
                acked[key] = s
            return
        if s == 403:  # a CSRF token of a session that was ended: fetch the page's token again
            user.refresh_csrf()
        user.signed_in(s, loc)
        time.sleep(0.3 + attempt * 0.5)
    failed_for_good.append(key)


def run(user):
    rnd = random.Random(user.n)
    while not stop.is_set():
        if rnd.random() < args.write_share:
            row = take_row()
            if row is None:
                continue
            write(user, row)
        else:
            path = rnd.choice(reads).format(p=args.period)
            s, _, loc = user.request("GET", path)
            user.signed_in(s, loc)


users = [User(i) for i in range(args.users)]
for u in users:
    u.sign_in()
cookies_before = {u.n: u.cookie for u in users}
t0 = time.time()   # the load starts now
threads = [threading.Thread(target=run, args=(u,), daemon=True) for u in users]
for t in threads:
    t.start()
killed = False
while time.time() - t0 < args.seconds:
    if args.kill_pid and not killed and time.time() - t0 >= args.kill_after:
        os.kill(args.kill_pid, signal.SIGKILL)
        kill_at = time.time() - t0
        killed = True
    time.sleep(0.01)
stop.set()
for t in threads:
    t.join(60)
load_seconds = time.time() - t0

# after the load: each user once more with his own session
still_signed_in = 0
for u in users:
    s, _, loc = u.request("GET", "/api/v1/rankings?period=" + args.period, kind="final")
    s2, _, loc2 = u.request("GET", "/", kind="final")
    if s == 200 and s2 == 200:
        still_signed_in += 1
log.close()

entries = [json.loads(line) for line in open(args.requests, encoding="utf-8")]
load = [e for e in entries if e["kind"] in ("read", "write")]


def failed(e):
    return e["error"] is not None or e["status"] >= 500 or e["status"] == 0


def phase(e):
    if kill_at is None or e["end"] < kill_at:
        return "before"
    if e["start"] <= kill_at:
        return "in_flight"
    return "after"


summary = {
    "users": args.users,
    "seconds": round(load_seconds, 1),
    "kill_at_s": None if kill_at is None else round(kill_at, 2),
    "requests": len(load),
    "reads": sum(1 for e in load if e["kind"] == "read"),
    "writes_sent": sum(1 for e in load if e["kind"] == "write"),
    "rps": round(len(load) / load_seconds, 1),
    "by_instance": {},
    "errors": {"before": 0, "in_flight": 0, "after": 0},
    "requests_by_phase": {"before": 0, "in_flight": 0, "after": 0},
    "error_samples": [],
    "signed_out_answers": sum(u.signed_out for u in users),
    "session_cookie_changes": sum(u.session_changes for u in users),
    "same_session_cookie_at_end": sum(1 for u in users if u.cookie == cookies_before[u.n]),
    "still_signed_in_at_end": still_signed_in,
    "keys_written": len(attempts),
    "keys_acknowledged": len(acked),
    "keys_sent_more_than_once": sum(1 for k, n in attempts.items() if n > 1),
    "keys_never_acknowledged": sorted(failed_for_good),
}
for e in load:
    summary["requests_by_phase"][phase(e)] += 1
    inst = e["instance"] or "none"
    summary["by_instance"][inst] = summary["by_instance"].get(inst, 0) + 1
    if failed(e):
        summary["errors"][phase(e)] += 1
        if len(summary["error_samples"]) < 20:
            summary["error_samples"].append(e)
with open(args.out, "w", encoding="utf-8") as f:
    json.dump(summary, f, ensure_ascii=False, indent=1)
with open(args.out + ".keys", "w", encoding="utf-8") as f:
    f.write("\n".join(sorted(acked)) + "\n")
print(json.dumps(summary, ensure_ascii=False))
