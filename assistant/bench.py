"""Benchmark (not a test): warm latency per question, cold `lotse ask`, index build, 10 000 units;
with --web a bounded load against `lotse web` on 127.0.0.1.

    python -m assistant.bench [--no-synthetic]
    python -m assistant.bench --web [--requests 2000] [--concurrency 50] [--workers 2]
"""
from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTIONS = [
    "Haben Teilnehmer der InbeQ Anspruch auf Urlaub?", "Wer zahlt die Fahrtkosten?", "Gibt es Kindergeld während der InbeQ?",
    "Wie viele Stunden Jobcoaching werden bewilligt?", "Wann beginnt die Stabilisierungsphase?", "Wie wird das Wetter morgen?",
    "Wie viel Personal bei 8 Teilnehmern im 6. Monat, Mindestteilnehmerplatzzahl 7?", "Wer haftet für Schäden?",
]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def warm(service, rounds=20):
    service.warm_up()  # as the web app does before it accepts requests; the cold start is measured apart
    service.settle()
    times = []
    for _ in range(rounds):
        for q in QUESTIONS:
            t = time.perf_counter()
            service.ask(q)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), pct(times, 99)


def distinct(service, count=400):
    """Each question once (nothing remembered from an earlier asking): every n-th of the corpus's authored
    questions, parents' everyday ones and long ones among them."""
    texts = [q.text for q in service.handle.questions]
    times = []
    for q in texts[::max(1, len(texts) // count)][:count]:
        t = time.perf_counter()
        service.ask(q)
        times.append((time.perf_counter() - t) * 1000)
    return len(times), statistics.median(times), pct(times, 99)


def bm25s_baseline(texts: list[str], rounds: int = 20) -> tuple[float, float] | None:
    """p50 and p99 (ms) of plain bm25s with German Snowball stemming over the same texts,
    or None without the `bench` extra (pip install -e ".[bench]")."""
    try:
        import bm25s
        import Stemmer
    except ImportError:
        return None
    stemmer = Stemmer.Stemmer("german")
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="de", stemmer=stemmer, show_progress=False), show_progress=False)
    times = []
    for _ in range(rounds):
        for q in QUESTIONS:
            t = time.perf_counter()
            retriever.retrieve(bm25s.tokenize([q], stopwords="de", stemmer=stemmer, show_progress=False),
                               k=min(5, len(texts)), show_progress=False)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), pct(times, 99)


def compare(label: str, ours: tuple[float, float], texts: list[str]) -> None:
    base = bm25s_baseline(texts)
    if base is None:
        print(f"{label}: bm25s nicht installiert (pip install -e \".[bench]\")")
        return
    print(f"{label}: bm25s p50 {base[0]:.2f} ms, p99 {base[1]:.2f} ms; UB-Lotse / bm25s (p50): {ours[0] / max(base[0], 1e-6):.1f}×")


def _option(name: str, default: int) -> int:
    if name in sys.argv[:-1]:
        return int(sys.argv[sys.argv.index(name) + 1])
    return default


def web_load(requests: int = 2000, concurrency: int = 50, workers: int = 2) -> dict:
    """Start `lotse web` with `workers` workers on a free 127.0.0.1 port, send `requests` requests
    (questions incl. garbage and 3 000 characters, calculators, units, health) `concurrency` at a
    time with httpx, and print throughput, p50, p99 and errors (non-2xx/4xx-as-expected or failures)."""
    import asyncio
    import socket

    try:
        import httpx
    except ImportError:
        print("httpx nicht installiert (pip install -e \".[bench]\")")
        return {}
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "assistant", "web", "--port", str(port), "--workers", str(workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    questions = QUESTIONS + ['AND (* ~"', "x" * 3000, "Urlaub " * 430, "\u00a7\u00a7 ((( NOT", "🙂" * 20]
    plan = []
    for i in range(requests):
        kind = i % 5
        if kind < 3:
            plan.append(("POST", "/api/ask", {"question": questions[i % len(questions)]}))
        elif kind == 3:
            plan.append(("POST", "/api/calc/personal", {"teilnehmende": i % 40, "monat": 1 + i % 24}))
        else:
            plan.append(("GET", "/api/units/bagub-faq/12" if i % 2 else "/healthz", None))

    async def run() -> tuple[list[float], int, float]:
        times, errors, kinds = [], 0, {}
        sem = asyncio.Semaphore(concurrency)
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
            for _ in range(600):  # wait up to 60 s for the workers
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.1)

            async def one(method, url, body):
                nonlocal errors
                async with sem:
                    t = time.perf_counter()
                    try:
                        r = await client.request(method, url, json=body)
                        if r.status_code != 200:
                            errors += 1
                            kinds[str(r.status_code)] = kinds.get(str(r.status_code), 0) + 1
                    except httpx.HTTPError as exc:
                        errors += 1
                        kinds[type(exc).__name__] = kinds.get(type(exc).__name__, 0) + 1
                    times.append((time.perf_counter() - t) * 1000)

            start = time.perf_counter()
            await asyncio.gather(*(one(*p) for p in plan))
            if kinds:
                print("Fehlerarten: " + ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items())))
            return times, errors, time.perf_counter() - start

    try:
        times, errors, seconds = asyncio.run(run())
    finally:
        server.terminate()
        server.wait(15)
    stats = {"requests": len(times), "seconds": seconds, "rps": len(times) / seconds, "p50": pct(times, 50),
             "p99": pct(times, 99), "errors": errors}
    print(f"Web-Last: {stats['requests']} Anfragen, {concurrency} gleichzeitig, {workers} Worker: {stats['seconds']:.1f} s, "
          f"{stats['rps']:.0f} Anfragen/s, p50 {stats['p50']:.0f} ms, p99 {stats['p99']:.0f} ms, Fehler: {errors}")
    return stats


def main() -> None:
    if "--web" in sys.argv:
        web_load(_option("--requests", 2000), _option("--concurrency", 50), _option("--workers", 2))
        return
    from assistant.service import Lotse

    s = Lotse()
    t = time.perf_counter()
    s.rebuild()
    print(f"Indexaufbau (Korpus): {time.perf_counter() - t:.2f} s, {len(s.handle.store)} Abschnitte")
    p50, p99 = warm(s)
    print(f"Warm: p50 {p50:.1f} ms, p99 {p99:.1f} ms je Frage")
    n, p50_distinct, p99_distinct = distinct(s)
    print(f"Warm, {n} verschiedene Fragen je einmal (ausformulierte Fragen des Korpus): p50 {p50_distinct:.1f} ms, p99 {p99_distinct:.1f} ms")
    compare("Vergleich (Korpus)", (p50, p99), [u.text for u in s.handle.store.units()])
    colds = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "ask", QUESTIONS[0]], capture_output=True, check=True)
        colds.append(time.perf_counter() - t)
    print(f"Kalt `lotse ask`: Median {statistics.median(colds):.2f} s")
    if "--no-synthetic" in sys.argv:
        return
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        words = [u.text for u in s.handle.store.units()]
        rnd = random.Random(1)
        for i in range(100):
            parts = [f"---\nid: synth-{i}\ntitle: Synthetisch {i}\nissuer: Bench\nregion: Bund\ndate: 2025-01-01\nkind: guideline\n---\n\n# Synthetisch {i}\n"]
            for j in range(100):
                text = " ".join(rnd.choice(words).split()[:80])
                parts.append(f"\n## Abschnitt {i}.{j}\n\n{text}\n")
            (d / f"s{i}.md").write_text("".join(parts), encoding="utf-8")
        os.environ["LOTSE_CACHE_DIR"] = str(d / "cache")
        big = Lotse([str(d)])
        t = time.perf_counter()
        big.handle
        print(f"Indexaufbau 10 000 synthetische Abschnitte: {time.perf_counter() - t:.1f} s ({len(big.handle.store)} Abschnitte)")
        p50, p99 = warm(big, rounds=3)
        print(f"Warm (10 000): p50 {p50:.1f} ms, p99 {p99:.1f} ms je Frage")
        compare("Vergleich (10 000)", (p50, p99), [u.text for u in big.handle.store.units()])


if __name__ == "__main__":
    main()
