"""The named-entity model measured on the dev split the repository ships, alone and inside the
built-in detector, as `lantero eval ner` measures it."""

import json

import pytest

import lantero
from lantero.detect import Detector
from lantero.ner import EVAL_SCHEMA, evaluate

from conftest import REPO

DEV = REPO / "lantero-redact" / "tests" / "data" / "ner" / "dev.conll"
CONFIG = REPO / "lantero-redact" / "models" / "ner" / "config.json"


def test_the_model_alone_scores_what_its_card_says():
    report = evaluate(DEV)
    assert report["schema"] == EVAL_SCHEMA and report["predictor"] == "model"
    assert report["sentences"] == 690
    trained = json.loads(CONFIG.read_text(encoding="utf-8"))["training"]["dev_metrics"]
    for entity in ("PER", "LOC", "ORG", "ALL"):
        assert report["entities"][entity]["f1"] == pytest.approx(trained[entity]["f1"], abs=0.005)


def test_the_detector_is_scored_on_the_types_it_proposes():
    report = evaluate(DEV, Detector())
    assert report["predictor"] == "detector"
    assert sorted(report["entities"]) == ["ALL", "PER"]
    person = report["entities"]["PER"]
    assert person["gold"] == 176 and person["coverage"] >= 0.95 and person["f1"] >= 0.90
    people_only = evaluate(DEV, Detector(entities=["PERSON", "LOCATION"]))
    assert sorted(people_only["entities"]) == ["ALL", "LOC", "PER"]


def test_bad_input_is_a_typed_error(tmp_path):
    with pytest.raises(lantero.InputError, match="finns-inte.conll"):
        evaluate(tmp_path / "finns-inte.conll")
    bad = tmp_path / "trasig.conll"
    bad.write_text("ett två tre fyra fem\n", encoding="utf-8")
    with pytest.raises(lantero.InputError, match="line 1"):
        evaluate(bad)
