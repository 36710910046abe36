"""Objects are shared between threads: frozen classes with their own locks, heavy work
without the GIL, Python recognizers taking the GIL back only for their call."""

from concurrent.futures import ThreadPoolExecutor

from lantero.assets import AssetRegister
from lantero.detect import Detector, Recognizer
from lantero.review import ReviewSession

TEXTS = [f"Ärende {i}: sökande 19121212-1212, org 212000-1124, ÄR-{i}" for i in range(200)]


def test_one_detector_many_threads_with_a_python_recognizer():
    detector = Detector()
    detector.add_recognizer(Recognizer("ar", ["HEALTH"], lambda t: [(t.index("ÄR-"), len(t))]))
    expected = [detector.detect(t) for t in TEXTS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(detector.detect, TEXTS))
    assert got == expected
    assert all(any(f["recognizer"] == "ar" for f in fs) for fs in got)


def test_adding_recognizers_while_others_detect():
    detector = Detector()

    def add(i):
        detector.add_recognizer(Recognizer(f"r{i}", ["HEALTH"], lambda t: []))

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(add, i) for i in range(20)]
        futures += [pool.submit(detector.detect, t) for t in TEXTS[:50]]
        for f in futures:
            f.result()
    assert len([n for n in detector.recognizers if n.startswith("r")]) == 20


def test_a_register_takes_concurrent_writes():
    register = AssetRegister()

    def add(i):
        register.add({"id": f"a{i}", "name": f"Tillgång {i}", "kind": "system"})

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(add, range(300)))
    assert len(register) == 300


def test_a_review_session_takes_concurrent_decisions():
    text = "19121212-1212 811218-9876 212000-1124"
    session = ReviewSession("a.txt", text.encode(), 1, Detector().detect(text))
    ids = [p["id"] for p in session.proposals]
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda pid: session.accept(pid, "anna", "OSL 26:1"), ids * 10))
    assert session.pending == 0
    assert all(len(p["history"]) == 10 for p in session.proposals)
