//! End to end through FraudFinder for the fictional Exempelby kommun: load and share the
//! content packs, map and self-assess, analyse risks per business unit, run an action plan
//! with follow-up, check the responsibility matrix, bisysslor and a background check, run
//! the control rules over a generated payment file with planted fraud patterns, and write
//! the management report.
//!
//! ```text
//! cargo run -p lantero-fraudfinder --example municipality [output-folder]
//! ```
//!
//! Output goes to `out/fraudfinder/` in the workspace unless a folder is given:
//! `rapport.html`, `rapport.md`, `kontroller.sql`, the exported packs and the generated
//! data files.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use lantero_core::assets::{Asset, AssetKind, AssetRegister, Importance, Klassa};
use lantero_core::framework::{ActivityStatus, Answer, Assessment};
use lantero_core::identifiers::Organisationsnummer;
use lantero_core::risk::{Estimate, Risk, Treatment, presets};
use lantero_fraudfinder::action_plan::{
    ActionPlan, FollowUp, Outcome, Phase, PlanActivity, Status,
};
use lantero_fraudfinder::background_check::{
    BackgroundCheck, CheckKind, CheckStep, Consent, Position, ProtectionValue, Recommendation,
    StepOutcome,
};
use lantero_fraudfinder::bisyssla::{Bisyssla, BisysslaRegister, Decision, Employee, Supplier};
use lantero_fraudfinder::controls::data::CsvSource;
use lantero_fraudfinder::controls::{Dialect, FnRule, Hit, Thresholds, standard_rules};
use lantero_fraudfinder::mapping::{Mapping, Questionnaire, Response};
use lantero_fraudfinder::packs::{self, GoodExample, Pack, suggest_answers};
use lantero_fraudfinder::report::ManagementReport;
use lantero_fraudfinder::responsibility::{PaymentArea, ResponsibilityMatrix, Role};
use lantero_fraudfinder::risk_analysis::{
    Authority, BusinessUnit, IdentifiedRisk, RiskAnalysis, RiskQuestion,
};
use lantero_fraudfinder::sample::{Scenario, ScenarioOptions};
use lantero_fraudfinder::{Error, Result};

const MUNICIPALITY: &str = "Exempelby kommun";

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, month, d).unwrap_or_default()
}

fn io(path: &std::path::Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::InvalidValue {
        field: "output file",
        value: path.display().to_string(),
        reason: e.to_string(),
    }
}

fn write(path: PathBuf, contents: &str) -> Result<()> {
    std::fs::write(&path, contents).map_err(io(&path))?;
    println!("  skrev {}", path.display());
    Ok(())
}

fn main() -> Result<()> {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../out/fraudfinder"));
    std::fs::create_dir_all(&out).map_err(io(&out))?;
    let out = out.canonicalize().map_err(io(&out))?;

    // 1. Content packs: load, validate, adapt, export and import again.
    println!("== Innehållspaket");
    let lantero = packs::welfare_crime()?;
    let cyber = packs::cyber_hygiene()?;
    for pack in [&lantero, &cyber] {
        let back = Pack::from_json(&pack.to_json()?, "export")?;
        println!(
            "  {} v{} ({}): {} områden, {} aktiviteter, export/import {}",
            pack.metadata.title,
            pack.metadata.version,
            pack.metadata.licence,
            pack.framework.areas.len(),
            pack.framework.activities().count(),
            if back == *pack { "identisk" } else { "AVVIKER" }
        );
    }
    let mut ours = lantero.adapt(MUNICIPALITY, "2025.1-exempelby", day(9, 1));
    ours.examples.push(GoodExample {
        id: "ex-exempelby-kontoregel".into(),
        title: "Kontoregel vid utbetalning".into(),
        municipality: MUNICIPALITY.into(),
        activity: "eb-kontroll-ansokan".into(),
        summary: "Utbetalningssystemet stoppar bistånd till konton som redan används av en annan sökande.".into(),
        template: None,
    });
    ours.validate()?;
    write(out.join("paket-exempelby.json"), &ours.to_json()?)?;
    let fw = ours.framework.clone();

    // 2. Mapping and self-assessment, spring and autumn.
    println!("== Kartläggning och självskattning");
    let questionnaire = Questionnaire::for_area(&fw, "ekonomiskt-bistand")?;
    let mut chef = Response::new("Enhetschef försörjningsstöd");
    let mut handlaggare = Response::new("Handläggare");
    for (i, q) in questionnaire.questions.iter().enumerate() {
        chef.answers.insert(
            q.item.clone(),
            if i % 3 == 0 {
                Answer::Yes
            } else {
                Answer::Partly
            },
        );
        handlaggare.answers.insert(
            q.item.clone(),
            if i % 2 == 0 {
                Answer::Partly
            } else {
                Answer::No
            },
        );
    }
    let mut spring = Assessment::new(&fw, day(3, 15), "samordnare@exempelby.se");
    questionnaire.apply(&fw, &[chef.clone(), handlaggare], &mut spring)?;
    let mut autumn = Assessment::new(&fw, day(9, 30), "samordnare@exempelby.se");
    let levels_spring = [1u8, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 2, 1, 1, 0];
    let levels_autumn = [3u8, 1, 2, 1, 1, 1, 1, 2, 2, 2, 2, 1, 2, 2, 2, 2];
    for (i, area) in fw.areas.iter().enumerate() {
        spring.set_maturity(&fw, &area.id, levels_spring[i % 16])?;
        autumn.set_maturity(&fw, &area.id, levels_autumn[i % 16])?;
        for (j, (_, activity, item)) in fw.items().filter(|(a, _, _)| a.id == area.id).enumerate() {
            let answer = match (i + j) % 4 {
                0 | 1 => Answer::Yes,
                2 => Answer::Partly,
                _ => Answer::No,
            };
            autumn.answer(&fw, &item.id, answer)?;
            if j == 0 {
                autumn.set_status(&fw, &activity.id, ActivityStatus::Done)?;
            }
        }
    }
    let mut mapping = Mapping::new(fw.clone());
    mapping.add(spring)?;
    mapping.add(autumn)?;
    let progress = mapping.progress()?;
    println!(
        "  mognad {:.0} %, checklistor {:.0} %, förändring mognad {:+.0} p.e.",
        progress.maturity.unwrap_or(0.0) * 100.0,
        progress.completion.unwrap_or(0.0) * 100.0,
        progress
            .change
            .as_ref()
            .and_then(|c| c.maturity)
            .unwrap_or(0.0)
            * 100.0
    );

    // 3. Cyber hygiene tied to the asset register.
    let mut register = AssetRegister::new(presets::municipal_4x4());
    let mut system = Asset::new("eko", "Ekonomisystem", AssetKind::System)?;
    system.owner = Some("Ekonomichef".into());
    system.importance = Importance::Critical;
    system.klassa = Klassa::new(3, 3, 2)?;
    system.risks.push(Risk::new(
        "Obehörig ändring av bankkonton",
        "Ekonomichef",
        Estimate::new(3, 4),
        Estimate::new(1, 4),
        Treatment::Reduce,
    ));
    register.add(system)?;
    register.add(Asset::new(
        "mob-soc",
        "Mobiltelefoner socialtjänst",
        AssetKind::MobilePhone,
    )?)?;
    let suggestions = suggest_answers(&cyber, &register, day(9, 30))?;
    println!(
        "== Cyberhygien: {} svar föreslagna ur tillgångsregistret",
        suggestions.len()
    );
    for s in suggestions.iter().take(3) {
        println!("  {} → {:?}: {}", s.item, s.answer, s.comment);
    }

    // 4. Operative risk analysis.
    println!("== Operativ riskanalys");
    let mut analysis = RiskAnalysis::new(
        "ra-2025",
        "Operativ riskanalys 2025",
        day(4, 16),
        presets::municipal_4x4(),
    );
    let mut bygglov = BusinessUnit::with_payments("bygglov", "Bygglov");
    bygglov.payments = false;
    bygglov.authority = vec![Authority::Permits, Authority::Supervision];
    for unit in [
        BusinessUnit::with_payments("fs", "Försörjningsstöd"),
        BusinessUnit::with_payments("fb", "Föreningsbidrag"),
        BusinessUnit::with_payments("pa", "Personlig assistans"),
        bygglov,
    ] {
        analysis.add_unit(unit)?;
    }
    analysis.answer(
        "fs",
        RiskQuestion::KnownExploitation,
        "Flera fall av skenskrivning 2024",
        true,
    )?;
    analysis.answer(
        "fs",
        RiskQuestion::DocumentVerification,
        "Hyreskontrakt kontrolleras sällan",
        true,
    )?;
    analysis.answer(
        "fs",
        RiskQuestion::DataHandling,
        "Handläggare kan ändra bankkonto utan kontroll",
        true,
    )?;
    analysis.answer(
        "bygglov",
        RiskQuestion::DecisionIncentives,
        "Stora värden i bygglovsbeslut",
        true,
    )?;
    let risks: [(&str, &str, &str, u32, u32, &str); 8] = [
        (
            "r-konto",
            "fs",
            "Samma bankkonto för flera sökande",
            4,
            3,
            "ekonomiskt-bistand",
        ),
        (
            "r-adress",
            "fs",
            "Skenskrivning på adresser",
            3,
            3,
            "ekonomiskt-bistand",
        ),
        (
            "r-inkomst",
            "fs",
            "Odeklarerad arbetsinkomst under bistånd",
            3,
            3,
            "ekonomiskt-bistand",
        ),
        (
            "r-intyg",
            "fs",
            "Falska intyg och hyreskontrakt",
            2,
            3,
            "ekonomiskt-bistand",
        ),
        (
            "r-forening",
            "fb",
            "Uppblåsta medlemsantal",
            2,
            2,
            "foreningsbidrag",
        ),
        (
            "r-timmar",
            "pa",
            "Falska tidrapporter",
            3,
            4,
            "personlig-assistans",
        ),
        (
            "r-anhorig",
            "pa",
            "Anhöriga som assistenter döljer förhållanden",
            2,
            3,
            "personlig-assistans",
        ),
        (
            "r-paverkan",
            "bygglov",
            "Otillåten påverkan på handläggare",
            2,
            4,
            "tillstand-tillsyn",
        ),
    ];
    for (id, unit, text, p, c, area) in risks {
        analysis.add_risk(IdentifiedRisk {
            id: id.into(),
            unit: unit.into(),
            question: None,
            area: Some(area.into()),
            risk: Risk::new(
                text,
                "Förvaltningschef",
                Estimate::new(p, c),
                Estimate::new(1, c.min(2)),
                Treatment::Reduce,
            ),
            valued: day(4, 16),
        })?;
    }
    for r in analysis.prioritised()?.iter().take(3) {
        println!(
            "  {}. {} ({}, riskvärde {}, {})",
            r.rank, r.description, r.unit, r.current.value, r.level
        );
    }

    // 5. Action plan with follow-up and re-prioritisation.
    println!("== Åtgärdsplan");
    let mut plan = ActionPlan::new("ap-2025", "Åtgärdsplan mot välfärdsbrott 2025");
    let activities = [
        (
            "a-kontoregel",
            "Kontrollregler i utbetalningssystemet",
            "Controller",
            Phase::Implementation,
            day(6, 30),
            vec!["r-konto", "r-adress"],
        ),
        (
            "a-samkorning",
            "Samkörning av inkomstuppgifter",
            "Enhetschef försörjningsstöd",
            Phase::Implementation,
            day(8, 31),
            vec!["r-inkomst"],
        ),
        (
            "a-intyg",
            "Rutin för intygskontroll",
            "Enhetschef försörjningsstöd",
            Phase::Implementation,
            day(9, 15),
            vec!["r-intyg"],
        ),
        (
            "a-tidrapporter",
            "Automatisk granskning av tidrapporter",
            "Enhetschef LSS",
            Phase::Implementation,
            day(10, 31),
            vec!["r-timmar", "r-anhorig"],
        ),
        (
            "a-forening",
            "Efterkontroll av föreningsbidrag",
            "Kultur- och fritidschef",
            Phase::FollowUp,
            day(11, 30),
            vec!["r-forening"],
        ),
        (
            "a-bisysslor",
            "Bisyssleinventering för bygglov",
            "HR-chef",
            Phase::Mapping,
            day(5, 31),
            vec!["r-paverkan"],
        ),
    ];
    for (id, title, owner, phase, deadline, linked) in activities {
        plan.add(
            PlanActivity::new(id, title, owner, phase, deadline, &linked),
            &analysis,
        )?;
    }
    plan.follow_up(
        "a-kontoregel",
        FollowUp::new(
            day(9, 15),
            Status::Done,
            "Regeln samma_konto i drift sedan juli",
        )
        .with_outcome(Outcome {
            reduced_loss_sek: 412_000,
            recovered_sek: 96_000,
            controls_performed: 310,
            findings: 14,
            police_reports: 2,
        })
        .revising("r-konto", Estimate::new(1, 3)),
        &analysis,
    )?;
    plan.follow_up(
        "a-samkorning",
        FollowUp::new(
            day(9, 15),
            Status::InProgress,
            "Samkörning med inkomstuppgifter månadsvis",
        )
        .with_outcome(Outcome {
            reduced_loss_sek: 150_000,
            controls_performed: 120,
            findings: 6,
            ..Outcome::default()
        }),
        &analysis,
    )?;
    for p in plan.reprioritise(&analysis, day(9, 30))? {
        println!("  {}. {} – {}", p.rank, p.title, p.reason);
    }
    plan.apply_revisions(&mut analysis)?;

    // 6. Responsibility matrix.
    println!("== Ansvarsmatris");
    let mut matrix = ResponsibilityMatrix::new();
    matrix.add(
        PaymentArea::new("fs", "Försörjningsstöd")
            .with(Role::BudgetOwner, "Socialchef")
            .with(Role::PaymentDecision, "Handläggare försörjningsstöd")
            .with(Role::PaymentExecution, "Ekonomiassistent")
            .with(Role::OngoingControl, "Controller")
            .with(Role::FollowUp, "Socialnämnden"),
    )?;
    matrix.add(
        PaymentArea::new("fb", "Föreningsbidrag")
            .with(Role::BudgetOwner, "Kultur- och fritidschef")
            .with(Role::PaymentDecision, "Föreningshandläggare")
            .with(Role::PaymentExecution, "Föreningshandläggare")
            .with(Role::OngoingControl, "Föreningshandläggare"),
    )?;
    let responsibility = matrix.findings();
    for f in &responsibility {
        println!("  {f}");
    }

    // 7. Bisysslor against sensitive roles and the supplier register.
    println!("== Bisysslor");
    let mut bisysslor = BisysslaRegister::new();
    bisysslor.add_sensitive_role("Bygglovshandläggare", "Beslutar om bygglov");
    bisysslor.add_sensitive_role("Upphandlare", "Beslutar i upphandlingar");
    let bygg = Organisationsnummer::parse("556036-0793")?;
    for (id, name, role, checked) in [
        ("e1", "Alex Berg", "Bygglovshandläggare", Some(day(2, 1))),
        ("e2", "Sam Lind", "Upphandlare", None),
        ("e3", "Kim Ek", "Ekonom", Some(day(3, 1))),
    ] {
        bisysslor.add_employee(Employee {
            id: id.into(),
            name: name.into(),
            role: role.into(),
            unit: String::new(),
            last_checked: checked,
        })?;
    }
    bisysslor.add(Bisyssla {
        id: "b1".into(),
        employee: "e1".into(),
        description: "Styrelseledamot".into(),
        organisation: Some("Norrbygg AB".into()),
        organisationsnummer: Some(bygg),
        reported: day(2, 1),
        decision: Decision::Approved,
    })?;
    bisysslor.add(Bisyssla {
        id: "b2".into(),
        employee: "e2".into(),
        description: "Konsultuppdrag".into(),
        organisation: Some("Inköpsråd i Väst".into()),
        organisationsnummer: None,
        reported: day(5, 1),
        decision: Decision::Pending,
    })?;
    let suppliers = [Supplier {
        name: "Norrbygg Aktiebolag".into(),
        organisationsnummer: Some(bygg),
    }];
    let bisyssla_findings = bisysslor.findings(&suppliers, day(9, 30));
    for f in &bisyssla_findings {
        println!("  {f}");
    }

    // 8. Background check for a position of high protection value.
    println!("== Bakgrundskontroll");
    let position = Position {
        id: "p-enhetschef".into(),
        title: "Enhetschef försörjningsstöd".into(),
        protection_value: ProtectionValue::High,
        reason: "Beslutar om utbetalningar".into(),
    };
    let mut check = BackgroundCheck::start("bk-2025-07", position, "Ansökan 2025/118")?;
    check.consent(Consent {
        given: day(8, 14),
        informed_by: "HR-konsult".into(),
        scope: CheckKind::ALL.to_vec(),
    })?;
    for kind in CheckKind::ALL {
        let note = (kind == CheckKind::References).then(|| "Två referenser tagna".to_owned());
        check.record(CheckStep {
            kind,
            date: day(8, 20),
            performed_by: "HR-konsult".into(),
            outcome: StepOutcome::NoRemarks,
            note,
        })?;
    }
    check.extract_destroyed(day(8, 21))?;
    check.decide(Recommendation::Proceed, day(8, 22), "Socialchef")?;
    for line in check.documentation() {
        println!("  {line}");
    }

    // 9. Controls over generated data with planted fraud patterns.
    println!("== Kontroller");
    let scenario = Scenario::generate(&ScenarioOptions {
        persons: 2_000,
        ..ScenarioOptions::default()
    })?;
    let data_dir = out.join("data");
    scenario.write_to(&data_dir)?;
    let mut rules = standard_rules()?;
    rules.thresholds = Thresholds::new(40, 80)?;
    // A custom rule beside the language rules, as a Python callable would be.
    rules.add_custom(Arc::new(FnRule::new(
        "negativt_belopp",
        1,
        "payments",
        |record| {
            Ok(record.number("amount").filter(|a| *a < 0.0).map(|a| Hit {
                score: 30,
                reason: format!("Negativt belopp {a} kr"),
                evidence: Vec::new(),
            }))
        },
    )))?;
    let mut data = scenario.load()?;
    // The payment file is streamed from disk; the other data sets are held in memory.
    let payments_path = data_dir.join("payments.csv");
    let file = std::fs::File::open(&payments_path).map_err(io(&payments_path))?;
    let payments = scenario
        .file("payments")
        .map(|f| f.schema.clone())
        .ok_or(Error::NotFound {
            what: "data set",
            id: "payments".into(),
        })?;
    let mut source = CsvSource::new("payments", std::io::BufReader::new(file), payments)?;
    let streamed = rules.run_stream(&mut data, &mut source)?;
    println!(
        "  {} betalningar lästa från {} i strömmande läge, {} flaggor",
        streamed.rows(),
        payments_path.display(),
        streamed.flags.len()
    );
    let test = rules.test_run(&mut data, &scenario.expected())?;
    println!(
        "  planterade fall: {} av {} flaggade, {} oväntade flaggor",
        test.matched.len(),
        scenario.expected().len(),
        test.unexpected.len()
    );
    for case in &scenario.planted {
        println!("  -- {} ({})", case.description, case.rule);
        for flag in test
            .report
            .flags
            .iter()
            .filter(|f| f.rule == case.rule && case.records.contains(&f.record_label()))
            .take(3)
        {
            println!("     {}", flag.explain());
        }
    }
    if !test.passed() {
        return Err(Error::RuleFailed {
            rule: "planted cases".into(),
            reason: format!(
                "missing {:?}, unexpected {:?}",
                test.missing, test.unexpected
            ),
        });
    }
    write(
        out.join("kontroller.sql"),
        &rules.to_sql(Dialect::Postgres)?,
    )?;

    // 10. The management report.
    println!("== Rapport");
    let mut report = ManagementReport::new(MUNICIPALITY, day(9, 30));
    report.progress = Some(progress);
    report.gaps = mapping.gaps();
    report.risk_analysis = Some(analysis);
    report.plan = Some(plan);
    report.controls = Some(test.report);
    report.thresholds = rules.thresholds;
    report.responsibility = responsibility;
    report.bisyssla = bisyssla_findings;
    write(out.join("rapport.html"), &report.to_html()?)?;
    write(out.join("rapport.md"), &report.to_markdown()?)?;
    Ok(())
}
