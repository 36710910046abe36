import pytest

import lantero
from lantero.secrecy import Catalogue, citation, normalize_provision_id


def test_builtin_catalogue_lookup():
    osl = Catalogue()
    whistleblower = osl.get("30 kap. 4 b §")
    assert whistleblower["id"] == "OSL 30:4 b"
    assert whistleblower["damage_test"] == "absolut"
    assert whistleblower["verify"] is True
    assert len(osl) == len(osl.provisions()) > 5


def test_unknown_provision():
    with pytest.raises(lantero.UnknownProvision):
        Catalogue().get("OSL 99:99")


def test_contexts_and_candidates():
    osl = Catalogue()
    found = osl.detect_contexts("Beslut från socialnämnden om ekonomiskt bistånd.")
    ids = [m["context"]["id"] for m in found]
    assert "socialtjanst" in ids
    assert found[0]["keywords"]
    candidates = osl.candidates("PERSONNUMMER", ["socialtjanst"])
    assert candidates[0]["id"] == "OSL 26:1"
    assert osl.context("socialtjanst")["label"]
    assert osl.context("nope") is None
    assert any(p["id"] == "OSL 26:1" for p in osl.by_context("socialtjanst"))


def test_json_round_trip_and_merge():
    osl = Catalogue()
    copy = Catalogue.from_json(osl.to_json())
    assert len(copy) == len(osl)
    empty = Catalogue.empty()
    assert len(empty) == 0
    report = empty.merge(osl)
    assert len(report["added"]) == len(osl)
    assert len(empty) == len(osl)


def test_provision_ids():
    assert normalize_provision_id("26 kap. 1 §") == "OSL 26:1"
    assert citation("OSL 26:1") == "26 kap. 1 § OSL"
    with pytest.raises(lantero.LanteroError):
        normalize_provision_id("inte en paragraf")
