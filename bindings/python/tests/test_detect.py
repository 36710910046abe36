import re

import pytest

import lantero
from lantero.detect import Detector, Recognizer, detect_column, entities, resolve


def test_detects_a_personnummer_with_character_offsets():
    text = "Åsa Öberg, personnummer 19121212-1212"
    findings = Detector().detect(text)
    pnr = [f for f in findings if f["entity"] == "PERSONNUMMER"]
    assert len(pnr) == 1
    f = pnr[0]
    assert text[f["start"] : f["end"]] == "19121212-1212"
    assert (f["page"], f["recognizer"]) == (1, "personnummer")
    assert f["id"].startswith("f-")


def test_filters_and_pages():
    text = "121212-1212 och 212000-1124"
    only = Detector(entities=["ORGANISATIONSNUMMER"]).detect(text)
    assert [f["entity"] for f in only] == ["ORGANISATIONSNUMMER"]
    assert Detector(min_score=1.01).detect(text) == []
    pages = Detector().detect(["121212-1212", "", "212000-1124"])
    assert [(f["id"], f["page"]) for f in pages] == [("f-000001", 1), ("f-000002", 3)]
    with pytest.raises(lantero.UnknownEntity):
        Detector(entities=["SHOE_SIZE"])


def test_analyze_attaches_provisions():
    findings = Detector().analyze("Ekonomiskt bistånd. Sökande 19121212-1212.")
    assert "OSL 26:1" in findings[0]["provisions"]
    assert resolve(["Ekonomiskt bistånd. Sökande 19121212-1212."], Detector().detect(
        "Ekonomiskt bistånd. Sökande 19121212-1212."))[0]["provisions"] == findings[0]["provisions"]


def test_python_recognizer_offsets_are_characters():
    def ärende(text):
        return [(m.start(), m.end()) for m in re.finditer(r"ÄR-\d+", text)]

    detector = Detector()
    detector.add_recognizer(Recognizer("arendenummer", ["HEALTH"], ärende))
    assert "arendenummer" in detector.recognizers
    # Multi-byte characters before the match: byte and char offsets differ.
    text = "Åäö ÅÄÖ — ärende ÄR-123 gäller hälsa"
    found = [f for f in detector.detect(text) if f["recognizer"] == "arendenummer"]
    assert len(found) == 1
    f = found[0]
    assert f["text"] == "ÄR-123"
    assert text[f["start"] : f["end"]] == "ÄR-123"
    assert f["score"] == 1.0
    assert f["reason"] == "python recognizer arendenummer"


def test_python_recognizer_dict_spans_and_several_entities():
    def words(text):
        yield {"start": 0, "end": 4, "entity": "LOCATION", "score": 0.4, "reason": "ort"}

    # LOCATION and ORGANIZATION are proposed only when asked for.
    detector = Detector(entities=["LOCATION", "ORGANIZATION"])
    detector.add_recognizer(Recognizer("orter", ["LOCATION", "ORGANIZATION"], words))
    # Lower case, so that no built-in recognizer claims the same span.
    f = [f for f in detector.detect("umeå är en stad") if f["recognizer"] == "orter"][0]
    assert (f["text"], f["entity"], f["reason"]) == ("umeå", "LOCATION", "ort")
    assert f["score"] == pytest.approx(0.4)


def test_python_recognizer_errors_become_recognizer_errors():
    def broken(text):
        raise RuntimeError("trasig")

    def out_of_range(text):
        return [(0, len(text) + 5)]

    for func, message in [(broken, "RuntimeError: trasig"), (out_of_range, "not inside the text")]:
        detector = Detector()
        detector.add_recognizer(Recognizer("py", ["HEALTH"], func))
        with pytest.raises(lantero.RecognizerError, match=message):
            detector.detect("något")


def test_detect_many_and_columns():
    detector = Detector()
    texts = ["Sökande 19121212-1212", None, "inget här", "Org 212000-1124"]
    found = detector.detect_many(texts)
    assert [len(f) for f in found] == [1, 0, 0, 1]
    assert detect_column(texts) == found


def test_detect_column_accepts_dataframe_columns():
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    values = ["Sökande 19121212-1212", None, "Org 212000-1124"]
    expected = [[f["entity"] for f in fs] for fs in Detector().detect_many(values)]
    for column in (pd.Series(values), pl.Series(values), pa.array(values), pa.chunked_array([values])):
        got = [[f["entity"] for f in fs] for fs in detect_column(column)]
        assert got == expected, type(column)


def test_entity_names():
    names = entities()
    assert "PERSONNUMMER" in names and "PERSON" in names


def test_fast_finding_conversion_matches_the_serde_shape():
    from lantero._lantero.detect import _findings_via_serde

    findings = Detector().analyze("Karin Lindqvist, 19121212-1212, karin@example.se, 070-123 45 67")
    assert len(findings) >= 3
    assert _findings_via_serde(findings) == findings
