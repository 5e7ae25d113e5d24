#!/usr/bin/env python3
"""Where a JFR recording of `rebatch serve` spent its CPU samples (bench/api-bench.sh --profile).

    jfr-top.py RECORDING.jfr [--top 25]

Reads the jdk.ExecutionSample events (`jfr print --json`, JDK 17) and prints
  - by area: the share of samples with at least one frame of that area on the stack (inclusive, so areas overlap:
    a JDBC call inside the Spring Security filter chain counts for both), for the areas that matter to an API
    request: JWT decoding and HMAC, the filter chain, Hikari, the JDBC driver, Jackson, Tomcat/NIO, logging,
    metrics, rebatch's own code;
  - the hottest methods by self samples (the top frame), and by inclusive samples among rebatch/spring/driver code;
  - GC pauses (jdk.GarbageCollection sumOfPauses) during the recording.
"""
import collections
import json
import subprocess
import sys

AREAS = [
    ("JWT decode + verify (Nimbus, Spring JwtDecoder)", ("com.nimbusds.", "org.springframework.security.oauth2.")),
    ("  of which HMAC-SHA256 (javax.crypto)", ("javax.crypto.", "com.sun.crypto.")),
    ("Spring Security filter chain (all of it)", ("org.springframework.security.web.",)),
    ("DispatcherServlet (MVC: mapping, binding, controller, JSON)", ("org.springframework.web.servlet.DispatcherServlet.",)),
    ("Jackson (writing the JSON)", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("JdbcTemplate (query incl. driver and pool)", ("org.springframework.jdbc.core.JdbcTemplate.",)),
    ("HikariCP (borrow / return / validation)", ("com.zaxxer.hikari.",)),
    ("JDBC driver (MySQL Connector/J)", ("com.mysql.cj.",)),
    ("H2 engine", ("org.h2.",)),
    ("rebatch code (io.rebatch)", ("io.rebatch.",)),
    ("Micrometer (request metrics)", ("io.micrometer.",)),
    ("Logging (Logback / SLF4J)", ("ch.qos.logback.", "org.slf4j.")),
    ("Tomcat HTTP parsing / NIO (coyote, tomcat.util)", ("org.apache.coyote.", "org.apache.tomcat.util.")),
    ("socket I/O (sun.nio.ch)", ("sun.nio.ch.",)),
]


def frame_name(f):
    m = f.get("method") or {}
    t = (m.get("type") or {}).get("name", "?").replace("/", ".")
    return f"{t}.{m.get('name', '?')}"


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample,jdk.GarbageCollection",
                          sys.argv[1]], check=True, capture_output=True).stdout
    events = json.loads(raw)["recording"]["events"]
    samples = [e["values"] for e in events if e["type"] == "jdk.ExecutionSample"]
    gcs = [e["values"] for e in events if e["type"] == "jdk.GarbageCollection"]
    n = len(samples)
    if n == 0:
        print("  no execution samples")
        return 0
    area_hits = collections.Counter()
    self_hits = collections.Counter()
    incl_hits = collections.Counter()
    threads = collections.Counter()
    for s in samples:
        frames = [frame_name(f) for f in ((s.get("stackTrace") or {}).get("frames") or [])]
        if not frames:
            continue
        self_hits[frames[0]] += 1
        threads[((s.get("sampledThread") or {}).get("javaName") or "?").rstrip("0123456789")] += 1
        for label, prefixes in AREAS:
            if any(fr.startswith(prefixes) for fr in frames):
                area_hits[label] += 1
        for fr in set(frames):
            if fr.startswith(("io.rebatch.", "org.springframework.security.oauth2.jwt.", "com.nimbusds.jose.crypto.",
                              "com.zaxxer.hikari.pool.HikariPool.getConnection", "com.mysql.cj.jdbc.ClientPreparedStatement.execute",
                              "org.springframework.jdbc.core.JdbcTemplate.query")):
                incl_hits[fr] += 1
    print(f"  {n} execution samples; by thread: " + ", ".join(f"{t}* {100 * c / n:.0f}%" for t, c in threads.most_common(5)))
    print("  by area (inclusive: share of samples with such a frame on the stack):")
    for label, _ in AREAS:
        print(f"    {100 * area_hits[label] / n:5.1f}%  {label}")
    print(f"  hottest methods (self):")
    for fr, c in self_hits.most_common(top):
        print(f"    {100 * c / n:5.1f}%  {fr}")
    print(f"  selected methods (inclusive):")
    for fr, c in incl_hits.most_common(15):
        print(f"    {100 * c / n:5.1f}%  {fr}")
    pauses = 0.0
    for g in gcs:
        v = g.get("sumOfPauses")
        if isinstance(v, str) and v.endswith(" ms"):
            pauses += float(v[:-3])
        elif isinstance(v, str) and v.endswith(" s"):
            pauses += float(v[:-2]) * 1000
        elif isinstance(v, (int, float)):
            pauses += v / 1e6
    print(f"  GC: {len(gcs)} collections, {pauses:.0f} ms of pauses in total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
