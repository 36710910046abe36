"""FraudFinder: control rules over DataFrames, Python rules, packs, mapping, risk analyses and
action plans."""

from datetime import date

import pytest

import lantero
from lantero.fraudfinder import (
    ActionPlan,
    ControlRule,
    DataSets,
    Mapping,
    Pack,
    RiskAnalysis,
    RuleSet,
    run,
)

RULES = """
rule "samma_konto" v1 on payments:
  count(distinct applicant_id) by (bank_account) >= 2 => score 60
rule "stort_belopp" v1 on payments: amount > 30000 => score 30
"""
PAYMENTS = {
    "id": ["u1", "u2", "u3"],
    "applicant_id": ["a1", "a2", "a3"],
    "bank_account": ["K1", "K1", "K2"],
    "amount": [9000.0, 45000.0, 12000.0],
}


def flagged(report):
    return sorted((f["rule"], f["record_id"]) for f in report.flags)


EXPECTED = [("samma_konto", "u1"), ("samma_konto", "u2"), ("stort_belopp", "u2")]


def test_rules_over_every_kind_of_table():
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    rows = [dict(zip(PAYMENTS, values)) for values in zip(*PAYMENTS.values())]
    for table in (PAYMENTS, rows, pd.DataFrame(PAYMENTS), pl.DataFrame(PAYMENTS), pa.table(PAYMENTS)):
        assert flagged(run(RULES, payments=table)) == EXPECTED, type(table)


def test_review_queue_adds_points_per_record():
    rules = RuleSet.parse("bistand", "2025.1", RULES)
    rules.thresholds = (50, 80)
    data = DataSets()
    data.add("payments", PAYMENTS)
    report = rules.run(data)
    queue = report.queue()
    assert [(i["record"], i["score"], i["decision"]) for i in queue["items"]] == [
        ("u2", 90, "escalate"),
        ("u1", 60, "review"),
    ]
    assert report.rows == 3 and len(report) == 3
    assert "stort_belopp" in report.flags[-1]["explanation"] or report.flags[0]["explanation"]


def test_missing_values_and_types():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": ["u1", "u2", None], "amount": [40000, None, 50000]})
    report = run('rule "stort" v1 on payments: amount > 30000 => score 30', payments=frame)
    assert [f["row"] for f in report.flags] == [0, 2]
    with pytest.raises(ValueError, match='row 2, column "amount": not a number'):
        run('rule "x" v1 on p: amount > 1 => score 1', p={"amount": [1.0, "many"]},
            schemas={"p": "amount:number"})


def test_dates_from_python_dates_and_text_reach_rules_as_dates():
    rules = RuleSet.parse("r", "1", "")
    rules.add_rule(ControlRule("sen", 1, "p", lambda r: 10 if r["paid"] > date(2025, 6, 1) else None))
    for paid in ([date(2025, 1, 1), date(2025, 7, 1)], ["2025-01-01", "2025-07-01"]):
        data = DataSets()
        data.add("p", {"id": ["a", "b"], "paid": paid}, "id:text, paid:date")
        assert [f["record_id"] for f in rules.run(data).flags] == ["b"]


def test_python_control_rule_beside_language_rules():
    def company_reference(record):
        if " AB" in (record["reference"] or ""):
            return {"score": 10, "reason": "Referensen nämner ett aktiebolag", "evidence": {"reference": record["reference"]}}
        return None

    rules = RuleSet.parse("r", "1", 'rule "stort" v1 on payments: amount > 30000 => score 30')
    rules.add_rule(ControlRule("bolag_i_referens", 1, "payments", company_reference))
    rules.add_rule(ControlRule("negativt", 1, "payments", lambda r: (30, "Negativt belopp") if r["amount"] < 0 else None))
    data = DataSets()
    data.add("payments", {"id": ["p1", "p2", "p3"], "amount": [100.0, -5.0, 40000.0],
                          "reference": ["Bygg AB", "Återbetalning", None]})
    report = rules.run(data)
    assert sorted((f["rule"], f["record_id"]) for f in report.flags) == [
        ("bolag_i_referens", "p1"), ("negativt", "p2"), ("stort", "p3")]
    hit = [f for f in report.flags if f["rule"] == "bolag_i_referens"][0]
    assert hit["evidence"] == [{"name": "reference", "value": "Bygg AB"}]
    assert rules.rules == ["stort", "bolag_i_referens", "negativt"]
    # Custom rules are saved by name and found again by name.
    again = RuleSet.from_json(rules.to_json(), [ControlRule("bolag_i_referens", 1, "payments", company_reference),
                                                ControlRule("negativt", 1, "payments", lambda r: None)])
    assert again.rules == rules.rules


def test_failing_python_rule_and_bad_rules_are_typed():
    rules = RuleSet.parse("r", "1", "")
    rules.add_rule(ControlRule("trasig", 1, "p", lambda r: 1 / 0))
    data = DataSets()
    data.add("p", {"id": ["a"]})
    with pytest.raises(lantero.ControlRuleError, match='control rule "trasig" failed'):
        rules.run(data)
    with pytest.raises(lantero.ControlRuleError):
        RuleSet.parse("r", "1", 'rule "x" v1 on p: amount >> 3 => score 1')
    with pytest.raises(lantero.LanteroError):
        rules.thresholds = (90, 10)


def test_standard_rules_sql_and_csv(tmp_path):
    rules = RuleSet.standard()
    assert "samma_konto" in rules.rules
    assert "SELECT" in rules.to_sql("postgres").upper()
    statements = dict(rules.to_sql_statements("spark"))
    assert statements.keys() == set(rules.rules)
    assert all(sql.rstrip().endswith(";") for sql in statements.values())
    text = "\\' OR 1=1 --"  # a backslash ends Spark's literal early unless escaped
    source = 'rule "t" on p: kind == "' + text.replace("\\", "\\\\") + '" => score 1'
    tricky = dict(RuleSet.parse("t", "1", source).to_sql_statements("spark"))["t"]
    assert tricky.endswith("= '" + "\\\\\\'" + " OR 1=1 --');")
    nul = RuleSet.parse("n", "1", 'rule "n" on p: kind == "a\0b" => score 1')
    with pytest.raises(lantero.ControlRuleError):
        nul.to_sql("duckdb")
    csv = tmp_path / "p.csv"
    csv.write_text("id,applicant_id,bank_account,amount\nu1,a1,K1,9000\nu2,a2,K1,45000\n")
    data = DataSets()
    data.load_csv("payments", csv, "id:text, applicant_id:text, bank_account:text, amount:number")
    assert data.names == ["payments"] and data.rows("payments") == 2
    result = RuleSet.parse("b", "1", RULES).test_run(data, [("samma_konto", "u1"), ("samma_konto", "u2"), ("stort_belopp", "u2")])
    assert result["missing"] == [] and result["unexpected"] == []


def test_packs_and_mapping():
    pack = Pack.welfare_crime()
    assert pack.metadata["licence"] == "CC-BY-4.0"
    framework = pack.framework
    item = framework.items()[0]
    first = framework.assess(date(2025, 1, 1), "samordnare")
    first.answer(item["item"]["id"], "no")
    later = framework.assess(date(2025, 6, 1), "samordnare")
    later.answer(item["item"]["id"], "yes")
    mapping = Mapping(framework)
    mapping.add(first)
    mapping.add(later)
    assert len(mapping.history()) == 1
    assert isinstance(mapping.progress(), dict)
    assert mapping.gaps()
    assert Pack.cyber_hygiene().framework.id != framework.id
    assert Pack.from_json(pack.to_json()).metadata == pack.metadata


def test_risk_analysis_and_action_plan():
    analysis = RiskAnalysis("ra-2025", "Riskanalys ekonomiskt bistånd", date(2025, 3, 1))
    analysis.add_unit({"id": "eb", "name": "Ekonomiskt bistånd", "payments": True})
    analysis.answer("eb", "known_exploitation", "Ja, falska hyreskontrakt 2023", concern=True)
    assert "known_exploitation" not in analysis.unanswered("eb")
    analysis.add_risk({
        "id": "r1", "unit": "eb", "valued": "2025-03-01",
        "risk": {"description": "Falska hyreskontrakt", "owner": "Enhetschef",
                 "current": {"probability": 3, "consequence": 4},
                 "target": {"probability": 1, "consequence": 4}, "treatment": "reduce"},
    })
    assert analysis.prioritised()[0]["id"] == "r1" or analysis.prioritised()[0]
    assert analysis.heat_map().count(3, 4) == 1
    plan = ActionPlan("ap", "Åtgärdsplan 2025")
    assert plan.untreated_risks(analysis) == ["r1"]
    plan.add({"id": "a1", "title": "Kontrollera hyreskontrakt", "risks": ["r1"], "owner": "Enhetschef",
              "phase": "implementation", "deadline": "2025-09-01"}, analysis)
    plan.follow_up("a1", {"date": "2025-10-01", "status": "done", "note": "Klart",
                          "outcome": {"reduced_loss_sek": 250000}}, analysis)
    assert plan.outcome()["reduced_loss_sek"] == 250000
    assert plan.untreated_risks(analysis) == []
    assert ActionPlan.from_json(plan.to_json()).activities() == plan.activities()
    with pytest.raises(lantero.LanteroError):
        plan.add({"id": "a2", "title": "x", "risks": ["nope"], "owner": "x", "phase": "mapping",
                  "deadline": "2025-09-01"}, analysis)
