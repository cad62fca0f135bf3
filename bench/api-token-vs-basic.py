"""The cost of authenticating an API call: HTTP Basic (a bcrypt per call) against a Grantline API token (a SHA-256 and
an indexed read). Run against a Grantline on port 8083 where alice has the password alice-password-1, with TOKEN set to
one of her tokens (docs/benchmarks.md). Prints p50 and p95 of 200 sequential GET /api/entitlements after 20 warm-up
calls, twice each, alternating."""
import base64
import http.client
import os
import statistics
import time


def run(authorization):
    connection = http.client.HTTPConnection("127.0.0.1", int(os.environ.get("PORT", "8083")))
    timings = []
    for _ in range(220):
        start = time.perf_counter()
        connection.request("GET", "/api/entitlements", headers={"Authorization": authorization})
        response = connection.getresponse()
        response.read()
        assert response.status == 200, response.status
        timings.append((time.perf_counter() - start) * 1000)
    timings = sorted(timings[20:])
    return statistics.median(timings), timings[int(len(timings) * 0.95)]


basic = "Basic " + base64.b64encode(b"alice:alice-password-1").decode()
token = "Bearer " + os.environ["TOKEN"]
for name, header in (("basic", basic), ("token", token), ("basic", basic), ("token", token)):
    print(name, "p50 %.1f ms, p95 %.1f ms" % run(header))
