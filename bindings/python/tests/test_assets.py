import json
from datetime import date

import pytest

import lantero
from lantero.assets import AssetRegister, asset_kinds, importance_levels
from lantero.risk import RiskMatrix

TODAY = date(2025, 1, 1)


def register_with_payroll(with_risk=True):
    register = AssetRegister()
    register.add(
        {
            "id": "lon",
            "name": "Lönesystem",
            "kind": "system",
            "owner": "HR-chef",
            "importance": "critical",
            "klassa": {"confidentiality": 3, "integrity": 4, "availability": 2},
        }
    )
    register.add({"id": "db", "name": "Databasserver", "kind": "database"})
    register.add_dependency("lon", "db")
    if not with_risk:
        return register
    register.add_risk(
        "lon",
        {
            "description": "Obehörig ändring av utbetalning",
            "owner": "HR-chef",
            "current": {"probability": 2, "consequence": 4},
            "target": {"probability": 1, "consequence": 4},
            "treatment": "reduce",
        },
    )
    return register


def test_dependencies_and_inherited_protection():
    register = register_with_payroll()
    assert len(register) == 2
    assert register.dependencies("lon") == ["db"]
    assert register.dependents("db") == ["lon"]
    protection = register.inherited_protection()
    assert protection[1]["importance"] == "critical"
    assert protection[1]["klassa"] == {"confidentiality": 3, "integrity": 4, "availability": 2}


def test_findings_carry_the_swedish_message():
    findings = register_with_payroll().findings(TODAY)
    kinds = {(f["finding"], f.get("asset")) for f in findings}
    assert ("missing_owner", "db") in kinds
    assert ("no_mobile_phones", None) in kinds
    assert all(f["message"] for f in findings)


def test_risk_summary():
    register = register_with_payroll()
    summary = register.risk_summary("lon")
    assert summary["risks"] == 1
    assert summary["highest"]["value"] == 8
    assert register.risk_summaries()[1]["risks"] == 0


def test_errors_are_typed():
    register = register_with_payroll()
    with pytest.raises(lantero.AssetError, match='duplicate asset id "db"'):
        register.add({"id": "db", "name": "Igen", "kind": "database"})
    with pytest.raises(lantero.AssetError, match="dependency cycle: db -> lon -> db"):
        register.add_dependency("db", "lon")
    with pytest.raises(lantero.AssetError, match="unknown asset"):
        register.dependencies("nope")
    with pytest.raises(lantero.InvalidValue):
        register.add({"id": "a,b", "name": "Ogiltigt id", "kind": "system"})
    with pytest.raises(lantero.OutOfScale):
        register.add_risk(
            "db",
            {
                "description": "x",
                "owner": "y",
                "current": {"probability": 9, "consequence": 1},
                "target": {"probability": 1, "consequence": 1},
                "treatment": "accept",
            },
        )


def test_csv_round_trip_through_text_and_file(tmp_path):
    # The CSV lists assets and dependencies; risks live in the JSON form.
    register = register_with_payroll(with_risk=False)
    text = register.to_csv()
    assert text.startswith("\ufeffid;namn;typ;")
    assert AssetRegister.from_csv(text) == register
    path = tmp_path / "tillgångar.csv"
    register.write_csv(path)
    assert AssetRegister.read_csv(path) == register


def test_csv_errors_name_the_line():
    text = "id;namn;typ\nlon;Lön;system\nx;Y;rymdskepp\n"
    with pytest.raises(lantero.FormatError, match="line 3"):
        AssetRegister.from_csv(text, source_name="in.csv")


def test_json_round_trip_keeps_the_matrix():
    register = AssetRegister(RiskMatrix.iso27005_5x5())
    register.add({"id": "mob-1", "name": "Telefon", "kind": "mobile_phone"})
    text = register.to_json()
    assert json.loads(text)["schema"] == "lantero.asset-register/v1"
    back = AssetRegister.from_json(text)
    assert back == register
    assert back.matrix.id == "iso27005-5x5"
    assert back.get("mob-1")["kind"] == "mobile_phone"
    assert back.get("nope") is None


def test_labels():
    assert {"key": "mobile_phone", "sv": "mobiltelefon"} in asset_kinds()
    assert [i["key"] for i in importance_levels()] == ["low", "medium", "high", "critical"]
