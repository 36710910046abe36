import json
from datetime import date

import pytest

import lantero
from lantero.framework import Assessment, Framework, compare, history

FRAMEWORK = json.dumps(
    {
        "schema": "lantero.framework/v1",
        "id": "vk",
        "version": "1",
        "title": "Välfärdskriminalitet",
        "language": "sv",
        "areas": [
            {
                "id": "eb",
                "title": "Ekonomiskt bistånd",
                "activities": [
                    {
                        "id": "eb-kontroll",
                        "title": "Kontroll",
                        "checklist": [
                            {"id": "eb-1", "text": "Finns en rutin?"},
                            {"id": "eb-2", "text": "Görs stickprov?"},
                        ],
                    }
                ],
            }
        ],
    }
)


@pytest.fixture
def framework():
    return Framework.from_json(FRAMEWORK, "vk.json")


def test_framework_reads_and_navigates(framework):
    assert (framework.id, framework.version, framework.title) == ("vk", "1", "Välfärdskriminalitet")
    assert framework.area("eb")["title"] == "Ekonomiskt bistånd"
    assert framework.activity("eb-kontroll")["checklist"][1]["id"] == "eb-2"
    assert framework.activity("nope") is None
    assert [i["item"]["id"] for i in framework.items()] == ["eb-1", "eb-2"]
    assert json.loads(framework.to_json())["schema"] == "lantero.framework/v1"


def test_assessment_scores(framework):
    a = framework.assess(date(2025, 5, 14), "samordnare@kommun.se")
    a.answer("eb-1", "yes", evidence="Rutin 2025-03")
    a.answer("eb-2", "partly")
    a.set_maturity("eb", 2)
    a.set_status("eb-kontroll", "in_progress")
    score = a.score()
    assert score["overall"]["completion"] == 0.75
    assert score["areas"][0]["maturity_level"] == 2
    assert a.answer_for("eb-1") == {"answer": "yes", "evidence": "Rutin 2025-03"}
    assert a.status_for("eb-kontroll") == "in_progress"
    assert a.maturity_for("eb") == 2
    assert a.clear_answer("eb-2")["answer"] == "partly"
    assert a.answer_for("eb-2") is None


def test_assessment_rejects_what_the_framework_lacks(framework):
    a = Assessment(framework, date(2025, 5, 14), "x")
    with pytest.raises(lantero.InvalidFramework, match="no-such-item"):
        a.answer("no-such-item", "yes")
    with pytest.raises(ValueError, match="invalid answer"):
        a.answer("eb-1", "kanske")


def test_json_round_trip_and_progress_over_time(framework):
    first = framework.assess(date(2025, 1, 1), "x")
    first.answer("eb-1", "no")
    later = Assessment.from_json(first.to_json(), framework)
    assert later.date == date(2025, 1, 1)
    second = framework.assess(date(2025, 6, 1), "x")
    second.answer("eb-1", "yes")
    change = compare(framework, first, second)
    assert change["overall"]["completion"] == pytest.approx(0.5)
    changes = history(framework, [second, first])
    assert len(changes) == 1 and changes[0]["from"] == "2025-01-01"


def test_invalid_framework():
    with pytest.raises(lantero.LanteroError):
        Framework.from_json('{"schema": "lantero.framework/v1"}')
