import json

import pytest

import lantero
from lantero.risk import HeatMap, RiskMatrix, prioritise, score_risk, treatments


def risk(description, p, c, target=(1, 1), treatment="reduce"):
    return {
        "description": description,
        "owner": "Säkerhetschef",
        "current": {"probability": p, "consequence": c},
        "target": {"probability": target[0], "consequence": target[1]},
        "treatment": treatment,
    }


def test_presets_and_scoring():
    matrix = RiskMatrix.municipal_4x4()
    assert matrix.id == "sv-kommun-4x4"
    assert (matrix.probability_steps, matrix.consequence_steps) == (4, 4)
    score = matrix.score(3, 4)
    assert score["value"] == 12
    assert matrix.level(score["level"])["label"]["sv"] == "Mycket hög"
    assert RiskMatrix.iso27005_5x5().probability_steps == 5


def test_out_of_scale_is_a_typed_error():
    with pytest.raises(lantero.OutOfScale, match=r"probability 7 is outside the scale 1..=4"):
        RiskMatrix.municipal_4x4().score(7, 1)


def test_prioritise_orders_by_level_value_and_consequence():
    matrix = RiskMatrix.municipal_4x4()
    risks = [risk("Nätfiske", 2, 2), risk("Brand", 1, 4), risk("Ransomware", 3, 4)]
    ranked = prioritise(matrix, risks)
    assert [r["index"] for r in ranked] == [2, 1, 0]
    assert ranked[0]["current"]["value"] == 12


def test_heat_map_counts_cells_and_levels():
    matrix = RiskMatrix.municipal_4x4()
    heat = HeatMap(matrix, [risk("a", 3, 4), risk("b", 3, 4), risk("c", 1, 1)])
    assert heat.count(3, 4) == 2
    assert heat.total == 3
    assert sum(heat.level_counts) == 3
    assert len(heat.rows) == 4 and heat.rows[2][3] == 2


def test_score_risk_and_treatments():
    scored = score_risk(RiskMatrix.municipal_4x4(), risk("Förlorad telefon", 3, 3, (3, 1)))
    assert (scored["current"]["value"], scored["target"]["value"]) == (9, 3)
    assert [t["key"] for t in treatments()] == ["reduce", "accept", "avoid", "transfer"]


def test_json_and_definition_round_trip():
    matrix = RiskMatrix.iso27005_5x5()
    text = matrix.to_json()
    assert json.loads(text)["schema"] == "lantero.risk-matrix/v1"
    assert RiskMatrix.from_json(text) == matrix
    assert RiskMatrix(matrix.definition()) == matrix


def test_inconsistent_definition_is_rejected():
    definition = RiskMatrix.municipal_4x4().definition()
    definition["probability"]["steps"] = definition["probability"]["steps"][:2]
    with pytest.raises(lantero.InvalidMatrix):
        RiskMatrix(definition)


def test_a_malformed_risk_names_the_argument():
    bad = risk("x", 1, 1)
    del bad["owner"]
    with pytest.raises(ValueError, match="invalid risks"):
        prioritise(RiskMatrix.municipal_4x4(), [bad])
