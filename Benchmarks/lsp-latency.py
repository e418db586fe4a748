#!/usr/bin/env python3
"""Diagnostics latency of `candor lsp` after an edit (docs/performance.md).

Drives the real server over stdio as an editor would: opens a Markdown draft of about 20 KB (built from
fixtures/drafts), then makes edits with incremental sync, each one a few words typed or deleted at a random
place, and times each from sending didChange to receiving the publishDiagnostics for that version. The
debounce is set to 0 so the figure is the server's own work (parsing, linting, positions, JSON, the pipe);
an editor adds the debounce (150 ms by default) on top.

    swift build -c release --product candor
    Benchmarks/lsp-latency.py [.build/release/candor] [edits]
"""
import json, os, random, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/candor"))
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 500
target = 20 * 1024

drafts = sorted(f for f in os.listdir(os.path.join(root, "fixtures/drafts")) if f.endswith(".md") and f != "EXPECTED.md")
paragraphs = []
for name in drafts:
    with open(os.path.join(root, "fixtures/drafts", name), encoding="utf-8") as f:
        paragraphs += [p for p in f.read().split("\n\n") if p.strip()]
text, index = "", 0
while len(text.encode()) < target:
    text += paragraphs[index % len(paragraphs)] + "\n\n"
    index += 1

server = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd="/")

def send(message):
    message["jsonrpc"] = "2.0"
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()

def receive():
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        header += server.stdout.read(1)
    length = int(header.decode().split("Content-Length:")[1].split("\r\n")[0])
    return json.loads(server.stdout.read(length))

def wait_for(predicate):
    while True:
        message = receive()
        if predicate(message):
            return message

uri = "file:///tmp/candor-bench/draft.md"
send({"id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"debounceMilliseconds": 0}}})
wait_for(lambda m: m.get("id") == 1)
send({"method": "initialized", "params": {}})
send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
first = wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
print(f"draft: {len(text.encode())} bytes, {text.count(chr(10))} lines, {len(first['params']['diagnostics'])} findings")

def cpu_seconds():
    """User plus system CPU time of the server so far: what an edit costs whatever else the machine runs."""
    with open(f"/proc/{server.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

random.seed(7)
lines = text.split("\n")
latencies = []
inserted = None
for version in range(2, edits + 2):
    if inserted is None:
        line = random.randrange(len(lines) - 1)
        column = random.randrange(len(lines[line]) + 1) if lines[line] else 0
        words = random.choice([" child porn ", " and ", " it was a sex scandal ", " the "])
        change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column}}, "text": words}
        inserted = (line, column, words)
    else:
        line, column, words = inserted
        change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column + len(words)}}, "text": ""}
        inserted = None
    start = time.perf_counter()
    send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
    wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version)
    latencies.append((time.perf_counter() - start) * 1000)
    if version == 21:
        cpu_start = cpu_seconds()
cpu_per_edit = (cpu_seconds() - cpu_start) / (edits - 20) * 1000

send({"id": 2, "method": "shutdown"})
wait_for(lambda m: m.get("id") == 2)
send({"method": "exit"})
server.wait()

measured = sorted(latencies[20:])  # the first edits warm caches
def percentile(p):
    return measured[min(len(measured) - 1, int(round(p / 100 * (len(measured) - 1))))]
print(f"{len(measured)} edits: p50 {percentile(50):.2f} ms, p95 {percentile(95):.2f} ms, p99 {percentile(99):.2f} ms, max {measured[-1]:.2f} ms")
print(f"server CPU time per edit (user + system): {cpu_per_edit:.2f} ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
