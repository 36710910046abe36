import json

import pytest

import lantero
from lantero.detect import Detector
from lantero.review import ReviewSession

TEXT = "Ekonomiskt bistånd. Sökande 19121212-1212 och 811218-9876"


@pytest.fixture
def session():
    findings = Detector().analyze(TEXT)
    return ReviewSession("brev.txt", TEXT.encode(), 1, findings)


def test_decisions_are_recorded_and_round_trip(session):
    first, second = (p["id"] for p in session.proposals[:2])
    assert session.pending == 2
    session.accept(first, "anna.handlaggare", "OSL 26:1")
    session.reject(second, "bo")
    added = session.add_mask(1, [10, 10, 50, 20], "anna", provision="OSL 21:3")
    session.resize(added, [[5, 5, 60, 25]], "anna")
    proposals = {p["id"]: p for p in session.proposals}
    assert proposals[first]["decision"] == "accepted"
    assert proposals[first]["history"][0]["by"] == "anna.handlaggare"
    assert proposals[second]["decision"] == "rejected"
    assert proposals[added]["boxes"] == [[5.0, 5.0, 60.0, 25.0]]
    assert session.pending == 0
    back = ReviewSession.from_json(session.to_json(), "review.json")
    assert back.to_json() == session.to_json()
    assert json.loads(back.to_json())["schema"] == "lantero.review/v1"


def test_bad_decisions_raise_review_errors(session):
    with pytest.raises(lantero.ReviewError, match="no proposal with id p-nope"):
        session.accept("p-nope", "anna")
    with pytest.raises(lantero.ReviewError):
        session.add_mask(2, [0, 0, 1, 1], "anna")
    with pytest.raises(lantero.ReviewError, match="^r.json: "):
        ReviewSession.from_json("{}", "r.json")


def test_bound_to_its_document(session):
    session.check_document(TEXT.encode())
    with pytest.raises(lantero.ReviewError, match="different document"):
        session.check_document(b"annat", "x.txt")


def test_decision_record(session, tmp_path):
    session.accept(session.proposals[0]["id"], "anna", "OSL 26:1")
    record = session.decision_record()
    assert record.masks == 1
    assert record.to_dict()["applied"][0]["provision"] == "OSL 26:1"
    assert "26 kap. 1 § offentlighets- och sekretesslagen" in record.to_markdown()
    assert session.decision_record(mask_pending=True).masks == 2
    path = tmp_path / "review.json"
    session.save(path)
    assert ReviewSession.load(path).to_json() == session.to_json()


def test_a_request_is_reviewed_together_and_decided(tmp_path):
    from lantero.redact import Redactor
    from lantero.review import decision

    a = tmp_path / "beslut.txt"
    b = tmp_path / "bilaga.txt"
    a.write_text("Sökande: Karin Lindqvist, konto 8125-8, 318 105 286-1.\n", encoding="utf-8")
    b.write_text("Överfört till 8125-8, 318 105 286-1.\n", encoding="utf-8")
    sessions = Redactor(ocr=False).review_request([a, b])
    assert [s.document.endswith(n) for s, n in zip(sessions, ["beslut.txt", "bilaga.txt"])] == [True, True]
    found = sessions[1].proposals
    assert [p["text"] for p in found] == ["8125-8, 318 105 286-1"]
    assert "beslut.txt" in found[0]["reason"]
    for s in sessions:
        for p in s.proposals:
            s.accept(p["id"], "Annika Dahl", "OSL 26:1")
    made = decision(
        sessions,
        authority="Älvstrands kommun, socialnämnden",
        decision_maker="Annika Dahl",
        date="2026-12-03",
        diary_number="SN 2026/123",
    )
    text = made.to_markdown()
    assert "3 december 2026" in text and "bilaga.txt (1 sida)" in text
    assert str(tmp_path) not in text
    assert made.to_pdf().startswith(b"%PDF-")
    assert made.unrecorded == []
    with pytest.raises(lantero.errors.LanteroError):
        decision(sessions, authority="x", decision_maker="y", date="3/12")
